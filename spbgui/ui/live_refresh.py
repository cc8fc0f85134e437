"""Changes made by others appear without reopening (issue 9, the window's half).

A timer asks :class:`~spbgui.services.watch.ChangeWatcher` once a second whether
another connection committed (SQLite ``PRAGMA data_version``, PostgreSQL
LISTEN/NOTIFY). If so, the window reloads what it shows, keeping the selection
(MainWindow._changed does). While the user is typing in a field or a table cell,
the refresh waits, so an edit in progress is never overwritten under their hands.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from spbgui.services.databases import Database
from spbgui.services.watch import ChangeWatcher

POLL_MS = 1000
TYPING = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def typing_in(window: QWidget) -> bool:
    """Is the user in the middle of an edit inside ``window``?"""
    focus = QApplication.focusWidget()
    if focus is None or not window.isAncestorOf(focus):
        return False
    if focus.objectName() == "searchField":
        return False  # the search refreshes itself; a reload does not disturb it
    if isinstance(focus, QAbstractItemView):
        return focus.state() == QAbstractItemView.State.EditingState
    return isinstance(focus, TYPING) or (isinstance(focus, QComboBox) and focus.isEditable())


class LiveRefresh(QObject):
    """Emits :attr:`changed_elsewhere` when the database changed and the user is not typing."""

    changed_elsewhere = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.watcher: ChangeWatcher | None = None
        self.pending = False
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)

    def watch(self, db: Database) -> None:
        self.stop()
        try:
            self.watcher = ChangeWatcher(db)
        except Exception:
            self.watcher = None
            return
        self.timer.start()

    def poll(self) -> None:
        if self.watcher is None:
            return
        try:
            if self.watcher.changed():
                self.pending = True
        except Exception:
            self.stop()
            return
        if self.pending and not typing_in(self.window):
            self.pending = False
            self.changed_elsewhere.emit()

    def stop(self) -> None:
        self.timer.stop()
        if self.watcher is not None:
            self.watcher.close()
        self.watcher = None
        self.pending = False
