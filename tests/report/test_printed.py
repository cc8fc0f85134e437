"""The yearly report printed, checked page by page as the secretary who signs it would.

The PDF is read as written; the Word file is printed through LibreOffice. On every page:
the column headers first, the page number «N из M» at the foot, no word crossed by a
ruled line (text out of its cell) or covering another. A partner with a row several
pages long goes on under «Сербия (продолжение)» at the top of each page, never in the
middle of one; a made-up 2025 ends on no scrap of a page. The rendered pages are kept
in artifacts/printed/ (see :mod:`tests.report.printing`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.report import ReportOptions, save_docx, save_pdf, wording
from spbgui.report.content import build_content
from spbgui.report.docx import write_docx
from spbgui.report.files import write_pdf
from spbgui.services import edit
from spbgui.store.database import Database, open_database
from tests.report.printing import (
    Page,
    crossings,
    keep_pages,
    overlaps,
    page_number_problems,
    read_pages,
    soffice_pdf,
    tool,
)

from .year_like import year_like

pytestmark = pytest.mark.slow

REGIONS = ("ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА")


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    for name in ("pdftotext", "pdftoppm"):
        tool(name)
    tool("soffice", "libreoffice")


def _long_partner(folder: Path) -> Database:
    db = open_database(folder / "long.sqlite")
    region = edit.add_region(db=db, name="Европа").id
    country = edit.add_country(db=db, region_id=region, name="Сербия").id
    partner = edit.add_partner(db=db, country_id=country, name="Белград", kind="city").id
    edit.add_agreement(db=db, partner_id=partner, title="Соглашение о партнёрстве", dates=[])
    for n in range(150):
        when = EventDate(PartialDate(2024, n % 12 + 1, n % 28 + 1))
        text = f"визит делегации номер {n} по важному вопросу сотрудничества"
        edit.add_event(db=db, partner_id=partner, year=2024, date=when, text=text)
    return db


@pytest.fixture(scope="module")
def printed(
    db_2024: Database, fixture_xlsx: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[Page]]:
    """Each report, printed: {name: pages}."""
    folder = tmp_path_factory.mktemp("printed")
    pdfs: dict[str, Path] = {}
    options = ReportOptions(year=2024)
    save_pdf(db=db_2024, options=options, path=folder / "report-pdf.pdf")
    pdfs["report-pdf"] = folder / "report-pdf.pdf"
    save_docx(db=db_2024, options=options, path=folder / "report-docx.docx")
    pdfs["report-docx"] = soffice_pdf(folder / "report-docx.docx", folder)
    db = _long_partner(folder)
    try:
        long = ReportOptions(year=2024, summary=False)
        save_pdf(db=db, options=long, path=folder / "long-pdf.pdf")
        pdfs["long-pdf"] = folder / "long-pdf.pdf"
        save_docx(db=db, options=long, path=folder / "long-docx.docx")
        pdfs["long-docx"] = soffice_pdf(folder / "long-docx.docx", folder)
    finally:
        db.close()
    content = build_content(year_like(fixture_xlsx, 2025, seed=3), ReportOptions(year=2025))
    write_pdf(content, folder / "2025-pdf.pdf")
    pdfs["2025-pdf"] = folder / "2025-pdf.pdf"
    write_docx(content, folder / "2025-docx.docx")
    pdfs["2025-docx"] = soffice_pdf(folder / "2025-docx.docx", folder)
    for name, pdf in pdfs.items():
        keep_pages(pdf, name)
    return {name: read_pages(pdf) for name, pdf in pdfs.items()}


def _table_pages(pages: list[Page], year: int) -> list[Page]:
    return [p for p in pages if not p.find(wording.summary_heading(year))]


@pytest.mark.parametrize("name", ["report-pdf", "report-docx", "long-pdf", "long-docx"])
def test_every_page_is_numbered_n_of_m(printed: dict[str, list[Page]], name: str) -> None:
    pages = printed[name]
    assert len(pages) > 2
    assert page_number_problems(pages, wording.PAGE) == []


@pytest.mark.parametrize(
    "name", ["report-pdf", "report-docx", "long-pdf", "long-docx", "2025-pdf", "2025-docx"]
)
def test_the_column_headers_open_every_table_page(
    printed: dict[str, list[Page]], name: str
) -> None:
    year = 2025 if name.startswith("2025") else 2024
    for page in _table_pages(printed[name], year):
        heads = page.find("Основание для сотрудничества")
        assert heads, f"page {page.number}: no column headers"
        top = heads[0].y0
        body = [w for w in page.words if w.y0 > top + 40 and w.y1 < 0.92 * page.height]
        above = [w for w in page.words if w.y1 < top - 15]
        assert body, f"page {page.number}: headers and nothing under them"
        if page.number > 1:  # page one has the title above the table
            assert not above, f"page {page.number}: {above[0].text!r} above the headers"


@pytest.mark.parametrize(
    "name", ["report-pdf", "report-docx", "long-pdf", "long-docx", "2025-pdf", "2025-docx"]
)
def test_no_text_runs_out_of_its_cell(printed: dict[str, list[Page]], name: str) -> None:
    pages = printed[name]
    assert any(p.vertical for p in pages), "no ruled lines found: the check would see nothing"
    problems = [f"page {p.number}: {x}" for p in pages for x in crossings(p) + overlaps(p)]
    assert problems == []


@pytest.mark.parametrize("name", ["long-pdf", "long-docx"])
def test_a_long_row_goes_on_under_its_names_at_the_top_of_each_page(
    printed: dict[str, list[Page]], name: str
) -> None:
    pages = printed[name]
    assert len(pages) >= 3
    for page in pages:
        labels = page.find("Сербия (продолжение)")
        if page.number == 1:
            assert not labels
            continue
        assert len(labels) == 1, f"page {page.number}: {len(labels)} country labels"
        assert page.find("Белград (продолжение)"), f"page {page.number}: no partner label"
        (head,) = page.find("Страна")[:1]
        # Right under the column headers, not somewhere down the page.
        assert labels[0].y0 - head.y1 < 45, f"page {page.number}: the label is not at the top"


@pytest.mark.parametrize("name", ["2025-pdf", "2025-docx"])
def test_the_last_table_page_is_no_scrap(printed: dict[str, list[Page]], name: str) -> None:
    table = _table_pages(printed[name], 2025)
    last = table[-1]
    (head,) = last.find("Основание для сотрудничества")[:1]
    body = [w for w in last.words if head.y1 + 20 < w.y0 and w.y1 < 0.92 * last.height]
    filled = (max(w.y1 for w in body) - head.y1) / (0.92 * last.height - head.y1)
    has_region = any(last.find(r) for r in REGIONS)
    assert filled > 0.25 or has_region, f"the table's last page is {filled:.0%} full"


def test_the_summary_starts_on_a_page_of_its_own(printed: dict[str, list[Page]]) -> None:
    for name in ("report-pdf", "report-docx"):
        pages = printed[name]
        summary = [p for p in pages if p.find(wording.summary_heading(2024))]
        assert len(summary) == 1
        (heading,) = summary[0].find(wording.summary_heading(2024))
        assert not [w for w in summary[0].words if w.y1 < heading.y0]
        assert not summary[0].find("Основание для сотрудничества")
