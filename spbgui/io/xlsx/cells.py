"""A worksheet as a plain grid of values, read by python-calamine or, failing that, openpyxl.

calamine (Rust) reads a sheet several times faster than openpyxl and reports
merged ranges; openpyxl in read-only mode is the fallback when calamine is
missing or cannot read a file, and gets its merged ranges from the guard's
scan of the sheet XML (read-only openpyxl does not know them). Values are
normalised here so that both give exactly the same grid: empty and blank
cells are None, whole floats are ints, dates at midnight are dates, line
breaks are "\\n".

Both readers only ever see files that :mod:`spbgui.io.xlsx.guard` passed,
and the openpyxl reader is told the sheet's size from the guard's scan
rather than trusting the sheet's own <dimension>.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from typing import Any

from spbgui.errors import log_unexpected
from spbgui.io.table.grid import Grid, normalize
from spbgui.io.table.records import TableError
from spbgui.io.xlsx.date_formats import shown_as_written
from spbgui.io.xlsx.guard import ReadLimits, WorkbookInfo
from spbgui.io.xlsx.scan import SheetInfo

_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _normalize_openpyxl_str(v: Any) -> Any:
    # openpyxl leaves Excel's _xHHHH_ escapes (Excel writes a carriage return as
    # _x000D_) in the text; calamine decodes them. Decode here to match.
    if type(v) is str and "_x" in v:
        return _XML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), v)
    return v


def _one_copy_each(rows: list[list[Any]]) -> list[list[Any]]:
    """The rows with every repeated text one shared object (the same values, less memory).

    A merged country or a repeated title is a new string in every cell calamine
    gives; shared, it is sent to the parent process once (pickle writes an object
    it has seen as a reference) and held there once.
    """
    seen: dict[str, str] = {}
    for row in rows:
        for i, v in enumerate(row):
            if type(v) is str:
                row[i] = seen.setdefault(v, v)
    return rows


def load_calamine_sheet(book: Any, name: str, hidden: bool, limits: ReadLimits) -> Grid | None:
    """One sheet of an open CalamineWorkbook as a grid; None if it is past the cell limit."""
    ws = book.get_sheet_by_name(name)
    if ws.height * ws.width > limits.max_cells:
        return None
    rows = _one_copy_each(
        [[normalize(v) for v in row] for row in ws.to_python(skip_empty_area=False)]
    )
    merged = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in (ws.merged_cell_ranges or [])]
    return Grid(name, rows, merged, hidden)


class _CalamineReader:
    name = "calamine"

    def __init__(self, info: WorkbookInfo, limits: ReadLimits) -> None:
        from python_calamine import CalamineWorkbook

        self.limits = limits
        self.book = CalamineWorkbook.from_path(str(info.path))

    def load(self, sheet: SheetInfo) -> Grid:
        # Asked even for a sheet the scan found empty: calamine's XML parser then
        # tells a damaged sheet from an empty one.
        grid = load_calamine_sheet(self.book, sheet.name, sheet.hidden, self.limits)
        if grid is None:  # the guard's scan should prevent this
            raise TableError(f"Лист «{sheet.name}» слишком велик.")
        return grid

    def close(self) -> None:
        self.book.close()


class _OpenpyxlReader:
    name = "openpyxl"

    def __init__(self, info: WorkbookInfo, limits: ReadLimits) -> None:
        from openpyxl import load_workbook

        self.book = load_workbook(info.path, read_only=True, data_only=True, keep_links=False)

    def load(self, sheet: SheetInfo) -> Grid:
        if sheet.n_cells == 0:
            return Grid(sheet.name, [], list(sheet.merged), sheet.hidden)
        ws = self.book[sheet.name]
        rows = [
            [normalize(_normalize_openpyxl_str(v)) for v in row]
            for row in ws.iter_rows(
                min_row=1,
                max_row=sheet.n_rows,
                min_col=1,
                max_col=sheet.n_cols,
                values_only=True,
            )
        ]
        return Grid(sheet.name, rows, list(sheet.merged), sheet.hidden)

    def close(self) -> None:
        self.book.close()


ENGINES = ("auto", "calamine", "openpyxl")


def iter_grids(
    info: WorkbookInfo, limits: ReadLimits, engine: str = "auto"
) -> Generator[Grid, None, None]:
    """The workbook's worksheets in order, each read when asked for.

    ``engine`` is "auto" (calamine, then openpyxl if calamine is missing or
    fails), or one of them alone, which the tests use to compare the two.
    Whatever a library raises becomes a TableError with a plain message.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    reader: _CalamineReader | _OpenpyxlReader | None = None
    if engine in ("auto", "calamine"):
        try:
            reader = _CalamineReader(info, limits)
        except ImportError:
            if engine == "calamine":
                raise
        except Exception:  # calamine refused the file: let openpyxl try its own reading
            if engine == "calamine":
                raise _unreadable(info) from None
        except BaseException as exc:  # a Rust panic (pyo3's PanicException): a refused file
            raise _panicked(info, exc) from None
    try:
        for sheet in info.sheets:
            grid: Grid | None = None
            if isinstance(reader, _CalamineReader):
                try:
                    grid = reader.load(sheet)
                except TableError:
                    raise
                except Exception:
                    if engine == "calamine":
                        raise _unreadable(info) from None
                    reader.close()
                    reader = None
                except BaseException as exc:
                    raise _panicked(info, exc) from None
            if grid is None:
                if reader is None:
                    reader = _open_openpyxl(info, limits)
                try:
                    grid = reader.load(sheet)
                except TableError:
                    raise
                except Exception:
                    raise _unreadable(info) from None
            yield shown_as_written(grid, sheet.coarse_dates)
    finally:
        if reader is not None:
            reader.close()


def _open_openpyxl(info: WorkbookInfo, limits: ReadLimits) -> _OpenpyxlReader:
    try:
        return _OpenpyxlReader(info, limits)
    except Exception:
        raise _unreadable(info) from None


def _panicked(info: WorkbookInfo, exc: BaseException) -> BaseException:
    """A BaseException from the native reader: logged, and the file refused in words."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        return exc
    log_unexpected(exc)
    return TableError(
        f"Книгу «{info.path.name}» не удаётся прочитать: программа чтения аварийно "
        "остановилась на ней (файл повреждён или опасен). Пересохраните её в Excel."
    )


def _unreadable(info: WorkbookInfo) -> TableError:
    return TableError(
        f"Книгу «{info.path.name}» не удаётся прочитать: она повреждена или сохранена "
        "не в формате Excel. Пересохраните её в Excel как «Книга Excel (*.xlsx)»."
    )
