"""Columns of the agreements and events tables widened by dragging their header are as wide
when the window is opened again, as the splitters are."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QHeaderView

from spbgui.store.database import open_database


def _mouse(widget, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:
    local = QPointF(pos)
    event = QMouseEvent(
        kind,
        local,
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def _drag_right_edge(header: QHeaderView, section: int, by: int) -> None:
    """Drag the divider after ``section`` by ``by`` pixels, as the mouse does."""
    edge = header.sectionViewportPosition(section) + header.sectionSize(section) - 1
    y = header.height() // 2
    target = header.viewport()
    left = Qt.MouseButton.LeftButton
    _mouse(target, QEvent.Type.MouseButtonPress, QPoint(edge, y), left)
    for step in range(1, 5):
        _mouse(target, QEvent.Type.MouseMove, QPoint(edge + by * step // 4, y), left)
    _mouse(target, QEvent.Type.MouseButtonRelease, QPoint(edge + by, y), Qt.MouseButton.NoButton)


def test_column_widths_are_remembered(qtbot, window, select_partner, db_path: Path) -> None:
    from spbgui.ui.main_window import MainWindow

    select_partner("Ташкент")
    events = window.details.partner.events.table.horizontalHeader()
    agreements = window.details.partner.agreements.table.horizontalHeader()
    date_before, dates_before = events.sectionSize(0), agreements.sectionSize(1)
    _drag_right_edge(events, 0, 40)
    _drag_right_edge(agreements, 1, -30)
    date_width, dates_width = events.sectionSize(0), agreements.sectionSize(1)
    assert date_width > date_before and dates_width < dates_before  # the drags took
    window.close()

    again = MainWindow(open_database(db_path))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    partner = again.details.partner
    assert partner.events.table.horizontalHeader().sectionSize(0) == date_width
    assert partner.agreements.table.horizontalHeader().sectionSize(1) == dates_width
    # last year's events, for reference, are laid out as this year's
    assert partner.events.previous_table.horizontalHeader().sectionSize(0) == date_width
    again.close()
