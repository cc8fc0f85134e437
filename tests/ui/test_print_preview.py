"""File → Print report…: the preview opens, paints, saves PDF and Word, and closes."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from spbgui.errors import UserError
from spbgui.io.xlsx.read import read_table
from spbgui.report import ReportOptions
from spbgui.services.importer import import_table
from spbgui.store.database import Database
from spbgui.ui.print_preview import ReportPreviewDialog, open_print_preview
from spbgui.ui.report_options import ReportOptionsDialog


@pytest.fixture
def db_2024(db: Database, fixture_xlsx: Path) -> Database:
    import_table(db=db, table=read_table(fixture_xlsx))
    return db


def test_preview_opens_paints_and_closes(qtbot, db_2024: Database) -> None:
    dialog = open_print_preview(db_2024, 2024, None)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QPrintPreviewDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.pages_painted > 3, timeout=20_000)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None and preview.pageCount() == dialog.pages_painted
    dialog.close()
    assert not dialog.isVisible()


def test_save_as_pdf_and_word_from_the_preview(qtbot, db_2024: Database, tmp_path: Path) -> None:
    dialog = ReportPreviewDialog(db_2024, ReportOptions(2024))
    qtbot.addWidget(dialog)
    dialog.show()
    pdf = dialog.save_as(".pdf", tmp_path / "r.pdf")
    word = dialog.save_as(".docx", tmp_path / "r.docx")
    assert pdf is not None and pdf.stat().st_size > 10_000
    assert word is not None and word.stat().st_size > 10_000
    assert [a.objectName() for a in (dialog.pdfAction, dialog.docxAction)] == [
        "reportSavePdfAction",
        "reportSaveDocxAction",
    ]
    dialog.close()


def test_changing_the_options_repaints_the_preview(qtbot, db_2024, monkeypatch) -> None:
    dialog = ReportPreviewDialog(db_2024, ReportOptions(2024))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages_painted > 0, timeout=20_000)
    full = dialog.pages_painted
    chosen = ReportOptions(2024, regions=("Африка",), summary=False, landscape=False)
    monkeypatch.setattr(ReportOptionsDialog, "ask", classmethod(lambda cls, *a, **k: chosen))
    dialog.optionsAction.trigger()
    qtbot.waitUntil(lambda: dialog.pages_painted < full, timeout=20_000)
    assert dialog.pages_painted == 1
    assert not dialog.current_options().landscape
    dialog.close()


def test_an_empty_database_is_refused_before_any_window(qtbot, db: Database) -> None:
    with pytest.raises(UserError, match="нет ни одного партнёра"):
        open_print_preview(db, 2024, None)


def test_options_dialog(qtbot, db_2024: Database) -> None:
    dialog = ReportOptionsDialog(db_2024, ReportOptions(2024))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.options() == ReportOptions(2024, prepared=dialog.options().prepared)
    tree = dialog.tree
    regions = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(5)}
    regions["Европа"].setCheckState(0, Qt.CheckState.Unchecked)
    asia = regions["Азия"]
    for j in range(asia.childCount()):
        if asia.child(j).text(0) != "Китай":
            asia.child(j).setCheckState(0, Qt.CheckState.Unchecked)
    assert asia.checkState(0) == Qt.CheckState.PartiallyChecked
    dialog.summaryCheck.setChecked(False)
    dialog.portraitRadio.setChecked(True)
    o = dialog.options()
    assert o.regions == ("СНГ", "Африка", "Латинская Америка")
    assert o.countries == ("Китай",)
    assert (o.summary, o.landscape) == (False, False)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.findChild(QPushButton, "reportSelectNone").click()
    assert not ok.isEnabled() and dialog.hint.text()
    dialog.findChild(QPushButton, "reportSelectAll").click()
    assert ok.isEnabled()
    assert dialog.options().regions is None and dialog.options().countries is None
    dialog.close()
