"""Writing the committee's table to an .xlsx workbook: the inverse of :mod:`~spbgui.io.xlsx.read`.

The one entry point is :func:`write_table`. It lays the table out
(:mod:`~spbgui.io.xlsx_writer.table_sheet`), refuses a text that no cell can hold,
checks with the reader's own rules that the file will read back as the same
records (:mod:`~spbgui.io.xlsx_writer.check`: differences become warnings),
then writes two sheets with openpyxl in write-only mode, which streams rows
out instead of holding a cell object for each: the year's table, formatted
for print, and the events list (:mod:`~spbgui.io.xlsx_writer.events_sheet`). The
file is put in place atomically (:mod:`~spbgui.io.xlsx_writer.atomic`).

No database and no Qt: the export service loads the table and calls this.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from spbgui.domain.figures import FigureBlock
from spbgui.io.file_names import write_reason
from spbgui.io.table.records import ParsedTable
from spbgui.io.xlsx_writer.atomic import (
    DISK_FULL,
    check_target,
    failure_message,
    replace_atomically,
)
from spbgui.io.xlsx_writer.cells import ExportCancelled, ExportError
from spbgui.io.xlsx_writer.check import check_plan
from spbgui.io.xlsx_writer.events_sheet import count_events, write_events_sheet
from spbgui.io.xlsx_writer.stats_sheet import write_stats_sheet
from spbgui.io.xlsx_writer.styles import add_styles
from spbgui.io.xlsx_writer.table_sheet import TABLE_TITLE, plan_table, write_table_sheet

__all__ = ["ExportCancelled", "ExportError", "WriteResult", "write_table"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class WriteResult:
    path: Path
    rows: int  # rows of the table sheet
    events: int  # rows of the events sheet
    warnings: list[str] = field(default_factory=list)  # what a re-import would read otherwise


class _Ticker:
    """Progress in units of work (table rows, then events), and the cancel check."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.total, self.done = max(total, 1), 0
        self.progress, self.cancelled = progress, cancelled

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("Выгрузка отменена; файл не записан.")

    def __call__(self, n: int) -> None:
        self.done += n
        self.check()
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def write_table(
    table: ParsedTable,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    verify: bool = True,
    summary: tuple[str, Sequence[FigureBlock]] | None = None,
) -> WriteResult:
    """Write ``table`` to the workbook at ``path`` (replacing it only once complete).

    ``progress(done, total)`` is called every few hundred rows; ``cancelled()``
    as often, and True raises :class:`ExportCancelled` with nothing written.
    ``verify`` runs the read-back check (:func:`check_plan`). Raises
    :class:`ExportError` (one plain Russian line) for what cannot be exported.
    ``summary`` (a title and tables of figures) adds the «Итоги» sheet.
    """
    target = check_target(path)
    plan = plan_table(table)
    events = count_events(table)
    ticker = _Ticker(len(plan.rows) * 2 + events, progress, cancelled)
    ticker.check()
    warnings = check_plan(plan, table, lambda _n: ticker.check()) if verify else []
    ticker(len(plan.rows))

    wb = Workbook(write_only=True)
    wb.properties.title = f"{TABLE_TITLE}, {table.year}"
    wb.properties.creator = "spbgui"
    add_styles(wb)

    def save(fh: BinaryIO) -> None:
        # openpyxl's own save leaves its zip archive open when a write fails; here the
        # archive is closed either way, and the temporary file is then removed.
        wb.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(wb, archive).write_data()

    try:
        write_table_sheet(wb, plan, ticker)
        written = write_events_sheet(wb, table, ticker)
        if summary is not None:
            write_stats_sheet(wb, *summary)
        ticker.check()
        replace_atomically(target, save)
    except OSError as exc:  # openpyxl streams the sheets through temporary files
        if exc.errno in DISK_FULL:
            raise ExportError(failure_message(exc, target, "write")) from exc
        raise ExportError(
            f"Файл «{target.name}» не записан: {write_reason(exc)}. "
            "Прежний файл с этим именем не изменён."
        ) from exc
    finally:
        _discard_sheet_files(wb)
    return WriteResult(path=target, rows=len(plan.rows), events=written, warnings=warnings)


def _discard_sheet_files(wb: Workbook) -> None:
    """Remove the sheets' temporary files that a failed or cancelled export left behind.

    openpyxl removes them itself once a workbook is saved; otherwise they would stay
    in the temporary folder until the program ends (the window runs for days).
    """
    for ws in wb.worksheets:
        if not getattr(ws, "closed", True):
            # A sheet still being written (the «Итоги» sheet goes row by row through
            # openpyxl until the workbook is saved) is finished first: left open, its
            # writer complains on stderr when it is collected («Exception ignored in:
            # <generator …> LxmlSyntaxError»), after the one-line message.
            with contextlib.suppress(Exception):
                ws.close()
        out = getattr(getattr(ws, "_writer", None), "out", None)
        if isinstance(out, str) and os.path.exists(out):
            with contextlib.suppress(OSError):
                os.remove(out)
