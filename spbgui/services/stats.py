"""The committee's figures across years: events per year by region, country and partner.

One read of the tree and one grouped count of events answer a span of years at any
level. Countries are counted by their ISO code (revision 0011): «Беларусь» of one year
and «Белоруссия» of the next are one row, shown under the name written first. Every
row carries the ids of the records behind it, so the window can go to them
(:func:`events_behind`). The same functions serve the statistics page, ``spbgui-cli
stats``, the Excel sheet and the report, so their figures cannot differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spbgui.domain.dates import format_event_date
from spbgui.errors import UserError
from spbgui.services.details import event_date
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region

LEVELS = ("region", "country", "partner")
LEVEL_NAMES = {"region": "Регион", "country": "Страна", "partner": "Партнёр"}
MAX_SPAN = 200  # years in one table: more is a typing slip, not a question


class StatsError(UserError):
    """A span of years or a level the statistics cannot answer."""


@dataclass(frozen=True)
class StatRow:
    """One region, country (all records of one code) or partner and its events per year."""

    level: str
    key: str  # stable within a database: "region:3", "country:BY", "country:#12", "partner:5"
    name: str
    parent: str  # a country's region, a partner's country; empty for a region
    ids: tuple[int, ...]  # the records behind the row (a country of two names: two)
    counts: dict[int, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class YearTable:
    level: str
    years: list[int]
    rows: list[StatRow]

    @property
    def totals(self) -> dict[int, int]:
        return {y: sum(r.counts[y] for r in self.rows) for y in self.years}

    def as_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "years": self.years,
            "rows": [
                {
                    "name": r.name,
                    "parent": r.parent,
                    "counts": {str(y): r.counts[y] for y in self.years},
                    "total": r.total,
                }
                for r in self.rows
            ],
            "totals": {str(y): v for y, v in self.totals.items()},
        }


@dataclass(frozen=True)
class Comparison:
    """This year against last, per row: the figures and the difference."""

    level: str
    year: int
    rows: list[tuple[StatRow, int, int, int]]  # row, last year, this year, difference
    # Whether the database has the year before (events or a table started): without it its
    # zeros and the differences are made up, not figures («0 → 45, +45»).
    previous_known: bool = True

    @property
    def totals(self) -> tuple[int, int, int]:
        last = sum(r[1] for r in self.rows)
        this = sum(r[2] for r in self.rows)
        return last, this, this - last

    @property
    def note(self) -> str:
        """What to say instead of the last year's figures when the database has no such year."""
        if self.previous_known:
            return ""
        return f"В базе нет {self.year - 1} года: сравнивать не с чем."

    def as_json(self) -> dict[str, Any]:
        last, this, diff = self.totals
        known = self.previous_known
        return {
            "level": self.level,
            "year": self.year,
            "previous": self.year - 1,
            "previous_known": known,
            "rows": [
                {
                    "name": r.name,
                    "parent": r.parent,
                    "previous": a if known else None,
                    "this": b,
                    "difference": d if known else None,
                }
                for r, a, b, d in self.rows
            ],
            "totals": {
                "previous": last if known else None,
                "this": this,
                "difference": diff if known else None,
            },
        }


@dataclass(frozen=True)
class RegionHoldings:
    """How many countries (by code), partners and agreements a region has (of every year)."""

    region_id: int
    name: str
    countries: int
    partners: int
    agreements: int
    country_keys: frozenset[str] = frozenset()  # its countries' row keys (codes) in the tables


def holdings_total(holdings: list[RegionHoldings]) -> tuple[int, int, int]:
    """Countries, partners and agreements of all regions: a country in two regions («Беларусь»
    under Europe, «Белоруссия» under the CIS) is one country, as in the table by country."""
    return (
        len(frozenset().union(*(h.country_keys for h in holdings))),
        sum(h.partners for h in holdings),
        sum(h.agreements for h in holdings),
    )


@dataclass(frozen=True)
class EventBehind:
    """An event behind a figure: enough to list it and go to its partner."""

    id: int
    partner_id: int
    partner: str
    country: str
    year: int
    date_text: str
    text: str


@dataclass
class _Tree:
    """The regions, countries and partners in the tree's order, read once."""

    regions: list[tuple[int, str]] = field(default_factory=list)
    countries: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    partners: list[tuple[int, int, str]] = field(default_factory=list)  # id, country id, label

    @classmethod
    def read(cls, s: Session) -> _Tree:
        t = cls()
        t.regions = [
            (rid, name)
            for rid, name in s.execute(
                select(Region.id, Region.name).order_by(Region.position, Region.id)
            )
        ]
        t.countries = [
            (cid, rid, name, code)
            for cid, rid, name, code in s.execute(
                select(Country.id, Country.region_id, Country.name, Country.code)
                .join(Region, Region.id == Country.region_id)
                .order_by(Region.position, Region.id, Country.position, Country.id)
            )
        ]
        t.partners = [
            (pid, cid, name if name is not None else cname)
            for pid, cid, name, cname in s.execute(
                select(Partner.id, Partner.country_id, Partner.name, Country.name)
                .join(Country, Country.id == Partner.country_id)
                .join(Region, Region.id == Country.region_id)
                .order_by(
                    Region.position,
                    Region.id,
                    Country.position,
                    Country.id,
                    Partner.position,
                    Partner.id,
                )
            )
        ]
        return t

    def country_key(self) -> dict[int, str]:
        """Country id → the key of its row: its code, or its own id without one."""
        return {
            cid: f"country:{code}" if code else f"country:#{cid}"
            for cid, _, _, code in self.countries
        }


def parse_years(text: str) -> tuple[int, int]:
    """«2020-2025», «2020–2025» or «2024» as (first, last)."""
    cleaned = text.strip().replace("–", "-").replace("—", "-")
    parts = [p.strip() for p in cleaned.split("-")]
    try:
        if len(parts) == 1:
            first = last = int(parts[0])
        elif len(parts) == 2:
            first, last = int(parts[0]), int(parts[1])
        else:
            raise ValueError
    except ValueError:
        raise StatsError(
            f"Не удалось понять годы «{text}»: нужен вид 2020-2025 или один год, например 2024."
        ) from None
    check_span(first, last)
    return first, last


def check_span(first: int, last: int) -> None:
    if not (1 <= first <= 9999 and 1 <= last <= 9999):
        asked = f"Годы {first}–{last}" if first != last else f"Год {first}"
        raise StatsError(f"{asked} вне допустимых пределов: от 1 до 9999.")
    if first > last:
        raise StatsError(f"Первый год ({first}) позже последнего ({last}): укажите их по порядку.")
    if last - first + 1 > MAX_SPAN:
        raise StatsError(
            f"Слишком много лет ({last - first + 1}): за один раз можно не больше {MAX_SPAN}."
        )


def _event_counts(s: Session, first: int, last: int) -> dict[tuple[int, int], int]:
    """(partner id, year) → events, for the years asked."""
    return {
        (pid, year): n
        for pid, year, n in s.execute(
            select(Event.partner_id, Event.year, func.count())
            .where(Event.year.between(first, last))
            .group_by(Event.partner_id, Event.year)
        )
    }


def events_per_year(*, db: Database, first: int, last: int, level: str = "region") -> YearTable:
    """Events per year from ``first`` to ``last`` for every region, country or partner."""
    if level not in LEVELS:
        raise StatsError(f"Нет такого уровня «{level}»: можно {', '.join(LEVELS)}.")
    check_span(first, last)
    years = list(range(first, last + 1))
    with db.read() as s:
        tree = _Tree.read(s)
        per_partner = _event_counts(s, first, last)
    region_name = dict(tree.regions)
    country_of = {cid: (rid, name) for cid, rid, name, _ in tree.countries}
    ckey = tree.country_key()

    # Build the rows in tree order, then add every partner's counts into its row.
    rows: dict[str, dict[str, Any]] = {}

    def row(key: str, name: str, parent: str, rid: int) -> dict[str, Any]:
        if key not in rows:
            rows[key] = {
                "name": name,
                "parent": parent,
                "ids": [],
                "counts": dict.fromkeys(years, 0),
            }
        if rid not in rows[key]["ids"]:
            rows[key]["ids"].append(rid)
        return rows[key]

    if level == "region":
        for rid, name in tree.regions:
            row(f"region:{rid}", name, "", rid)
    elif level == "country":
        for cid, rid, name, _ in tree.countries:
            row(ckey[cid], name, region_name[rid], cid)
    else:
        for pid, cid, label in tree.partners:
            row(f"partner:{pid}", label, country_of[cid][1], pid)

    for pid, cid, _ in tree.partners:
        if level == "region":
            key = f"region:{country_of[cid][0]}"
        elif level == "country":
            key = ckey[cid]
        else:
            key = f"partner:{pid}"
        counts = rows[key]["counts"]
        for y in years:
            counts[y] += per_partner.get((pid, y), 0)

    return YearTable(
        level=level,
        years=years,
        rows=[
            StatRow(level, key, r["name"], r["parent"], tuple(r["ids"]), r["counts"])
            for key, r in rows.items()
        ],
    )


def compare_years(*, db: Database, year: int, level: str = "region") -> Comparison:
    """``year`` against the year before, per region, country or partner, with the difference."""
    from spbgui.services.years import years

    table = events_per_year(db=db, first=year - 1, last=year, level=level)
    return Comparison(
        level=level,
        year=year,
        rows=[
            (r, r.counts[year - 1], r.counts[year], r.counts[year] - r.counts[year - 1])
            for r in table.rows
        ],
        previous_known=year - 1 in years(db=db),
    )


def holdings_per_region(*, db: Database) -> list[RegionHoldings]:
    """Countries (one per code), partners and agreements of every region."""
    with db.read() as s:
        tree = _Tree.read(s)
        agreements = dict(
            s.execute(
                select(Agreement.partner_id, func.count()).group_by(Agreement.partner_id)
            ).all()
        )
    ckey = tree.country_key()
    region_of = {cid: rid for cid, rid, _, _ in tree.countries}
    out = []
    for rid, name in tree.regions:
        cids = [cid for cid, r, _, _ in tree.countries if r == rid]
        pids = [pid for pid, cid, _ in tree.partners if region_of[cid] == rid]
        out.append(
            RegionHoldings(
                region_id=rid,
                name=name,
                countries=len({ckey[c] for c in cids}),
                partners=len(pids),
                agreements=sum(agreements.get(p, 0) for p in pids),
                country_keys=frozenset(ckey[c] for c in cids),
            )
        )
    return out


def partner_ids(*, db: Database, level: str, ids: Iterable[int]) -> list[int]:
    """The partners under the regions, countries or partners ``ids``."""
    ids = list(ids)
    if level == "partner":
        return ids
    with db.read() as s:
        query = select(Partner.id).join(Country, Country.id == Partner.country_id)
        where = Country.region_id.in_(ids) if level == "region" else Country.id.in_(ids)
        return list(s.scalars(query.where(where).order_by(Partner.id)))


def count_behind(*, db: Database, level: str, ids: Iterable[int], years: Iterable[int]) -> int:
    """How many events a figure counts (what :func:`events_behind` lists, without a limit)."""
    pids = partner_ids(db=db, level=level, ids=ids)
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(Event)
                .where(Event.partner_id.in_(pids), Event.year.in_(list(years)))
            )
            or 0
        )


def events_behind(
    *,
    db: Database,
    level: str,
    ids: Iterable[int],
    years: Iterable[int],
    limit: int | None = None,
) -> list[EventBehind]:
    """The events a figure counts: those of the rows' partners in the years asked (the first
    ``limit`` of them, in the order of their dates)."""
    pids = partner_ids(db=db, level=level, ids=ids)
    years = list(years)
    with db.read() as s:
        rows = s.execute(
            select(
                Event.id,
                Event.partner_id,
                Partner.name,
                Country.name,
                Event.year,
                Event.start,
                Event.end,
                Event.date_written,
                Event.text,
            )
            .join(Partner, Partner.id == Event.partner_id)
            .join(Country, Country.id == Partner.country_id)
            .where(Event.partner_id.in_(pids), Event.year.in_(years))
            .order_by(Event.year, Event.start.is_(None), Event.start, Event.id)
            .limit(limit)
        ).all()
    return [
        EventBehind(
            id=eid,
            partner_id=pid,
            partner=pname if pname is not None else cname,
            country=cname,
            year=year,
            date_text=format_event_date(event_date(start, end, written)),  # as written
            text=text,
        )
        for eid, pid, pname, cname, year, start, end, written, text in rows
    ]
