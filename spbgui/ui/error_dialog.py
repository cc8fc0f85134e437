"""When something goes wrong that nobody expected: say so in plain words, say where the
log is, and keep the program running.

:func:`install_excepthook` routes every uncaught exception (Qt's event loop
hands exceptions in slots to ``sys.excepthook``) to :func:`report_unexpected`,
which writes the traceback to the log and shows :class:`ErrorDialog`. An
error written for the user (:class:`~spbgui.errors.UserError`) is shown as it is.
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from spbgui.errors import UserError, log_unexpected


def copy_details(what: str, log: Path | None) -> None:
    """What a maintainer needs in one paste: the error, the version and where the log is."""
    from spbgui import __version__

    QGuiApplication.clipboard().setText(f"spbgui {__version__}\n{what}\nlog: {log or '-'}")


class ErrorDialog:
    @classmethod
    def show_unexpected(cls, parent: QWidget | None, what: str, log: Path | None) -> None:
        """``log``: the file the details were written to; None when no log could be written
        (its folder cannot be made): the dialog then does not send the clerk looking for it."""
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
        if log is not None:
            box.setInformativeText(
                QCoreApplication.translate(
                    "ErrorDialog",
                    "The details are written to the log: %1\nPlease send this file to the "
                    "program's maintainers. You can go on working.",
                ).replace("%1", str(log))
            )
        else:
            box.setInformativeText(
                QCoreApplication.translate(
                    "ErrorDialog",
                    "The details could not be written to a log: no folder for it can be "
                    "written to. Press «Copy the Details» and send them to the program's "
                    "maintainers by mail. You can go on working.",
                )
            )
        box.setDetailedText(what)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        show_log = None
        if log is not None:
            show_log = box.addButton(
                QCoreApplication.translate("ErrorDialog", "Open the Log Folder"),
                QMessageBox.ButtonRole.ActionRole,
            )
        copy = box.addButton(
            QCoreApplication.translate("ErrorDialog", "Copy the Details"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.exec()
        if log is not None and box.clickedButton() is show_log:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(log.parent)))
        elif box.clickedButton() is copy:
            copy_details(what, log)

    @classmethod
    def show_user_error(cls, parent: QWidget | None, message: str) -> None:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ErrorDialog", "Cannot do that"), message
        )


_showing = False
_last_shown: dict[str, float] = {}
REPEAT_AFTER_S = 60.0  # an error raised by every repaint must not become an endless dialog


def report_unexpected(error: BaseException, parent: QWidget | None = None) -> None:
    """Log ``error`` and tell the user; one dialog at a time, the same error once a minute."""
    global _showing
    if isinstance(error, UserError):
        ErrorDialog.show_user_error(parent or QApplication.activeWindow(), str(error))
        return
    log = log_unexpected(error)
    what = f"{type(error).__name__}: {error}"
    # The same error is the same place in the code (its message may be worded twice over).
    frames = traceback.extract_tb(error.__traceback__)
    key = f"{type(error).__name__}@{frames[-1].filename}:{frames[-1].lineno}" if frames else what
    now = time.monotonic()
    if _showing or now - _last_shown.get(key, -REPEAT_AFTER_S) < REPEAT_AFTER_S:
        return
    _showing = True
    _last_shown[key] = now
    try:
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
