"""Names longer than the database holds: the table is refused in words, the database untouched.

A PostgreSQL server refused a region over 200 characters, a country over 200 or a
partner over 300 half-way through the import, with «value too long for type character
varying» in the error dialog; SQLite took them, and the window now refuses them when
typed (services.edit). A «name» that long is nearly always another column's text in the
wrong place: the clerk is told which row, mends the file and imports it again.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.services import records
from spbgui.services.importer import NameTooLong, import_table
from spbgui.store.database import Database


@pytest.fixture(scope="module")
def table_2024(fixture_xlsx: Path):
    return read_table(fixture_xlsx)


def _with_long_names(table, *, region: int = 0, country: int = 0, partner: int = 0):
    changed = copy.deepcopy(table)
    treg = changed.regions[0]
    tc = treg.countries[0]
    tp = next(p for p in tc.partners if p.name)
    if region:
        treg.name = "Р" * region
    if country:
        tc.name = "С" * country
    if partner:
        tp.name = "П" * partner
    return changed


@pytest.mark.parametrize(
    ("lengths", "what"),
    [
        ({"region": 201}, "региона"),
        ({"country": 201}, "страны (строка 5)"),
        ({"partner": 301}, "партнёра (строка 5)"),
    ],
)
def test_a_name_longer_than_its_column_refuses_the_table(
    db: Database, table_2024, lengths: dict[str, int], what: str
) -> None:
    before = records.dump(db=db)
    with pytest.raises(NameTooLong) as refused:
        import_table(db=db, table=_with_long_names(table_2024, **lengths))
    message = str(refused.value)
    assert f"слишком длинное название {what}" in message
    assert "можно не больше" in message and "База данных не изменена" in message
    assert records.dump(db=db) == before


def test_names_as_long_as_their_columns_import(db: Database, table_2024) -> None:
    table = _with_long_names(table_2024, region=200, country=200, partner=300)
    assert import_table(db=db, table=table).created["regions"] > 0


def test_the_cli_names_the_row_and_leaves_no_database_change(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    book = openpyxl.load_workbook(fixture_xlsx)
    book.active["B6"] = "Будапешт " + "и окрестности " * 30  # a partner of 429 letters
    path = tmp_path / "long.xlsx"
    book.save(path)
    db = tmp_path / "records.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "spbgui.cli", "import", str(path), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "слишком длинное название партнёра (строка 6)" in done.stderr
    assert "Traceback" not in done.stderr
