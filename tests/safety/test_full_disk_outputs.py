"""A full disk while the report or the Excel table is saved: the earlier file stays as it was.

A clerk saves this year's report over last month's copy of it; the disk fills up half-way.
The old file must be left byte for byte, the program must say so in Russian (not «File too
large» or a traceback), and it must never say «сохранён» about a cut-off file.
The full disk is a file-size limit (RLIMIT_FSIZE) on the CLI's process, set once the
database is open: write() fails with EFBIG past it, as it fails with ENOSPC on a full disk.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.safety.helpers import cli

LIMITED = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG from write() instead of dying
    limit = int(sys.argv[1])
    from spbgui.cli import main
    from spbgui.commands import database

    opened = database.open_to_read

    def open_then_fill_the_disk(*args, **kwargs):
        db = opened(*args, **kwargs)  # the database opens as usual; the disk fills after
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return db

    database.open_to_read = open_then_fill_the_disk
    sys.exit(main(sys.argv[2:]))
    """
)
OLD = b"last month's report, which must survive" * 10


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path) -> Path:
    path = tmp_path_factory.mktemp("full") / "records.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(path)).returncode == 0
    return path


@pytest.mark.parametrize(
    ("command", "name"),
    [("report", "Отчёт 2024.pdf"), ("report", "Отчёт 2024.docx"), ("export", "Табл 2024.xlsx")],
)
def test_a_full_disk_keeps_the_old_file_and_says_so(
    tmp_path: Path, db: Path, command: str, name: str
) -> None:
    target = tmp_path / name
    target.write_bytes(OLD)
    r = subprocess.run(
        [sys.executable, "-c", LIMITED, "60000", command, "--db", str(db), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert target.read_bytes() == OLD
    assert r.returncode == 1, r.stdout
    assert "сохранён" not in r.stdout
    assert "Traceback" not in r.stderr and "Exception" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "места" in lines[0] and "large" not in lines[0], lines[0]
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind
