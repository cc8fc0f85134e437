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
_log_written: Path | None = None  # the file the log goes to (None: none could be opened)
_folder: list[Path] = []  # the log folder, once found


def _temporary_log_folder() -> Path:
    """Where the log goes when the user's log folder, or the log in it, cannot be written."""
    user = os.getuid() if hasattr(os, "getuid") else os.getpid()
    return Path(tempfile.gettempdir()) / f"spbgui-{user}-log"


def _usable(folder: Path) -> bool:
    """``folder`` made if need be, and ours to write in (not one of that name that another
    user of a shared temporary folder made first)."""
    from spbgui.paths import make_folder

    try:
        make_folder(folder, what="Папку журнала")
        return not hasattr(os, "getuid") or folder.stat().st_uid == os.getuid()
    except (UserError, OSError):
        return False


def _log_folders() -> list[Path]:
    """The user's log folder, then the temporary one (no home known, a file in the way,
    a folder that cannot be written): what went wrong is still written down somewhere
    the error dialog can name."""
    from spbgui.paths import log_dir

    try:
        return [log_dir(), _temporary_log_folder()]
    except UserError:
        return [_temporary_log_folder()]


def _log_folder() -> Path:
    """The first of :func:`_log_folders` that can be written in (the first, if none)."""
    if not _folder:
        folders = _log_folders()
        _folder.append(next((f for f in folders if _usable(f)), folders[0]))
    return _folder[0]


def log_file() -> Path:
    return _log_folder() / "spbgui.log"


def _quiet(handler: logging.Handler) -> logging.Handler:
    """A log that cannot be written (a full disk, a rotation refused) must not print
    logging's own traceback on the terminal: the program goes on without it."""
    handler.handleError = lambda record: None  # type: ignore[method-assign]
    return handler


def logger() -> logging.Logger:
    """The program's log: a rotating file in the user's log folder (else in the temporary
    folder: the log file itself may be what cannot be written)."""
    global _log, _log_written
    if _log is None:
        import logging.handlers  # (sockets, pickle, queues: not for a start-up that logs nothing)

        _log = logging.getLogger("spbgui")
        _log.setLevel(logging.INFO)
        handler: logging.Handler = logging.NullHandler()
        for path in dict.fromkeys([log_file(), _temporary_log_folder() / "spbgui.log"]):
            if not _usable(path.parent):
                continue
            try:
                handler = logging.handlers.RotatingFileHandler(
                    path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
                )
            except OSError:
                continue
            _log_written = path
            break
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
    return _log_written


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
