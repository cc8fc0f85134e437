"""Region rows as clerks number them: «I. ЕВРОПА», «1. Азия», «СНГ:», or a «№ п/п» cell.

A table whose region rows read «I. ЕВРОПА» was imported with the regions
«I. Европа», «II. Азия»…: next year's table, numbered otherwise, made a second
set of regions beside them. A «№ п/п» column that numbers the region rows too
(«I», «1») made the row two cells long, so it was no region row at all: every
country went to «Без региона» and each region's name was reported as skipped.
"""

from __future__ import annotations

import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records

REGIONS = ("ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА")
ROMAN = ("I", "II", "III", "IV", "V")


def _fixture_with(tmp_path, fixture_xlsx, change) -> dict:
    wb = openpyxl.load_workbook(fixture_xlsx)
    change(wb.active)
    path = tmp_path / "numbered.xlsx"
    wb.save(path)
    return parsed_to_records(read_file(path))


def _region_rows(ws):
    return [r for r in ws.iter_rows(min_row=4) if r[0].value in REGIONS and r[1].value is None]


@pytest.mark.parametrize(
    "written",
    [
        lambda n, name: f"{ROMAN[n]}. {name}",
        lambda n, name: f"{n + 1}. {name}",
        lambda n, name: f"{n + 1}) {name.capitalize()}",
        lambda n, name: f"{name}:",
        lambda n, name: f"Раздел {ROMAN[n]}. {name}",
    ],
    ids=["roman", "arabic", "bracket", "colon", "section"],
)
def test_a_numbered_region_row_names_the_region(
    tmp_path, fixture_xlsx, expected_records, written
) -> None:
    def change(ws) -> None:
        for n, row in enumerate(_region_rows(ws)):
            row[0].value = written(n, row[0].value)

    got = _fixture_with(tmp_path, fixture_xlsx, change)
    assert got["regions"] == expected_records["regions"]
    assert got["countries"] == expected_records["countries"]


@pytest.mark.parametrize("number", [lambda n: ROMAN[n], lambda n: n + 1, lambda n: f"{n + 1}."])
def test_the_number_column_numbering_region_rows(
    tmp_path, fixture_xlsx, expected_records, number
) -> None:
    def change(ws) -> None:
        regions = {row[0].row for row in _region_rows(ws)}
        ws.insert_cols(1)
        ws["A3"] = "№ п/п"
        n_region = n_row = 0
        for row in ws.iter_rows(min_row=4):
            if row[0].row in regions:
                row[0].value = number(n_region)
                n_region += 1
            elif row[3].value:
                n_row += 1
                row[0].value = n_row

    got = _fixture_with(tmp_path, fixture_xlsx, change)
    assert got == expected_records
