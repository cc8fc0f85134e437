"""The report painted page by page onto any paged device: a PDF writer or a printer.

:class:`ReportPages` measures everything against the device it will paint on (so the
print preview, a real printer and the PDF break pages alike for their own page
size), decides what goes on which page, and only then paints, because every page's
foot says «стр. N из M» and M must be known first. Page one has the heading; the
table follows with its column headers on every page; the summary starts on a page of
its own.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QLineF, QMarginsF, QRectF
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPen

from spbgui.report import wording
from spbgui.report.chart import draw_chart
from spbgui.report.content import Para, ReportContent, SummaryContent
from spbgui.report.table_layout import Slice, TableLayout
from spbgui.report.text_block import TextBlock

PageOp = Callable[[QPainter, float], None]  # (painter, page top) -> None
FOOTER_COLOR = QColor("#404040")

# Millimetres. The wider left margin leaves room to file the signed copy in a binder.
MARGINS = QMarginsF(20, 12, 12, 10)
CHART_MIN = 70.0
CHART_MAX = 125.0


def page_layout(landscape: bool = True) -> QPageLayout:
    """A4, landscape unless asked otherwise, with the report's margins."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS, QPageLayout.Unit.Millimeter
    )


class ReportPages:
    """The report laid out for one device; :meth:`paint` draws it there."""

    def __init__(self, content: ReportContent, device: QPagedPaintDevice) -> None:
        self.content = content
        self.device = device
        self.dpi = float(device.logicalDpiY())
        self.mm = self.dpi / 25.4
        self.width = float(device.width())
        footer = TextBlock([Para("стр.")], self.width, device, style="footer")
        self.footer_height = footer.height
        # The body ends a little above the footer so a full page never touches it.
        self.body = float(device.height()) - self.footer_height - 3 * self.mm
        self.pages: list[list[PageOp]] = []
        self._compose()

    def __len__(self) -> int:
        return len(self.pages)

    # -- composing ----------------------------------------------------------
    def _text(self, paras: list[Para], style: str | None = None) -> TextBlock:
        return TextBlock(paras, self.width, self.device, style=style)

    def _heading_block(self) -> tuple[list[TextBlock], float]:
        c = self.content
        blocks = [
            self._text([Para(c.title, "title", "center")]),
            self._text([Para(c.subtitle, "subtitle", "center")]),
            self._text([Para(c.prepared, "meta", "right")]),
        ]
        if c.selection:
            blocks.append(self._text([Para(c.selection, "meta", "left")]))
        gaps = [1.5 * self.mm, 4 * self.mm, 1 * self.mm, 1 * self.mm]
        return blocks, sum(b.height for b in blocks) + sum(gaps[: len(blocks)])

    def _compose(self) -> None:
        blocks, heading = self._heading_block()
        gaps = [1.5 * self.mm, 4 * self.mm, 1 * self.mm, 1 * self.mm]

        def draw_heading(p: QPainter, top: float) -> None:
            y = top
            for block, gap in zip(blocks, gaps, strict=False):
                block.draw(p, 0, y)
                y += block.height + gap

        table = TableLayout(self.content.table, self.width, self.device)
        slices = table.paginate(self.body - heading, self.body)
        self.pages.append([draw_heading])
        self._place_table(table, slices, heading)
        if self.content.summary is not None:
            self._compose_summary(self.content.summary)
        if self.content.years is not None:
            from spbgui.report.years_section import compose_pdf

            compose_pdf(self, self.content.years)

    def _place_table(self, table: TableLayout, slices: list[Slice], first_top: float) -> float:
        """Add the slices, the first on the current page at ``first_top``; the end's y."""
        y = first_top
        for n, s in enumerate(slices):
            if n:
                self.pages.append([])
                y = 0.0
            if not s.pieces and (n or len(slices) > 1):
                continue  # the heading filled page one: the table starts on the next

            def op(p: QPainter, top: float, s: Slice = s, y: float = y) -> None:
                table.draw_slice(p, s, 0.0, top + y)

            self.pages[-1].append(op)
            y += s.height
        return y

    def _compose_summary(self, summary: SummaryContent) -> None:
        heading = self._text([Para(summary.heading, "heading", "left")])
        gap = 3 * self.mm
        self.pages.append([lambda p, top: heading.draw(p, 0, top)])
        table = TableLayout(summary.table, self.width, self.device)
        first_top = heading.height + gap
        y = self._place_table(table, table.paginate(self.body - first_top, self.body), first_top)
        note = self._text([Para(summary.chart.note, "footer", "left")])
        room = self.body - y - 3 * gap - note.height
        if room < CHART_MIN * self.mm:
            self.pages.append([])
            y, room = 0.0, self.body - note.height - 2 * gap
        else:
            y += 2 * gap
        height = min(room, CHART_MAX * self.mm)
        chart_rect = QRectF(0, y, self.width, height)
        chart = summary.chart

        def draw(p: QPainter, top: float) -> None:
            draw_chart(p, chart_rect.translated(0, top), chart, self.dpi)
            note.draw(p, 0, top + chart_rect.bottom() + gap / 2)

        self.pages[-1].append(draw)

    # -- painting -----------------------------------------------------------
    def paint(self, painter: QPainter, pages: Collection[int] | None = None) -> int:
        """Paint the pages (all, or those numbered in ``pages``, from 1); how many painted."""
        total = len(self.pages)
        painted = 0
        for n, ops in enumerate(self.pages, 1):
            if pages is not None and n not in pages:  # an empty choice is no page, not all
                continue
            if painted:
                self.device.newPage()
            for op in ops:
                op(painter, 0.0)
            self._footer(painter, n, total)
            painted += 1
        return painted

    def _footer(self, painter: QPainter, n: int, total: int) -> None:
        y = float(self.device.height()) - self.footer_height
        left = self._text([Para(self.content.footer, "footer", "left")])
        right = self._text([Para(wording.page_number(n, total), "footer", "right")])
        painter.save()
        painter.setPen(QPen(FOOTER_COLOR, 0.4 * self.dpi / 72))
        painter.drawLine(QLineF(0, y - 1 * self.mm, self.width, y - 1 * self.mm))
        left.draw(painter, 0, y)
        right.draw(painter, 0, y)
        painter.restore()


def paint_report(
    device: QPagedPaintDevice, content: ReportContent, pages: Collection[int] | None = None
) -> int:
    """Lay the report out for ``device`` and paint it there; the number of pages painted.

    The device's own page layout is used as it is: a PDF writer is set up by the
    caller, a printer by the user in the print or preview dialog.
    """
    report = ReportPages(content, device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the paint device cannot be painted on")
    try:
        return report.paint(painter, pages)
    finally:
        painter.end()
