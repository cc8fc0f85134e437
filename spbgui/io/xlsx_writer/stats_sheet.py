"""The «Итоги» sheet: the statistics across years as tables of figures, one under another.

Events per year by region and by country over the last years, the year against the one
before, what each region holds, the year's anniversaries (:mod:`spbgui.services.stats_blocks`
builds them, so the report's section shows the same). Figures are numbers in Excel, so
staff can sum and chart them. A few dozen rows: written cell by cell with openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Border, Font
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.pagebreak import Break

from spbgui.domain.figures import Cell, FigureBlock
from spbgui.io.cell_limit import excel_length
from spbgui.io.xlsx_writer.cells import cell_text, needs_quote
from spbgui.io.xlsx_writer.styles import (
    LIST_HEADER,
    LIST_TEXT,
    lines_needed,
    row_height,
    set_page,
    set_widths,
)

SHEET = "Итоги"
MIN_WIDTH = 7.0
FIRST_WIDTH = 34.0  # the most the first column (regions, countries, dates) takes
FIGURE_WIDTH = 24.0  # the most any other column takes; a longer text wraps
LAST_TEXT_WIDTH = 70.0  # the most a text stretched to the sheet's right edge takes
BOLD = 1.1  # bold letters are this much wider: a bold header needs more room
LONG = 16  # a last column with longer texts (what an anniversary is) spans to the edge

_title_look = Alignment(wrap_text=True, vertical="center", horizontal="left")


def _length(value: Cell) -> int:
    return max((excel_length(line) for line in str(value).split("\n")), default=0)


def _stretched(block: FigureBlock) -> bool:
    """Whether the block's last column holds texts: it then spans to the sheet's edge."""
    last = len(block.headers) - 1
    return last >= 1 and any(_length(row[last]) > LONG for row in block.rows if len(row) > last)


def _columns(blocks: Sequence[FigureBlock]) -> int:
    """The sheet's columns: the widest table's, and one more at the right that only the
    stretched texts use, so that they do not make a column of figures wide."""
    widest = max((len(b.headers) for b in blocks), default=1)
    return widest + 1 if any(_stretched(b) for b in blocks) else widest


def _widths(blocks: Sequence[FigureBlock], columns: int) -> list[float]:
    """Each column as wide as its longest entry (within limits), the stretched texts last."""
    need = [MIN_WIDTH] * columns
    for block in blocks:
        stretched = _stretched(block)
        cut = len(block.headers) - 1 if stretched else len(block.headers)
        rows = [*block.rows, *([block.total] if block.total else [])]
        for c in range(cut):
            need[c] = max(need[c], _length(block.headers[c]) * BOLD + 2)
            for row in rows:
                if c < len(row):
                    need[c] = max(need[c], _length(row[c]) + 2)
    widths = [min(n, FIRST_WIDTH if c == 0 else FIGURE_WIDTH) for c, n in enumerate(need)]
    for block in blocks:
        if _stretched(block):
            last = len(block.headers) - 1
            longest = max(_length(row[last]) for row in block.rows if len(row) > last) + 2
            room = sum(widths[last:])
            if longest > room:
                widths[-1] += min(longest, LAST_TEXT_WIDTH + widths[-1]) - room
    return [round(max(w, MIN_WIDTH), 1) for w in widths]


def _cell(ws: Any, value: Cell | None, style: str, bold: bool = False) -> SheetCell:
    if isinstance(value, str):
        text = cell_text(value)
        cell = WriteOnlyCell(ws, value=text)
        # openpyxl makes a formula of any text that starts with «=» (a region or partner
        # named «=HYPERLINK(…)»); and «#N/A» it would call an error: text it is.
        cell.data_type = "s"
        cell.style = style
        if needs_quote(text):
            cell.quotePrefix = True  # «-3» of a difference is text, never a formula
    else:
        cell = WriteOnlyCell(ws, value=value)
        cell.style = style
    if bold:
        cell.font = Font(name=cell.font.name, size=cell.font.sz, bold=True)
    return cell


def _note_cells(ws: Any, note: str) -> list[SheetCell]:
    return [_cell(ws, note, LIST_TEXT)]


@dataclass
class _Row:
    """A row to write: its cells (made afresh each time it is written), height and span."""

    make: Callable[[], list[SheetCell]]
    height: float
    span: int | None = None
    boxed: bool = True


# The printed body of an A4 landscape page (210 mm less the 0.5" and 0.6" margins set by
# set_page), in points, with some room to spare for the program printing it.
PAGE_BODY_PT = (210 / 25.4 * 72 - 0.5 * 72 - 0.6 * 72) * 0.95
SPACER_PT = 15.0


def write_stats_sheet(wb: Any, title: str, blocks: Sequence[FigureBlock]) -> int:
    """Write the sheet; returns its number of rows.

    Neither Excel nor LibreOffice grows a row for wrapped text a program wrote, so each
    row gets the height its longest cell needs; the sheet's title and each table's title
    span the sheet's width instead of wrapping inside the first column.

    A sheet repeats one set of rows on every printed page (its title here), not each
    table's headers: so the pages are broken here. A table that would run over the foot
    of a page starts on the next one; one taller than a page goes on over the page break
    under its heading «… (продолжение)» and its column headers again.
    """
    ws = wb.create_sheet(SHEET)
    columns = _columns(blocks)
    widths = _widths(blocks, columns)
    set_widths(ws, widths)
    set_page(ws, title_rows="1:1", freeze="A2")
    rows = 0

    def append(row: _Row) -> None:
        """A row; ``span``: its last cell runs on to the sheet's last column."""
        nonlocal rows
        rows += 1
        ws.row_dimensions[rows].height = row.height
        cells = row.make()
        if row.span is not None and row.span < columns - 1:
            # The cells under the merged one carry its borders (a title has none).
            filler = LIST_TEXT if row.boxed else "Normal"
            cells += [_cell(ws, None, filler) for _ in range(row.span + 1, columns)]
            ws.merged_cells.ranges.add(
                CellRange(min_col=row.span + 1, min_row=rows, max_col=columns, max_row=rows)
            )
        ws.append(cells)

    def heading(text: str, size: int | None = None) -> _Row:
        def make() -> list[SheetCell]:
            cell = _cell(ws, text, LIST_TEXT, bold=True)
            cell.border = Border()
            cell.alignment = _title_look
            if size is not None:
                cell.font = Font(name=cell.font.name, size=size, bold=True)
            return [cell]

        scale = BOLD * (size or 11) / 11
        lines = lines_needed(text, sum(widths) / scale)
        return _Row(make, row_height(lines, bold=True) * (size or 11) / 11, 0, boxed=False)

    def line(values: Sequence[Cell], style: str, stretched: bool, bold: bool = False) -> _Row:
        last = len(values) - 1
        room = [
            sum(widths[c:]) if stretched and c == last else widths[c] for c in range(len(values))
        ]
        scale = BOLD if bold or style == LIST_HEADER else 1.0
        lines = max(
            (lines_needed(str(v), w / scale) for v, w in zip(values, room, strict=True)),
            default=1,
        )
        return _Row(
            lambda: [_cell(ws, v, style, bold) for v in values],
            row_height(lines, bold=scale > 1),
            span=last if stretched else None,
        )

    top = heading(title, size=12)
    append(top)
    room = PAGE_BODY_PT - top.height  # the title is printed on every page
    used = 0.0
    fresh = False  # just after a page break: no spacer row at the top of the page

    def page_break() -> None:
        nonlocal used, fresh
        ws.row_breaks.append(Break(id=rows))
        used, fresh = 0.0, True

    for block in blocks:
        stretched = _stretched(block)
        head = [heading(block.title), line(block.headers, LIST_HEADER, stretched)]
        body = [line(row, LIST_TEXT, stretched) for row in block.rows]
        if block.total is not None and block.rows:
            body.append(line(block.total, LIST_TEXT, stretched, bold=True))
        if block.note:
            height = row_height(lines_needed(block.note, sum(widths)))
            body.append(_Row(partial(_note_cells, ws, block.note), height, 0))
        spacer = _Row(lambda: [], SPACER_PT)
        whole = sum(r.height for r in head + body)
        # A table that fits on a page is kept whole (staff sort and sum these rows: a
        # header repeated among them would be in their way); a longer one starts where a
        # few of its rows fit, and goes on over the page break under its headers again.
        start = whole if whole <= room else sum(r.height for r in head + body[:3])
        if used and used + spacer.height + start > room:
            page_break()  # the table starts on the next page
        if not fresh:
            append(spacer)
            used += spacer.height
        fresh = False
        for row in head:
            append(row)
            used += row.height
        again = [heading(f"{block.title} (продолжение)"), head[1]]
        for row in body:
            if used + row.height > room and used > sum(r.height for r in head):
                page_break()
                for repeated in again:
                    append(repeated)
                    used += repeated.height
            append(row)
            used += row.height
    return rows
