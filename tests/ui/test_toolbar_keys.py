"""Keys pressed on the toolbar's year selector are not record commands: Del there must not
start deleting the node selected in the tree (the Delete action is on the toolbar too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from spbgui.services import details
from spbgui.ui.dialogs import ConfirmDialog
from tests.ui.test_tree_edits import _answer


def test_delete_on_the_year_selector_deletes_nothing(window, select_partner, monkeypatch) -> None:
    pid = select_partner("Ташкент")
    asked: list[tuple] = []
    _answer(monkeypatch, ConfirmDialog, True, asked)
    window.year_selector.setFocus()
    QTest.keyClick(window.year_selector, Qt.Key.Key_Delete)
    assert asked == []
    assert details.partner(db=window.db, partner_id=pid) is not None
    assert not window.editor.stack.canUndo()
    window.tree.setFocus()  # in the tree the key still deletes, after the question
    QTest.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(asked) == 1 and details.partner(db=window.db, partner_id=pid) is None
