"""The report as Word, read back with python-docx as the press office's Word would.

The table comes a page at a time (a Word table each, see spbgui/report/docx_rows.py):
what a reader reads on across pages is checked with the pages' tables taken together.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.report import ReportOptions, save_docx
from spbgui.services import edit
from spbgui.store.database import Database, open_database

from .conftest import squeeze

HEADER = ["Страна", "Город"]


def _pages(document) -> list:
    """The tables of the main table's pages (the summary's table has other headers)."""
    return [t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == HEADER]


def _rows(document) -> list:
    return [row for t in _pages(document) for row in t.rows[1:]]


def _events_flow(document) -> str:
    """The events column read on across pages, without white space."""
    return squeeze("".join(r.cells[4].text for r in _rows(document)))


def test_every_partner_and_event_is_in_a_real_table(report_docx: Path, expected_2024) -> None:
    document = docx.Document(str(report_docx))
    text = "\n".join(c.text for r in _rows(document) for c in r.cells)
    for p in expected_2024["partners"]:
        if p["name"]:
            assert p["name"] in text
    for c in expected_2024["countries"]:
        assert c["name"] in text
    flow = _events_flow(document)
    for a in expected_2024["agreements"]:
        for e in a["events"]:
            assert squeeze(e["text"]) in flow


def test_every_page_has_its_header_and_regions_span_the_table(report_docx: Path) -> None:
    document = docx.Document(str(report_docx))
    pages = _pages(document)
    assert len(pages) > 5
    for table in pages:
        header = table.rows[0]._tr
        assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    spans = [
        tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val"))
        for t in pages
        for tr in t._tbl.tr_lst
        for tc in tr.tc_lst
        if tc.tcPr is not None and tc.tcPr.find(qn("w:gridSpan")) is not None
    ]
    assert spans == ["5"] * 5  # one row per region, across all five columns
    region_rows = [r for r in _rows(document) if r.cells[0].text == r.cells[-1].text == "СНГ"]
    assert len(region_rows) == 1
    # Every table after the first begins a new page.
    for table in pages[1:]:
        before = table._tbl.getprevious()
        assert before.tag == qn("w:p") and before.pPr.pageBreakBefore_val


def test_each_event_is_its_own_paragraph(report_docx: Path) -> None:
    document = docx.Document(str(report_docx))
    row = next(r for r in _rows(document) if r.cells[1].text == "Хошимин")
    paragraphs = [p.text for p in row.cells[4].paragraphs]
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("17-22 мая – ")


def test_page_is_a4_landscape_with_page_numbers(report_docx: Path) -> None:
    document = docx.Document(str(report_docx))
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((297, 210), abs=0.1)
    footer = section.footer._element.xml
    assert "NUMPAGES" in footer and " PAGE " in footer and "стр." in footer
    assert document.core_properties.author == ""


def test_the_summary_has_its_table_and_chart(report_docx: Path) -> None:
    document = docx.Document(str(report_docx))
    total = document.tables[-1].rows[-1]
    assert [c.text for c in total.cells] == ["Всего", "26", "37", "41", "96"]
    assert len(document.tables) == len(_pages(document)) + 1
    assert len(document.inline_shapes) == 1


@pytest.mark.parametrize("summary", [True, False])
def test_portrait_and_without_summary(db_2024: Database, tmp_path: Path, summary: bool) -> None:
    path = tmp_path / "r.docx"
    save_docx(db=db_2024, options=ReportOptions(2024, summary=summary, landscape=False), path=path)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert len(document.tables) == len(_pages(document)) + (1 if summary else 0)
    assert "Вьетнам" in "".join(r.cells[0].text for r in _rows(document))


def _long_partner_docx(tmp_path: Path, events: int) -> Path:
    """Белград with ``events`` events: a row several pages tall; Ниш after it."""
    db = open_database(tmp_path / "long.sqlite")
    try:
        region = edit.add_region(db=db, name="Европа").id
        country = edit.add_country(db=db, region_id=region, name="Сербия").id
        partner = edit.add_partner(db=db, country_id=country, name="Белград", kind="city").id
        edit.add_agreement(db=db, partner_id=partner, title="Соглашение о партнёрстве", dates=[])
        other = edit.add_partner(db=db, country_id=country, name="Ниш", kind="city").id
        edit.add_agreement(db=db, partner_id=other, title="Соглашение о дружбе", dates=[])
        for n in range(events):
            when = EventDate(PartialDate(2024, n % 12 + 1, n % 28 + 1))
            text = f"визит делегации номер {n} по важному вопросу сотрудничества"
            edit.add_event(db=db, partner_id=partner, year=2024, date=when, text=text)
        path = tmp_path / "long.docx"
        save_docx(db=db, options=ReportOptions(year=2024, summary=False), path=path)
    finally:
        db.close()
    return path


def test_no_row_breaks_and_a_long_row_goes_on_under_its_names(tmp_path: Path) -> None:
    document = docx.Document(str(_long_partner_docx(tmp_path, 150)))
    pages = _pages(document)
    assert len(pages) >= 3
    for table in pages:
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    for table in pages[1:]:
        # The first row of each later page names the country and the partner.
        first = [c.text for c in table.rows[1].cells]
        assert first[:2] == ["Сербия (продолжение)", "Белград (продолжение)"], first
    flow = _events_flow(document)
    for n in range(150):
        assert squeeze(f"визит делегации номер {n} по важному вопросу сотрудничества") in flow
    # Nothing else says «(продолжение)»: no label in the middle of a page (a row below
    # the first may only show the first row's label through a merged cell).
    for table in pages:
        first = table.rows[1].cells
        for row in table.rows[2:]:
            for col, cell in enumerate(row.cells):
                assert "продолжение" not in cell.text or cell._tc is first[col]._tc


def test_a_country_is_one_merged_cell_a_page(report_docx: Path) -> None:
    document = docx.Document(str(report_docx))
    china = {"Китай", "Китай (продолжение)"}
    rows = [(t, r) for t in _pages(document) for r in t.rows[1:] if r.cells[0].text in china]
    assert len(rows) >= 4  # Китай's four agreements (one may be split between pages)
    for table in {id(t): t for t, _r in rows}.values():
        cells = {r.cells[0]._tc for t, r in rows if t is table}
        assert len(cells) == 1  # merged over its rows on the page


def test_the_word_file_says_when_it_was_made(db_2024: Database, tmp_path: Path) -> None:
    """Word's File → Info showed «Создан: 23.12.2013», the date of python-docx's template,
    on a report made today: the archive copy must carry the day it was made."""
    import datetime as dt

    path = tmp_path / "r.docx"
    save_docx(db=db_2024, options=ReportOptions(2024, summary=False), path=path)
    props = docx.Document(path).core_properties
    now = dt.datetime.now(dt.UTC)
    for when in (props.created, props.modified):
        assert when is not None and abs(when.replace(tzinfo=dt.UTC) - now) < dt.timedelta(hours=1)
    assert props.language == "ru-RU"
