"""File → Backups… as a clerk meets it when the file is not theirs alone.

Restoring needs the database to itself for a moment: while another program (a second
window, spbgui-cli, a database browser with changes not written) holds its write lock,
the restore waits as long as any write would, then says so in words and leaves the
records as they were; the window is never stood still for good.
"""

from __future__ import annotations

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
