"""The «Итоги» sheet: the statistics across years as tables of figures, one under another.

Events per year by region and by country over the last years, the year against the one
before, what each region holds, the year's anniversaries (:mod:`spbgui.services.stats_blocks`
builds them, so the report's section shows the same). Figures are numbers in Excel, so
staff can sum and chart them. A few dozen rows: written cell by cell with openpyxl.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from spbgui.domain.figures import FigureBlock
from spbgui.io.xlsx_writer.cells import cell_text, needs_quote
from spbgui.io.xlsx_writer.styles import LIST_HEADER, LIST_TEXT, set_page, set_widths

SHEET = "Итоги"
FIRST_WIDTH = 34.0
FIGURE_WIDTH = 11.0
LAST_TEXT_WIDTH = 70.0


def _cell(ws: Any, value: object, style: str, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, str):
        text = cell_text(value)
        cell = WriteOnlyCell(ws, value=text)
        cell.style = style
        if needs_quote(text):
            cell.quotePrefix = True  # «-3» of a difference is text, never a formula
    else:
        cell = WriteOnlyCell(ws, value=value)
        cell.style = style
    if bold:
        cell.font = Font(name=cell.font.name, size=cell.font.sz, bold=True)
    return cell


def write_stats_sheet(wb: Any, title: str, blocks: Sequence[FigureBlock]) -> int:
    """Write the sheet; returns its number of rows."""
    ws = wb.create_sheet(SHEET)
    columns = max((len(b.headers) for b in blocks), default=1)
    set_widths(
        ws, [FIRST_WIDTH] + [FIGURE_WIDTH] * (columns - 2) + [LAST_TEXT_WIDTH][: columns - 1]
    )
    set_page(ws, title_rows="1:1", freeze="A2")
    rows = 0

    def append(cells: list[WriteOnlyCell]) -> None:
        nonlocal rows
        ws.append(cells)
        rows += 1

    append([_cell(ws, title, LIST_HEADER, bold=True)])
    for block in blocks:
        append([])
        append([_cell(ws, block.title, LIST_TEXT, bold=True)])
        append([_cell(ws, h, LIST_HEADER) for h in block.headers])
        for row in block.rows:
            append([_cell(ws, v, LIST_TEXT) for v in row])
        if block.total is not None and block.rows:
            append([_cell(ws, v, LIST_TEXT, bold=True) for v in block.total])
        if block.note:
            append([_cell(ws, block.note, LIST_TEXT)])
    return rows
