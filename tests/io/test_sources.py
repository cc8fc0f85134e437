"""The reader is chosen by what the file is, not what it is called; others are refused helpfully."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from spbgui.io.sources import DOCX, KINDS, ODS, TEXT, XLS, XLSB, XLSX, file_filter, read_file, sniff
from spbgui.io.table.records import TableError

FIXTURES = Path(__file__).resolve().parents[1] / "data"


def _ole(tmp_path: Path, name: str, *streams: str) -> Path:
    """An OLE compound file's signature and directory names, as a stream-name sniffer sees it."""
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    for stream in streams:
        data += stream.encode("utf-16-le") + b"\0" * 64
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _zip(tmp_path: Path, name: str, members: dict[str, bytes]) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


def test_a_workbook_called_docx_is_read_as_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "таблица.docx"
    shutil.copy(FIXTURES / "cooperation_2024.xlsx", path)
    assert sniff(path) is XLSX
    assert read_file(path).counts()["events"] == 96


def test_a_word_document_called_xlsx_is_read_as_word(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Текст")
    path = tmp_path / "таблица.xlsx"
    document.save(str(path))
    assert sniff(path) is DOCX


def test_text_called_anything_is_text(tmp_path: Path) -> None:
    path = tmp_path / "таблица.dat"
    shutil.copy(FIXTURES / "cooperation_2024.txt", path)
    assert sniff(path) is TEXT


def test_kinds_by_content(tmp_path: Path) -> None:
    ods = _zip(tmp_path, "a.bin", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    assert sniff(ods) is ODS
    xlsb = _zip(tmp_path, "b.bin", {"xl/workbook.bin": b"\0"})
    assert sniff(xlsb) is XLSB
    assert sniff(_ole(tmp_path, "c.bin", "Workbook")) is XLS


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (
            lambda t: _ole(t, "отчёт.doc", "WordDocument"),
            "Сохраните файл в Word как «Документ Word (*.docx)» и откройте снова",
        ),
        (
            lambda t: _ole(t, "книга.xlsx", "EncryptionInfo", "EncryptedPackage"),
            "защищён паролем. Снимите пароль",
        ),
        (lambda t: _ole(t, "слайды.ppt", "PowerPoint Document"), "презентация PowerPoint"),
        (
            lambda t: _zip(
                t, "текст.odt", {"mimetype": b"application/vnd.oasis.opendocument.text"}
            ),
            "Сохраните его в LibreOffice как «Документ Word (*.docx)»",
        ),
        (lambda t: _zip(t, "архив.zip", {"a.txt": b"x"}), "Распакуйте архив"),
        (lambda t: _write(t, "скан.pdf", b"%PDF-1.7\n"), "Таблицу из PDF программа не читает"),
        (lambda t: _write(t, "письмо.rtf", b"{\\rtf1\\ansi"), "Сохраните файл в Word"),
        (lambda t: _write(t, "фото.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32), "изображение"),
        (lambda t: _write(t, "пусто.xlsx", b""), "пуст (0 байт)"),
        (lambda t: _write(t, "двоичный.bin", bytes(range(256)) * 4), "неизвестного формата"),
        (lambda t: t / "нет такого.xlsx", "не найден"),
    ],
)
def test_what_no_reader_takes_is_refused_with_what_to_do(tmp_path: Path, make, says: str) -> None:
    path = make(tmp_path)
    with pytest.raises(TableError) as info:
        read_file(path)
    assert says in str(info.value)
    assert path.name in str(info.value)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_dialog_filter_names_every_kind() -> None:
    entries = file_filter()
    label, every = entries[0]
    assert label == "Таблица сотрудничества"
    for kind in KINDS:
        assert (kind.label, kind.patterns) in entries
        assert set(kind.patterns) <= set(every)
    assert {"*.xlsx", "*.xls", "*.ods", "*.xlsb", "*.docx", "*.txt"} <= set(every)
