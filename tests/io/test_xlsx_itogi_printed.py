"""The «Итоги» sheet of File → Export to Excel… prints as a table a committee would sign.

A database of several years (tests/multiyear.py) is exported as the window exports it
(with the sheet of figures across years); LibreOffice prints the workbook and the
«Итоги» pages are read as a secretary reads them (tests/report/printing.py): the sheet's
title on top, every heading and figure inside its own cell, no text running into the
row below (a cell of two lines in a row of one), no header word broken in two.
The pages are kept in artifacts/printed/export-itogi/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.services.export import export_workbook
from spbgui.store.database import open_database
from tests import multiyear
from tests.report.printing import Page, crossings, keep_pages, overlaps, read_pages, soffice_pdf

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def itogi(fixture_xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    folder = tmp_path_factory.mktemp("itogi")
    db = open_database(folder / "years.sqlite")
    try:
        multiyear.build(db, fixture_xlsx)
        xlsx = folder / "table.xlsx"
        export_workbook(db=db, year=2025, path=xlsx)
    finally:
        db.close()
    pdf = soffice_pdf(xlsx, folder)
    keep_pages(pdf, "export-itogi")
    pages = read_pages(pdf)
    return [p for p in pages if p.find("Итоги 2025 года по всей")]


def test_the_sheet_prints_with_its_title_on_every_page(itogi: list[Page]) -> None:
    assert itogi, "no page of the «Итоги» sheet"
    text = "\n".join(p.text for p in itogi)
    for heading in (
        "2025 год в сравнении с 2024 годом",
        "Мероприятия по странам, 2021–2025",
        "Страны, партнёры и соглашения по регионам",
        "Юбилейные даты 2025 года",
    ):
        assert heading in text.replace("\n", " "), heading
    assert "Соглашений" in text  # a header word whole, not «Соглашени» over «й»


def test_no_text_runs_out_of_its_cell(itogi: list[Page]) -> None:
    assert itogi and all(p.vertical for p in itogi), "no ruled page of the «Итоги» sheet"
    problems = [f"page {p.number}: {x}" for p in itogi for x in crossings(p) + overlaps(p)]
    assert problems == []


def test_a_table_that_goes_on_over_a_page_has_its_header_there(
    itogi: list[Page], fixture_xlsx: Path, tmp_path: Path
) -> None:
    """«Мероприятия по странам» went on over the page with «Таиланд 1 1» under the sheet's
    title and no table heading or column headers: which column was which year? Each page
    now goes on with a table's heading (and its headers under it): a table that fits on
    a page starts on a new one, and one that does not repeats its heading and headers."""
    from spbgui.services.stats_blocks import summary_blocks

    db = open_database(tmp_path / "years.sqlite")
    try:
        multiyear.build(db, fixture_xlsx)
        titles = [b.title for b in summary_blocks(db=db, year=2025)]
    finally:
        db.close()
    assert len(itogi) >= 2, "the sheet fits on one page: nothing to check"
    sheet_title = "Итоги 2025 года по всей базе: мероприятия по годам, сравнение с 2024 годом,"
    for page in itogi:
        (start,) = page.find(sheet_title)
        at = page.words.index(start) + len(sheet_title.split())
        rest = [w for w in page.words[at:] if w.y0 > start.y1 and w.text != "даты"]
        assert rest, f"page {page.number} has nothing under the sheet's title"
        top = min(w.y0 for w in rest)
        line = " ".join(w.text for w in sorted(rest, key=lambda w: w.x0) if w.y0 - top < 2)
        assert any(line.startswith(t.split(",")[0]) for t in titles), (page.number, line)
