"""An event across New Year («28.12.2024 – 05.01.2025»), written with its years as the date
rules allow: every place that reads it back (the partner's «last event», Sort Events by
Date, the first screen of a reopened window) shows it as written instead of failing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from spbgui.services import details
from spbgui.store.database import open_database
from spbgui.ui.actions import ActionId
from tests.ui.gestures import type_text

ACROSS = "28.12.2024 – 05.01.2025"


def _add_event(window, date: str, text: str) -> None:
    events = window.details.partner.events
    window.actions_[ActionId.ADD_EVENT].trigger()  # Ctrl+E: the new event's date field
    type_text(events.new_date, date)
    QTest.keyClick(events.new_date, Qt.Key.Key_Tab)
    type_text(events.new_text, text)
    QTest.keyClick(events.new_text, Qt.Key.Key_Return)


def test_an_event_across_new_year_is_shown_sorted_and_reopened(
    qtbot, window, select_partner, messages, db_path
) -> None:
    from spbgui.ui.main_window import MainWindow

    pid = select_partner("Ош")
    _add_event(window, ACROSS, "Новогодний фестиваль")
    _add_event(window, "3-6 июля", "Дни культуры")
    assert [e.date_text for e in details.events(db=window.db, partner_id=pid, year=2024)][-2:] == [
        ACROSS,
        "3-6 июля",
    ]
    assert messages == []  # no «unexpected error»
    answers = window.details.partner.answers
    assert ACROSS in answers.last_event.text()

    window.actions_[ActionId.SORT_EVENTS].trigger()
    assert messages == []
    dates = [e.date_text for e in details.events(db=window.db, partner_id=pid, year=2024)]
    assert dates[-1] == ACROSS  # it ends last, in the next year

    window.close()
    again = MainWindow(open_database(db_path))  # its first screen reads without SQLAlchemy
    qtbot.addWidget(again)
    again.show()
    assert again.tree.current_ref() is not None
    select = again.tree.select_ref
    from spbgui.services.changes import NodeRef

    assert select(again.db, NodeRef.partner(pid))
    assert ACROSS in again.details.partner.answers.last_event.text()
    assert messages == []
    again.close()


def test_the_history_of_a_date_moved_across_new_year(qtbot, window, select_partner, messages):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from spbgui.ui.history_dialog import HistoryDialog

    pid = select_partner("Ташкент")
    table = window.details.partner.events.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(editor, ACROSS)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: details.events(db=window.db, partner_id=pid, year=2024)[0].date_text == ACROSS
    )
    table.setFocus()
    seen: list[str] = []

    def read_and_close() -> None:
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, HistoryDialog) and dialog.isVisible():
                dialog.everything.setChecked(True)  # every record's changes
                t = dialog.table
                seen.extend(
                    t.item(r, c).text() if t.item(r, c) else ""
                    for r in range(t.rowCount())
                    for c in range(t.columnCount())
                )
                dialog.reject()

    QTimer.singleShot(200, read_and_close)
    window.actions_[ActionId.HISTORY].trigger()  # Ctrl+H: the selected partner's changes
    assert messages == []
    assert any(ACROSS in cell for cell in seen), seen
