"""A table with its header and nothing under it is refused.

A clerk who sends the blank form, or saves the header before filling it in, got
«Загружено … регионов: 0, стран: 0» from the command line, and in the window a
preview of nothing with «Импорт» enabled, which wrote an import into the
history and, with a year already in the database, offered to replace its events
with none: `--replace-year` emptied the year. One plain message now says that the
table is empty. (Region rows alone are still a table: an export of regions
without countries reads back.)
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.records import TableError
from tests.test_cli import assert_refused, cli


def _blank(tmp_path: Path, fixture_xlsx: Path) -> Path:
    wb = openpyxl.load_workbook(fixture_xlsx)
    ws = wb.active
    ws.delete_rows(4, ws.max_row)
    path = tmp_path / "бланк 2024.xlsx"
    wb.save(path)
    return path


def test_an_empty_table_is_refused_in_words(tmp_path, fixture_xlsx) -> None:
    with pytest.raises(TableError, match="нет ни одной строки") as refused:
        read_file(_blank(tmp_path, fixture_xlsx))
    assert "Лист1" in str(refused.value)


def test_the_cli_refuses_it_and_the_database_stays(tmp_path, fixture_xlsx) -> None:
    db = tmp_path / "db.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(db)).returncode == 0
    before = db.read_bytes()
    blank = _blank(tmp_path, fixture_xlsx)
    r = cli("import", str(blank), "--db", str(db), "--replace-year")
    assert_refused(r, 1, "нет ни одной строки")
    assert db.read_bytes() == before
