"""A date of another year typed into the events table («12.07.2023» in the 2024 table):
until the clerk answers where the event goes, what was typed stays in its cell, and
leaving the partner, the year or the program asks about it like any value not saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from spbgui.services import details
from spbgui.ui.date_questions import YearChoice
from spbgui.ui.table_models import EventsModel
from tests.ui import gestures


def _type_date(table, row: int, text: str) -> QLineEdit:
    return gestures.type_over_cell(table, row, EventsModel.DATE, text)


def test_cancel_on_another_year_keeps_the_typed_date_in_its_cell(
    qtbot, window, select_partner, date_answers, pending_questions
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    before = details.events(db=window.db, partner_id=pid, year=2024)
    editor = _type_date(events.table, 0, "12.07.2023")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(date_answers.asked))
    assert date_answers.asked == [("year", "12.07.2023", "2023", "2024")]  # Cancel
    assert details.events(db=window.db, partner_id=pid, year=2024) == before
    cell = events.model.index(0, EventsModel.DATE)
    assert cell.data() == "12.07.2023"  # what was typed, still there to correct
    assert "2023" in cell.data(Qt.ItemDataRole.ToolTipRole)
    window.tree.setCurrentIndex(window.tree.currentIndex().parent())  # leaving asks
    assert pending_questions and "12.07.2023" in pending_questions[0][1][0]


def test_keep_in_this_year_after_cancel_writes_the_typed_date(
    qtbot, window, select_partner, date_answers
) -> None:
    select_partner("Ташкент")
    events = window.details.partner.events
    event_id = events.model.record(0).id
    QTest.keyClick(_type_date(events.table, 0, "12.07.2023"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(date_answers.asked))
    date_answers.year_choice = YearChoice.KEEP
    QTest.keyClick(_type_date(events.table, 0, "12.07.2023"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(date_answers.asked) == 2)
    stored = details.event(db=window.db, event_id=event_id)
    assert stored.year == 2024 and stored.date_text == "12.07.2023"
    assert events.model.drafts() == []


def test_quitting_with_a_date_of_another_year_in_an_open_cell_asks(
    qtbot, window, select_partner, date_answers, pending_questions
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    before = details.events(db=window.db, partner_id=pid, year=2024)
    _type_date(events.table, 0, "12.07.2023")
    gestures.press(QApplication.focusWidget(), "Ctrl+Q")
    assert pending_questions, "the window closed without a word about «12.07.2023»"
    assert "12.07.2023" in pending_questions[0][1][0]
    assert before[0].date_text != "12.07.2023"


def test_switching_the_year_with_a_date_of_another_year_in_an_open_cell_asks(
    qtbot, window, select_partner, date_answers, pending_questions, monkeypatch
) -> None:
    from spbgui.ui.dialogs import PendingDialog

    select_partner("Ташкент")
    events = window.details.partner.events
    _type_date(events.table, 0, "12.07.2023")
    monkeypatch.setattr(PendingDialog, "ask", classmethod(lambda cls, *a: False))  # go back
    gestures.press(QApplication.focusWidget(), "Ctrl+PgDown")
    assert window.editor.year == 2024
    assert events.model.index(0, EventsModel.DATE).data() == "12.07.2023"


def test_a_date_discarded_on_quitting_is_not_asked_about_afterwards(
    qtbot, window, select_partner, date_answers, pending_questions
) -> None:
    select_partner("Ташкент")
    events = window.details.partner.events
    _type_date(events.table, 0, "12.07.2023")
    gestures.press(QApplication.focusWidget(), "Ctrl+Q")  # «discard»: the window closes
    assert not window.isVisible()
    qtbot.wait(50)  # the question about the year would come now
    assert date_answers.asked == []


def test_dates_said_in_words_or_written_by_other_programs_are_stored_as_typed(
    qtbot, window, select_partner, date_answers
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    for typed, start, end in (
        ("с 1 по 3 марта", "2024-03-01", "2024-03-03"),
        ("2024-07-12", "2024-07-12", "2024-07-12"),
        ("12/07/2024 ", "2024-07-12", "2024-07-12"),
    ):
        QTest.keyClick(_type_date(events.table, 0, typed), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda t=typed: events.model.index(0, EventsModel.DATE).data() == t.strip())
        stored = details.events(db=window.db, partner_id=pid, year=2024)[0]
        assert (stored.date_text, stored.date.start_iso(), stored.date.end_iso()) == (
            typed.strip(),
            start,
            end,
        )
    assert date_answers.asked == []  # no «keep as written?» for any of them


def test_undoing_a_move_to_another_year_puts_the_event_back_in_its_place(
    qtbot, window, select_partner, date_answers
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    order = [e.id for e in details.events(db=window.db, partner_id=pid, year=2024)]
    moved = order[1]
    date_answers.year_choice = YearChoice.MOVE
    QTest.keyClick(_type_date(events.table, 1, "12.07.2023"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.year == 2023)
    assert details.event(db=window.db, event_id=moved).year == 2023
    gestures.press(QApplication.focusWidget() or window, "Ctrl+Z")
    assert [e.id for e in details.events(db=window.db, partner_id=pid, year=2024)] == order
    gestures.press(QApplication.focusWidget() or window, "Ctrl+Y")
    assert details.event(db=window.db, event_id=moved).year == 2023


def test_a_redo_that_shows_another_year_asks_about_a_refused_date_first(
    qtbot, window, select_partner, date_answers, pending_questions
) -> None:
    select_partner("Ташкент")
    events = window.details.partner.events
    date_answers.year_choice = YearChoice.MOVE
    QTest.keyClick(_type_date(events.table, 1, "12.07.2023"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.year == 2023)
    gestures.press(QApplication.focusWidget() or window, "Ctrl+Z")
    assert window.editor.year == 2024
    QTest.keyClick(_type_date(events.table, 0, "32 мая"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(events.model.drafts()))
    assert pending_questions == []
    gestures.press(QApplication.focusWidget() or window, "Ctrl+Y")  # the move again: 2023
    assert pending_questions and "32 мая" in pending_questions[0][1][0]
