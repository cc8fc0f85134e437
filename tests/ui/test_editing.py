"""The real window, offscreen, as staff use it: agreements and events added, edited, undone.

Dialogs are answered through their ``ask()`` classmethods; everything else is
driven through the widgets' own methods (``setText``, ``click``, the model's
``setData`` as a cell editor calls it, the actions' ``trigger``).
"""

from __future__ import annotations

import dataclasses

import pytest

from PySide6.QtCore import Qt

from spbgui.domain.dates import PartialDate, parse_agreement_dates, parse_event_date
from spbgui.services import details
from spbgui.services.edit import AgreementFields
from spbgui.ui.actions import ActionId
from spbgui.ui.dialogs import AgreementDialog
from spbgui.ui.table_models import AgreementsModel, EventsModel


def _undo(window) -> None:  # type: ignore[no-untyped-def]
    window.actions_[ActionId.UNDO].trigger()


def _redo(window) -> None:  # type: ignore[no-untyped-def]
    window.actions_[ActionId.REDO].trigger()


def test_selecting_a_partner_shows_its_agreements_and_events(window, select_partner) -> None:  # type: ignore[no-untyped-def]
    select_partner("Ташкент")
    page = window.details.partner
    assert page.heading.text() == "Ташкент"
    assert page.agreements.table.model().rowCount() == 1
    assert page.events.table.model().rowCount() == 10
    assert page.agreements.model.index(0, AgreementsModel.DATES).data() == "09.11.2017"
    first = page.events.model.index(0, EventsModel.DATE).data()
    assert first  # a date as staff write it
    assert (
        page.events.model.index(0, EventsModel.AGREEMENT)
        .data()
        .startswith(page.agreements.model.rows()[0].title[:20])
    )


def test_add_an_agreement_with_typed_dates_then_undo_and_redo(  # type: ignore[no-untyped-def]
    window, select_partner, monkeypatch
) -> None:
    pid = select_partner("Ош")
    fields = AgreementFields(
        "Соглашение о культурном обмене", tuple(parse_agreement_dates("2009, 2024"))
    )
    monkeypatch.setattr(AgreementDialog, "ask", classmethod(lambda cls, parent, partner: fields))
    window.actions_[ActionId.ADD_AGREEMENT].trigger()
    model = window.details.partner.agreements.model
    titles = [r.title for r in model.rows()]
    assert "Соглашение о культурном обмене" in titles
    row = titles.index("Соглашение о культурном обмене")
    assert model.index(row, AgreementsModel.DATES).data() == "2009, 2024"
    new_id = model.rows()[row].id
    # The source text (the suite runs without a translator; test_translations has the Russian).
    assert window.actions_[ActionId.UNDO].text() == "&Undo add agreement"
    _undo(window)
    assert new_id not in [a.id for a in details.agreements(db=window.db, partner_id=pid)]
    _redo(window)
    assert new_id in [a.id for a in details.agreements(db=window.db, partner_id=pid)]  # same id


def test_agreement_dialog_refuses_a_bad_date_at_its_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AgreementDialog(None, "Ош")
    qtbot.addWidget(dialog)
    dialog.title.setPlainText("Протокол")
    dialog.dates.setText("31.06.2020")
    assert dialog.dates.property("error")
    assert dialog.error.isVisibleTo(dialog)
    assert not dialog._ok.isEnabled()
    dialog.dates.setText("июнь 2017 г.")
    assert dialog._ok.isEnabled()
    assert dialog.value().dates == (PartialDate(2017, 6),)


def test_add_an_event_with_a_typed_russian_date_then_undo_and_redo(window, select_partner) -> None:  # type: ignore[no-untyped-def]
    pid = select_partner("Ош")
    events = window.details.partner.events
    before = events.model.rowCount()
    events.new_date.setText("3-6 июля")
    events.new_text.setText("визит делегации мэрии")
    events.new_button.click()
    assert events.model.rowCount() == before + 1
    row = events.model.rows()[-1]
    assert (row.date_text, row.text) == ("3-6 июля", "визит делегации мэрии")
    assert events.new_date.text() == "" and events.new_text.text() == ""  # ready for the next
    assert events.table.currentIndex().row() == before  # the new event is selected
    # a month only, through Enter in the text field
    events.new_date.setText("Июнь")
    events.new_text.setText("неделя культуры")
    events.new_text.returnPressed.emit()
    stored = details.events(db=window.db, partner_id=pid, year=2024)
    assert [e.date_text for e in stored][-2:] == ["3-6 июля", "Июнь"]
    assert stored[-1].date == parse_event_date("Июнь", 2024)  # as typed
    _undo(window)
    _undo(window)
    assert len(details.events(db=window.db, partner_id=pid, year=2024)) == before
    assert events.model.rowCount() == before
    _redo(window)
    assert (
        details.events(db=window.db, partner_id=pid, year=2024)[-1].text == "визит делегации мэрии"
    )


def test_an_invalid_date_is_an_error_at_the_field_and_nothing_is_lost(
    window, select_partner
) -> None:  # type: ignore[no-untyped-def]
    pid = select_partner("Ош")
    events = window.details.partner.events
    before = details.events(db=window.db, partner_id=pid, year=2024)
    events.new_date.setText("31 июня")
    events.new_text.setText("текст, который нельзя потерять")
    assert events.new_date.property("error")  # shown while typing
    events.new_button.click()
    assert details.events(db=window.db, partner_id=pid, year=2024) == before
    assert events.new_error.isVisibleTo(events)
    assert "31 июня" in events.new_error.text() or "Нет такой даты" in events.new_error.text()
    assert events.new_text.text() == "текст, который нельзя потерять"
    assert events.new_date.text() == "31 июня"
    events.new_date.setText("30 июня")
    assert not events.new_date.property("error")
    events.new_button.click()
    assert details.events(db=window.db, partner_id=pid, year=2024)[-1].date_text == "30 июня"


def test_edit_in_place_with_an_invalid_date_keeps_the_draft_and_saves_nothing(  # type: ignore[no-untyped-def]
    window, select_partner
) -> None:
    pid = select_partner("Ташкент")
    model = window.details.partner.events.model
    before = details.events(db=window.db, partner_id=pid, year=2024)
    date_cell = model.index(0, EventsModel.DATE)
    assert model.setData(date_cell, "31 июня") is False
    assert date_cell.data() == "31 июня"  # what was typed stays in the cell
    assert date_cell.data(Qt.ItemDataRole.ToolTipRole)  # the reason, in words
    assert date_cell.data(Qt.ItemDataRole.BackgroundRole) is not None  # and a colour
    assert "июня" in (model.draft(date_cell) or ("", ""))[1]
    assert details.events(db=window.db, partner_id=pid, year=2024) == before
    # the rest of the row can still be edited and is saved
    assert model.setData(model.index(0, EventsModel.TEXT), "исправленный текст")
    assert details.events(db=window.db, partner_id=pid, year=2024)[0].text == "исправленный текст"
    assert model.index(0, EventsModel.DATE).data() == "31 июня"  # the draft survives
    # a correct date replaces the draft and is saved
    assert model.setData(date_cell, "29 января – 16 февраля")
    assert details.events(db=window.db, partner_id=pid, year=2024)[0].date_text == (
        "29 января – 16 февраля"
    )
    assert model.draft(date_cell) is None


def test_edit_an_event_then_undo_and_redo_each_field(window, select_partner, messages) -> None:  # type: ignore[no-untyped-def]
    pid = select_partner("Ташкент")
    model = window.details.partner.events.model
    original = details.events(db=window.db, partner_id=pid, year=2024)[1]
    model.setData(model.index(1, EventsModel.DATE), "Июнь")
    model.setData(model.index(1, EventsModel.AGREEMENT), None)
    stored = details.events(db=window.db, partner_id=pid, year=2024)[1]
    assert (stored.date_text, stored.agreement_id) == ("Июнь", None)
    _undo(window)
    assert messages == []
    assert details.events(db=window.db, partner_id=pid, year=2024)[1].agreement_id == (
        original.agreement_id
    )
    _undo(window)
    back = details.events(db=window.db, partner_id=pid, year=2024)[1]
    assert back.version > original.version  # every write counts, undo too
    assert dataclasses.replace(back, version=original.version) == original
    assert model.index(1, EventsModel.DATE).data() == original.date_text
    _redo(window)
    assert details.events(db=window.db, partner_id=pid, year=2024)[1].date_text == "Июнь"


def test_full_text_editor_saves_on_leaving(window, select_partner, qtbot) -> None:  # type: ignore[no-untyped-def]
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    events.focus_event(details.events(db=window.db, partner_id=pid, year=2024)[2].id)
    assert events.text.toPlainText() == events.model.rows()[2].text
    events.text.setPlainText("длинный текст\nв две строки")
    events.text.commit()
    assert details.events(db=window.db, partner_id=pid, year=2024)[2].text == (
        "длинный текст\nв две строки"
    )


def test_edit_agreement_in_place_and_delete_it_with_undo(  # type: ignore[no-untyped-def]
    window, select_partner, monkeypatch
) -> None:
    from spbgui.ui.dialogs import ConfirmDialog

    pid = select_partner("Ташкент")
    section = window.details.partner.agreements
    model = section.model
    assert model.setData(model.index(0, AgreementsModel.DATES), "09.11.2017, 2024")
    assert details.agreements(db=window.db, partner_id=pid)[0].dates_text == "09.11.2017, 2024"
    assert not model.setData(model.index(0, AgreementsModel.DATES), "не дата")
    assert model.index(0, AgreementsModel.DATES).data() == "не дата"
    assert details.agreements(db=window.db, partner_id=pid)[0].dates_text == "09.11.2017, 2024"
    asked: list[str] = []

    def answer(cls, parent, title, text, more="", accept=""):  # type: ignore[no-untyped-def]
        asked.append(f"{text} {more}")
        return True

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(answer))
    section.table.selectRow(0)
    agreement_id = model.rows()[0].id
    section.delete_button.click()
    assert asked and "10" in asked[0]  # says how many events lose their link
    assert details.agreements(db=window.db, partner_id=pid) == []
    assert all(
        e.agreement_id is None for e in details.events(db=window.db, partner_id=pid, year=2024)
    )
    _undo(window)
    assert details.agreements(db=window.db, partner_id=pid)[0].id == agreement_id
    assert all(
        e.agreement_id == agreement_id
        for e in details.events(db=window.db, partner_id=pid, year=2024)
    )


def test_delete_events_and_sort_by_date_with_undo(window, select_partner) -> None:  # type: ignore[no-untyped-def]
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    before = details.events(db=window.db, partner_id=pid, year=2024)
    events.table.selectRow(0)
    events.delete_button.click()
    assert [e.id for e in details.events(db=window.db, partner_id=pid, year=2024)] == [
        e.id for e in before[1:]
    ]
    _undo(window)
    assert details.events(db=window.db, partner_id=pid, year=2024) == before
    events.sort_button.click()
    after = details.events(db=window.db, partner_id=pid, year=2024)
    starts = [e.date.start for e in after if e.date.start is not None]
    assert starts == sorted(starts)
    _undo(window)
    assert details.events(db=window.db, partner_id=pid, year=2024) == before


@pytest.mark.parametrize("table", ["agreementsTable", "eventsTable"])
def test_table_models_pass_the_tester(window, select_partner, qtmodeltester, table) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTableView

    select_partner("Ташкент")
    view = window.findChild(QTableView, table)
    qtmodeltester.check(view.model(), force_py=True)
