"""When something goes wrong that nobody expected: say so in plain words, say where the
log is, and keep the program running.

:func:`install_excepthook` routes every uncaught exception (Qt's event loop
hands exceptions in slots to ``sys.excepthook``) to :func:`report_unexpected`,
which writes the traceback to the log and shows :class:`ErrorDialog`. An
error written for the user (:class:`~spbgui.errors.UserError`) is shown as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from spbgui.errors import UserError, log_unexpected


class ErrorDialog:
    @classmethod
    def show_unexpected(cls, parent: QWidget | None, what: str, log: Path) -> None:
        box = QMessageBox(parent)
        box.setObjectName("errorDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog",
                "Something went wrong that the program did not expect. Your changes made "
                "so far are saved in the database.",
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ErrorDialog",
                "The details are written to the log: %1\nPlease send this file to the "
                "program's maintainers. You can go on working.",
            ).replace("%1", str(log))
        )
        box.setDetailedText(what)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        show_log = box.addButton(
            QCoreApplication.translate("ErrorDialog", "Open the Log Folder"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.exec()
        if box.clickedButton() is show_log:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(log.parent)))

    @classmethod
    def show_user_error(cls, parent: QWidget | None, message: str) -> None:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ErrorDialog", "Cannot do that"), message
        )


_showing = False


def report_unexpected(error: BaseException, parent: QWidget | None = None) -> None:
    """Log ``error`` and tell the user, once at a time (an error while showing is only logged)."""
    global _showing
    if isinstance(error, UserError):
        ErrorDialog.show_user_error(parent or QApplication.activeWindow(), str(error))
        return
    log = log_unexpected(error)
    if _showing:
        return
    _showing = True
    try:
        what = f"{type(error).__name__}: {error}"
        ErrorDialog.show_unexpected(parent or QApplication.activeWindow(), what, log)
    finally:
        _showing = False


def _hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    if error.__traceback__ is None and tb is not None:
        error = error.with_traceback(tb)
    report_unexpected(error)


def install_excepthook() -> None:
    sys.excepthook = _hook
