"""The year's table as plain data (:class:`ParsedTable`), for the Excel export and the report.

The inverse of the import: regions, countries, partners and agreements in the
table's order, each agreement with its dates and the year's events. Events that
belong to a partner but to none of its agreements are written in the partner's
first row, where staff would write them; a partner without agreements still
gets a row, so nobody disappears from the printed table.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.io.table import ParsedTable, TableAgreement, TableCountry, TablePartner, TableRegion
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region


def _event(e: Event) -> EventText:
    if e.start is None or e.end is None:
        return EventText(EventDate(), e.text)
    return EventText(EventDate(PartialDate.from_iso(e.start), PartialDate.from_iso(e.end)), e.text)


def load_table(
    *,
    db: Database,
    year: int,
    regions: Collection[str] | None = None,
    countries: Collection[str] | None = None,
) -> ParsedTable:
    """The table of ``year``; ``regions``/``countries`` (names) keep only those, if given."""
    table = ParsedTable(year=year)
    with db.read() as s:
        stored = s.scalars(
            select(Region)
            .order_by(Region.position, Region.id)
            .options(
                selectinload(Region.countries)
                .selectinload(Country.partners)
                .selectinload(Partner.agreements)
                .selectinload(Agreement.dates)
            )
        ).all()
        events: dict[int, list[Event]] = {}
        for e in s.scalars(
            select(Event).where(Event.year == year).order_by(Event.position, Event.id)
        ):
            events.setdefault(e.partner_id, []).append(e)
        for r in stored:
            if regions is not None and r.name not in regions:
                continue
            treg = TableRegion(r.name)
            for c in r.countries:
                if countries is not None and c.name not in countries:
                    continue
                treg.countries.append(_country(c, events))
            if treg.countries or regions is not None:
                table.regions.append(treg)
    return table


def _country(c: Country, events: dict[int, list[Event]]) -> TableCountry:
    tc = TableCountry(c.name)
    rows: list[tuple[tuple[int, int], TableAgreement]] = []
    for p in c.partners:
        tp = TablePartner(p.name, p.kind)
        p_events = events.get(p.id, [])
        linked = {a.id for a in p.agreements}
        loose = [_event(e) for e in p_events if e.agreement_id not in linked]
        for i, a in enumerate(p.agreements):
            ta = TableAgreement(
                title=a.title,
                dates=[PartialDate(d.year, d.month, d.day) for d in a.dates],
                note=a.note,
                events=[_event(e) for e in p_events if e.agreement_id == a.id],
            )
            if i == 0:
                ta.events = loose + ta.events
            tp.agreements.append(ta)
            rows.append(((a.position, a.id), ta))
        if not p.agreements:
            ta = TableAgreement(title="", events=loose)
            tp.agreements.append(ta)
            rows.append(((10**9, p.position), ta))
        tc.partners.append(tp)
    # Row numbers in the table's order across the country's partners (see importer).
    for n, (_key, ta) in enumerate(sorted(rows, key=lambda r: r[0])):
        ta.row = n
    return tc
