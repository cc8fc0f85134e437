"""A sheet of the committee's table as a plain grid of values, whatever file it came from.

Every reader (xlsx today) fills a :class:`Grid`; the header finder and the row
reader work on grids only. Values are normalised by :func:`normalize` so that
every source gives the same grid: empty and blank cells are None, whole floats
are ints, dates at midnight are dates, line breaks are "\\n", and the invisible
characters that come with text copied from web pages and Word (soft hyphens,
zero-width spaces, byte-order marks) are gone: «Ки\\xadтай» is «Китай».
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

Cell = Any  # None | str | int | float | datetime.date | datetime.datetime


@dataclass
class Grid:
    """One sheet's values, 0-based, rows padded to no particular width."""

    name: str
    rows: list[list[Cell]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    hidden: bool = False

    def get(self, r: int, c: int) -> Cell:
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            if 0 <= c < len(row):
                return row[c]
        return None


def column_letter(col: int) -> str:
    """The spreadsheet name of the 1-based column ``col``: 1 → A, 27 → AA, 16384 → XFD.

    Written here rather than taken from openpyxl, whose import (a tenth of a second and
    more) an import of a table would otherwise pay before it starts reading.
    """
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_MIDNIGHT = dt.time(0)
# Invisible characters that are no part of any word, and the other ways to break a line
# (Word's vertical tab, Unicode's line and paragraph separators).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")
_ODD = re.compile("[\r\x0b\x0c\u2028\u2029\u00ad\u200b\u200c\u200d\u2060\ufeff]").search


def normalize(v: Any) -> Cell:
    t = type(v)
    if t is str:
        # isprintable() is false for a plain line break too: the search looks closer.
        if not v.isprintable() and _ODD(v) is not None:
            v = _LINE_BREAKS.sub("\n", _INVISIBLE.sub("", v))
        if not v or v.isspace():
            return None
        return v
    if v is None:
        return None
    if t is float:
        return int(v) if v.is_integer() else v
    if t is int:
        return v
    if t is bool:
        return "ИСТИНА" if v else "ЛОЖЬ"
    if t is dt.datetime:
        return v.date() if v.time() == _MIDNIGHT else v
    if t is dt.date:
        return v
    return str(v)  # time of day, durations, error values: kept as text, never dropped
