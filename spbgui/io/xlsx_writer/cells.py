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

Rows are written by :class:`RowCells`, which builds each row's XML in one go
with style indexes prepared once per style: that makes formatted output
cheaper than openpyxl writing the same values bare.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.cell import get_column_letter

from spbgui.domain.numbers import thousands
from spbgui.errors import UserError
from spbgui.io.cell_limit import MAX_CELL_CHARS, excel_length

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
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]|_x[0-9A-Fa-f]{4}_")
# Broken UTF-16 and the two non-characters XML forbids (readers disagree on their escapes).
_UNWRITABLE = re.compile(r"[\ud800-\udfff\ufffe\uffff]")
_SLOW_PATH = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|_x[0-9A-Fa-f]{4}_")


class ExportError(UserError):
    """An export that cannot be done as asked; ``str()`` is one plain Russian line."""


class ExportCancelled(ExportError):
    """The user stopped the export; no file was written or replaced."""


class CellRefused(ValueError):
    """A text that cannot go into a cell unchanged; ``str()`` says why, in Russian."""


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
            f"текст длиннее {thousands(MAX_CELL_CHARS)} знаков, больше, чем вмещает ячейка "
            f"Excel ({thousands(excel_length(text))})"
        )
    if _SLOW_PATH.search(text) is None:
        return text
    if _UNWRITABLE.search(text):
        raise CellRefused(
            "в тексте повреждённые или недопустимые символы (U+D800–U+DFFF, U+FFFE, U+FFFF)"
        )
    return _NEEDS_ESCAPE.sub(_escape, text)


def needs_quote(text: str) -> bool:
    """Whether a spreadsheet could take the text for a formula or an error value."""
    return text.startswith(FORMULA_LEADS) or (text[:1] == "#" and text.upper() in ERROR_VALUES)


class CellStyle:
    """A style prepared once: its index in the workbook's cell formats, plain and quoted.

    openpyxl looks a cell's style up in the workbook's list of formats for every
    cell it writes; with the index known beforehand, that is done once per style.
    """

    __slots__ = ("plain", "quoted")

    def __init__(self, ws: Any, name: str | None) -> None:
        probe = WriteOnlyCell(ws)
        if name is not None:
            probe.style = name
        formats = ws.parent._cell_styles
        # types-openpyxl lists Cell._style in __slots__ but declares no type for it
        style = probe._style  # type: ignore[attr-defined]
        self.plain: int = formats.add(StyleArray(style)) if any(style) else 0
        probe.quotePrefix = True
        self.quoted: int = formats.add(StyleArray(probe._style))  # type: ignore[attr-defined]


class RowCells:
    """Writes the rows of a write-only sheet as XML text, then hands them to openpyxl.

    openpyxl spends most of an export's time on each cell: guessing its type,
    looking up its style, building XML elements one by one. Our cells are of
    three known kinds (text, a number or date with a style, a styled blank), so
    each row is written here as one string of XML into a temporary file, and
    strings go in as inline strings exactly as given, without openpyxl's
    guessing, which would make formulas and error values of them and cut long
    ones. openpyxl still writes everything around the rows (sheet properties,
    columns, frozen panes, merged cells, filter, page set-up, the workbook and
    its styles); :meth:`close` puts the rows into the sheet openpyxl wrote, in
    place of its empty ``<sheetData>``. That makes the formatted export
    cheaper than openpyxl writing the same values bare.

    Set the sheet's columns, views, merged cells and page set-up before
    :meth:`close`, as for any write-only sheet.
    """

    FLUSH_EVERY = 500  # rows kept in memory before they go to the file

    def __init__(self, ws: Any, width: int) -> None:
        self.ws = ws
        self.letters = [get_column_letter(c + 1) for c in range(width)]
        self.row: list[tuple[Any, str, int] | None] = [None] * width
        self.rows = 0
        self._buffer: list[str] = []
        self._file = tempfile.TemporaryFile()

    def text(self, col: int, text: str, style: CellStyle) -> None:
        """A string cell; ``text`` must already be what :func:`cell_text` returned."""
        self.row[col] = (text, "s", style.quoted if needs_quote(text) else style.plain)

    def date(self, col: int, value: dt.date, style: CellStyle) -> None:
        """A date (a style with a date number format shows it as one)."""
        self.row[col] = ((value - _EXCEL_EPOCH).days, "n", style.plain)

    def blank(self, col: int, style: CellStyle | None) -> None:
        """An empty cell, kept only for its style (the borders of a merged area)."""
        self.row[col] = (None, "", style.plain) if style is not None and style.plain else None

    def append(self, height: float | None = None) -> None:
        """Write the row built so far (``height`` in points, or the default height)."""
        self.rows += 1
        number = str(self.rows)
        if height:
            parts = [f'<row r="{number}" ht="{height}" customHeight="1">']
        else:
            parts = [f'<row r="{number}">']
        letters = self.letters
        for col, cell in enumerate(self.row):
            if cell is None:
                continue
            value, kind, style = cell
            ref = letters[col] + number
            if kind == "s":
                space = _PRESERVE if value[:1].isspace() or value[-1:].isspace() else ""
                if _XML_SPECIAL.search(value):
                    value = value.translate(_XML_ESCAPES)
                parts.append(
                    f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{value}</t></is></c>'
                )
            elif kind == "n":
                parts.append(f'<c r="{ref}" s="{style}"><v>{value}</v></c>')
            else:
                parts.append(f'<c r="{ref}" s="{style}"/>')
        parts.append("</row>")
        self._buffer.append("".join(parts))
        self.row = [None] * len(letters)
        if len(self._buffer) >= self.FLUSH_EVERY:
            self._flush()

    def _flush(self) -> None:
        self._file.write("".join(self._buffer).encode("utf-8"))
        self._buffer.clear()

    def close(self) -> None:
        """Finish the sheet: openpyxl writes it around an empty sheetData, the rows go in."""
        self._flush()
        self.ws.close()
        path = self.ws._writer.out
        with open(path, "rb") as fh:
            around = fh.read()
        head, empty, tail = around.partition(b"<sheetData></sheetData>")
        if not empty:
            head, empty, tail = around.partition(b"<sheetData/>")
        if not empty:  # a change in openpyxl: fail loudly rather than write a broken sheet
            raise RuntimeError("openpyxl wrote no empty <sheetData> to fill")
        self._file.seek(0)
        with open(path, "wb") as out:
            out.write(head + b"<sheetData>")
            shutil.copyfileobj(self._file, out, 1 << 20)
            out.write(b"</sheetData>" + tail)
        self._file.close()


_PRESERVE = ' xml:space="preserve"'
# What XML text cannot hold as is; a carriage return is escaped because XML readers
# turn a literal one into a line feed.
_XML_SPECIAL = re.compile(r"[&<>\r]")
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# Day 0 of Excel's 1900 date system as Excel counts from 1 March 1900 on (it believes
# 1900 was a leap year); the export writes no earlier date (see xlsx_write_events).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_FIRST_DATE = dt.date(1900, 3, 1)
