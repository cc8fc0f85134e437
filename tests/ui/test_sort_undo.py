"""Records → Sort Events by Date on events already in order: no step in the undo history
that changes nothing (Ctrl+Z would seem not to work, and take two presses)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from spbgui.services import details
from spbgui.ui.actions import ActionId

CTRL = Qt.KeyboardModifier.ControlModifier


def _dates(window, pid: int) -> list[str]:
    return [e.date_text for e in details.events(db=window.db, partner_id=pid, year=2024)]


def test_a_sort_that_changes_nothing_is_not_an_undo_step(window, select_partner) -> None:
    pid = select_partner("Ташкент")
    unsorted = _dates(window, pid)
    window.actions_[ActionId.SORT_EVENTS].trigger()
    in_order = _dates(window, pid)
    assert in_order != unsorted  # the sample's order is not by date
    steps = window.editor.stack.count()
    window.actions_[ActionId.SORT_EVENTS].trigger()  # again: already in order
    assert _dates(window, pid) == in_order
    assert window.editor.stack.count() == steps
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_Z, CTRL)  # one Ctrl+Z takes the sort back
    assert _dates(window, pid) == unsorted
