"""The tree from the keyboard only: where the keys are when the window opens, and the keys
a clerk uses to walk the tree without a mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui import gestures


def test_the_window_opens_with_the_keyboard_in_the_tree(qtbot, window) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.tree
    first = window.tree.current_ref()
    assert first is not None
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the very first key pressed
    assert window.tree.current_ref() not in (None, first)


def _enter(qtbot, window) -> None:
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    QTest.keyClick(window.tree, Qt.Key.Key_Return)


def test_enter_on_a_partner_goes_to_its_page_and_the_typing_lands_there(
    qtbot, window, select_partner
) -> None:
    select_partner("Будапешт")
    _enter(qtbot, window)
    page = window.details.partner
    assert QApplication.focusWidget() is page.name
    QTest.keyClick(page.name, Qt.Key.Key_End)
    gestures.type_text(page.name, " (Венгрия)")
    QTest.keyClick(page.name, Qt.Key.Key_Tab)  # the name is saved as the field is left
    qtbot.waitUntil(lambda: window.tree.current_ref() is not None)
    from spbgui.services import details

    shown = details.partner(db=window.db, partner_id=window.tree.current_ref().id)
    assert shown.name == "Будапешт (Венгрия)"


def test_enter_on_a_country_goes_to_its_page(qtbot, window) -> None:
    model = window.tree.model()
    region = model.index(0, 0)
    window.tree.setCurrentIndex(model.index(0, 0, region))  # the first country
    _enter(qtbot, window)
    assert QApplication.focusWidget() is window.details.summary.name


def test_enter_while_renaming_keeps_the_keyboard_in_the_tree(qtbot, window, select_partner) -> None:
    select_partner("Будапешт")
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not window.tree and window.tree.isAncestorOf(editor)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
