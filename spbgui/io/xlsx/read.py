"""Reading the committee's table from an .xlsx workbook into a :class:`ParsedTable`.

The one entry point is :func:`read_table`. It checks the file
(:mod:`~spbgui.io.xlsx.guard`), reads the sheets as plain grids
(:mod:`~spbgui.io.xlsx.cells`), finds the sheet and row that hold the header
(:mod:`~spbgui.io.table.header`) and reads the rows under it
(:mod:`~spbgui.io.table.rows`). No database and no Qt: the import service
writes the result, the window shows the warnings as the import report.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from spbgui.io.isolated import run_isolated
from spbgui.io.table.grid import Grid
from spbgui.io.table.header import (
    COLUMN_NAMES,
    EVENTS,
    EXPECTED_NAMES,
    REQUIRED,
    Header,
)
from spbgui.io.table.records import ImportCancelled, ImportWarning, ParsedTable, TableError
from spbgui.io.table.rows import RowReader
from spbgui.io.xlsx.cells import ENGINES
from spbgui.io.xlsx.guard import ReadLimits, SheetInfo
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
    in a child process with the memory and time of ``limits``
    (:mod:`spbgui.io.isolated`): whatever the native reader does on a hostile
    file, this process goes on, and Cancel stops the reading at once.
    """
    _check_cancel(cancelled)
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
    _check_cancel(cancelled)
    if found.grid is not None and found.header is not None:
        with _gc_paused():
            return _read_rows(found, found.grid, found.header, year, progress, cancelled)
    if not any(s.n_cells for s in found.sheets):
        raise TableError(f"Книга «{found.name}» пуста: на её листах нет данных.")
    hint = ""
    if len(found.nearest_found) >= 2:  # a real attempt at the header: say what it lacks
        missing = ", ".join(COLUMN_NAMES[r] for r in REQUIRED if r not in found.nearest_found)
        hint = f" (на листе «{found.nearest_sheet}» нет столбцов {missing})"
    raise TableError(
        f"В книге «{found.name}» не найдена таблица сотрудничества: нужна строка "
        f"заголовка со столбцами {EXPECTED_NAMES}{hint}."
    )


def _read_rows(
    found: SheetsRead,
    grid: Grid,
    header: Header,
    year: int | None,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ParsedTable:
    """The table rules over the chosen sheet's grid, with progress and cancel checks."""
    event_year = year if year is not None else header.year
    if event_year is None:
        raise TableError(
            f"В заголовке «{header.events_title}» не указан год мероприятий. "
            "Допишите год в заголовок («Основные мероприятия в 2024 году») "
            "или укажите его при импорте."
        )
    total = max(len(grid.rows) - header.last_row - 1, 0)
    reader = RowReader(grid, header, event_year, tick=_ticker(total, progress, cancelled))
    table = reader.read()
    # The report reads top to bottom: notes on the file first, then by row.
    table.warnings.sort(key=lambda w: w.row or 0)
    table.warnings[:0] = _notes_on_reading(found.sheets, grid.name, grid.hidden, header, year)
    if progress is not None:
        progress(total, total)
    return table


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while the table is built.

    Reading allocates hundreds of thousands of small objects, none of them in
    reference cycles; each allocation burst makes the collector walk all that
    is alive, which took a third of the time of a 20,000-row import.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_cancel(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled


def _ticker(
    n_rows: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Callable[[int], None]:
    def tick(done: int) -> None:
        _check_cancel(cancelled)
        if progress is not None:
            progress(done, n_rows)

    return tick


def _notes_on_reading(
    sheets: list[SheetInfo], chosen: str, hidden: bool, header: Header, year: int | None
) -> list[ImportWarning]:
    """What the report should say about where the table was found."""
    notes: list[ImportWarning] = []
    others = [s.name for s in sheets if s.name != chosen and s.n_cells]
    if others:
        listed = ", ".join(f"«{n}»" for n in others)
        notes.append(
            ImportWarning(
                None, f"таблица прочитана с листа «{chosen}»; листы {listed} не импортировались"
            )
        )
    if hidden:
        notes.append(ImportWarning(None, f"лист «{chosen}» скрыт в книге"))
    if year is not None and header.year is not None and header.year != year:
        notes.append(
            ImportWarning(
                header.row + 1,
                f"в заголовке «{header.events_title}» указан {header.year} год, "
                f"мероприятия отнесены к {year} году, как задано при импорте",
            )
        )
    if header.cols.get(EVENTS) is not None and header.extra:
        named = ", ".join(f"«{t}»" for t in header.extra.values())
        notes.append(
            ImportWarning(
                header.row + 1, f"столбцы {named} не входят в таблицу; их текст не импортируется"
            )
        )
    return notes
