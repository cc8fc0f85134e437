"""The rest a desktop user expects of the window: names, shortcuts, files, settings, errors."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
)

from spbgui.services import edit, records
from spbgui.store.database import open_database
from spbgui.ui import error_dialog
from spbgui.ui.actions import SPECS, ActionId, translate
from spbgui.ui.dialogs import FileDialogs, FirstStartDialog
from spbgui.ui.error_dialog import ErrorDialog
from spbgui.ui.files import recent_databases, sample_table
from spbgui.ui.main_window import MainWindow


def test_stable_object_names(window) -> None:
    for cls, name in (
        (QTreeView, "navigationTree"),
        (QLineEdit, "searchField"),
        (QComboBox, "yearSelector"),
        (QWidget, "detailsPane"),
        (QTableView, "agreementsTable"),
        (QTableView, "eventsTable"),
    ):
        widget = window.findChild(cls, name)
        assert widget is not None, name
    assert window.findChild(QWidget, "navigationTree").accessibleName()


def test_every_action_has_an_object_name_an_accessible_name_and_a_tip(window) -> None:
    actions = [a for a in window.findChildren(QAction) if a.objectName().startswith("action")]
    ids = {a.objectName() for a in actions}
    assert {i.value for i in ActionId} <= ids
    for action in actions:
        if action.objectName().startswith("actionRecent"):
            continue
        assert action.property("accessibleName"), action.objectName()
        assert action.toolTip(), action.objectName()
    toolbar = window.findChild(QWidget, "mainToolBar")
    for button in toolbar.findChildren(QToolButton):
        if button.defaultAction() is not None and button.parent() is toolbar:
            assert button.accessibleName(), button.objectName()


def test_standard_shortcuts(window) -> None:
    a = window.actions_
    for action_id, key in (
        (ActionId.UNDO, QKeySequence.StandardKey.Undo),
        (ActionId.REDO, QKeySequence.StandardKey.Redo),
        (ActionId.FIND, QKeySequence.StandardKey.Find),
        (ActionId.OPEN_DATABASE, QKeySequence.StandardKey.Open),
        (ActionId.DELETE, QKeySequence.StandardKey.Delete),
    ):
        assert a[action_id].shortcut() == QKeySequence(key), action_id
    assert a[ActionId.RENAME].shortcut() == QKeySequence("F2")
    assert a[ActionId.QUIT].shortcut() == QKeySequence("Ctrl+Q")
    assert QKeySequence("Ctrl+Y") in a[ActionId.REDO].shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in a[ActionId.REDO].shortcuts()


def test_import_export_and_print_are_enabled_with_tips_that_say_what_they_do(window) -> None:
    for action_id in (ActionId.IMPORT_TABLE, ActionId.EXPORT_TABLE, ActionId.PRINT_REPORT):
        action = window.actions_[action_id]
        assert action.isEnabled()
        assert action.toolTip() == translate(SPECS[action_id].tip)
        assert "верси" not in action.toolTip()  # no «comes with a later version»


def test_status_bar_shows_the_file_and_counts(window, db_path: Path) -> None:
    assert str(db_path) in window.file_label.text()
    text = window.counts_label.text()
    assert "37" in text and "41" in text and "96" in text
    assert db_path.name in window.windowTitle()


def test_undo_text_says_what_will_be_undone(window, select_partner) -> None:
    select_partner("Ош")
    assert not window.actions_[ActionId.UNDO].isEnabled()
    events = window.details.partner.events
    events.new_date.setText("Июнь")
    events.new_text.setText("визит")
    events.new_button.click()
    assert window.actions_[ActionId.UNDO].isEnabled()
    assert window.editor.stack.undoText() in window.actions_[ActionId.UNDO].text()
    assert window.editor.stack.undoText()


def test_geometry_and_splitters_are_remembered(qtbot, window, db_path: Path) -> None:
    window.splitter.setSizes([300, 900])
    window.close()
    settings = QSettings()
    for key in ("window/geometry", "window/state", "window/splitter", "window/partner"):
        assert settings.value(key) is not None, key
    db = open_database(db_path)
    again = MainWindow(db)
    qtbot.addWidget(again)
    assert again.splitter.saveState() == settings.value("window/splitter")
    again.close()


def test_open_another_database_and_the_recent_list(window, tmp_path: Path, monkeypatch) -> None:
    other = tmp_path / "other.sqlite"
    monkeypatch.setattr(FileDialogs, "new_database", classmethod(lambda cls, p, f: other))
    window.actions_[ActionId.NEW_DATABASE].trigger()
    assert window.db.path == other
    assert records.counts(db=window.db).partners == 0
    assert window.details.currentWidget() is window.details.empty
    assert recent_databases()[0] == str(other)
    first = recent_databases()[1] if len(recent_databases()) > 1 else None
    window.files.fill_recent_menu(window.recent_menu)
    assert window.recent_menu.actions()[0].objectName() == "actionRecent1"
    # back to the first database through File → Open
    monkeypatch.setattr(
        FileDialogs, "open_database", classmethod(lambda cls, p, f: tmp_path / "records.sqlite")
    )
    window.actions_[ActionId.OPEN_DATABASE].trigger()
    assert records.counts(db=window.db).partners == 37
    assert first is None or Path(first).name == "records.sqlite"


def test_a_file_that_is_not_a_database_is_refused_with_a_message(
    window, tmp_path: Path, monkeypatch, messages
) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    monkeypatch.setattr(FileDialogs, "open_database", classmethod(lambda cls, p, f: bad))
    window.actions_[ActionId.OPEN_DATABASE].trigger()
    assert messages and "не база данных" in messages[0]
    assert records.counts(db=window.db).partners == 37  # still the same database


def test_about_shows_the_version(window, monkeypatch) -> None:
    from spbgui import __version__

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "about", staticmethod(lambda parent, t, text: shown.append(text))
    )
    window.actions_[ActionId.ABOUT].trigger()
    assert __version__ in shown[0]


def test_an_unexpected_error_shows_where_the_log_is(qtbot, monkeypatch) -> None:
    seen: list[tuple] = []
    monkeypatch.setattr(
        ErrorDialog,
        "show_unexpected",
        classmethod(lambda cls, parent, what, log: seen.append((what, log))),
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install_excepthook()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    ((what, log),) = seen
    assert "boom in a slot" in what
    assert log.name == "spbgui.log" and "boom in a slot" in log.read_text("utf-8")


def test_a_failing_undo_keeps_the_program_running(window, select_partner, messages, qtbot) -> None:
    pid = select_partner("Ош")
    events = window.details.partner.events
    events.new_date.setText("Июнь")
    events.new_text.setText("визит")
    events.new_button.click()
    # someone else deletes the partner behind the window's back
    from spbgui.services import removal
    from spbgui.services.changes import NodeRef

    removal.delete_node(db=window.db, ref=NodeRef.partner(pid))
    window.actions_[ActionId.UNDO].trigger()
    window.actions_[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: not window.editor.stack.canUndo())
    assert messages  # told, in words
    assert window.isVisible()


def test_first_start_on_an_empty_database_offers_import_or_the_sample(
    qtbot, db, monkeypatch
) -> None:
    asked: list[bool] = []

    def answer(cls, parent, importable):
        asked.append(importable)
        return FirstStartDialog.SAMPLE

    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(answer))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.offer_first_start()
    assert asked == [True]
    assert sample_table().exists()
    assert records.counts(db=db).partners == 37
    assert window.tree.current_ref() is not None
    assert window.year_selector.currentText() == "2024"


def test_no_first_start_question_on_a_database_with_records(window, monkeypatch) -> None:
    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(lambda *a: pytest.fail("asked")))
    window.offer_first_start()


def test_a_read_only_database_can_be_looked_at_not_edited(qtbot, sample_db, db_path: Path) -> None:
    sample_db.close()
    ro = open_database(db_path, readonly=True)
    window = MainWindow(ro)
    qtbot.addWidget(window)
    assert not window.actions_[ActionId.ADD_PARTNER].isEnabled()
    assert not window.actions_[ActionId.DELETE].isEnabled()
    assert not window.details.partner.events.new_button.isEnabled()
    assert window.details.currentWidget() is window.details.partner
    window.close()
    edit  # noqa: B018 - the services stay importable beside a read-only window


def test_the_first_screen_is_read_before_sqlalchemy_and_the_engine_follows(
    qtbot, sample_db
) -> None:
    """Issue 17: the window shows the tree, the first partner and the counts from the
    file read with sqlite3; its SQLAlchemy engine (and the tree's marks) come after."""
    from spbgui.services import details, tree

    w = MainWindow(sample_db)
    qtbot.addWidget(w)
    assert not sample_db.engine_made  # nothing so far needed SQLAlchemy
    first = tree.first_partner(db=sample_db)
    assert first is not None and w.tree.current_ref() == first
    info = details.partner(db=sample_db, partner_id=first.id)
    assert info is not None and w.details.partner.heading.text().startswith(info.title)
    rows = details.events(db=sample_db, partner_id=first.id, year=w.editor.year)
    assert w.details.partner.events.model.rowCount() >= len(rows) > 0
    assert "37" in w.counts_label.text() and "96" in w.counts_label.text()
    assert w.model.rowCount() > 0
    with qtbot.waitSignal(w.tree_marks.updated, timeout=30_000):  # their first run
        w.show()
    assert sample_db.engine_made and sample_db.quick() is None
    for name in ("edit", "order", "removal", "terms", "search"):  # loaded, not only named
        assert type(sys.modules[f"spbgui.services.{name}"]) is types.ModuleType
