"""The report as Word, read back with python-docx as the press office's Word would."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from spbgui.report import ReportOptions, save_docx
from spbgui.store.database import Database


def _cells_text(document) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(cell.text for t in document.tables for row in t.rows for cell in row.cells)


def test_every_partner_and_event_is_in_a_real_table(report_docx: Path, expected_2024) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(str(report_docx))
    text = _cells_text(document)
    for p in expected_2024["partners"]:
        if p["name"]:
            assert p["name"] in text
    for c in expected_2024["countries"]:
        assert c["name"] in text
    for a in expected_2024["agreements"]:
        for e in a["events"]:
            assert e["text"] in text


def test_header_row_repeats_and_regions_span_the_table(report_docx: Path) -> None:
    table = docx.Document(str(report_docx)).tables[0]
    header = table.rows[0]._tr
    assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells][:2] == ["Страна", "Город"]
    spans = [
        tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val"))
        for tr in table._tbl.tr_lst
        for tc in tr.tc_lst
        if tc.tcPr is not None and tc.tcPr.find(qn("w:gridSpan")) is not None
    ]
    assert spans == ["5"] * 5  # one row per region, across all five columns
    region_rows = [r for r in table.rows if r.cells[0].text == r.cells[-1].text == "СНГ"]
    assert len(region_rows) == 1


def test_each_event_is_its_own_paragraph(report_docx: Path) -> None:
    table = docx.Document(str(report_docx)).tables[0]
    row = next(r for r in table.rows if r.cells[1].text == "Хошимин")
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
    assert len(document.tables) == 2
    total = document.tables[1].rows[-1]
    assert [c.text for c in total.cells] == ["Всего", "26", "37", "41", "96"]
    assert len(document.inline_shapes) == 1


@pytest.mark.parametrize("summary", [True, False])
def test_portrait_and_without_summary(db_2024: Database, tmp_path: Path, summary: bool) -> None:
    path = tmp_path / "r.docx"
    save_docx(db=db_2024, options=ReportOptions(2024, summary=summary, landscape=False), path=path)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert len(document.tables) == (2 if summary else 1)


def _long_partner_docx(tmp_path: Path, events: int) -> Path:
    """Белград with ``events`` events: a row several pages tall."""
    from spbgui.domain.dates import EventDate, PartialDate
    from spbgui.services import edit
    from spbgui.store.database import open_database

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
    table = docx.Document(str(_long_partner_docx(tmp_path, 150))).tables[0]
    rows = table.rows
    for row in rows:
        assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    texts = [[c.text for c in row.cells] for row in rows]
    continued = [t for t in texts if t[1] == "Белград (продолжение)"]
    assert len(continued) >= 2  # 150 events: three pages or more
    assert all(t[0] == "Сербия (продолжение)" and t[2] == "" for t in continued)
    # Every event is there once, in order, across the rows.
    events = [p.text for row in rows[2:] for p in row.cells[4].paragraphs if p.text]
    assert len(events) == 150 and events[0].startswith("1 января – визит делегации номер 0 ")
    # Ниш, after the continuation rows, is merged under the labelled country cell.
    nish = next(t for t in texts if t[1] == "Ниш")
    assert nish[0] == "Сербия (продолжение)"


def test_a_short_country_keeps_its_rows_together(report_docx: Path) -> None:
    table = docx.Document(str(report_docx)).tables[0]
    rows = [r for r in table.rows if r.cells[0].text == "Китай"]
    assert len(rows) == 4  # the merged cell is the same cell in each of its rows

    def kept(tr) -> bool:  # type: ignore[no-untyped-def]
        ps = tr.findall(".//" + qn("w:p"))
        return all(p.pPr is not None and p.pPr.keepNext_val for p in ps)

    trs = [r._tr for r in rows]
    assert all(kept(tr) for tr in trs[:-1]) and not kept(trs[-1])
