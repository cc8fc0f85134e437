"""An agreement date the sheet shows as a month or a year is read as that month or year.

A clerk who types «12.2015» or «дек 2015» into Excel gets a real date, the 1st
of December, shown as «дек.15» (Excel picks a month-and-year format for it);
a date formatted «ГГГГ» shows only its year. The import read the value behind
the format and stored 01.12.2015: a day nobody wrote (TABLE_RULES: «No date is
invented»). The cell's number format now gives the precision.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.xlsx.read import read_table

FORMATS = [
    ("mmm.yy", "2015-12"),
    ("MMMM YYYY", "2015-12"),
    ("[$-419]MMMM YYYY;@", "2015-12"),
    ("mm.yyyy", "2015-12"),
    ('mmmm yyyy "г."', "2015-12"),
    ("yyyy", "2015"),
    ("yyyy \\г\\.", "2015"),
    ("DD.MM.YYYY", "2015-12-01"),
    ("d mmmm yyyy", "2015-12-01"),
    ("mm-dd-yy", "2015-12-01"),
]


def _agreement_dates(table, row: int) -> list[str]:
    for region in table.regions:
        for country in region.countries:
            for partner in country.partners:
                for agreement in partner.agreements:
                    if agreement.row == row:
                        return [d.iso() for d in agreement.dates]
    raise AssertionError(f"no agreement on row {row}")


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
@pytest.mark.parametrize(("number_format", "iso"), FORMATS, ids=[f[0] for f in FORMATS])
def test_the_format_gives_the_precision(tmp_path, fixture_xlsx, engine, number_format, iso) -> None:
    wb = openpyxl.load_workbook(fixture_xlsx)
    cell = wb.active["D6"]
    cell.value = dt.datetime(2015, 12, 1)
    cell.number_format = number_format
    path = tmp_path / "dates.xlsx"
    wb.save(path)
    table = read_file(path) if engine == "auto" else read_table(path, engine=engine)
    assert _agreement_dates(table, 6) == [iso]
    assert _agreement_dates(table, 9) == ["2005-12-09"]  # the fixture's own real date


def test_excels_built_in_month_format(tmp_path, fixture_xlsx) -> None:
    """Format 17 («mmm-yy») is built in: the file names it by number only."""
    wb = openpyxl.load_workbook(fixture_xlsx)
    cell = wb.active["D6"]
    cell.value = dt.datetime(2015, 12, 1)
    cell.number_format = "mmm-yy"  # openpyxl stores it as the built-in id 17
    path = tmp_path / "builtin.xlsx"
    wb.save(path)
    assert _agreement_dates(read_file(path), 6) == ["2015-12"]
