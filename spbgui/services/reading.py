"""Reading the committee's table for an import: one request shared by the window and the CLI.

The window and ``spbgui-cli import`` both say what to read (a file, several, or
the clipboard's cells) and within which limits (:class:`ImportLimits`: the
largest file and sheet, set in the window's settings or by ``--max-mb`` and
``--max-cells``); the readers of :mod:`spbgui.io` do the reading. The window
reaches them only through here, as the layers say (ui → services → io).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spbgui.io.sources import file_filter, read_file
from spbgui.io.table.records import Growing, Grown, ImportCancelled, ImportWarning, ParsedTable
from spbgui.io.xlsx.guard import ReadLimits

if TYPE_CHECKING:
    from spbgui.io.clipboard import Pasted, events_as_html, events_as_text, read_clipboard

__all__ = [
    "Growing",
    "Grown",
    "ImportCancelled",
    "ImportLimits",
    "ImportWarning",
    "ParsedTable",
    "Pasted",
    "events_as_html",
    "events_as_text",
    "file_kinds",
    "read_clipboard",
    "read_table_file",
]

_CLIPBOARD = frozenset({"Pasted", "events_as_html", "events_as_text", "read_clipboard"})


def __getattr__(name: str) -> Any:
    """The clipboard's readers and writers, imported when the window first uses them: the
    import of a file (``spbgui-cli import``) never needs them, nor their HTML parser."""
    if name in _CLIPBOARD:
        from spbgui.io import clipboard

        return getattr(clipboard, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_MB = 2**20
_DEFAULT = ReadLimits()


@dataclass(frozen=True)
class ImportLimits:
    """How large a table file the import accepts (a clerk's setting, a CLI option)."""

    max_file_mb: float = _DEFAULT.max_file_bytes / _MB
    max_cells: int = _DEFAULT.max_cells

    def read_limits(self) -> ReadLimits:
        """The readers' limits: these two, the rest (zip ratios, memory, time) as shipped."""
        return dataclasses.replace(
            _DEFAULT, max_file_bytes=int(self.max_file_mb * _MB), max_cells=self.max_cells
        )


def read_table_file(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    limits: ImportLimits = ImportLimits(),
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    growing: Growing | None = None,
) -> ParsedTable:
    """The table in a file of any kind the import reads, told by its content; or a refusal.

    ``growing(table, grown)`` is told of the rows as they are read (an import writes
    them meanwhile: :class:`~spbgui.services.importer.TableImport`). Whatever it
    raises comes out of here as it is, never taken for a fault of the file.
    """
    try:
        return read_file(
            Path(path),
            year=year,
            progress=progress,
            cancelled=cancelled,
            limits=limits.read_limits(),
            growing=None if growing is None else _carried(growing),
        )
    except _Carried as carried:
        error = carried.error
    raise error  # (outside the handler: its cause and context stay its own)


class _Carried(BaseException):
    """What ``growing`` raised, carried past the readers' handlers of the file's errors (a
    full disk while writing is an OSError, as an unreadable file is)."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(error)
        self.error = error


def _carried(growing: Growing) -> Growing:
    def told(table: ParsedTable, grown: Grown) -> None:
        try:
            growing(table, grown)
        except BaseException as exc:
            raise _Carried(exc) from exc

    return told


def file_kinds() -> list[tuple[str, tuple[str, ...]]]:
    """(label, patterns) of every kind of file the import reads, all of them first."""
    return file_filter()
