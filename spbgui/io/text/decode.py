"""Bytes of a text file to str: UTF-8 or UTF-16 by their marks, else UTF-8, else Windows-1251.

Windows Notepad and Excel's «Текст (разделители — табуляция)» on a Russian
machine write Windows-1251 or UTF-16; everything newer writes UTF-8.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from spbgui.io.table.records import TableError
from spbgui.io.xlsx.guard import ReadLimits


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def read_text_file(path: Path, limits: ReadLimits, cancelled: Callable[[], bool] | None) -> str:
    """A text file's contents within the size limit, or a refusal in plain words."""
    from spbgui.io.package import check_size
    from spbgui.io.table.read import check_cancel

    check_size(path, limits)
    check_cancel(cancelled)
    try:
        return decode(path.read_bytes())
    except OSError:
        raise TableError(
            f"Файл «{path.name}» не удаётся прочитать (ошибка диска или сети)."
        ) from None
