"""spbgui-cli export/report with a year the database has no table of: refused, not empty.

«--year 2042» typed for 2024 wrote a table of every partner with no event at all, and
said «записана … мероприятий: 0», a file that looks right and is sent on. A year that
has neither events nor was started (Год → Начать новый год) is now refused, naming the
years there are; a started year with no events yet is still exported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.services import years
from spbgui.store.database import open_database

from .test_cli import assert_refused, cli


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path) -> Path:
    path = tmp_path_factory.mktemp("cli-years") / "records.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(path)).returncode == 0
    db = open_database(path)
    try:
        years.start_year(db=db, year=2025)  # started, no events yet
    finally:
        db.close()
    return path


@pytest.mark.parametrize(("command", "name"), [("export", "t.xlsx"), ("report", "r.pdf")])
def test_a_year_the_database_has_not_is_refused(
    db_file: Path, tmp_path: Path, command: str, name: str
) -> None:
    out = tmp_path / name
    r = cli(command, "--db", str(db_file), "--year", "2042", "-o", str(out))
    assert_refused(r, 1, "2042")
    assert "2024, 2025" in r.stderr
    assert not out.exists()


@pytest.mark.parametrize(("command", "name"), [("export", "t.xlsx"), ("report", "r.pdf")])
def test_a_started_year_without_events_is_written(
    db_file: Path, tmp_path: Path, command: str, name: str
) -> None:
    out = tmp_path / name
    r = cli(command, "--db", str(db_file), "--year", "2025", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.exists()
