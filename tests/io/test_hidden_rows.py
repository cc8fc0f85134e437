"""Rows a clerk hid in the sheet are imported as the rest, and the report says so.

Hiding a row is how some staff set aside a partner they no longer report on.
The import took hidden rows like any other without a word, so the clerk who
hid them found them in the database with nothing in the report to say why.
The rows still come in (hiding is no deletion, and a row may be hidden by a
filter left on), but the report names them.
"""

from __future__ import annotations

import openpyxl

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records


def test_hidden_rows_are_imported_and_named(tmp_path, fixture_xlsx, expected_records) -> None:
    wb = openpyxl.load_workbook(fixture_xlsx)
    ws = wb.active
    for row in (6, 7, 2):  # two agreements (Будапешт, Белград) and an empty row above the header
        ws.row_dimensions[row].hidden = True
    path = tmp_path / "hidden rows.xlsx"
    wb.save(path)
    table = read_file(path)
    assert parsed_to_records(table) == expected_records
    notes = [str(w) for w in table.warnings if "скрыт" in str(w)]
    assert len(notes) == 1, table.warnings
    assert "6, 7" in notes[0] and "2," not in notes[0]


def test_no_hidden_rows_no_note(fixture_xlsx) -> None:
    assert not [w for w in read_file(fixture_xlsx).warnings if "скрыт" in str(w)]
