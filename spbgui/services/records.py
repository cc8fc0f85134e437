"""Reading the records out as plain data: counts and the JSON dump.

The dump has the shape of ``tests/data/cooperation_2024.expected.json`` so
any database can be compared with an expected one. Keys that the fixture does
not have (notes, partner-level events, per-event years) appear only when there
is something to say.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from spbgui.domain.dates import PartialDate
from spbgui.domain.event_dates import is_plain_form
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region


@dataclass(frozen=True)
class Counts:
    regions: int
    countries: int
    partners: int
    agreements: int
    events: int
    dated_events: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def event_years(*, db: Database) -> list[int]:
    """The years that have events, oldest first."""
    with db.read() as s:
        return list(s.scalars(select(Event.year).distinct().order_by(Event.year)))


def counts(*, db: Database, year: int | None = None, dated: bool = True) -> Counts:
    """How many records of each kind; events of ``year`` only if it is given.

    ``dated=False`` leaves out the count of dated events (0): the others come from
    indexes alone, that one reads every event of the year, which on 100,000 events
    is most of a year switch's time (the status bar does not show it).
    """
    with db.read() as s:

        def n(model: type, *where: Any) -> int:
            return s.scalar(select(func.count()).select_from(model).where(*where)) or 0

        ev = (Event.year == year,) if year is not None else ()
        return Counts(
            regions=n(Region),
            countries=n(Country),
            partners=n(Partner),
            agreements=n(Agreement),
            events=n(Event, *ev),
            dated_events=n(Event, Event.start.is_not(None), *ev) if dated else 0,
        )


def _event_json(e: Event, with_year: bool) -> dict[str, Any]:
    d: dict[str, Any] = {"start": e.start, "end": e.end, "text": e.text}
    # The written form only where start and end do not say it all («III квартал», a date
    # kept as written): the 2024 table's «3-6 июля» dumps as it always did.
    if e.date_written and (e.start is None or not is_plain_form(e.date_written)):
        d["written"] = e.date_written
    if with_year:
        d["year"] = e.year
    return d


def dump(*, db: Database, year: int | None = None) -> dict[str, Any]:
    """All records as JSON-ready data; with ``year`` only that year's events."""
    with db.read() as s:
        regions = s.scalars(
            select(Region)
            .order_by(Region.position, Region.id)
            .options(
                selectinload(Region.countries)
                .selectinload(Country.partners)
                .options(
                    selectinload(Partner.agreements).selectinload(Agreement.dates),
                    selectinload(Partner.events),
                )
            )
        ).all()
        years = {e.year for r in regions for c in r.countries for p in c.partners for e in p.events}
        if year is not None:
            years &= {year}
        many_years = year is None and len(years) > 1
        out: dict[str, Any] = {
            "year": year if year is not None else (next(iter(years)) if len(years) == 1 else None),
            "regions": [],
            "countries": [],
            "partners": [],
            "agreements": [],
        }
        partner_events: list[dict[str, Any]] = []
        n_events = n_dated = 0
        for r in regions:
            out["regions"].append(r.name)
            for c in r.countries:
                out["countries"].append({"name": c.name, "region": r.name})
                events_of: dict[int, list[Event]] = {}  # partner id → its events in the dump
                for p in c.partners:
                    pj: dict[str, Any] = {"country": c.name, "name": p.name, "region": r.name}
                    if p.note:
                        pj["note"] = p.note
                    out["partners"].append(pj)
                    evs = sorted(
                        (e for e in p.events if year is None or e.year == year),
                        key=lambda e: (e.year, e.position, e.id),
                    )
                    events_of[p.id] = evs
                    n_events += len(evs)
                    n_dated += sum(1 for e in evs if e.start is not None)
                    loose = [_event_json(e, many_years) for e in evs if e.agreement_id is None]
                    if loose:
                        partner_events.append(
                            {"country": c.name, "partner": p.name, "events": loose}
                        )
                # Agreements in the table's row order within the country, across its partners.
                agreements = sorted(
                    (a for p in c.partners for a in p.agreements), key=lambda a: (a.position, a.id)
                )
                for a in agreements:
                    aj: dict[str, Any] = {
                        "country": c.name,
                        "partner": a.partner.name,
                        "title": a.title,
                        "dates": [PartialDate(d.year, d.month, d.day).iso() for d in a.dates],
                        "events": [
                            _event_json(e, many_years)
                            for e in events_of[a.partner_id]
                            if e.agreement_id == a.id
                        ],
                    }
                    if not aj["events"]:
                        # The fixture's shape: an agreement whose events cell is empty
                        # carries the (empty) raw cell text.
                        aj["raw_events"] = ""
                    if a.note:
                        aj["note"] = a.note
                    out["agreements"].append(aj)
        if partner_events:
            out["partner_events"] = partner_events
        out["counts"] = {
            "regions": len(out["regions"]),
            "countries": len(out["countries"]),
            "partners": len(out["partners"]),
            "agreements": len(out["agreements"]),
            "events": n_events,
            "dated_events": n_dated,
        }
        return out
