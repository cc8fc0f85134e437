"""The committee's memory across years: anniversaries, dormant partners, terms that run out.

Answers to «which partnerships have a round anniversary in 2025?», «who has not come
for three years?», «which agreements end this year or have ended?», «when did Tashkent
last come, and how old are its agreements?», «which agreements are older than 20
years?». Each reads the whole database in a few grouped queries; the day they are
asked on (``today``) is an argument, so tests and the report fix it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spbgui.domain.dates import PartialDate, format_agreement_dates, format_event_date
from spbgui.domain.terms import (
    ENDED,
    EXPIRED,
    RENEWED,
    Term,
    age,
    anniversary,
    date_text,
    ends_within,
    status,
    years_word,
)
from spbgui.services.details import event_date
from spbgui.store import first_screen
from spbgui.store.database import Database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DORMANT_YEARS = 3  # «no events for N years»: the default of the setting
EXPIRING_MONTHS = 6  # «ends within N months»: the default of the setting


@dataclass(frozen=True)
class AgreementFacts:
    """An agreement with what the questions ask of it."""

    id: int
    partner_id: int
    partner: str  # the partner's name, or its country's for the country as a whole
    country: str
    region: str
    title: str
    dates: tuple[PartialDate, ...]  # in the order written: the first, then the renewals
    term: Term
    set_status: str | None
    version: int

    @property
    def first(self) -> PartialDate | None:
        return min(self.dates) if self.dates else None

    @property
    def renewals(self) -> tuple[PartialDate, ...]:
        """The later dates of a renewed agreement («2009, 2024»: 2024)."""
        first = self.first
        return tuple(d for d in self.dates if d != first)

    def status(self, today: dt.date) -> str | None:
        return status(self.term.end, self.set_status, today)

    def age(self, today: dt.date) -> int | None:
        return age(self.first, today) if self.first else None


@dataclass(frozen=True)
class Anniversary:
    kind: str  # "partnership" (the partner's first date) or "agreement"
    partner_id: int
    agreement_id: int | None
    partner: str
    country: str
    title: str  # the agreement's title (a partnership: its first agreement's)
    date: PartialDate
    years: int

    def line(self) -> str:
        """«09.12.2005 — 20 лет: Хошимин (Вьетнам), партнёрство — Соглашение о …»."""
        what = "партнёрство" if self.kind == "partnership" else "соглашение"
        return (
            f"{date_text(self.date)} — {years_word(self.years)}: {self.partner} ({self.country}), "
            f"{what} — {self.title}"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "partner": self.partner,
            "country": self.country,
            "title": self.title,
            "date": self.date.iso(),
            "years": self.years,
        }


@dataclass(frozen=True)
class DormantPartner:
    partner_id: int
    partner: str
    country: str
    region: str
    last_year: int | None  # None: no events at all
    last_date: str  # as staff write it («3-6 июля 2021»), or the year alone, or ""


@dataclass(frozen=True)
class TermDue:
    """An agreement whose term ends within the months asked, or has ended."""

    agreement: AgreementFacts
    status: str
    expired: bool


@dataclass(frozen=True)
class PartnerAnswers:
    """The partner page's answers: last event, events per year, the agreements' ages."""

    partner_id: int
    last_event: tuple[int, str, str] | None  # year, date as written, text
    per_year: dict[int, int]
    agreements: list[tuple[AgreementFacts, int | None]]  # with its age in full years


def _read_agreements(s: Session, where: Any = None) -> list[AgreementFacts]:
    from sqlalchemy import select

    from spbgui.store.models import Agreement, AgreementDate, Country, Partner, Region

    query = (
        select(
            Agreement.id,
            Agreement.partner_id,
            Partner.name,
            Country.name,
            Region.name,
            Agreement.title,
            Agreement.term_start,
            Agreement.term_end,
            Agreement.status,
            Agreement.version,
        )
        .join(Partner, Partner.id == Agreement.partner_id)
        .join(Country, Country.id == Partner.country_id)
        .join(Region, Region.id == Country.region_id)
        .order_by(
            Region.position,
            Region.id,
            Country.position,
            Country.id,
            Agreement.position,
            Agreement.id,
        )
    )
    if where is not None:
        query = query.where(where)
    rows = s.execute(query).all()
    dates: dict[int, list[PartialDate]] = {}
    date_query = select(
        AgreementDate.agreement_id, AgreementDate.year, AgreementDate.month, AgreementDate.day
    ).order_by(AgreementDate.agreement_id, AgreementDate.position, AgreementDate.id)
    if where is not None:
        date_query = date_query.where(AgreementDate.agreement_id.in_([r[0] for r in rows]))
    for aid, y, m, d in s.execute(date_query):
        dates.setdefault(aid, []).append(PartialDate(y, m, d))
    return _facts(rows, dates)


def _facts(
    rows: Sequence[Sequence[Any]], dates: dict[int, list[PartialDate]]
) -> list[AgreementFacts]:
    """The agreements' rows (see store.first_screen.agreement_facts) with their dates."""
    return [
        AgreementFacts(
            id=aid,
            partner_id=pid,
            partner=pname if pname is not None else cname,
            country=cname,
            region=rname,
            title=title,
            dates=tuple(dates.get(aid, ())),
            term=Term(
                PartialDate.from_iso(ts) if ts else None, PartialDate.from_iso(te) if te else None
            ),
            set_status=st,
            version=version,
        )
        for aid, pid, pname, cname, rname, title, ts, te, st, version in rows
    ]


def agreements(*, db: Database) -> list[AgreementFacts]:
    with db.read() as s:
        return _read_agreements(s)


def anniversaries(*, db: Database, year: int, step: int = 5) -> list[Anniversary]:
    """Partnerships and agreements whose first date is a round number of years before ``year``.

    A partnership dates from its partner's earliest agreement date; an agreement from its
    own first date. An agreement that is where the partnership began is listed once, as the
    partnership. Ordered by the date within the year (a year alone first), then by name.
    """
    with db.read() as s:
        facts = _read_agreements(s)
    by_partner: dict[int, list[AgreementFacts]] = {}
    for a in facts:
        by_partner.setdefault(a.partner_id, []).append(a)
    out: list[Anniversary] = []
    for pid, items in by_partner.items():
        dated = [(a, a.first) for a in items if a.first is not None]
        if not dated:
            continue
        founding, start = min(dated, key=lambda pair: pair[1])
        years = anniversary(start, year, step)
        if years:
            out.append(
                Anniversary(
                    "partnership",
                    pid,
                    None,
                    founding.partner,
                    founding.country,
                    founding.title,
                    start,
                    years,
                )
            )
        for a, first in dated:
            if first == start:
                continue  # the partnership's own beginning
            years = anniversary(first, year, step)
            if years:
                out.append(
                    Anniversary(
                        "agreement",
                        pid,
                        a.id,
                        a.partner,
                        a.country,
                        a.title,
                        first,
                        years,
                    )
                )
    return sorted(out, key=lambda x: (x.date.month or 0, x.date.day or 0, x.partner, x.title))


def latest_year(*, db: Database) -> int | None:
    """The latest year of the table (started or with events)."""
    from spbgui.services.years import years

    known = years(db=db)
    return known[-1] if known else None


def dormant_partners(
    *, db: Database, years: int = DORMANT_YEARS, as_of: int | None = None
) -> list[DormantPartner]:
    """Partners with no events in the ``years`` years up to ``as_of`` (the table's latest year).

    With the table at 2025 and 3 years: no events in 2023, 2024 and 2025.
    """
    from sqlalchemy import func, select

    from spbgui.store.models import Country, Event, Partner, Region

    if years < 1:
        raise ValueError("years must be at least 1")
    if as_of is None:
        as_of = latest_year(db=db) or dt.date.today().year
    since = as_of - years + 1
    with db.read() as s:
        last_years = dict(
            s.execute(
                select(Event.partner_id, func.max(Event.year))
                .where(Event.year <= as_of)
                .group_by(Event.partner_id)
            ).all()
        )
        partners = s.execute(
            select(Partner.id, Partner.name, Country.name, Region.name)
            .join(Country, Country.id == Partner.country_id)
            .join(Region, Region.id == Country.region_id)
            .order_by(Region.position, Region.id, Country.position, Country.id, Partner.position)
        ).all()
        out = []
        for pid, pname, cname, rname in partners:
            last = last_years.get(pid)
            if last is not None and last >= since:
                continue
            out.append(
                DormantPartner(
                    pid,
                    pname if pname is not None else cname,
                    cname,
                    rname,
                    last,
                    _last_date(s, pid, last) if last is not None else "",
                )
            )
    return out


def _last_date(s: Session, partner_id: int, year: int) -> str:
    """The date of the partner's last event in ``year`` as staff wrote it, with the year
    (the latest dated one; one kept only as written, «весна», if none is dated)."""
    from sqlalchemy import select

    from spbgui.store.models import Event

    row = s.execute(
        select(Event.start, Event.end, Event.date_written)
        .where(Event.partner_id == partner_id, Event.year == year)
        .order_by(Event.end.is_(None), Event.end.desc(), Event.position.desc())
        .limit(1)
    ).first()
    when = format_event_date(event_date(*row)) if row is not None else ""
    return f"{when} {year} г." if when else f"{year} г."


def terms_due(*, db: Database, today: dt.date, months: int = EXPIRING_MONTHS) -> list[TermDue]:
    """Agreements whose term ends within ``months`` months of ``today`` or has ended.

    Renewed (продлено) and ended (прекращено) agreements are done with: not listed. A
    status staff set wins over the term, as everywhere else: one set «действует» after its
    term's end goes on (not listed), one set «истекло» before it has ended (listed).
    """
    out = []
    for a in agreements(db=db):
        st = a.status(today)
        if st in (RENEWED, ENDED) or st is None:
            continue
        expired = st == EXPIRED
        if expired or ends_within(a.term.end, today, months):
            out.append(TermDue(a, st, expired))
    return out


def older_than(*, db: Database, years: int, today: dt.date) -> list[AgreementFacts]:
    """Agreements whose first date is more than ``years`` years before ``today``.

    A date known to the year counts from its first day: 2004 is older than 20 years from
    2 January 2024.
    """
    out = []
    for a in agreements(db=db):
        first = a.first
        if first is None:
            continue
        year = first.year + years
        month, day = first.month or 1, first.day or 1
        if month == 2 and day == 29:
            day = 28
        if today > dt.date(year, month, day):
            out.append(a)
    return out


def partner_answers(*, db: Database, partner_id: int, today: dt.date) -> PartnerAnswers:
    if (conn := db.quick()) is not None:
        return _quick_partner_answers(conn, partner_id, today)
    from sqlalchemy import func, select

    from spbgui.store.models import Agreement, Event

    with db.read() as s:
        per_year = dict(
            s.execute(
                select(Event.year, func.count())
                .where(Event.partner_id == partner_id)
                .group_by(Event.year)
                .order_by(Event.year)
            ).all()
        )
        last_event = None
        if per_year:
            year = max(per_year)
            row = s.execute(
                select(Event.start, Event.end, Event.date_written, Event.text)
                .where(Event.partner_id == partner_id, Event.year == year)
                # the latest dated event; an undated one only if the year has no dated one
                .order_by(Event.end.is_(None), Event.end.desc(), Event.position.desc())
                .limit(1)
            ).one()
            last_event = (year, format_event_date(event_date(row[0], row[1], row[2])), row[3])
        facts = _read_agreements(s, Agreement.partner_id == partner_id)
    return PartnerAnswers(
        partner_id=partner_id,
        last_event=last_event,
        per_year=per_year,
        agreements=[(a, a.age(today)) for a in facts],
    )


def _quick_partner_answers(
    conn: sqlite3.Connection, partner_id: int, today: dt.date
) -> PartnerAnswers:
    """:func:`partner_answers` through sqlite3, for the first screen (store.first_screen)."""
    per_year = first_screen.events_per_year(conn, partner_id)
    last_event = None
    if per_year:
        year = max(per_year)
        start, end, written, text = first_screen.last_event(conn, partner_id, year)
        last_event = (year, format_event_date(event_date(start, end, written)), text)
    rows = first_screen.agreement_facts(conn, partner_id)
    found = first_screen.agreement_dates(conn, [r[0] for r in rows])
    dates = {aid: [PartialDate(*d) for d in ds] for aid, ds in found.items()}
    facts = _facts(rows, dates)
    return PartnerAnswers(
        partner_id=partner_id,
        last_event=last_event,
        per_year=per_year,
        agreements=[(a, a.age(today)) for a in facts],
    )


def dates_text(a: AgreementFacts) -> str:
    return format_agreement_dates(a.dates)
