"""Putting a workbook in place all at once, so a failed export never spoils an earlier one.

The target is checked (an .xlsx file in a folder that exists), the workbook written
beside it and moved over it by :func:`spbgui.io.atomic_file.write_in_place`: a crash,
a full disk or a cancel before that leaves the earlier file with that name byte for
byte as it was. A failure is worded for the export (:func:`failure_message`).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from spbgui.io.atomic_file import WriteFailed, write_in_place
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
    try:
        write_in_place(target, write)
    except WriteFailed as failed:
        raise ExportError(failure_message(failed.error, target, failed.stage)) from failed.error
    return target
