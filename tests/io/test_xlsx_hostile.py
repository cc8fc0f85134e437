"""Workbooks under 2 KB that once killed the program (issue 13, item 1), each refused cleanly.

The guard used to scan only parts named *.xml/*.rels/*.vml, with regexes
over the raw XML; calamine then allocated the rectangle the sheet declared
and the process aborted, or panicked with a BaseException that nothing
caught. Each file here is read by ``read_table`` in a separate Python
process, as the window and the CLI would read it: the process must end
normally, with a refusal, quickly and within memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.io import hostile as h

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, resource, sys, time
from spbgui.errors import UserError
from spbgui.io.xlsx.read import read_table
started = time.perf_counter()
try:
    table = read_table(sys.argv[1], engine=sys.argv[2])
    outcome = {"read": table.counts()}
except UserError as e:
    outcome = {"refused": str(e)}
usage = [resource.getrusage(w).ru_maxrss / 1024 for w in
         (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps({**outcome, "seconds": time.perf_counter() - started, "rss_mb": max(usage)}))
"""


def read_in_a_process(path: Path, engine: str = "auto") -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), engine],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout)
    assert result["seconds"] < 20  # type: ignore[operator]
    return result


def refused(path: Path, engine: str = "auto") -> str:
    result = read_in_a_process(path, engine)
    assert "refused" in result, result
    message = str(result["refused"])
    assert message and "\n" not in message and "Traceback" not in message
    assert any("а" <= ch <= "я" for ch in message.lower())
    assert result["rss_mb"] < 1100  # type: ignore[operator]
    return message


Builder = Callable[[Path], Path]

HOSTILE: dict[str, Builder] = {
    "sheet part named .bin": lambda d: h.workbook(
        d / "bin.xlsx", h.sheet_xml(h.table_rows(h.FAR)), sheet_part="xl/worksheets/sheet1.bin"
    ),
    "sheet part without extension": lambda d: h.workbook(
        d / "noext.xlsx", h.sheet_xml(h.table_rows(h.FAR)), sheet_part="xl/worksheets/sheet1"
    ),
    "a '>' in an attribute before r=": lambda d: h.workbook(
        d / "gt.xlsx",
        h.sheet_xml(h.table_rows("<row>" + h.cell("XFD1048576", "x", ' foo=">"') + "</row>")),
    ),
    "a four-letter column": lambda d: h.workbook(
        d / "aaaa.xlsx",
        h.sheet_xml(h.table_rows("<row>" + h.cell("AAAA1048576", "x") + "</row>")),
    ),
    "shared strings: uniqueCount two billion": lambda d: h.workbook(
        d / "sst.xlsx",
        h.sheet_xml(h.SHARED_CELL),
        shared=h.shared_strings(["a"], count="2000000000", unique="2000000000"),
    ),
    "shared strings: uniqueCount near 2^62": lambda d: h.workbook(
        d / "sst62.xlsx",
        h.sheet_xml(h.SHARED_CELL),
        shared=h.shared_strings(["a"], count="1", unique=str(2**62 - 1)),
    ),
    "shared strings part elsewhere, uniqueCount two billion": lambda d: h.workbook(
        d / "sst-elsewhere.xlsx",
        h.sheet_xml(h.SHARED_CELL),
        shared=h.shared_strings(["a"], count="2000000000", unique="2000000000"),
        shared_part="xl/strings.bin",
    ),
}


@pytest.mark.parametrize("build", HOSTILE.values(), ids=HOSTILE.keys())
def test_small_hostile_workbook_is_refused(tmp_path: Path, build: Builder) -> None:
    path = build(tmp_path)
    assert path.stat().st_size < 2048
    refused(path)


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.bin", "xl/worksheets/sheet1"])
def test_entity_expansion_in_a_part_of_any_name(tmp_path: Path, part: str) -> None:
    bomb = h.sheet_xml(h.table_rows(), prolog=h.BILLION_LAUGHS_PROLOG)
    path = h.workbook(tmp_path / "laughs.xlsx", bomb, sheet_part=part)
    assert "DOCTYPE" in refused(path)


def test_entity_expansion_in_a_part_nobody_names(tmp_path: Path) -> None:
    bomb = h.sheet_xml("", prolog=h.BILLION_LAUGHS_PROLOG)
    path = h.workbook(
        tmp_path / "stray.xlsx", h.sheet_xml(h.table_rows()), extra_parts={"xl/stray.dat": bomb}
    )
    assert "DOCTYPE" in refused(path)


def test_the_plain_table_of_these_files_reads(tmp_path: Path) -> None:
    """The same files without their hostile parts import: the tests refuse for the right reason."""
    for part in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.bin", "xl/worksheets/sheet1"):
        path = h.workbook(tmp_path / "ok.xlsx", h.sheet_xml(h.table_rows()), sheet_part=part)
        result = read_in_a_process(path)
        assert result.get("read", {}).get("events") == 1, result  # type: ignore[union-attr]
    path = h.workbook(
        tmp_path / "sst.xlsx", h.sheet_xml(h.table_rows()), shared=h.shared_strings(["a"])
    )
    assert read_in_a_process(path).get("read", {}).get("agreements") == 1  # type: ignore[union-attr]


def test_a_panic_in_the_reader_is_a_refusal_in_process_too(tmp_path: Path) -> None:
    """Without the child process (read_sheets called directly) the panic is caught as well."""
    from spbgui.errors import UserError
    from spbgui.io.xlsx.guard import ReadLimits
    from spbgui.io.xlsx.sheets import read_sheets

    path = h.workbook(
        tmp_path / "sst62.xlsx",
        h.sheet_xml(h.SHARED_CELL),
        shared=h.shared_strings(["a"], count="1", unique=str(2**62 - 1)),
    )
    no_guard = ReadLimits(max_cells=2**63)  # the guard lets the count through
    with pytest.raises(UserError) as info:
        read_sheets(str(path), no_guard, "calamine")
    assert "sst62.xlsx" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "build", [HOSTILE["sheet part named .bin"], HOSTILE["shared strings: uniqueCount near 2^62"]]
)
def test_the_cli_refuses_in_one_line(tmp_path: Path, build: Builder) -> None:
    """spbgui-cli import printed a raw traceback (the panic) or died (the abort)."""
    from tests.test_cli import assert_refused, cli

    db = tmp_path / "db.sqlite"
    r = cli("import", str(build(tmp_path)), "--db", str(db))
    assert_refused(r, 1, "не открыт")
    assert not db.exists()  # refused before the database is opened


def test_binary_parts_beside_the_sheet_are_left_alone(tmp_path: Path) -> None:
    """A picture or printer settings (not XML, named by nobody as XML) do not refuse a file."""
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
    path = h.workbook(
        tmp_path / "logo.xlsx",
        h.sheet_xml(h.table_rows()),
        extra_parts={"xl/media/image1.png": png, "xl/printerSettings/p1.bin": b"\x00\x01" * 99},
    )
    result = read_in_a_process(path)
    assert result.get("read", {}).get("events") == 1, result  # type: ignore[union-attr]
