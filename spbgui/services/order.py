"""Moving records: to another parent (a partner to another country, a country to
another region, an event to another partner) and within their siblings.

Each move returns where the record was (parent and index) so that an undo puts
it back exactly; positions are indexes among siblings (:mod:`positions`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from spbgui.services.changes import ROOT, ChangeSet, NodeRef
from spbgui.services.conflicts import check_version, written_version
from spbgui.services.details import event_date
from spbgui.services.positions import (
    EditError,
    agreement_order,
    index_of,
    place,
    require,
    set_order,
)
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region


@dataclass(frozen=True)
class Place:
    parent_id: int | None  # region of a country, country of a partner, partner of an event
    index: int


@dataclass(frozen=True)
class Moved:
    before: Place
    after: Place
    changes: ChangeSet
    agreement_id: int | None = None  # an event's agreement before it changed partner
    version: int | None = None  # the record's version once moved: what an undo expects
    # A partner's agreements' places in its old country's rows, (id, position): an undo
    # puts them back there, not after that country's other rows.
    agreement_positions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Reordered:
    before: tuple[int, ...]
    after: tuple[int, ...]
    changes: ChangeSet


def move_region(*, db: Database, region_id: int, index: int) -> Moved:
    with db.write() as s:
        require(s.get(Region, region_id), f"регион №{region_id}")
        old = index_of(s, Region, (), region_id)
        new = place(s, Region, (), region_id, index)
        return Moved(Place(None, old), Place(None, new), ChangeSet(children={ROOT}))


def move_country(
    *,
    db: Database,
    country_id: int,
    region_id: int,
    index: int | None,
    expected_version: int | None = None,
) -> Moved:
    """Move a country to ``index`` among the countries of ``region_id`` (its own or another).

    ``expected_version``: refuse (:class:`ConflictError`) if the country changed meanwhile.
    """
    with db.write() as s:
        c = require(
            check_version(s, Country, country_id, expected_version, {"region_id": region_id}),
            f"страна №{country_id}",
        )
        require(s.get(Region, region_id), f"регион №{region_id}")
        old_region = c.region_id
        old = index_of(s, Country, (Country.region_id == old_region,), c.id)
        c.region_id = region_id
        s.flush()
        new = place(s, Country, (Country.region_id == region_id,), c.id, index)
        parents = {NodeRef.region(old_region), NodeRef.region(region_id)}
        # Event counts of both regions change with the country's partners.
        partners = set(s.scalars(select(Partner.id).where(Partner.country_id == c.id)))
        return Moved(
            Place(old_region, old),
            Place(region_id, new),
            ChangeSet(children=set(parents), counts=partners),
            version=written_version(s, c),
        )


def _append_agreements(s: Session, partner_id: int, country_id: int) -> None:
    """A partner moved to another country: its agreement rows go after that country's rows."""
    others = select(Partner.id).where(Partner.country_id == country_id, Partner.id != partner_id)
    top = s.scalar(select(func.max(Agreement.position)).where(Agreement.partner_id.in_(others)))
    ids = s.scalars(
        select(Agreement.id)
        .where(Agreement.partner_id == partner_id)
        .order_by(Agreement.position, Agreement.id)
    ).all()
    start = 0 if top is None else top + 1
    _set_agreement_positions(s, {i: start + k for k, i in enumerate(ids)})


def _set_agreement_positions(s: Session, positions: Mapping[int, int]) -> None:
    if positions:
        table = Agreement.__table__
        s.execute(  # Core, as set_order does: an order is not an edit of the record
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(position=bindparam("b_pos")),
            [{"b_id": i, "b_pos": p} for i, p in positions.items()],
        )


def move_partner(
    *,
    db: Database,
    partner_id: int,
    country_id: int,
    index: int | None,
    expected_version: int | None = None,
    agreement_positions: Mapping[int, int] | None = None,
) -> Moved:
    """Move a partner, with its agreements and events, under ``country_id`` at ``index``.

    Its agreements' rows go after the new country's, or (an undo) back to
    ``agreement_positions``, the places :attr:`Moved.agreement_positions` gave.
    """
    with db.write() as s:
        p = require(
            check_version(s, Partner, partner_id, expected_version, {"country_id": country_id}),
            f"партнёр №{partner_id}",
        )
        require(s.get(Country, country_id), f"страна №{country_id}")
        old_country = p.country_id
        if country_id != old_country:
            clash = s.execute(
                select(Partner.id).where(
                    Partner.country_id == country_id,
                    (Partner.kind == "country")
                    if p.kind == "country"
                    else (Partner.name == p.name),
                )
            ).first()
            if clash is not None:
                what = "строка «страна в целом»" if p.kind == "country" else f"партнёр «{p.name}»"
                raise EditError(f"В этой стране уже есть {what}.")
        old = index_of(s, Partner, (Partner.country_id == old_country,), p.id)
        held = tuple(
            (i, pos)
            for i, pos in s.execute(
                select(Agreement.id, Agreement.position).where(Agreement.partner_id == p.id)
            )
        )
        p.country_id = country_id
        s.flush()
        new = place(s, Partner, (Partner.country_id == country_id,), p.id, index)
        if country_id != old_country:
            mine = {i for i, _pos in held}
            if agreement_positions is not None:
                _set_agreement_positions(
                    s, {i: pos for i, pos in agreement_positions.items() if i in mine}
                )
            else:
                _append_agreements(s, p.id, country_id)
        changes = ChangeSet(
            children={NodeRef.country(old_country), NodeRef.country(country_id)},
            nodes={NodeRef.partner(p.id)},
            counts={p.id} if country_id != old_country else set(),
        )
        return Moved(
            Place(old_country, old),
            Place(country_id, new),
            changes,
            version=written_version(s, p),
            agreement_positions=held if country_id != old_country else (),
        )


def move_agreement(*, db: Database, agreement_id: int, index: int) -> Moved:
    with db.write() as s:
        a = require(s.get(Agreement, agreement_id), f"соглашение №{agreement_id}")
        where = (Agreement.partner_id == a.partner_id,)
        old = index_of(s, Agreement, where, a.id)
        new = place(s, Agreement, where, a.id, index, within=agreement_order(a.partner_id))
        changes = ChangeSet(agreements={a.partner_id})
        return Moved(Place(a.partner_id, old), Place(a.partner_id, new), changes)


def move_event(
    *,
    db: Database,
    event_id: int,
    index: int | None,
    partner_id: int | None = None,
    agreement_id: int | None = None,
    expected_version: int | None = None,
) -> Moved:
    """Move an event within its partner's events of its year, or to another partner.

    Moving to another partner drops the link to an agreement (it was the old
    partner's) unless ``agreement_id`` names one of the new partner's.
    """
    with db.write() as s:
        yours = {} if partner_id is None else {"partner_id": partner_id}
        e = require(
            check_version(s, Event, event_id, expected_version, yours), f"мероприятие №{event_id}"
        )
        old_partner = e.partner_id
        target = old_partner if partner_id is None else partner_id
        require(s.get(Partner, target), f"партнёр №{target}")
        old = index_of(s, Event, (Event.partner_id == old_partner, Event.year == e.year), e.id)
        old_agreement = e.agreement_id
        if target != old_partner:
            if agreement_id is not None:
                owner = s.scalar(select(Agreement.partner_id).where(Agreement.id == agreement_id))
                if owner != target:
                    raise EditError("Соглашение принадлежит другому партнёру.")
            e.partner_id, e.agreement_id = target, agreement_id
            s.flush()
        new = place(s, Event, (Event.partner_id == target, Event.year == e.year), e.id, index)
        partners = {old_partner, target}
        changes = ChangeSet(events=partners, counts=partners if target != old_partner else set())
        return Moved(
            Place(old_partner, old),
            Place(target, new),
            changes,
            old_agreement,
            written_version(s, e),
        )


def order_events(*, db: Database, partner_id: int, year: int, ids: Sequence[int]) -> Reordered:
    """Give a partner's events of a year the order ``ids`` (every one of them, once)."""
    with db.write() as s:
        where = (Event.partner_id == partner_id, Event.year == year)
        rows = s.execute(
            select(Event.id, Event.position).where(*where).order_by(Event.position, Event.id)
        ).all()
        before = tuple(r[0] for r in rows)
        if sorted(before) != sorted(ids):
            raise EditError("Список мероприятий изменился: обновите окно (F5) и повторите.")
        set_order(s, Event, ids, {r[0]: r[1] for r in rows})
        return Reordered(before, tuple(ids), ChangeSet(events={partner_id}))


def sort_events_by_date(*, db: Database, partner_id: int, year: int) -> Reordered:
    """Order a partner's events of a year by date; undated items keep their order, last."""
    with db.read() as s:
        rows = s.execute(
            select(Event.id, Event.start, Event.end, Event.date_written)
            .where(Event.partner_id == partner_id, Event.year == year)
            .order_by(Event.position, Event.id)
        ).all()
    keyed = [(event_date(a, b, w), i) for i, a, b, w in rows]
    dated = sorted(
        ((d, i) for d, i in keyed if d.start is not None),
        key=lambda di: (di[0].start, di[0].end),
    )
    ids = [i for _d, i in dated] + [i for d, i in keyed if d.start is None]
    return order_events(db=db, partner_id=partner_id, year=year, ids=ids)
