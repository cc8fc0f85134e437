"""File → Backups… as a clerk meets it when the file is not theirs alone.

Restoring needs the database to itself for a moment: while another program (a second
window, spbgui-cli, a database browser with changes not written) holds its write lock,
the restore waits as long as any write would, then says so in words and leaves the
records as they were; the window is never stood still for good.
"""

from __future__ import annotations

import re
import resource
import shutil
import sqlite3
import time

import pytest

from PySide6.QtWidgets import QApplication, QWidget

from spbgui.services import backups, records
from spbgui.store import backup as store_backup
from spbgui.ui.actions import ActionId
from tests.ui import gestures
from tests.ui.gestures import Answers


def _select_row(dialog: QWidget, row: int) -> None:
    table = dialog.table
    rect = table.visualRect(table.model().index(row, 0))
    gestures.click(table.viewport(), rect.center())


@pytest.mark.timeout(60)  # it used to wait for ever: fail, do not hang the suite
def test_restore_while_another_program_writes_says_so_and_changes_nothing(
    qtbot, window, messages, monkeypatch
) -> None:
    monkeypatch.setattr(store_backup, "RESTORE_WAIT_MS", 300)
    backups.backup_now(db=window.db)
    window.editor.add_region("Антарктида")  # made after the copy: a restore would undo it
    before = records.dump(db=window.db)
    other = sqlite3.connect(window.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock, and keeps it
    took: list[float] = []

    def answer(dialog: QWidget) -> None:
        assert dialog.objectName() == "backupsDialog"
        _select_row(dialog, 0)
        start = time.monotonic()
        gestures.click(gestures.button(dialog, "restoreButton"))  # asks, then restores
        took.append(time.monotonic() - start)
        gestures.escape(dialog)

    answers = Answers().expect(answer, gestures.press_button("Restore"))
    try:
        window.actions_[ActionId.BACKUPS].trigger()
        qtbot.waitUntil(lambda: not answers.busy(), timeout=20000)
        answers.stop()
    finally:
        other.execute("ROLLBACK")
        other.close()
    QApplication.processEvents()

    assert answers.names == ["backupsDialog", "confirmDialog"]
    assert took and took[0] < 10  # it gave up waiting instead of hanging for good
    assert len(messages) == 1 and "занята другой программой" in messages[0]
    assert records.dump(db=window.db) == before  # nothing restored, nothing lost
    assert window.editor.add_region("Арктика") is not None  # and the window works on


def _copy_now_answer(seen: list[int]):
    def answer(dialog: QWidget) -> None:
        assert dialog.objectName() == "backupsDialog"
        before = dialog.table.rowCount()
        gestures.click(gestures.button(dialog, "backupNowButton"))
        seen.append(dialog.table.rowCount() - before)
        gestures.escape(dialog)

    return answer


@pytest.mark.parametrize("trouble", ["full disk", "a file where the folder goes"])
def test_a_copy_that_cannot_be_written_is_explained_in_russian(
    qtbot, window, messages, russian, trouble
) -> None:
    path = window.db.path
    folder = store_backup.backup_dir(path)
    if trouble == "a file where the folder goes":
        shutil.rmtree(store_backup.backups_root(path), ignore_errors=True)
        store_backup.backups_root(path).write_text("not a folder")
    before = records.dump(db=window.db)
    added: list[int] = []
    answers = Answers().expect(_copy_now_answer(added))
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    if trouble == "full disk":  # (Python ignores SIGXFSZ: a write past it fails, EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size // 4, hard))
    try:
        window.actions_[ActionId.BACKUPS].trigger()
        qtbot.waitUntil(lambda: not answers.busy(), timeout=20000)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    answers.stop()

    assert added == [0] and len(messages) == 1
    text = messages[0]
    assert str(folder) in text
    words = text.replace(str(folder), "").replace("«backups»", "")  # (names of folders)
    assert not re.search(r"[A-Za-z]{4,}", words), text  # no English of the system's
    if trouble == "full disk":
        assert "не хватает места" in text
    assert records.dump(db=window.db) == before
    assert not list(path.parent.rglob("*.part"))  # no half-written copy left
