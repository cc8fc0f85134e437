"""Regions and countries with nobody under them: the printed table shows no empty headings.

A clerk adds a new region («Океания») and a country under it before any partner is
known, or starts a new database with a region only. The report printed «ОКЕАНИЯ» as a
region row with nothing under it (on a page of its own at the end of the table), and a
database with no partner at all printed an empty table instead of saying there is
nothing to print.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from spbgui.domain.dates import EventDate
from spbgui.errors import UserError
from spbgui.report import ReportOptions, save_docx, save_pdf
from spbgui.services import edit
from spbgui.store.database import Database
from spbgui.ui.print_preview import open_print_preview
from tests.report.conftest import pdf_pages


def _partner(db: Database, region: str, country: str, partner: str) -> None:
    r = edit.add_region(db=db, name=region).id
    c = edit.add_country(db=db, region_id=r, name=country).id
    p = edit.add_partner(db=db, country_id=c, name=partner).id
    a = edit.add_agreement(db=db, partner_id=p, title="Соглашение о партнёрстве").id
    edit.add_event(db=db, partner_id=p, year=2024, date=EventDate(), text="визит", agreement_id=a)


@pytest.fixture
def with_empty_region(db: Database) -> Database:
    _partner(db, "Европа", "Сербия", "Белград")
    oceania = edit.add_region(db=db, name="Океания").id
    edit.add_country(db=db, region_id=oceania, name="Фиджи")  # no partner yet
    edit.add_region(db=db, name="Антарктида")  # nothing at all
    return db


def test_an_empty_region_prints_no_heading(with_empty_region: Database, tmp_path: Path) -> None:
    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    save_pdf(db=with_empty_region, options=ReportOptions(2024, summary=False), path=pdf)
    save_docx(db=with_empty_region, options=ReportOptions(2024, summary=False), path=word)
    pdf_text = "\n".join(pdf_pages(pdf))
    word_text = "\n".join(
        c.text for t in docx.Document(word).tables for r in t.rows for c in r.cells
    )
    for text in (pdf_text, word_text):
        assert "ЕВРОПА" in text and "Белград" in text
        assert "ОКЕАНИЯ" not in text and "АНТАРКТИДА" not in text


def test_no_partner_at_all_is_nothing_to_print(qtbot, db: Database, tmp_path: Path) -> None:
    region = edit.add_region(db=db, name="Европа").id
    edit.add_country(db=db, region_id=region, name="Сербия")
    with pytest.raises(UserError, match="нет ни одного партнёра"):
        open_print_preview(db, 2024, None)  # File → Print report… shows this message
    with pytest.raises(UserError, match="нет ни одного партнёра"):
        save_pdf(db=db, options=ReportOptions(2024), path=tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_a_choice_of_countries_without_partners_is_refused(
    with_empty_region: Database, tmp_path: Path
) -> None:
    options = ReportOptions(2024, countries=("Фиджи",))
    with pytest.raises(UserError, match="нет ни одного партнёра"):
        save_pdf(db=with_empty_region, options=options, path=tmp_path / "r.pdf")
