"""The tree from the keyboard only: where the keys are when the window opens, and the keys
a clerk uses to walk the tree without a mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def test_the_window_opens_with_the_keyboard_in_the_tree(qtbot, window) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.tree
    first = window.tree.current_ref()
    assert first is not None
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the very first key pressed
    assert window.tree.current_ref() not in (None, first)
