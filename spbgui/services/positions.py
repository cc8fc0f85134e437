"""The order of siblings (``position``), kept as the indexes 0..n-1 of a list.

Every editing service says *where* by an index among the siblings, never by a
raw position value: undoing a move or a delete puts a record back at the index
it had, which is right whatever positions the siblings hold by then.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, bindparam, select, update
from sqlalchemy.orm import Session

from spbgui.services.errors import EditError as EditError  # its home before services.errors


def sibling_ids(s: Session, model: Any, where: Sequence[ColumnElement[bool]]) -> list[int]:
    return list(s.scalars(select(model.id).where(*where).order_by(model.position, model.id)))


def index_of(s: Session, model: Any, where: Sequence[ColumnElement[bool]], item_id: int) -> int:
    return sibling_ids(s, model, where).index(item_id)


def place(
    s: Session,
    model: Any,
    where: Sequence[ColumnElement[bool]],
    item_id: int,
    index: int | None,
    *,
    within: Sequence[ColumnElement[bool]] | None = None,
) -> int:
    """Put ``item_id`` (already among the siblings ``where`` selects) at ``index``.

    None or an index past the end: last. Returns the index it got. Only rows whose
    position changes are written.
    """
    if within is not None:
        return _place_within(s, model, where, within, item_id, index)
    rows = s.execute(
        select(model.id, model.position).where(*where).order_by(model.position, model.id)
    ).all()
    ids = [r[0] for r in rows if r[0] != item_id]
    at = len(ids) if index is None else max(0, min(index, len(ids)))
    ids.insert(at, item_id)
    set_order(s, model, ids, {r[0]: r[1] for r in rows})
    return at


def _place_within(
    s: Session,
    model: Any,
    where: Sequence[ColumnElement[bool]],
    within: Sequence[ColumnElement[bool]],
    item_id: int,
    index: int | None,
) -> int:
    """Reorder the siblings ``where`` selects inside the slots they hold in a wider order.

    A country's agreements form one order across its partners (the table's rows
    interleave: Белоруссия, Белоруссия, Минск, Белоруссия); moving one of Минск's
    agreements among Минск's must not reshuffle the country's other rows.
    """
    rows = s.execute(
        select(model.id, model.position).where(*within).order_by(model.position, model.id)
    ).all()
    siblings = set(s.scalars(select(model.id).where(*where))) | {item_id}
    ids = [r[0] for r in rows if r[0] in siblings and r[0] != item_id]
    at = len(ids) if index is None else max(0, min(index, len(ids)))
    ids.insert(at, item_id)
    order = [r[0] for r in rows]
    slots = [k for k, r in enumerate(rows) if r[0] in siblings]
    for k, record_id in zip(slots, ids, strict=True):
        order[k] = record_id
    set_order(s, model, order, {r[0]: r[1] for r in rows})
    return at


def agreement_order(partner_id: int) -> tuple[ColumnElement[bool], ...]:
    """The agreements that share one row order with a partner's: its country's."""
    from spbgui.store.models import Agreement, Partner

    country = select(Partner.country_id).where(Partner.id == partner_id).scalar_subquery()
    return (Agreement.partner_id.in_(select(Partner.id).where(Partner.country_id == country)),)


def set_order(s: Session, model: Any, ids: Sequence[int], current: dict[int, int]) -> None:
    """Give ``ids`` the positions 0..n-1, writing only those that change."""
    changed = [{"b_id": i, "b_position": p} for p, i in enumerate(ids) if current.get(i) != p]
    if changed:
        # Core, not the ORM's bulk update: the order among siblings is not an edit of the
        # record, so it leaves the record's version (revision 0006) alone, and a colleague's
        # edit of a sibling's text never conflicts with a reorder.
        table = model.__table__
        s.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(position=bindparam("b_position")),
            changed,
        )


def clean_name(name: str | None, what: str) -> str:
    """A name as it is stored: spaces folded; an empty one refused with a clear message."""
    text = " ".join((name or "").split())
    if not text:
        raise EditError(f"Укажите {what}.")
    return text


def require(value: Any, what: str) -> Any:
    if value is None:
        raise EditError(
            f"Запись не найдена ({what}): возможно, её удалили в другом окне. Обновите окно (F5)."
        )
    return value
