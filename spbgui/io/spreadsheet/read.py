"""Reading the committee's table from .xls, .ods and .xlsb workbooks.

Each file is checked first as far as its format allows: the size, and for the
zip-based .ods and .xlsb the zip directory and every XML part (as
:mod:`spbgui.io.package` does for Word), and for .ods the cells that
content.xml's repeats would make (:mod:`spbgui.io.spreadsheet.ods_scan`).
Then calamine reads the sheets (:func:`spbgui.io.spreadsheet.cells.load_grids`)
— in a child process with memory and time limits where
:mod:`spbgui.io.isolated` is available — and the same table rules as for an
.xlsx read the first sheet with the header.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spbgui.io.package import check_package, check_size, damaged
from spbgui.io.spreadsheet.cells import SheetTooLarge, Unreadable, load_grids
from spbgui.io.spreadsheet.ods_scan import OdsScanner
from spbgui.io.spreadsheet.xlsb_scan import scan_xlsb
from spbgui.io.table.grid import Grid
from spbgui.io.table.read import Source, check_cancel, read_grids
from spbgui.io.table.records import Growing, ParsedTable, TableError
from spbgui.io.xlsx.guard import ReadLimits, too_big

MEMORY_MB = 1024  # for the child process that runs calamine
SECONDS = 120

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

_RESAVE = {
    "xls": "Откройте её в Excel и сохраните как «Книга Excel (*.xlsx)».",
    "ods": "Откройте её в LibreOffice Calc и сохраните заново (или как «Книга Excel (*.xlsx)»).",
    "xlsb": "Откройте её в Excel и сохраните как «Книга Excel (*.xlsx)».",
}
_WHAT = {
    "xls": "книга Excel 97–2003 (.xls)",
    "ods": "таблица LibreOffice (.ods)",
    "xlsb": "двоичная книга Excel (.xlsb)",
}


def read_xls(path: str | os.PathLike[str], **kwargs: Any) -> ParsedTable:
    return _read(Path(path), "xls", **kwargs)


def read_ods(path: str | os.PathLike[str], **kwargs: Any) -> ParsedTable:
    return _read(Path(path), "ods", **kwargs)


def read_xlsb(path: str | os.PathLike[str], **kwargs: Any) -> ParsedTable:
    return _read(Path(path), "xlsb", **kwargs)


def _n(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def _read(
    p: Path,
    kind: str,
    *,
    year: int | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen
    growing: Growing | None = None,
) -> ParsedTable:
    name = p.name
    check_cancel(cancelled)

    def refuse(cells: int) -> TableError:
        return too_big(
            name, f"лист занимает {_n(cells)} ячеек, допускается не более {_n(limits.max_cells)}"
        )

    ods: OdsScanner | None = None
    if kind == "xls":
        check_size(p, limits)
    else:
        ods = OdsScanner(limits.max_cells, refuse) if kind == "ods" else None
        check_package(
            p, limits, _WHAT[kind], lambda member: ods if ods and member == "content.xml" else None
        )
    merges: dict[str, list[tuple[int, int, int, int]]] = {}
    if kind == "xlsb":
        merges = _xlsb_merges(p, limits)
    elif ods is not None:
        merges = {sheet.name: sheet.merged for sheet in ods.sheets}
    check_cancel(cancelled)
    try:
        grids = _isolated(load_grids, str(p), limits.max_cells, cancelled=cancelled)
    except SheetTooLarge as big:
        raise too_big(
            name,
            f"лист «{big.name}» занимает {_n(big.cells)} ячеек, "
            f"допускается не более {_n(limits.max_cells)}",
        ) from None
    except OSError:
        raise TableError(f"Файл «{name}» не удаётся прочитать (ошибка диска или сети).") from None
    except Unreadable:
        raise TableError(
            f"Файл «{name}» не удаётся прочитать как {_WHAT[kind]}: он повреждён или сохранён "
            f"в другом формате. {_RESAVE[kind]}"
        ) from None
    for grid in grids:  # calamine reports no merges for .ods and .xlsb; the scans found them
        if not grid.merged and merges.get(grid.name):
            grid.merged = list(merges[grid.name])
    source = Source(name=name, parts=[g.name for g in grids if _has_cells(g)])
    return read_grids(
        grids, source, year=year, progress=progress, cancelled=cancelled, growing=growing
    )


def _isolated(func: Callable[..., list[Grid]], *args: Any, cancelled: Cancelled) -> list[Grid]:
    """Run the native reader in a child process with limits, where that runner exists."""
    from spbgui.io.isolated import run_isolated

    return run_isolated(func, *args, memory_mb=MEMORY_MB, seconds=SECONDS, cancelled=cancelled)


def _xlsb_merges(p: Path, limits: ReadLimits) -> dict[str, list[tuple[int, int, int, int]]]:
    def refuse(sheet: str, cells: int) -> TableError:
        return too_big(
            p.name,
            f"лист «{sheet}» занимает {_n(cells)} ячеек, допускается не более "
            f"{_n(limits.max_cells)}",
        )

    try:
        with zipfile.ZipFile(p) as zf:
            return scan_xlsb(zf, limits.max_cells, refuse)
    except TableError:
        raise
    except Exception:  # Damaged, a missing part, broken XML of the relationships
        raise damaged(p.name, _WHAT["xlsb"]) from None


def _has_cells(grid: Grid) -> bool:
    return any(v is not None for row in grid.rows for v in row)
