"""The «Итоги» sheet of the export, read back with openpyxl (the printed check is slow:
tests/io/test_xlsx_itogi_printed.py): rows tall enough for their wrapped text, titles
across the sheet, and a span of one year written as that year («2024», not «2024–2024»).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from spbgui.io.xlsx.read import read_table
from spbgui.io.xlsx_writer.styles import LINE_PT, lines_needed
from spbgui.services.export import export_workbook
from spbgui.services.importer import import_table


@pytest.fixture
def sheet(db, fixture_xlsx: Path, tmp_path: Path):
    import_table(db=db, table=read_table(fixture_xlsx))
    path = tmp_path / "t.xlsx"
    export_workbook(db=db, year=2024, path=path)
    return openpyxl.load_workbook(path)["Итоги"]


def test_every_row_is_tall_enough_for_its_text(sheet) -> None:
    widths = {
        c: sheet.column_dimensions[get_column_letter(c)].width
        for c in range(1, sheet.max_column + 1)
    }
    merged = {r.min_row: r for r in sheet.merged_cells.ranges if r.min_row == r.max_row}
    for row in sheet.iter_rows():
        n = row[0].row
        for cell in row:
            if not isinstance(cell.value, str):
                continue
            span = merged.get(n)
            width = (
                sum(widths[c] for c in range(span.min_col, span.max_col + 1))
                if span is not None and span.min_col == cell.column
                else widths[cell.column]
            )
            lines = lines_needed(cell.value, width)
            height = sheet.row_dimensions[n].height or 15.0
            assert height >= lines * LINE_PT, (n, cell.value, lines, height)


def test_the_titles_span_the_sheet(sheet) -> None:
    assert sheet["A1"].value.startswith("Итоги 2024 года по всей базе")
    spans = {(r.min_row, r.min_col, r.max_col) for r in sheet.merged_cells.ranges}
    assert (1, 1, sheet.max_column) in spans
    titles = [r[0].row for r in sheet.iter_rows() if r[0].value == "Юбилейные даты 2024 года"]
    assert titles and (titles[0], 1, sheet.max_column) in spans


def test_one_year_is_written_as_that_year(sheet) -> None:
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Мероприятия по регионам, 2024" in texts
    assert not any("2024–2024" in t for t in texts)
