"""Dates typed into the window as a clerk types them (an adversarial pass over issue 15).

Keys go to the widget that has the focus: the table (F2), the cell's editor (the text,
Ctrl+V, Enter, Escape), the window (Ctrl+Z, Ctrl+Y). What is stored is read back through
the services; the questions about a date are answered through their ``ask()``
(tests/ui/conftest.py ``date_answers``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from spbgui.io.xlsx.read import read_table
from spbgui.report import ReportOptions, save_pdf
from spbgui.services import details, records, search
from spbgui.services.export import export_workbook
from spbgui.services.importer import import_table
from spbgui.store.database import open_database
from spbgui.ui.table_models import AgreementsModel, EventsModel
from tests.report.printing import tool
from tests.ui.gestures import type_text


def _open_editor(qtbot, table, column: int, row: int = 0) -> QLineEdit:
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.objectName() == "dateEditor"
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    return editor


def _agreement_dates(window, partner_id: int, agreement_id: int) -> str:
    [row] = [
        r for r in details.agreements(db=window.db, partner_id=partner_id) if r.id == agreement_id
    ]
    return row.dates_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12.3.24", "12.03.2024"),
        ("12/03/2024", "12.03.2024"),
        ("2024-03-12", "12.03.2024"),
        ("дек. 2005", "декабрь 2005 г."),
        ("12 мaрта 2024", "12.03.2024"),  # a Latin «a» in «марта»
    ],
)
def test_an_agreement_date_as_staff_type_it_is_saved_and_undone(
    qtbot, window, select_partner, typed: str, stored: str
) -> None:
    pid = select_partner("Ташкент")
    section = window.details.partner.agreements
    aid = section.model.record(0).id
    before = _agreement_dates(window, pid, aid)
    editor = _open_editor(qtbot, section.table, AgreementsModel.DATES)
    type_text(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _agreement_dates(window, pid, aid) == stored)
    cell = section.model.index(0, AgreementsModel.DATES)
    assert section.model.draft(cell) is None and section.pending() == []
    qtbot.keyClick(section.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _agreement_dates(window, pid, aid) == before)
    qtbot.keyClick(section.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _agreement_dates(window, pid, aid) == stored)


def test_a_spreadsheet_cell_pasted_with_its_line_breaks_gives_its_dates(
    qtbot, window, select_partner
) -> None:
    pid = select_partner("Ташкент")
    section = window.details.partner.agreements
    aid = section.model.record(0).id
    QGuiApplication.clipboard().setText("12.03.2024\n2011\r\n")
    editor = _open_editor(qtbot, section.table, AgreementsModel.DATES)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _agreement_dates(window, pid, aid) == "12.03.2024, 2011")


def test_an_agreement_date_without_its_year_says_so_and_escape_gives_back_the_old(
    qtbot, window, select_partner
) -> None:
    pid = select_partner("Ташкент")
    section = window.details.partner.agreements
    aid = section.model.record(0).id
    before = _agreement_dates(window, pid, aid)
    cell = section.model.index(0, AgreementsModel.DATES)
    editor = _open_editor(qtbot, section.table, AgreementsModel.DATES)
    type_text(editor, "12.03.20")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # changed my mind
    assert cell.data() == before and section.model.draft(cell) is None
    editor = _open_editor(qtbot, section.table, AgreementsModel.DATES)
    type_text(editor, "12 марта")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.model.draft(cell) is not None)
    assert cell.data() == "12 марта"  # kept in its cell, not lost
    assert "нет года" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert _agreement_dates(window, pid, aid) == before  # nothing wrong saved


def _event_date(window, event_id: int) -> str:
    event = details.event(db=window.db, event_id=event_id)
    assert event is not None
    return event.date_text


@pytest.mark.parametrize(
    ("typed", "shown", "start"),
    [
        ("Март.", "Март", "2024-03"),
        ("12.03.2024.", "12.03.2024", "2024-03-12"),
        ("12 мaрта 2024", "12 марта 2024", "2024-03-12"),  # Latin «a»: read and shown Cyrillic
        ("весна 2024", "весна 2024", "2024-03"),
        ("в течение года", "в течение года", "2024-01"),
    ],
)
def test_an_event_date_as_staff_type_it_is_read_without_a_question(
    qtbot, window, select_partner, date_answers, typed: str, shown: str, start: str
) -> None:
    select_partner("Ташкент")
    events = window.details.partner.events
    eid = events.model.record(0).id
    editor = _open_editor(qtbot, events.table, EventsModel.DATE)
    type_text(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _event_date(window, eid) == shown)
    event = details.event(db=window.db, event_id=eid)
    assert event is not None and event.date.start_iso() == start
    assert date_answers.asked == []


@pytest.mark.parametrize("typed", ["01.01.0001", "31.12.9999", "12.03.2224"])
def test_a_typo_in_an_event_s_year_is_named_and_starts_no_table_of_that_year(
    qtbot, window, select_partner, date_answers, typed: str
) -> None:
    """It was offered to «put the event in the table of 1», which then started year 1."""
    select_partner("Ташкент")
    events = window.details.partner.events
    eid = events.model.record(0).id
    before = _event_date(window, eid)
    editor = _open_editor(qtbot, events.table, EventsModel.DATE)
    type_text(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(date_answers.asked))
    [(question, text, why)] = date_answers.asked
    assert (question, text) == ("keep", typed)
    assert "от 1900 до 2100" in why and "опечат" in why
    assert _event_date(window, eid) == before and window.editor.year == 2024
    assert records.counts(db=window.db, year=int(typed[-4:])).events == 0


def test_a_pasted_page_is_kept_in_its_cell_and_the_question_stays_short(
    qtbot, window, select_partner, date_answers
) -> None:
    select_partner("Ташкент")
    events = window.details.partner.events
    page = "Визит делегации\tв рамках соглашения.\n" * 270  # about 10,000 characters
    QGuiApplication.clipboard().setText(page)
    editor = _open_editor(qtbot, events.table, EventsModel.DATE)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(date_answers.asked))
    [(_question, text, why)] = date_answers.asked
    assert text == " ".join(page.split())  # all of it, kept in the cell as a draft
    assert events.model.index(0, EventsModel.DATE).data() == text
    assert len(why) < 400, len(why)


def test_seasons_typed_in_the_window_come_back_from_an_exported_file(
    qtbot, window, select_partner, date_answers, tmp_path: Path
) -> None:
    """«весна 2024» was kept as written and, exported, glued onto the event above on import."""
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    typed = {events.model.record(1).id: "весна 2024", events.model.record(2).id: "в течение года"}
    for eid, text in typed.items():
        editor = _open_editor(qtbot, events.table, EventsModel.DATE, events.model.row_for(eid))
        type_text(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda eid=eid, text=text: _event_date(window, eid) == text)
    mine = sorted(
        (e.date.start_iso() or "", e.date_text, e.text)
        for e in details.events(db=window.db, partner_id=pid, year=2024)
    )
    path = tmp_path / "2024.xlsx"
    assert export_workbook(db=window.db, year=2024, path=path).warnings == []
    copy = open_database(tmp_path / "copy.sqlite")
    try:
        import_table(db=copy, table=read_table(path))
        [again] = search.search(db=copy, query="Ташкент", year=None).partners
        back = sorted(
            (e.date.start_iso() or "", e.date_text, e.text)
            for e in details.events(db=copy, partner_id=again, year=2024)
        )
    finally:
        copy.close()
    assert back == mine
    # the yearly report prints them as typed
    pdf = tmp_path / "2024.pdf"
    save_pdf(db=window.db, options=ReportOptions(2024), path=pdf)
    words = subprocess.run(
        [tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    printed = " ".join(words.split())
    for text in typed.values():
        assert f"{text} –" in printed, text


@pytest.mark.parametrize("section_name", ["agreements", "events"])
def test_escape_on_a_refused_date_gives_back_the_stored_one(
    qtbot, window, select_partner, date_answers, section_name: str
) -> None:
    """A date refused stays in its cell, not saved; reopening the cell and pressing Escape
    (the clerk gives up on it) shows the stored date again, with nothing left pending."""
    select_partner("Ташкент")
    section = getattr(window.details.partner, section_name)
    column = AgreementsModel.DATES if section_name == "agreements" else EventsModel.DATE
    cell = section.model.index(0, column)
    before = cell.data()
    editor = _open_editor(qtbot, section.table, column)
    type_text(editor, "31.02.2024")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.model.draft(cell) is not None)
    assert cell.data() == "31.02.2024" and section.pending()
    editor = _open_editor(qtbot, section.table, column)
    assert editor.text() == "31.02.2024"  # the refused text, to correct
    type_text(editor, "30.02")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert cell.data() == before
    assert section.model.draft(cell) is None and section.pending() == []


def test_leaving_a_pasted_page_in_date_cells_asks_in_a_few_lines(
    qtbot, window, select_partner, date_answers, pending_questions
) -> None:
    """The question «not saved: go back or discard?» listed each refused date in full."""
    select_partner("Ташкент")
    page = "Визит делегации в рамках соглашения. " * 270  # about 10,000 characters
    QGuiApplication.clipboard().setText(page)
    for section, column in (
        (window.details.partner.agreements, AgreementsModel.DATES),
        (window.details.partner.events, EventsModel.DATE),
    ):
        editor = _open_editor(qtbot, section.table, column)
        qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        cell = section.model.index(0, column)
        qtbot.waitUntil(lambda section=section, cell=cell: section.model.draft(cell) is not None)
        assert cell.data() == " ".join(page.split())  # all of it stays in its cell
    select_partner("Минск")  # as a click on another partner of the tree
    [(_leaving, pending)] = pending_questions
    assert len(pending) == 2
    assert all(len(line) < 400 for line in pending), [len(line) for line in pending]


def test_the_keep_as_written_question_quotes_a_pasted_page_short(qtbot) -> None:
    from spbgui.ui.date_questions import KeepAsWritten

    page = "Визит делегации в рамках соглашения. " * 270
    box = KeepAsWritten.box(None, page, "Не удалось понять дату.")
    qtbot.addWidget(box)
    assert len(box.informativeText()) < 400, len(box.informativeText())
    assert box.informativeText().count("Визит делегации") >= 1


TYPED = [
    "12.3.24",
    "19 и 21 сентября",
    "I квартал",
    "28.12.2024 – 05.01.2025",
    "весна 2024",
    "в течение года",
    "3—6 июля",
    "30 июня – 2 июля",
]


def test_typed_dates_show_the_same_sorted_in_history_and_after_a_restart(
    qtbot, window, select_partner, messages, date_answers, db_path
) -> None:
    from PySide6.QtCore import QTimer

    from spbgui.services.changes import NodeRef
    from spbgui.store.database import open_database
    from spbgui.ui.actions import ActionId
    from spbgui.ui.history_dialog import HistoryDialog
    from spbgui.ui.main_window import MainWindow

    pid = select_partner("Ташкент")
    events = window.details.partner.events
    ids = [events.model.record(n).id for n in range(len(TYPED))]
    for eid, text in zip(ids, TYPED, strict=True):
        editor = _open_editor(qtbot, events.table, EventsModel.DATE, events.model.row_for(eid))
        type_text(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda eid=eid, text=text: _event_date(window, eid) == text)
    agreements = window.details.partner.agreements
    editor = _open_editor(qtbot, agreements.table, AgreementsModel.DATES)
    type_text(editor, "2024-03-12, дек. 2005")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    cell = agreements.model.index(0, AgreementsModel.DATES)
    qtbot.waitUntil(lambda: cell.data() == "12.03.2024, декабрь 2005 г.")

    window.actions_[ActionId.SORT_EVENTS].trigger()
    rows = range(events.model.rowCount())
    shown = [events.model.index(r, EventsModel.DATE).data() for r in rows]
    stored = details.events(db=window.db, partner_id=pid, year=2024)
    assert shown == [e.date_text for e in stored]
    ends = [(e.date.start, e.date.end) for e in stored if e.date.start is not None]
    assert ends == sorted(ends)
    mine = [text for text in shown if text in TYPED]
    assert mine == [
        "I квартал",
        "в течение года",
        "весна 2024",  # March as a whole comes before a day of March
        "12.3.24",
        "30 июня – 2 июля",
        "3—6 июля",
        "19 и 21 сентября",
        "28.12.2024 – 05.01.2025",
    ]

    seen: list[str] = []

    def read_and_close() -> None:
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, HistoryDialog) and dialog.isVisible():
                dialog.everything.setChecked(True)
                t = dialog.table
                seen.extend(t.item(r, 5).text() for r in range(t.rowCount()) if t.item(r, 5))
                dialog.reject()

    QTimer.singleShot(200, read_and_close)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen))
    for text in TYPED:
        assert any(f"«{text}»" in line for line in seen), text

    window.close()
    again = MainWindow(open_database(db_path))
    qtbot.addWidget(again)
    again.show()
    assert again.tree.select_ref(again.db, NodeRef.partner(pid))
    events = again.details.partner.events
    assert [events.model.index(r, EventsModel.DATE).data() for r in rows] == shown
    cell = again.details.partner.agreements.model.index(0, AgreementsModel.DATES)
    assert cell.data() == "12.03.2024, декабрь 2005 г."
    assert messages == [] and date_answers.asked == []
    again.close()


def test_ctrl_z_on_a_refused_date_takes_it_back_not_an_earlier_change(
    qtbot, window, select_partner, date_answers
) -> None:
    """Ctrl+Z on the red cell undid the change saved before it (another record's date) and
    left the refused text where it was."""
    select_partner("Ташкент")
    events = window.details.partner.events
    eid = events.model.record(0).id
    editor = _open_editor(qtbot, events.table, EventsModel.DATE)
    type_text(editor, "весна 2024")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _event_date(window, eid) == "весна 2024")  # saved

    section = window.details.partner.agreements
    cell = section.model.index(0, AgreementsModel.DATES)
    before = cell.data()
    editor = _open_editor(qtbot, section.table, AgreementsModel.DATES)
    type_text(editor, "31.02.2024")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.model.draft(cell) is not None)
    qtbot.keyClick(section.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell.data() == before and section.model.draft(cell) is None
    assert _event_date(window, eid) == "весна 2024"  # the earlier change stays
    qtbot.keyClick(section.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _event_date(window, eid) != "весна 2024")  # then it is undone
