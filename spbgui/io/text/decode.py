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
    return decode_counted(data)[0]


def decode_counted(data: bytes) -> tuple[str, int]:
    """The text, and how many bytes of a UTF-8 file were not UTF-8 (each became «�»).

    A UTF-8 file with a stray byte or two (a line pasted in from an old Windows
    document) stays UTF-8: taken for Windows-1251, every Russian word of it
    would be garbled. Windows-1251 text has next to no valid UTF-8 sequences,
    so the share of bytes that fail tells the two apart.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[3:])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), 0
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    text, stray = _utf8(data)
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if stray * 20 < non_ascii:  # nearly all of it is UTF-8
        return text, stray
    return data.decode("cp1251", errors="replace"), 0


def _utf8(data: bytes) -> tuple[str, int]:
    before = data.count("\ufffd".encode())  # a «�» the file itself holds is no stray byte
    text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - before


def read_text_file(path: Path, limits: ReadLimits, cancelled: Callable[[], bool] | None) -> str:
    """A text file's contents within the size limit, or a refusal in plain words."""
    return read_decoded(path, limits, cancelled)[0]


def read_decoded(
    path: Path, limits: ReadLimits, cancelled: Callable[[], bool] | None
) -> tuple[str, int]:
    """:func:`read_text_file` and the count of :func:`decode_counted`."""
    from spbgui.io.package import check_size
    from spbgui.io.table.read import check_cancel

    check_size(path, limits)
    check_cancel(cancelled)
    try:
        return decode_counted(path.read_bytes())
    except OSError:
        raise TableError(
            f"Файл «{path.name}» не удаётся прочитать (ошибка диска или сети)."
        ) from None
