"""The Word table cut into pages here, the way the PDF is cut, because Word cannot say
whose rows go on at the top of a page.

Left to itself Word breaks a long row anywhere and carries the rest of an events
cell to the next page under blank country and partner cells, and a country merged
over several rows goes on over a page break with no name at all. So the pages are
laid out here with the PDF's own paginator (:meth:`TableLayout.paginate`: whole
lines, a region's name never alone at a page's foot, no scrap of a region alone at
a page's top), measured in the document's Times New Roman (or a font of the same
widths; else the wider PT Serif) with room to spare. Each page becomes a table of its
own, after a page break, with the column headers; a row split between pages is
written as two rows, its paragraphs cut between the measured lines; and the first row
of a page names the country and partner it continues, «Китай (продолжение)», as the
PDF does. Every row is marked «cantSplit», so Word has no reason to break one itself.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase, QImage, QPaintDevice

from spbgui.report import fonts
from spbgui.report.content import Cell, Para, Row, TableContent
from spbgui.report.fonts import FontFor
from spbgui.report.table_layout import Piece, TableLayout
from spbgui.report.text_block import TextBlock

DPI = 600
PX = DPI / 25.4  # device pixels per millimetre
# What a page holds in Word, less than measured here: Word's line height is a few per
# cent above Qt's, its paragraphs' gaps a little wider.
SAFETY = 0.9
# Times New Roman, or a font with its very widths (LibreOffice's stand-in for it); PT
# Serif, the report's own, is wider and taller, so measuring in it is on the safe side.
WORD_FONTS = ("Times New Roman", "Liberation Serif", "Tinos")


@dataclass
class PlannedTable:
    widths_mm: list[float]
    pages: list[list[Row]]  # the rows of each page's table


def word_font(points: float) -> FontFor:
    """The fonts of the Word table's styles, for measuring."""
    available = set(QFontDatabase.families())
    family = next((f for f in WORD_FONTS if f in available), None) or fonts.family()

    def font(style: str, device: QPaintDevice | None = None) -> QFont:
        f = QFont(family)
        f.setPointSizeF(points)
        f.setBold(style in {"header", "bold"})
        f.setItalic(style == "italic")
        f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return QFont(f, device) if device is not None else f

    return font


def measure(table: TableContent, width_mm: float, points: float) -> TableLayout:
    """The table laid out on a 600-dpi image in the Word file's font."""
    from spbgui.report.chart import ensure_application

    ensure_application()
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(round(DPI / 0.0254))
    device.setDotsPerMeterY(round(DPI / 0.0254))
    # Only the events column is cut by a page: a title or a name cut in two would read
    # back as another agreement or partner (the report's Word file is also a table
    # the import reads, docs/TABLE_RULES.md).
    events_only = range(len(table.widths) - 1)
    return TableLayout(table, width_mm * PX, device, word_font(points), events_only)


def plan_pages(
    table: TableContent, width_mm: float, page_mm: float, points: float, first_mm: float = 0.0
) -> PlannedTable:
    """The rows of each page, for pages whose body is ``page_mm`` tall, the text in
    ``points``-point type; on the first page the table starts ``first_mm`` down."""
    layout = measure(table, width_mm, points)
    widths = [(b - a) / PX for a, b in zip(layout.x, layout.x[1:], strict=False)]
    rest = page_mm * PX * SAFETY
    first = rest - first_mm * PX
    pages = []
    for n, s in enumerate(layout.paginate(first, rest)):
        if not s.pieces:
            continue  # the heading left no room on page one
        rows = [_piece_row(layout, piece, n) for piece in s.pieces]
        _label(layout, s.pieces[0], rows[0])
        pages.append(rows)
    return PlannedTable(widths, pages)


def _piece_row(layout: TableLayout, piece: Piece, page: int) -> Row:
    """The part of a row on one page: each cell's paragraphs cut to the lines here."""
    rb = layout.rows[piece.row]
    if rb.row.full_width:
        return rb.row
    cells = []
    for box, cell, a, b in zip(rb.cells, rb.row.cells, piece.start, piece.end, strict=True):
        paras = cell.paras if (a, b) == (0, len(box.lines)) else _lines(box.block, cell.paras, a, b)
        # Merged cells stop at the page's end: the next page's table is another table.
        span: Hashable | None = (cell.span, page) if cell.span is not None else None
        cells.append(Cell(paras, span, cell.continued))
    return Row(cells, rb.row.kind)


def _lines(block: TextBlock, paras: list[Para], a: int, b: int) -> list[Para]:
    """Lines ``a``..``b`` of a laid-out cell as paragraphs: a paragraph cut by the page
    keeps on each side the words of its lines there."""
    index = {id(layout): n for n, layout in enumerate(block._layouts)}
    out: list[Para] = []
    current, start, end = None, 0, 0
    for line in block.lines[a:b]:
        n = index[id(line.layout)]
        text_line = line.layout.lineAt(line.index)
        if n != current:
            if current is not None:
                out.append(_part(paras[current], start, end))
            current, start = n, text_line.textStart()
        end = text_line.textStart() + text_line.textLength()
    if current is not None:
        out.append(_part(paras[current], start, end))
    return out


def _part(para: Para, start: int, end: int) -> Para:
    return Para(para.text[start:end].strip(), para.style, para.align)


def _label(layout: TableLayout, head: Piece, row: Row) -> None:
    """Name, in the first row of a page, the country and partner whose merged cells
    begin on an earlier page."""
    if row.full_width:
        return
    for col, cell in enumerate(row.cells):
        span = layout._span_at.get((head.row, col))
        if span is None or span.label is None:
            continue
        if head.row == span.first and head.end[col] > head.start[col]:
            continue  # the name itself is on this page
        if head.row == span.first and not head.continued:
            continue
        row.cells[col] = Cell([Para(span.label, "italic")], cell.span, cell.continued)
