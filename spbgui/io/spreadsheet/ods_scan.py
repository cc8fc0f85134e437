"""A streaming scan of an OpenDocument spreadsheet's content.xml: sizes and merged cells.

An .ods cell may say «repeat me a million times» (``number-columns-repeated``,
``number-rows-repeated``); LibreOffice writes such runs for the empty rest of
every sheet, and a hostile file writes them around text, which calamine then
expands into memory. The scan counts what the reader would build, without
parsing: the cells that hold anything, times their repeats, and the rectangle
from A1 to the last of them, and refuses past the limit. It also collects the
merged cells (``number-rows-spanned``/``number-columns-spanned``), which
calamine does not report for .ods.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spbgui.io.table.records import TableError

_TAG = re.compile(
    rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(table-row|table-cell|covered-table-cell|table)\b([^>]*?)(/?)>"
)
_ATTR = {
    name: re.compile(rb"\b(?:[A-Za-z_][\w.-]*:)?" + name + rb"""\s*=\s*["'](\d+)["']""")
    for name in (
        b"number-rows-repeated",
        b"number-columns-repeated",
        b"number-rows-spanned",
        b"number-columns-spanned",
    )
}
_VALUE_TYPE = re.compile(rb"\b(?:[A-Za-z_][\w.-]*:)?value-type\s*=")
_NAME = re.compile(rb"""\b(?:[A-Za-z_][\w.-]*:)?name\s*=\s*["']([^"']*)["']""")
_MAX_CARRY = 1 << 20


def _num(attrs: bytes, name: bytes) -> int:
    m = _ATTR[name].search(attrs)
    return int(m.group(1)) if m else 1


@dataclass
class OdsSheet:
    name: str
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    rows: int = 0  # 1 + the last row that holds anything
    cols: int = 0


class OdsScanner:
    """Fed content.xml chunk by chunk; ``sheets`` lists what it found, in order."""

    def __init__(self, max_cells: int, refuse: Callable[[int], TableError]) -> None:
        self.max_cells = max_cells
        self.refuse = refuse
        self.sheets: list[OdsSheet] = []
        self.carry = b""
        self.row = 0  # index of the current row in the current sheet
        self.row_repeat = 1
        self.col = 0
        self.cells = 0

    def __call__(self, chunk: bytes) -> None:
        buf = self.carry + chunk
        cut = buf.rfind(b"<")
        if cut != -1 and buf.find(b">", cut) == -1:
            self.carry, buf = buf[cut:], buf[:cut]
            if len(self.carry) > _MAX_CARRY:
                raise self.refuse(self.cells)
        else:
            self.carry = b""
        for m in _TAG.finditer(buf):
            closing, tag, attrs, empty = m.groups()
            if tag == b"table":
                if not closing:
                    name = _NAME.search(attrs)
                    self.sheets.append(
                        OdsSheet(name.group(1).decode("utf-8", "replace") if name else "")
                    )
                    self.row, self.col = 0, 0
                continue
            if not self.sheets:
                continue
            if tag == b"table-row":
                if closing:
                    self.row += self.row_repeat
                elif empty:
                    self.row += _num(attrs, b"number-rows-repeated")
                else:
                    self.row_repeat = _num(attrs, b"number-rows-repeated")
                    self.col = 0
                continue
            if closing:
                continue
            repeat = _num(attrs, b"number-columns-repeated")
            filled = not empty or _VALUE_TYPE.search(attrs) is not None
            if filled and tag == b"table-cell":
                sheet = self.sheets[-1]
                self.cells += repeat * self.row_repeat
                sheet.rows = max(sheet.rows, self.row + self.row_repeat)
                sheet.cols = max(sheet.cols, self.col + repeat)
                if self.cells > self.max_cells or sheet.rows * sheet.cols > self.max_cells:
                    raise self.refuse(max(self.cells, sheet.rows * sheet.cols))
                down = _num(attrs, b"number-rows-spanned")
                across = _num(attrs, b"number-columns-spanned")
                if down > 1 or across > 1:
                    sheet.merged.append(
                        (self.row, self.col, self.row + down - 1, self.col + across - 1)
                    )
            self.col += repeat
