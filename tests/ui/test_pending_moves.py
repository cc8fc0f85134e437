"""A date typed and refused on the shown partner, then the partner moved or deleted from the
tree: a move keeps the clerk on the partner (no «you are leaving» question, the typing stays);
a confirmed delete takes the typing with the partner, with no question about a partner gone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from spbgui.services import details
from spbgui.services.changes import NodeRef
from spbgui.ui.dialogs import ConfirmDialog, MoveDialog
from tests.ui.gestures import type_text
from tests.ui.test_tree_edits import _answer, _country

CTRL = Qt.KeyboardModifier.ControlModifier


def _refused_date_typed(qtbot, window) -> None:
    table = window.details.partner.events.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(editor, "31 июня")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.details.pending()))


def test_moving_the_partner_keeps_what_was_typed_on_it(
    qtbot, window, select_partner, monkeypatch, pending_questions
) -> None:
    pid = select_partner("Ташкент")
    _refused_date_typed(qtbot, window)
    window.tree.setFocus()
    _answer(monkeypatch, MoveDialog, _country(window, "Венгрия").id)
    QTest.keyClick(window.tree, Qt.Key.Key_M, CTRL)
    assert details.partner(db=window.db, partner_id=pid).country == "Венгрия"
    assert pending_questions == []  # the clerk did not leave the partner
    assert window.tree.current_ref() == NodeRef.partner(pid)
    assert window.details.ref == NodeRef.partner(pid)
    (draft,) = window.details.partner.events.model.drafts()
    assert draft[2] == "31 июня"  # still in its cell, to correct


def test_deleting_the_partner_asks_nothing_more_than_the_confirmation(
    qtbot, window, select_partner, monkeypatch, pending_questions
) -> None:
    pid = select_partner("Ташкент")
    uz = _country(window, "Узбекистан")
    _refused_date_typed(qtbot, window)
    asked: list[tuple] = []
    _answer(monkeypatch, ConfirmDialog, True, asked)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(asked) == 1 and details.partner(db=window.db, partner_id=pid) is None
    assert pending_questions == []  # its events went with it, confirmed
    assert window.tree.current_ref() == uz == window.details.ref
    assert window.details.pending() == []
