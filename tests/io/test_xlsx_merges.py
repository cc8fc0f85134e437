"""Merged cells as TABLE_RULES («Rows», rule 2) reads them, and in time linear in the cells.

A merged events cell is one set of events, stored once on the first row it
spans (issue 16, item 5: a Kyrgyz events cell merged over four agreement rows
gave 36 events instead of 9). A merged title or date cell names one
agreement. However many merged ranges a sheet declares, reading them takes
time in proportion to the sheet and stops at a cancel (issue 13, item 7: a
4 MB file with 199,000 rows and 1,000,000 ranges took hours).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from spbgui.io.table.grid import Grid
from spbgui.io.table.header import find_header
from spbgui.io.table.records import ImportCancelled, ParsedTable
from spbgui.io.table.rows import RowReader
from spbgui.io.xlsx.read import read_table
from tests.io import hostile as h

NINE = "\n".join(f"{d} мая – визит делегации № {d}." for d in range(1, 10))
KYRGYZ = "Соглашение об экономическом, научно-техническом и культурном сотрудничестве"


def agreements(table: ParsedTable) -> list[tuple[str, str | None, str, int]]:
    return [
        (c.name, p.name, a.title, len(a.events))
        for r in table.regions
        for c in r.countries
        for p in c.partners
        for a in p.agreements
    ]


@pytest.fixture
def read(
    tmp_path: Path, write_rows: Callable[..., Path], header_row: Callable[..., list[str]]
) -> Callable[..., ParsedTable]:
    def read(rows: list[list[object]], merges: list[str]) -> ParsedTable:
        path = write_rows(tmp_path / "merged.xlsx", [header_row(), ["СНГ"], *rows], merges=merges)
        return read_table(path)

    return read


def test_events_merged_over_a_countrys_rows_are_stored_once(read) -> None:  # type: ignore[no-untyped-def]
    table = read(
        [
            ["Киргизия", None, KYRGYZ, 2003, NINE],
            [None, "Бишкек", "Соглашение о побратимстве", 2010, None],
            [None, "г. Ош", "Соглашение о сотрудничестве", 2011, None],
            [None, "Чолпон-Ата", "Протокол о намерениях", 2019, None],
        ],
        ["A3:A6", "E3:E6"],
    )
    assert agreements(table) == [
        ("Киргизия", None, KYRGYZ, 9),
        ("Киргизия", "Бишкек", "Соглашение о побратимстве", 0),
        ("Киргизия", "Ош", "Соглашение о сотрудничестве", 0),
        ("Киргизия", "Чолпон-Ата", "Протокол о намерениях", 0),
    ]
    assert table.counts()["events"] == 9
    (note,) = [w for w in table.warnings if "мероприятий объединена" in w.message]
    assert note.row == 3
    assert "строках 3–6" in note.message and "«Киргизия» в целом" in note.message
    assert "(9)" in note.message
    assert not [w for w in table.warnings if "к каждой из этих строк" in w.message]


def test_events_merged_from_a_city_row_go_to_that_city(read) -> None:  # type: ignore[no-untyped-def]
    table = read(
        [
            ["Киргизия", "Бишкек", "Соглашение о побратимстве", 2010, NINE],
            [None, "Ош", "Соглашение о сотрудничестве", 2011, None],
        ],
        ["E3:E4"],
    )
    assert agreements(table) == [
        ("Киргизия", "Бишкек", "Соглашение о побратимстве", 9),
        ("Киргизия", "Ош", "Соглашение о сотрудничестве", 0),
    ]
    (note,) = [w for w in table.warnings if "мероприятий объединена" in w.message]
    assert "партнёру «Бишкек»" in note.message


def test_a_title_merged_over_a_partners_rows_is_one_agreement(read) -> None:  # type: ignore[no-untyped-def]
    table = read(
        [
            ["Армения", "Ереван", "Соглашение о сотрудничестве", 1996, "3 мая – визит."],
            [None, None, None, None, "5 июня – выставка."],
            [None, None, None, None, "7 июля – форум."],
        ],
        ["A3:A5", "B3:B5", "C3:C5", "D3:D5"],
    )
    assert agreements(table) == [("Армения", "Ереван", "Соглашение о сотрудничестве", 3)]


def test_a_title_merged_over_two_partners_is_stored_once(read) -> None:  # type: ignore[no-untyped-def]
    table = read(
        [
            ["Казахстан", "Алма-Ата", "Соглашение о побратимстве городов", 1997, "3 мая – визит."],
            [None, "Астана", None, None, "5 июня – выставка."],
        ],
        ["A3:A4", "C3:C4", "D3:D4"],
    )
    assert agreements(table) == [
        ("Казахстан", "Алма-Ата", "Соглашение о побратимстве городов", 1),
        ("Казахстан", "Астана", "", 1),
    ]
    (note,) = [w for w in table.warnings if w.row == 4 and "объединённой со строкой 3" in w.message]
    assert "одно соглашение" in note.message


def test_a_merged_date_cell_is_not_copied(read) -> None:  # type: ignore[no-untyped-def]
    table = read(
        [
            ["Узбекистан", "Ташкент", "Соглашение о сотрудничестве", 2000, None],
            [None, "Самарканд", "Протокол", None, None],
        ],
        ["A3:A4", "D3:D4"],
    )
    got = {
        p.name: [d.iso() for a in p.agreements for d in a.dates]
        for r in table.regions
        for c in r.countries
        for p in c.partners
    }
    assert got == {"Ташкент": ["2000"], "Самарканд": []}


def _pathological_grid(rows: int, merges: int) -> Grid:
    """``rows`` agreement rows under the header; ``merges`` ranges, each to the last row."""
    header = list(h.HEADER)
    cells: list[list[object]] = [header, ["ЕВРОПА"]]
    cells += [["Сербия", f"Город {r}", "Соглашение", 2001, None] for r in range(rows)]
    n = len(cells)
    spans = [(2 + (i % rows), i % 5, n - 1, i % 5) for i in range(merges)]
    return Grid("Лист1", cells, spans)


def test_overlapping_merges_take_time_in_proportion_to_the_cells() -> None:
    # Walking every row of every range, as the reader once did, is 4 billion steps here.
    grid = _pathological_grid(20_000, 200_000)
    header, _found = find_header(grid)
    assert header is not None
    ticks = 0

    def tick(_done: int) -> None:
        nonlocal ticks
        ticks += 1

    started = time.process_time()
    table = RowReader(grid, header, 2024, tick).read()
    assert time.process_time() - started < 10
    assert table.counts()["countries"] == 1
    assert ticks > 10  # the cancel check ran all along, the merges included


def test_cancel_stops_the_merges_at_once() -> None:
    grid = _pathological_grid(20_000, 1_000_000)
    header, _found = find_header(grid)
    assert header is not None
    calls = 0

    def tick(_done: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise ImportCancelled

    started = time.process_time()
    with pytest.raises(ImportCancelled):
        RowReader(grid, header, 2024, tick)
    assert time.process_time() - started < 2


@pytest.mark.slow
def test_a_small_file_of_a_million_merges_reads_or_is_refused_quickly(tmp_path: Path) -> None:
    """The file of issue 13, item 7, through read_table: 199,000 rows, 1,000,000 ranges."""
    rows = 199_000
    body = "".join(f'<row r="{r}"><c r="B{r}"><v>{r}</v></c></row>' for r in range(4, rows + 4))
    merges = "".join(
        f'<mergeCell ref="{"ABCDE"[i % 5]}{3 + i % rows}:{"ABCDE"[i % 5]}{rows + 3}"/>'
        for i in range(1_000_000)
    )
    sheet = h.sheet_xml(
        h.table_rows() + body, tail=f'<mergeCells count="1000000">{merges}</mergeCells>'
    )
    path = h.workbook(tmp_path / "merges.xlsx", sheet)
    assert path.stat().st_size < 8 * 2**20
    started = time.monotonic()
    try:
        table = read_table(path)
    except ImportCancelled:
        raise
    except Exception as exc:  # a refusal is an acceptable answer; a crash or a hang is not
        assert "«merges.xlsx»" in str(exc)
    else:
        assert table.counts()["countries"] == 1
    assert time.monotonic() - started < 60
