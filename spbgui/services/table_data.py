"""The year's table as plain data (:class:`ParsedTable`), for the Excel export and the report.

The inverse of the import: regions, countries, partners and agreements in the
table's order, each agreement with its dates and the year's events. Events that
belong to a partner but to none of its agreements are written in the partner's
first row, where staff would write them; a partner without agreements still
gets a row, so nobody disappears from the printed table.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region


@dataclass(frozen=True)
class _EventRow:
    partner_id: int
    agreement_id: int | None
    start: str | None
    end: str | None
    written: str | None
    text: str


@functools.lru_cache(maxsize=4096)
def _event_date(start: str | None, end: str | None, written: str | None) -> EventDate:
    """A year has a few hundred distinct dates; parse each once, not once per event."""
    if start is None or end is None:
        return EventDate(written=written or "")
    return EventDate(PartialDate.from_iso(start), PartialDate.from_iso(end), written or "")


def _event(e: _EventRow) -> EventText:
    return EventText(_event_date(e.start, e.end, e.written), e.text)


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
        # Plain rows, not ORM objects: 500,000 events of a year load in a fraction of the time.
        events: dict[int, list[_EventRow]] = {}
        for row in s.execute(
            select(
                Event.partner_id,
                Event.agreement_id,
                Event.start,
                Event.end,
                Event.date_written,
                Event.text,
            )
            .where(Event.year == year)
            .order_by(Event.position, Event.id)
        ):
            events.setdefault(row[0], []).append(_EventRow(*row))
        for r in stored:
            if regions is not None and r.name not in regions:
                continue
            treg = TableRegion(r.name)
            for c in r.countries:
                if countries is not None and c.name not in countries:
                    continue
                treg.countries.append(_country(c, events))
            if treg.countries or countries is None:  # an empty region keeps its row
                table.regions.append(treg)
    return table


def _country(c: Country, events: dict[int, list[_EventRow]]) -> TableCountry:
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
