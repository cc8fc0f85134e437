"""A streaming XML parse of one part of a workbook: how many cells, where, merges, declared counts.

:mod:`spbgui.io.xlsx.guard` runs it on every XML part of the file, whatever
the part is called, before a spreadsheet library sees the file: calamine
allocates the whole rectangle from the first to the last cell at once, and
as many shared strings as ``uniqueCount`` declares, and aborts the process
when it cannot. The parse is expat's (a real XML parser, in C): no regular
expression over raw XML, so a ``>`` inside an attribute value, a namespace
prefix or a reference of any length reads as a parser reads it.

The same parse refuses a document type declaration (the door to entity
expansion) in any part, and gives the openpyxl fallback what read-only
openpyxl does not know: a sheet's true size and its merged ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

EXCEL_ROWS = 1_048_576
EXCEL_COLS = 16_384


@dataclass
class SheetInfo:
    """One worksheet as the scan saw it (rows and columns are 0-based)."""

    name: str
    part: str  # path of the sheet XML inside the zip
    hidden: bool = False
    n_rows: int = 0  # 1 + the last row index that holds a cell
    n_cols: int = 0
    n_cells: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    # Number cells with a style of their own (row, col, style index): a date among them may
    # show only its month or year (spbgui.io.xlsx.date_formats); the guard keeps those.
    styled: list[tuple[int, int, int]] = field(default_factory=list)
    coarse_dates: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → precision
    # Formulas saved without their value (a program's file, not Excel's): the readers,
    # which do not calculate, would read them as blanks.
    uncached: int = 0
    hidden_rows: list[int] = field(default_factory=list)  # 0-based rows hidden in the sheet
    first_uncached: tuple[int, int] | None = None  # (row, col)


class SheetTooLarge(Exception):
    """The part holds (or spans) more cells than the limit allows."""

    def __init__(self, cells: int) -> None:
        super().__init__(cells)
        self.cells = cells


class TooManyStrings(Exception):
    """A shared-strings table declares or holds more strings than the limit allows."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class PartMalformed(Exception):
    """The part is not well-formed XML, or a reference in it is not a cell's."""


class PartHostile(Exception):
    """The part declares a document type (DTD): never in a workbook, the way to entity bombs."""


# One attribute's value, not raw XML: a cell's place as readers take it, letters then digits.
_REF = re.compile(r"\s*([A-Za-z]{0,3})([0-9]{0,7})\s*").fullmatch


_RANGE = re.compile(r"\s*([A-Za-z]{1,3})([0-9]{1,7})(?::([A-Za-z]{1,3})([0-9]{1,7}))?\s*").fullmatch


def column_index(letters: str) -> int:
    """0-based index of a column given by its letters: A → 0, AA → 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def split_ref(ref: str) -> tuple[int | None, int | None]:
    """A cell reference «B7» as (row, col), 0-based; either is None when absent.

    Raises PartMalformed for anything else, and for a place beyond Excel's
    grid (XFD1048576): a reader would take «AAAA1» at its word.
    """
    i = 0
    n = len(ref)
    while i < n and ("A" <= ref[i] <= "Z" or "a" <= ref[i] <= "z"):
        i += 1
    letters, digits = ref[:i], ref[i:]
    if (digits and not digits.isdigit()) or not digits.isascii() or i > 3 or len(digits) > 7:
        raise PartMalformed(ref)
    col = column_index(letters) if letters else None
    row = int(digits) - 1 if digits else None
    if (col is not None and col >= EXCEL_COLS) or (row is not None and not 0 <= row < EXCEL_ROWS):
        raise PartMalformed(ref)
    return row, col


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _attr(attrs: dict[str, str], name: str) -> str | None:
    """An attribute by its local name, with or without a namespace prefix."""
    value = attrs.get(name)
    if value is None and len(attrs) > 0:
        for key, v in attrs.items():
            if _local(key) == name:
                return v
    return value


def _count(value: str | None) -> int:
    if value is None:
        return 0
    try:
        return int(value.strip())
    except ValueError:
        raise PartMalformed(value) from None


class PartScanner:
    """Parses one XML part as it streams in, counting what readers would allocate for.

    Any part is parsed the same way: cells (``c`` elements, placed by their
    ``r`` reference or by their order in the row), merged ranges, and a
    shared-strings table's counts. A part that is not a worksheet simply has
    none of them. ``sheet`` (when the part is one) receives the results.
    """

    def __init__(self, max_cells: int, sheet: SheetInfo | None = None) -> None:
        self.max_cells = max_cells
        self.sheet = sheet
        self.merged: list[tuple[int, int, int, int]] = sheet.merged if sheet is not None else []
        self.merged.clear()
        self.styled: list[tuple[int, int, int]] = sheet.styled if sheet is not None else []
        self.styled.clear()
        self.cells = 0
        self.strings = 0
        self.max_row = -1
        self.max_col = -1
        self.row = -1  # current 0-based row
        self.col = -1  # last 0-based column in the current row
        self._columns: dict[str, int] = {}
        self._handlers = {
            "c": self._cell,
            "row": self._row,
            "mergeCell": self._merge,
            "si": self._string,
            "sst": self._table,
            "f": self._formula,
            "v": self._value,
        }
        # The cell being read: its place and type, whether it has a formula, whether
        # the value beside the formula has any text (looked at only after a formula).
        self._place = (0, 0)
        self._type: str | None = None
        self._has_formula = self._has_value = False
        parser = expat.ParserCreate()
        parser.StartElementHandler = self._start
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._entity
        self._parser = parser

    # --- expat's callbacks --------------------------------------------------------------

    def _doctype(self, *_args: object) -> None:
        raise PartHostile

    def _entity(self, *_args: object) -> None:
        raise PartHostile

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        # The hot path: called for every element of a sheet (c, v, row, is, t …).
        handler = self._handlers.get(name)
        if handler is None:
            if ":" not in name:
                return
            handler = self._handlers.get(_local(name))
            if handler is None:
                return
        handler(attrs)

    def _formula(self, attrs: dict[str, str]) -> None:
        self._has_formula = True

    def _value(self, attrs: dict[str, str]) -> None:
        if self._has_formula:
            self._parser.CharacterDataHandler = self._value_text

    def _value_text(self, data: str) -> None:
        if data.strip():
            self._has_value = True

    def _end_cell(self) -> None:
        """A formula cell just read: count it if its value is missing.

        A text formula whose value is "" is saved as ``t="str"`` with an empty value;
        a number, date or truth value is never empty when saved.
        """
        self._parser.CharacterDataHandler = None
        if self._type not in ("str", "inlineStr", "s") and not self._has_value:
            if self.sheet is not None:
                self.sheet.uncached += 1
                if self.sheet.first_uncached is None:
                    self.sheet.first_uncached = self._place
        self._has_formula = self._has_value = False

    def _row(self, attrs: dict[str, str]) -> None:
        if self._has_formula:
            self._end_cell()
        r = _attr(attrs, "r")
        if r is not None:
            row, col = split_ref(r.strip())
            if row is None or col is not None:
                raise PartMalformed(r)
            self.row = row
        else:
            self.row += 1
        self.col = -1
        if self.sheet is not None and attrs.get("hidden") in ("1", "true"):
            self.sheet.hidden_rows.append(self.row)

    def _string(self, attrs: dict[str, str]) -> None:
        self.strings += 1
        if self.strings > self.max_cells:
            raise TooManyStrings(self.strings)

    def _table(self, attrs: dict[str, str]) -> None:
        declared = max(_count(_attr(attrs, "uniqueCount")), 0)
        if declared > self.max_cells:
            raise TooManyStrings(declared)

    def _cell(self, attrs: dict[str, str]) -> None:
        if self._has_formula:
            self._end_cell()
        r = attrs.get("r")
        if r is None and attrs:
            r = _attr(attrs, "r")
        if r:
            m = _REF(r)
            if m is None:
                raise PartMalformed(r)
            letters, digits = m.groups()
            if letters:
                col = self._columns.get(letters)
                if col is None:
                    col = self._columns[letters] = column_index(letters)
                    if col >= EXCEL_COLS:
                        raise PartMalformed(r)
                self.col = col
            elif digits:
                raise PartMalformed(r)  # a row without a column is no cell's place
            else:
                self.col += 1
            if digits:
                row = int(digits) - 1
                if not 0 <= row < EXCEL_ROWS:
                    raise PartMalformed(r)
                self.row = row
        else:
            self.col += 1
        if self.row < 0:
            self.row = 0
        self.cells += 1
        self._place = (self.row, self.col)
        self._type = attrs.get("t")
        style = attrs.get("s")
        if style is not None and style != "0" and attrs.get("t", "n") in ("n", "d"):
            try:
                self.styled.append((self.row, self.col, int(style)))
            except ValueError:
                pass  # not a style index: the readers treat the cell as unstyled
        if self.col > self.max_col or self.row > self.max_row or self.cells > self.max_cells:
            self.max_col = max(self.max_col, self.col)
            self.max_row = max(self.max_row, self.row)
            self._check()

    def _merge(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("ref")
        if ref is None:
            ref = _attr(attrs, "ref")
            if ref is None:
                return
        m = _RANGE(ref)
        if m is None:
            raise PartMalformed(ref)
        l1, d1, l2, d2 = m.groups()
        c1, r1 = self._column(l1, ref), int(d1) - 1
        if l2 is None:
            c2, r2 = c1, r1
        else:
            c2, r2 = self._column(l2, ref), int(d2) - 1
        if not (0 <= r1 < EXCEL_ROWS and 0 <= r2 < EXCEL_ROWS):
            raise PartMalformed(ref)
        if r2 < r1:
            r1, r2 = r2, r1
        if c2 < c1:
            c1, c2 = c2, c1
        merged = self.merged
        merged.append((r1, c1, r2, c2))
        if len(merged) > self.max_cells:
            raise SheetTooLarge(len(merged))

    def _column(self, letters: str, ref: str) -> int:
        col = self._columns.get(letters)
        if col is None:
            col = self._columns[letters] = column_index(letters)
            if col >= EXCEL_COLS:
                raise PartMalformed(ref)
        return col

    def _check(self) -> None:
        rect = (self.max_row + 1) * (self.max_col + 1)
        if self.cells > self.max_cells or rect > self.max_cells:
            raise SheetTooLarge(max(self.cells, rect))

    # --- feeding --------------------------------------------------------------------------

    def feed(self, chunk: bytes) -> None:
        try:
            self._parser.Parse(chunk, False)
        except expat.ExpatError:
            raise PartMalformed from None

    def finish(self) -> None:
        try:
            self._parser.Parse(b"", True)
        except expat.ExpatError:
            raise PartMalformed from None
        if self._has_formula:
            self._end_cell()
        self._check()
        if self.sheet is not None:
            self.sheet.n_rows = self.max_row + 1
            self.sheet.n_cols = self.max_col + 1
            self.sheet.n_cells = self.cells
