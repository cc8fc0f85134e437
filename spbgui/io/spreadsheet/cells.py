"""The sheets of an .xls, .ods or .xlsb workbook as grids, read by python-calamine.

:func:`load_grids` is a top-level function of plain arguments returning plain
data, so that it can run in a child process with memory and time limits
(calamine is native code: a hostile file can make it allocate without
bound, and it aborts the process when it cannot). Values are normalised as
for .xlsx (:func:`spbgui.io.table.grid.normalize`).
"""

from __future__ import annotations

import io

from spbgui.io.table.grid import Grid, normalize


class Unreadable(Exception):
    """calamine could not read the file."""


class SheetTooLarge(Exception):
    def __init__(self, name: str, cells: int) -> None:
        super().__init__(name, cells)
        self.name, self.cells = name, cells


def _reraise_interrupts(exc: BaseException) -> None:
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc


def load_grids(path: str, max_cells: int) -> list[Grid]:
    """Every worksheet of the workbook at ``path``, in order (hidden ones marked)."""
    from python_calamine import CalamineWorkbook

    try:
        # From the bytes, not the path: calamine then tells the format by the content, as
        # io.sources did, where from_path would go by a name that may lie.
        with open(path, "rb") as fh:
            book = CalamineWorkbook.from_filelike(io.BytesIO(fh.read()))
    except OSError:
        raise
    except BaseException as exc:  # pyo3's PanicException (a Rust panic) is a BaseException
        _reraise_interrupts(exc)
        raise Unreadable(str(exc)) from None
    try:
        grids = []
        for meta in book.sheets_metadata:
            if "WorkSheet" not in str(meta.typ):
                continue  # a chart or macro sheet: no cells to read
            try:
                ws = book.get_sheet_by_name(meta.name)
                if ws.height * ws.width > max_cells:
                    raise SheetTooLarge(meta.name, ws.height * ws.width)
                values = ws.to_python(skip_empty_area=False)
                ranges = ws.merged_cell_ranges or []
            except SheetTooLarge:
                raise
            except BaseException as exc:  # a damaged sheet: an error, or a panic in calamine
                _reraise_interrupts(exc)
                raise Unreadable(str(exc)) from None
            rows = [[normalize(v) for v in row] for row in values]
            merged = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in ranges]
            hidden = "Visible" not in str(meta.visible)
            grids.append(Grid(meta.name, rows, merged, hidden))
        return grids
    finally:
        book.close()
