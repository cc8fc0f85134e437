"""Two imports of one table started together: one lands, the other is refused in plain words.

The «year already has events» check runs inside the write transaction, under the lock, so the
second import sees the first one's events; before, both found the year empty and every event
was stored twice. Real processes on SQLite (the CLI, as two people would run it).
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from spbgui.services import edit
from spbgui.store.database import open_database
from tests.safety.helpers import cli_args

TRIALS = 4


def _two_at_once(fixture_xlsx: Path, db: Path) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(
            cli_args("import", str(fixture_xlsx), "--db", str(db)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


def _events(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM event").fetchone()[0]
    finally:
        conn.close()


def _check_one_won(results: list[subprocess.CompletedProcess[str]], db: Path) -> None:
    codes = sorted(r.returncode for r in results)
    assert codes == [0, 1], [(r.returncode, r.stderr) for r in results]
    loser = next(r for r in results if r.returncode == 1)
    assert "уже есть мероприятия 2024 года" in loser.stderr, loser.stderr
    for word in ("CREATE", "SELECT", "непредвиденная", "Traceback", "locked"):
        assert word not in loser.stderr, loser.stderr
    assert _events(db) == 96


@pytest.mark.parametrize("trial", range(TRIALS))
def test_two_imports_into_a_database_with_records(
    tmp_path: Path, fixture_xlsx: Path, trial: int
) -> None:
    db_path = tmp_path / "shared.sqlite"
    db = open_database(db_path)
    edit.add_region(db=db, name="Антарктида")  # records: each import makes a backup first
    db.close()
    _check_one_won(_two_at_once(fixture_xlsx, db_path), db_path)
    # The refused import's copy was removed again; the winner's stays.
    copies = list((db_path.parent / "backups" / db_path.name).glob("before-import-*"))
    assert len(copies) == 1


@pytest.mark.parametrize("trial", range(TRIALS))
def test_two_imports_into_a_new_file(tmp_path: Path, fixture_xlsx: Path, trial: int) -> None:
    db_path = tmp_path / "new.sqlite"
    _check_one_won(_two_at_once(fixture_xlsx, db_path), db_path)
