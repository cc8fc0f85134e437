"""Stopping an import in the window: what the dialog says is what the database holds.

A clerk who presses Cancel (or Esc) while the import is being written was told
«Отменено. База данных не изменена.» at once, while the writing went on in its
thread past its last look at the Cancel flag and committed: the records were in
the database, the tree did not show them, and the next import of the file was
refused as a year already loaded. Escape closed the dialog without stopping the
writing at all.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QWidget

from spbgui.services import importer, records
from spbgui.ui.actions import ActionId
from spbgui.ui.main_window import MainWindow
from spbgui.ui.tasks import is_running
from tests.ui import gestures
from tests.ui.gestures import Answers


def _held_at_the_commit(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """The writer stops just before its transaction ends, until ``release`` is set."""
    reached, release = threading.Event(), threading.Event()
    log_change = importer.log_change

    def held(*args, **kwargs):
        log_change(*args, **kwargs)
        reached.set()
        release.wait(30)

    monkeypatch.setattr(importer, "log_change", held)
    return reached, release


def _root_names(window: MainWindow) -> list[str]:
    model = window.tree.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.mark.parametrize("how", ["cancel button", "escape"])
def test_a_stopped_import_changes_nothing_and_says_so(
    qtbot, empty_window, db, fixture_xlsx: Path, monkeypatch, how: str
) -> None:
    reached, release = _held_at_the_commit(monkeypatch)
    seen: dict[str, object] = {}

    def steps(dialog: QWidget) -> None:
        gestures.click(gestures.button(dialog, "importBrowseButton"))
        qtbot.waitUntil(dialog.importButton.isEnabled, timeout=30_000)
        gestures.click(dialog.importButton)
        qtbot.waitUntil(reached.is_set, timeout=30_000)
        if how == "escape":
            gestures.escape(dialog)
        else:
            gestures.click(dialog.cancelButton)
        release.set()
        qtbot.waitUntil(lambda: not is_running(dialog._task), timeout=30_000)
        seen["visible"] = dialog.isVisible()
        seen["summary"] = dialog.summary.text()
        seen["events"] = records.counts(db=db).events
        dialog.reject()

    answers = Answers().expect(steps, gestures.choose_file(fixture_xlsx))
    empty_window.actions_[ActionId.IMPORT_TABLE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=60_000)
    answers.stop()
    release.set()
    assert seen["events"] == 0, "the import went on after Cancel"
    assert seen["visible"], "the dialog closed while its import was still being written"
    assert "Отменено" in str(seen["summary"]) or "Cancelled" in str(seen["summary"])
    assert records.counts(db=db).events == 0
    assert _root_names(empty_window) == []
    assert QApplication.activeModalWidget() is None


def _year_copy(tmp_path: Path, fixture_xlsx: Path, year: int) -> Path:
    import openpyxl

    wb = openpyxl.load_workbook(fixture_xlsx)
    wb.active["E3"] = f"Основные мероприятия в {year} году"
    path = tmp_path / f"{year}.xlsx"
    wb.save(path)
    return path


def test_a_batch_stopped_midway_says_which_years_went_in_and_the_window_shows_them(
    qtbot, empty_window, db, fixture_xlsx: Path, tmp_path: Path, monkeypatch
) -> None:
    """Two years chosen at once, Cancel while the second is written: the first year is in
    (its own transaction), and the dialog and the window both say so."""
    from PySide6.QtWidgets import QFileDialog

    paths = [_year_copy(tmp_path, fixture_xlsx, y) for y in (2022, 2023)]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(p) for p in paths], ""))
    )
    reached, release = threading.Event(), threading.Event()
    log_change = importer.log_change

    def held(s, **kwargs):
        log_change(s, **kwargs)
        if kwargs.get("after", {}).get("year") == 2023:
            reached.set()
            release.wait(30)

    monkeypatch.setattr(importer, "log_change", held)
    seen: dict[str, object] = {}

    def steps(dialog: QWidget) -> None:
        gestures.click(gestures.button(dialog, "importBrowseButton"))
        qtbot.waitUntil(dialog.importButton.isEnabled, timeout=30_000)
        gestures.click(dialog.importButton)
        qtbot.waitUntil(reached.is_set, timeout=30_000)
        gestures.click(dialog.cancelButton)
        release.set()
        qtbot.waitUntil(lambda: not is_running(dialog._task), timeout=30_000)
        seen["summary"] = dialog.summary.text()
        dialog.reject()

    answers = Answers().expect(steps)
    empty_window.actions_[ActionId.IMPORT_TABLE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=60_000)
    answers.stop()
    release.set()
    assert records.event_years(db=db) == [2022]
    assert "2022" in str(seen["summary"]) and "остальные — нет" in str(seen["summary"])
    assert len(_root_names(empty_window)) == 5  # the window shows the year that went in


def test_escape_while_the_file_is_read_closes_the_dialog(qtbot, db) -> None:
    """Nothing is written while a file is read: Esc closes at once, dropping the reading."""
    from spbgui.ui.import_dialog import ImportDialog

    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    release = threading.Event()

    def slow_read(progress, cancelled):
        release.wait(10)

    dialog._run(slow_read, lambda _result: None)
    qtbot.waitUntil(dialog.is_busy, timeout=5_000)
    gestures.escape(dialog)
    assert not dialog.isVisible()
    release.set()
