"""Правка → Копировать / Вставить, Ctrl+C / Ctrl+V: events and rows of the table via the clipboard.

The clipboard is filled with QMimeData as Excel, LibreOffice and Word fill
it (HTML and tab-separated text), and the keys are pressed on the window.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from spbgui.io.clipboard import read_clipboard
from spbgui.services import details, records, search
from spbgui.services.changes import NodeRef
from spbgui.ui.actions import ActionId
from spbgui.ui.import_dialog import ImportDialog


def _clip(text: str | None = None, html: str | None = None) -> None:
    mime = QMimeData()
    if text is not None:
        mime.setText(text)
    if html is not None:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)


def _events(window, pid: int) -> list[tuple[str | None, str]]:
    return [
        (e.date.start_iso(), e.text)
        for e in details.events(db=window.db, partner_id=pid, year=window.editor.year)
    ]


def _key(qtbot, widget, key) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def test_the_edit_menu_has_copy_and_paste_with_the_standard_keys(window) -> None:
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "menuEdit")
    names = [a.objectName() for a in menu.actions()]
    assert "actionCopy" in names and "actionPaste" in names
    assert window.actions_[ActionId.COPY].shortcut().toString() == "Ctrl+C"
    assert window.actions_[ActionId.PASTE].shortcut().toString() == "Ctrl+V"


def test_ctrl_c_copies_the_selected_events_as_cells_for_excel(
    window, select_partner, qtbot
) -> None:
    pid = select_partner("Хошимин")
    table = window.details.partner.events.table
    table.selectAll()
    _key(qtbot, table, Qt.Key.Key_C)
    text = QGuiApplication.clipboard().text()
    lines = text.split("\r\n")[:-1]
    stored = details.events(db=window.db, partner_id=pid, year=2024)
    assert len(lines) == len(stored) == 3
    assert lines[0].split("\t")[:2] == ["17-22 мая", stored[0].text]
    assert QGuiApplication.clipboard().mimeData().hasHtml()
    # What was copied pastes back as the same events.
    back = read_clipboard(None, text, year=2024).events
    assert [(e.date, e.text) for e in back] == [(e.date, e.text) for e in stored]


def test_ctrl_v_adds_pasted_lines_as_events_of_the_partner_in_one_undo_step(
    window, select_partner, qtbot
) -> None:
    pid = select_partner("Будапешт")
    before = _events(window, pid)
    _clip("15 мая – визит делегации Будапешта\n3-6 июля – дни культуры\nв Эрмитаже")
    _key(qtbot, window.details.partner.events.table, Qt.Key.Key_V)
    after = _events(window, pid)
    assert after[: len(before)] == before
    assert after[len(before) :] == [
        ("2024-05-15", "визит делегации Будапешта"),
        ("2024-07-03", "дни культуры в Эрмитаже"),
    ]
    window.actions_[ActionId.UNDO].trigger()
    assert _events(window, pid) == before


def test_paste_from_excels_html_through_the_menu(window, select_partner) -> None:
    pid = select_partner("Будапешт")
    before = _events(window, pid)
    html = (
        "<html><body><table><tr><td>10 сентября – концерт"
        "<br style='mso-data-placement:same-cell'>12 сентября – выставка</td></tr>"
        "<tr><td>Октябрь &ndash; форум</td></tr></table></body></html>"
    )
    _clip("ignored when there is HTML", html)
    window.actions_[ActionId.PASTE].trigger()
    assert _events(window, pid)[len(before) :] == [
        ("2024-09-10", "концерт"),
        ("2024-09-12", "выставка"),
        ("2024-10", "форум"),
    ]


def test_copy_from_one_partner_and_paste_to_another(window, select_partner, qtbot) -> None:
    source = select_partner("Хошимин")
    window.details.partner.events.table.selectAll()
    window.details.partner.events.table.setFocus()
    window.actions_[ActionId.COPY].trigger()
    target = select_partner("Будапешт")
    before = _events(window, target)
    window.actions_[ActionId.PASTE].trigger()
    assert _events(window, target)[len(before) :] == _events(window, source)


def test_pasting_events_without_a_partner_selected_says_what_to_do(window, messages) -> None:
    model = window.model
    window.tree.select_ref(window.db, model.ref(model.index(0, 0)))  # a region
    total = records.counts(db=window.db).events
    _clip("15 мая – визит")
    window.actions_[ActionId.PASTE].trigger()
    assert messages and "Select the partner" in messages[-1]
    assert records.counts(db=window.db).events == total


def test_ctrl_c_in_a_text_field_copies_its_text(window, select_partner, qtbot) -> None:
    select_partner("Хошимин")
    field = window.details.partner.events.new_text
    field.setText("мой текст")
    field.selectAll()
    _key(qtbot, field, Qt.Key.Key_C)
    assert QGuiApplication.clipboard().text() == "мой текст"
    field.clear()
    _key(qtbot, field, Qt.Key.Key_V)
    assert field.text() == "мой текст"


def test_pasted_rows_of_the_table_open_the_import_preview(window, select_partner, qtbot) -> None:
    """Whole rows copied from Word (HTML with a merged country cell and paragraphs)."""
    html = (
        "<table><tr><td rowspan=2><p>Венгрия</p></td><td>Печ</td>"
        "<td>Соглашение о дружбе</td><td>2009</td>"
        "<td><p>3 мая – визит мэра Печа</p><p>10 мая – выставка</p></td></tr>"
        "<tr><td>Дебрецен</td><td>Соглашение о партнёрстве</td><td>12.03.2019</td>"
        "<td>Июнь – фестиваль</td></tr></table>"
    )
    _clip("Венгрия\tПеч", html)
    total = records.counts(db=window.db).events
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ImportDialog)
        tree = dialog.tree
        region = tree.topLevelItem(0)
        seen.append(region.child(0).text(0))
        seen.extend(region.child(0).child(i).text(0) for i in range(region.child(0).childCount()))
        with qtbot.waitSignal(dialog.imported, timeout=30_000):
            dialog.importButton.click()

    QTimer.singleShot(0, answer)
    window.actions_[ActionId.PASTE].trigger()
    assert seen == ["Венгрия", "Печ", "Дебрецен"]
    # Added to the year's events, nothing replaced; Венгрия stays in Европа.
    assert records.counts(db=window.db).events == total + 3
    found = search.search(db=window.db, query="Дебрецен", year=None).partners
    assert len(found) == 1
    window.tree.select_ref(window.db, NodeRef.partner(next(iter(found))))
    assert window.model.ref(window.tree.currentIndex().parent().parent()) == NodeRef.region(
        next(r.ref.id for r in _regions(window) if r.name == "Европа")
    )


def _regions(window):
    from spbgui.services import tree

    return tree.children(db=window.db, parent=None, year=2024)


def test_an_undated_event_copied_and_pasted_is_one_event(window, select_partner, qtbot) -> None:
    """Ctrl+C writes (date, text, agreement): an undated event's date cell is empty. The
    paste took the agreement's title, in the third cell, for a second event."""
    pid = select_partner("Баку")
    stored = details.events(db=window.db, partner_id=pid, year=2024)
    undated = next(i for i, e in enumerate(stored) if not e.date.is_dated)
    table = window.details.partner.events.table
    table.clearSelection()
    table.selectRow(undated)
    _key(qtbot, table, Qt.Key.Key_C)
    assert QGuiApplication.clipboard().text().startswith("\t")
    other = select_partner("Будапешт")
    before = _events(window, other)
    _key(qtbot, window.details.partner.events.table, Qt.Key.Key_V)
    assert _events(window, other) == [*before, (None, stored[undated].text)]
