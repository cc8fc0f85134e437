"""A database opened read-only: nothing in the window lets the clerk type a change that
can only be refused afterwards (and the typing lost) — no cell editor opens, the tree
renames nothing, the text fields are read-only; the file stays as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from spbgui.store.database import open_database
from spbgui.ui.main_window import MainWindow
from spbgui.ui.table_models import AgreementsModel, EventsModel
from tests.ui import gestures


def test_nothing_can_be_typed_into_a_read_only_database(
    qtbot, sample_db, db_path: Path, messages
) -> None:
    sample_db.close()
    before = db_path.read_bytes()
    ro = open_database(db_path, readonly=True)
    window = MainWindow(ro)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.details.partner
    assert window.details.currentWidget() is page
    for table, column in (
        (page.events.table, EventsModel.TEXT),
        (page.events.table, EventsModel.DATE),
        (page.agreements.table, AgreementsModel.TITLE),
    ):
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, column))
        gestures.type_text(table, "x")
        QTest.keyClick(table, Qt.Key.Key_F2)
        assert QApplication.focusWidget() is table, f"an editor opened in {table.objectName()}"
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is window.tree, "the tree opened a rename"
    for field in (page.events.text, page.name, page.note):
        assert field.isReadOnly(), field.objectName()
    window.tree.setCurrentIndex(window.tree.currentIndex().parent())
    summary = window.details.summary
    assert summary.name.isReadOnly() and summary.note.isReadOnly()
    assert messages == []
    window.close()
    assert db_path.read_bytes() == before
