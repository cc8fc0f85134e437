"""An event text of several lines, or with a tab, prints as the clerk wrote it.

A clerk pastes an event of three lines from a letter (Enter between them, a tab from a
Word table). The Word report kept the lines; the PDF and the print preview glued them,
«-минус в начале» and «вторая строка» printed as «началевторая», and a tab printed as a
gap of a third of the column.
"""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from PySide6.QtWidgets import QFileDialog

from spbgui.domain.dates import EventDate
from spbgui.report import ReportOptions
from spbgui.report.chart import ensure_application
from spbgui.report.content import Para
from spbgui.report.text_block import TextBlock
from spbgui.services import edit
from spbgui.store.database import Database
from spbgui.ui.print_preview import ReportPreviewDialog

TEXT = "визит делегации\nвторая строка письма\r\nтретья строка\rчетвёртая\tпосле табуляции"


@pytest.fixture
def one_event(db: Database) -> Database:
    region = edit.add_region(db=db, name="Европа").id
    country = edit.add_country(db=db, region_id=region, name="Сербия").id
    partner = edit.add_partner(db=db, country_id=country, name="Белград").id
    agreement = edit.add_agreement(db=db, partner_id=partner, title="Соглашение").id
    edit.add_event(
        db=db, partner_id=partner, year=2024, date=EventDate(), text=TEXT, agreement_id=agreement
    )
    return db


def test_the_pdf_keeps_each_line_of_an_event(qtbot, one_event, tmp_path, monkeypatch) -> None:
    dialog = ReportPreviewDialog(one_event, ReportOptions(2024, summary=False))
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "Отчёт 2024.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog.pdfAction.trigger()  # «Save as PDF…» on the preview's toolbar
    lines = [
        " ".join(line.split())
        for page in PdfReader(target).pages
        for line in (page.extract_text() or "").splitlines()
    ]
    for line in ("визит делегации", "вторая строка письма", "третья строка"):
        assert line in lines, lines
    assert "четвёртая после табуляции" in lines, lines
    dialog.close()


def test_a_tab_is_as_wide_as_a_space() -> None:
    app = ensure_application()
    from PySide6.QtGui import QImage

    device = QImage(2000, 200, QImage.Format.Format_RGB32)
    assert app is not None

    def width(text: str) -> float:
        block = TextBlock([Para(text)], 1800.0, device)
        assert len(block.lines) == 1
        return block.lines[0].layout.lineAt(0).naturalTextWidth()

    assert width("делегация\tс табуляцией") == pytest.approx(width("делегация с табуляцией"))


def test_line_breaks_from_word_and_control_characters() -> None:
    """Text pasted from Word carries its manual line break as a vertical tab, a page
    break as a form feed, a paragraph as U+2029; a control character printed as a box
    (⌧) and these glued the words they separated («третьячетвёртая»)."""
    from PySide6.QtGui import QImage

    ensure_application()
    device = QImage(2000, 400, QImage.Format.Format_RGB32)
    text = "первая\x0bвторая\x01 третья\u2029четвёртая\x0cпятая\x85шестая"
    block = TextBlock([Para(text)], 1900.0, device)
    laid = block.lines[0].layout.text()
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in laid), repr(laid)
    shown = [
        laid[line.textStart() : line.textStart() + line.textLength()].strip("\u2028 ")
        for line in (block.lines[0].layout.lineAt(i) for i in range(len(block.lines)))
    ]
    assert shown == ["первая", "вторая третья", "четвёртая", "пятая", "шестая"], shown


def test_the_word_report_keeps_word_line_breaks(db: Database, tmp_path) -> None:
    """The Word report dropped a vertical tab, form feed or U+2029 as a character XML
    cannot hold (or would not break at): «первая\\x0bвторая» became «перваявторая»."""
    import docx

    from spbgui.report import save_docx

    region = edit.add_region(db=db, name="Европа").id
    country = edit.add_country(db=db, region_id=region, name="Сербия").id
    partner = edit.add_partner(db=db, country_id=country, name="Белград").id
    agreement = edit.add_agreement(db=db, partner_id=partner, title="Соглашение").id
    text = "первая\x0bвторая\x0cтретья\u2029четвёртая\x01пятая"
    edit.add_event(
        db=db, partner_id=partner, year=2024, date=EventDate(), text=text, agreement_id=agreement
    )
    path = tmp_path / "r.docx"
    save_docx(db=db, options=ReportOptions(2024, summary=False), path=path)
    cells = [c.text for t in docx.Document(path).tables for r in t.rows for c in r.cells]
    assert "первая\nвторая\nтретья\nчетвёртаяпятая" in cells, cells
