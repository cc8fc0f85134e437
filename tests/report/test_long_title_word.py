"""An agreement whose title is taller than a page, in the Word report.

The Word file keeps the title cell whole across a page break (a title cut in two would
read back as two agreements), but a title taller than a page cannot be kept whole. It
was laid out one line a page: a 4,000-character title made a report of some ninety
pages with one line of text at the top of each. Such a title goes on over pages as the
PDF's does, each page full, and the file still reads back as one agreement.
"""

from __future__ import annotations

import random
from pathlib import Path

import docx
from pypdf import PdfReader

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.io.sources import read_file
from spbgui.report import ReportOptions, save_docx, save_pdf
from spbgui.services import edit
from spbgui.store.database import open_database

from .conftest import squeeze

WORDS = (
    "сотрудничество в области культуры образования науки туризма молодёжной политики "
    "визит делегации Санкт-Петербурга подписание меморандума о взаимопонимании"
).split()


def _title(chars: int) -> str:
    rng = random.Random(7)
    words = ["Соглашение"]
    while sum(len(w) + 1 for w in words) < chars:
        words.append(rng.choice(WORDS))
    return " ".join(words) + "."


def _reports(tmp_path: Path, title: str) -> tuple[Path, Path]:
    db = open_database(tmp_path / "t.sqlite")
    try:
        region = edit.add_region(db=db, name="Европа").id
        country = edit.add_country(db=db, region_id=region, name="Франция").id
        partner = edit.add_partner(db=db, country_id=country, name="Лион", kind="city").id
        agreement = edit.add_agreement(
            db=db, partner_id=partner, title=title, dates=[PartialDate(2006)]
        ).id
        edit.add_event(
            db=db,
            partner_id=partner,
            year=2024,
            date=EventDate(PartialDate(2024, 4, 11)),
            text="Визит делегации.",
            agreement_id=agreement,
        )
        options = ReportOptions(year=2024, summary=False)
        word, pdf = tmp_path / "t.docx", tmp_path / "t.pdf"
        save_docx(db=db, options=options, path=word)
        pages = save_pdf(db=db, options=options, path=pdf)
    finally:
        db.close()
    assert pages >= 2  # the title is taller than a page in the PDF too
    return word, pdf


def test_a_title_taller_than_a_page_fills_the_pages_it_runs_over(tmp_path: Path) -> None:
    title = _title(9000)
    word, pdf = _reports(tmp_path, title)
    tables = docx.Document(str(word)).tables
    pdf_pages = len(PdfReader(pdf).pages)
    # Word's pages hold what the PDF's do, give or take (before: 250 pages against 9).
    assert len(tables) <= pdf_pages + 1, f"{len(tables)} pages in Word, {pdf_pages} in the PDF"
    rows = [r for t in tables for r in t.rows[1:] if r.cells[0]._tc is not r.cells[2]._tc]
    parts = [r.cells[2].text for r in rows]  # not the region row: one cell across
    assert squeeze("".join(parts)) == squeeze(title)
    for t in tables[:-1]:
        assert len(squeeze(t.rows[-1].cells[2].text)) > 800  # each page full, not a line


def test_the_long_title_reads_back_as_one_agreement(tmp_path: Path) -> None:
    title = _title(9000)
    word, _pdf = _reports(tmp_path, title)
    table = read_file(word)
    ((france,),) = [r.countries for r in table.regions]
    ((agreement,),) = [p.agreements for p in france.partners]
    assert [p.name for p in france.partners] == ["Лион"]
    assert agreement.title == title
    assert [e.text for e in agreement.events] == ["Визит делегации."]
