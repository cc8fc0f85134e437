"""Small hostile workbooks built byte by byte, for the guard's tests and the fuzzing target.

Each is a valid zip with the parts a reader looks for; what is hostile is
in the XML (a cell far away, a count that lies, a DTD) or in the part names.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

HEADER = (
    "Страна",
    "Город",
    "Основание для сотрудничества",
    "Год установления связей/ подписания документа",
    "Основные мероприятия в 2024 году",
)


def cell(ref: str, text: str, attrs: str = "") -> str:
    return f'<c{attrs} r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def table_rows(extra: str = "") -> str:
    """The header and one agreement, then ``extra`` (more rows, or a hostile cell)."""
    head = "".join(cell(f"{chr(65 + i)}1", h) for i, h in enumerate(HEADER))
    body = "".join(
        cell(f"{chr(65 + i)}3", v)
        for i, v in enumerate(("Сербия", "Белград", "Соглашение", "2021", "2 июля – визит."))
    )
    region = cell("A2", "ЕВРОПА")
    return f'<row r="1">{head}</row><row r="2">{region}</row><row r="3">{body}</row>{extra}'


def sheet_xml(rows: str, tail: str = "", prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>{rows}</sheetData>{tail}</worksheet>'
    ).encode()


def workbook(
    path: Path,
    sheet: bytes,
    *,
    sheet_part: str = "xl/worksheets/sheet1.xml",
    shared: bytes | None = None,
    shared_part: str = "xl/sharedStrings.xml",
    extra_parts: dict[str, bytes] | None = None,
) -> Path:
    """A one-sheet workbook whose sheet part is ``sheet`` under the name ``sheet_part``."""
    target = sheet_part.removeprefix("xl/")
    rels = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="{target}"/>' + (
        f'<Relationship Id="rId2" Type="{REL}/sharedStrings" '
        f'Target="{shared_part.removeprefix("xl/")}"/>'
        if shared is not None
        else ""
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/{sheet_part}" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            '<sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{rels}'
            "</Relationships>"
        ).encode(),
        sheet_part: sheet,
    }
    if shared is not None:
        parts[shared_part] = shared
    parts.update(extra_parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def shared_strings(
    strings: list[str], count: str | None = None, unique: str | None = None
) -> bytes:
    n = str(len(strings))
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" '
        f'count="{count or n}" uniqueCount="{unique or n}">{items}</sst>'
    ).encode()


SHARED_CELL = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
FAR = cell("XFD1048576", "конец")

BILLION_LAUGHS_PROLOG = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
