"""What a clerk is typing is written, not dropped, when the view changes under the field:
a year switched by Ctrl+PgDown, F5, a button that takes no focus, Undo from the menu.

Each of these leaves the keyboard focus where it was, so the field never hears that
editing is over; the window must write the value first (or, for Undo, undo the typing
as Ctrl+Z in the field would). Keys go to the focused widget, as a keyboard's do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from spbgui.services import details
from spbgui.ui.actions import ActionId
from spbgui.ui.table_models import AgreementsModel, EventsModel
from tests.ui import gestures


def _press_on_focus(sequence: str) -> None:
    gestures.press(QApplication.focusWidget(), sequence)
    QApplication.processEvents()


def _texts(window, pid: int, year: int = 2024) -> list[str]:
    return [e.text for e in details.events(db=window.db, partner_id=pid, year=year)]


def test_ctrl_pgdown_with_a_cell_being_typed_writes_it_first(
    window, select_partner, pending_questions
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    gestures.type_over_cell(events.table, 0, EventsModel.TEXT, "визит мэра, уточнённый")
    _press_on_focus("Ctrl+PgDown")
    assert window.editor.year == 2025
    assert _texts(window, pid)[0] == "визит мэра, уточнённый"
    window.actions_[ActionId.UNDO].trigger()  # one step of the history, as any edit
    assert _texts(window, pid)[0] != "визит мэра, уточнённый"


def test_ctrl_pgdown_with_an_agreement_cell_being_typed_writes_it_first(
    window, select_partner
) -> None:
    pid = select_partner("Ташкент")
    agreements = window.details.partner.agreements
    gestures.type_over_cell(agreements.table, 0, AgreementsModel.NOTE, "продлено до 2030")
    _press_on_focus("Ctrl+PgDown")
    assert window.editor.year == 2025
    assert details.agreements(db=window.db, partner_id=pid)[0].note == "продлено до 2030"


def test_ctrl_pgdown_with_the_full_text_being_typed_writes_it_first(window, select_partner) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    events.table.setFocus()
    events.table.setCurrentIndex(events.model.index(0, EventsModel.TEXT))
    events.text.setFocus()
    events.text.moveCursor(events.text.textCursor().MoveOperation.End)
    gestures.type_text(events.text, " Подписан протокол.")
    _press_on_focus("Ctrl+PgDown")
    assert window.editor.year == 2025
    assert _texts(window, pid)[0].endswith(" Подписан протокол.")


def test_ctrl_pgdown_with_the_partner_name_being_typed_writes_it_first(
    window, select_partner
) -> None:
    pid = select_partner("Ташкент")
    page = window.details.partner
    page.name.setFocus()
    page.name.selectAll()
    gestures.type_text(page.name, "Ташкент (хокимият)")
    _press_on_focus("Ctrl+PgDown")
    assert details.partner(db=window.db, partner_id=pid).name == "Ташкент (хокимият)"
    assert page.name.text() == "Ташкент (хокимият)"


def test_f5_with_a_cell_being_typed_writes_it_first(window, select_partner) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    gestures.type_over_cell(events.table, 1, EventsModel.TEXT, "форум, дополнено")
    _press_on_focus("F5")
    assert _texts(window, pid)[1] == "форум, дополнено"


def test_the_sort_button_with_the_full_text_being_typed_writes_it_first(
    window, select_partner
) -> None:
    select_partner("Ташкент")
    events = window.details.partner.events
    first = events.model.record(0)
    events.table.setFocus()
    events.table.setCurrentIndex(events.model.index(0, EventsModel.TEXT))
    events.text.setFocus()
    events.text.selectAll()
    gestures.type_text(events.text, "совсем другой текст")
    gestures.click(events.sort_button)  # a flat button: the focus stays in the text
    QApplication.processEvents()
    assert details.event(db=window.db, event_id=first.id).text == "совсем другой текст"


def test_menu_undo_while_typing_undoes_the_typing_as_ctrl_z_does(window, select_partner) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    events.model.setData(events.model.index(1, EventsModel.TEXT), "исправлено раньше")
    events.table.setFocus()
    events.table.setCurrentIndex(events.model.index(0, EventsModel.TEXT))
    events.text.setFocus()
    stored = events.text.toPlainText()
    events.text.moveCursor(events.text.textCursor().MoveOperation.End)
    gestures.type_text(events.text, " и ещё")
    assert events.text.toPlainText() == stored + " и ещё"
    window.actions_[ActionId.UNDO].trigger()  # Правка → Отменить, the focus in the text
    # The typing is undone in the field, as Ctrl+Z there would; the earlier edit stays.
    assert _texts(window, pid)[1] == "исправлено раньше"
    assert events.text.toPlainText() == stored
    _press_on_focus("Ctrl+Y")  # and back, as in any text field
    assert events.text.toPlainText() == stored + " и ещё"  # nothing typed is gone
    window.tree.setFocus()
    assert _texts(window, pid)[0] == stored + " и ещё"
    assert _texts(window, pid)[1] == "исправлено раньше"


def test_menu_undo_from_a_field_with_nothing_typed_undoes_the_last_edit(
    window, select_partner
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    before = _texts(window, pid)[1]
    events.model.setData(events.model.index(1, EventsModel.TEXT), "исправлено")
    events.new_date.setFocus()
    window.actions_[ActionId.UNDO].trigger()
    assert _texts(window, pid)[1] == before


def test_ctrl_z_right_after_adding_an_event_by_enter_takes_the_event_back(
    window, select_partner
) -> None:
    pid = select_partner("Ош")
    events = window.details.partner.events
    before = _texts(window, pid)
    gestures.press(QApplication.focusWidget() or window, "Ctrl+E")
    gestures.type_text(events.new_date, "12.07")
    QTest.keyClick(events.new_date, Qt.Key.Key_Return)
    gestures.type_text(events.new_text, "визит делегации")
    QTest.keyClick(events.new_text, Qt.Key.Key_Return)
    assert _texts(window, pid) == [*before, "визит делегации"]
    assert QApplication.focusWidget() is events.new_date  # ready for the next one
    _press_on_focus("Ctrl+Z")
    assert _texts(window, pid) == before
    assert events.new_date.text() == events.new_text.text() == ""


def test_move_up_from_the_events_full_text_moves_the_event_not_the_partner(
    window, select_partner
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    order = [e.id for e in details.events(db=window.db, partner_id=pid, year=2024)]
    partners_before = gestures.tree_names(window.model)
    events.table.setFocus()
    events.table.setCurrentIndex(events.model.index(2, EventsModel.TEXT))
    events.text.setFocus()
    events.text.moveCursor(events.text.textCursor().MoveOperation.End)
    gestures.type_text(events.text, " (уточнено)")
    _press_on_focus("Ctrl+Shift+Up")
    now = details.events(db=window.db, partner_id=pid, year=2024)
    assert [e.id for e in now] == [order[0], order[2], order[1], *order[3:]]
    assert now[1].text.endswith(" (уточнено)")  # written first, to its own event
    assert gestures.tree_names(window.model) == partners_before
