"""What a clerk working a full week expects of the window: nothing typed is lost, sensible
defaults, the keyboard (Tab through the sections, unique Alt letters), the place kept
between sessions, Russian everywhere — driven by key events and clicks."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMenu,
)

from spbgui.domain.dates import parse_event_date
from spbgui.services import details, edit, history
from spbgui.services.changes import NodeRef
from spbgui.ui.dialogs import PendingDialog
from spbgui.ui.main_window import MainWindow
from spbgui.ui.table_models import EventsModel
from tests.ui import gestures


def _type_into_cell(table, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select a cell, type over it (the first key opens the editor) and press Enter."""
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    gestures.type_text(table, text[0])
    editor = QApplication.focusWidget()
    assert editor is not table, "typing did not open the cell's editor"
    gestures.type_text(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate hands the value over on the next turn


def test_a_refused_date_stays_in_its_cell_with_the_reason_and_quitting_asks(  # type: ignore[no-untyped-def]
    qtbot, window, select_partner, monkeypatch
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    stored = details.events(db=window.db, partner_id=pid, year=2024)[0]
    _type_into_cell(events.table, 0, EventsModel.DATE, "31 июня")
    index = events.model.index(0, EventsModel.DATE)
    qtbot.waitUntil(lambda: index.data() == "31 июня")
    why = index.data(Qt.ItemDataRole.ToolTipRole)
    assert why and "31 июня" in why  # the reason, in words, beside the value
    assert "31 июня" in window.statusBar().currentMessage()  # and in the status bar
    assert details.events(db=window.db, partner_id=pid, year=2024)[0].date == stored.date

    answers: list[bool] = [False]  # first: go back and correct; then: discard
    asked: list[list[str]] = []

    def answer(cls, parent, leaving, pending):  # type: ignore[no-untyped-def]
        asked.append(pending)
        return answers.pop(0) if answers else True

    monkeypatch.setattr(PendingDialog, "ask", classmethod(answer))
    gestures.press(window, "Ctrl+Q")
    assert window.isVisible(), "quit without a word about the refused date"
    assert "31 июня" in asked[0][0]
    assert QApplication.focusWidget() is events.table
    assert events.table.currentIndex().row() == 0  # back at the value to correct

    # Leaving the partner asks too; discarding shows the stored date again.
    window.tree.setFocus()
    other = window.tree.navigation_model().index_of(NodeRef.partner(pid)).parent()
    window.tree.setCurrentIndex(other)
    assert len(asked) == 2
    assert events.model.drafts() == []


def test_leaving_a_partner_with_a_new_event_typed_asks_and_can_go_back(  # type: ignore[no-untyped-def]
    window, select_partner, monkeypatch
) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    events.new_date.setFocus()
    gestures.type_text(events.new_date, "5 мая")
    monkeypatch.setattr(PendingDialog, "ask", classmethod(lambda cls, *a: False))
    window.tree.setCurrentIndex(window.model.index(0, 0))
    assert window.details.ref == NodeRef.partner(pid)  # stayed
    assert events.new_date.text() == "5 мая"
    assert window.tree.current_ref() == NodeRef.partner(pid)


def test_switching_the_year_with_a_refused_value_asks(window, select_partner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    select_partner("Ташкент")
    events = window.details.partner.events
    _type_into_cell(events.table, 1, EventsModel.DATE, "32 мая")
    monkeypatch.setattr(PendingDialog, "ask", classmethod(lambda cls, *a: False))
    gestures.press(window, "Ctrl+PgDown")
    assert window.editor.year == 2024
    assert events.model.drafts()


def test_a_new_event_of_a_partner_with_one_agreement_is_linked_to_it(  # type: ignore[no-untyped-def]
    window, select_partner
) -> None:
    pid = select_partner("Ташкент")
    (only,) = details.agreements(db=window.db, partner_id=pid)
    gestures.press(window, "Ctrl+E")
    events = window.details.partner.events
    assert events.new_agreement.currentData() == only.id
    gestures.type_text(events.new_date, "5 мая")
    QTest.keyClick(events.new_date, Qt.Key.Key_Return)
    gestures.type_text(events.new_text, "визит")
    QTest.keyClick(events.new_text, Qt.Key.Key_Return)
    added = details.events(db=window.db, partner_id=pid, year=2024)[-1]
    assert (added.text, added.agreement_id) == ("визит", only.id)
    assert events.new_agreement.currentData() == only.id  # the next one too


def test_a_partner_with_several_agreements_asks_for_none_by_default(window) -> None:  # type: ignore[no-untyped-def]
    pid = next(
        p
        for p in range(1, 200)
        if details.partner(db=window.db, partner_id=p) is not None
        and len(details.agreements(db=window.db, partner_id=p)) > 1
    )
    window.tree.select_ref(window.db, NodeRef.partner(pid))
    assert window.details.partner.events.new_agreement.currentData() is None


def _names_by_tab(window, key: Qt.Key, modifier: Qt.KeyboardModifier, steps: int) -> list[str]:  # type: ignore[no-untyped-def]
    names = []
    for _ in range(steps):
        focus = QApplication.focusWidget()
        QTest.keyClick(focus, key, modifier)
        names.append(QApplication.focusWidget().objectName())
    return names


def test_tab_and_shift_tab_visit_every_section_in_reading_order(window, select_partner) -> None:  # type: ignore[no-untyped-def]
    select_partner("Ташкент")
    window.tree.setFocus()
    order = [
        "partnerNameField",
        "partnerKindField",
        "partnerNoteField",
        "agreementsTable",
        "newEventDate",
        "newEventText",
        "newEventAgreement",
        "newEventButton",
        "eventsTable",
        "eventTextEdit",
    ]
    forward = _names_by_tab(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, 30)
    assert forward[: len(order)] == order
    assert "navigationTree" in forward and "searchField" in forward  # round to the start
    assert forward.index("yearSelector") < forward.index("searchField")
    assert forward.index("searchField") < forward.index("navigationTree")
    window.details.partner.events.table.setFocus()
    backward = _names_by_tab(window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier, 8)
    assert backward[:8] == list(reversed(order[:8]))


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_every_alt_letter_is_unique(window, select_partner, russian) -> None:  # type: ignore[no-untyped-def]
    fresh = MainWindow(window.db)  # made after the translations are in
    try:
        fresh.show()
        fresh.tree.select_ref(fresh.db, window.tree.current_ref() or NodeRef.partner(1))
        select_partner("Ташкент")
        bar = [(a.text(), _mnemonic(a.text())) for a in fresh.menuBar().actions()]
        labels = [
            (w.text(), _mnemonic(w.text()))
            for w in fresh.findChildren(QLabel)
            if w.buddy() is not None and w.isVisibleTo(fresh)
        ]
        buttons = [
            (b.text(), _mnemonic(b.text()))
            for b in fresh.findChildren(QAbstractButton)
            if b.isVisibleTo(fresh) and _mnemonic(b.text())
        ]
        letters = [m for _t, m in bar + labels + buttons if m]
        clashes = {m for m in letters if letters.count(m) > 1}
        assert not clashes, [t for t, m in bar + labels + buttons if m in clashes]
        assert all(m for _t, m in bar), bar
        for menu in fresh.findChildren(QMenu):
            entries = [(a.text(), _mnemonic(a.text())) for a in menu.actions() if a.text()]
            letters = [m for _t, m in entries if m]
            clashes = {m for m in letters if letters.count(m) > 1}
            assert not clashes, (menu.objectName(), [t for t, m in entries if m in clashes])
        year_menu = next(
            a for a in fresh.menuBar().actions() if a.menu().objectName() == "menuYear"
        )
        year_label = next(t for t, _m in labels if "Го" in t)
        assert _mnemonic(year_menu.text()) != _mnemonic(year_label)
    finally:
        fresh.close()


def test_reopening_brings_back_the_selected_partner_and_open_branches(  # type: ignore[no-untyped-def]
    qtbot, window, select_partner, sample_db
) -> None:
    pid = select_partner("Ташкент")
    expanded = window.tree.expanded_refs()
    assert expanded
    gestures.press(window, "Ctrl+Q")
    from spbgui.store.database import open_database

    db = open_database(sample_db.path)
    again = MainWindow(db)
    qtbot.addWidget(again)
    again.show()
    assert again.tree.current_ref() == NodeRef.partner(pid)
    assert set(expanded) <= set(again.tree.expanded_refs())
    assert again.details.partner.info.id == pid


def test_the_history_shows_labels_and_values_as_the_window_does(  # type: ignore[no-untyped-def]
    window, select_partner, russian
) -> None:
    from spbgui.ui.history_dialog import HistoryDialog

    pid = select_partner("Ташкент")
    (agreement,) = details.agreements(db=window.db, partner_id=pid)
    event = edit.add_event(
        db=window.db, partner_id=pid, year=2024,
        date=parse_event_date("3-6 июля", 2024), text="визит", agreement_id=None,
    ).id  # fmt: skip
    edit.update_event(db=window.db, event_id=event, agreement_id=agreement.id)
    edit.update_event(db=window.db, event_id=event, date=parse_event_date("5 мая", 2024))
    dialog = HistoryDialog(window.db, None, window)
    try:
        texts = [dialog.table.item(r, 5).text() for r in range(dialog.table.rowCount())]
        assert f"Соглашение: «(нет)» → «{agreement.title}»" in texts
        assert "Дата: «3-6 июля» → «5 мая»" in texts
        assert not any("agreement_id" in t or "start" in t for t in texts)
        assert history.history(db=window.db)
    finally:
        dialog.close()


def test_qt_standard_dialogs_speak_russian(qtbot, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "Открыть", "/")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel)] + [
        b.text() for b in dialog.findChildren(QAbstractButton) if b.text()
    ]
    assert not any("Look in" in t or "Files of type" in t or t == "Cancel" for t in texts), texts
    assert any("Перейти к" in t or "Папка" in t for t in texts), texts


def test_the_status_bar_names_a_written_file_and_opens_its_folder(  # type: ignore[no-untyped-def]
    window, tmp_path, monkeypatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()))
    )
    path = tmp_path / "отчёт.pdf"
    window.file_written(path)
    assert str(path) in window.statusBar().currentMessage()
    gestures.click(window.open_folder)
    assert opened == [str(tmp_path)]


def test_the_start_year_dialog_refuses_a_year_already_there(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from spbgui.ui.dialogs import YearDialog

    dialog = YearDialog(window, 2025, [2023, 2024])
    qtbot.addWidget(dialog)
    dialog.year.setValue(2024)
    ok = gestures.button(dialog, "yearStartButton")
    assert not ok.isEnabled() and "2024" in dialog.about.text()
    dialog.year.setValue(2022)  # a gap year before the first
    assert ok.isEnabled()


def test_nothing_cut_off_in_the_date_column_and_the_summaries(window, select_partner) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    select_partner("Ташкент")
    table = window.details.partner.events.table
    widest = table.fontMetrics().horizontalAdvance("29 января – 16 февраля")
    assert table.horizontalHeader().sectionSize(EventsModel.DATE) > widest
    first = table.model().index(0, EventsModel.DATE)
    assert first.data() in first.data(Qt.ItemDataRole.ToolTipRole)  # whole in its tip

    window.tree.select_ref(window.db, NodeRef.region(1))
    children = window.details.summary.children_list
    header = children.header()
    for col in (1, 2):
        if children.isColumnHidden(col):
            continue
        title = children.headerItem().text(col)
        assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(title), title


def test_dialog_titles_fit(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from spbgui.ui.dialogs import AgreementDialog, PartnerDialog

    for dialog in (
        PartnerDialog(window, "Босния и Герцеговина", True),
        AgreementDialog(window, "Республика Сербская"),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        assert dialog.width() > title + 100, dialog.windowTitle()
