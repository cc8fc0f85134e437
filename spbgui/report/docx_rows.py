"""The Word table's rows, planned for pages that Word will break.

Word lays the pages out itself, and a row it breaks goes on at the top of the next
page under blank country and partner cells: Word cannot label the part of a split
row. So the Word report lets no row break. Every row is marked «cantSplit», and a
row taller than a page is cut here into rows of at most a page each, between the
events' paragraphs; each such continuation row names its country and partner
«Китай (продолжение)», as the PDF does at the top of a page. The rows that follow
it in the same country or partner are merged under that label.

Heights are measured with the PDF's own layout (:class:`TableLayout`) in the
document's Times New Roman (or a font of the same widths; else the wider PT Serif),
with a margin to spare, so a planned row is not taller in Word than measured here.

The keep-with rules Word applies while paging (``keep_with_next`` on each paragraph
of a row keeps the row on the page of the next one): a region's name stays with its
first row, a country's rows stay together when they fit on one page, and a region's
last rows do not go to a page alone.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase, QImage, QPaintDevice

from spbgui.report import fonts
from spbgui.report.content import Cell, Para, Row, TableContent
from spbgui.report.fonts import FontFor
from spbgui.report.table_layout import TAIL_ROWS, TableLayout

DPI = 600
PX = DPI / 25.4  # device pixels per millimetre
EVENTS = -1  # the events column: the last
# What Word's pages may hold less than measured: its footer, rounding, a font fallback.
SAFETY = 0.93


@dataclass
class PlannedRow:
    row: Row
    can_split: bool = False  # only a single paragraph taller than a page
    keep_with_next: bool = False


@dataclass
class PlannedTable:
    widths_mm: list[float]
    rows: list[PlannedRow]


# Times New Roman, or a font with its very widths (LibreOffice's stand-in for it); PT
# Serif, the report's own, is wider and taller, so measuring in it is on the safe side.
WORD_FONTS = ("Times New Roman", "Liberation Serif", "Tinos")


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
    """The table laid out on a 600-dpi image in the Word file's font: column widths and
    every cell's lines."""
    from spbgui.report.chart import ensure_application

    ensure_application()
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(round(DPI / 0.0254))
    device.setDotsPerMeterY(round(DPI / 0.0254))
    return TableLayout(table, width_mm * PX, device, word_font(points))


def plan_rows(table: TableContent, width_mm: float, page_mm: float, points: float) -> PlannedTable:
    """The rows of ``table`` for pages whose body is ``page_mm`` tall, the text in
    ``points``-point type."""
    layout = measure(table, width_mm, points)
    widths = [(b - a) / PX for a, b in zip(layout.x, layout.x[1:], strict=False)]
    room = (page_mm * PX - layout.header_height) * SAFETY
    labels: dict[Hashable, str] = {}
    remap: dict[Hashable, Hashable] = {}
    planned: list[PlannedRow] = []
    for n, rb in enumerate(layout.rows):
        row = rb.row
        if row.full_width:
            remap.clear()
            planned.append(PlannedRow(row, keep_with_next=True))
            continue
        for cell in row.cells:
            if cell.span is not None and cell.continued and cell.span not in labels:
                labels[cell.span] = cell.continued
        row = _respan(row, remap)
        height = layout._height(rb, (0,) * len(rb.cells), rb.ends)
        if height <= room:
            planned.append(PlannedRow(row))
            continue
        planned += _cut(layout, n, row, room, labels, remap)
    _keep_together(layout, planned, room)
    return PlannedTable(widths, planned)


def _respan(row: Row, remap: dict[Hashable, Hashable]) -> Row:
    """``row`` with its merged cells moved under the label they now continue."""
    if not any(c.span in remap for c in row.cells):
        return row
    cells = [Cell(c.paras, remap[c.span], c.continued) if c.span in remap else c for c in row.cells]
    return Row(cells, row.kind)


def _paragraph_heights(layout: TableLayout, n: int) -> list[float]:
    """The height of each paragraph of row ``n``'s events cell, its gap included."""
    cell = layout.rows[n].cells[EVENTS]
    heights: list[float] = []
    current = None
    for line in cell.lines:
        if line.layout is not current:
            current = line.layout
            heights.append(layout.para_gap if heights else 0.0)
        heights[-1] += line.bottom - line.top
    return heights


def _cut(
    layout: TableLayout,
    n: int,
    row: Row,
    room: float,
    labels: dict[Hashable, str],
    remap: dict[Hashable, Hashable],
) -> list[PlannedRow]:
    """Row ``n`` as a row and continuation rows, each at most ``room`` tall."""
    rb = layout.rows[n]
    events = row.cells[EVENTS].paras
    heights = _paragraph_heights(layout, n)
    others = max(
        (c.block.height for c in rb.cells[:EVENTS] if c.lines), default=0.0
    )  # the first part carries the agreement and its dates
    chunks: list[list[int]] = [[]]
    used = 0.0
    for k, h in enumerate(heights):
        first = len(chunks) == 1
        limit = room - 2 * layout.pad_y
        if chunks[-1] and (used + h > limit or (first and max(others, used + h) > limit)):
            chunks.append([])
            used = 0.0
        chunks[-1].append(k)
        used += h
    rows: list[PlannedRow] = []
    for c, chunk in enumerate(chunks):
        paras = [events[k] for k in chunk]
        tall = sum(heights[k] for k in chunk) > room - 2 * layout.pad_y
        if c == 0:
            cells = [*row.cells[:EVENTS], Cell(paras, row.cells[EVENTS].span)]
            rows.append(PlannedRow(Row(cells, row.kind), can_split=tall))
            continue
        cells = []
        for cell in row.cells[:EVENTS]:
            key = cell.span
            if key is None:
                cells.append(Cell())
                continue
            original = next((k for k, v in remap.items() if v == key), key)
            fresh = (original, "continued", n, c)
            label = labels.get(original)
            cells.append(Cell([Para(label, "italic")] if label else [], fresh, label))
            remap[original] = fresh
        cells.append(Cell(paras))
        rows.append(PlannedRow(Row(cells, row.kind), can_split=tall))
    return rows


def _keep_together(layout: TableLayout, planned: list[PlannedRow], room: float) -> None:
    """Mark the rows Word should keep on the page of the row below them."""
    heights = [_planned_height(layout, p.row) for p in planned]
    # A country's rows, when they fit on one page together.
    start = 0
    for n in range(1, len(planned) + 1):
        if n < len(planned) and _country(planned[n]) == _country(planned[start]):
            continue
        if _country(planned[start]) is not None and sum(heights[start:n]) <= room:
            for p in planned[start : n - 1]:
                p.keep_with_next = True
        start = n
    # A region's last rows go to a new page together, not one or two alone.
    for n, p in enumerate(planned):
        last = n + 1 == len(planned) or planned[n + 1].row.full_width
        if last and not p.row.full_width:
            tail = [q for q in planned[max(0, n - TAIL_ROWS + 1) : n + 1] if not q.row.full_width]
            if sum(_planned_height(layout, q.row) for q in tail) <= room:
                for q in tail[:-1]:
                    q.keep_with_next = True


def _country(p: PlannedRow) -> Hashable | None:
    """The country a row belongs to, whatever label its cell continues under."""
    if p.row.full_width:
        return None
    key = p.row.cells[0].span
    while isinstance(key, tuple) and len(key) == 4 and key[1] == "continued":
        key = key[0]
    return key


def _planned_height(layout: TableLayout, row: Row) -> float:
    """A planned row's height, measured as the layout measures any row."""
    rb = layout._row(row)
    return layout._height(rb, (0,) * len(rb.cells), rb.ends)
