"""A hidden sheet with last year's table before the sheet the clerk filled in.

Staff start the new year from last year's workbook: they copy the sheet, hide
the old one and fill in the copy. The import read the first sheet with the
header, the hidden one: last year's events came in as the table, and the
sheet the clerk sees was «not imported». The visible table wins; a table that
is only on a hidden sheet is still read, and the report says it was hidden.
"""

from __future__ import annotations

import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.xlsx.read import read_table


def _with_old_sheet(tmp_path, fixture_xlsx, *, hide_new: bool = False):
    wb = openpyxl.load_workbook(fixture_xlsx)
    new = wb.active
    old = wb.copy_worksheet(new)
    old.title = "2023"
    old["E3"] = "Основные мероприятия в 2023 году"
    wb.move_sheet(old, -1)  # the old year's sheet first, as the copy left it
    old.sheet_state = "hidden"
    if hide_new:
        old.sheet_state = "visible"
        new.sheet_state = "hidden"
        wb.active = 0
    else:
        wb.active = 1
    path = tmp_path / "two years.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_the_visible_table_is_read_not_the_hidden_one(
    tmp_path, fixture_xlsx, expected_records, engine
) -> None:
    path = _with_old_sheet(tmp_path, fixture_xlsx)
    table = read_table(path, engine=engine) if engine != "auto" else read_file(path)
    assert table.year == 2024
    assert table.sheet == "Лист1"
    assert parsed_to_records(table) == expected_records
    assert any("2023" in str(w) and "не импорт" in str(w) for w in table.warnings)


def test_a_visible_sheet_first_still_wins_over_a_hidden_one_after_it(
    tmp_path, fixture_xlsx
) -> None:
    path = _with_old_sheet(tmp_path, fixture_xlsx, hide_new=True)
    table = read_file(path)
    assert table.year == 2023 and table.sheet == "2023"


def test_a_table_only_on_a_hidden_sheet_is_read_and_said_to_be_hidden(
    tmp_path, fixture_xlsx, expected_records
) -> None:
    wb = openpyxl.load_workbook(fixture_xlsx)
    wb.active.sheet_state = "hidden"
    notes = wb.create_sheet("Пояснения", 0)
    notes["A1"] = "Таблица на скрытом листе"
    wb.active = 0
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    table = read_file(path)
    assert parsed_to_records(table) == expected_records
    assert any("скрыт" in str(w) for w in table.warnings)
