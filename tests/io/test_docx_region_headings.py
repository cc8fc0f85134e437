"""A Word report with each region as a heading above its own table.

Word users often lay the committee's table out as one table per region, the
region's name a paragraph («ЕВРОПА», «Азия») above it, the header on the first
table or on each. The import read the first table alone, its countries «Без
региона», and listed the other four tables as «не импортированы»: 23 of the 26
countries were left out. The tables are one table, and each heading is that
region's row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records

REGIONS = ("ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА")


def _rows(fixture_xlsx: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(fixture_xlsx).active
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%d.%m.%Y")
    return str(v)


def _report(path: Path, fixture_xlsx: Path, *, header_each: bool, heading) -> Path:
    rows = _rows(fixture_xlsx)
    title, header, body = rows[0][0], rows[2], rows[3:]
    groups: list[tuple[str, list[list[object]]]] = []
    for row in body:
        if row[0] in REGIONS and row[1] is None:
            groups.append((row[0], []))
        else:
            groups[-1][1].append(row)
    d = docx.Document()
    d.add_paragraph(str(title))
    for n, (region, region_rows) in enumerate(groups):
        d.add_paragraph(heading(n, region))
        part = ([header] if header_each or n == 0 else []) + region_rows
        table = d.add_table(rows=len(part), cols=5)
        for i, row in enumerate(part):
            for j, value in enumerate(row):
                table.cell(i, j).text = _text(value)
        d.add_paragraph("")
    d.save(path)
    return path


@pytest.mark.parametrize("header_each", [True, False], ids=["header on each", "header once"])
@pytest.mark.parametrize(
    "heading",
    [lambda n, r: r, lambda n, r: f"{n + 1}. {r.capitalize()}"],
    ids=["capitals", "numbered"],
)
def test_region_headings_between_tables(
    tmp_path, fixture_xlsx, expected_records, header_each, heading
) -> None:
    path = _report(tmp_path / "отчёт.docx", fixture_xlsx, header_each=header_each, heading=heading)
    table = read_file(path)
    got = parsed_to_records(table)
    assert got["regions"] == expected_records["regions"]
    assert got["countries"] == expected_records["countries"]
    assert got["counts"] == expected_records["counts"]
    assert not any("не импортированы" in str(w) for w in table.warnings)
