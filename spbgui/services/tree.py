"""Reading the navigation tree: regions → countries → partners, one level at a time.

The window loads a level when it is expanded, so every function here answers
for one parent with one or two indexed queries, whatever the size of the
database. Each row carries how many events the node has in the year asked and
how many children it has (so the view knows whether to draw an expander
without loading them).

SQLAlchemy and the models are imported by the functions that query through them:
the first screen reads its levels through store.first_screen (sqlite3) before
the engine is made, and must not wait for SQLAlchemy's import (issue 17).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spbgui.services.changes import NodeKind, NodeRef
from spbgui.store import first_screen
from spbgui.store.database import Database

if TYPE_CHECKING:
    from sqlalchemy import Select, Subquery
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class NodeRow:
    """One node of the tree as the window shows it."""

    ref: NodeRef
    name: str  # a country as a whole (partner kind "country") carries its country's name
    kind: str  # "region", "country", or the partner's kind
    events: int  # events in the year asked
    children: int
    note: str = ""

    @property
    def is_country_as_whole(self) -> bool:
        return self.ref.kind is NodeKind.PARTNER and self.kind == "country"


@dataclass(frozen=True)
class Contents:
    """What goes with a node when it is deleted (events of every year)."""

    countries: int = 0
    partners: int = 0
    agreements: int = 0
    events: int = 0


def regions(*, db: Database, year: int) -> list[NodeRow]:
    with db.read() as s:
        return _regions(s, year)


def countries(*, db: Database, region_id: int, year: int) -> list[NodeRow]:
    with db.read() as s:
        return _countries(s, region_id, year)


def partners(*, db: Database, country_id: int, year: int) -> list[NodeRow]:
    with db.read() as s:
        return _partners(s, country_id, year)


# Longer lists of ids are filtered after reading the level, not in SQL: a level is one
# parent's children (fifty partners of a country), cheap to read whole, while a list of
# thousands of bound ids (a search's partners) costs more to build than the query.
ONLY_LIMIT = 50


def children(
    *, db: Database, parent: NodeRef | None, year: int, only: Collection[int] | None = None
) -> list[NodeRow]:
    """The children of a node (of the root when ``parent`` is None), in the table's order.

    ``only``: the ids of the children wanted (a search shows a few of many); the
    counts are then computed for those alone.
    """
    if only is None and (conn := db.quick()) is not None:
        return _quick_children(conn, parent, year)
    ids = None if only is None or len(only) > ONLY_LIMIT else sorted(only)
    with db.read() as s:
        if parent is None:
            rows = _regions(s, year, ids)
        elif parent.kind is NodeKind.REGION:
            rows = _countries(s, parent.id, year, ids)
        elif parent.kind is NodeKind.COUNTRY:
            rows = _partners(s, parent.id, year, ids)
        else:
            rows = []
    if only is not None and ids is None:
        rows = [r for r in rows if r.ref.id in only]
    return rows


def _quick_children(conn: sqlite3.Connection, parent: NodeRef | None, year: int) -> list[NodeRow]:
    """:func:`children` through sqlite3, for the first screen (store.first_screen)."""
    if parent is None:
        return [
            NodeRow(NodeRef.region(i), name, "region", events, n, note)
            for i, name, note, events, n in first_screen.regions(conn, year)
        ]
    if parent.kind is NodeKind.REGION:
        return [
            NodeRow(NodeRef.country(i), name, "country", events, n, note)
            for i, name, note, events, n in first_screen.countries(conn, parent.id, year)
        ]
    if parent.kind is NodeKind.COUNTRY:
        return [
            NodeRow(NodeRef.partner(i), name, kind, events, 0, note)
            for i, name, kind, note, events in first_screen.partners(conn, parent.id, year)
        ]
    return []


def _regions(s: Session, year: int, only: list[int] | None = None) -> list[NodeRow]:
    from sqlalchemy import func, select

    from spbgui.store.models import Country, Partner, Region

    wanted = () if only is None else (Region.id.in_(only),)
    n_countries = _pairs(s, (select(Country.region_id, func.count()).group_by(Country.region_id)))
    per_partner = _events_per_partner(year)
    n_events = _pairs(
        s,
        (
            select(Country.region_id, func.sum(per_partner.c.n))
            .select_from(per_partner)
            .join(Partner, Partner.id == per_partner.c.partner_id)
            .join(Country, Country.id == Partner.country_id)
            .where(*(() if only is None else (Country.region_id.in_(only),)))
            .group_by(Country.region_id)
        ),
    )
    rows = s.execute(
        select(Region.id, Region.name, Region.note)
        .where(*wanted)
        .order_by(Region.position, Region.id)
    )
    return [
        NodeRow(NodeRef.region(i), name, "region", n_events.get(i, 0), n_countries.get(i, 0), note)
        for i, name, note in rows
    ]


def _events_per_partner(year: int, *where: Any) -> Subquery:
    """Events of the year counted per partner first, from the (year, partner) index alone.

    A region's or a country's count is then a sum over its partners (ten thousand
    rows at most), not a join of every event of the year (a hundred thousand) with
    its partner and country: five times less work when the year is switched or a
    search filters the tree.
    """
    from sqlalchemy import func, select

    from spbgui.store.models import Event

    return (
        select(Event.partner_id, func.count().label("n"))
        .where(Event.year == year, *where)
        .group_by(Event.partner_id)
        .subquery()
    )


def _countries(
    s: Session, region_id: int, year: int, only: list[int] | None = None
) -> list[NodeRow]:
    from sqlalchemy import func, select

    from spbgui.store.models import Country, Event, Partner

    wanted = () if only is None else (Country.id.in_(only),)
    in_region = select(Country.id).where(Country.region_id == region_id, *wanted)
    n_partners = _pairs(
        s,
        (
            select(Partner.country_id, func.count())
            .where(Partner.country_id.in_(in_region))
            .group_by(Partner.country_id)
        ),
    )
    in_countries = select(Partner.id).where(Partner.country_id.in_(in_region))
    per_partner = _events_per_partner(year, Event.partner_id.in_(in_countries))
    n_events = _pairs(
        s,
        (
            select(Partner.country_id, func.sum(per_partner.c.n))
            .select_from(per_partner)
            .join(Partner, Partner.id == per_partner.c.partner_id)
            .where(Partner.country_id.in_(in_region))
            .group_by(Partner.country_id)
        ),
    )
    rows = s.execute(
        select(Country.id, Country.name, Country.note)
        .where(Country.region_id == region_id, *wanted)
        .order_by(Country.position, Country.id)
    )
    return [
        NodeRow(NodeRef.country(i), name, "country", n_events.get(i, 0), n_partners.get(i, 0), note)
        for i, name, note in rows
    ]


def _partners(
    s: Session, country_id: int, year: int, only: list[int] | None = None
) -> list[NodeRow]:
    from sqlalchemy import func, select

    from spbgui.store.models import Country, Event, Partner

    wanted = () if only is None else (Partner.id.in_(only),)
    country_name = s.scalar(select(Country.name).where(Country.id == country_id)) or ""
    in_country = select(Partner.id).where(Partner.country_id == country_id, *wanted)
    n_events = _pairs(
        s,
        (
            select(Event.partner_id, func.count())
            .where(Event.partner_id.in_(in_country), Event.year == year)
            .group_by(Event.partner_id)
        ),
    )
    rows = s.execute(
        select(Partner.id, Partner.name, Partner.kind, Partner.note)
        .where(Partner.country_id == country_id, *wanted)
        .order_by(Partner.position, Partner.id)
    )
    return [
        NodeRow(
            NodeRef.partner(i),
            name if name is not None else country_name,
            kind,
            n_events.get(i, 0),
            0,
            note,
        )
        for i, name, kind, note in rows
    ]


Levels = dict[NodeRef | None, list[NodeRow]]


def all_levels(*, db: Database, year: int) -> Levels:
    """Every level of the tree at once, by parent (None: the regions), in five queries.

    What :func:`children` gives for each parent without ``only``, for the search as
    you type: it filters these rows for each query instead of reading the levels
    again at every pause in typing.
    """
    from sqlalchemy import func, select

    from spbgui.store.models import Country, Partner

    with db.read() as s:
        out: Levels = {None: _regions(s, year)}
        per_partner = _events_per_partner(year)
        events_of_partner = _pairs(s, select(per_partner.c.partner_id, per_partner.c.n))
        partners_of_country = _pairs(
            s, select(Partner.country_id, func.count()).group_by(Partner.country_id)
        )
        events_of_country: dict[int, int] = {}
        names: dict[int, str] = {}
        for cid, rid, name, note in s.execute(
            select(Country.id, Country.region_id, Country.name, Country.note).order_by(
                Country.position, Country.id
            )
        ):
            names[cid] = name
            out.setdefault(NodeRef.region(rid), []).append(
                NodeRow(
                    NodeRef.country(cid), name, "country", 0, partners_of_country.get(cid, 0), note
                )
            )
        # Each country's list found once per country, not made again for each of its
        # partners (ten thousand of them: a third of this function's time).
        lists: dict[int, list[NodeRow]] = {}
        for pid, cid, pname, kind, note in s.execute(
            select(
                Partner.id, Partner.country_id, Partner.name, Partner.kind, Partner.note
            ).order_by(Partner.position, Partner.id)
        ):
            n = events_of_partner.get(pid, 0)
            events_of_country[cid] = events_of_country.get(cid, 0) + n
            of_country = lists.get(cid)
            if of_country is None:
                of_country = lists[cid] = out.setdefault(NodeRef.country(cid), [])
            of_country.append(
                NodeRow(
                    NodeRef.partner(pid),
                    pname if pname is not None else names.get(cid, ""),
                    kind,
                    n,
                    0,
                    note,
                )
            )
    for ref, rows in out.items():
        if ref is not None and ref.kind is NodeKind.REGION:
            out[ref] = [
                NodeRow(
                    r.ref, r.name, r.kind, events_of_country.get(r.ref.id, 0), r.children, r.note
                )
                for r in rows
            ]
    return out


def node(*, db: Database, ref: NodeRef, year: int) -> NodeRow | None:
    """One node as :func:`children` would give it, or None if it no longer exists."""
    parent = path(db=db, ref=ref)[:-1]
    for row in children(db=db, parent=parent[-1] if parent else None, year=year):
        if row.ref == ref:
            return row
    return None


def path(*, db: Database, ref: NodeRef) -> list[NodeRef]:
    """The nodes from the top down to ``ref`` (inclusive); empty if it no longer exists."""
    if (conn := db.quick()) is not None:
        return _quick_path(conn, ref)
    from sqlalchemy import select

    from spbgui.store.models import Country, Partner, Region

    with db.read() as s:
        out: list[NodeRef] = []
        kind, id_ = ref.kind, ref.id
        if kind is NodeKind.PARTNER:
            country_id = s.scalar(select(Partner.country_id).where(Partner.id == id_))
            if country_id is None:
                return []
            out.insert(0, ref)
            kind, id_ = NodeKind.COUNTRY, country_id
        if kind is NodeKind.COUNTRY:
            region_id = s.scalar(select(Country.region_id).where(Country.id == id_))
            if region_id is None:
                return []
            out.insert(0, NodeRef.country(id_))
            kind, id_ = NodeKind.REGION, region_id
        if s.scalar(select(Region.id).where(Region.id == id_)) is None:
            return []
        out.insert(0, NodeRef.region(id_))
        return out


def _quick_path(conn: sqlite3.Connection, ref: NodeRef) -> list[NodeRef]:
    """:func:`path` through sqlite3, for the first screen."""
    out: list[NodeRef] = []
    kind, id_ = ref.kind, ref.id
    if kind is NodeKind.PARTNER:
        country_id = first_screen.partner_country(conn, id_)
        if country_id is None:
            return []
        out.insert(0, ref)
        kind, id_ = NodeKind.COUNTRY, country_id
    if kind is NodeKind.COUNTRY:
        region_id = first_screen.country_region(conn, id_)
        if region_id is None:
            return []
        out.insert(0, NodeRef.country(id_))
        kind, id_ = NodeKind.REGION, region_id
    if not first_screen.region_exists(conn, id_):
        return []
    out.insert(0, NodeRef.region(id_))
    return out


def contents(*, db: Database, ref: NodeRef) -> Contents:
    """Everything under a node, for the question «delete it with all this?»."""
    from sqlalchemy import func, select

    from spbgui.store.models import Agreement, Country, Event, Partner

    with db.read() as s:
        if ref.kind is NodeKind.REGION:
            country_ids = select(Country.id).where(Country.region_id == ref.id)
            n_countries = s.scalar(select(func.count()).select_from(country_ids.subquery())) or 0
            partner_ids = select(Partner.id).where(Partner.country_id.in_(country_ids))
        elif ref.kind is NodeKind.COUNTRY:
            n_countries = 0
            partner_ids = select(Partner.id).where(Partner.country_id == ref.id)
        else:
            n_countries = 0
            partner_ids = select(Partner.id).where(Partner.id == ref.id)
        n_partners = s.scalar(select(func.count()).select_from(partner_ids.subquery())) or 0
        n_agreements = (
            s.scalar(select(func.count()).where(Agreement.partner_id.in_(partner_ids))) or 0
        )
        n_events = s.scalar(select(func.count()).where(Event.partner_id.in_(partner_ids))) or 0
        if ref.kind is NodeKind.PARTNER:
            n_partners = 0  # the partner itself is what is deleted, not something with it
        return Contents(n_countries, n_partners, n_agreements, n_events)


def first_partner(*, db: Database) -> NodeRef | None:
    """The first partner in the table's order, to have something selected on start."""
    if (conn := db.quick()) is not None:
        found = first_screen.first_partner(conn)
        return NodeRef.partner(found) if found is not None else None
    from sqlalchemy import select

    from spbgui.store.models import Country, Partner, Region

    with db.read() as s:
        row = s.execute(
            select(Partner.id)
            .join(Country, Country.id == Partner.country_id)
            .join(Region, Region.id == Country.region_id)
            .order_by(Region.position, Region.id, Country.position, Country.id)
            .order_by(Partner.position, Partner.id)
            .limit(1)
        ).first()
        return NodeRef.partner(row[0]) if row else None


def _pairs(s: Session, stmt: Select[int, int]) -> dict[int, int]:
    return {k: v for k, v in s.execute(stmt)}
