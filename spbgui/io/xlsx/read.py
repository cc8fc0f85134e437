"""Reading the committee's table from an .xlsx workbook into a :class:`ParsedTable`.

The one entry point is :func:`read_table`. In child processes
(:mod:`spbgui.io.isolated`, :mod:`~spbgui.io.xlsx.sheets`) it checks the file
(:mod:`~spbgui.io.xlsx.guard`) and, side by side with the check, reads the
sheets as plain grids (:mod:`~spbgui.io.xlsx.cells`), taken only once the
check has passed the file (:func:`_read_sheets`); the table rules that find the header
and read the rows are the format-neutral
:func:`~spbgui.io.table.read.read_grids`, run here. No database and no Qt: the
import service writes the result, the window shows the warnings as the import
report.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from spbgui.io.isolated import run_isolated, start_isolated
from spbgui.io.table.grid import column_letter
from spbgui.io.table.read import Source, check_cancel, read_grids
from spbgui.io.table.records import (
    Growing,
    Grown,
    ImportCancelled,
    ImportWarning,
    ParsedTable,
    TableError,
)
from spbgui.io.xlsx.cells import ENGINES
from spbgui.io.xlsx.guard import ReadLimits
from spbgui.io.xlsx.scan import SheetInfo
from spbgui.io.xlsx.sheets import (
    SheetsRead,
    assemble,
    check_workbook,
    read_sheets,
    read_unchecked,
)

__all__ = ["ENGINES", "ImportCancelled", "ReadLimits", "TableError", "read_table"]


def read_table(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen, so one shared default is safe
    engine: str = "auto",
    growing: Growing | None = None,
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
    found = _read_sheets(os.fspath(path), limits, engine, cancelled)
    check_cancel(cancelled)
    source = Source(name=found.name, parts=[s.name for s in found.sheets if s.n_cells])
    sheets = {sheet.name: sheet for sheet in found.sheets}

    def refuse_uncached(sheet_name: str) -> None:
        sheet = sheets.get(sheet_name)
        if sheet is not None and sheet.first_uncached is not None:
            raise _formulas_without_values(found.name, sheet.name, sheet)

    def grown(table: ParsedTable, rows: Grown) -> None:
        # Refused before any rows reach the import, as it would be after the reading.
        refuse_uncached(table.sheet)
        assert growing is not None
        growing(table, rows)

    table = read_grids(
        found.grids,
        source,
        year=year,
        progress=progress,
        cancelled=cancelled,
        growing=grown if growing is not None else None,
    )
    refuse_uncached(table.sheet)
    sheet = sheets.get(table.sheet)
    if sheet is not None and sheet.hidden_rows:
        _note_hidden_rows(table, sheet.hidden_rows)
    return table


def _note_hidden_rows(table: ParsedTable, hidden: list[int]) -> None:
    """Say which of the agreements' rows were hidden in the sheet: they are imported too."""
    rows = {
        agreement.row
        for region in table.regions
        for country in region.countries
        for partner in country.partners
        for agreement in partner.agreements
    }
    shown = sorted(r + 1 for r in set(hidden) if r + 1 in rows)
    if not shown:
        return
    listed = ", ".join(map(str, shown[:20]))
    if len(shown) > 20:
        listed += f" и ещё {len(shown) - 20}"
    # With the other notes on the file, before the notes on rows.
    at = next((i for i, w in enumerate(table.warnings) if w.row), len(table.warnings))
    table.warnings.insert(
        at,
        ImportWarning(
            None,
            f"строка {listed} скрыта на листе «{table.sheet}», но импортирована, как и "
            "остальные; если она не нужна, удалите её из базы или из таблицы"
            if len(shown) == 1
            else f"строки {listed} скрыты на листе «{table.sheet}», но импортированы, как и "
            "остальные; если они не нужны, удалите их из базы или из таблицы",
        ),
    )


def _formulas_without_values(name: str, sheet_name: str, sheet: SheetInfo) -> TableError:
    """The table's sheet has formulas saved without their values (see SheetInfo.uncached)."""
    assert sheet.first_uncached is not None
    row, col = sheet.first_uncached
    more = f" и ещё в {sheet.uncached - 1}" if sheet.uncached > 1 else ""
    return TableError(
        f"В книге «{name}» на листе «{sheet_name}» формулы сохранены без значений "
        f"(в ячейке {column_letter(col + 1)}{row + 1}{more}), а программа формулы не "
        "вычисляет. Откройте книгу в Excel или LibreOffice и сохраните её: значения "
        "формул запишутся в файл."
    )


# The reading child sees the file before the check has passed it: a hostile file may
# make calamine fill all the memory it is allowed until the check refuses the file, a
# moment later. It is allowed less than the careful reader: a 20,000-row table needs
# ~100 MB of address space; a workbook that needs more than this is read the careful way.
UNCHECKED_MB = 512


def _read_sheets(
    path: str, limits: ReadLimits, engine: str, cancelled: Callable[[], bool] | None
) -> SheetsRead:
    """The checked workbook's sheets and grids, as :func:`read_sheets` gives them.

    The check and calamine's reading take about as long each, so they run side
    by side, in two children: the grids are taken only once the check has
    passed the file (its refusal, if any, is what the user reads), and only if
    they are the grids :func:`read_sheets` would have read. Whatever else
    happens (a failure of the reading child, sheets the two disagree on, another
    engine asked for), the file is read the careful way: check, then read.
    """
    name, mb, seconds = Path(path).name, limits.max_memory_mb, limits.max_seconds
    found: SheetsRead | None = None
    if engine == "auto":
        reading = start_isolated(
            read_unchecked,
            path,
            limits,
            memory_mb=min(mb, UNCHECKED_MB),
            seconds=seconds,
            cancelled=cancelled,
            name=name,
        )
        try:
            sheets = run_isolated(
                check_workbook,
                path,
                limits,
                memory_mb=mb,
                seconds=seconds,
                cancelled=cancelled,
                name=name,
            )
        except BaseException:
            reading.stop()  # refused or cancelled: its grids are not wanted
            raise
        try:
            grids = reading.result(cancelled)
        except ImportCancelled:
            raise
        except Exception:  # the careful way below says what is wrong, as it always did
            grids = None
        if grids is not None:
            found = assemble(Path(path).name, sheets, grids)
    if found is None:
        found = run_isolated(
            read_sheets,
            path,
            limits,
            engine,
            memory_mb=mb,
            seconds=seconds,
            cancelled=cancelled,
            name=name,
        )
    return found
