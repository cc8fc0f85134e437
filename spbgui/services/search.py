"""Search as you type: which partners, countries and regions match, and the matching events.

Words of the query match the beginnings of words in names, notes, agreement
titles and event texts, all words required, case- and ё/е-insensitive
(«ташк ёлка» finds «Ёлка в Ташкенте»). On SQLite this is the FTS5 index of
revision 0003, so a query costs milliseconds over half a million events; other
databases fall back to LIKE. The result says which nodes the tree keeps: a
matching partner; every partner of a matching country; everything in a
matching region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import bindparam, func, or_, select, text
from sqlalchemy.orm import Session

from spbgui.domain.dates import format_event_date
from spbgui.services.changes import NodeKind, NodeRef
from spbgui.services.details import event_date
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region

MIN_LENGTH = 2  # one letter would match nearly everything and is not in the prefix index
EVENT_LIMIT = 200

_WORD_RE = re.compile(r"\w+")
_KIND = {1: "region", 2: "country", 3: "partner", 4: "agreement", 5: "event"}


def fold(text_: str) -> str:
    """What the index stores and what queries are compared with: «ё» is «е»."""
    return text_.replace("ё", "е").replace("Ё", "Е")


def words(query: str) -> list[str]:
    return _WORD_RE.findall(fold(query).lower())


@dataclass(frozen=True)
class EventHit:
    id: int
    partner_id: int
    year: int
    date_text: str
    text: str
    partner: str  # the partner's name, or its country's for a country as a whole
    country: str


@dataclass(frozen=True)
class SearchResult:
    query: str
    partners: frozenset[int] = frozenset()  # partners that match themselves
    countries: frozenset[int] = frozenset()  # countries to show (matching or holding a match)
    regions: frozenset[int] = frozenset()  # regions to show
    whole_countries: frozenset[int] = frozenset()  # countries shown with all their partners
    whole_regions: frozenset[int] = frozenset()  # regions shown with everything in them
    events: tuple[EventHit, ...] = ()
    event_count: int = 0  # matching events in all, of which ``events`` are the first
    too_short: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.partners or self.countries or self.regions)

    def shows(self, ref: NodeRef, parent: NodeRef | None) -> bool:
        """Whether the tree keeps ``ref`` (whose parent is ``parent``) under this search."""
        if ref.kind is NodeKind.REGION:
            return ref.id in self.regions
        if ref.kind is NodeKind.COUNTRY:
            return ref.id in self.countries
        assert parent is not None
        return ref.id in self.partners or parent.id in self.whole_countries


def search(*, db: Database, query: str, year: int | None, limit: int = EVENT_LIMIT) -> SearchResult:
    """What matches ``query``; events only of ``year`` unless it is None (every year)."""
    terms = words(query)
    if sum(len(w) for w in terms) < MIN_LENGTH:
        return SearchResult(query, too_short=True)
    with db.read() as s:
        if db.engine.dialect.name == "sqlite":
            hits = _fts_hits(s, terms)
        else:
            hits = _like_hits(s, terms)
        return _result(s, query, hits, year, limit)


def _fts_hits(s: Session, terms: list[str]) -> dict[str, set[int]]:
    match = " ".join(f'"{w}"*' for w in terms)
    hits: dict[str, set[int]] = {k: set() for k in _KIND.values()}
    for rowid in s.scalars(
        text("SELECT rowid FROM search_index WHERE search_index MATCH :q"), {"q": match}
    ):
        hits[_KIND[rowid & 7]].add(rowid >> 3)
    return hits


def _like_hits(s: Session, terms: list[str]) -> dict[str, set[int]]:
    def ids(model, *cols) -> set[int]:  # type: ignore[no-untyped-def]
        conds = [or_(*(func.lower(c).contains(w) for c in cols)) for w in terms]
        return set(s.scalars(select(model.id).where(*conds)))

    return {
        "region": ids(Region, Region.name, Region.note),
        "country": ids(Country, Country.name, Country.note),
        "partner": ids(Partner, Partner.name, Partner.note),
        "agreement": ids(Agreement, Agreement.title, Agreement.note),
        "event": ids(Event, Event.text),
    }


def _chunks(ids: set[int], size: int = 20_000) -> list[list[int]]:
    items = sorted(ids)
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def _result(
    s: Session, query: str, hits: dict[str, set[int]], year: int | None, limit: int
) -> SearchResult:
    expanding = bindparam("ids", expanding=True)
    partners = set(hits["partner"])
    for chunk in _chunks(hits["agreement"]):
        partners.update(
            s.scalars(
                select(Agreement.partner_id).where(Agreement.id.in_(expanding)), {"ids": chunk}
            )
        )
    event_ids: list[int] = []
    where_year = () if year is None else (Event.year == year,)
    for chunk in _chunks(hits["event"]):
        for eid, pid in s.execute(
            select(Event.id, Event.partner_id).where(Event.id.in_(expanding), *where_year),
            {"ids": chunk},
        ):
            event_ids.append(eid)
            partners.add(pid)
    whole_regions = set(hits["region"])
    whole_countries = set(hits["country"])
    countries, regions = set(whole_countries), set(whole_regions)
    for chunk in _chunks(partners):
        countries.update(
            s.scalars(select(Partner.country_id).where(Partner.id.in_(expanding)), {"ids": chunk})
        )
    # Everything in a matching region is shown: its countries with all their partners.
    in_regions = set(s.scalars(select(Country.id).where(Country.region_id.in_(whole_regions))))
    countries |= in_regions
    whole_countries |= in_regions
    regions.update(s.scalars(select(Country.region_id).where(Country.id.in_(countries))))
    return SearchResult(
        query=query,
        partners=frozenset(partners),
        countries=frozenset(countries),
        regions=frozenset(regions),
        whole_countries=frozenset(whole_countries),
        whole_regions=frozenset(whole_regions),
        events=tuple(_event_hits(s, event_ids, limit)),
        event_count=len(event_ids),
    )


def _event_hits(s: Session, event_ids: list[int], limit: int) -> list[EventHit]:
    """The first ``limit`` events in the table's order (newest year first)."""
    if not event_ids:
        return []
    ids = event_ids if len(event_ids) <= 20_000 else sorted(event_ids)[-20_000:]
    rows = s.execute(
        select(
            Event.id,
            Event.partner_id,
            Event.year,
            Event.start,
            Event.end,
            Event.text,
            Partner.name,
            Country.name,
        )
        .join(Partner, Partner.id == Event.partner_id)
        .join(Country, Country.id == Partner.country_id)
        .join(Region, Region.id == Country.region_id)
        .where(Event.id.in_(bindparam("ids", expanding=True)))
        .order_by(Event.year.desc(), Region.position, Region.id, Country.position, Country.id)
        .order_by(Partner.position, Partner.id, Event.position, Event.id)
        .limit(limit),
        {"ids": ids},
    )
    return [
        EventHit(i, p, y, format_event_date(event_date(a, b)), t, pn if pn is not None else cn, cn)
        for i, p, y, a, b, t, pn, cn in rows
    ]
