"""The year's table read back from the database equals the table that was imported."""

from __future__ import annotations

from spbgui.io.table.records import ParsedTable
from spbgui.io.xlsx.read import read_table
from spbgui.services.importer import import_table
from spbgui.services.table_data import load_table
from spbgui.store.models import Event, Partner


def _shape(t: ParsedTable) -> list:
    rows = []
    for r in t.regions:
        for c in r.countries:
            ordered = sorted(
                ((a.row, p.name, p.kind, a) for p in c.partners for a in p.agreements),
                key=lambda x: x[0],
            )
            rows.append(
                (r.name, c.name, [(n, k, a.title, a.dates, a.events) for _, n, k, a in ordered])
            )
    return rows


def test_load_table_gives_back_the_imported_table(db, fixture_xlsx) -> None:
    table = read_table(fixture_xlsx)
    import_table(db=db, table=table)
    back = load_table(db=db, year=2024)
    assert back.counts() == table.counts()
    assert _shape(back) == _shape(table)
    assert load_table(db=db, year=2023).counts()["events"] == 0


def test_filters_and_loose_events(db, fixture_xlsx) -> None:
    import_table(db=db, table=read_table(fixture_xlsx))
    only = load_table(db=db, year=2024, regions={"СНГ"})
    assert [r.name for r in only.regions] == ["СНГ"]
    assert only.counts()["countries"] == 9
    one = load_table(db=db, year=2024, countries={"Куба"})
    assert one.counts() == {
        "regions": 1,
        "countries": 1,
        "partners": 1,
        "agreements": 1,
        "events": one.counts()["events"],
        "dated_events": one.counts()["dated_events"],
    }
    with db.write() as s:
        p = s.query(Partner).filter_by(name="Сантьяго-де-Куба").one()
        s.add(Event(partner_id=p.id, year=2024, text="без соглашения", position=99))
    cuba = load_table(db=db, year=2024, countries={"Куба"})
    first = cuba.regions[0].countries[0].partners[0].agreements[0]
    assert first.events[0].text == "без соглашения"
