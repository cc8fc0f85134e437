"""A table measured line by line and cut into pages without cutting a line.

The table is first laid out as if on one endless sheet: every row gets its height from
its tallest cell, every line of text its place. :meth:`TableLayout.paginate` then picks
where pages end: between rows where it can, inside a tall row only between two lines of
text (no line of any cell straddles a page end), never leaving a region row alone at
the foot of a page, and moving a row whole to the next page when only a sliver of it
would fit. :meth:`TableLayout.draw_slice` paints one page's part with the column
headers on top and the table's borders closed at the page's foot, and names the
country and partner at the top of a page that their merged cells run onto.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPaintDevice, QPainter, QPen

from spbgui.report.content import Para, Row, TableContent
from spbgui.report.text_block import TextBlock

EPS = 0.5  # device pixels: below anything visible at 300-1200 dpi
HEADER_SHADE = QColor("#d9d9d9")
REGION_SHADE = QColor("#ececec")
TOTAL_SHADE = QColor("#f4f4f4")
CONTINUED_COLOR = QColor("#555555")


@dataclass
class _CellBox:
    column: int
    span_columns: int
    block: TextBlock
    top: float  # of the text, on the endless sheet


@dataclass
class _RowBox:
    row: Row
    top: float = 0.0
    bottom: float = 0.0
    cells: list[_CellBox] = field(default_factory=list)


@dataclass
class _Span:
    """A merged cell: ``column`` over rows ``first``..``last``; text in the first row."""

    column: int
    first: int
    last: int
    cell: _CellBox | None
    label: str | None


@dataclass(frozen=True)
class Slice:
    """The part [start, end) of the endless sheet that one page shows."""

    start: float
    end: float
    height: float  # on the page, headers and paddings included


class TableLayout:
    def __init__(self, table: TableContent, width: float, device: QPaintDevice) -> None:
        self.device = device
        dpi = device.logicalDpiY()
        self.pad_x = 1.6 * dpi / 25.4
        self.pad_y = 1.1 * dpi / 25.4
        self.para_gap = 2.5 * dpi / 72
        self.pen = QPen(QColor("black"), 0.6 * dpi / 72)
        total = sum(table.widths)
        self.x = [0.0]
        for w in table.widths:
            self.x.append(self.x[-1] + width * w / total)
        self.width = self.x[-1]
        self.line_height = TextBlock([Para("Ж")], width, device).height
        self.header = [self._box(i, 1, c.paras, 0.0) for i, c in enumerate(table.header)]
        self.header_height = max(c.block.height for c in self.header) + 2 * self.pad_y
        self.rows = [self._row(r) for r in table.rows]
        self.spans = self._spans()
        self._place()
        self.lines = sorted(
            (c.top + ln.top, c.top + ln.bottom) for rb in self.rows for c in rb.cells
            for ln in c.block.lines
        )  # fmt: skip
        self._tops = [t for t, _b in self.lines]
        self.total = self.rows[-1].bottom if self.rows else 0.0
        self._labels: dict[int, TextBlock] = {}

    # -- measuring ----------------------------------------------------------
    def _box(self, column: int, ncols: int, paras: list[Para], top: float) -> _CellBox:
        inner = self.x[column + ncols] - self.x[column] - 2 * self.pad_x
        block = TextBlock(paras, inner, self.device, para_gap=self.para_gap)
        return _CellBox(column, ncols, block, top)

    def _row(self, row: Row) -> _RowBox:
        if row.full_width:
            return _RowBox(row, cells=[self._box(0, len(self.x) - 1, row.cells[0].paras, 0.0)])
        return _RowBox(row, cells=[self._box(i, 1, c.paras, 0.0) for i, c in enumerate(row.cells)])

    def _spans(self) -> list[_Span]:
        spans: list[_Span] = []
        open_: dict[int, tuple[Hashable, _Span]] = {}
        for n, rb in enumerate(self.rows):
            if rb.row.full_width:
                open_.clear()
                continue
            for col, cell in enumerate(rb.row.cells):
                if cell.span is None:
                    open_.pop(col, None)
                    continue
                key_span = open_.get(col)
                if key_span and key_span[0] == cell.span:
                    key_span[1].last = n
                else:
                    span = _Span(col, n, n, rb.cells[col], cell.continued)
                    spans.append(span)
                    open_[col] = (cell.span, span)
        # Single-row spans are kept too: a tall row split across pages also gets its
        # country and partner named at the top of the next page.
        return spans

    def _place(self) -> None:
        merged = {id(s.cell) for s in self.spans if s.last > s.first}
        # Each row is as tall as its tallest cell; a merged cell's text may run down over
        # the rows it spans, and only if it is taller than all of them grows the last.
        y = 0.0
        heights = []
        for rb in self.rows:
            own = [c.block.height for c in rb.cells if id(c) not in merged]
            heights.append(max(own, default=0.0) + 2 * self.pad_y)
        for s in self.spans:
            if s.last == s.first:
                continue
            assert s.cell is not None
            need = s.cell.block.height + 2 * self.pad_y
            have = sum(heights[s.first : s.last + 1])
            if need > have:
                heights[s.last] += need - have
        for rb, h in zip(self.rows, heights, strict=True):
            rb.top, rb.bottom = y, y + h
            for c in rb.cells:
                c.top = y + self.pad_y
            y += h

    # -- cutting into pages -------------------------------------------------
    def _valid(self, y: float) -> bool:
        """No line of text straddles ``y``."""
        i = bisect.bisect_left(self._tops, y - EPS)
        # Lines starting before y: the ones that could straddle it are the last few.
        for top, bottom in self.lines[max(0, i - 64) : i]:
            if top < y - EPS and bottom > y + EPS:
                return False
        return True

    def _mid(self, y: float) -> bool:
        """Is ``y`` inside a row rather than on a border between rows?"""
        if y <= EPS or y >= self.total - EPS:
            return False
        return all(abs(rb.top - y) > EPS for rb in self.rows)

    def slice_height(self, start: float, end: float) -> float:
        pads = self.pad_y * (int(self._mid(start)) + int(self._mid(end)))
        return self.header_height + (end - start) + pads

    def paginate(self, first: float, rest: float) -> list[Slice]:
        """Page slices, the first page having ``first`` device pixels, the others ``rest``."""
        slices: list[Slice] = []
        start, room = 0.0, first
        while True:
            if self.slice_height(start, self.total) <= room + EPS or not self.rows:
                slices.append(Slice(start, self.total, self.slice_height(start, self.total)))
                return slices
            end = self._page_end(start, room, rest)
            if end <= start + EPS:
                if not slices and room < rest:  # title too tall: start on the next page
                    slices.append(Slice(start, start, 0.0))
                    room = rest
                    continue
                end = self._forced_end(start, room)
            slices.append(Slice(start, end, self.slice_height(start, end)))
            start, room = end, rest

    def _page_end(self, start: float, room: float, full: float) -> float:
        body = room - self.header_height - self.pad_y * int(self._mid(start))
        limit = start + body  # the furthest a page could reach ending between rows
        # The first row that does not fit whole.
        n = next(i for i, rb in enumerate(self.rows) if rb.bottom > limit + EPS)
        rb = self.rows[n]
        between = self._between_rows(start, n)
        if rb.row.full_width and between > start + EPS:
            return between
        # Lowest point of the row's text that may end this page: below its top padding.
        low = max(start, rb.top + self.pad_y)
        split = None if rb.row.full_width else self._split(low, limit - self.pad_y)
        # As in Word, rows break across pages, so pages stay full; but a row is moved
        # whole rather than leave a sliver of under three lines at a page's foot.
        fits_next_page = (rb.bottom - rb.top) + self.header_height <= full
        sliver = (limit - self.pad_y - low) < 3 * self.line_height
        if between > start + EPS and (split is None or (fits_next_page and sliver)):
            return between
        return split if split is not None else start

    def _between_rows(self, start: float, n: int) -> float:
        """Where a page ends before row ``n``, taking a region row above it along."""
        while n > 0 and self.rows[n - 1].row.full_width and self.rows[n - 1].top > start + EPS:
            n -= 1
        y = self.rows[n].top
        # A merged country name running down past this border must not be cut.
        while y > start + EPS and not self._valid(y):
            n -= 1
            y = self.rows[n].top
        return max(y, start)

    def _split(self, low: float, high: float) -> float | None:
        """The lowest point in (low, high] where a page can end between two lines."""
        i = bisect.bisect_right(self._tops, high + EPS)
        for top in reversed(self._tops[:i]):
            if top <= low + EPS:
                return None
            if self._valid(top):
                return top
        return None

    def _forced_end(self, start: float, room: float) -> float:
        # Only a single line taller than a whole page gets here; cut it rather than loop.
        return start + max(room - self.header_height - 2 * self.pad_y, 1.0)

    # -- painting -----------------------------------------------------------
    def draw_slice(self, painter: QPainter, s: Slice, x0: float, y0: float) -> None:
        painter.save()
        painter.setPen(self.pen)
        self._draw_header(painter, x0, y0)
        top = y0 + self.header_height
        bottom = y0 + s.height
        offset = top + self.pad_y * int(self._mid(s.start)) - s.start

        def page_y(y: float) -> float:
            return top if y <= s.start + EPS else bottom if y >= s.end - EPS else y + offset

        visible = [
            (n, rb) for n, rb in enumerate(self.rows)
            if rb.bottom > s.start + EPS and rb.top < s.end - EPS
        ]  # fmt: skip
        for _n, rb in visible:
            shade = {"region": REGION_SHADE, "total": TOTAL_SHADE}.get(rb.row.kind)
            if shade is not None:
                rect = QRectF(x0, page_y(rb.top), self.width, page_y(rb.bottom) - page_y(rb.top))
                painter.fillRect(rect, shade)
        for rb in self.rows:
            for c in rb.cells:
                shown = [
                    ln for ln in c.block.lines
                    if c.top + ln.top >= s.start - EPS and c.top + ln.bottom <= s.end + EPS
                ]  # fmt: skip
                if shown:
                    c.block.draw_lines(
                        painter, x0 + self.x[c.column] + self.pad_x, c.top + offset, shown
                    )
        self._draw_continued(painter, s, x0, top, page_y)
        self._draw_grid(painter, visible, x0, top, bottom, page_y)
        painter.restore()

    def _draw_header(self, painter: QPainter, x0: float, y0: float) -> None:
        painter.fillRect(QRectF(x0, y0, self.width, self.header_height), HEADER_SHADE)
        for c in self.header:
            # Headers sit in the middle of their cells, as Word centres them.
            dy = (self.header_height - c.block.height) / 2
            c.block.draw(painter, x0 + self.x[c.column] + self.pad_x, y0 + dy)
        painter.drawRect(QRectF(x0, y0, self.width, self.header_height))
        for x in self.x[1:-1]:
            painter.drawLine(QLineF(x0 + x, y0, x0 + x, y0 + self.header_height))

    def _draw_continued(self, painter: QPainter, s: Slice, x0: float, top: float, page_y) -> None:  # type: ignore[no-untyped-def]
        for span in self.spans:
            first, last = self.rows[span.first], self.rows[span.last]
            if span.label is None or not first.top < s.start - EPS < last.bottom:
                continue
            assert span.cell is not None
            if any(span.cell.top + ln.bottom > s.start + EPS for ln in span.cell.block.lines):
                continue  # the name itself runs onto this page
            block = self._label(span)
            room = page_y(min(last.bottom, s.end)) - top - 2 * self.pad_y
            if block.height <= room + EPS:
                block.draw(painter, x0 + self.x[span.column] + self.pad_x, top + self.pad_y)

    def _label(self, span: _Span) -> TextBlock:
        key = id(span)
        if key not in self._labels:
            inner = self.x[span.column + 1] - self.x[span.column] - 2 * self.pad_x
            para = Para(span.label or "", style="italic")
            self._labels[key] = TextBlock([para], inner, self.device, color=CONTINUED_COLOR)
        return self._labels[key]

    def _draw_grid(self, painter, visible, x0, top, bottom, page_y) -> None:  # type: ignore[no-untyped-def]
        painter.drawLine(QLineF(x0, bottom, x0 + self.width, bottom))
        for n, rb in visible:
            y1, y2 = page_y(rb.top), page_y(rb.bottom)
            xs = [self.x[0], self.x[-1]] if rb.row.full_width else self.x
            for x in xs:
                painter.drawLine(QLineF(x0 + x, y1, x0 + x, y2))
            if n == 0 or y1 <= top + EPS:
                continue  # the header's border is this row's top
            above = self.rows[n - 1]
            for col in range(len(self.x) - 1):
                if self._merged(above.row, rb.row, col):
                    continue
                painter.drawLine(QLineF(x0 + self.x[col], y1, x0 + self.x[col + 1], y1))

    @staticmethod
    def _merged(above: Row, below: Row, col: int) -> bool:
        if above.full_width or below.full_width:
            return False
        key = below.cells[col].span
        return key is not None and key == above.cells[col].span
