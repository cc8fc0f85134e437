"""Search as you type: which partners, countries and regions match, and the matching events.

Words of the query match the beginnings of words in names, notes, agreement
titles and event texts, all words required, case- and ё/е-insensitive
(«ташк ёлка» finds «Ёлка в Ташкенте»). On SQLite this is the FTS5 index of
revisions 0003 and 0014, so a query costs milliseconds over half a million events; other
databases fall back to LIKE. The result says which nodes the tree keeps: a
matching partner; every partner of a matching country; everything in a
matching region.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import threading
import unicodedata
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import BindParameter, SQLColumnExpression, bindparam, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from spbgui.domain.dates import format_event_date
from spbgui.services.changes import NodeKind, NodeRef
from spbgui.services.details import event_date
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region

# The records a search looks through by their text.
Searched = type[Region] | type[Country] | type[Partner] | type[Agreement] | type[Event]

MIN_LENGTH = 2  # one letter alone would match nearly everything
EVENT_LIMIT = 200
SORT_LIMIT = 2_000  # more matching events than this are listed newest first, unsorted

_WORD_RE = re.compile(r"\w+")


def fold(text_: str) -> str:
    """What the index stores and what queries are compared with: «ё» is «е»."""
    return text_.replace("ё", "е").replace("Ё", "Е")


def words(query: str) -> list[str]:
    return _WORD_RE.findall(fold(query).lower())


def too_short(query: str) -> bool:
    """Whether ``query`` has too few letters to search for (answered without the database)."""
    return sum(len(w) for w in words(query)) < MIN_LENGTH


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

    def only_under(self, parent: NodeRef | None) -> frozenset[int] | None:
        """The ids of the children of ``parent`` the tree keeps (None: all of them)."""
        if parent is None:
            return self.regions
        if parent.kind is NodeKind.REGION:
            return self.countries
        if parent.kind is NodeKind.COUNTRY:
            return None if parent.id in self.whole_countries else self.partners
        return frozenset()

    def shows(self, ref: NodeRef, parent: NodeRef | None) -> bool:
        """Whether the tree keeps ``ref`` (whose parent is ``parent``) under this search."""
        if ref.kind is NodeKind.REGION:
            return ref.id in self.regions
        if ref.kind is NodeKind.COUNTRY:
            return ref.id in self.countries
        assert parent is not None
        return ref.id in self.partners or parent.id in self.whole_countries


class Cancelled(Exception):
    """The search was stopped by :meth:`Cancel.cancel` before it answered."""


class Cancel:
    """Stops a search under way from another thread: typing went on, its answer is stale.

    On SQLite the search's connection asks, every few thousand steps of its statements,
    whether it is to stop (a progress handler), so the statement running ends within a
    millisecond or so and the next search starts at once instead of waiting for it;
    elsewhere the search runs to its end (and its answer is dropped).
    """

    # SQLite virtual machine steps between two looks at ``cancelled``: each look takes the
    # GIL from the GUI thread, so rarely (a few milliseconds of work apart).
    STEPS = 200_000

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True  # (one assignment: safe from any thread)

    def _stop(self) -> int:
        return 1 if self.cancelled else 0

    @contextlib.contextmanager
    def watching(self, s: Session) -> Iterator[None]:
        """Around the statements of a search in ``s``: stoppable, and Cancelled if stopped."""
        if self.cancelled:
            raise Cancelled
        raw = s.connection().connection.dbapi_connection
        handler = getattr(raw, "set_progress_handler", None)  # sqlite3 alone has it
        if handler is not None:
            handler(self._stop, self.STEPS)
        try:
            yield
        except DBAPIError as exc:
            if self.cancelled:
                raise Cancelled from exc
            raise
        finally:
            if handler is not None:
                handler(None, 0)


def search(
    *,
    db: Database,
    query: str,
    year: int | None,
    limit: int = EVENT_LIMIT,
    cancel: Cancel | None = None,
) -> SearchResult:
    """What matches ``query``; events only of ``year`` unless it is None (every year).

    ``cancel``: stops the search from another thread (it then raises :class:`Cancelled`).
    """
    if too_short(query):
        return SearchResult(query, too_short=True)
    terms = words(query)
    # Read before the search's transaction reads anything (see _year_owners).
    version = _data_version(db) if year is not None else None
    with db.read() as s, cancel.watching(s) if cancel else contextlib.nullcontext():
        if db.engine.dialect.name == "sqlite":
            source = _keep_matches(s, terms, year) if _keeps(terms, year) else _MATCHED
            if year is None or _kept(db, year, version) is None:
                hits = _fts_hits(s, terms, year, source)
                events = _fts_events(s, terms, year, source, limit, hits.event_count)
            else:
                ids = _year_event_ids(s, terms, year, source)
                hits = _named_hits(s, terms, source)
                _count_year_events(s, db, hits, ids, year, version)
                events = _events_of(s, ids, limit)
        else:
            hits, event_ids = _like_hits(s, terms, year)
            events = _events_by_id(s, event_ids, limit)
        return _result(s, query, hits, events)


@dataclass
class _Hits:
    """What the index found, by kind; events only as a count per partner."""

    regions: set[int] = field(default_factory=set)
    countries: set[int] = field(default_factory=set)
    partners: set[int] = field(default_factory=set)  # by name, note or agreement
    event_partners: dict[int, int] = field(default_factory=dict)  # partner: matching events
    # Each partner's country, when the query that found them read it too (else looked up).
    country_of: dict[int, int] | None = None

    @property
    def event_count(self) -> int:
        return sum(self.event_partners.values())


NAMED = "n"  # the scope of regions, countries, partners and agreements in the index


def year_scope(year: int | None) -> str | None:
    """The index's scope of the events of ``year`` (revision 0014); None: every year."""
    return None if year is None else f"y{int(year)}"


def _match(terms: list[str], scope: str | None) -> str:
    """An FTS5 query: every word as a quoted prefix («"ташк"*») of the text, all required,
    in the rows of ``scope`` (:data:`NAMED`, :func:`year_scope`; None: every event)."""
    body = "body : (" + " ".join(f'"{w}"*' for w in terms) + ")"
    if scope is None:
        return body + f' NOT scope : "{NAMED}"'
    return body + f' AND scope : "{scope}"'


@dataclass(frozen=True)
class _Source:
    """Where a search's statements read the rows the index matched."""

    named: str  # the named records' rowids (a SELECT)
    events: str  # a table of the year's events' rowids, in a column ``r``


# Straight from the index: one MATCH for the year's events and one for the named records.
_MATCHED = _Source(
    named="SELECT rowid FROM search_index WHERE search_index MATCH :named",
    events="(SELECT rowid AS r FROM search_index WHERE search_index MATCH :events)",
)
# From the rowids one MATCH of the query kept in a temporary table (_keep_matches).
_KEPT = _Source(
    named="SELECT r FROM temp.search_matches WHERE r & 7 != 5",
    events="temp.search_matches",
)


def _keeps(terms: list[str], year: int | None) -> bool:
    """Whether to run the MATCH once and keep its rowids: for several words, whose lists
    FTS5 intersects anew for every statement that matches (the year's events, the named
    records, the events listed), which costs more than keeping tens of thousands of
    rowids; a single word is one list, read quickly each time. Every year's events are
    too many to keep."""
    return len(terms) > 1 and year is not None


def _keep_matches(s: Session, terms: list[str], year: int | None) -> _Source:
    conn = s.connection()
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS search_matches (r INTEGER PRIMARY KEY)")
    conn.exec_driver_sql("DELETE FROM temp.search_matches")
    body = _match(terms, NAMED).removesuffix(f' AND scope : "{NAMED}"')
    scopes = f'(scope : "{NAMED}" OR scope : "{year_scope(year)}")'
    s.execute(
        text(
            "INSERT INTO temp.search_matches "
            "SELECT rowid FROM search_index WHERE search_index MATCH :q"
        ),
        {"q": f"{body} AND {scopes}"},
    )
    return _KEPT


# The matches resolved by kind in SQL: a common prefix matches tens of thousands of
# events, and only their partners with their countries (a few thousand at most) come
# back to Python. Each event is resolved from the narrow (id, year, partner_id) index of
# revision 0013, not its row, and only the year's events are: the index's scope
# (revision 0014) leaves out the rest.
_NAMED_CTE = "WITH named(r) AS MATERIALIZED ({named})\n"
_EVENT_PARTNERS = """
    SELECT 5, g.pid, p.country_id, g.n FROM (
        SELECT e.partner_id AS pid, count(*) AS n
        FROM {events} f JOIN event e INDEXED BY ix_event_search_key ON e.id = f.r >> 3
        WHERE f.r & 7 = 5
        GROUP BY e.partner_id
    ) g JOIN partner p ON p.id = g.pid
"""
_NAMED_KINDS = """
    SELECT 4, a.partner_id, p.country_id, 0
        FROM named JOIN agreement a ON a.id = named.r >> 3 JOIN partner p ON p.id = a.partner_id
        WHERE named.r & 7 = 4
    UNION ALL
    SELECT 3, p.id, p.country_id, 0 FROM named JOIN partner p ON p.id = named.r >> 3
        WHERE named.r & 7 = 3
    UNION ALL
    SELECT named.r & 7, named.r >> 3, NULL, 0 FROM named WHERE named.r & 7 IN (1, 2)
"""
_FTS_HITS = _NAMED_CTE + _EVENT_PARTNERS + "UNION ALL" + _NAMED_KINDS


def dates_not_understood(
    *, db: Database, year: int | None, limit: int = EVENT_LIMIT
) -> SearchResult:
    """The filter «даты не распознаны»: events whose date was kept as written, not understood.

    They count as undated until a clerk fixes them; the result filters the tree to their
    partners and lists them (of ``year``, or of every year if it is None), in table order.
    """
    not_understood = (
        Event.start.is_(None),
        Event.date_written.is_not(None),
        Event.date_written != "",
        Event.year == year if year is not None else Event.year.is_not(None),
    )
    with db.read() as s:
        hits = _Hits()
        for pid, n in s.execute(
            select(Event.partner_id, func.count()).where(*not_understood).group_by(Event.partner_id)
        ):
            hits.event_partners[pid] = n
        rows = s.execute(
            select(*_hit_columns())
            .join(Partner, Partner.id == Event.partner_id)
            .join(Country, Country.id == Partner.country_id)
            .join(Region, Region.id == Country.region_id)
            .where(*not_understood)
            .order_by(*_TABLE_ORDER)
            .limit(limit)
        ).all()
        return _result(s, "", hits, [_hit(row) for row in rows])


def _fts_hits(s: Session, terms: list[str], year: int | None, source: _Source) -> _Hits:
    hits = _Hits(country_of={})
    params = (
        {"events": _match(terms, year_scope(year)), "named": _match(terms, NAMED)}
        if source is _MATCHED
        else {}
    )
    statement = text(_FTS_HITS.format(named=source.named, events=source.events))
    _collect(hits, s.execute(statement, params))
    return hits


def _collect(hits: _Hits, rows: Iterable[Any]) -> None:
    """Rows of (kind, id, country, matching events) into ``hits``."""
    country_of = hits.country_of
    assert country_of is not None
    for kind, ref, country, n in rows:
        if kind == 5:
            hits.event_partners[ref] = n
            country_of[ref] = country
        elif kind in (3, 4):
            hits.partners.add(ref)
            country_of[ref] = country
        elif kind == 2:
            hits.countries.add(ref)
        else:
            hits.regions.add(ref)


# --- The events of one year: their rowids read once from the index ----------------------
#
# A common prefix matches tens of thousands of a big year's events, and finding each
# one's partner in SQL (an index lookup per event) was most of such a search. For a year
# of OWNERS_FROM events or more the window reads the year's event → partner map ahead on
# its worker (read_ahead), kept for as long as nothing is written to the database
# (Database.data_version). A search of that year then reads the matching events' ids
# from the index once, counts them per partner in Python and lists the events by id; a
# search never waits to read the map: without it, it matches in SQL as always.
OWNERS_FROM = 3_000


@dataclass(frozen=True)
class _YearOwners:
    """Who each event of one year belongs to, as the database was at ``version``."""

    db: weakref.ref[Database]
    version: int
    year: int
    partner_of: dict[int, int]  # event id: partner id, for the year's events
    country_of: dict[int, int]  # partner id: country id

    def partners(self, ids: list[int]) -> Sequence[int] | None:
        """The partner of each event ``ids``, looked up in C (itemgetter), not in a loop;
        None if one is not an event of the year."""
        try:
            if len(ids) > 1:
                return itemgetter(*ids)(self.partner_of)  # type: ignore[no-any-return]
            return [self.partner_of[i] for i in ids]
        except KeyError:
            return None


_owners_lock = threading.Lock()
_owners: _YearOwners | None = None  # the last year read (one year, one database)


def _data_version(db: Database) -> int | None:
    try:
        return db.data_version()
    except sqlite3.Error:
        return None  # no map kept this time: the events are resolved in SQL


def _kept(db: Database, year: int, version: int | None) -> _YearOwners | None:
    """The map of ``year`` kept from ``version`` of ``db``, if there is one (whether the
    search's transaction sees that version is for :func:`_year_owners` to say)."""
    with _owners_lock:
        kept = _owners
    if version is None or kept is None or kept.db() is not db:
        return None
    return kept if kept.version == version and kept.year == year else None


def _raw(s: Session) -> Any:
    """The session's own DBAPI connection (same transaction), for many plain rows."""
    return s.connection().connection.dbapi_connection


def _year_event_ids(s: Session, terms: list[str], year: int, source: _Source) -> list[int]:
    """The ids of the year's matching events, in id order."""
    params: dict[str, object] = {}
    if source is _MATCHED:
        params["events"] = _match(terms, year_scope(year))
    # Plain rows from the driver: tens of thousands of them, one number each.
    rows = _raw(s).execute(f"SELECT r >> 3 FROM {source.events} WHERE r & 7 = 5", params)
    ids = list(map(itemgetter(0), rows))
    ids.sort()  # (in the index's order already: a pass to make sure)
    return ids


def _named_hits(s: Session, terms: list[str], source: _Source) -> _Hits:
    hits = _Hits(country_of={})
    params = {"named": _match(terms, NAMED)} if source is _MATCHED else {}
    # (A common word names thousands of partners: plain rows from the driver.)
    _collect(hits, _raw(s).execute((_NAMED_CTE + _NAMED_KINDS).format(named=source.named), params))
    return hits


_EVENT_PARTNERS_OF_IDS = """
    SELECT 5, g.pid, p.country_id, g.n FROM (
        SELECT e.partner_id AS pid, count(*) AS n
        FROM json_each(:ids) f JOIN event e INDEXED BY ix_event_search_key ON e.id = f.value
        GROUP BY e.partner_id
    ) g JOIN partner p ON p.id = g.pid
"""


def _count_year_events(
    s: Session, db: Database, hits: _Hits, ids: list[int], year: int, version: int | None
) -> None:
    """Each partner's matching events of the year into ``hits``."""
    owners = _year_owners(s, db, year, version, read=False)
    if owners is not None:
        partners = owners.partners(ids)
        if partners is not None:  # (always, as the map is of this very snapshot)
            found = Counter(partners)
            assert hits.country_of is not None
            hits.event_partners.update(found)
            country = owners.country_of
            hits.country_of.update({pid: country[pid] for pid in found})
            return
    _collect(hits, s.execute(text(_EVENT_PARTNERS_OF_IDS), {"ids": json.dumps(ids)}))


def _year_owners(
    s: Session, db: Database, year: int, version: int | None, *, read: bool
) -> _YearOwners | None:
    """The year's event → partner map as this transaction sees the database: the one
    kept, or (``read``) read now and kept.

    A search only takes the map kept (read ahead on the window's worker): reading it is
    a few tens of milliseconds at 100,000 events, which the key that finds it missing
    must not wait for; without it the events are resolved in SQL.

    ``version`` was read before the transaction read anything, and the transaction has
    read since: if the version is still the same, nothing was committed in between and
    the transaction sees the database exactly as it was at ``version``; a map kept from
    that version is this transaction's, and a map read now may be kept under it. If
    something was committed meanwhile, no map is used or kept this time.
    """
    global _owners
    if version is None or _data_version(db) != version:
        return None
    kept = _kept(db, year, version)
    if kept is not None or not read:
        return kept
    # Two JSON arrays made in one step of SQLite (which runs without Python's lock) and
    # parsed in C: a row at a time, the 100,000 events of a big year held the lock for
    # 50-90 ms on the worker while the window took its first keys.
    raw = _raw(s)
    event_ids, partner_ids = raw.execute(
        "SELECT json_group_array(id), json_group_array(partner_id) FROM "
        "(SELECT id, partner_id FROM event INDEXED BY ix_event_year_partner WHERE year = ?)",
        (year,),
    ).fetchone()
    partner_of = dict(zip(json.loads(event_ids), json.loads(partner_ids), strict=True))
    country_of = dict(raw.execute("SELECT id, country_id FROM partner"))
    made = _YearOwners(weakref.ref(db), version, year, partner_of, country_of)
    with _owners_lock:
        _owners = made
    return made


def read_ahead(*, db: Database, year: int | None) -> None:
    """Read what searches of ``year`` use (its event → partner map, for a year of
    OWNERS_FROM events or more) and keep it while nothing is written: the window asks
    on its worker when the search field takes focus or the records changed, after the
    tree's levels and behind any search typed meanwhile."""
    if year is None:
        return
    version = _data_version(db)
    with db.read() as s:
        if db.engine.dialect.name != "sqlite":
            return
        n = s.scalar(select(func.count()).select_from(Event).where(Event.year == year)) or 0
        if n >= OWNERS_FROM:
            _year_owners(s, db, year, version, read=True)  # (the count read first)


_EVENTS_OF_IDS = """
    SELECT e.id, e.partner_id, e.year, e.start, e."end", e.date_written, e.text, p.name, c.name
    FROM json_each(:ids) f
    JOIN event e ON e.id = f.value
    JOIN partner p ON p.id = e.partner_id
    JOIN country c ON c.id = p.country_id
    JOIN region r ON r.id = c.region_id
    ORDER BY {order}
    LIMIT :limit
"""


def _events_of(s: Session, ids: list[int], limit: int) -> list[EventHit]:
    """The first of the events ``ids`` (in id order), ordered as :func:`_fts_events` orders
    them: in the table's order when there are few to sort, else the most recently written."""
    if len(ids) <= SORT_LIMIT:
        order, chosen = _IN_TABLE_ORDER, ids
    else:
        order, chosen = "e.id DESC", ids[-limit:]
    statement = text(_EVENTS_OF_IDS.format(order=order))
    rows = s.execute(statement, {"ids": json.dumps(chosen), "limit": limit}).all()
    return [_hit(row) for row in rows]


def _hit_columns() -> tuple[Any, ...]:
    return (
        Event.id,
        Event.partner_id,
        Event.year,
        Event.start,
        Event.end,
        Event.date_written,
        Event.text,
        Partner.name,
        Country.name,
    )


_FTS_EVENTS = """
    SELECT e.id, e.partner_id, e.year, e.start, e."end", e.date_written, e.text, p.name, c.name
    FROM {events} f
    JOIN event e ON e.id = f.r >> 3
    JOIN partner p ON p.id = e.partner_id
    JOIN country c ON c.id = p.country_id
    JOIN region r ON r.id = c.region_id
    WHERE f.r & 7 = 5
    ORDER BY {order}
    LIMIT :limit
"""
_IN_TABLE_ORDER = (
    "e.year DESC, r.position, r.id, c.position, c.id, p.position, p.id, e.position, e.id"
)


def _fts_events(
    s: Session, terms: list[str], year: int | None, source: _Source, limit: int, count: int
) -> list[EventHit]:
    """The first matching events: in the table's order when there are few to sort (newest
    year first), else the most recently written, so that a common word stays quick."""
    order = _IN_TABLE_ORDER if count <= SORT_LIMIT else "f.r DESC"
    statement = text(_FTS_EVENTS.format(order=order, events=source.events))
    params: dict[str, object] = {"limit": limit}
    if source is _MATCHED:
        params["events"] = _match(terms, year_scope(year))
    rows = s.execute(statement, params).all()
    hits = [_hit(row) for row in rows]
    hits.sort(key=lambda h: -h.year)  # stable: keeps the order within a year
    return hits


_TABLE_ORDER = (
    Event.year.desc(),
    Region.position,
    Region.id,
    Country.position,
    Country.id,
    Partner.position,
    Partner.id,
    Event.position,
    Event.id,
)


def _hit(row: Any) -> EventHit:
    i, p, y, a, b, w, t, pn, cn = row
    return EventHit(
        i, p, y, format_event_date(event_date(a, b, w)), t, pn if pn is not None else cn, cn
    )


# What SQLite's tokenizer (unicode61) takes for a word: letters and digits; «_», «%», «-»,
# «№» and every other sign separate words.
_TOKEN_RE = re.compile(r"[^\W_]+")


def _fold_token_text(text_: str) -> str:
    """As the index sees text: «ё» is «е», case folded, Latin diacritics removed
    (``remove_diacritics 2``: «café» is «cafe»; «й» stays «й», as there)."""
    out = []
    for ch in fold(text_).lower():
        if "À" <= ch <= "ɏ" or "Ḁ" <= ch <= "ỿ":  # Latin letters with marks
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(base if base.isascii() else ch)
        else:
            out.append(ch)
    return "".join(out)


def _tokens(text_: str | None) -> list[str]:
    return _TOKEN_RE.findall(_fold_token_text(text_ or ""))


def _phrases(terms: list[str]) -> list[list[str]]:
    """Each query word as the index reads it: a phrase of tokens, the last one a prefix
    («foo_bar» is «foo» followed by «bar…»; «__» is no phrase at all and matches nothing)."""
    return [_tokens(w) for w in terms]


def _matches(text_: str | None, phrases: list[list[str]]) -> bool:
    """Whether every phrase occurs in ``text_`` at a word start, as FTS5's ``"…"*`` does."""
    toks = _tokens(text_)
    for phrase in phrases:
        if not phrase:
            return False
        *whole, last = phrase
        n = len(phrase)
        if not any(
            toks[i : i + n - 1] == whole and toks[i + n - 1].startswith(last)
            for i in range(len(toks) - n + 1)
        ):
            return False
    return True


def _like_hits(s: Session, terms: list[str], year: int | None) -> tuple[_Hits, list[int]]:
    """The same without FTS5 (a server database), with the same answers: LIKE (its ``%`` and
    ``_`` escaped) narrows the rows down in the database, then each is matched word by word
    as the index would match it."""
    phrases = _phrases(terms)
    if not all(phrases):
        return _Hits(), []

    def ids(
        model: Searched,
        body: SQLColumnExpression[str],
        where: Sequence[SQLColumnExpression[bool]] = (),
    ) -> set[int]:
        folded = func.replace(func.replace(func.lower(body), "ё", "е"), "Ё", "е")
        narrow = [
            folded.contains(tok, autoescape=True)
            for phrase in phrases
            for tok in phrase
            # A Latin letter may stand for one with a mark («cafe» for «café»): not narrowed.
            if not any("a" <= ch <= "z" for ch in tok)
        ]
        rows = s.execute(select(model.id, body).where(*narrow, *where))
        return {i for i, text_ in rows if _matches(text_, phrases)}

    def named(
        model: Searched, name: SQLColumnExpression[str | None], note: SQLColumnExpression[str]
    ) -> set[int]:
        return ids(model, func.coalesce(name, "") + " " + note)

    hits = _Hits(
        regions=named(Region, Region.name, Region.note),
        countries=named(Country, Country.name, Country.note),
        partners=named(Partner, Partner.name, Partner.note),
    )
    agreements = named(Agreement, Agreement.title, Agreement.note)
    hits.partners |= set(
        s.scalars(select(Agreement.partner_id).where(Agreement.id.in_(agreements)))
    )
    where = () if year is None else (Event.year == year,)
    event_ids = sorted(ids(Event, Event.text, where=where))
    for pid in s.scalars(
        select(Event.partner_id).where(Event.id.in_(bindparam("ids", expanding=True))),
        {"ids": event_ids},
    ):
        hits.event_partners[pid] = hits.event_partners.get(pid, 0) + 1
    return hits, event_ids


def _events_by_id(s: Session, event_ids: list[int], limit: int) -> list[EventHit]:
    """The first matching events, ordered as :func:`_fts_events` orders them."""
    if not event_ids:
        return []
    query = (
        select(*_hit_columns())
        .join(Partner, Partner.id == Event.partner_id)
        .join(Country, Country.id == Partner.country_id)
        .join(Region, Region.id == Country.region_id)
    )
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    if len(event_ids) <= SORT_LIMIT:
        rows = s.execute(
            query.where(Event.id.in_(ids)).order_by(*_TABLE_ORDER).limit(limit), {"ids": event_ids}
        ).all()
        return [_hit(row) for row in rows]
    # Too many to sort: the most recently written (the largest ids), newest year first.
    newest = sorted(event_ids, reverse=True)[:limit]
    newest_rows = s.execute(
        query.where(Event.id.in_(ids)).order_by(Event.id.desc()), {"ids": newest}
    )
    hits = [_hit(row) for row in newest_rows]
    hits.sort(key=lambda h: -h.year)
    return hits


_IDS_IN_SQL = 500


def _result(s: Session, query: str, hits: _Hits, events: list[EventHit]) -> SearchResult:
    partners = hits.partners | set(hits.event_partners)
    whole_regions = set(hits.regions)
    whole_countries = set(hits.countries)
    countries = set(whole_countries)
    if hits.country_of is not None:
        countries.update(hits.country_of[pid] for pid in partners)
    elif len(partners) > _IDS_IN_SQL:
        # A common prefix finds thousands of partners: reading every partner's country
        # is cheaper than binding thousands of ids into one statement.
        countries.update(
            c for pid, c in s.execute(select(Partner.id, Partner.country_id)) if pid in partners
        )
    else:
        ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
        countries.update(
            s.scalars(
                select(Partner.country_id).where(Partner.id.in_(ids)).distinct(),
                {"ids": sorted(partners)},
            )
        )
    # Everything in a matching region is shown: its countries with all their partners.
    in_regions = set(s.scalars(select(Country.id).where(Country.region_id.in_(whole_regions))))
    countries |= in_regions
    whole_countries |= in_regions
    regions = whole_regions | set(
        s.scalars(select(Country.region_id).where(Country.id.in_(countries)).distinct())
    )
    return SearchResult(
        query=query,
        partners=frozenset(partners),
        countries=frozenset(countries),
        regions=frozenset(regions),
        whole_countries=frozenset(whole_countries),
        whole_regions=frozenset(whole_regions),
        events=tuple(events),
        event_count=hits.event_count,
    )
