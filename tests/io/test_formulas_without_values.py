"""A workbook whose formulas carry no saved values is refused, not read as blanks.

Workbooks made by a program rather than by Excel (a script, a web system's
export) may hold formulas without the value Excel stores beside each one. The
reader, which does not calculate, read such a cell as empty: a country given
by a formula vanished, and its partners went silently to the country above
(Будапешт under Босния и Герцеговина). The file is refused in one line that
names the cell and says how to fix it: open and save it in Excel or
LibreOffice, which calculate and store the values.
"""

from __future__ import annotations

import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.table.records import TableError
from spbgui.io.xlsx.read import read_table


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_a_formula_without_its_value_refuses_the_file(tmp_path, fixture_xlsx, engine) -> None:
    wb = openpyxl.load_workbook(fixture_xlsx)
    wb.active["A6"] = '="Венгрия"'  # openpyxl writes the formula and no value
    wb.active["D10"] = "=2000+6"
    path = tmp_path / "formulas.xlsx"
    wb.save(path)
    with pytest.raises(TableError) as refused:
        read_file(path) if engine == "auto" else read_table(path, engine=engine)
    message = str(refused.value)
    assert "A6" in message and "Лист1" in message and "formulas.xlsx" in message
    assert "сохраните" in message and "\n" not in message


def test_formulas_with_their_values_are_read(tmp_path, fixture_xlsx, expected_records) -> None:
    """What Excel and LibreOffice save: the formula and its value (a text formula's too)."""
    import zipfile

    src = zipfile.ZipFile(fixture_xlsx)
    path = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = _with_cached_formulas(data)
            out.writestr(info, data)
    assert parsed_to_records(read_file(path)) == expected_records


def _with_cached_formulas(sheet: bytes) -> bytes:
    """The fixture's cell D10 (the year 2006) as =2000+6 with its value, and an empty
    text formula in a cell of its own, as Excel writes them."""
    text = sheet.decode("utf-8")
    start = text.index('<c r="D10"')
    end = text.index("</c>", start) + len("</c>")
    cell = text[start:end]
    value = cell[cell.index("<v>") : cell.index("</v>") + len("</v>")]
    assert value == "<v>2006</v>", cell
    head = cell[: cell.index(">") + 1]
    text = text[:start] + head + "<f>2000+6</f>" + value + "</c>" + text[end:]
    row_end = text.index("</row>", text.index('<c r="D10"'))
    extra = '<c r="G10" t="str"><f>IF(1=2,"x","")</f><v></v></c>'
    return (text[:row_end] + extra + text[row_end:]).encode("utf-8")
