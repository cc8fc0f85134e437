"""Search as you type, switching years, starting a new year, and every change still there
after the database is closed and opened again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from spbgui.services import details, records, years
from spbgui.services.changes import NodeKind
from spbgui.store.database import open_database
from spbgui.ui.actions import ActionId
from spbgui.ui.dialogs import YearDialog
from spbgui.ui.main_window import MainWindow
from tests.ui import gestures


def _search(window, qtbot, text: str) -> None:
    window.actions_[ActionId.FIND].trigger()
    assert window.search_field.hasFocus() or window.focusWidget() is window.search_field
    window.search_field.setText(text)
    qtbot.waitUntil(lambda: window.search.answered(text))  # searched on a worker thread


def test_search_filters_the_tree_as_you_type_and_lists_events(window, qtbot) -> None:
    _search(window, qtbot, "ташк")
    names = gestures.tree_names(window.model)
    assert names == ["СНГ", "Узбекистан", "Ташкент"]
    assert window.search.isVisible()
    assert window.search.model.rowCount() >= 1  # events that mention Tashkent
    # case and ё/е do not matter
    _search(window, qtbot, "ТАШКЕНТ")
    assert "Ташкент" in gestures.tree_names(window.model)
    # Esc clears the search and the whole tree comes back
    window.search_field.clear()
    qtbot.waitUntil(lambda: window.search.result is None)
    assert len(gestures.tree_names(window.model, depth=1)) == 5
    assert not window.search.isVisible()


def test_a_found_event_opens_its_partner_and_is_selected(window, qtbot, qtmodeltester) -> None:
    _search(window, qtbot, "этнографическом")
    qtmodeltester.check(window.search.model, force_py=True)
    assert window.search.model.rowCount() == 1
    hit = window.search.model.hits[0]
    window.search.view.activated.emit(window.search.model.index(0, 0))
    assert window.details.partner.info.id == hit.partner_id
    events = window.details.partner.events
    assert events.model.record(events.table.currentIndex().row()).id == hit.id


def test_yo_is_found_as_ye(window, qtbot, select_partner) -> None:
    select_partner("Ош")
    events = window.details.partner.events
    events.new_date.setText("Декабрь")
    events.new_text.setText("новогодняя ёлка для детей")
    events.new_button.click()
    _search(window, qtbot, "елка")
    assert [h.text for h in window.search.model.hits] == ["новогодняя ёлка для детей"]
    assert "Ош" in gestures.tree_names(window.model)


def test_switch_year_and_start_a_new_one(window, select_partner, monkeypatch) -> None:
    pid = select_partner("Ташкент")
    selector = window.year_selector
    assert [selector.itemText(i) for i in range(selector.count())] == ["2024", "2025"]
    assert selector.currentText() == "2024"
    monkeypatch.setattr(YearDialog, "ask", classmethod(lambda cls, p, suggested, known: suggested))
    window.actions_[ActionId.START_YEAR].trigger()
    assert selector.currentText() == "2025"
    assert window.editor.year == 2025
    assert [selector.itemText(i) for i in range(selector.count())] == ["2024", "2025", "2026"]
    events = window.details.partner.events
    assert events.model.rowCount() == 0  # no events yet
    assert events.previous.isVisibleTo(window)  # last year's, for reference
    assert events.previous_model.rowCount() == 10 and events.previous_model.readonly
    flags = events.previous_model.flags(events.previous_model.index(0, 1))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert window.details.partner.agreements.model.rowCount() == 1  # agreements carried over
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "2025"
    events.new_date.setText("15-17 января")
    events.new_text.setText("первый визит года")
    events.new_button.click()
    assert [e.text for e in details.events(db=window.db, partner_id=pid, year=2025)] == [
        "первый визит года"
    ]
    # back to 2024 by the selector
    selector.setCurrentIndex(selector.findData(2024))
    selector.activated.emit(selector.currentIndex())
    assert window.editor.year == 2024 and events.model.rowCount() == 10
    window.actions_[ActionId.NEXT_YEAR].trigger()
    assert window.editor.year == 2025


def test_undo_start_of_a_year(window, monkeypatch) -> None:
    monkeypatch.setattr(YearDialog, "ask", classmethod(lambda cls, p, suggested, known: suggested))
    window.actions_[ActionId.START_YEAR].trigger()
    assert years.years(db=window.db) == [2024, 2025]
    window.actions_[ActionId.UNDO].trigger()
    assert years.years(db=window.db) == [2024]
    assert window.editor.year == 2024


def test_every_change_is_in_the_file_after_reopening(
    qtbot, window, select_partner, monkeypatch, db_path: Path
) -> None:
    from spbgui.ui.dialogs import MoveDialog

    pid = select_partner("Ташкент")
    events = window.details.partner.events
    events.new_date.setText("3-6 июля")
    events.new_text.setText("визит делегации мэрии")
    events.new_button.click()
    window.details.partner.events.model.setData(
        events.model.index(0, 1), "исправленный текст первого мероприятия"
    )
    kz = next(
        cid
        for _r, _n, countries in details.regions_and_countries(db=window.db)
        for cid, name in countries
        if name == "Казахстан"
    )
    monkeypatch.setattr(MoveDialog, "ask", classmethod(lambda cls, *a, **k: kz))
    window.actions_[ActionId.MOVE_TO].trigger()
    monkeypatch.setattr(YearDialog, "ask", classmethod(lambda cls, p, suggested, known: suggested))
    window.actions_[ActionId.START_YEAR].trigger()
    dump = records.dump(db=window.db)
    window.close()  # closes the database

    db = open_database(db_path)
    try:
        assert records.dump(db=db) == dump
        ev = details.events(db=db, partner_id=pid, year=2024)
        assert ev[0].text == "исправленный текст первого мероприятия"
        assert (ev[-1].date_text, ev[-1].text) == ("3-6 июля", "визит делегации мэрии")
        assert details.partner(db=db, partner_id=pid).country == "Казахстан"
        assert years.years(db=db) == [2024, 2025]
        reopened = MainWindow(db)
        qtbot.addWidget(reopened)
        assert reopened.editor.year == 2025
        assert reopened.tree.current_ref().kind is NodeKind.PARTNER
    finally:
        db.close()
