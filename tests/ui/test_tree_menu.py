"""The tree's context menu offers every addition it can hold: a region too (a right click on
the tree, even below its last row, is where a clerk looks for «add»)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from spbgui.services import details
from spbgui.ui.dialogs import NameDialog
from tests.ui.test_tree_edits import _answer


def test_add_region_from_the_tree_menu(window, monkeypatch) -> None:
    _answer(monkeypatch, NameDialog, "Океания")
    viewport = window.tree.viewport()
    pos = QPoint(20, viewport.height() - 5)  # below the rows
    shown: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            return
        shown.extend(a.objectName() for a in menu.actions() if not a.isSeparator())
        wanted = next((a for a in menu.actions() if a.objectName() == "actionAddRegion"), None)
        if wanted is None:
            menu.close()  # (the test fails below, instead of waiting on an open menu)
            return
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(wanted).center())

    QTimer.singleShot(50, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    assert "actionAddRegion" in shown
    assert "Океания" in [name for _id, name, _c in details.regions_and_countries(db=window.db)]
    assert window.details.summary.heading.text() == "Океания"  # added and selected
