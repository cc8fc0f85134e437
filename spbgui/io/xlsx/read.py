"""Reading the committee's table from an .xlsx workbook into a :class:`ParsedTable`.

The one entry point is :func:`read_table`. It checks the file
(:mod:`~spbgui.io.xlsx.guard`) and reads the sheets as plain grids
(:mod:`~spbgui.io.xlsx.cells`); the table rules that find the header and read
the rows are the format-neutral :func:`~spbgui.io.table.read.read_grids`. No
database and no Qt: the import service writes the result, the window shows the
warnings as the import report.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing

from spbgui.io.table.read import ImportCancelled, Source, check_cancel, read_grids
from spbgui.io.table.records import ParsedTable, TableError
from spbgui.io.xlsx.cells import ENGINES, iter_grids
from spbgui.io.xlsx.guard import ReadLimits, inspect_workbook

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
    a readable workbook or holds no such table.
    """
    check_cancel(cancelled)
    info = inspect_workbook(path, limits)
    check_cancel(cancelled)
    source = Source(name=info.path.name, parts=[s.name for s in info.sheets if s.n_cells])
    with closing(iter_grids(info, limits, engine)) as grids:
        return read_grids(grids, source, year=year, progress=progress, cancelled=cancelled)
