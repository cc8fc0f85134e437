"""The main window of a test, shown as the program shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spbgui.store.database import Database

if TYPE_CHECKING:
    from spbgui.ui.main_window import MainWindow


def shown_window(qtbot: Any, db: Database) -> MainWindow:
    """A MainWindow on ``db``, shown and exposed, closed with the test."""
    from spbgui.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
