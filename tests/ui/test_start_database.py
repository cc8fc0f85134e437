"""The database the program starts on, and a start that does not end before it began.

The window opens the last database used; when that file can no longer be opened
(damaged with no sound copy, replaced by another program's file, written by a
newer version) the clerk is told why, and the program still starts, on the
default database, so that File → Open and Open Recent can reach another one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from spbgui import app as app_module
from spbgui import errors
from spbgui.ui import settings
from spbgui.ui.main_window import MainWindow
from tests.ui import gestures
from tests.ui.gestures import Answers


def _run_main(qapp, monkeypatch, argv: list[str]) -> tuple[int, list[str]]:
    """Run the program's main() here; the window it shows is looked at, then closed."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    monkeypatch.setattr(errors, "enable_crash_log", lambda: None)  # pytest has faulthandler
    # main() names the application; the settings stay the tests' own (tests/ui/conftest.py)
    monkeypatch.setattr(app_module, "ORG_NAME", qapp.organizationName())
    monkeypatch.setattr(app_module, "APP_NAME", qapp.applicationName())
    before = set(qapp.findChildren(QTranslator))
    shown: list[str] = []
    running = [True]

    def look() -> None:
        if not running[0]:
            return  # main() ended without a window: no other test's window is closed
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in windows if w.isVisible()]
        if not visible or QApplication.activeModalWidget() is not None:
            QTimer.singleShot(50, look)
            return
        window = visible[0]
        shown.append(str(window.db.path))
        shown.append(window.file_label.toolTip())
        window.close()

    QTimer.singleShot(50, look)
    answers = Answers().expect(gestures.press_button("Start Empty"))
    try:
        code = app_module.main(argv)
    finally:
        running[0] = False
        answers.timer.stop()
        for tr in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(tr)
            tr.deleteLater()
    return code, shown


def test_a_last_database_that_cannot_be_opened_still_lets_the_program_start(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    default = tmp_path / "data" / "spbgui.sqlite"
    monkeypatch.setattr(app_module, "default_database", lambda: default)
    last = tmp_path / "Отдел #2" / "партнёры.sqlite"
    last.parent.mkdir()
    last.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 4000)  # damaged
    settings.LAST_DATABASE.set(str(last))

    code, shown = _run_main(qapp, monkeypatch, [])

    assert messages and "партнёры.sqlite" in messages[0]  # said why, in words
    assert code == 0 and shown, "the program ended without showing its window"
    assert shown[0] == str(default)
    assert "партнёры.sqlite" in shown[1]  # the window says which file it could not open
    assert "Файл → Открыть базу данных…" in shown[1]  # and what to do
    assert last.read_bytes()[:16] == b"SQLite format 3\x00"  # the file is left as it was


def test_a_database_named_on_the_command_line_that_cannot_be_opened_ends_the_start(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    default = tmp_path / "data" / "spbgui.sqlite"
    monkeypatch.setattr(app_module, "default_database", lambda: default)
    named = tmp_path / "notes.sqlite"
    named.write_text("not a database")

    code, shown = _run_main(qapp, monkeypatch, ["--db", str(named)])

    assert code == 1 and not shown and messages  # what was asked for cannot be done
    assert not default.exists()
