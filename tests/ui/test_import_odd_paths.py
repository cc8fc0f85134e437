"""File → Import… on files whose names and folders a clerk really has: spaces, «#», «%»,
Cyrillic, a leading dot-less long name; chosen in the file dialog by typing, as a person does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QWidget

from spbgui.services import records
from spbgui.ui.main_window import MainWindow
from tests.test_cli import cli
from tests.ui import gestures
from tests.ui.gestures import Answers

NAMES = [
    "Отчёт #3 (100%)/Сотрудничество 2024 — итог.xlsx",
    "a%20b/file #1.xlsx",
    "пробелы  двойные/ таблица .xlsx",
]


@pytest.mark.parametrize("name", NAMES)
def test_the_window_imports_from_an_odd_path(
    qtbot, db, fixture_xlsx: Path, tmp_path: Path, name: str, expected_2024
) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    shutil.copyfile(fixture_xlsx, path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)

    def steps(dialog: QWidget) -> None:
        gestures.click(gestures.button(dialog, "importBrowseButton"))
        qtbot.waitUntil(
            lambda: dialog.importButton.isEnabled() or dialog.error is not None, timeout=30_000
        )
        assert dialog.error is None, dialog.error
        assert dialog.fileEdit.text() == str(path)
        gestures.click(dialog.importButton)

    answers = Answers().expect(steps, gestures.choose_file(path))
    gestures.press(window, "Ctrl+I")
    qtbot.waitUntil(lambda: not answers.busy(), timeout=60_000)
    answers.stop()
    assert records.dump(db=db) == expected_2024


@pytest.mark.parametrize("name", NAMES)
def test_the_cli_imports_from_an_odd_path(tmp_path: Path, fixture_xlsx: Path, name: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    shutil.copyfile(fixture_xlsx, path)
    r = cli("import", str(path), "--db", str(tmp_path / "б #1%.sqlite"))
    assert r.returncode == 0, r.stderr
