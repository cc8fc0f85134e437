"""Which reader a file needs, told from its content, and the one call that reads any of them.

Staff keep the committee's table in whatever the previous officer used: an
.xlsx, an old .xls, LibreOffice's .ods, an .xlsb, a Word .docx, the published
text. A file's name may lie (an .xls saved as .xlsx, a .docx renamed), so
:func:`sniff` looks at the first bytes and, for a zip package, at its content
types; the extension only breaks ties (text is text whatever it is called).
Each kind names its reader by module, so a reader's libraries load only when
such a file comes. Files no reader takes (.doc, .pdf, .rtf, .odt, pictures)
are refused with a message that says what to do with them.
:func:`file_filter` gives the import dialog its filter from the same list.
"""

from __future__ import annotations

import importlib
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree as SafeET

from spbgui.io.table.records import Growing, ParsedTable, TableError
from spbgui.io.xlsx.guard import ReadLimits, open_checked


@dataclass(frozen=True)
class Kind:
    """A kind of file a reader takes."""

    key: str
    label: str  # Russian, for messages and the dialog's filter
    patterns: tuple[str, ...]
    reader: str  # "module:function" taking (path, *, year, progress, cancelled, limits)

    def read(self, path: Path, **kwargs: object) -> ParsedTable:
        module, func = self.reader.split(":")
        reader: Callable[..., ParsedTable] = getattr(importlib.import_module(module), func)
        return reader(path, **kwargs)


XLSX = Kind("xlsx", "Книга Excel", ("*.xlsx", "*.xlsm"), "spbgui.io.xlsx.read:read_table")
XLS = Kind("xls", "Книга Excel 97–2003", ("*.xls",), "spbgui.io.spreadsheet.read:read_xls")
XLSB = Kind("xlsb", "Двоичная книга Excel", ("*.xlsb",), "spbgui.io.spreadsheet.read:read_xlsb")
ODS = Kind("ods", "Таблица LibreOffice", ("*.ods",), "spbgui.io.spreadsheet.read:read_ods")
DOCX = Kind("docx", "Документ Word", ("*.docx", "*.docm"), "spbgui.io.docx.read:read_docx")
HTML = Kind("html", "Веб-страница", ("*.html", "*.htm"), "spbgui.io.html:read_html")
TEXT = Kind("text", "Текст", ("*.txt", "*.tsv", "*.csv"), "spbgui.io.text.read:read_text")
KINDS = (XLSX, XLS, ODS, XLSB, DOCX, TEXT, HTML)


def file_filter() -> list[tuple[str, tuple[str, ...]]]:
    """(label, patterns) of every kind the import reads, the first entry being all of them."""
    every = tuple(p for kind in KINDS for p in kind.patterns)
    return [("Таблица сотрудничества", every)] + [(k.label, k.patterns) for k in KINDS]


def read_file(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen
    growing: Growing | None = None,
) -> ParsedTable:
    """Read the committee's table from any file a reader takes, or raise TableError.

    ``growing`` is told of the rows as they are read (see
    :func:`~spbgui.io.table.read.read_grids`). What it raises comes out as it is:
    wrap it if it may raise an OSError, which this function reports as the file's.
    """
    p = Path(path)
    try:
        kind = sniff(p, limits)
        return kind.read(
            p, year=year, progress=progress, cancelled=cancelled, limits=limits, growing=growing
        )
    except FileNotFoundError:
        # Told by its content a moment ago, gone now: a sync or a colleague moved it.
        raise TableError(
            f"Файл «{p.name}» не найден: его переместили или удалили, пока он читался. "
            "Выберите файл снова."
        ) from None
    except PermissionError:
        raise TableError(f"Нет доступа к файлу «{p.name}»: недостаточно прав на чтение.") from None
    except OSError:
        raise TableError(f"Файл «{p.name}» не удаётся прочитать (ошибка диска или сети).") from None


# --- telling the kind ----------------------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_HEAD = 8192

_WORD = "Сохраните файл в Word как «Документ Word (*.docx)» и откройте снова."
_EXCEL = "Сохраните его в Excel как «Книга Excel (*.xlsx)» и откройте снова."
_WHAT_WE_READ = (
    "Программа читает таблицу из файлов Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods), "
    "Word (.docx) и текста (.txt, .tsv, .csv)."
)


def _refuse(name: str, what: str, todo: str) -> TableError:
    return TableError(f"Файл «{name}» — {what}. {todo}")


def sniff(path: Path, limits: ReadLimits = ReadLimits()) -> Kind:  # noqa: B008 - frozen
    """The kind of the file at ``path`` by its content, or a TableError that says what to do."""
    p, head, size = open_checked(path)
    name = p.name
    if size == 0:
        raise TableError(f"Файл «{name}» пуст (0 байт).")
    with p.open("rb") as fh:
        head = fh.read(_HEAD)
    if head.startswith(_OLE):
        return _ole_kind(p, size, limits)
    if head.startswith(_ZIP):
        return _zip_kind(p)
    return _other_kind(p, head)


def _utf16(s: str) -> bytes:
    return s.encode("utf-16-le")


def _ole_kind(p: Path, size: int, limits: ReadLimits) -> Kind:
    """An OLE compound file: an old .xls or .doc, an encrypted Office file, something else.

    The stream names sit in the directory as UTF-16; their presence tells the
    cases apart without a CFB parser. The file is read whole only within the
    size limit.
    """
    name = p.name
    if size > limits.max_file_bytes:
        return XLS  # the reader refuses it by size with the usual message
    data = p.read_bytes()
    if _utf16("EncryptionInfo") in data or _utf16("EncryptedPackage") in data:
        raise TableError(
            f"Файл «{name}» защищён паролем. Снимите пароль (в Excel или Word: Файл → Сведения "
            "→ Защита → Зашифровать паролем, пустой пароль) и сохраните файл заново."
        )
    if _utf16("WordDocument") in data:
        raise _refuse(name, "документ Word старого формата (.doc)", _WORD)
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return XLS
    if _utf16("PowerPoint Document") in data:
        raise _refuse(name, "презентация PowerPoint", _WHAT_WE_READ)
    raise _refuse(name, "файл Microsoft Office, который программа не знает", _WHAT_WE_READ)


_CT_MAIN = {
    "spreadsheetml.sheet.main+xml": XLSX,
    "spreadsheetml.template.main+xml": XLSX,
    "ms-excel.sheet.macroenabled.main+xml": XLSX,
    "ms-excel.template.macroenabled.main+xml": XLSX,
    "ms-excel.sheet.binary.macroenabled.main": XLSB,
    "wordprocessingml.document.main+xml": DOCX,
    "wordprocessingml.template.main+xml": DOCX,
    "ms-word.document.macroenabled.main+xml": DOCX,
    "ms-word.template.macroenabledtemplate.main+xml": DOCX,
}


def _zip_kind(p: Path) -> Kind:
    name = p.name
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mimetype = zf.read("mimetype")[:100].decode("ascii", "replace").strip()
                if mimetype == "application/vnd.oasis.opendocument.spreadsheet":
                    return ODS
                if mimetype.startswith("application/vnd.oasis.opendocument.text"):
                    raise _refuse(
                        name,
                        "документ LibreOffice Writer (.odt)",
                        "Сохраните его в LibreOffice как «Документ Word (*.docx)» "
                        "и откройте снова.",
                    )
                raise _refuse(name, f"документ OpenDocument ({mimetype})", _WHAT_WE_READ)
            types = _content_types(zf, names)
    except TableError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, OSError):
        raise TableError(
            f"Файл «{name}» повреждён: его не удаётся распаковать. "
            "Попросите прислать его заново или пересохраните в той программе, где он сделан."
        ) from None
    for suffix, kind in _CT_MAIN.items():
        if any(t.endswith(suffix) for t in types):
            return kind
    # No content types (or unknown ones): the parts' names tell.
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    if "xl/workbook.bin" in names:
        return XLSB
    if any(n.startswith("ppt/") for n in names):
        raise _refuse(name, "презентация PowerPoint", _WHAT_WE_READ)
    raise _refuse(
        name,
        "архив ZIP, а не таблица",
        "Распакуйте архив и откройте файл таблицы из него. " + _WHAT_WE_READ,
    )


def _content_types(zf: zipfile.ZipFile, names: set[str]) -> list[str]:
    """The content types the package declares, lower-cased ([Content_Types].xml)."""
    part = "[Content_Types].xml"
    if part not in names or zf.getinfo(part).file_size > 1 << 20:
        return []
    try:
        root = SafeET.fromstring(zf.read(part))
    except Exception:  # a DOCTYPE or broken XML: the reader's own checks will say so
        return []
    return [el.get("ContentType", "").lower() for el in root.iter() if el.get("ContentType")]


def _other_kind(p: Path, head: bytes) -> Kind:
    name = p.name
    if head.startswith(b"%PDF"):
        raise _refuse(
            name,
            "документ PDF",
            "Таблицу из PDF программа не читает: откройте исходный документ Word или Excel "
            "и импортируйте его.",
        )
    if head.startswith(b"{\\rtf"):
        raise _refuse(name, "документ RTF", _WORD)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")):
        raise _refuse(
            name,
            "изображение",
            "Таблицу с картинки программа не читает: нужен файл Word или Excel с самой таблицей.",
        )
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        raise _refuse(name, "архив", "Распакуйте его и откройте файл таблицы. " + _WHAT_WE_READ)
    if head.startswith(b"SQLite format 3"):
        raise _refuse(
            name,
            "база данных, а не таблица",
            "Базу данных открывают через Файл → Открыть базу…",
        )
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<html", b"<!doctype html", b"<table", b"<meta", b"<head", b"<body")):
        return HTML
    if low.startswith(b"<?xml"):
        if b"<html" in low or b"xhtml" in low:
            return HTML
        raise _refuse(name, "файл XML, а не таблица", _EXCEL)
    if _is_text(head):
        return TEXT
    raise _refuse(name, "файл неизвестного формата", _WHAT_WE_READ)


def _is_text(head: bytes) -> bool:
    """Text in an encoding the text reader knows (UTF-8, UTF-16 with its mark, Windows-1251)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return controls <= len(head) // 100
