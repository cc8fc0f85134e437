"""The import dialog with a file that once killed it, and a Cancel that must never freeze it.

A workbook whose shared strings declare 2^62 entries made calamine panic with
a BaseException: the reading thread died silently and the dialog stayed at
«Чтение файла…» forever (issue 13, item 1). Cancel waited on the GUI thread
for the reading to notice (issue 13, item 7).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from spbgui.services import records
from spbgui.ui.import_dialog import ImportDialog
from tests.io import hostile as h


@pytest.fixture
def dialog(qtbot, db):  # type: ignore[no-untyped-def]
    d = ImportDialog(db)
    qtbot.addWidget(d)
    d.show()
    return d


def test_a_panicking_file_is_refused_in_words(qtbot, dialog, tmp_path: Path, db) -> None:  # type: ignore[no-untyped-def]
    path = h.workbook(
        tmp_path / "sst62.xlsx",
        h.sheet_xml(h.SHARED_CELL),
        shared=h.shared_strings(["a"], count="1", unique=str(2**62 - 1)),
    )
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=30_000)
    assert "sst62.xlsx" in dialog.error and "\n" not in dialog.error
    assert dialog.summary.text() == dialog.error
    assert not dialog.importButton.isEnabled()
    assert records.counts(db=db).regions == 0


def test_cancel_returns_at_once_while_the_step_runs_on(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def slow_step(progress, cancelled):  # type: ignore[no-untyped-def]
        release.wait(10)  # a step that notices the cancel late
        return None

    dialog._run(slow_step, lambda _result: None)
    qtbot.waitUntil(dialog.is_busy, timeout=5_000)
    started = time.monotonic()
    dialog.cancelButton.click()
    assert time.monotonic() - started < 0.5
    assert not dialog.is_busy()
    assert dialog.isVisible() and not dialog.progress.isVisible()
    assert "Cancelled" in dialog.summary.text() or "Отменено" in dialog.summary.text()
    release.set()
