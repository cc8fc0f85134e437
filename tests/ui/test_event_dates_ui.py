"""Typing event dates the way a clerk does (issue 15): into the events table and the entry line.

Keys go to the widgets (F2 on the table, the text into the cell's editor, Enter), the
questions are answered through their ``ask()`` (tests/ui/conftest.py ``date_answers``),
and what is stored is read back through the services.
"""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from spbgui.services import details, records
from spbgui.ui.actions import ActionId
from spbgui.ui.date_questions import YearChoice
from spbgui.ui.table_models import NOT_UNDERSTOOD_BACKGROUND, EventsModel
from tests.ui.gestures import type_text


def _type_into_date_cell(qtbot, events, row: int, text: str, answers=None) -> None:
    """Select the cell, F2, select what is there, type, Enter: as a clerk edits a date.

    With ``answers``, a question is expected: wait until it has been asked and answered.
    """
    asked = len(answers.asked) if answers is not None else 0
    table = events.table
    table.setFocus()
    table.setCurrentIndex(events.model.index(row, EventsModel.DATE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.objectName() == "dateEditor"
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt 6 commits the editor's text queued
    if answers is not None:  # the questions come once the editor has closed
        qtbot.waitUntil(lambda: len(answers.asked) > asked)
    else:
        cell = events.model.index(row, EventsModel.DATE)
        qtbot.waitUntil(lambda: cell.data() == " ".join(text.split()))


def _type_new_event(qtbot, events, date: str, text: str) -> None:
    events.new_date.setFocus()
    type_text(events.new_date, date)
    qtbot.keyClick(events.new_date, Qt.Key.Key_Return)  # on to the text field
    type_text(events.new_text, text)
    qtbot.keyClick(events.new_text, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("1 и 3 октября", "2024-10-01", "2024-10-03"),
        ("5, 7 и 9 июня", "2024-06-05", "2024-06-09"),
        ("конец марта", "2024-03", "2024-03"),
        ("вторая половина августа", "2024-08", "2024-08"),
        ("III квартал", "2024-07", "2024-09"),
        ("1 полугодие", "2024-01", "2024-06"),
        ("28.02.2024 – 02.03.2024", "2024-02-28", "2024-03-02"),
        ("4-5.06", "2024-06-04", "2024-06-05"),
        ("09.12.2024", "2024-12-09", "2024-12-09"),
        ("6 декабря 2024 года", "2024-12-06", "2024-12-06"),
        ("1-3 октября 2024 г.", "2024-10-01", "2024-10-03"),
    ],
)
def test_a_date_typed_into_the_table_is_stored_at_its_ends_and_shown_as_typed(
    qtbot, window, select_partner, date_answers, typed: str, start: str, end: str
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    event_id = events.model.record(0).id
    _type_into_date_cell(qtbot, events, 0, typed)
    stored = details.event(db=window.db, event_id=event_id)
    assert stored is not None
    assert (stored.date.start_iso(), stored.date.end_iso()) == (start, end)
    assert stored.date_text == typed
    assert events.model.index(0, EventsModel.DATE).data() == typed
    assert date_answers.asked == []
    # the sorting by date uses the ends
    window.actions_[ActionId.SORT_EVENTS].trigger()
    dated = [e for e in details.events(db=window.db, partner_id=pid, year=2024) if e.date.start]
    assert [(e.date.start, e.date.end) for e in dated] == sorted(
        (e.date.start, e.date.end) for e in dated
    )


def test_an_impossible_date_names_the_problem_and_saves_nothing(
    qtbot, window, select_partner, date_answers
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    before = details.events(db=window.db, partner_id=pid, year=2024)
    _type_into_date_cell(qtbot, events, 0, "31.02.2024", date_answers)
    assert date_answers.asked == [("keep", "31.02.2024", "Нет такой даты: 31 февраля 2024 г.")]
    assert details.events(db=window.db, partner_id=pid, year=2024) == before
    cell = events.model.index(0, EventsModel.DATE)
    assert cell.data() == "31.02.2024"  # what was typed stays in the cell, as a draft
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Нет такой даты: 31 февраля 2024 г."


def test_a_date_not_understood_is_kept_as_written_marked_and_listed_until_fixed(
    qtbot, window, select_partner, date_answers
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    event_id = events.model.record(1).id
    dated_before = records.counts(db=window.db, year=2024).dated_events
    date_answers.keep_as_written = True
    _type_into_date_cell(qtbot, events, 1, "весной, после выборов", date_answers)
    assert [a[:2] for a in date_answers.asked] == [("keep", "весной, после выборов")]
    assert date_answers.asked[0][2].startswith("Не удалось понять дату «весной, после выборов»")
    stored = details.event(db=window.db, event_id=event_id)
    assert stored is not None and stored.date.not_understood
    assert stored.date_text == "весной, после выборов"
    assert records.counts(db=window.db, year=2024).dated_events == dated_before - 1
    cell = events.model.index(1, EventsModel.DATE)
    assert cell.data() == "весной, после выборов"
    assert events.model.draft(cell) is None  # saved, not a draft
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == NOT_UNDERSTOOD_BACKGROUND
    assert "not understood" in cell.data(Qt.ItemDataRole.ToolTipRole)  # no translator in tests

    # Edit → Dates Not Understood lists it, and the tree keeps only its partner
    action = window.actions_[ActionId.DATES_NOT_UNDERSTOOD]
    assert action in window.findChild(QMenu, "menuEdit").actions()
    action.trigger()
    panel = window.search
    assert panel.isVisible() and panel.not_understood
    assert [(h.id, h.date_text) for h in panel.model.hits] == [(event_id, "весной, после выборов")]
    assert "1" in panel.summary.text()
    assert panel.result is not None and panel.result.partners == frozenset({pid})

    # the clerk fixes the date from the list: the list empties, the count comes back
    panel.eventActivated.emit(panel.model.hits[0])
    events = window.details.partner.events
    _type_into_date_cell(qtbot, events, events.model.row_for(event_id), "по плану", date_answers)
    assert date_answers.asked[-1][:2] == ("keep", "по плану")  # still not a date: asked again
    date_answers.keep_as_written = False
    _type_into_date_cell(qtbot, events, events.model.row_for(event_id), "середина мая")
    stored = details.event(db=window.db, event_id=event_id)
    assert stored is not None and stored.date.start_iso() == "2024-05"
    assert stored.date_text == "середина мая"
    assert panel.model.hits == []
    assert records.counts(db=window.db, year=2024).dated_events == dated_before
    # Esc in the search field leaves the filter
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert not panel.not_understood and not panel.isVisible()


def test_a_date_of_another_year_typed_into_the_table_can_move_the_event_there(
    qtbot, window, select_partner, date_answers
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    event_id = events.model.record(0).id
    before = details.events(db=window.db, partner_id=pid, year=2024)
    # «Cancel»: nothing changes
    _type_into_date_cell(qtbot, events, 0, "09.12.2023", date_answers)
    assert date_answers.asked == [("year", "09.12.2023", "2023", "2024")]
    assert details.events(db=window.db, partner_id=pid, year=2024) == before
    # «Put in 2023»: the event goes to the 2023 table, and the window follows it
    date_answers.year_choice = YearChoice.MOVE
    _type_into_date_cell(qtbot, events, 0, "09.12.2023", date_answers)
    moved = details.event(db=window.db, event_id=event_id)
    assert moved is not None and moved.year == 2023
    assert (moved.date.start_iso(), moved.date_text) == ("2023-12-09", "09.12.2023")
    assert window.editor.year == 2023
    assert [e.id for e in window.details.partner.events.model.rows()] == [event_id]
    window.actions_[ActionId.UNDO].trigger()
    back = details.event(db=window.db, event_id=event_id)
    assert back is not None and back.year == 2024 and back.date == before[0].date


def test_a_date_of_another_year_can_stay_in_the_table_s_year(
    qtbot, window, select_partner, date_answers
) -> None:
    select_partner("Ташкент")
    events = window.details.partner.events
    event_id = events.model.record(0).id
    date_answers.year_choice = YearChoice.KEEP
    _type_into_date_cell(qtbot, events, 0, "28.12.2023", date_answers)
    kept = details.event(db=window.db, event_id=event_id)
    assert kept is not None and kept.year == 2024
    assert (kept.date.start_iso(), kept.date_text) == ("2023-12-28", "28.12.2023")
    tip = events.model.index(0, EventsModel.DATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "2023" in tip and "2024" in tip


def test_the_entry_line_takes_every_form_and_asks_about_the_rest(
    qtbot, window, select_partner, date_answers
) -> None:
    pid = select_partner("Ош")
    events = window.details.partner.events
    _type_new_event(qtbot, events, "2 и 4 июля", "дни культуры")
    last = details.events(db=window.db, partner_id=pid, year=2024)[-1]
    assert (last.date_text, last.date.start_iso(), last.date.end_iso(), last.text) == (
        "2 и 4 июля",
        "2024-07-02",
        "2024-07-04",
        "дни культуры",
    )
    # another year, said while typing and asked on Enter
    events.new_date.setFocus()
    type_text(events.new_date, "09.12.2023")
    assert events.new_error.isVisibleTo(events) and "2023" in events.new_error.text()
    assert not events.new_date.property("error")  # a note, not an error
    events.new_date.clear()
    date_answers.year_choice = YearChoice.MOVE
    _type_new_event(qtbot, events, "09.12.2023", "итоги года")
    in_2023 = details.events(db=window.db, partner_id=pid, year=2023)
    assert [(e.date_text, e.text) for e in in_2023] == [("09.12.2023", "итоги года")]
    # a text that is no date, kept as written when the clerk says so
    window.editor.set_year(2024)
    select_partner("Ош")
    events = window.details.partner.events
    date_answers.keep_as_written = True
    _type_new_event(qtbot, events, "по согласованию", "визит мэра")
    last = details.events(db=window.db, partner_id=pid, year=2024)[-1]
    assert (last.date.not_understood, last.date_text, last.text) == (
        True,
        "по согласованию",
        "визит мэра",
    )
