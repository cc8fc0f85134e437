"""Bytes of a text file to str: UTF-8 or UTF-16 by their marks, else UTF-8, else Windows-1251.

Windows Notepad and Excel's «Текст (разделители — табуляция)» on a Russian
machine write Windows-1251 or UTF-16; everything newer writes UTF-8.
"""

from __future__ import annotations

import codecs


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")
