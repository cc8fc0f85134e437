"""What the system says when a file cannot be written, told in Russian.

A refusal the program did not foresee was passed on in the system's own words:
«Файл «Отчёт: 2024?.xlsx» не записан: Invalid argument» — on Windows, where «:» and
«?» may not be in a file name, that is what a clerk got, in English. Each such
refusal now says in Russian what is wrong and what to do; the earlier file stays.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from spbgui.errors import UserError
from spbgui.io.xlsx_writer.workbook import write_table
from spbgui.report import ReportOptions, save_docx, save_pdf
from tests.io.test_xlsx_write import _table

LATIN = re.compile(r"[A-Za-z]{3,}")
CASES = [
    (errno.EINVAL, "Invalid argument", "знаки"),
    (errno.EIO, "Input/output error", "ввода-вывода"),
    (errno.ENOTDIR, "Not a directory", "папк"),
    (errno.ELOOP, "Too many levels of symbolic links", "ссылк"),
    (errno.EBUSY, "Device or resource busy", "занят"),
]


def _failing_replace(code: int, text: str):
    def replace(src, dst):
        raise OSError(code, text)

    return replace


def _latin_words(message: str, path: Path) -> list[str]:
    return LATIN.findall(message.replace(str(path), "").replace(path.name, ""))


@pytest.mark.parametrize(("code", "text", "words"), CASES)
def test_the_excel_export_says_it_in_russian(
    tmp_path: Path, monkeypatch, code: int, text: str, words: str
) -> None:
    path = tmp_path / "Отчёт 2024.xlsx"
    path.write_bytes(b"earlier")
    monkeypatch.setattr(os, "replace", _failing_replace(code, text))
    with pytest.raises(UserError) as err:
        write_table(_table(), path)
    message = str(err.value)
    assert words in message and not _latin_words(message, path), message
    assert path.read_bytes() == b"earlier"


@pytest.mark.parametrize(("code", "text", "words"), CASES)
@pytest.mark.parametrize("save", [save_pdf, save_docx])
def test_the_report_says_it_in_russian(
    db_2024, tmp_path: Path, monkeypatch, code: int, text: str, words: str, save
) -> None:
    path = tmp_path / ("Отчёт 2024.pdf" if save is save_pdf else "Отчёт 2024.docx")
    path.write_bytes(b"earlier")
    monkeypatch.setattr(os, "replace", _failing_replace(code, text))
    with pytest.raises(UserError) as err:
        save(db=db_2024, options=ReportOptions(2024, summary=False), path=path)
    message = str(err.value)
    assert words in message and not _latin_words(message, path), message
    assert path.read_bytes() == b"earlier"
