"""Older and other spreadsheets (.xls, .ods, .xlsb) read as .xlsx does.

The 2024 table's cells and merges are copied from the .xlsx fixture into an
.xls (xlwt) and an .ods (odfpy) built here, so each reader is compared with
the expected records; hostile .ods files are built by hand.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from spbgui.io.sources import ODS, XLS, XLSB, read_file, sniff
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.table.records import TableError
from spbgui.io.xlsx.guard import ReadLimits

FIXTURES = Path(__file__).resolve().parents[1] / "data"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

Cells = list[list[Any]]


def _fixture_cells() -> tuple[str, Cells, list[tuple[int, int, int, int]]]:
    wb = openpyxl.load_workbook(FIXTURES / "cooperation_2024.xlsx")
    ws = wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    merges = [
        (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges
    ]
    return ws.title, rows, merges


def write_xls(path: Path, title: str, rows: Cells, merges: list[tuple[int, int, int, int]]) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(title)
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    covered = {
        (r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
    }
    for r1, c1, r2, c2 in merges:
        value = rows[r1][c1] if c1 < len(rows[r1]) else None
        ws.write_merge(r1, r2, c1, c2, value if value is not None else "")
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is None or (r, c) in covered:
                continue
            if isinstance(value, dt.datetime):
                ws.write(r, c, value.date(), date_style)
            else:
                ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_ods(path: Path, title: str, rows: Cells, merges: list[tuple[int, int, int, int]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name=title)
    starts = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in merges}
    covered = {
        (r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
    } - set(starts)
    width = max(len(r) for r in rows)
    for r, values in enumerate(rows):
        tr = TableRow()
        for c in range(width):
            value = values[c] if c < len(values) else None
            if (r, c) in covered:
                tr.addElement(CoveredTableCell())
                continue
            kwargs: dict[str, Any] = {}
            if (r, c) in starts:
                kwargs["numberrowsspanned"], kwargs["numbercolumnsspanned"] = starts[(r, c)]
            if isinstance(value, dt.datetime):
                cell = TableCell(valuetype="date", datevalue=value.date().isoformat(), **kwargs)
                cell.addElement(P(text=value.strftime("%d.%m.%Y")))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=str(value), **kwargs)
                cell.addElement(P(text=str(value)))
            elif value is not None:
                cell = TableCell(valuetype="string", **kwargs)
                for line in str(value).split("\n"):
                    cell.addElement(P(text=line))
            else:
                cell = TableCell(**kwargs)
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def _rec(rt: int, data: bytes = b"") -> bytes:
    """One BIFF12 record: its type and size as 7-bit varints, then the data."""
    out = bytearray([rt] if rt < 0x80 else [(rt & 0x7F) | 0x80, rt >> 7])
    n = len(data)
    while True:
        out.append((n & 0x7F) | (0x80 if n >> 7 else 0))
        n >>= 7
        if not n:
            return bytes(out) + data


def _wide(text: str) -> bytes:
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def write_xlsb(
    path: Path, title: str, rows: Cells, merges=(), *, dim=None, records: bytes = b""
) -> Path:
    """A minimal .xlsb as Excel writes it (no library writes .xlsb): inline strings, numbers,
    merges; dates as text, as staff type them. ``dim`` overrides the sheet's BrtWsDim."""
    bundle = _rec(0x9C, struct.pack("<II", 0, 1) + _wide("rId1") + _wide(title))
    book = _rec(0x83) + _rec(0x8F) + bundle + _rec(0x90) + _rec(0x84)
    width = max(len(r) for r in rows)
    dim = dim or (0, len(rows) - 1, 0, width - 1)
    sheet = bytearray(_rec(0x81) + _rec(0x94, struct.pack("<IIII", *dim)) + _rec(0x91))
    for r, values in enumerate(rows):
        sheet += _rec(0x00, struct.pack("<IIHBBBI", r, 0, 300, 0, 0, 0, 0))
        for c, value in enumerate(values):
            head = struct.pack("<II", c, 0)
            if isinstance(value, dt.datetime):
                sheet += _rec(0x06, head + _wide(value.strftime("%d.%m.%Y")))
            elif isinstance(value, int | float):
                sheet += _rec(0x05, head + struct.pack("<d", float(value)))
            elif value is not None:
                sheet += _rec(0x06, head + _wide(str(value)))
    sheet += records + _rec(0x92)
    if merges:
        sheet += _rec(0xB1, struct.pack("<I", len(merges)))
        for r1, c1, r2, c2 in merges:
            sheet += _rec(0xB0, struct.pack("<IIII", r1, r2, c1, c2))
        sheet += _rec(0xB2)
    sheet += _rec(0x82)
    ns = "http://schemas.openxmlformats.org"
    rel = (
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/{{}}" '
        'Target="{}"/>'
    )
    rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{ns}/package/2006/relationships">'
        "{}</Relationships>"
    )
    binary = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
    types = (
        f'<?xml version="1.0"?><Types xmlns="{ns}/package/2006/content-types">'
        f'<Default Extension="bin" ContentType="{binary}"/></Types>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", rels.format(rel.format("officeDocument", "xl/workbook.bin")))
        zf.writestr("xl/workbook.bin", book)
        zf.writestr(
            "xl/_rels/workbook.bin.rels",
            rels.format(rel.format("worksheet", "worksheets/sheet1.bin")),
        )
        zf.writestr("xl/worksheets/sheet1.bin", bytes(sheet))
    return path


@pytest.fixture(scope="module")
def fixture_cells() -> tuple[str, Cells, list[tuple[int, int, int, int]]]:
    return _fixture_cells()


@pytest.mark.parametrize(
    ("writer", "kind", "name"),
    [(write_xls, XLS, "t.xls"), (write_ods, ODS, "t.ods"), (write_xlsb, XLSB, "t.xlsb")],
)
def test_the_2024_table_reads_to_the_expected_records(
    tmp_path: Path,
    fixture_cells,
    expected_records: dict[str, Any],
    writer,
    kind,
    name: str,
) -> None:
    path = writer(tmp_path / name, *fixture_cells)
    assert sniff(path) is kind
    assert parsed_to_records(read_file(path)) == expected_records


def test_an_ods_merged_country_cell_belongs_to_every_row(tmp_path: Path, header_row) -> None:
    rows = [
        header_row(2024),
        ["ЕВРОПА"],
        ["Венгрия", "Будапешт", "Соглашение о партнёрстве", 2015, None],
        [None, "Печ", "Соглашение о дружбе", 2009, None],
    ]
    path = write_ods(tmp_path / "t.ods", "Лист1", rows, [(2, 0, 3, 0)])
    records = parsed_to_records(read_file(path))
    assert [(p["country"], p["name"]) for p in records["partners"]] == [
        ("Венгрия", "Будапешт"),
        ("Венгрия", "Печ"),
    ]


def _ods_with_content(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "t.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


_CONTENT = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
    b'<office:spreadsheet><table:table table:name="A">%s</table:table></office:spreadsheet>'
    b"</office:body></office:document-content>"
)


def test_an_ods_cell_repeated_a_billion_times_is_refused_unread(tmp_path: Path) -> None:
    row = (
        b'<table:table-row table:number-rows-repeated="1048576">'
        b'<table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
        b"<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    path = _ods_with_content(tmp_path, _CONTENT % row)
    with pytest.raises(TableError, match="допускается не более 1 000 000"):
        read_file(path)


def test_empty_repeats_as_libreoffice_writes_them_are_fine(tmp_path: Path, header_row) -> None:
    rows = [header_row(2024), ["ЕВРОПА"], ["Венгрия", "Будапешт", "Соглашение", 2015, None]]
    path = write_ods(tmp_path / "t.ods", "Лист1", rows, [])
    # LibreOffice ends every sheet with the empty rest of it, a million rows by 1024 columns.
    data = zipfile.ZipFile(path).read("content.xml")
    rest = (
        b'<table:table-row table:number-rows-repeated="1048573">'
        b'<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    data = data.replace(b"</table:table>", rest + b"</table:table>")
    out = tmp_path / "rest.ods"
    src = zipfile.ZipFile(path)
    with zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            zf.writestr(info, data if info.filename == "content.xml" else src.read(info))
    assert read_file(out).counts()["partners"] == 1


def test_an_ods_with_an_entity_declaration_is_refused(tmp_path: Path) -> None:
    content = _CONTENT % b""
    content = content.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
    with pytest.raises(TableError, match="DOCTYPE/ENTITY"):
        read_file(_ods_with_content(tmp_path, content))


def test_an_ods_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = _ods_with_content(tmp_path, _CONTENT % b"")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Pictures/big.bin", b"\0" * (50 * 2**20))
    with pytest.raises(TableError, match="сжата в"):
        read_file(path)


def test_a_damaged_xls_is_refused_with_what_to_do(tmp_path: Path, fixture_cells) -> None:
    path = write_xls(tmp_path / "t.xls", *fixture_cells)
    data = path.read_bytes()
    # The workbook stream garbled, the container's directory (at the end) left as it was.
    path.write_bytes(data[:1024] + b"\xff" * (len(data) // 2 - 1024) + data[len(data) // 2 :])
    with pytest.raises(TableError, match=r"не удаётся прочитать как книга Excel 97–2003 \(\.xls\)"):
        read_file(path)


def test_an_xls_over_the_size_limit_is_refused(tmp_path: Path, fixture_cells) -> None:
    path = write_xls(tmp_path / "t.xls", *fixture_cells)
    with pytest.raises(TableError, match="допускается не более"):
        read_file(path, limits=ReadLimits(max_file_bytes=1000))
    with pytest.raises(TableError, match=r"занимает .* ячеек"):
        read_file(path, limits=ReadLimits(max_cells=100))


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice missing (apt-get install libreoffice-calc)")
@pytest.mark.parametrize(("fmt", "kind"), [("xls", XLS), ("ods", ODS)])
def test_libreoffice_saves_of_the_2024_table(
    tmp_path: Path, expected_records: dict[str, Any], fmt: str, kind
) -> None:
    src = tmp_path / "cooperation_2024.xlsx"
    shutil.copy(FIXTURES / "cooperation_2024.xlsx", src)
    filters = {"xls": "xls:MS Excel 97", "ods": "ods"}  # LibreOffice cannot write .xlsb
    profile = (tmp_path / "profile").as_uri()
    run = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", filters[fmt],
         "--outdir", str(tmp_path / "out"), str(src)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    out = tmp_path / "out" / f"cooperation_2024.{fmt}"
    assert out.exists(), run.stdout + run.stderr
    assert sniff(out) is kind
    assert parsed_to_records(read_file(out)) == expected_records


def test_an_xlsb_claiming_a_million_rows_is_refused_before_calamine(tmp_path: Path) -> None:
    path = write_xlsb(tmp_path / "t.xlsb", "Лист1", [["x"]], dim=(0, 1048575, 0, 16383))
    with pytest.raises(TableError, match="лист «Лист1» занимает"):
        read_file(path)


def test_an_xlsb_that_makes_calamine_panic_is_refused_not_fatal(tmp_path: Path) -> None:
    # A shared-string cell (BrtCellIsst) in a workbook without shared strings: calamine
    # panics (a Rust panic is a BaseException in Python), and that is a damaged file.
    bad = _rec(0x07, struct.pack("<III", 0, 0, 6))
    path = write_xlsb(tmp_path / "t.xlsb", "Лист1", [["x"]], records=bad)
    with pytest.raises(TableError, match=r"не удаётся прочитать как двоичная книга Excel"):
        read_file(path)


def test_an_xlsb_whose_records_are_cut_is_damaged(tmp_path: Path) -> None:
    path = write_xlsb(tmp_path / "t.xlsb", "Лист1", [["x"]])
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w") as zf:
        for info in src.infolist():
            data = src.read(info)
            zf.writestr(info, data[:-2] if info.filename.endswith("sheet1.bin") else data)
    with pytest.raises(TableError, match="повреждён"):
        read_file(path)
