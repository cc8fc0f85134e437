"""Правка → История изменений… → «Сохранить в CSV…» where the file cannot be replaced.

The CSV was opened for writing straight away: an earlier file open in Excel (which locks
it on Windows) gave «[Errno 13] Permission denied: '…'» in English, and a failure half
way left half a file where the earlier one was. It is now written beside the target
and moved into place whole; a refusal is one Russian line, the earlier file as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from spbgui.ui.actions import ActionId
from tests.ui import gestures
from tests.ui.gestures import Answers


def _replace(box: QWidget) -> None:
    """The file dialog's «… already exists. Do you want to replace it?»: yes."""
    assert isinstance(box, QMessageBox)
    gestures.click(box.button(QMessageBox.StandardButton.Yes))


def _save_history(qtbot, window, target: Path) -> None:
    exists = target.exists()

    def history_answer(dialog: QWidget) -> None:
        assert dialog.objectName() == "historyDialog"
        gestures.click(dialog.exportButton)  # a file dialog: next
        gestures.escape(dialog)

    answers = Answers().expect(history_answer, gestures.choose_file(target))
    if exists:
        answers.expect(_replace)
    window.actions_[ActionId.HISTORY].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=30_000)
    answers.stop()


def test_the_history_csv_is_written_whole(qtbot, window, tmp_path: Path, messages) -> None:
    folder = tmp_path / "Выгрузки"
    folder.mkdir()
    target = folder / "история #1.csv"
    _save_history(qtbot, window, target)
    assert target.read_text(encoding="utf-8-sig").startswith("№,когда (UTC),кто")
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary left
    assert messages == []


def test_a_locked_csv_is_kept_and_the_refusal_is_russian(
    qtbot, window, tmp_path: Path, messages, monkeypatch
) -> None:
    folder = tmp_path / "Выгрузки"
    folder.mkdir()
    target = folder / "история.csv"
    target.write_text("прежний файл", encoding="utf-8")

    def locked(src, dst):  # what Windows says of a file Excel has open
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    _save_history(qtbot, window, target)
    assert target.read_text(encoding="utf-8") == "прежний файл"
    assert len(messages) == 1 and "открыт в другой программе" in messages[0], messages
    assert "Errno" not in messages[0] and "Permission" not in messages[0]
    assert [p.name for p in folder.iterdir()] == [target.name]
