"""A web page with the table split: one table per region under its heading, or a long table
cut in parts (as a site's editor or Word's «Сохранить как веб-страницу» leave it).

Only the first table was read, its countries «Без региона»; the other tables were
listed as «не импортированы». The parts are one table, as in a Word document.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records

REGIONS = ("ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА")


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%d.%m.%Y")
    return html.escape(str(v)).replace("\n", "<br>")


def _tr(row: list[object]) -> str:
    return "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"


def _rows(fixture_xlsx: Path) -> list[list[object]]:
    sheet = openpyxl.load_workbook(fixture_xlsx).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("header_each", [True, False], ids=["header on each", "header once"])
def test_one_table_per_region_under_its_heading(
    tmp_path, fixture_xlsx, expected_records, header_each
) -> None:
    rows = _rows(fixture_xlsx)
    groups: list[tuple[str, list[list[object]]]] = []
    for row in rows[3:]:
        if row[0] in REGIONS and row[1] is None:
            groups.append((row[0], []))
        else:
            groups[-1][1].append(row)
    page = [f"<html><body><h1>{_cell(rows[0][0])}</h1>"]
    for n, (region, region_rows) in enumerate(groups):
        head = _tr(rows[2]) if header_each or n == 0 else ""
        page.append(f"<h3>{region}</h3><table>{head}{''.join(map(_tr, region_rows))}</table>")
    path = tmp_path / "страница.html"
    path.write_text("".join(page) + "</body></html>", encoding="utf-8")
    table = read_file(path)
    got = parsed_to_records(table)
    assert got["regions"] == expected_records["regions"]
    assert got["countries"] == expected_records["countries"]
    assert got["counts"] == expected_records["counts"]


def test_a_long_table_cut_in_two(tmp_path, fixture_xlsx, expected_records) -> None:
    rows = _rows(fixture_xlsx)
    body = rows[2:]
    first, second = body[:20], body[20:]
    page = (
        f"<html><body><p>{_cell(rows[0][0])}</p><table>{''.join(map(_tr, first))}</table>"
        f"<p>Продолжение таблицы</p><table>{''.join(map(_tr, second))}</table></body></html>"
    )
    path = tmp_path / "две части.htm"
    path.write_text(page, encoding="utf-8")
    got = parsed_to_records(read_file(path))
    assert got["counts"] == expected_records["counts"]
    assert got["countries"] == expected_records["countries"]
