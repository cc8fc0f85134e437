"""Deleting records and putting them back: the snapshot a delete returns restores it whole.

A delete reads everything that goes with the record (a region's countries,
their partners, agreements with their dates, events of every year) into plain
frozen rows, then deletes it (the database cascades). :func:`restore` writes the
rows back with their ids, at the index the record had among its siblings, and
re-links the events that pointed at a deleted agreement. Undo relies on that:
later commands in the undo stack refer to records by id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from spbgui.services.changes import ROOT, ChangeSet, NodeRef
from spbgui.services.conflicts import _WHAT, ConflictError, check_version, stored_fields
from spbgui.services.positions import EditError, index_of, place
from spbgui.store.changelog import Entry, log_many
from spbgui.store.database import Database
from spbgui.store.models import (
    Agreement,
    AgreementDate,
    ChangeLog,
    Country,
    Event,
    Partner,
    Region,
)
from spbgui.store.sequences import advance_sequences

_TABLES: tuple[Any, ...] = (Region, Country, Partner, Agreement, AgreementDate, Event)


@dataclass(frozen=True)
class Snapshot:
    """Everything a delete removed, as rows of plain values per table, and where it stood."""

    top: Any  # the model class of the deleted record (Region, ..., Event)
    top_ids: tuple[int, ...]
    # the index each top record had among its siblings, in the order they must be restored
    indexes: tuple[int, ...]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # events that pointed at a deleted agreement but were not deleted: (event id, agreement id)
    links: tuple[tuple[int, int], ...] = ()
    changes: ChangeSet = field(default_factory=ChangeSet)

    def count(self, table: str) -> int:
        """How many rows of ``table`` ("partner", "event", ...) the delete removed."""
        return len(self.rows.get(table, ()))


@dataclass(frozen=True)
class Deleted:
    snapshot: Snapshot
    changes: ChangeSet


def _dicts(rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in rows]


def _read(s: Session, model: Any, where: Any) -> list[dict[str, Any]]:
    return _dicts(s.execute(select(*model.__table__.columns).where(where)).all())


def _siblings(model: Any, row: dict[str, Any]) -> tuple[Any, ...]:
    if model is Region:
        return ()
    if model is Country:
        return (Country.region_id == row["region_id"],)
    if model is Partner:
        return (Partner.country_id == row["country_id"],)
    if model is Agreement:
        return (Agreement.partner_id == row["partner_id"],)
    return (Event.partner_id == row["partner_id"], Event.year == row["year"])


def _snapshot(s: Session, model: Any, ids: Sequence[int]) -> Snapshot:
    rows: dict[str, list[dict[str, Any]]] = {}
    top = _read(s, model, model.id.in_(ids))
    if len(top) != len(set(ids)):
        raise EditError(
            "Запись не найдена: возможно, её удалили в другом окне. Обновите окно (F5)."
        )
    # Restore in the order of the indexes so that each lands where it stood.
    order = sorted(top, key=lambda r: index_of(s, model, _siblings(model, r), r["id"]))
    indexes = tuple(index_of(s, model, _siblings(model, r), r["id"]) for r in order)
    rows[model.__tablename__] = order
    region_ids = country_ids = partner_ids = agreement_ids = None
    if model is Region:
        region_ids = select(Region.id).where(Region.id.in_(ids))
        country_ids = select(Country.id).where(Country.region_id.in_(region_ids))
        rows["country"] = _read(s, Country, Country.id.in_(country_ids))
    if model is Country:
        country_ids = select(Country.id).where(Country.id.in_(ids))
    if country_ids is not None:
        partner_ids = select(Partner.id).where(Partner.country_id.in_(country_ids))
        rows["partner"] = _read(s, Partner, Partner.id.in_(partner_ids))
    if model is Partner:
        partner_ids = select(Partner.id).where(Partner.id.in_(ids))
    if partner_ids is not None:
        agreement_ids = select(Agreement.id).where(Agreement.partner_id.in_(partner_ids))
        rows["agreement"] = _read(s, Agreement, Agreement.id.in_(agreement_ids))
        rows["event"] = _read(s, Event, Event.partner_id.in_(partner_ids))
    links: tuple[tuple[int, int], ...] = ()
    if model is Agreement:
        agreement_ids = select(Agreement.id).where(Agreement.id.in_(ids))
        # Their events stay (the link is set to NULL by the database): remember the links.
        links = tuple(
            (e, a)
            for e, a in s.execute(
                select(Event.id, Event.agreement_id).where(Event.agreement_id.in_(agreement_ids))
            )
            if a is not None  # always: the query asks for linked events
        )
    if agreement_ids is not None:
        rows["agreement_date"] = _read(
            s, AgreementDate, AgreementDate.agreement_id.in_(agreement_ids)
        )
    return Snapshot(model, tuple(r["id"] for r in order), indexes, rows, links)


def _changes(snap: Snapshot) -> ChangeSet:
    """What a delete or a restore of ``snap`` changes on screen."""
    top = snap.rows[snap.top.__tablename__]
    partners = {r["partner_id"] for r in snap.rows.get("event", ())}
    if snap.top is Region:
        removed = {NodeRef.region(i) for i in snap.top_ids}
        return ChangeSet(children={ROOT}, removed=removed, counts=partners)
    if snap.top is Country:
        return ChangeSet(
            children={NodeRef.region(r["region_id"]) for r in top},
            removed={NodeRef.country(i) for i in snap.top_ids},
            counts=partners,
        )
    if snap.top is Partner:
        return ChangeSet(
            children={NodeRef.country(r["country_id"]) for r in top},
            removed={NodeRef.partner(i) for i in snap.top_ids},
            counts=partners,
        )
    owners = {r["partner_id"] for r in top}
    if snap.top is Agreement:
        return ChangeSet(agreements=owners, events=owners)
    return ChangeSet(events=owners, counts=owners, years=True)


KINDS: dict[str, Any] = {
    "region": Region,
    "country": Country,
    "partner": Partner,
    "agreement": Agreement,
    "event": Event,
}


def delete_records(
    *,
    db: Database,
    kind: str,
    ids: Sequence[int],
    expected_versions: Mapping[int, int] | None = None,
    alone: bool = False,
) -> Deleted:
    """Delete records of one kind ("region", "country", "partner", "agreement", "event") by id.

    ``expected_versions`` (id: the version the caller last wrote or showed) refuses, with a
    :class:`ConflictError`, to delete a record someone changed meanwhile; ``alone`` refuses
    to delete one that has records under it (the undo of an addition: whatever is under
    the record now, a colleague put there). Both are checked inside the write transaction.
    """
    model = KINDS[kind]
    with db.write() as s:
        _lock_subtree(s, model, ids)
        for record_id in ids:
            expected = (expected_versions or {}).get(record_id)
            if expected is not None:
                check_version(s, model, record_id, expected, {})
            if alone:
                _check_alone(s, model, record_id)
        snap = _snapshot(s, model, ids)
        changes = _changes(snap)
        s.execute(delete(model).where(model.id.in_(ids)))
        _log_delete(s, snap)
        snap = Snapshot(snap.top, snap.top_ids, snap.indexes, snap.rows, snap.links, changes)
        return Deleted(snap, changes)


def _lock_subtree(s: Session, model: Any, ids: Sequence[int]) -> None:
    """PostgreSQL: lock the records and everything that can get children under them, so that
    an event added elsewhere meanwhile either lands before our snapshot (and is kept in the
    history with the rest) or finds its partner gone (and is refused in words). SQLite's
    write lock already does it there."""
    if s.get_bind().dialect.name != "postgresql":
        return
    chain: list[type[Region] | type[Country] | type[Partner] | type[Agreement]]
    chain = [Region, Country, Partner, Agreement]
    parent_of = {Country: Country.region_id, Partner: Partner.country_id}
    keys: Any = select(model.id).where(model.id.in_(ids))
    s.execute(keys.with_for_update())
    if model not in chain:
        return
    for child in chain[chain.index(model) + 1 : 3]:
        keys = select(child.id).where(parent_of[child].in_(keys))
        s.execute(keys.with_for_update())
    if model in (Region, Country, Partner):
        s.execute(select(Agreement.id).where(Agreement.partner_id.in_(keys)).with_for_update())


_CHILDREN: dict[Any, tuple[tuple[Any, Any, str], ...]] = {
    Region: ((Country, Country.region_id, "страны"),),
    Country: ((Partner, Partner.country_id, "партнёры"),),
    Partner: (
        (Agreement, Agreement.partner_id, "соглашения"),
        (Event, Event.partner_id, "мероприятия"),
    ),
}


def _check_alone(s: Session, model: Any, record_id: int) -> None:
    """Refuse (as a conflict) to delete a record that others put records under meanwhile."""
    obj = s.get(model, record_id)
    if obj is None:
        return  # _snapshot says it is gone
    found = []
    for child, parent_col, words in _CHILDREN.get(model, ()):
        n = s.scalar(select(func.count()).select_from(child).where(parent_col == record_id)) or 0
        if n:
            found.append(f"{words} ({n})")
    if not found:
        return
    table = model.__tablename__
    what, it = _WHAT.get(table, ("Запись", "её"))
    child_tables = [c.__tablename__ for c, _p, _w in _CHILDREN[model]]
    who, said = _who_added(s, child_tables, parent_of=(table, record_id))
    raise ConflictError(
        f"{what} (№{record_id}) нельзя убрать, не удалив чужие записи: за это время к нему "
        f"добавили {', '.join(found)}{said}. Оставить {it} вместе с ними или удалить всё?",
        table=table,
        record_id=record_id,
        theirs=stored_fields(obj),
        yours={},
        expected_version=None,
        who=who,
    )


def _who_added(
    s: Session, tables: Sequence[str], *, parent_of: tuple[str, int]
) -> tuple[str | None, str]:
    """Who added the newest record under a parent (from the history), for the message."""
    table, record_id = parent_of
    column = f'"{table}_id": {record_id},'
    row = s.execute(
        select(ChangeLog.who)
        .where(
            ChangeLog.table_name.in_(tables),
            ChangeLog.action == "insert",
            ChangeLog.after.contains(column, autoescape=True),
        )
        .order_by(ChangeLog.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None, ""
    return row[0], f" (добавил(а) «{row[0]}»)"


def _log_delete(s: Session, snap: Snapshot) -> None:
    """One history entry per deleted record, with what went with it: enough to restore it."""
    table = snap.top.__tablename__
    top_rows = snap.rows[table]
    children = {t: rows for t, rows in snap.rows.items() if t != table and rows}
    entries: list[Entry] = []
    for row, index in zip(top_rows, snap.indexes, strict=True):
        mine = _children_of(table, row["id"], children)
        links = [list(link) for link in snap.links if link[1] == row["id"]]
        detail = {"index": index, "children": mine, "links": links}
        entries.append((table, row["id"], "delete", row, None, detail))
    log_many(s, entries)


def _children_of(
    table: str, record_id: int, children: dict[str, list[dict[str, Any]]]
) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``children`` that belong under one deleted record (several may go at once)."""
    countries = [
        r for r in children.get("country", ()) if table != "region" or r["region_id"] == record_id
    ]
    country_ids = {r["id"] for r in countries} if table == "region" else {record_id}
    partners = [
        r
        for r in children.get("partner", ())
        if table not in ("region", "country") or r["country_id"] in country_ids
    ]
    partner_ids = {r["id"] for r in partners} if table in ("region", "country") else {record_id}
    agreements = [r for r in children.get("agreement", ()) if r["partner_id"] in partner_ids]
    agreement_ids = {r["id"] for r in agreements} if table != "agreement" else {record_id}
    out = {
        "country": countries if table == "region" else [],
        "partner": partners if table in ("region", "country") else [],
        "agreement": agreements if table in ("region", "country", "partner") else [],
        "agreement_date": [
            r for r in children.get("agreement_date", ()) if r["agreement_id"] in agreement_ids
        ],
        "event": [r for r in children.get("event", ()) if r["partner_id"] in partner_ids]
        if table in ("region", "country", "partner")
        else [],
    }
    return {t: rows for t, rows in out.items() if rows}


def delete_node(*, db: Database, ref: NodeRef) -> Deleted:
    return delete_records(db=db, kind=ref.kind.value, ids=[ref.id])


def restore(*, db: Database, snapshot: Snapshot) -> ChangeSet:
    """Write back what a delete removed: same ids, same places, same links.

    Refused in words (never a raw foreign-key or unique error) when what it belonged to was
    deleted elsewhere meanwhile, or its id or name was taken.
    """
    try:
        return _restore(db, snapshot)
    except IntegrityError as exc:
        raise EditError(
            "Запись не восстановить: того, к чему она относилась, больше нет в базе "
            "(или такое название уже занято). Сначала восстановите родительскую запись."
        ) from exc


def _restore(db: Database, snapshot: Snapshot) -> ChangeSet:
    with db.write() as s:
        top = snapshot.top
        for model in _TABLES:
            rows = snapshot.rows.get(model.__tablename__)
            if rows:
                if model is top and top is not Agreement:
                    # Put them back at the end first, then each at its index below.
                    rows = [{**r, "position": (1 << 30) + n} for n, r in enumerate(rows)]
                # The table's own INSERT, not the ORM's: that one starts every row's version
                # again at 1, and the steps of the undo history before the delete expect the
                # version they wrote (they would take their own edit for a colleague's).
                s.execute(insert(model.__table__), rows)
        # PostgreSQL: the restored ids were given by us, so its sequences must hear of them.
        advance_sequences(s, (t for t, rows in snapshot.rows.items() if rows))
        # Agreements go back to the very row they had in their country's order (deleting
        # renumbers nothing, so their old position is still their place among the rows
        # of the country's other partners); everything else to its index among siblings.
        for row, index in zip(snapshot.rows[top.__tablename__], snapshot.indexes, strict=True):
            if top is not Agreement:
                place(s, top, _siblings(top, row), row["id"], index)
        for event_id, agreement_id in snapshot.links:
            s.execute(update(Event).where(Event.id == event_id).values(agreement_id=agreement_id))
        table = top.__tablename__
        log_many(s, [(table, r["id"], "insert", None, r, None) for r in snapshot.rows[table]])
        return snapshot.changes
