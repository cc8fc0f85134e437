"""Reading the committee's table from an .xlsx workbook into a :class:`ParsedTable`.

The one entry point is :func:`read_table`. In a child process
(:mod:`spbgui.io.isolated`, :func:`~spbgui.io.xlsx.sheets.read_sheets`) it
checks the file (:mod:`~spbgui.io.xlsx.guard`) and reads the sheets as plain
grids (:mod:`~spbgui.io.xlsx.cells`); the table rules that find the header
and read the rows are the format-neutral
:func:`~spbgui.io.table.read.read_grids`, run here. No database and no Qt: the
import service writes the result, the window shows the warnings as the import
report.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from spbgui.io.isolated import run_isolated
from spbgui.io.table.read import ImportCancelled, Source, check_cancel, read_grids
from spbgui.io.table.records import ParsedTable, TableError
from spbgui.io.xlsx.cells import ENGINES
from spbgui.io.xlsx.guard import ReadLimits
from spbgui.io.xlsx.sheets import SheetsRead, read_sheets

__all__ = ["ENGINES", "ImportCancelled", "ReadLimits", "TableError", "read_table"]


def read_table(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen, so one shared default is safe
    engine: str = "auto",
) -> ParsedTable:
    """Read the partner-cities table from the workbook at ``path``.

    ``year`` is the year of the events column; it overrides the year in the
    header «Основные мероприятия в 2024 году», and one of the two is needed.
    ``progress(done, total)`` is called every few hundred rows and at the end;
    ``cancelled()`` is asked as often, and True raises :class:`ImportCancelled`.
    ``engine`` chooses the reader ("auto": calamine, falling back to openpyxl).

    Raises :class:`TableError` (one plain Russian line) for a file that is not
    a readable workbook or holds no such table. The file is checked and read
    in a child process with the memory and time of ``limits``: whatever the
    native reader does on a hostile file, this process goes on, and Cancel
    stops the reading at once.
    """
    check_cancel(cancelled)
    found: SheetsRead = run_isolated(
        read_sheets,
        os.fspath(path),
        limits,
        engine,
        memory_mb=limits.max_memory_mb,
        seconds=limits.max_seconds,
        cancelled=cancelled,
        name=Path(path).name,
    )
    check_cancel(cancelled)
    source = Source(name=found.name, parts=[s.name for s in found.sheets if s.n_cells])
    return read_grids(found.grids, source, year=year, progress=progress, cancelled=cancelled)
