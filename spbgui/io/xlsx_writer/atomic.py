"""Putting a file in place all at once, so a failed export never spoils an earlier one.

The workbook is written to a temporary file in the target's own folder (so the
final move is a rename within one file system), flushed to the disk with
fsync, and only then moved over the target with ``os.replace``, which is
atomic on POSIX and on Windows. A crash, a full disk or a cancel before that
leaves the earlier file with that name byte for byte as it was, and the
temporary file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from spbgui.io.file_names import (
    only_extension,
    only_extension_message,
    too_long,
    too_long_message,
    write_reason,
)
from spbgui.io.xlsx_writer.cells import ExportError

# A full disk or quota; EFBIG is a file over what the disk takes (FAT's 4 GB) or a size limit.
DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _mode_for(target: Path) -> int:
    """The permissions the file should get: the old file's, or what a new file gets."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def failure_message(exc: OSError, target: Path, stage: str) -> str:
    """What to tell the user when writing ``target`` failed at ``stage``."""
    name = target.name
    if exc.errno == errno.ENAMETOOLONG:
        return too_long_message(target)
    if exc.errno in DISK_FULL:
        return (
            f"Файл «{name}» не записан: на диске не хватает места. Освободите место или "
            "выберите другую папку; прежний файл с этим именем не изменён."
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        if stage == "replace":
            return (
                f"Файл «{name}» не заменён: он открыт в другой программе (например, в Excel) "
                "или защищён от записи. Закройте его и повторите выгрузку."
            )
        return f"Нет прав на запись в папку «{target.parent}». Выберите другую папку."
    if exc.errno == errno.EROFS:
        return f"Папка «{target.parent}» доступна только для чтения. Выберите другую папку."
    return f"Файл «{name}» не записан: {write_reason(exc)}. Прежний файл с этим именем не изменён."


def check_target(path: str | os.PathLike[str]) -> Path:
    """The target as a Path, or an ExportError if it cannot be a file we write."""
    target = Path(path)
    if only_extension(target, (".xlsx",)):
        raise ExportError(only_extension_message(target))
    if target.suffix.lower() != ".xlsx":
        raise ExportError(f"Имя файла «{target.name}» должно оканчиваться на .xlsx.")
    if too_long(target):
        raise ExportError(too_long_message(target))
    if target.is_dir():
        raise ExportError(f"«{target}» — это папка. Укажите имя файла.")
    if not target.parent.is_dir():
        raise ExportError(f"Папка «{target.parent}» не существует. Выберите другую папку.")
    return target


def replace_atomically(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(file)`` on a temporary file beside ``path``, then move it into place.

    Any exception from ``write`` (or from the disk) leaves ``path`` untouched and
    removes the temporary file; an OSError becomes an :class:`ExportError`.
    """
    target = check_target(path)
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
        raise ExportError(failure_message(exc, target, stage)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _sync_folder(target.parent)
    return target


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
