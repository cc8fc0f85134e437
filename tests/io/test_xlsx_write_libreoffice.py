"""The exported 2024 table opens in LibreOffice Calc and prints as the committee's table.

LibreOffice (headless) converts the workbook to PDF: a file it had to repair
or could not read gives no PDF. The printed pages are then read as a secretary
reads them (tests/report/printing.py): the title once, the header on top of every
page of both sheets, the regions, page numbers «Стр. N из M» in the footer, every
column of the events list on its page, and no word crossed by a cell's border or
covering another (text run out of its cell). The pages are kept in
artifacts/printed/export-xlsx/. Skipped where LibreOffice or poppler is missing,
failed under CI (apt-get install libreoffice-calc poppler-utils).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.io.xlsx_writer.events_sheet import HEADERS
from spbgui.io.xlsx_writer.table_sheet import HEADERS as TABLE_HEADERS
from spbgui.io.xlsx_writer.workbook import write_table
from tests.report.printing import (
    Page,
    crossings,
    keep_pages,
    overlaps,
    page_number_problems,
    read_pages,
    soffice_pdf,
)

pytestmark = pytest.mark.slow

TITLE = "Сотрудничество Санкт-Петербурга с городами-партнёрами"


@pytest.fixture(scope="module")
def printed(fixture_xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    folder = tmp_path_factory.mktemp("lo")
    xlsx = folder / "table.xlsx"
    write_table(read_table(fixture_xlsx), xlsx)
    pdf = soffice_pdf(xlsx, folder)
    keep_pages(pdf, "export-xlsx")
    return read_pages(pdf)


def _sheets(pages: list[Page]) -> tuple[list[Page], list[Page]]:
    table = [p for p in pages if p.find("Основные мероприятия в 2024 году")]
    events = [p for p in pages if p.find("Точность") and p.find("Мероприятие")]
    return table, events


def test_the_table_prints_over_several_pages_with_numbers(printed: list[Page]) -> None:
    table, events = _sheets(printed)
    assert len(table) >= 3 and len(events) >= 3
    assert len(table) + len(events) == len(printed)
    # Printed whole, the workbook's pages are counted together: the table, then the list.
    assert page_number_problems(printed, "Стр.") == []


def test_the_header_repeats_on_top_and_the_title_does_not(printed: list[Page]) -> None:
    table, events = _sheets(printed)
    assert table[0].find(TITLE)
    assert all(not p.find(TITLE) for p in table[1:])
    for pages, names in ((table, TABLE_HEADERS), (events, HEADERS)):
        words = {w for name in names for w in name.format(year=2024).split()}
        for page in pages:
            assert page.find(names[0]), f"page {page.number}: no header"
            top = min(w.y0 for w in page.words if w.text in words)
            above = [w for w in page.words if w.y1 < top]
            if page is not table[0]:
                assert not above, f"page {page.number}: {above[0].text!r} above the header"


def test_every_column_of_the_events_list_is_on_its_page(printed: list[Page]) -> None:
    _table, events = _sheets(printed)
    for page in events:
        for name in HEADERS:
            assert page.find(name), f"page {page.number}: no column «{name}»"
        assert max(w.x1 for w in page.words) < page.width - 20  # nothing cut at the edge


def test_no_text_runs_out_of_its_cell(printed: list[Page]) -> None:
    assert all(p.vertical for p in printed), "a page without ruled cells"
    problems = [f"page {p.number}: {x}" for p in printed for x in crossings(p) + overlaps(p)]
    assert problems == []


def test_every_region_and_the_events_list_are_printed(printed: list[Page]) -> None:
    text = "\n".join(p.text for p in printed)
    for region in ("ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА"):
        assert region in text
    # The longest events cell (Минск, 2006) is printed to its last words.
    assert "пассажирской" in text and "техники для нужд Санкт-Петербурга" in text
