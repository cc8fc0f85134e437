"""What every layer may raise at a user, and where unexpected errors are written down."""

from __future__ import annotations

import logging
import os
import tempfile
import traceback
from pathlib import Path


class UserError(Exception):
    """An error whose message is written for the user: one plain Russian line, shown as is."""


_log: logging.Logger | None = None
_log_written = False  # whether the log is a file (else its folder could not be made)
_folder: list[Path] = []  # the log folder, once found


def _temporary_log_folder() -> Path:
    """Where the log goes when the user's log folder cannot be made or written."""
    user = os.getuid() if hasattr(os, "getuid") else os.getpid()
    return Path(tempfile.gettempdir()) / f"spbgui-{user}-log"


def _log_folder() -> Path:
    """The user's log folder, made; when it cannot be (no home known, a file in its way,
    a folder that cannot be written), a folder of the program's own in the temporary
    folder, so that what went wrong is still written down somewhere the dialog can name.
    """
    if not _folder:
        from spbgui.paths import log_dir, make_folder

        candidates = []
        try:
            candidates.append(log_dir())
        except UserError:
            pass  # no home: the temporary folder only
        candidates.append(_temporary_log_folder())
        for folder in candidates:
            try:
                make_folder(folder, what="Папку журнала")
                if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
                    continue  # a folder of that name made by another user of a shared /tmp
            except (UserError, OSError):
                continue
            _folder.append(folder)
            break
        else:
            _folder.append(candidates[0])  # named in messages; nothing is written there
    return _folder[0]


def log_file() -> Path:
    return _log_folder() / "spbgui.log"


def _quiet(handler: logging.Handler) -> logging.Handler:
    """A log that cannot be written (a full disk, a rotation refused) must not print
    logging's own traceback on the terminal: the program goes on without it."""
    handler.handleError = lambda record: None  # type: ignore[method-assign]
    return handler


def logger() -> logging.Logger:
    """The program's log: a rotating file in the user's log folder."""
    global _log, _log_written
    if _log is None:
        import logging.handlers  # (sockets, pickle, queues: not for a start-up that logs nothing)

        _log = logging.getLogger("spbgui")
        _log.setLevel(logging.INFO)
        try:
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                log_file(), maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
            _log_written = True
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        _log.addHandler(_quiet(handler))
    return _log


def log_unexpected(exc: BaseException) -> Path | None:
    """Write the full traceback of an unexpected error to the log; return the log's path,
    None when no log could be written."""
    logger().error(
        "unexpected error\n%s",
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    )
    return log_file() if _log_written else None


_crash_file = None


def enable_crash_log() -> Path | None:
    """Native crashes (a segfault in Qt, an abort) write their Python stack to crash.log."""
    global _crash_file
    import faulthandler

    if _crash_file is not None:
        return Path(_crash_file.name)
    try:
        path = log_file().with_name("crash.log")
        _crash_file = path.open("a", encoding="utf-8")  # kept open for the process's life
    except OSError:
        return None
    faulthandler.enable(_crash_file)
    return path
