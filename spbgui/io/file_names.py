"""A file name the file system refuses for its length, or one with no name before its
extension, and how to say so.

Shared by every writer of files (the Excel export's atomic writing, the report, the
export dialog through services.targets).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


def too_long(path: Path) -> bool:
    """Whether the file system refuses the path for its length.

    Path.exists() and is_dir() raise on such a path instead of answering: ask first.
    """
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ENAMETOOLONG
    return False


def too_long_message(path: Path) -> str:
    shown = path.name if len(path.name) <= 40 else path.name[:40] + "…"
    return (
        f"Имя файла «{shown}» слишком длинное для диска ({len(path.name)} знаков). "
        "Сократите имя файла или путь к нему."
    )


def only_extension(path: Path, suffixes: tuple[str, ...]) -> bool:
    """Whether the name is an extension alone, «.xlsx»: no name before it (Linux would
    make it a hidden file, and the message «must end with .xlsx» would make no sense)."""
    return path.name.lower() in suffixes


def only_extension_message(path: Path) -> str:
    return (
        f"Укажите имя файла перед «{path.name}»: сейчас имени нет, только расширение "
        f"(например, «Сотрудничество{path.name}»)."
    )
