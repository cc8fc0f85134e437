"""What the reading child process does: check the workbook and read its sheets.

:func:`read_sheets` runs in a child process (:func:`spbgui.io.isolated.run_isolated`)
because calamine, the native reader behind it, can abort or panic on a
hostile file; the guard runs there too, so that the window's process never
unpacks or parses a hostile file at all. Only plain values come back: the
sheet descriptions and the grids read up to the first one that holds the
table's header (the table rules then run in the caller's process, with
progress and cancel checks).
"""

from __future__ import annotations

import gc
from contextlib import closing
from dataclasses import dataclass, field

from spbgui.io import isolated
from spbgui.io.table.grid import Grid
from spbgui.io.table.header import find_header
from spbgui.io.xlsx.cells import iter_grids
from spbgui.io.xlsx.guard import ReadLimits, SheetInfo, inspect_workbook

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
                if find_header(grid)[0] is not None:
                    break
    finally:
        if was_enabled:
            gc.enable()
    for sheet in out.sheets:
        sheet.merged = []  # the grids have their own; nothing else needs them
    return out
