"""No sheet of the exported workbook holds a formula, whatever the names are.

The table and the events list wrote every text as text, but the «Итоги» sheet went
through openpyxl's own cells, which make a formula of any text starting with «=»:
a region, country or partner named ``=HYPERLINK("http://example.com","x")`` came out
as a live formula that Excel runs on opening the file (issue 5, item 5).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.services import edit
from spbgui.store.database import open_database
from tests.test_cli import cli

HYPERLINK = '=HYPERLINK("http://example.com","x")'
NAMES = {"region": "=1+2", "country": HYPERLINK, "partner": "=SUM(1,2)", "title": "@cmd"}


def _database(path: Path) -> Path:
    db = open_database(path)
    try:
        region = edit.add_region(db=db, name=NAMES["region"]).id
        country = edit.add_country(db=db, region_id=region, name=NAMES["country"]).id
        partner = edit.add_partner(db=db, country_id=country, name=NAMES["partner"]).id
        agreement = edit.add_agreement(
            db=db, partner_id=partner, title=NAMES["title"], dates=[PartialDate(2004)]
        ).id
        for year in (2023, 2024):  # two years: «Итоги» compares them
            edit.add_event(
                db=db,
                partner_id=partner,
                year=year,
                date=EventDate(PartialDate(year, 5, 1)),
                text="-2 визит",
                agreement_id=agreement,
            )
    finally:
        db.close()
    return path


def test_no_sheet_holds_a_formula_and_the_names_stay_text(tmp_path: Path) -> None:
    db = _database(tmp_path / "f.sqlite")
    out = tmp_path / "f.xlsx"
    r = cli("export", "--db", str(db), "--year", "2024", "-o", str(out))
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(out) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/")]
        assert len(sheets) == 3
        for name in sheets:
            xml = zf.read(name)
            assert b"<f>" not in xml and b"<f " not in xml, name
    wb = openpyxl.load_workbook(out)
    summary = wb["Итоги"]
    texts = {c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)}
    assert {NAMES["region"], NAMES["country"], NAMES["partner"]} <= texts
    for row in summary.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value[:1] in "=+-@":
                assert c.data_type == "s" and c.quotePrefix, c.coordinate
