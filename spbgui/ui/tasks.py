"""Running a long service call (reading a workbook, importing) off the GUI thread.

The window stays responsive and shows progress; cancelling sets a flag that the
service polls, and the service then rolls its transaction back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QThread, Signal

from spbgui.errors import UserError, log_unexpected


class Task(QThread):
    """Runs ``fn(progress=..., cancelled=...)`` in a thread; reports back through signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[..., Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._fn(
                progress=lambda done, total: self.progressed.emit(done, total),
                cancelled=self._cancel.is_set,
            )
        except UserError as exc:
            self.failed.emit(str(exc))
        except BaseException as exc:  # a bug, or a native library's panic: never a silent thread
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            where = log_unexpected(exc)
            self.failed.emit(
                QCoreApplication.translate(
                    "QThread", "Unexpected error: {0}. Details are in {1}"
                ).format(exc, where)
                if where
                else QCoreApplication.translate(
                    "QThread", "Unexpected error: {0}. The log could not be written."
                ).format(exc)
            )
        else:
            self.succeeded.emit(result)


def is_running(task: Task | None) -> bool:
    return task is not None and task.isRunning()


def stop(task: Task | None) -> bool:
    """Cancel ``task`` and wait for it to end (its service rolls back); True if it was running."""
    if task is None:
        return False
    running = task.isRunning()
    task.cancel()
    task.wait()
    return running


# Tasks abandoned by abandon(): still running, kept alive until they end (a QThread
# object destroyed while its thread runs aborts the program).
_abandoned: set[Task] = set()


def abandon(task: Task | None) -> bool:
    """Cancel ``task`` without waiting for it; True if it was running.

    The task's signals are cut, so nothing it reports reaches the window any
    more; it ends on its own at its next cancel check (its service rolls
    back). The window goes on at once: Cancel never blocks the GUI thread.
    """
    global _abandoned
    _abandoned = {t for t in _abandoned if not t.isFinished()}
    if task is None:
        return False
    running = task.isRunning()
    task.cancel()
    for signal in (task.progressed, task.succeeded, task.failed, task.finished):
        try:
            signal.disconnect()
        except (RuntimeError, TypeError):  # nothing was connected
            pass
    if running:
        task.setParent(None)  # outlives a dialog that closes meanwhile
        _abandoned.add(task)
        app = QCoreApplication.instance()
        if app is not None and len(_abandoned) == 1:
            app.aboutToQuit.connect(_wait_abandoned)
    return running


def _wait_abandoned() -> None:
    """At quit: the abandoned tasks are cancelled, so they end within moments."""
    for task in list(_abandoned):
        task.wait(30_000)
