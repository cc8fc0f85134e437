"""Page breaks of the report's table: never through a line of text, never an empty page."""

from __future__ import annotations

import itertools

import pytest

from PySide6.QtGui import QPdfWriter

from spbgui.report import ReportOptions, report_content
from spbgui.report.chart import ensure_application
from spbgui.report.content import build_content
from spbgui.report.document import ReportPages, page_layout
from spbgui.report.table_layout import (
    EPS,
    SLIVER_LINES,
    TAIL_ROWS,
    TAIL_SHARE,
    Piece,
    TableLayout,
)
from spbgui.store.database import Database

from .year_like import year_like


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> QPdfWriter:
    ensure_application()
    w = QPdfWriter(str(tmp_path_factory.mktemp("layout") / "unused.pdf"))
    w.setResolution(1200)
    w.setPageLayout(page_layout(True))
    return w


@pytest.mark.parametrize("page_mm", [40, 55, 80, 120, 185])
@pytest.mark.parametrize("width_mm", [180, 265])
def test_pages_hold_every_line_once_and_cut_none(
    db_2024: Database, writer: QPdfWriter, page_mm: int, width_mm: int
) -> None:
    content = report_content(db=db_2024, options=ReportOptions(2024))
    mm = writer.logicalDpiY() / 25.4
    table = TableLayout(content.table, width_mm * mm, writer)
    first, rest = page_mm * mm * 0.6, page_mm * mm
    slices = table.paginate(first, rest)
    pieces: dict[int, list[Piece]] = {}
    for n, s in enumerate(slices):
        assert s.height <= (first if n == 0 else rest) + EPS, "a page overflows"
        assert s.pieces or n == 0, "an empty page"
        for p in s.pieces:
            pieces.setdefault(p.row, []).append(p)
        if n < len(slices) - 1 and len(s.pieces) > 1:
            assert table.rows[s.pieces[-1].row].row.kind != "region", "a region at a page foot"
    # Every line of every cell is on exactly one page, in order: pieces hold whole lines.
    assert sorted(pieces) == list(range(len(table.rows)))
    for n, rb in enumerate(table.rows):
        parts = pieces[n]
        assert not any(parts[0].start)
        for a, b in itertools.pairwise(parts):
            assert a.end == b.start
        assert parts[-1].end == tuple(len(c.block.lines) for c in rb.cells)


def test_short_rows_are_never_split(db_2024: Database, writer: QPdfWriter) -> None:
    content = report_content(db=db_2024, options=ReportOptions(2024))
    mm = writer.logicalDpiY() / 25.4
    table = TableLayout(content.table, 265 * mm, writer)
    slices = table.paginate(120 * mm, 180 * mm)
    split = {p.row for s in slices for p in s.pieces if p.continued}
    assert split, "2024 has rows longer than what is left of a page"
    for row in split:
        lines = max(len(c.block.lines) for c in table.rows[row].cells)
        assert lines > 3


def test_every_page_has_content_and_the_summary_its_own_page(
    db_2024: Database, writer: QPdfWriter
) -> None:
    content = report_content(db=db_2024, options=ReportOptions(2024))
    pages = ReportPages(content, writer)
    assert all(pages.pages), "a page with nothing to draw"
    without = report_content(db=db_2024, options=ReportOptions(2024, summary=False))
    assert len(pages) == len(ReportPages(without, writer)) + 1


def _no_widows(table: TableLayout, slices: list) -> None:  # type: ignore[type-arg]
    """No page starts with the last line or two of a row begun on the page before."""
    for n, s in enumerate(slices[1:], 2):
        for piece in s.pieces:
            if piece.continued:
                lines = max(b - a for a, b in zip(piece.start, piece.end, strict=True))
                assert lines >= SLIVER_LINES, f"page {n} starts with {lines} lines of a row"


def _no_lonely_paragraph_lines(table: TableLayout, slices: list) -> int:  # type: ignore[type-arg]
    """No event is cut leaving one of its lines alone on a page; the cuts inside one."""
    inside = 0
    pieces = [p for s in slices for p in s.pieces]
    for before, after in itertools.pairwise(pieces):
        if before.row != after.row:
            continue
        for cell, a, b in zip(table.rows[after.row].cells, before.start, after.start, strict=True):
            lines = cell.block.lines
            if not 0 < b < len(lines) or lines[b].layout is not lines[b - 1].layout:
                continue
            inside += 1
            same = [i for i, line in enumerate(lines) if line.layout is lines[b].layout]
            began_here = same[0] > a
            assert not began_here or (b - same[0] >= 2 and same[-1] + 1 - b >= 2)
    return inside


def test_no_event_leaves_a_line_alone_on_a_page(db_2024: Database, writer: QPdfWriter) -> None:
    content = report_content(db=db_2024, options=ReportOptions(2024))
    pages = ReportPages(content, writer)
    cuts = 0
    for width in (pages.width, pages.width * 0.6):  # landscape, and narrower columns
        table = TableLayout(content.table, width, writer)
        slices = table.paginate(pages.body - pages._heading_block()[1], pages.body)
        cuts += _no_lonely_paragraph_lines(table, slices)
    assert cuts, "no event was cut between pages: the check saw nothing"


def test_no_page_starts_with_a_line_or_two_of_a_row(db_2024: Database, writer: QPdfWriter) -> None:
    content = report_content(db=db_2024, options=ReportOptions(2024))
    pages = ReportPages(content, writer)
    table = TableLayout(content.table, pages.width, writer)
    _no_widows(table, table.paginate(pages.body - pages._heading_block()[1], pages.body))


def _last_page_is_no_scrap(table: TableLayout, slices: list, page: float) -> None:  # type: ignore[type-arg]
    last = slices[-1].pieces
    rows = [p for p in last if table.rows[p.row].row.kind != "region"]
    whole_region = table.rows[last[0].row].row.kind == "region"
    height = sum(p.height for p in last)
    assert len(rows) >= TAIL_ROWS or height >= TAIL_SHARE * page or whole_region, (
        f"the table's last page holds only {len(rows)} rows, {height / page:.0%} of a page"
    )


def test_the_2024_table_ends_with_its_last_region_whole(
    db_2024: Database, writer: QPdfWriter
) -> None:
    """Куба alone on the table's last page was the bug: its region comes with it."""
    content = report_content(db=db_2024, options=ReportOptions(2024))
    pages = ReportPages(content, writer)
    table = TableLayout(content.table, pages.width, writer)
    slices = table.paginate(pages.body - pages._heading_block()[1], pages.body)
    last = [table.rows[p.row].row.cells[0].text for p in slices[-1].pieces]
    assert last == ["ЛАТИНСКАЯ АМЕРИКА", "Аргентина", "Куба"]
    _last_page_is_no_scrap(table, slices, pages.body)


@pytest.mark.parametrize("seed", range(16))
def test_a_year_like_2025_ends_on_no_scrap_of_a_page(
    fixture_xlsx, writer: QPdfWriter, seed: int
) -> None:  # type: ignore[no-untyped-def]
    content = build_content(year_like(fixture_xlsx, 2025, seed), ReportOptions(2025))
    pages = ReportPages(content, writer)
    table = TableLayout(content.table, pages.width, writer)
    slices = table.paginate(pages.body - pages._heading_block()[1], pages.body)
    _last_page_is_no_scrap(table, slices, pages.body)
    _no_widows(table, slices)
    # No page of the table but the last is less than half full.
    for s in slices[:-1]:
        assert s.height > 0.5 * pages.body
