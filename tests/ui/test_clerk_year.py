"""The clerk's year in the real window, by keys and clicks only (QTest events):

first start on an empty database → import last year's table from the File menu → start
the new year from the Year menu → find a partner by typing → three events by keyboard
alone → correct one → delete one and undo → export and print the report from the menus
→ quit → reopen: everything is there, and the window is where the clerk left it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from spbgui.services import details, records, years
from spbgui.services.changes import NodeRef
from spbgui.store.database import open_database
from spbgui.ui.actions import ActionId
from spbgui.ui.main_window import MainWindow
from spbgui.ui.table_models import EventsModel
from tests.ui import gestures
from tests.ui.gestures import Answers

XLSX = Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.xlsx"


def _key(widget: QWidget | None, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    assert widget is not None
    QTest.keyClick(widget, key, mods)


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _active(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A closed dialog hands the keyboard back to the window (the offscreen platform needs
    the nudge a window manager gives)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_the_clerks_year(qtbot, db_path: Path, tmp_path: Path, messages, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    db = open_database(db_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()

    # First start: the empty database offers an import; the clerk starts empty instead
    # and imports from the File menu, as a clerk with last year's file would.
    answers = Answers().expect(gestures.press_button("Start Empty"))
    window.offer_first_start()  # the program calls it once its window is up
    answers.stop()
    assert answers.names == ["firstStartDialog"]

    def import_answer(dialog: QWidget) -> None:
        assert dialog.fileEdit.text() == ""
        gestures.click(gestures.button(dialog, "importBrowseButton"))
        qtbot.waitUntil(dialog.importButton.isEnabled, timeout=30000)
        gestures.click(dialog.importButton)

    answers = Answers().expect(import_answer, gestures.choose_file(XLSX))
    gestures.click_menu_entry(qtbot, window, window.actions_[ActionId.IMPORT_TABLE])
    qtbot.waitUntil(lambda: not answers.busy(), timeout=30000)
    answers.stop()
    assert records.counts(db=window.db).partners == 37
    assert window.year_selector.currentText() == "2024"

    # The new year, from the Year menu: the dialog offers 2025; Enter starts it.
    def year_answer(dialog: QWidget) -> None:
        assert dialog.year.value() == 2025
        _key(dialog.year, Qt.Key.Key_Return)

    answers = Answers().expect(year_answer)
    gestures.click_menu_entry(qtbot, window, window.actions_[ActionId.START_YEAR])
    qtbot.waitUntil(lambda: not answers.busy())
    answers.stop()
    assert years.years(db=window.db) == [2024, 2025] and window.editor.year == 2025

    # Find the partner by typing: Ctrl+F, a few letters; the tree shows it selected.
    _active(qtbot, window)
    gestures.press(window, "Ctrl+F")
    assert _focus() is window.search_field
    gestures.type_text(window.search_field, "Ташкент")
    _key(window.search_field, Qt.Key.Key_Return)  # no need to wait for the pause in typing
    qtbot.waitUntil(lambda: window.details.ref is not None and window.details.showing_partner())
    partner = window.details.ref
    assert details.partner(db=window.db, partner_id=partner.id).name == "Ташкент"
    _key(window.search_field, Qt.Key.Key_Escape)  # back to the tree, the filter gone
    assert window.tree.current_ref() == partner

    # Three events by keyboard alone: Ctrl+E, date, Enter, text, Enter.
    events = window.details.partner.events
    typed = [("15-17 января", "визит делегации"), ("Март", "выставка"), ("", "переписка")]
    gestures.press(_focus(), "Ctrl+E")
    for date, text in typed:
        assert _focus() is events.new_date
        gestures.type_text(events.new_date, date)
        _key(events.new_date, Qt.Key.Key_Return)
        gestures.type_text(_focus(), text)
        _key(_focus(), Qt.Key.Key_Return)
    rows = details.events(db=window.db, partner_id=partner.id, year=2025)
    assert [(r.date_text, r.text) for r in rows] == [
        ("15-17 января", "визит делегации"),
        ("Март", "выставка"),
        ("", "переписка"),
    ]
    (agreement,) = details.agreements(db=window.db, partner_id=partner.id)
    assert {r.agreement_id for r in rows} == {agreement.id}  # its only agreement

    # Correct one: Tab to the table, Up to «выставка», type over its text, Enter.
    for _ in range(4):  # text, agreement, «Add», the table
        _key(_focus(), Qt.Key.Key_Tab)
    assert _focus() is events.table
    _key(events.table, Qt.Key.Key_Up)
    assert events.table.currentIndex().row() == 1
    assert events.table.currentIndex().column() == EventsModel.TEXT
    gestures.type_text(events.table, "в")
    gestures.type_text(_focus(), "ыставка в Эрмитаже")
    _key(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            details.events(db=window.db, partner_id=partner.id, year=2025)[1].text
            == "выставка в Эрмитаже"
        )
    )

    # Delete one (Del on the table) and undo it (Ctrl+Z).
    events.table.setFocus()
    _key(events.table, Qt.Key.Key_Up)  # the first
    _key(events.table, Qt.Key.Key_Delete)
    assert len(details.events(db=window.db, partner_id=partner.id, year=2025)) == 2
    gestures.press(_focus(), "Ctrl+Z")
    after_undo = details.events(db=window.db, partner_id=partner.id, year=2025)
    assert [r.text for r in after_undo] == ["визит делегации", "выставка в Эрмитаже", "переписка"]

    # Export and the report, from the File menu.
    workbook = tmp_path / "Сотрудничество 2025.xlsx"

    def export_answer(dialog: QWidget) -> None:
        assert dialog.year == 2025
        dialog.fileEdit.setFocus()
        dialog.fileEdit.selectAll()
        gestures.type_text(dialog.fileEdit, str(workbook))
        gestures.click(dialog.exportButton)

    def close_box(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        gestures.click(box.button(QMessageBox.StandardButton.Close))

    answers = Answers().expect(export_answer, close_box)
    gestures.click_menu_entry(qtbot, window, window.actions_[ActionId.EXPORT_TABLE])
    qtbot.waitUntil(lambda: not answers.busy(), timeout=30000)
    answers.stop()
    assert workbook.exists()
    assert str(workbook) in window.statusBar().currentMessage()

    report = tmp_path / "Отчёт 2025.pdf"
    previews: list[QWidget] = []

    def preview_answer(dialog: QWidget) -> None:
        previews.append(dialog)
        dialog.pdfAction.trigger()

    answers = Answers().expect(preview_answer, gestures.choose_file(report))
    gestures.click_menu_entry(qtbot, window, window.actions_[ActionId.PRINT_REPORT])
    qtbot.waitUntil(lambda: not answers.busy(), timeout=30000)
    answers.stop()
    qtbot.waitUntil(report.exists)
    assert str(report) in window.statusBar().currentMessage()
    previews[0].reject()

    _active(qtbot, window)
    # Quit (Ctrl+Q), reopen: everything is there, and the window is where it was.
    window.details.partner.events.table.setFocus()
    gestures.press(_focus(), "Ctrl+Q")
    assert not window.isVisible()
    assert messages == []

    db = open_database(db_path)
    again = MainWindow(db)
    qtbot.addWidget(again)
    again.show()
    try:
        assert years.years(db=db) == [2024, 2025]
        assert again.editor.year == 2025
        assert again.tree.current_ref() == NodeRef.partner(partner.id)
        shown = again.details.partner.events.model.rows()
        assert [r.text for r in shown] == ["визит делегации", "выставка в Эрмитаже", "переписка"]
        assert records.counts(db=db).partners == 37
    finally:
        again.close()
