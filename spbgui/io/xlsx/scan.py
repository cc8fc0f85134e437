"""A streaming scan of a worksheet's XML: how many cells, the rectangle they span, merges.

:mod:`spbgui.io.xlsx.guard` runs it on every sheet before a spreadsheet
library sees the file, because calamine allocates the whole rectangle from
the first to the last cell at once (and aborts the process when it cannot),
and read-only openpyxl trusts the sheet's own <dimension> and knows no merged
cells. The scan gives the reader true sizes and the merged ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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


_NS = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix such as «x:»
_CELL_ANY = re.compile(rb"<" + _NS + rb"c[\s/>]")
_CELL_REF = re.compile(rb"<" + _NS + rb"""c\s[^>]*?\br\s*=\s*["']([A-Za-z]{1,3})(\d{1,7})["']""")
_MERGE = re.compile(rb"<" + _NS + rb"mergeCell\b([^>]*)>")
_TAG = re.compile(rb"<" + _NS + rb"(row|c)\b([^>]*)>")
_R_ATTR = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{0,3})(\d*)["']""")
_REF_ATTR = re.compile(rb"""\bref\s*=\s*["']([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?["']""")
_MAX_CARRY = 1 << 20


def column_index(letters: str) -> int:
    """0-based index of a column given by its letters: A → 0, AA → 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


class SheetTooLarge(Exception):
    """The sheet holds (or spans) more cells than the limit allows."""

    def __init__(self, cells: int) -> None:
        super().__init__(cells)
        self.cells = cells


class SheetMalformed(Exception):
    """The sheet XML cannot be a sheet (a tag longer than a megabyte)."""


class SheetScanner:
    """Counts a sheet's cells and finds its used rectangle and merged ranges, streaming.

    Only tag names and the r/ref attributes are looked at: a regex over each
    chunk is far cheaper than an XML parse and enough to bound what the real
    readers will allocate. Excel writes every cell's reference (r="B7"), and
    then ``findall`` does the work in C. Cells without one get their place
    from their order in the row; if a sheet has such cells, ``exact`` is
    set and the sheet is scanned again tag by tag (:class:`ExactScanner`).
    """

    def __init__(self, sheet: SheetInfo, max_cells: int) -> None:
        self.sheet = sheet
        self.max_cells = max_cells
        self.carry = b""
        self.max_row = -1
        self.max_col = -1
        self.cells = 0
        self.needs_exact = False
        self._col_cache: dict[bytes, int] = {}

    def _complete_tags(self, chunk: bytes) -> bytes:
        """The chunk with any tag cut at its end held back for the next one."""
        buf = self.carry + chunk
        cut = buf.rfind(b"<")
        if cut != -1 and buf.find(b">", cut) == -1:
            self.carry = buf[cut:]
            if len(self.carry) > _MAX_CARRY:
                raise SheetMalformed
            return buf[:cut]
        self.carry = b""
        return buf

    def feed(self, chunk: bytes) -> None:
        buf = self._complete_tags(chunk)
        refs = _CELL_REF.findall(buf)
        n_cells = len(_CELL_ANY.findall(buf))
        if n_cells != len(refs):
            self.needs_exact = True
        self.cells += n_cells
        if refs:
            cache = self._col_cache
            for letters in {letters for letters, _row in refs}:
                col = cache.get(letters)
                if col is None:
                    col = cache[letters] = column_index(letters.decode("ascii"))
                self.max_col = max(self.max_col, col)
            self.max_row = max(self.max_row, max(map(int, {row for _l, row in refs})) - 1)
        if b"mergeCell" in buf:  # a long literal: found much faster than the regex runs
            for attrs in _MERGE.findall(buf):
                self._merge(attrs)
        self._check()

    def _merge(self, attrs: bytes) -> None:
        m = _REF_ATTR.search(attrs)
        if not m:
            return
        c1, r1 = column_index(m.group(1).decode("ascii")), int(m.group(2)) - 1
        if m.group(3):
            c2, r2 = column_index(m.group(3).decode("ascii")), int(m.group(4)) - 1
        else:
            c2, r2 = c1, r1
        r1, r2 = sorted((r1, r2))
        c1, c2 = sorted((c1, c2))
        self.sheet.merged.append((r1, c1, r2, c2))
        if len(self.sheet.merged) > self.max_cells:
            raise SheetTooLarge(len(self.sheet.merged))

    def _check(self) -> None:
        rect = (self.max_row + 1) * (self.max_col + 1)
        if self.cells > self.max_cells or rect > self.max_cells:
            raise SheetTooLarge(max(self.cells, rect))

    def finish(self) -> None:
        self._check()
        self.sheet.n_rows = self.max_row + 1
        self.sheet.n_cols = self.max_col + 1
        self.sheet.n_cells = self.cells


class ExactScanner(SheetScanner):
    """The same, tag by tag, for sheets whose cells lack references: slower, and rare."""

    def __init__(self, sheet: SheetInfo, max_cells: int) -> None:
        super().__init__(sheet, max_cells)
        sheet.merged.clear()  # the first pass found them already; they come again
        self.row = -1  # current 0-based row
        self.col = -1  # last 0-based column in the current row

    def feed(self, chunk: bytes) -> None:
        buf = self._complete_tags(chunk)
        for m in _TAG.finditer(buf):
            r = _R_ATTR.search(m.group(2))
            if m.group(1) == b"row":
                self.row = int(r.group(2)) - 1 if r and r.group(2) else self.row + 1
                self.col = -1
                continue
            if r and r.group(1):
                self.col = column_index(r.group(1).decode("ascii"))
                if r.group(2):
                    self.row = int(r.group(2)) - 1
            else:
                self.col += 1
            self.cells += 1
            self.max_col = max(self.max_col, self.col)
            self.max_row = max(self.max_row, self.row, 0)
        for attrs in _MERGE.findall(buf):
            self._merge(attrs)
        self._check()
