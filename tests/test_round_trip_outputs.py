"""Export then import gives back the same records, for partners the 2024 table lacks.

The committee's table has a row for every partner, also one that has no agreement yet
(a new partner, or one whose only document has not been entered): a row with the city
and its events but no title and no date. Imported back, that row became an agreement
with an empty title, so a database that was exported and loaded again gained an
agreement nobody signed, and the partner's events were tied to it.
"""

from __future__ import annotations

from pathlib import Path

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.event_dates import parse_event_date
from spbgui.services import edit
from spbgui.services.export import export_workbook
from spbgui.services.importer import import_workbook
from spbgui.services.records import dump
from spbgui.store.database import Database, open_database


def _fill(db: Database) -> None:
    region = edit.add_region(db=db, name="Европа").id
    serbia = edit.add_country(db=db, region_id=region, name="Сербия").id
    # (A partner with agreements first: the table writes the rows of those without last,
    # and the export warns that such a country's partners would read back in that order.)
    novi_sad = edit.add_partner(db=db, country_id=serbia, name="Нови-Сад").id
    edit.add_agreement(
        db=db, partner_id=novi_sad, title="Соглашение о партнёрстве", dates=[PartialDate(2006)]
    )
    belgrade = edit.add_partner(db=db, country_id=serbia, name="Белград").id
    edit.add_event(
        db=db, partner_id=belgrade, year=2024, date=parse_event_date("3-6 июля", 2024),
        text="визит делегации",
    )  # fmt: skip
    edit.add_event(db=db, partner_id=belgrade, year=2024, date=EventDate(), text="Ведётся работа")
    edit.add_partner(db=db, country_id=serbia, name="Ниш")  # nothing yet at all
    cuba = edit.add_country(db=db, region_id=region, name="Куба").id
    whole = edit.add_partner(db=db, country_id=cuba, name=None, kind="country").id
    edit.add_event(
        db=db, partner_id=whole, year=2024, date=parse_event_date("Июнь", 2024), text="форум"
    )


def test_partners_without_agreements_come_back_as_they_were(tmp_path: Path) -> None:
    first = open_database(tmp_path / "first.sqlite", create=True)
    second = open_database(tmp_path / "second.sqlite", create=True)
    try:
        _fill(first)
        result = export_workbook(db=first, year=2024, path=tmp_path / "t.xlsx")
        assert result.counts["agreements"] == 1  # only what was signed
        assert result.warnings == []
        import_workbook(db=second, path=tmp_path / "t.xlsx")
        assert dump(db=second, year=2024) == dump(db=first, year=2024)
    finally:
        first.close()
        second.close()
