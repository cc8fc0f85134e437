"""Files read_table must refuse, each with one plain Russian line and quickly, never a crash."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from spbgui.io.table.records import TableError
from spbgui.io.xlsx.read import ReadLimits, read_table

FIXTURES = Path(__file__).resolve().parents[1] / "data"
FIXTURE = FIXTURES / "cooperation_2024.xlsx"
ROOT = Path(__file__).resolve().parents[2]
SHEET = "xl/worksheets/sheet1.xml"


def refusal(path: Path, **kw: object) -> str:
    """read_table's message for ``path``, checked to be one Russian line, for both readers."""
    messages = set()
    for engine in ("calamine", "openpyxl"):
        started = time.perf_counter()
        with pytest.raises(TableError) as info:
            read_table(path, engine=engine, **kw)  # type: ignore[arg-type]
        assert time.perf_counter() - started < 5
        messages.add(str(info.value))
    (message,) = messages  # the same words whichever reader would have read it
    assert message and "\n" not in message
    assert "Traceback" not in message and "Error" not in message
    assert any("а" <= ch <= "я" for ch in message.lower())
    return message


def rezip(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    """A copy of the workbook ``src`` with some parts replaced."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data)
    return dst


# --- not a workbook at all ------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert "не найден" in refusal(tmp_path / "нет такого.xlsx")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "папка.xlsx"
    folder.mkdir()
    assert "папка" in refusal(folder)


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "пусто.xlsx"
    empty.write_bytes(b"")
    assert "пуст" in refusal(empty)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "закрыт.xlsx"
    shutil.copy(FIXTURE, locked)
    locked.chmod(0)
    try:
        assert "доступ" in refusal(locked)
    finally:
        locked.chmod(0o600)


def test_text_renamed(tmp_path: Path) -> None:
    fake = tmp_path / "список.xlsx"
    fake.write_text("Страна\tГород\nСербия\tБелград\n", "utf-8")
    message = refusal(fake)
    assert "не книга Excel" in message and "список.xlsx" in message


def test_pdf_renamed(tmp_path: Path) -> None:
    fake = tmp_path / "отчёт.xlsx"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "PDF" in refusal(fake)


def test_html_renamed(tmp_path: Path) -> None:
    fake = tmp_path / "таблица.xls"
    fake.write_text("<html><body><table><tr><td>Страна</td></tr></table></body></html>")
    assert "веб-страница" in refusal(fake)


def test_word_document_renamed(tmp_path: Path) -> None:
    fake = tmp_path / "письмо.xlsx"
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    assert "Word" in refusal(fake)


def test_opendocument_spreadsheet(tmp_path: Path) -> None:
    fake = tmp_path / "таблица.xlsx"
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument" in refusal(fake)


def test_zip_of_something_else(tmp_path: Path) -> None:
    fake = tmp_path / "архив.xlsx"
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "не книга Excel" in refusal(fake)


# --- damaged ----------------------------------------------------------------------------------


def test_truncated_zip(tmp_path: Path) -> None:
    cut = tmp_path / "обрезан.xlsx"
    data = FIXTURE.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    assert "повреждён" in refusal(cut)


def test_corrupted_part(tmp_path: Path) -> None:
    broken = tmp_path / "испорчен.xlsx"
    data = bytearray(FIXTURE.read_bytes())
    with zipfile.ZipFile(FIXTURE) as zf:
        info = zf.getinfo(SHEET)
    # Scribble over the middle of the sheet's compressed data; the directory stays intact.
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 200
    data[start : start + 64] = bytes(64)
    broken.write_bytes(bytes(data))
    assert "повреждён" in refusal(broken)


def test_malformed_sheet_xml(tmp_path: Path) -> None:
    bad = rezip(FIXTURE, tmp_path / "xml.xlsx", {SHEET: b"<worksheet><sheetData><row"})
    message = refusal(bad)
    assert "повреждён" in message and "xl/worksheets/sheet1.xml" in message


# --- no table -------------------------------------------------------------------------------


def test_empty_workbook(tmp_path: Path) -> None:
    path = tmp_path / "новая.xlsx"
    wb = openpyxl.Workbook()
    wb.create_sheet("Лист2")
    wb.save(path)
    assert "пуста" in refusal(path)


def test_workbook_without_the_table(tmp_path: Path) -> None:
    path = tmp_path / "бюджет.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Страна", "Город", "Сумма"])
    ws.append(["Сербия", "Белград", 120000])
    wb.save(path)
    message = refusal(path)
    for column in (
        "«Страна»",
        "«Город»",
        "«Основание для сотрудничества»",
        "«Год установления связей/подписания документа»",
        "«Основные мероприятия в … году»",
    ):
        assert column in message
    assert message.endswith(
        "(на листе «Sheet» нет столбцов «Основание для сотрудничества», "
        "«Год установления связей/подписания документа», «Основные мероприятия в … году»)."
    )


def test_header_without_a_year(tmp_path: Path) -> None:
    path = tmp_path / "без года.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Страна", "Город", "Основание для сотрудничества", "Год подписания", "Мероприятия"])
    ws.append(["ЕВРОПА"])
    ws.append(["Сербия", "Белград", "Соглашение", 2021, "2 июля – визит."])
    wb.save(path)
    assert "не указан год" in refusal(path)
    assert read_table(path, year=2024).year == 2024


# --- protected and old formats ------------------------------------------------------------


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal valid OLE compound file (CFB v3) holding these streams (each ≥ 4096 bytes)."""
    sector = 512
    end, free, fat_sect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_sect, end]  # sector 0: the FAT itself; sector 1: the directory
    starts = []
    for data in streams.values():
        assert len(data) >= 4096  # below that a stream would live in the mini stream
        n = -(-len(data) // sector)
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(n - 1)] + [end]
    assert len(fat) <= 128
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", nostream, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    names = list(streams)
    entries = [entry("Root Entry", 5, 1, nostream, end, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else nostream
        entries.append(entry(name, 2, nostream, right, starts[i], len(streams[name])))
    while len(entries) % 4:
        entries.append(entry("", 0, nostream, nostream, 0, 0))
    assert len(entries) == 4

    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    assert len(header) == sector
    body = struct.pack("<128I", *fat) + b"".join(entries)
    for data in streams.values():
        body += data.ljust(-(-len(data) // sector) * sector, b"\0")
    return header + body


def test_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "секрет.xlsx"
    path.write_bytes(
        compound_file({"EncryptionInfo": bytes(4096), "EncryptedPackage": os.urandom(8192)})
    )
    assert "паролем" in refusal(path)


def test_old_xls(tmp_path: Path) -> None:
    path = tmp_path / "старая.xls"
    path.write_bytes(compound_file({"Workbook": bytes(4096)}))
    assert ".xls" in refusal(path)


# --- hostile --------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>
</sheetData></worksheet>"""


@pytest.mark.parametrize(
    "part", [SHEET, "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml", "_rels/.rels"]
)
def test_entity_expansion_is_refused(tmp_path: Path, part: str) -> None:
    with zipfile.ZipFile(FIXTURE) as zf:
        original = zf.read(part)
    body = original.split(b"?>", 1)[1] if original.startswith(b"<?xml") else original
    doctype = BILLION_LAUGHS.split(b"?>", 1)[1].split(b"]>", 1)[0] + b"]>"
    bomb = BILLION_LAUGHS if part == SHEET else b"<?xml version='1.0'?>" + doctype + body
    path = rezip(FIXTURE, tmp_path / "laughs.xlsx", {part: bomb})
    assert "DOCTYPE" in refusal(path)


def test_entity_expansion_in_utf16(tmp_path: Path) -> None:
    bomb = BILLION_LAUGHS.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode()
    path = rezip(FIXTURE, tmp_path / "laughs16.xlsx", {SHEET: bomb.encode("utf-16")})
    assert "DOCTYPE" in refusal(path)


def test_entity_declaration_after_comments(tmp_path: Path) -> None:
    padding = b"<!-- " + b"x" * 5000 + b" -->\n<?pi data?>\n"
    bomb = BILLION_LAUGHS.replace(b"?>\n<!DOCTYPE", b"?>\n" + padding + b"<!DOCTYPE", 1)
    assert padding in bomb
    path = rezip(FIXTURE, tmp_path / "padded.xlsx", {SHEET: bomb})
    assert "DOCTYPE" in refusal(path)


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    zeros = bytes(1 << 20)
    with zipfile.ZipFile(FIXTURE) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == SHEET:
                with zout.open(SHEET, "w") as fh:
                    for _ in range(64):  # 64 MB of zeros packs into ~64 KB
                        fh.write(zeros)
            else:
                zout.writestr(info.filename, zin.read(info.filename))
    assert path.stat().st_size < 1 << 20
    assert "сжата в" in refusal(path)


def _patch_declared_size(path: Path, part: str, size: int) -> None:
    """Make the zip's local header and central directory claim ``size`` for ``part``."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(part)
    name = part.encode()
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, size)
    central = data.rfind(b"PK\x01\x02", 0, len(data))
    while central != -1:
        n = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + n] == name:
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    path.write_bytes(bytes(data))


def test_zip_directory_claiming_a_huge_sheet(tmp_path: Path) -> None:
    path = rezip(FIXTURE, tmp_path / "claims.xlsx", {})
    _patch_declared_size(path, SHEET, 3_000_000_000)
    message = refusal(path)
    assert "после распаковки" in message or "сжата в" in message


def test_zip_directory_understating_a_sheet(tmp_path: Path) -> None:
    # The directory says 1 KB; the data inflates to much more. Unpacking stops at the
    # declared size and the CRC no longer matches.
    path = rezip(FIXTURE, tmp_path / "lies.xlsx", {})
    _patch_declared_size(path, SHEET, 1024)
    assert "повреждён" in refusal(path)


def test_too_many_cells(tmp_path: Path) -> None:
    path = tmp_path / "много.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Лист1")
    for r in range(3000):
        ws.append([f"r{r}c{c}" for c in range(10)])
    wb.save(path)
    message = refusal(path, limits=ReadLimits(max_cells=20_000))
    assert "Лист1" in message and "ячеек" in message


def test_big_file_limit(tmp_path: Path) -> None:
    assert "размер файла" in refusal(FIXTURE, limits=ReadLimits(max_file_bytes=1000))


def test_unpacked_size_limit(tmp_path: Path) -> None:
    assert "после распаковки" in refusal(FIXTURE, limits=ReadLimits(max_uncompressed_bytes=50_000))


_CHILD = """
import json, resource, sys, time
from spbgui.io.table.records import TableError
from spbgui.io.xlsx.read import read_table
started = time.perf_counter()
try:
    read_table(sys.argv[1], engine=sys.argv[2])
    outcome = "read"
except TableError as e:
    outcome = str(e)
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - started,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_far_apart_cells_are_refused_within_memory(
    tmp_path: Path, engine: str, write_rows: Callable[..., Path]
) -> None:
    # Two cells, A1 and XFD1048576: calamine would allocate the rectangle between them
    # (17 billion cells) and abort the process. Run in a child so a failure cannot take
    # the test session down with it.
    path = tmp_path / "sparse.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Страна"
    ws["XFD1048576"] = "конец"
    wb.save(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), engine],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert "ячеек" in result["outcome"]
    assert result["seconds"] < 5
    assert result["rss_mb"] < 500
