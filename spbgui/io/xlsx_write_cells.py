"""Cell values on the way out: text stays text, exactly as stored, or the export is refused.

A spreadsheet changes text silently in more ways than one. openpyxl turns a
string that starts with «=» into a formula and «#N/A» into an error value, and
cuts anything past 32,767 characters; Excel and LibreOffice run a formula as
soon as the file is opened (``=HYPERLINK(...)`` from a pasted web page is the
classic). XML cannot hold most control characters at all. So every text is
written here as an explicit string cell (``t="inlineStr"``), with
``quotePrefix`` when it starts like a formula or reads like an error value, so
it stays text after someone edits it in Excel; control characters go out in
Excel's own ``_xHHHH_`` escape, which Excel, LibreOffice and both of our
readers decode, and a literal ``_x0041_`` in the text is escaped in turn
(``_x005F_x0041_``) so that no reader decodes it into «A». What cannot be
written exactly (a text longer than a cell holds, broken Unicode) raises
:class:`CellRefused`, which the caller turns into an :class:`ExportError`
naming the record.

Cells are written through one reusable cell object per column (openpyxl's
write-only sheets stream each row out as soon as it is appended), with style
arrays prepared once per style: that keeps formatted output within a few
percent of writing bare values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles.cell_style import StyleArray

from spbgui.errors import UserError

MAX_CELL_CHARS = 32_767  # Excel's limit, in UTF-16 code units

# Excel's error values; a string equal to one of them is one keystroke away from becoming it.
ERROR_VALUES = frozenset(
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
        "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!",
        "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!",
    }
)  # fmt: skip
# What a spreadsheet (or a CSV made from the sheet) may take for the start of a formula.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot carry, and Excel's escapes that a reader would decode.
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SLOW_PATH = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|_x[0-9A-Fa-f]{4}_")


class ExportError(UserError):
    """An export that cannot be done as asked; ``str()`` is one plain Russian line."""


class ExportCancelled(ExportError):
    """The user stopped the export; no file was written or replaced."""


class CellRefused(ValueError):
    """A text that cannot go into a cell unchanged; ``str()`` says why, in Russian."""


def excel_length(text: str) -> int:
    """The length Excel counts: UTF-16 code units (a character outside the BMP is two)."""
    if len(text) * 2 <= MAX_CELL_CHARS:  # cheap: cannot be over the limit
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _escape(match: re.Match[str]) -> str:
    found = match.group()
    if found[0] == "_":  # a literal «_xHHHH_»: escape its underscore so it is not decoded
        return "_x005F" + found
    return f"_x{ord(found):04X}_"


def cell_text(text: str) -> str:
    """``text`` as it goes into a cell's XML, or :class:`CellRefused`.

    The result differs from ``text`` only by ``_xHHHH_`` escapes, which every
    spreadsheet decodes back to ``text``.
    """
    if excel_length(text) > MAX_CELL_CHARS:
        raise CellRefused(
            f"текст длиннее {MAX_CELL_CHARS:,} знаков, больше, чем вмещает ячейка Excel "
            f"({excel_length(text):,})".replace(",", " ")
        )
    if _SLOW_PATH.search(text) is None:
        return text
    if _SURROGATE.search(text):
        raise CellRefused("в тексте повреждённые символы (неполная пара UTF-16)")
    return _NEEDS_ESCAPE.sub(_escape, text)


def needs_quote(text: str) -> bool:
    """Whether a spreadsheet could take the text for a formula or an error value."""
    return text.startswith(FORMULA_LEADS) or (text[:1] == "#" and text.upper() in ERROR_VALUES)


class CellStyle:
    """A style prepared once: its style array, plain and with ``quotePrefix``."""

    __slots__ = ("plain", "quoted")

    def __init__(self, ws: Any, name: str | None) -> None:
        probe = WriteOnlyCell(ws)
        if name is not None:
            probe.style = name
        self.plain: StyleArray = StyleArray(probe._style)
        probe.quotePrefix = True
        self.quoted: StyleArray = StyleArray(probe._style)


class RowCells:
    """Builds the cells of one row at a time for a write-only sheet.

    The cell objects are reused from row to row: a write-only sheet writes a
    row out as soon as it is appended, so nothing keeps a reference to them.
    Strings are set without openpyxl's value guessing, which would make
    formulas and error values of them and cut long ones.
    """

    def __init__(self, ws: Any, width: int) -> None:
        self.ws = ws
        self.cells = [WriteOnlyCell(ws) for _ in range(width)]
        self.row: list[Any] = [None] * width

    def text(self, col: int, text: str, style: CellStyle) -> None:
        """A string cell; ``text`` must already be what :func:`cell_text` returned."""
        cell = self.cells[col]
        cell._value = text
        cell.data_type = "s"
        cell._style = style.quoted if needs_quote(text) else style.plain
        self.row[col] = cell

    def value(self, col: int, value: Any, style: CellStyle) -> None:
        """A number or date cell (dates need a style with a date number format)."""
        cell = self.cells[col]
        cell._value = value
        cell.data_type = "d" if hasattr(value, "year") else "n"
        cell._style = style.plain
        self.row[col] = cell

    def blank(self, col: int, style: CellStyle | None) -> None:
        """An empty cell, kept only for its style (the borders of a merged area)."""
        if style is None:
            self.row[col] = None
            return
        cell = self.cells[col]
        cell._value = None
        cell.data_type = "n"
        cell._style = style.plain
        self.row[col] = cell

    def append(self) -> None:
        self.ws.append(self.row)
        self.row = [None] * len(self.cells)


def column_letter(col: int) -> str:
    """0-based column index → its letters (0 → A)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def text_width(values: Sequence[str | None]) -> int:
    """The longest line among ``values``, in characters (for column widths)."""
    return max((len(line) for v in values if v for line in v.split("\n")), default=0)
