"""The window's ways back: backups, a damaged file, a locked file, an error in a slot."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from PySide6.QtWidgets import QPushButton

from spbgui.services import backups, records
from spbgui.store.database import open_database
from spbgui.ui import recovery
from spbgui.ui.actions import ActionId
from spbgui.ui.backups_dialog import BackupsDialog
from spbgui.ui.dialogs import ConfirmDialog, RetryDialog


def test_backups_dialog_makes_a_copy_and_restores_it(qtbot, sample_db, monkeypatch) -> None:
    before = records.dump(db=sample_db)
    dialog = BackupsDialog(sample_db)
    qtbot.addWidget(dialog)
    rows = dialog.table.rowCount()
    dialog.backupButton.click()
    assert dialog.table.rowCount() == rows + 1
    assert dialog.table.item(0, 2).text() == "37"  # partners in the newest copy

    from spbgui.services import edit

    edit.add_region(db=sample_db, name="Антарктида")
    assert records.dump(db=sample_db) != before
    asked: list[str] = []
    monkeypatch.setattr(
        ConfirmDialog, "ask", classmethod(lambda cls, p, title, *a: asked.append(title) or True)
    )
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored):
        dialog.restoreButton.click()
    assert asked
    again = open_database(sample_db.path)
    try:
        assert records.dump(db=again) == before
    finally:
        again.close()
    reasons = {b.reason for b in backups.list_backups(db=sample_db)}
    assert "before-restore" in reasons


def test_the_window_has_the_backups_action(window) -> None:
    action = window.actions_[ActionId.BACKUPS]
    assert action.objectName() == "actionBackups" and action.isEnabled()


def test_a_damaged_file_is_offered_its_newest_sound_copy(sample_db, monkeypatch) -> None:
    before = records.dump(db=sample_db)
    backups.backup_now(db=sample_db)
    path: Path = sample_db.path
    sample_db.close()
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    with path.open("r+b") as fh:
        fh.seek(path.stat().st_size // 2)
        fh.write(b"\xff" * 8192)
    offered: list[str] = []
    monkeypatch.setattr(
        ConfirmDialog,
        "ask",
        classmethod(lambda cls, p, title, text, info, *a: offered.append(info) or True),
    )
    db = recovery.open_with_recovery(None, path)
    assert db is not None and offered
    try:
        assert records.dump(db=db) == before
    finally:
        db.close()
    assert list(path.parent.glob("*.damaged-*"))  # the damaged file is kept


def test_a_locked_file_keeps_the_edit_until_it_can_be_saved(qtbot, db_path, monkeypatch) -> None:
    from spbgui.store import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    db = open_database(db_path)
    from spbgui.ui.editor import Editor

    editor = Editor(db, 2024)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    asked: list[str] = []

    def answer(cls, parent, text):
        asked.append(text)
        other.execute("COMMIT")  # the other program finishes meanwhile
        return True

    monkeypatch.setattr(RetryDialog, "ask", classmethod(answer))
    try:
        assert editor.add_region("Арктика") is not None
        assert len(asked) == 1 and "занята" in asked[0]
        assert "Арктика" in records.dump(db=db)["regions"]
    finally:
        other.close()
        db.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_error_dialog(qtbot, window, monkeypatch) -> None:
    from spbgui.ui import error_dialog

    shown: list[str] = []
    monkeypatch.setattr(
        error_dialog.ErrorDialog,
        "show_unexpected",
        classmethod(lambda cls, parent, what, log: shown.append(what)),
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install_excepthook()

    def broken() -> None:
        raise ZeroDivisionError("деление на ноль в обработчике")

    button = QPushButton("x", window)
    button.clicked.connect(broken)
    button.click()
    assert shown and "ZeroDivisionError" in shown[0]
    # The window goes on working: an edit after the error is saved.
    assert window.editor.add_region("После ошибки") is not None
    assert "После ошибки" in records.dump(db=window.db)["regions"]


def test_copy_details_puts_the_error_and_log_on_the_clipboard(qapp, tmp_path) -> None:
    from PySide6.QtGui import QGuiApplication

    from spbgui.ui.error_dialog import copy_details

    copy_details("ValueError: плохо", tmp_path / "spbgui.log")
    text = QGuiApplication.clipboard().text()
    assert "ValueError: плохо" in text and "spbgui.log" in text
