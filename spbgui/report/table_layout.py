"""A table measured line by line and cut into pages without cutting a line.

Every cell is wrapped into lines first (:class:`~spbgui.report.text_block.TextBlock`).
:meth:`TableLayout.paginate` then fills pages row by row. A row that does not fit is
broken as Word breaks it: each cell keeps the lines that fit whole on this page and
carries the rest to the next, where the column headers are repeated; each cell
breaks between its own lines, so no line is ever cut, however the columns' lines
fall. A row is moved whole instead when only a sliver of it would stay behind; no
page starts with the last line or two of a row (fewer lines stay behind); a region
row is never left alone at a page's foot; and the table's last page holds no scrap
(a row or two, under a quarter of a page) when rows of the page before can join it.
:meth:`TableLayout.draw_slice` paints one page's part and names the country and
partner at the top of a page that their rows run onto.

A merged cell (a country over its agreements) keeps its text in its first row, whose
height allows for it; the rows below leave that column blank and unbordered.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPaintDevice, QPainter, QPen

from spbgui.report import fonts
from spbgui.report.content import Para, Row, TableContent
from spbgui.report.text_block import Line, TextBlock

EPS = 0.5  # device pixels: below anything visible at 300-1200 dpi
HEADER_SHADE = QColor("#d9d9d9")
SHADES = {"region": QColor("#ececec"), "total": QColor("#f4f4f4")}
CONTINUED_COLOR = QColor("#555555")
_WORD = re.compile(r"[^\s-]+-?")  # lines may break after a hyphen: «Санкт-» «Петербурга»
SLIVER_LINES = 3  # a row moves whole rather than leave fewer lines than this behind
# The table's last rows are not left alone at the top of its last page when they are
# fewer than this many rows and less than this share of a page: rows of their region
# come over from the page before to keep them company. (Elsewhere a region's last rows
# are followed on their page by the next region.)
TAIL_ROWS = 3
TAIL_SHARE = 0.25  # of a page's height
UNBREAKABLE_SHARE = 0.25  # of the table's width: a longer word is not kept whole


def column_widths(
    table: TableContent,
    width: float,
    device: QPaintDevice,
    pad_x: float,
    font: fonts.FontFor = fonts.font,
) -> list[float]:
    """The columns' widths in device pixels: in the table's proportions, but each at
    least as wide as its longest word, so that «Азербайджан» is never broken in two on
    portrait paper; the room comes from the columns that have some to spare."""
    total = sum(table.widths)
    widths = [width * w / total for w in table.widths]
    # A word wider than this (a web address) is broken wherever it falls: counted, it
    # would leave no room to keep the other columns' words whole.
    too_wide = width * UNBREAKABLE_SHARE
    need = [0.0] * len(widths)
    metrics: dict[str, QFontMetricsF] = {}
    rows = [Row(table.header), *table.rows]
    for row in rows:
        if row.full_width:
            continue
        for col, cell in enumerate(row.cells):
            texts = [(p.style, p.text) for p in cell.paras]
            if cell.continued:
                texts.append(("italic", cell.continued))
            for style, text in texts:
                if style not in metrics:
                    metrics[style] = QFontMetricsF(font(style, device))
                for word in _WORD.findall(text):
                    advance = metrics[style].horizontalAdvance(word)
                    if advance <= too_wide:
                        need[col] = max(need[col], advance)
    need = [n + 2 * pad_x + 1 for n in need]
    deficit = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    spare = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    if deficit <= 0 or deficit >= sum(spare):
        return widths  # nothing to do, or no way to do it: words will be broken
    return [
        max(w, n) - deficit * sp / sum(spare) for w, n, sp in zip(widths, need, spare, strict=True)
    ]


def _line_text(line: Line) -> str:
    text_line = line.layout.lineAt(line.index)
    start = text_line.textStart()
    return line.layout.text()[start : start + text_line.textLength()]


@dataclass
class _Cell:
    column: int
    span_columns: int
    block: TextBlock

    @property
    def lines(self) -> list[Line]:
        return self.block.lines


@dataclass
class _RowBox:
    row: Row
    cells: list[_Cell]

    @property
    def ends(self) -> tuple[int, ...]:
        return tuple(len(c.lines) for c in self.cells)


@dataclass
class _Span:
    """A merged cell: ``column`` over rows ``first``..``last``; text in the first row."""

    column: int
    first: int
    last: int
    label: str | None


@dataclass(frozen=True)
class Piece:
    """The part of row ``row`` on one page: lines ``start[c]:end[c]`` of each cell."""

    row: int
    start: tuple[int, ...]
    end: tuple[int, ...]
    height: float  # on the page, paddings included

    @property
    def continued(self) -> bool:
        """Does this piece carry on a row begun on an earlier page?"""
        return any(self.start)


@dataclass
class Slice:
    """The table's part on one page: the header and these row pieces."""

    pieces: list[Piece]
    height: float


class TableLayout:
    def __init__(
        self,
        table: TableContent,
        width: float,
        device: QPaintDevice,
        font: fonts.FontFor = fonts.font,
        unsplit: Collection[int] = (),
    ) -> None:
        """``font``: the text styles' fonts (the report's own; the Word file measures
        its rows in the fonts Word will use). ``unsplit``: columns whose cells a page
        break never cuts (the Word file's, but for the events: it must read back)."""
        self.device = device
        self.font = font
        self.unsplit = frozenset(unsplit)
        dpi = device.logicalDpiY()
        self.pad_x = 1.6 * dpi / 25.4
        self.pad_y = 1.1 * dpi / 25.4
        self.para_gap = 2.5 * dpi / 72
        self.pen = QPen(QColor("black"), 0.6 * dpi / 72)
        self.x = [0.0]
        for w in column_widths(table, width, device, self.pad_x, font):
            self.x.append(self.x[-1] + w)
        self.width = self.x[-1]
        self.line_height = TextBlock([Para("Ж")], width, device, font=font).height
        self.header = [self._cell(i, 1, c.paras) for i, c in enumerate(table.header)]
        self.header_height = max(c.block.height for c in self.header) + 2 * self.pad_y
        self.rows = [self._row(r) for r in table.rows]
        self.spans = self._spans()
        self._span_at = {(n, s.column): s for s in self.spans for n in range(s.first, s.last + 1)}
        self._labels: dict[int, TextBlock] = {}
        self._page = 0.0  # a full page's height, while paginating

    # -- measuring ----------------------------------------------------------
    def _cell(self, column: int, ncols: int, paras: list[Para]) -> _Cell:
        inner = self.x[column + ncols] - self.x[column] - 2 * self.pad_x
        block = TextBlock(paras, inner, self.device, para_gap=self.para_gap, font=self.font)
        return _Cell(column, ncols, block)

    def _row(self, row: Row) -> _RowBox:
        if row.full_width:
            return _RowBox(row, [self._cell(0, len(self.x) - 1, row.cells[0].paras)])
        return _RowBox(row, [self._cell(i, 1, c.paras) for i, c in enumerate(row.cells)])

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
                current = open_.get(col)
                if current and current[0] == cell.span:
                    current[1].last = n
                else:
                    # Single-row spans are kept: a row split across pages also gets its
                    # country and partner named at the top of the next page.
                    span = _Span(col, n, n, cell.continued)
                    spans.append(span)
                    open_[col] = (cell.span, span)
        return spans

    def _height(self, rb: _RowBox, start: Sequence[int], end: Sequence[int]) -> float:
        """Height on the page of lines start..end of each cell, paddings included."""
        tallest = 0.0
        for cell, a, b in zip(rb.cells, start, end, strict=True):
            if b > a:
                tallest = max(tallest, cell.lines[b - 1].bottom - cell.lines[a].top)
        return tallest + 2 * self.pad_y

    def _fit(self, rb: _RowBox, start: Sequence[int], room: float) -> tuple[int, ...]:
        """For each cell, the end of the lines from ``start`` that fit in ``room``."""
        end = []
        for cell, a in zip(rb.cells, start, strict=True):
            b = a
            while b < len(cell.lines) and (
                cell.lines[b].bottom - cell.lines[a].top <= room - 2 * self.pad_y + EPS
            ):
                b += 1
            if (
                b < len(cell.lines)
                and cell.column in self.unsplit
                and not rb.row.full_width
                and self._fits_a_page(cell, a)
            ):
                return tuple(start)  # a cell that must stay whole does not fit: none here
            end.append(self._whole_paragraphs(cell.lines, a, b))
        return tuple(end)

    def _fits_a_page(self, cell: _Cell, a: int) -> bool:
        """Would lines ``a``.. of ``cell`` fit on a page of their own? A cell kept whole
        (a title in the Word file) that would not goes on over pages, as in the PDF,
        rather than a line a page."""
        page = self._page or float("inf")
        height = cell.lines[-1].bottom - cell.lines[a].top + 2 * self.pad_y
        return self.header_height + height <= page + EPS

    @staticmethod
    def _whole_paragraphs(lines: Sequence[Line], a: int, b: int) -> int:
        """``b``, or the start of the paragraph it would cut, should the cut leave a
        single line of it on either page (an event's last word alone at the top of
        a page); a paragraph begun on this page already is cut where it must be."""
        # Inside a paragraph, only before a line that starts in lower case and not after
        # a hyphen: the Word file is read back (docs/TABLE_RULES.md, rows 5), and there
        # the two parts join into one paragraph again only then («Санкт-» / «Петербурга»
        # would become two words, «…Китай.» / «Диалог…» two paragraphs).
        while a < b < len(lines) and lines[b].layout is lines[b - 1].layout:
            if not _line_text(lines[b - 1]).rstrip().endswith("-") and (
                _line_text(lines[b]).lstrip()[:1].islower()
            ):
                break
            b -= 1
        if not a < b < len(lines) or lines[b].layout is not lines[b - 1].layout:
            return b
        first = b
        while first > a and lines[first - 1].layout is lines[b].layout:
            first -= 1
        last = b
        while last < len(lines) and lines[last].layout is lines[b].layout:
            last += 1
        if first > a and (b - first < 2 or last - b < 2):
            return first
        return b

    # -- cutting into pages -------------------------------------------------
    def paginate(self, first: float, rest: float) -> list[Slice]:
        """The table's pages, the first having ``first`` device pixels, the others ``rest``."""
        slices: list[Slice] = []
        self._page = rest
        page = Slice([], self.header_height)
        room = first
        n, start = 0, (0,) * len(self.rows[0].cells) if self.rows else ()

        def next_page() -> None:
            nonlocal page, room
            slices.append(page)
            page, room = Slice([], self.header_height), rest

        while n < len(self.rows):
            rb = self.rows[n]
            whole = self._height(rb, start, rb.ends)
            if page.height + whole <= room + EPS:
                self._place(page, Piece(n, tuple(start), rb.ends, whole))
                n += 1
                start = (0,) * len(self.rows[n].cells) if n < len(self.rows) else ()
                continue
            end = self._fit(rb, start, room - page.height)
            took = any(b > a for a, b in zip(start, end, strict=True))
            if not took and not page.pieces and not slices and room < rest:
                # The heading left no room: the table starts on page two.
                page.height = 0.0
                next_page()
                continue
            fresh = not any(start)
            fits_fresh = self.header_height + whole <= rest + EPS
            sliver = room - page.height - 2 * self.pad_y < SLIVER_LINES * self.line_height
            only_regions = all(self.rows[p.row].row.full_width for p in page.pieces)
            if took and not rb.row.full_width:
                better = self._keep_company(rb, n, start, end, room - page.height)
                sliver = sliver or better is None
                end = end if better is None else better
            if page.pieces and not (only_regions and took and not rb.row.full_width):
                if rb.row.full_width or not took or (fresh and fits_fresh and sliver):
                    pulled = self._pull_tail(page, n, rest) if fresh else []
                    carried = self._carry_region(page)
                    next_page()
                    if carried is not None:
                        self._place(page, carried)
                    for piece in pulled:
                        self._place(page, piece)
                    continue
            if not took:
                # A line taller than a whole page: take one line per cell rather than loop.
                end = tuple(min(a + 1, b) for a, b in zip(start, rb.ends, strict=True))
            self._place(page, Piece(n, tuple(start), end, self._height(rb, start, end)))
            start = end
            if start == rb.ends:
                n += 1
                start = (0,) * len(self.rows[n].cells) if n < len(self.rows) else ()
            next_page()
        slices.append(page)
        return slices

    def _region_end(self, n: int) -> int:
        """The index after the last row of the region that row ``n`` is in."""
        end = n
        while end < len(self.rows) and not self.rows[end].row.full_width:
            end += 1
        return end

    def _whole(self, n: int) -> float:
        rb = self.rows[n]
        return self._height(rb, (0,) * len(rb.cells), rb.ends)

    def _is_orphan(self, rows: Sequence[int]) -> bool:
        """Would ``rows`` alone look left over at the top of a page?"""
        if not rows or len(rows) >= TAIL_ROWS:
            return False
        return sum(self._whole(r) for r in rows) < TAIL_SHARE * self._page

    def _keep_company(
        self, rb: _RowBox, n: int, start: Sequence[int], end: tuple[int, ...], room: float
    ) -> tuple[int, ...] | None:
        """Where to break row ``n`` so that what goes over to the next page is not a
        lonely scrap: not a line or two of the row (a widow), nor, at the table's end,
        a sliver of the page. Fewer lines stay on this page, as long as a few do; None
        when the row had better move to the next page whole."""
        widow = SLIVER_LINES * self.line_height + 2 * self.pad_y - EPS
        target = widow
        after = range(n + 1, self._region_end(n))
        if after.stop == len(self.rows) and len(after) + 1 < TAIL_ROWS:
            target = max(target, TAIL_SHARE * self._page - sum(self._whole(r) for r in after))
        earlier = end
        # A row's height is its tallest cell's, so take off a line at a time.
        while self._height(rb, earlier, rb.ends) < target:
            room -= self.line_height
            earlier = self._fit(rb, start, room)
            kept = self._height(rb, start, earlier) - 2 * self.pad_y
            if kept < SLIVER_LINES * self.line_height - EPS:
                return None if self._height(rb, end, rb.ends) < widow else end
        return earlier

    def _pull_tail(self, page: Slice, n: int, rest: float) -> list[Piece]:
        """Whole rows of row ``n``'s region taken off the foot of ``page``, so that the
        table's last rows (``n`` to the end) do not stand alone on its last page.

        Rows are taken until the next page holds enough of the region, or the whole
        region (its name follows, see :meth:`_carry_region`). Nothing is taken when
        they would not fit on a fresh page together, or when ``page`` would be left
        with nothing but region names."""
        tail = list(range(n, self._region_end(n)))
        if tail[-1:] != [len(self.rows) - 1] or not self._is_orphan(tail):
            return []
        room = rest - self.header_height - sum(self._whole(r) for r in tail)
        pulled: list[Piece] = []
        while page.pieces and self._is_orphan([p.row for p in pulled] + tail):
            last = page.pieces[-1]
            rb = self.rows[last.row]
            if rb.row.full_width or last.continued or last.end != rb.ends or last.height > room:
                break
            page.pieces.pop()
            page.height -= last.height
            room -= last.height
            pulled.insert(0, last)
        whole_region = bool(page.pieces) and self.rows[page.pieces[-1].row].row.full_width
        keeps = any(not self.rows[p.row].row.full_width for p in page.pieces)
        lonely = self._is_orphan([p.row for p in pulled] + tail) and not whole_region
        if not keeps or lonely:
            for piece in pulled:  # no better than before: leave the page as it was
                self._place(page, piece)
            return []
        return pulled

    @staticmethod
    def _place(page: Slice, piece: Piece) -> None:
        page.pieces.append(piece)
        page.height += piece.height

    def _carry_region(self, page: Slice) -> Piece | None:
        """Take a region row off the foot of ``page`` (not if it is all the page has)."""
        if len(page.pieces) > 1 and self.rows[page.pieces[-1].row].row.full_width:
            piece = page.pieces.pop()
            page.height -= piece.height
            return piece
        return None

    # -- painting -----------------------------------------------------------
    def draw_slice(self, painter: QPainter, s: Slice, x0: float, y0: float) -> None:
        painter.save()
        painter.setPen(self.pen)
        self._draw_header(painter, x0, y0)
        y = y0 + self.header_height
        for i, piece in enumerate(s.pieces):
            rb = self.rows[piece.row]
            rect = QRectF(x0, y, self.width, piece.height)
            if rb.row.kind in SHADES:
                painter.fillRect(rect, SHADES[rb.row.kind])
            for cell, a, b in zip(rb.cells, piece.start, piece.end, strict=True):
                if b > a:
                    top = y + self.pad_y - cell.lines[a].top
                    cell.block.draw_lines(
                        painter, x0 + self.x[cell.column] + self.pad_x, top, cell.lines[a:b]
                    )
            self._draw_borders(painter, piece, x0, y, first_on_page=i == 0)
            y += piece.height
        painter.drawLine(QLineF(x0, y, x0 + self.width, y))
        self._draw_continued(painter, s, x0, y0 + self.header_height)
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

    def _draw_borders(
        self, painter: QPainter, piece: Piece, x0: float, y: float, *, first_on_page: bool
    ) -> None:
        rb = self.rows[piece.row]
        xs = [self.x[0], self.x[-1]] if rb.row.full_width else self.x
        for x in xs:
            painter.drawLine(QLineF(x0 + x, y, x0 + x, y + piece.height))
        if first_on_page:
            return  # the header's bottom border is this piece's top
        for col in range(len(self.x) - 1):
            span = self._span_at.get((piece.row, col))
            if span is not None and span.first < piece.row:
                continue  # inside a merged cell: no border between its rows
            painter.drawLine(QLineF(x0 + self.x[col], y, x0 + self.x[col + 1], y))

    def _draw_continued(self, painter: QPainter, s: Slice, x0: float, top: float) -> None:
        if not s.pieces:
            return
        head = s.pieces[0]
        for col in range(len(self.x) - 1):
            span = self._span_at.get((head.row, col))
            if span is None or span.label is None:
                continue
            if head.row == span.first and head.end[col] > head.start[col]:
                continue  # the name itself is on this page
            if head.row == span.first and not head.continued:
                continue
            # The room the merged cell has on this page: its rows' pieces here.
            room = sum(p.height for p in s.pieces if span.first <= p.row <= span.last)
            block = self._label(span)
            if block.height + 2 * self.pad_y <= room + EPS:
                block.draw(painter, x0 + self.x[col] + self.pad_x, top + self.pad_y)

    def _label(self, span: _Span) -> TextBlock:
        key = id(span)
        if key not in self._labels:
            inner = self.x[span.column + 1] - self.x[span.column] - 2 * self.pad_x
            para = Para(span.label or "", style="italic")
            self._labels[key] = TextBlock([para], inner, self.device, color=CONTINUED_COLOR)
        return self._labels[key]
