"""A file name the file system refuses for its length, and how to say so.

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
