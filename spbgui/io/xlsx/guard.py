"""Checks a file before any spreadsheet library parses it.

A file from a colleague may be anything: a PDF renamed .xlsx, an old .xls, a
password-protected book, a damaged download, or a deliberately hostile file
(a zip bomb, XML entity expansion, a sheet that claims a billion cells). The
libraries behind the reader do not defend against all of this: calamine
allocates the whole rectangle between the first and the last cell at once
and aborts the process when that fails, so a two-cell sheet with one cell in
A1 and one in XFD1048576 kills the program. Hence everything is checked here
first, from the zip directory and then by a real XML parse (expat,
:mod:`spbgui.io.xlsx.scan`) of every part a reader may parse, whatever its
name, streamed through Python's zipfile (which stops at the declared size and
checks the CRC); :class:`~spbgui.io.table.records.TableError` is raised with
one plain Russian line. What the guard cannot foresee, the child process the
reading runs in (:mod:`spbgui.io.isolated`) contains.

The scan of each sheet (:mod:`spbgui.io.xlsx.scan`) also records its used
rectangle and merged ranges; the openpyxl fallback needs both (read-only
openpyxl knows neither).
"""

from __future__ import annotations

import os
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from spbgui.io.table.records import TableError
from spbgui.io.xlsx.date_formats import style_precisions
from spbgui.io.xlsx.scan import (
    PartHostile,
    PartMalformed,
    PartScanner,
    SheetInfo,
    SheetTooLarge,
    TooManyStrings,
)

_MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """How large a workbook the reader accepts; far above any real yearly table.

    The defaults keep the reader's memory well under 500 MB: the 2024 table has
    about 250 cells and a 20,000-row stress workbook about 100,000.
    """

    max_file_bytes: int = 50 * _MB
    max_uncompressed_bytes: int = 200 * _MB  # all parts together, as unpacked
    max_cells: int = 1_000_000  # per sheet: cells present, and the used rectangle
    max_ratio: float = 200.0  # unpacked/packed size of one part; zip bombs reach ~1000
    ratio_floor_bytes: int = 4 * _MB  # small parts may compress as well as they like
    max_members: int = 10_000
    max_memory_mb: int = 1024  # the reading process's address space (calamine's included)
    max_seconds: float = 20.0  # its CPU time


@dataclass
class WorkbookInfo:
    path: Path
    sheets: list[SheetInfo]


# --- messages (one line each, for a clerk) -------------------------------------------------

_RESAVE = "Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)»."


def _not_workbook(name: str, what: str = "") -> TableError:
    what = what or "не книга Excel (.xlsx)"
    return TableError(f"Файл «{name}» — {what}. {_RESAVE}")


def _damaged(name: str) -> TableError:
    return TableError(
        f"Файл «{name}» повреждён: книгу не удаётся распаковать. "
        "Попросите прислать его заново или пересохраните в Excel."
    )


def too_big(name: str, detail: str) -> TableError:
    """A file past a size limit, whatever its kind (every reader's limits say it so)."""
    return TableError(
        f"Файл «{name}» не открыт: {detail}. "
        "Такой объём не бывает у таблицы сотрудничества — возможно, файл повреждён или опасен."
    )


def _hostile(name: str) -> TableError:
    return TableError(
        f"Файл «{name}» не открыт: в нём есть XML-конструкции (DOCTYPE/ENTITY), "
        "которых не бывает в книгах Excel и которые используют для атак."
    )


def _num(n: int) -> str:
    """1 000 000: digits grouped by thin spaces, as Russian text writes them."""
    return f"{n:,}".replace(",", "\u202f")


def _mb(n: int) -> str:
    return f"{n / _MB:.0f} МБ" if n >= _MB else f"{n / 1024:.0f} КБ"


# --- the checks ----------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")


def _utf16(s: str) -> bytes:
    return s.encode("utf-16-le")


def open_checked(path: str | os.PathLike[str]) -> tuple[Path, bytes, int]:
    """The file's path, first bytes and size, or a TableError saying why it cannot be read."""
    p = Path(path)
    name = p.name or str(p)
    try:
        if not p.exists():
            raise TableError(f"Файл «{name}» не найден: {p}")
        if p.is_dir():
            raise TableError(f"«{name}» — это папка, а не файл книги.")
        size = p.stat().st_size
        with p.open("rb") as fh:
            head = fh.read(8)
    except PermissionError:
        raise TableError(f"Нет доступа к файлу «{name}»: недостаточно прав на чтение.") from None
    except OSError:
        raise TableError(f"Файл «{name}» не удаётся прочитать (ошибка диска или сети).") from None
    return p, head, size


def inspect_workbook(path: str | os.PathLike[str], limits: ReadLimits) -> WorkbookInfo:
    """Check the file thoroughly and describe its worksheets, or raise TableError."""
    p, head, size = open_checked(path)
    name = p.name
    if size == 0:
        raise TableError(f"Файл «{name}» пуст (0 байт).")
    if size > limits.max_file_bytes:
        raise too_big(
            name, f"размер файла {_mb(size)}, допускается не более {_mb(limits.max_file_bytes)}"
        )
    if head.startswith(_OLE_MAGIC):
        raise _classify_ole(p, name)
    if not head.startswith(_ZIP_MAGICS):
        raise _classify_other(head, name)
    try:
        with zipfile.ZipFile(p) as zf:
            return _inspect_zip(zf, p, limits)
    except TableError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, KeyError):
        raise _damaged(name) from None
    except NotImplementedError:  # a compression method zipfile does not know
        raise _damaged(name) from None
    except OSError:
        raise TableError(f"Файл «{name}» не удаётся прочитать (ошибка диска или сети).") from None


def _classify_ole(p: Path, name: str) -> TableError:
    """An OLE compound file: an encrypted .xlsx, an old .xls or .doc, or something else."""
    # Stream names live in the directory sectors as UTF-16; their presence is
    # enough to tell the cases apart without a CFB parser. The file is within
    # max_file_bytes, so reading it whole is bounded.
    data = p.read_bytes()
    if _utf16("EncryptionInfo") in data or _utf16("EncryptedPackage") in data:
        return TableError(
            f"Книга «{name}» защищена паролем. Снимите пароль в Excel "
            "(Файл → Сведения → Защита книги → Зашифровать паролем) и сохраните её заново."
        )
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return TableError(f"Файл «{name}» — книга старого формата Excel (.xls). {_RESAVE}")
    if _utf16("WordDocument") in data:
        return _not_workbook(name, "документ Word старого формата (.doc), а не книга Excel")
    return _not_workbook(name)


def _classify_other(head: bytes, name: str) -> TableError:
    if head.startswith(b"%PDF"):
        return _not_workbook(name, "документ PDF, а не книга Excel")
    if head.startswith(b"{\\rtf"):
        return _not_workbook(name, "документ RTF, а не книга Excel")
    low = head.lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    if low.startswith((b"<?xml", b"<html", b"<!doc", b"<table")):
        return _not_workbook(name, "веб-страница или XML, а не книга Excel (.xlsx)")
    return _not_workbook(name)


def _inspect_zip(zf: zipfile.ZipFile, p: Path, limits: ReadLimits) -> WorkbookInfo:
    name = p.name
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise too_big(name, f"в архиве книги {len(infos)} частей")
    names = {i.filename for i in infos}
    if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:100]:
        raise _not_workbook(name, "таблица OpenDocument (.ods), а не книга Excel (.xlsx)")
    if "word/document.xml" in names:
        raise _not_workbook(name, "документ Word (.docx), а не книга Excel")
    if "ppt/presentation.xml" in names:
        raise _not_workbook(name, "презентация PowerPoint, а не книга Excel")

    # The zip directory first: nothing is unpacked until the declared sizes are sane.
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise TableError(
                f"Книга «{name}» зашифрована. Снимите пароль в Excel и сохраните её заново."
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
            raise too_big(name, f"часть «{info.filename}» сжата в {ratio:.0f} раз")
    if total > limits.max_uncompressed_bytes:
        raise too_big(
            name,
            f"после распаковки {_mb(total)}, "
            f"допускается не более {_mb(limits.max_uncompressed_bytes)}",
        )

    wb_part = _workbook_part(zf, names)
    if wb_part is None:
        raise _not_workbook(name)
    sheets = _list_sheets(zf, wb_part, names, name)

    # Every part that is XML, or that a reader would read as XML, is parsed once as
    # it is unpacked, whatever its name: zipfile stops at the declared size and
    # checks the CRC, so a directory that lies is caught here; a DOCTYPE (the door
    # to entity expansion) is refused in any part; and the cell, merge and
    # shared-string limits apply to every part, not only to those the workbook
    # names as sheets (a reader may find a part the guard did not expect).
    by_part = {s.part: s for s in sheets}
    must_be_xml = _xml_parts(zf, wb_part, names) | set(by_part)
    unpacked = 0
    for info in infos:
        if info.is_dir():
            continue
        sheet = by_part.get(info.filename)
        try:
            unpacked += _stream_part(
                zf, info, info.filename in must_be_xml, sheet, name, limits, unpacked
            )
        except SheetTooLarge as big:
            where = f"лист «{sheet.name}»" if sheet is not None else f"часть «{info.filename}»"
            raise too_big(
                name,
                f"{where} занимает {_num(big.cells)} ячеек, "
                f"допускается не более {_num(limits.max_cells)}",
            ) from None
        except TooManyStrings as many:
            raise too_big(
                name,
                f"в книге объявлено {_num(many.count)} строк текста, "
                f"допускается не более {_num(limits.max_cells)}",
            ) from None
        except PartHostile:
            raise _hostile(name) from None
        except PartMalformed:
            raise TableError(
                f"Файл «{name}» повреждён: часть книги «{info.filename}» испорчена "
                "(не читается как XML или ссылается на ячейку за пределами листа Excel). "
                "Пересохраните книгу в Excel или попросите прислать её заново."
            ) from None
    _mark_coarse_dates(zf, wb_part, names, sheets)
    return WorkbookInfo(path=p, sheets=sheets)


def _mark_coarse_dates(
    zf: zipfile.ZipFile, wb_part: str, names: set[str], sheets: list[SheetInfo]
) -> None:
    """Keep, of each sheet's styled number cells, those whose format shows no day.

    The styles part was checked with every other part above (a DOCTYPE in it is
    refused there); a workbook without one has no such formats.
    """
    part = _styles_part(zf, wb_part, names)
    coarse: dict[int, str] = {}
    if part is not None and any(sheet.styled for sheet in sheets):
        codes: dict[int, str] = {}
        xf_formats: list[int] = []
        root = _read_xml(zf, part)
        for el in root.iter():
            tag = _local(el.tag)
            if tag == "numFmt":
                try:
                    codes[int(el.get("numFmtId", ""))] = el.get("formatCode", "")
                except ValueError:
                    continue
            elif tag == "cellXfs":
                for xf in el:
                    try:
                        xf_formats.append(int(xf.get("numFmtId", "0")))
                    except ValueError:
                        xf_formats.append(0)
        coarse = style_precisions(xf_formats, codes)
    for sheet in sheets:
        if coarse:
            sheet.coarse_dates = {(r, c): coarse[s] for r, c, s in sheet.styled if s in coarse}
        sheet.styled = []


def _styles_part(zf: zipfile.ZipFile, wb_part: str, names: set[str]) -> str | None:
    base = posixpath.dirname(wb_part)
    rels_part = posixpath.join(base, "_rels", posixpath.basename(wb_part) + ".rels")
    if rels_part in names:
        for rel in _read_xml(zf, rels_part):
            if _local(rel.tag) == "Relationship" and rel.get("Type", "").endswith("/styles"):
                target = _resolve(base, rel.get("Target", ""))
                if target in names:
                    return target
    fallback = posixpath.join(base, "styles.xml")
    return fallback if fallback in names else None


def _workbook_part(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """The workbook part named by the package relationships (usually xl/workbook.xml)."""
    if "_rels/.rels" in names:
        for rel in _read_xml(zf, "_rels/.rels"):
            if _local(rel.tag) == "Relationship" and rel.get("Type", "").endswith(
                "/officeDocument"
            ):
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    return "xl/workbook.xml" if "xl/workbook.xml" in names else None


def _list_sheets(zf: zipfile.ZipFile, wb_part: str, names: set[str], fname: str) -> list[SheetInfo]:
    base = posixpath.dirname(wb_part)
    rels_part = posixpath.join(base, "_rels", posixpath.basename(wb_part) + ".rels")
    targets: dict[str, str] = {}
    if rels_part in names:
        for rel in _read_xml(zf, rels_part):
            if _local(rel.tag) != "Relationship" or not rel.get("Type", "").endswith("/worksheet"):
                continue
            targets[rel.get("Id", "")] = _resolve(base, rel.get("Target", ""))
    sheets: list[SheetInfo] = []
    for el in _read_xml(zf, wb_part).iter():
        if _local(el.tag) != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
        part = targets.get(rid)
        if part is None or part not in names:
            continue  # a chart sheet or a dangling reference: nothing to read there
        hidden = el.get("state", "visible") != "visible"
        sheets.append(SheetInfo(name=el.get("name", ""), part=part, hidden=hidden))
    if not sheets:
        raise TableError(f"В книге «{fname}» нет ни одного листа с данными.")
    return sheets


def _read_xml(zf: zipfile.ZipFile, part: str) -> Element:
    """A small XML part, parsed with entity expansion forbidden."""
    data = zf.read(part)
    if len(data) > 16 * _MB:
        raise _damaged(zf.filename or "")
    try:
        root: Element = SafeET.fromstring(data)
        return root
    except DefusedXmlException:
        raise _hostile(Path(zf.filename or "").name) from None
    except SafeET.ParseError:
        raise _damaged(Path(zf.filename or "").name) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_CHUNK = 1 << 20
_XML_PARTS = ("[Content_Types].xml", "_rels/.rels", "xl/sharedStrings.xml", "xl/styles.xml")


def _xml_parts(zf: zipfile.ZipFile, wb_part: str, names: set[str]) -> set[str]:
    """The parts a reader parses as XML: by their name or as the workbook's targets."""
    base = posixpath.dirname(wb_part)
    rels_part = posixpath.join(base, "_rels", posixpath.basename(wb_part) + ".rels")
    parts = {n for n in names if n.lower().endswith((".xml", ".rels", ".vml"))}
    parts |= {wb_part, rels_part, *_XML_PARTS}
    if rels_part in names:
        for rel in _read_xml(zf, rels_part):
            target = rel.get("Target", "")
            if target and rel.get("TargetMode") != "External":
                parts.add(_resolve(base, target))
    return parts & names


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target))


def _looks_like_xml(head: bytes) -> bool:
    """Whether a part's first bytes are XML's (UTF-8, with or without BOM, or UTF-16)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        return True
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"<")


def _stream_part(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    must_be_xml: bool,
    sheet: SheetInfo | None,
    fname: str,
    limits: ReadLimits,
    already: int,
) -> int:
    """Unpack one part chunk by chunk, parsing it if it is XML; returns the bytes unpacked.

    A part that neither looks like XML nor is one a reader parses as XML (a
    picture, a printer's settings) is unpacked only as far as its first bytes.
    """
    done = 0
    scanner: PartScanner | None = None
    with zf.open(info) as fh:
        head = b""
        if not must_be_xml:  # a picture is told from its first bytes, not unpacked whole
            head = fh.read(64)
            if head and not _looks_like_xml(head):
                return len(head)
        while True:
            chunk = head + fh.read(_CHUNK)
            head = b""
            if not chunk:
                break
            if not done:
                scanner = PartScanner(limits.max_cells, sheet)
            done += len(chunk)
            if already + done > limits.max_uncompressed_bytes:
                raise too_big(
                    fname, f"после распаковки больше {_mb(limits.max_uncompressed_bytes)}"
                )
            assert scanner is not None
            scanner.feed(chunk)
    if scanner is None:  # an empty part
        if must_be_xml:
            raise PartMalformed
        return 0
    scanner.finish()
    return done
