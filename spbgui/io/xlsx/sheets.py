"""What the reading child process does: check the workbook and read its sheets.

:func:`read_sheets` runs in a child process (:func:`spbgui.io.isolated.run_isolated`)
because calamine, the native reader behind it, can abort or panic on a
hostile file; the guard runs there too, so that the window's process never
unpacks or parses a hostile file at all. Only plain values come back: the
sheet descriptions and the grids read up to the first visible one that holds
the table's header (a hidden sheet with the header does not end the search:
see :func:`~spbgui.io.table.read.read_grids`; the table rules then run in the
caller's process, with progress and cancel checks).

:func:`check_workbook` and :func:`read_unchecked` are the same work split in
two, for two children that run side by side (:mod:`spbgui.io.xlsx.read`):
the check alone, and calamine's reading, whose grids are used only after the
check passed the file and only if :func:`assemble` finds them to be the
grids :func:`read_sheets` would have read.
"""

from __future__ import annotations

import gc
import os
from contextlib import closing
from dataclasses import dataclass, field

from spbgui.io import isolated
from spbgui.io.table.grid import Grid
from spbgui.io.table.read import ends_the_search
from spbgui.io.xlsx.cells import iter_grids, load_calamine_sheet
from spbgui.io.xlsx.date_formats import shown_as_written
from spbgui.io.xlsx.guard import ReadLimits, inspect_workbook
from spbgui.io.xlsx.scan import SheetInfo

try:  # imported once by the fork server, not by every child
    import python_calamine  # noqa: F401
except ImportError:  # pragma: no cover - calamine is a dependency; openpyxl is the fallback
    pass

isolated.PRELOAD.append(__name__)


@dataclass
class SheetsRead:
    """The workbook's sheets, and the grids read until one had the header (that one last)."""

    name: str  # the file's name, for messages
    sheets: list[SheetInfo]
    grids: list[Grid] = field(default_factory=list)


def read_sheets(path: str, limits: ReadLimits, engine: str) -> SheetsRead:
    """Check ``path`` (raising TableError) and read sheets until one has the header."""
    was_enabled = gc.isenabled()
    gc.disable()  # many small objects, none in cycles
    try:
        info = inspect_workbook(path, limits)
        out = SheetsRead(name=info.path.name, sheets=info.sheets)
        with closing(iter_grids(info, limits, engine)) as grids:
            for grid in grids:
                out.grids.append(grid)
                if ends_the_search(grid):
                    break
    finally:
        if was_enabled:
            gc.enable()
    for sheet in out.sheets:
        sheet.merged = []  # the grids have their own; nothing else needs them
    return out


def check_workbook(path: str, limits: ReadLimits) -> list[SheetInfo]:
    """The guard alone (raising TableError): the workbook's worksheets, without their merges."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        sheets = inspect_workbook(path, limits).sheets
    finally:
        if was_enabled:
            gc.enable()
    for sheet in sheets:
        sheet.merged = []
    return sheets


def read_unchecked(path: str, limits: ReadLimits) -> dict[str, Grid] | None:
    """calamine's grids of the worksheets, in the book's order up to the one with the header.

    Runs in a child of its own while another child checks the file
    (:func:`check_workbook`): nothing it returns is used unless the check
    passed. None (or any failure) means «read it the careful way»: the check
    and then :func:`read_sheets`, one after the other, as for every file once.
    """
    try:
        from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum
    except ImportError:
        return None
    # A file the check will refuse may make calamine abort, printing its out-of-memory
    # report on the terminal: this child's words never count (the check's do), so its
    # standard error goes nowhere. (It is a child of its own: nothing else writes there.)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    os.close(quiet)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        book = CalamineWorkbook.from_path(path)
        try:
            grids: dict[str, Grid] = {}
            for meta in book.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                grid = load_calamine_sheet(book, meta.name, False, limits)
                if grid is None:
                    return None
                grids[meta.name] = grid
                grid.hidden = meta.visible != SheetVisibleEnum.Visible
                if ends_the_search(grid):
                    break
            return grids
        finally:
            book.close()
    except Exception:
        return None
    finally:
        if was_enabled:
            gc.enable()


def assemble(name: str, sheets: list[SheetInfo], grids: dict[str, Grid]) -> SheetsRead | None:
    """What :func:`read_sheets` gives, from the checked sheets and the grids read beside them.

    None when a sheet :func:`read_sheets` would have read is not among the
    grids (the two readings disagree on the book's sheets: read it the careful way).
    """
    out = SheetsRead(name=name, sheets=sheets)
    for sheet in sheets:
        grid = grids.get(sheet.name)
        if grid is None:
            return None
        grid.hidden = sheet.hidden
        out.grids.append(shown_as_written(grid, sheet.coarse_dates))
        if ends_the_search(grid):
            break
    return out
