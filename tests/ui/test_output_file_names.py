"""The file a clerk names for the Excel table or the report, when the name is only
an extension: File → Export to Excel… and File → Print report… → «Save as PDF…».

A field left with «.xlsx» (the name deleted, the extension kept) wrote a hidden file
«.xlsx.xlsx» that the clerk could not find; «.pdf» typed in the save dialog wrote a
hidden «.pdf.pdf». Both now ask for a name, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from spbgui.ui.actions import ActionId
from tests.ui import gestures
from tests.ui.gestures import Answers


def test_export_with_only_an_extension_asks_for_a_name(qtbot, window, tmp_path: Path) -> None:
    folder = tmp_path / "Выгрузки #1"
    folder.mkdir()
    seen: list[str] = []

    def export_answer(dialog: QWidget) -> None:
        dialog.fileEdit.setFocus()
        dialog.fileEdit.selectAll()
        gestures.type_text(dialog.fileEdit, str(folder / ".xlsx"))
        gestures.click(dialog.exportButton)
        done = lambda: dialog.error is not None or dialog.outcome is not None  # noqa: E731
        qtbot.waitUntil(done, timeout=30_000)
        seen.append(dialog.summary.text())
        if dialog.isVisible():
            gestures.escape(dialog)

    def close_box(box: QWidget) -> None:  # «Export finished»: only if a file was written
        gestures.click(box.button(QMessageBox.StandardButton.Close))

    answers = Answers().expect(export_answer, close_box)
    window.actions_[ActionId.EXPORT_TABLE].trigger()  # returns once the dialog is closed
    answers.stop()
    assert seen and "Укажите имя файла" in seen[0], seen
    assert list(folder.iterdir()) == []


def test_save_as_pdf_with_only_an_extension_asks_for_a_name(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "Отчёты"
    folder.mkdir()
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warnings.append(text))
    )
    previews: list[QWidget] = []

    def preview_answer(dialog: QWidget) -> None:
        previews.append(dialog)
        dialog.pdfAction.trigger()

    answers = Answers().expect(preview_answer, gestures.choose_file(folder / ".pdf"))
    window.actions_[ActionId.PRINT_REPORT].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=30_000)
    answers.stop()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    previews[0].reject()
    assert "Укажите имя файла" in warnings[0], warnings
    assert list(folder.iterdir()) == []
