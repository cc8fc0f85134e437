"""Paragraphs laid out into lines at a given width, for the paint device they go to.

Everything the report draws goes through :class:`TextBlock`: it wraps each paragraph
with ``QTextLayout`` against the real device (a PDF writer at 1200 dpi or a printer), so
the measured heights are the heights painted and no text is ever clipped. Lines are
kept individually because a page may end between any two of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPaintDevice, QPainter, QTextLayout, QTextOption

from spbgui.report import fonts
from spbgui.report.content import Para

# QTextLayout draws a line feed as nothing and a tab to the next tab stop: an event of
# several lines printed as one run-together line, and a tab as a wide gap; a control
# character as a box. A line break inside a paragraph is Unicode's line separator, which
# it does honour: so are Word's manual line break (a vertical tab), page break (a form
# feed) and paragraph mark (U+2029) when pasted; other control characters are dropped.
_BREAK = "\u2028"
_PRINTED = {0x0A: _BREAK, 0x0B: _BREAK, 0x0C: _BREAK, 0x0D: _BREAK, 0x85: _BREAK}
_PRINTED |= {0x2029: _BREAK, 0x09: " "}
_PRINTED |= {c: None for c in [*range(0x20), *range(0x7F, 0xA0)] if c not in _PRINTED}


def printed(text: str) -> str:
    """``text`` as QTextLayout should see it: its line breaks kept, a tab as a space."""
    return text.replace("\r\n", "\n").translate(_PRINTED)


_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}


@dataclass
class Line:
    """One laid-out line; ``top``/``bottom`` relative to its block."""

    layout: QTextLayout
    index: int
    top: float
    bottom: float

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        """Draw with the block's top-left at (x, y)."""
        # QTextLine remembers its own position inside the block: (x, y) moves the block.
        self.layout.lineAt(self.index).draw(painter, QPointF(x, y))


class TextBlock:
    """Paragraphs wrapped to ``width`` device pixels; ``height`` is the sum of their lines."""

    def __init__(
        self,
        paras: Sequence[Para],
        width: float,
        device: QPaintDevice,
        *,
        para_gap: float = 0.0,
        color: QColor | None = None,
        style: str | None = None,
        font: fonts.FontFor = fonts.font,
    ) -> None:
        self.width = width
        self.color = color
        self.lines: list[Line] = []
        self._layouts: list[QTextLayout] = []
        y = 0.0
        for n, para in enumerate(paras):
            if n:
                y += para_gap
            layout = QTextLayout(printed(para.text), font(style or para.style, device), device)
            option = QTextOption(_ALIGN.get(para.align, Qt.AlignmentFlag.AlignLeft))
            # A word longer than the column (a long hyphenated name) is broken rather
            # than left to run over the cell's border.
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.setCacheEnabled(True)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLineWidth(width)
                line.setPosition(QPointF(0, y))
                self.lines.append(Line(layout, line.lineNumber(), y, y + line.height()))
                y += line.height()
            layout.endLayout()
            self._layouts.append(layout)
        self.height = y

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.draw_lines(painter, x, y, self.lines)

    def draw_lines(self, painter: QPainter, x: float, y: float, lines: Sequence[Line]) -> None:
        if self.color is not None:
            painter.save()
            painter.setPen(self.color)
        for line in lines:
            line.draw(painter, x, y)
        if self.color is not None:
            painter.restore()
