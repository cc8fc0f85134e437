"""``spbgui-cli export`` and ``report`` where the file cannot go: one plain line, nothing left.

Run as a colleague runs them, as separate processes, and where it matters as a process
that obeys file permissions even when the tests run as root (``setpriv``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import assert_refused, cli


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path) -> Path:
    db = tmp_path_factory.mktemp("cli-targets") / "records.sqlite"
    r = cli("import", str(fixture_xlsx), "--db", str(db))
    assert r.returncode == 0, r.stderr
    return db


def _as_a_user(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "spbgui.cli", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test permissions as root"
        cmd = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def read_only_folder(tmp_path: Path):
    folder = tmp_path / "только чтение"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_export_into_a_read_only_folder_says_so_in_one_line(
    database: Path, read_only_folder: Path
) -> None:
    """The message was right, but openpyxl's unfinished «Итоги» sheet printed two
    tracebacks («Exception ignored in: <generator …> … LxmlSyntaxError») after it."""
    r = _as_a_user("export", "--db", str(database), "-o", str(read_only_folder / "t.xlsx"))
    assert_refused(r, 1, "Нет прав на запись в папку")
    assert "Exception" not in r.stderr
    assert list(read_only_folder.iterdir()) == []


def test_report_into_a_read_only_folder_names_the_folder(
    database: Path, read_only_folder: Path
) -> None:
    """It said «нет прав на запись или файл открыт в другой программе — закройте его» of a
    file that did not exist: the folder was the trouble, as the export says."""
    for name in ("t.pdf", "t.docx"):
        r = _as_a_user("report", "--db", str(database), "-o", str(read_only_folder / name))
        assert_refused(r, 1, "Нет прав на запись в папку")
        assert "открыт" not in r.stderr
    assert list(read_only_folder.iterdir()) == []


@pytest.mark.parametrize(
    ("command", "name"),
    [("export", ".xlsx"), ("report", ".pdf"), ("report", ".docx"), ("export", ".XLSX")],
)
def test_a_name_that_is_only_an_extension(
    database: Path, tmp_path: Path, command: str, name: str
) -> None:
    """«Имя файла «.xlsx» должно оканчиваться на .xlsx» contradicted itself: the name has
    no name before its extension (and is a hidden file on Linux)."""
    r = cli(command, "--db", str(database), "-o", str(tmp_path / name))
    assert_refused(r, 1, "Укажите имя файла")
    assert list(tmp_path.iterdir()) == []
