"""Every action of the window, pressed the way a person presses it, with the 2024 table open.

For each action of the registry (spbgui/ui/actions.py) and each way in — every one of
its shortcuts as a key event on the window, its toolbar button clicked, its menu entry
clicked — the test prepares what a person would have on screen, answers the dialog the
action opens (typing, clicking its buttons), and checks the effect, and that no error
message, no logged error and no stray dialog came. An action without a case here fails
:func:`test_every_action_has_a_case`.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QTreeWidget,
    QWidget,
)

from spbgui.services import details, edit, records, years
from spbgui.services.changes import NodeRef
from spbgui.ui.actions import SPECS, ActionId
from spbgui.ui.menus import TOOLBAR
from tests.ui import gestures
from tests.ui.gestures import Answer, Answers

XLSX = Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.xlsx"


@dataclass
class Walk:
    """What a case needs: the window, qtbot, a folder for files, notes between steps."""

    window: Any
    qtbot: Any
    tmp: Path
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def db(self) -> Any:
        return self.window.db

    def partner(self, name: str) -> int:
        from spbgui.services import search

        found = search.search(db=self.db, query=name, year=None).partners
        ids = [p for p in found if details.partner(db=self.db, partner_id=p).name == name]
        assert len(ids) == 1, (name, found)
        assert self.window.tree.select_ref(self.db, NodeRef.partner(ids[0]))
        self.window.tree.setFocus()
        return ids[0]

    def wait(self, condition: Callable[[], bool], timeout: int = 10000) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)


@dataclass
class Case:
    prepare: Callable[[Walk], None] = lambda w: None
    answers: Callable[[Walk], list[Answer]] = lambda w: []
    check: Callable[[Walk], None] = lambda w: None
    full: bool = True  # False: the way only has to open and close cleanly (a slow dialog)


# -- the cases ---------------------------------------------------------------------------------


def _region_names(w: Walk) -> list[str]:
    return list(records.dump(db=w.db)["regions"])


def _tree_top(w: Walk) -> list[str]:
    m = w.window.model
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def _new_database(w: Walk) -> None:
    w.notes["path"] = w.tmp / "новая база.sqlite"


def _open_database(w: Walk) -> None:
    other = w.tmp / "другая база.sqlite"
    shutil.copyfile(w.db.path, other)
    w.notes["path"] = other


def _import_answer(w: Walk) -> Answer:
    def answer(dialog: QWidget) -> None:
        assert dialog.objectName() == "importDialog"
        assert dialog.fileEdit.text() == "", "the file field must start empty, not «False»"
        assert dialog.error is None
        w.notes["opened"] = True
        if not w.notes.get("full"):
            gestures.click(gestures.button(dialog, "importCancelButton"))
            return
        gestures.click(gestures.button(dialog, "importBrowseButton"))  # a file dialog: next
        w.wait(dialog.importButton.isEnabled, timeout=30000)
        gestures.click(dialog.importButton)  # «replace the events of 2024?»: next

    return answer


def _import_answers(w: Walk) -> list[Answer]:
    if not w.notes.get("full"):
        return [_import_answer(w)]
    return [_import_answer(w), gestures.choose_file(XLSX), _yes]


def _yes(dialog: QWidget) -> None:
    assert isinstance(dialog, QMessageBox)
    gestures.click(dialog.button(QMessageBox.StandardButton.Yes))


def _default(dialog: QWidget) -> None:
    assert isinstance(dialog, QMessageBox)
    gestures.click(dialog.defaultButton())


def _ok(dialog: QWidget) -> None:
    gestures.click(gestures.standard(dialog, QDialogButtonBox.StandardButton.Ok))


def _import_check(w: Walk) -> None:
    assert w.notes.get("opened")
    if w.notes.get("full"):
        assert records.counts(db=w.db).partners == 37
        assert years.years(db=w.db) == [2024]
        assert w.window.tree.current_ref() is not None


def _export_answers(w: Walk) -> list[Answer]:
    target = w.tmp / "выгрузка.xlsx"
    w.notes["path"] = target

    def answer(dialog: QWidget) -> None:
        assert dialog.objectName() == "exportDialog"
        dialog.fileEdit.setFocus()
        dialog.fileEdit.selectAll()
        gestures.type_text(dialog.fileEdit, str(target))
        gestures.click(dialog.exportButton)  # writes in the background, then asks: next

    def done(box: QWidget) -> None:
        assert box.objectName() == "exportDoneBox"
        assert str(target) in box.text()
        gestures.click(box.button(QMessageBox.StandardButton.Close))

    return [answer, done]


def _written(w: Walk) -> None:
    path = w.notes["path"]
    assert path.exists() and path.stat().st_size > 0
    assert str(path) in w.window.statusBar().currentMessage()
    assert w.window.open_folder.isVisible()


def _print_answers(w: Walk) -> list[Answer]:
    target = w.tmp / "отчёт.pdf"
    w.notes["path"] = target

    def preview(dialog: QWidget) -> None:
        assert dialog.objectName() == "reportPreviewDialog"
        w.notes["preview"] = dialog
        dialog.pdfAction.trigger()  # «Save as PDF…» on its toolbar: a file dialog, next

    return [preview, gestures.choose_file(target)]


def _print_check(w: Walk) -> None:
    w.wait(lambda: w.notes["path"].exists())
    _written(w)
    w.notes["preview"].reject()


def _backups_answers(w: Walk) -> list[Answer]:
    def answer(dialog: QWidget) -> None:
        assert dialog.objectName() == "backupsDialog"
        before = dialog.table.rowCount()
        gestures.click(gestures.button(dialog, "backupNowButton"))
        assert dialog.table.rowCount() == before + 1
        gestures.escape(dialog)

    return [answer]


def _undo_prepare(w: Walk) -> None:
    w.window.editor.add_region("Арктика")
    assert "Арктика" in _region_names(w)


def _redo_prepare(w: Walk) -> None:
    _undo_prepare(w)
    w.window.editor.stack.undo()
    assert "Арктика" not in _region_names(w)


def _rename_check(w: Walk) -> None:
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not w.window.tree  # the name is being edited
    gestures.type_text(editor, "Ташкент-Сити")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    w.wait(lambda: details.partner(db=w.db, partner_id=w.notes["id"]).name == "Ташкент-Сити")


def _select(name: str) -> Callable[[Walk], None]:
    def prepare(w: Walk) -> None:
        w.notes["id"] = w.partner(name)

    return prepare


def _partner_gone(w: Walk) -> None:
    assert details.partner(db=w.db, partner_id=w.notes["id"]) is None
    assert w.window.tree.current_ref() is not None  # a neighbour is selected


def _move_answer(dialog: QWidget) -> None:
    assert dialog.objectName() == "moveDialog"
    targets = dialog.findChild(QTreeWidget, "moveTargets")
    found = targets.findItems("Казахстан", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found
    targets.setCurrentItem(found[0])
    _ok(dialog)


def _agreement_answer(dialog: QWidget) -> None:
    assert dialog.objectName() == "agreementDialog"
    gestures.type_text(dialog.title, "Соглашение о побратимстве")
    gestures.type_text(dialog.dates, "2025")
    _ok(dialog)


def _second_region(w: Walk) -> None:
    index = w.window.model.index(1, 0)
    w.notes["name"] = index.data()
    w.window.tree.setCurrentIndex(index)
    w.window.tree.setFocus()


def _sort_prepare(w: Walk) -> None:
    w.notes["id"] = w.partner("Ташкент")
    rows = details.events(db=w.db, partner_id=w.notes["id"], year=2024)
    w.window.editor.move_event(rows[0].id, len(rows) - 1)  # out of date order


def _sorted_by_date(w: Walk) -> None:
    rows = details.events(db=w.db, partner_id=w.notes["id"], year=2024)
    starts = [r.date.start.iso() for r in rows if r.date.start is not None]
    assert starts == sorted(starts)
    assert all(r.date.start is None for r in rows[len(starts) :])


def _refresh_prepare(w: Walk) -> None:
    edit.add_region(db=w.db, name="Антарктида")  # written past the window
    assert "Антарктида" not in _tree_top(w)


def _year_answer(dialog: QWidget) -> None:
    assert dialog.objectName() == "yearDialog"
    spin = dialog.year
    spin.setFocus()
    spin.selectAll()
    gestures.type_text(spin, "2026")  # a gap year: 2025 stays unstarted
    QTest.keyClick(spin, Qt.Key.Key_Return)


def _year_check(w: Walk) -> None:
    assert years.years(db=w.db) == [2024, 2026]
    assert w.window.editor.year == 2026
    assert w.window.year_selector.currentText() == "2026"


def _help_check(w: Walk) -> None:
    from spbgui.ui.help_window import HelpWindow

    helper = w.window.findChild(HelpWindow, "helpWindow")
    assert helper is not None and helper.isVisible()
    text = helper.browser.toPlainText()
    assert "Год шаг за шагом" in text and "Где резервные копии" in text
    helper.close()


def _stats_shown(w: Walk) -> None:
    stats = getattr(w.window, "stats_window", None)
    assert stats is not None and stats.isVisible()
    stats.close()


def _about(dialog: QWidget) -> None:
    assert isinstance(dialog, QMessageBox)
    from spbgui import __version__

    assert __version__ in dialog.text()
    gestures.escape(dialog)


def _closed(w: Walk) -> None:
    assert not w.window.isVisible()


def _add_event_check(w: Walk) -> None:
    events = w.window.details.partner.events
    assert QApplication.focusWidget() is events.new_date
    before = len(details.events(db=w.db, partner_id=w.notes["id"], year=2024))
    gestures.type_text(events.new_date, "3-6 июля")
    QTest.keyClick(events.new_date, Qt.Key.Key_Return)  # on to the text
    gestures.type_text(QApplication.focusWidget(), "визит делегации")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    rows = details.events(db=w.db, partner_id=w.notes["id"], year=2024)
    assert len(rows) == before + 1
    assert rows[-1].text == "визит делегации" and rows[-1].date_text == "3-6 июля"


def _copy_prepare(w: Walk) -> None:
    w.notes["id"] = w.partner("Ташкент")
    table = w.window.details.partner.events.table
    table.setFocus()
    table.selectRow(0)
    w.notes["text"] = w.window.details.partner.events.model.record(0).text


def _copied(w: Walk) -> None:
    from PySide6.QtGui import QGuiApplication

    assert w.notes["text"] in QGuiApplication.clipboard().text()


def _paste_prepare(w: Walk) -> None:
    from PySide6.QtGui import QGuiApplication

    w.notes["id"] = w.partner("Ош")
    w.notes["before"] = len(details.events(db=w.db, partner_id=w.notes["id"], year=2024))
    QGuiApplication.clipboard().setText("5 мая\tвизит делегации из буфера обмена")


def _pasted(w: Walk) -> None:
    rows = details.events(db=w.db, partner_id=w.notes["id"], year=2024)
    assert len(rows) == w.notes["before"] + 1
    assert rows[-1].text == "визит делегации из буфера обмена" and rows[-1].date_text == "5 мая"


def _not_understood(w: Walk) -> None:
    assert w.window.search.not_understood and w.window.search.isVisible()


CASES: dict[ActionId, Case] = {
    ActionId.COPY: Case(_copy_prepare, check=_copied),
    ActionId.PASTE: Case(_paste_prepare, check=_pasted),
    ActionId.DATES_NOT_UNDERSTOOD: Case(check=_not_understood),
    ActionId.NEW_DATABASE: Case(
        _new_database,
        lambda w: [gestures.choose_file(w.notes["path"])],
        lambda w: (
            (w.notes["path"].exists() and w.window.db.path == w.notes["path"])
            or pytest.fail("the new database is not open")
        ),
    ),
    ActionId.OPEN_DATABASE: Case(
        _open_database,
        lambda w: [gestures.choose_file(w.notes["path"])],
        lambda w: w.window.db.path == w.notes["path"] or pytest.fail("not opened"),
    ),
    ActionId.CONNECT_SERVER: Case(
        answers=lambda w: [gestures.escape],
        check=lambda w: w.window.db.path is not None or pytest.fail("the file was left"),
    ),
    ActionId.IMPORT_TABLE: Case(answers=_import_answers, check=_import_check),
    ActionId.EXPORT_TABLE: Case(answers=_export_answers, check=_written),
    ActionId.PRINT_REPORT: Case(answers=_print_answers, check=_print_check),
    ActionId.BACKUPS: Case(answers=_backups_answers),
    ActionId.QUIT: Case(check=_closed),
    ActionId.UNDO: Case(
        _undo_prepare, check=lambda w: "Арктика" not in _region_names(w) or pytest.fail("")
    ),
    ActionId.REDO: Case(
        _redo_prepare, check=lambda w: "Арктика" in _region_names(w) or pytest.fail("")
    ),
    ActionId.RENAME: Case(_select("Ташкент"), check=_rename_check),
    ActionId.DELETE: Case(_select("Ош"), lambda w: [_default], _partner_gone),
    ActionId.FIND: Case(
        check=lambda w: QApplication.focusWidget() is w.window.search_field or pytest.fail("")
    ),
    ActionId.HISTORY: Case(
        _select("Ош"),
        lambda w: [
            lambda d: (
                (
                    (d.objectName() == "historyDialog" and d.table.rowCount() > 0)
                    and gestures.escape(d) is None
                )
                or pytest.fail("no history shown")
            )
        ],
    ),
    ActionId.ADD_REGION: Case(
        answers=lambda w: [gestures.type_and_enter("Арктика")],
        check=lambda w: "Арктика" in _region_names(w) or pytest.fail(""),
    ),
    ActionId.ADD_COUNTRY: Case(
        _select("Ош"),
        lambda w: [gestures.type_and_enter("Лаос")],
        lambda w: (
            any(c["name"] == "Лаос" for c in records.dump(db=w.db)["countries"]) or pytest.fail("")
        ),
    ),
    ActionId.ADD_PARTNER: Case(
        _select("Ош"),
        lambda w: [gestures.type_and_enter("Каракол")],
        lambda w: (
            any(p["name"] == "Каракол" for p in records.dump(db=w.db)["partners"])
            or pytest.fail("")
        ),
    ),
    ActionId.ADD_AGREEMENT: Case(
        _select("Ош"),
        lambda w: [_agreement_answer],
        lambda w: (
            any(
                a.title == "Соглашение о побратимстве"
                for a in details.agreements(db=w.db, partner_id=w.notes["id"])
            )
            or pytest.fail("")
        ),
    ),
    ActionId.ADD_EVENT: Case(_select("Ош"), check=_add_event_check),
    ActionId.MOVE_TO: Case(
        _select("Ош"),
        lambda w: [_move_answer],
        lambda w: (
            details.partner(db=w.db, partner_id=w.notes["id"]).country == "Казахстан"
            or pytest.fail("")
        ),
    ),
    ActionId.MOVE_UP: Case(
        _second_region, check=lambda w: _tree_top(w)[0] == w.notes["name"] or pytest.fail("")
    ),
    ActionId.MOVE_DOWN: Case(
        _second_region, check=lambda w: _tree_top(w)[2] == w.notes["name"] or pytest.fail("")
    ),
    ActionId.SORT_EVENTS: Case(_sort_prepare, check=_sorted_by_date),
    ActionId.REFRESH: Case(
        _refresh_prepare, check=lambda w: "Антарктида" in _tree_top(w) or pytest.fail("")
    ),
    ActionId.START_YEAR: Case(answers=lambda w: [_year_answer], check=_year_check),
    ActionId.PREVIOUS_YEAR: Case(
        lambda w: w.window.editor.set_year(2025),
        check=lambda w: w.window.editor.year == 2024 or pytest.fail(""),
    ),
    ActionId.NEXT_YEAR: Case(check=lambda w: w.window.editor.year == 2025 or pytest.fail("")),
    ActionId.HELP: Case(check=_help_check),
    ActionId.STATISTICS: Case(check=_stats_shown),
    ActionId.ABOUT: Case(answers=lambda w: [_about]),
}


def test_every_action_has_a_case() -> None:
    assert set(CASES) == set(ActionId), set(ActionId) ^ set(CASES)


ON_TOOLBAR = {i for group in TOOLBAR for i in group} | {ActionId.START_YEAR}


def _params() -> list[Any]:
    out = []
    for action_id in ActionId:
        spec = SPECS[action_id]
        shortcuts = [spec.shortcut, *spec.more] if spec.shortcut is not None else []
        for n, _s in enumerate(shortcuts):
            out.append(pytest.param(action_id, "key", n, id=f"{action_id.name}-key{n}"))
        out.append(pytest.param(action_id, "menu", 0, id=f"{action_id.name}-menu"))
        if action_id in ON_TOOLBAR:
            out.append(pytest.param(action_id, "toolbar", 0, id=f"{action_id.name}-toolbar"))
    return out


@pytest.mark.parametrize(("action_id", "way", "n"), _params())
def test_every_action_from_every_way_in(  # type: ignore[no-untyped-def]
    qtbot, window, messages, caplog, tmp_path, monkeypatch, action_id, way, n
) -> None:
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    case = CASES[action_id]
    action = window.actions_[action_id]
    w = Walk(window, qtbot, tmp_path)
    # The slow dialog (the import of a whole table) goes all the way from its menu entry.
    w.notes["full"] = way == "menu"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    case.prepare(w)
    if QApplication.focusWidget() is None:
        window.tree.setFocus()
    expected = case.answers(w)
    answers = Answers().expect(*expected)
    caplog.set_level(logging.ERROR)
    try:
        if way == "key":
            sequence = action.shortcuts()[n]
            assert not sequence.isEmpty()
            gestures.press(QApplication.focusWidget() or window, sequence)
        elif way == "toolbar":
            button = gestures.toolbar_button(window, action)
            assert button is not None and button.isVisible(), "not on the toolbar"
            gestures.click(button)
        else:
            gestures.click_menu_entry(qtbot, window, action)
        qtbot.waitUntil(lambda: not answers.busy(), timeout=30000)
        case.check(w)
    finally:
        answers.stop()
    assert len(answers.seen) == len(expected), answers.names
    assert messages == [], messages
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
