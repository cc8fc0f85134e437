"""Running a long service call (reading a workbook, importing) off the GUI thread.

The window stays responsive and shows progress; cancelling sets a flag that the
service polls, and the service then rolls its transaction back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

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
        except Exception as exc:  # a bug: tell the user where the details are
            where = log_unexpected(exc)
            self.failed.emit(
                QThread.tr("Unexpected error: {0}. Details are in {1}").format(exc, where)
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
