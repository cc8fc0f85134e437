"""The xlsx reader checks a workbook and reads it side by side, in two child processes.

The guard (:func:`check_workbook`) and calamine (:func:`read_unchecked`) take about
as long each, so they run at once (issue 17). What comes out must be what the
careful way gives — check, then :func:`read_sheets`, in one child — for every
workbook; a file the guard refuses is refused with the guard's words, however the
reading child fared on it; and the grids are taken only when both agree on the sheets.
"""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest

from spbgui.io.isolated import run_isolated
from spbgui.io.table.grid import Grid
from spbgui.io.table.records import TableError
from spbgui.io.xlsx.guard import ReadLimits
from spbgui.io.xlsx.read import _read_sheets
from spbgui.io.xlsx.scan import SheetInfo
from spbgui.io.xlsx.sheets import assemble, read_sheets
from tests.io import hostile

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.xlsx"
LIMITS = ReadLimits()
HEADER = list(hostile.HEADER)


def _book(path: Path, sheets: list[tuple[str, list[list[object]], str]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows, state in sheets:
        ws = wb.create_sheet(title)
        ws.sheet_state = state
        for row in rows:
            ws.append(row)
    wb.create_chartsheet("Диаграмма", 1)  # a chart sheet between them: no grid
    wb.save(path)
    return path


def _careful(path: Path) -> object:
    return run_isolated(read_sheets, str(path), LIMITS, "auto", memory_mb=1024, seconds=20)


def _books(tmp_path: Path) -> list[Path]:
    agreement = ["Сербия", "Белград", "Соглашение", 2001, "2 июля – визит."]
    return [
        FIXTURE,
        _book(
            tmp_path / "second.xlsx",
            [
                ("Титул", [["Таблица сотрудничества"]], "hidden"),
                ("Данные", [HEADER, ["ЕВРОПА"], agreement], "visible"),
                ("После", [HEADER, agreement], "visible"),
            ],
        ),
        _book(tmp_path / "none.xlsx", [("А", [["x", 1]], "visible"), ("Б", [], "visible")]),
        _book(tmp_path / "hidden.xlsx", [("Скрытый", [HEADER, agreement], "hidden")]),
    ]


def test_side_by_side_gives_what_the_careful_way_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbgui.io.xlsx import read

    called: list[str] = []

    def spy(func, *args, **kwargs):  # type: ignore[no-untyped-def]
        called.append(func.__name__)
        return run_isolated(func, *args, **kwargs)

    monkeypatch.setattr(read, "run_isolated", spy)
    for path in _books(tmp_path):
        called.clear()
        assert _read_sheets(str(path), LIMITS, "auto", None) == _careful(path), path.name
        assert called == ["check_workbook"], path.name  # the grids read beside it were taken


@pytest.mark.parametrize(
    "make",
    [
        lambda p: hostile.workbook(p, hostile.sheet_xml(hostile.table_rows(hostile.FAR))),
        lambda p: hostile.workbook(
            p, hostile.sheet_xml(hostile.table_rows(), prolog=hostile.BILLION_LAUGHS_PROLOG)
        ),
    ],
)
def test_a_refused_file_is_refused_in_the_guards_words(tmp_path: Path, make) -> None:
    path = make(tmp_path / "плохая.xlsx")
    with pytest.raises(TableError) as careful:
        _careful(path)
    started = time.monotonic()
    with pytest.raises(TableError) as side_by_side:
        _read_sheets(str(path), LIMITS, "auto", None)
    assert str(side_by_side.value) == str(careful.value)
    assert time.monotonic() - started < 10  # the reading child is stopped, not waited for


def _grid(name: str, header: bool) -> Grid:
    return Grid(name, [HEADER] if header else [["x"]])


def test_the_grids_are_taken_only_for_the_sheets_the_careful_way_reads() -> None:
    sheets = [
        SheetInfo("А", "xl/worksheets/sheet1.xml"),
        SheetInfo("Б", "xl/worksheets/sheet2.xml", True),
    ]
    # The header on «Б»: both sheets are needed, «Б» hidden as the guard says.
    both = assemble("к.xlsx", sheets, {"А": _grid("А", False), "Б": _grid("Б", True)})
    assert both is not None and [g.name for g in both.grids] == ["А", "Б"]
    assert both.grids[1].hidden
    # calamine stopped at a sheet the guard does not list first: read the careful way.
    assert assemble("к.xlsx", sheets, {"Б": _grid("Б", True)}) is None
    # The header on «А»: «Б» is not needed.
    first = assemble("к.xlsx", sheets, {"А": _grid("А", True)})
    assert first is not None and [g.name for g in first.grids] == ["А"]
