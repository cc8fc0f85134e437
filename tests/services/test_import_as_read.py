"""An import written as the table is read (issue 17): the same records as one written whole.

``spbgui-cli import`` writes each few hundred rows the table rules read while the next
ones are read (:class:`~spbgui.services.importer.TableImport` as the reader's
``growing``), so that the full-text index of what is written overlaps the reading.
These tests hold that this gives the very database the window's import gives from the
whole table (every column, ids included, and the index), however the rows are cut, and
that a refusal half-way leaves the database and its backups as they were.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbgui.io.table import rows as table_rows
from spbgui.io.table.grid import Grid
from spbgui.io.table.read import Source, read_grids
from spbgui.io.table.records import TableError
from spbgui.io.xlsx.read import read_table
from spbgui.services import records
from spbgui.services.importer import NameTooLong, TableImport, import_table
from spbgui.services.reading import read_table_file
from spbgui.store.backup import list_backups
from spbgui.store.database import open_database
from tests.safety.helpers import make_big_workbook

HEADER = [
    "Страна",
    "Город",
    "Основание для сотрудничества",
    "Год установления связей/ подписания документа",
    "Основные мероприятия в 2024 году",
]
TABLES = ("region", "country", "partner", "agreement", "agreement_date", "event")


def whole_database(path: Path) -> dict[str, list[tuple]]:
    """Every row of every records table and of the search index, ids included."""
    with sqlite3.connect(path) as conn:
        out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
        out["search_index"] = conn.execute(
            "SELECT rowid, body, scope FROM search_index ORDER BY rowid"
        ).fetchall()
    return out


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spbgui.cli", *args], capture_output=True, text=True, timeout=300
    )


# --- the same records however the rows are cut --------------------------------------------

REGION_ROWS = ["ЕВРОПА", "АЗИЯ", "СНГ"]
COUNTRIES = ["Венгрия", "Франция", "Китай", "Вьетнам", "Белоруссия", "Атлантида"]
CITIES = ["Город-1", "г. Город-2", "Провинция Город-3", "Город-4"]
TITLES = ["Соглашение о партнёрстве", "Договор о побратимстве", "Протокол"]
EVENTS = ["12 марта – визит делегации.", "весна – выставка", "1-3 мая – форум. 9 мая – парад."]

row = st.one_of(
    st.sampled_from(REGION_ROWS).map(lambda r: [r, None, None, None, None]),
    st.tuples(
        st.none() | st.sampled_from(COUNTRIES),
        st.none() | st.sampled_from(CITIES),
        st.none() | st.sampled_from(TITLES),
        st.none() | st.integers(1960, 2024),
        st.none() | st.sampled_from(EVENTS),
    ).map(list),
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(row, min_size=1, max_size=40), step=st.integers(1, 6))
def test_written_as_read_or_whole_the_database_is_the_same(
    rows: list[list[object]], step: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interleaved countries, regions met again, partners and countries with no agreement,
    rows before any region: cut every ``step`` rows, or written whole, the same rows."""
    monkeypatch.setattr(table_rows, "STEP", step)

    def grid() -> list[Grid]:
        return [Grid("Лист1", [list(HEADER), *[list(r) for r in rows]])]

    source = Source(name="t.xlsx", parts=["Лист1"])
    with tempfile.TemporaryDirectory() as tmp:
        as_read, whole = Path(tmp) / "as_read.sqlite", Path(tmp) / "whole.sqlite"
        db = open_database(as_read)
        try:
            with TableImport(db=db) as writing:
                try:
                    table = read_grids(grid(), source, growing=writing.rows_read)
                except TableError:  # a table the rules refuse: refused the same way whole
                    with pytest.raises(TableError):
                        read_grids(grid(), source)
                    return
                writing.finish(table)
        finally:
            db.close()
        db = open_database(whole)
        try:
            import_table(db=db, table=read_grids(grid(), source))
        finally:
            db.close()
        assert whole_database(as_read) == whole_database(whole)


def test_the_cli_writes_the_database_the_window_writes(tmp_path: Path) -> None:
    """A generated table of 1,500 rows (countries met again and again, as in the benchmark):
    the CLI writes it in parts as it reads it; the window's import writes the table whole."""
    xlsx = make_big_workbook(tmp_path / "big.xlsx", rows=1_500, year=2024)
    r = cli("import", str(xlsx), "--db", str(tmp_path / "cli.sqlite"))
    assert r.returncode == 0, r.stderr
    db = open_database(tmp_path / "window.sqlite")
    try:
        import_table(db=db, table=read_table(xlsx))
    finally:
        db.close()
    cli_db, window_db = (
        whole_database(tmp_path / "cli.sqlite"),
        whole_database(tmp_path / "window.sqlite"),
    )
    assert len(cli_db["event"]) > 2_000
    assert cli_db == window_db


# --- refusals half-way ----------------------------------------------------------------------


def test_a_name_too_long_far_down_leaves_the_database_and_its_backups_as_they_were(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    """The long name is on row 1,400: the rows above it were written (in the transaction)
    before it was read. All of it goes; so does the copy made for the import."""
    db_path = tmp_path / "records.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(db_path)).returncode == 0
    xlsx = make_big_workbook(tmp_path / "big.xlsx", rows=1_500, year=2025)
    book = openpyxl.load_workbook(xlsx)
    book.active["B1400"] = "Город " + "и окрестности " * 30
    book.save(xlsx)
    db = open_database(db_path)
    before = records.dump(db=db)
    db.close()
    backups = list_backups(db_path, "before-import")
    r = cli("import", str(xlsx), "--db", str(db_path))
    assert r.returncode == 1, r.stderr
    assert "слишком длинное название партнёра (строка 1400)" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    db = open_database(db_path)
    try:
        assert records.dump(db=db) == before
    finally:
        db.close()
    assert list_backups(db_path, "before-import") == backups


def test_a_table_refused_far_down_leaves_no_new_database_behind(tmp_path: Path) -> None:
    """The database is opened at the first rows: a refusal at row 1,400 came after the new
    file was made. It goes again, with its side files; the folder is as it was."""
    xlsx = make_big_workbook(tmp_path / "big.xlsx", rows=1_500, year=2025)
    book = openpyxl.load_workbook(xlsx)
    book.active["B1400"] = "Город " + "и окрестности " * 30
    book.save(xlsx)
    folder = tmp_path / "db"
    folder.mkdir()
    r = cli("import", str(xlsx), "--db", str(folder / "new.sqlite"))
    assert r.returncode == 1, r.stderr
    assert "слишком длинное название партнёра (строка 1400)" in r.stderr
    assert list(folder.iterdir()) == []


def test_a_dry_run_into_a_new_file_makes_no_database(tmp_path: Path, fixture_xlsx: Path) -> None:
    """«только показать, что будет загружено»: the summary, and no file."""
    folder = tmp_path / "db"
    folder.mkdir()
    r = cli("import", str(fixture_xlsx), "--db", str(folder / "new.sqlite"), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "партнёров: 37" in r.stdout
    assert list(folder.iterdir()) == []


def test_a_refused_import_leaves_a_database_with_records_where_it_was(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    """Only a file this import made goes: a dry run into a database that has records, and a
    refusal of a year it has, leave it and its records."""
    db_path = tmp_path / "records.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(db_path)).returncode == 0
    for dry_run in (["--dry-run"], []):
        r = cli("import", str(fixture_xlsx), "--db", str(db_path), *dry_run)
        assert r.returncode == 1 and "уже есть мероприятия 2024 года" in r.stderr
    db = open_database(db_path)
    try:
        assert records.dump(db=db)["partners"]
    finally:
        db.close()


@pytest.mark.parametrize("where", ["formula", "long name"])
def test_a_table_refused_in_its_first_rows_makes_no_database(
    tmp_path: Path, fixture_xlsx: Path, where: str
) -> None:
    book = openpyxl.load_workbook(fixture_xlsx)
    if where == "formula":
        book.active["A6"] = '="Венгрия"'  # openpyxl writes the formula and no value
    else:
        book.active["B6"] = "Будапешт " + "и окрестности " * 30
    path = tmp_path / "refused.xlsx"
    book.save(path)
    db = tmp_path / "new.sqlite"
    r = cli("import", str(path), "--db", str(db))
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not db.exists()


def test_what_the_writing_raises_is_not_taken_for_the_files_fault(fixture_xlsx: Path) -> None:
    """The readers say «the file cannot be read» for an OSError; a full disk while writing
    is an OSError too, and must come out as itself."""

    def full_disk(table, grown) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError) as raised:
        read_table_file(fixture_xlsx, growing=full_disk)
    assert raised.value.errno == 28


def test_a_refusal_of_the_names_comes_before_the_database_is_opened(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    table = read_table(fixture_xlsx)
    table.regions[0].countries[0].partners[0].name = "Г" * 400
    opened: list[Path] = []

    def open_db():
        opened.append(tmp_path / "x.sqlite")
        return open_database(opened[-1])

    with TableImport(db=open_db) as writing, pytest.raises(NameTooLong):
        writing.rows_read(table)
    assert opened == []
