"""Undo and redo through a delete and its undo, in one window: a record brought back by
Ctrl+Z is the very record the earlier steps of the history wrote, so undoing those
steps goes through without a word — no «someone else changed it» about one's own edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from spbgui.services import details
from spbgui.services.changes import NodeRef
from spbgui.ui.dialogs import ConfirmDialog, ConflictDialog
from spbgui.ui.table_models import EventsModel
from spbgui.ui.undo_conflict import UndoConflictDialog
from tests.ui import gestures


def _no_conflicts(monkeypatch) -> list[str]:
    asked: list[str] = []

    def choose(cls, parent, error):
        asked.append(str(error))
        return "cancel"

    monkeypatch.setattr(UndoConflictDialog, "choose", classmethod(choose))
    monkeypatch.setattr(
        ConflictDialog, "ask", classmethod(lambda cls, p, e: asked.append(str(e)) or False)
    )
    return asked


def _keys(*sequences: str) -> None:
    for sequence in sequences:
        gestures.press(QApplication.focusWidget(), sequence)
        QApplication.processEvents()


def test_edit_delete_undo_undo_redo_redo_of_an_event(
    window, select_partner, monkeypatch, messages
) -> None:
    conflicts = _no_conflicts(monkeypatch)
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    original = events.model.record(0)
    events.table.setFocus()
    events.table.setCurrentIndex(events.model.index(0, EventsModel.TEXT))
    QTest.keyClick(events.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    gestures.type_text(editor, "визит, исправлено")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert details.event(db=window.db, event_id=original.id).text == "визит, исправлено"
    events.table.setFocus()
    _keys("Del")
    assert details.event(db=window.db, event_id=original.id) is None
    _keys("Ctrl+Z", "Ctrl+Z")  # the delete, then the edit
    assert conflicts == [] and messages == []
    assert details.event(db=window.db, event_id=original.id).text == original.text
    _keys("Ctrl+Y", "Ctrl+Y")
    assert conflicts == [] and messages == []
    assert details.event(db=window.db, event_id=original.id) is None
    _keys("Ctrl+Z")
    assert details.event(db=window.db, event_id=original.id).text == "визит, исправлено"
    assert details.events(db=window.db, partner_id=pid, year=2024)[0].id == original.id


def test_rename_delete_undo_undo_of_a_partner(
    window, select_partner, monkeypatch, messages
) -> None:
    conflicts = _no_conflicts(monkeypatch)
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a: True))
    pid = select_partner("Ташкент")
    window.tree.setFocus()
    _keys("F2")
    editor = QApplication.focusWidget()
    editor.selectAll()
    gestures.type_text(editor, "Ташкент-Сити")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert details.partner(db=window.db, partner_id=pid).name == "Ташкент-Сити"
    window.tree.setFocus()
    _keys("Del")
    assert details.partner(db=window.db, partner_id=pid) is None
    _keys("Ctrl+Z", "Ctrl+Z")
    assert conflicts == [] and messages == []
    assert details.partner(db=window.db, partner_id=pid).name == "Ташкент"
    assert window.tree.current_ref() == NodeRef.partner(pid)
