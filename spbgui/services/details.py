"""Reading what the details pane shows: a partner, its agreements, its events, summaries.

Dates come out both as values (:class:`PartialDate`, :class:`EventDate`) and as
the text staff write («3-6 июля», «2009, 2024»), formatted by the domain layer.

What the first screen shows (the first partner, its agreements and events) is
read through store.first_screen (sqlite3) until the engine is made; the rest, and
everything after, through SQLAlchemy, imported by the functions that use it
(issue 17: the window is shown before SQLAlchemy is loaded).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spbgui.domain.dates import (
    EventDate,
    PartialDate,
    format_agreement_dates,
    format_event_date,
)
from spbgui.services.changes import NodeKind, NodeRef
from spbgui.store import first_screen
from spbgui.store.database import Database

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class PartnerInfo:
    id: int
    name: str | None  # None for a country as a whole
    kind: str
    note: str
    country_id: int
    country: str
    region_id: int
    region: str
    version: int = 0  # the record's version when read: an edit sends it back (no lost update)

    @property
    def title(self) -> str:
        return self.name if self.name is not None else self.country


@dataclass(frozen=True)
class AgreementRow:
    id: int
    title: str
    dates: tuple[PartialDate, ...]
    note: str
    version: int = 0

    @property
    def dates_text(self) -> str:
        return format_agreement_dates(self.dates)


@dataclass(frozen=True)
class EventRow:
    id: int
    year: int
    date: EventDate
    text: str
    agreement_id: int | None
    version: int = 0

    @property
    def date_text(self) -> str:
        return format_event_date(self.date)


@dataclass(frozen=True)
class Summary:
    """A region or a country: its fields and what is under it."""

    ref: NodeRef
    name: str
    note: str
    parent_id: int | None  # a country's region
    parent: str  # a country's region name; empty for a region
    countries: int
    partners: int
    agreements: int
    events: int  # in the year asked
    events_before: int  # in the year before
    version: int | None = None  # the record's version as read: an edit of it sends it back


@functools.lru_cache(maxsize=8192)
def event_date(start: str | None, end: str | None, written: str | None = None) -> EventDate:
    """The stored ISO ends of an event, and its date as written, as a date value.

    Kept for the next time (the values are frozen): a partner's thousand events have
    a few hundred distinct dates, and checking each again was a third of showing them.
    """
    if start is None or end is None:
        return EventDate(written=written or "")
    return EventDate(PartialDate.from_iso(start), PartialDate.from_iso(end), written or "")


def partner(*, db: Database, partner_id: int) -> PartnerInfo | None:
    if (conn := db.quick()) is not None:
        found = first_screen.partner(conn, partner_id)
        return PartnerInfo(*found) if found else None
    from sqlalchemy import select

    from spbgui.store.models import Country, Partner, Region

    with db.read() as s:
        row = s.execute(
            select(
                Partner.id,
                Partner.name,
                Partner.kind,
                Partner.note,
                Country.id,
                Country.name,
                Region.id,
                Region.name,
                Partner.version,
            )
            .join(Country, Country.id == Partner.country_id)
            .join(Region, Region.id == Country.region_id)
            .where(Partner.id == partner_id)
        ).first()
        return PartnerInfo(*row) if row else None


def agreements(*, db: Database, partner_id: int) -> list[AgreementRow]:
    if (conn := db.quick()) is not None:
        rows = first_screen.agreements(conn, partner_id)
        dates = first_screen.agreement_dates(conn, [r[0] for r in rows])
        return [
            AgreementRow(i, t, tuple(PartialDate(*d) for d in dates.get(i, ())), n, v)
            for i, t, n, v in rows
        ]
    with db.read() as s:
        return _agreements(s, partner_id)


def _agreements(s: Session, partner_id: int) -> list[AgreementRow]:
    from sqlalchemy import select

    from spbgui.store.models import Agreement, AgreementDate

    rows = s.execute(
        select(Agreement.id, Agreement.title, Agreement.note, Agreement.version)
        .where(Agreement.partner_id == partner_id)
        .order_by(Agreement.position, Agreement.id)
    ).all()
    dates: dict[int, list[PartialDate]] = {}
    for aid, y, m, d in s.execute(
        select(
            AgreementDate.agreement_id, AgreementDate.year, AgreementDate.month, AgreementDate.day
        )
        .where(AgreementDate.agreement_id.in_([r[0] for r in rows]))
        .order_by(AgreementDate.agreement_id, AgreementDate.position, AgreementDate.id)
    ):
        dates.setdefault(aid, []).append(PartialDate(y, m, d))
    return [AgreementRow(i, t, tuple(dates.get(i, ())), n, v) for i, t, n, v in rows]


def _event_columns() -> tuple[Any, ...]:
    """An event's columns as :func:`_event_row` takes them (store.first_screen.EVENT_COLUMNS)."""
    from spbgui.store.models import Event

    return (
        Event.id, Event.year, Event.start, Event.end, Event.date_written, Event.text,
        Event.agreement_id, Event.version,
    )  # fmt: skip


def _event_row(
    i: int, y: int, a: str | None, b: str | None, w: str | None, t: str, ag: int | None, v: int
) -> EventRow:
    return EventRow(i, y, event_date(a, b, w), t, ag, v)


def events(*, db: Database, partner_id: int, year: int) -> list[EventRow]:
    """A partner's events of a year, in the table's order."""
    if (conn := db.quick()) is not None:
        return [_event_row(*r) for r in first_screen.events(conn, partner_id, year)]
    from sqlalchemy import select

    from spbgui.store.models import Event

    with db.read() as s:
        rows = s.execute(
            select(*_event_columns())
            .where(Event.partner_id == partner_id, Event.year == year)
            .order_by(Event.position, Event.id)
        )
        return [_event_row(*r) for r in rows]


def event(*, db: Database, event_id: int) -> EventRow | None:
    from sqlalchemy import select

    from spbgui.store.models import Event

    with db.read() as s:
        row = s.execute(select(*_event_columns()).where(Event.id == event_id)).first()
        return None if row is None else _event_row(*row)


def agreement_titles(*, db: Database, ids: set[int]) -> dict[int, str]:
    """Titles of the agreements with these ids that still exist (for the history of changes)."""
    if not ids:
        return {}
    from sqlalchemy import select

    from spbgui.store.models import Agreement

    with db.read() as s:
        rows = s.execute(select(Agreement.id, Agreement.title).where(Agreement.id.in_(ids)))
        return {i: t for i, t in rows}


def owner(*, db: Database, kind: str, record_id: int) -> int | None:
    """The partner an agreement or an event belongs to (None if it no longer exists)."""
    from sqlalchemy import select

    from spbgui.store.models import Agreement, Event

    models: dict[str, type[Agreement] | type[Event]] = {"agreement": Agreement, "event": Event}
    model = models[kind]
    with db.read() as s:
        return s.scalar(select(model.partner_id).where(model.id == record_id))


def summary(*, db: Database, ref: NodeRef, year: int) -> Summary | None:
    """A region's or a country's fields and counts of what is under it."""
    from sqlalchemy import func, select

    from spbgui.store.models import Agreement, Country, Event, Partner, Region

    with db.read() as s:
        if ref.kind is NodeKind.REGION:
            region = s.execute(
                select(Region.name, Region.note, Region.version).where(Region.id == ref.id)
            ).first()
            if region is None:
                return None
            name, note, version = region
            parent_id, parent = None, ""
            country_ids = select(Country.id).where(Country.region_id == ref.id)
        elif ref.kind is NodeKind.COUNTRY:
            row = s.execute(
                select(Country.name, Country.note, Region.id, Region.name, Country.version)
                .join(Region, Region.id == Country.region_id)
                .where(Country.id == ref.id)
            ).first()
            if row is None:
                return None
            name, note, parent_id, parent, version = row
            country_ids = select(Country.id).where(Country.id == ref.id)
        else:
            raise ValueError("a summary is for a region or a country")
        partner_ids = select(Partner.id).where(Partner.country_id.in_(country_ids))

        def count(stmt: Select[Any]) -> int:
            return s.scalar(select(func.count()).select_from(stmt.subquery())) or 0

        def events_in(y: int) -> int:
            return count(select(Event.id).where(Event.partner_id.in_(partner_ids), Event.year == y))

        return Summary(
            ref=ref,
            name=name,
            note=note,
            parent_id=parent_id,
            parent=parent,
            countries=count(country_ids),
            partners=count(partner_ids),
            agreements=count(select(Agreement.id).where(Agreement.partner_id.in_(partner_ids))),
            events=events_in(year),
            events_before=events_in(year - 1),
            version=version,
        )


def regions_and_countries(*, db: Database) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """Every region with its countries, in order: the choices of «move to…»."""
    from sqlalchemy import select

    from spbgui.store.models import Country, Region

    with db.read() as s:
        out: dict[int, tuple[int, str, list[tuple[int, str]]]] = {}
        for rid, rname in s.execute(
            select(Region.id, Region.name).order_by(Region.position, Region.id)
        ):
            out[rid] = (rid, rname, [])
        for cid, cname, rid in s.execute(
            select(Country.id, Country.name, Country.region_id).order_by(
                Country.position, Country.id
            )
        ):
            out[rid][2].append((cid, cname))
        return list(out.values())
