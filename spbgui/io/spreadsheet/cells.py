"""The sheets of an .xls, .ods or .xlsb workbook as grids, read by python-calamine.

:func:`load_grids` is a top-level function of plain arguments returning plain
data, so that it can run in a child process with memory and time limits
(calamine is native code: a hostile file can make it allocate without
bound, and it aborts the process when it cannot). Values are normalised as
for .xlsx (:func:`spbgui.io.table.grid.normalize`).
"""

from __future__ import annotations

from spbgui.io.table.grid import Grid, normalize


class Unreadable(Exception):
    """calamine could not read the file."""


class SheetTooLarge(Exception):
    def __init__(self, name: str, cells: int) -> None:
        super().__init__(name, cells)
        self.name, self.cells = name, cells


def load_grids(path: str, max_cells: int) -> list[Grid]:
    """Every worksheet of the workbook at ``path``, in order (hidden ones marked)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(path)
    except Exception as exc:
        raise Unreadable(str(exc)) from None
    try:
        grids = []
        for meta in book.sheets_metadata:
            if "WorkSheet" not in str(meta.typ):
                continue  # a chart or macro sheet: no cells to read
            try:
                ws = book.get_sheet_by_name(meta.name)
            except Exception as exc:
                raise Unreadable(str(exc)) from None
            if ws.height * ws.width > max_cells:
                raise SheetTooLarge(meta.name, ws.height * ws.width)
            rows = [[normalize(v) for v in row] for row in ws.to_python(skip_empty_area=False)]
            merged = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in (ws.merged_cell_ranges or [])]
            hidden = "Visible" not in str(meta.visible)
            grids.append(Grid(meta.name, rows, merged, hidden))
        return grids
    finally:
        book.close()
