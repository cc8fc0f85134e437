"""What every layer may raise at a user, and where unexpected errors are written down."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path


class UserError(Exception):
    """An error whose message is written for the user: one plain Russian line, shown as is."""


_log: logging.Logger | None = None


def log_file() -> Path:
    from spbgui.paths import log_dir

    return log_dir() / "spbgui.log"


def logger() -> logging.Logger:
    """The program's log: a rotating file in the user's log folder."""
    global _log
    if _log is None:
        import logging.handlers  # (sockets, pickle, queues: not for a start-up that logs nothing)

        _log = logging.getLogger("spbgui")
        _log.setLevel(logging.INFO)
        try:
            path = log_file()
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        _log.addHandler(handler)
    return _log


def log_unexpected(exc: BaseException) -> Path:
    """Write the full traceback of an unexpected error to the log; return the log's path."""
    logger().error(
        "unexpected error\n%s",
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    )
    return log_file()


_crash_file = None


def enable_crash_log() -> Path | None:
    """Native crashes (a segfault in Qt, an abort) write their Python stack to crash.log."""
    global _crash_file
    import faulthandler

    if _crash_file is not None:
        return Path(_crash_file.name)
    try:
        path = log_file().with_name("crash.log")
        path.parent.mkdir(parents=True, exist_ok=True)
        _crash_file = path.open("a", encoding="utf-8")  # kept open for the process's life
    except OSError:
        return None
    faulthandler.enable(_crash_file)
    return path
