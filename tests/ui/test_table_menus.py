"""A right click on an agreement or an event opens a menu of what can be done with it, and its
entries act on the row clicked (the record actions of the Records and Edit menus)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QTableView

from spbgui.services import details, tree
from spbgui.ui.dialogs import ConfirmDialog
from tests.ui.test_tree_edits import _answer, _country


def _right_click_and_choose(table: QTableView, row: int, action_name: str) -> list[str]:
    """Right-click the row's text cell; choose ``action_name`` from the menu (a click on it).
    Returns the names of the menu's entries."""
    pos = table.visualRect(table.model().index(row, 1)).center()
    viewport = table.viewport()
    shown: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            return
        shown.extend(a.objectName() for a in menu.actions() if not a.isSeparator())
        wanted = next((a for a in menu.actions() if a.objectName() == action_name), None)
        if wanted is None or not wanted.isEnabled():
            menu.close()  # (the test fails on what it finds, instead of waiting on a menu)
            return
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(wanted).center())

    QTest.mousePress(viewport, Qt.MouseButton.RightButton, pos=pos)
    QTest.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=pos)
    QTimer.singleShot(50, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    return shown


def test_the_events_menu_deletes_and_copies_the_row_clicked(window, select_partner) -> None:
    pid = select_partner("Ташкент")
    events = details.events(db=window.db, partner_id=pid, year=2024)
    table = window.details.partner.events.table
    shown = _right_click_and_choose(table, 2, "actionDelete")
    assert {"actionAddEvent", "actionCopy", "actionPaste", "actionDelete"} <= set(shown)
    left = details.events(db=window.db, partner_id=pid, year=2024)
    assert [e.id for e in left] == [e.id for e in events if e.id != events[2].id]

    _right_click_and_choose(table, 0, "actionCopy")
    assert left[0].text in QGuiApplication.clipboard().text()


def test_the_agreements_menu_deletes_the_row_clicked(window, monkeypatch) -> None:
    belarus = _country(window, "Белоруссия")
    (whole,) = [
        r
        for r in tree.partners(db=window.db, country_id=belarus.id, year=2024)
        if r.is_country_as_whole
    ]
    assert window.tree.select_ref(window.db, whole.ref)  # its agreements as a country
    pid = whole.ref.id
    before = details.agreements(db=window.db, partner_id=pid)
    assert len(before) >= 2
    asked: list[tuple] = []
    _answer(monkeypatch, ConfirmDialog, True, asked)
    table = window.details.partner.agreements.table
    shown = _right_click_and_choose(table, 1, "actionDelete")
    assert {"actionAddAgreement", "actionDelete", "actionMoveUp"} <= set(shown)
    assert len(asked) == 1
    after = details.agreements(db=window.db, partner_id=pid)
    assert [a.id for a in after] == [a.id for a in before if a.id != before[1].id]
