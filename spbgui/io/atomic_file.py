"""A file put in place all at once: written beside its target, then moved over it.

The data goes to a temporary file in the target's own folder (so the final move is a
rename within one file system), is flushed to the disk with fsync, and only then
replaces the target with ``os.replace``, atomic on POSIX and on Windows. A crash, a
full disk or a failure of the writer before that leaves the earlier file with that
name byte for byte as it was, and the temporary file is removed. The callers word
the failure for what they write (:class:`WriteFailed` says at which stage it came).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteFailed(Exception):
    """Writing failed: ``error`` the system's, ``stage`` "create", "write" or "replace"."""

    def __init__(self, error: OSError, stage: str) -> None:
        super().__init__(error)
        self.error, self.stage = error, stage


def write_in_place(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write(file)`` on a temporary file beside ``target``, then move it into place.

    An OSError on the way comes out as :class:`WriteFailed`; anything ``write`` raises
    otherwise comes out as it is. Either way ``target`` is untouched.
    """
    stage = "create"
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".~{target.stem}.", suffix=".tmp", dir=target.parent)
        stage = "write"
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):  # a file system without modes (FAT, SMB) is fine
            os.chmod(tmp, _mode_for(target))
        stage = "replace"
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise WriteFailed(exc, stage) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _sync_folder(target.parent)


def _mode_for(target: Path) -> int:
    """The permissions the file should get: the old file's, or what a new file gets."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
