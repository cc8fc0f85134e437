"""A workbook with one sheet per region («Европа», «Азия», …), each with the table's header.

The import read the first sheet and reported the others as «не импортировались»:
23 of the 26 countries were left out, and without a region row on the sheet
its countries went to «Без региона». Sheets named as regions are one table, each
sheet's rows under its region.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.xlsx.read import read_table

REGIONS = ("ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА")


def _per_region(path: Path, fixture_xlsx: Path, *, region_rows: bool, title: bool) -> Path:
    rows = [
        list(r) for r in openpyxl.load_workbook(fixture_xlsx).active.iter_rows(values_only=True)
    ]
    groups: list[tuple[str, list[list[object]]]] = []
    for row in rows[3:]:
        if row[0] in REGIONS and row[1] is None:
            groups.append((row[0], []))
        else:
            groups[-1][1].append(row)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for region, region_rows_ in groups:
        ws = wb.create_sheet("СНГ" if region == "СНГ" else region.title())
        if title:
            ws.append([f"Сотрудничество: {region.title()}"])
            ws.append([])
        ws.append(rows[2])
        if region_rows:
            ws.append([region])
        for row in region_rows_:
            ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("region_rows", [True, False], ids=["region rows", "no region rows"])
@pytest.mark.parametrize("title", [False, True], ids=["header first", "title above"])
@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_one_sheet_per_region_is_one_table(
    tmp_path, fixture_xlsx, expected_records, region_rows, title, engine
) -> None:
    path = _per_region(
        tmp_path / "по регионам.xlsx", fixture_xlsx, region_rows=region_rows, title=title
    )
    table = read_file(path) if engine == "auto" else read_table(path, engine=engine)
    got = parsed_to_records(table)
    assert got["regions"] == expected_records["regions"]
    assert got["countries"] == expected_records["countries"]
    assert got["counts"] == expected_records["counts"]
    assert not any("не импортировались" in str(w) for w in table.warnings)


def test_sheets_of_two_years_are_still_two_tables(tmp_path, fixture_xlsx) -> None:
    """Only sheets named as regions are joined: last year's sheet stays out."""
    wb = openpyxl.load_workbook(fixture_xlsx)
    old = wb.copy_worksheet(wb.active)
    old.title = "2023"
    old["E3"] = "Основные мероприятия в 2023 году"
    path = tmp_path / "два года.xlsx"
    wb.save(path)
    table = read_file(path)
    assert table.year == 2024 and table.counts()["events"] == 96
    assert any("«2023» не импортировались" in str(w) for w in table.warnings)
