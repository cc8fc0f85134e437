"""Running the program's main() inside a test, with every dialog of the start answered.

A modal dialog that nobody answers blocks the test for ever: the answers are given
in order by :class:`tests.ui.gestures.Answers`, and a watchdog closes any modal
dialog left waiting with no answer, so that such a test fails, naming the dialog
and its text, instead of hanging.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from spbgui import app as app_module
from spbgui import errors
from spbgui.ui.main_window import MainWindow
from tests.ui.gestures import Answer, Answers, escape

UNANSWERED_S = 10.0  # a dialog still open after this long was not answered: a failure


class Started:
    """What main() did: its exit code, the window it showed, the dialogs left unanswered."""

    def __init__(self) -> None:
        self.code: int | None = None
        self.database: str | None = None  # the window's database
        self.notes = ""  # what the window's status bar says about it
        self.unanswered: list[str] = []


def _texts(widget: QWidget) -> str:
    return " | ".join(label.text() for label in widget.findChildren(QLabel) if label.text())


def run_main(qapp, monkeypatch, argv: list[str], answers: list[Answer] | None = None) -> Started:
    """Run the program's main() here with ``answers`` for its dialogs in order (by default
    Escape to the first-start question of an empty database); the window it shows is
    looked at, then closed."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    monkeypatch.setattr(errors, "enable_crash_log", lambda: None)  # pytest has faulthandler
    # main() names the application; the settings stay the tests' own (tests/ui/conftest.py)
    monkeypatch.setattr(app_module, "ORG_NAME", qapp.organizationName())
    monkeypatch.setattr(app_module, "APP_NAME", qapp.applicationName())
    before = set(qapp.findChildren(QTranslator))
    started = Started()
    running = [True]
    given = Answers().expect(*(answers if answers is not None else [escape]))
    waiting: list[tuple[QWidget, float]] = []

    def watch() -> None:
        """Close a modal dialog nobody is going to answer (the test then fails)."""
        if not running[0]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            since = next((t for d, t in waiting if d is dialog), None)
            if since is None:
                waiting.append((dialog, time.monotonic()))
            elif time.monotonic() - since > UNANSWERED_S:
                started.unanswered.append(f"{dialog.objectName()}: {_texts(dialog)}")
                if isinstance(dialog, QDialog | QMessageBox):
                    dialog.reject()
        QTimer.singleShot(200, watch)

    def look() -> None:
        if not running[0]:
            return  # main() ended without a window: no other test's window is closed
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in windows if w.isVisible()]
        if not visible or QApplication.activeModalWidget() is not None:
            QTimer.singleShot(50, look)
            return
        window = visible[0]
        started.database = str(window.db.path)
        started.notes = window.file_label.toolTip()
        window.close()

    QTimer.singleShot(50, look)
    QTimer.singleShot(200, watch)
    try:
        started.code = app_module.main(argv)
    finally:
        running[0] = False
        for tr in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(tr)
            tr.deleteLater()
        given.timer.stop()
    assert not started.unanswered, f"dialogs nobody answered: {started.unanswered}"
    given.stop()  # an answer that failed (no such button) fails the test
    assert not given.answers, f"dialogs that never came: {len(given.answers)} answers left"
    return started
