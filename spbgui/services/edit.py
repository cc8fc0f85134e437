"""Adding and changing records: regions, countries, partners, agreements, events.

One function per user action, keyword-only arguments, one write transaction
each. An ``add_*`` takes an optional ``id`` so that redoing an undone addition
recreates the very same record (later edits in the undo stack refer to it by
id). An ``update_*`` changes only the fields it is given and returns the fields
before and after, which is all an undo needs; given the ``expected_version`` the
caller showed, it refuses to overwrite a record changed or deleted meanwhile
(:class:`~spbgui.services.conflicts.ConflictError`). Moves, reorders and deletes are
in :mod:`spbgui.services.order` and :mod:`spbgui.services.removal`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.services.changes import ROOT, ChangeSet, NodeRef
from spbgui.services.conflicts import check_shown, check_version, written_version
from spbgui.services.details import event_date
from spbgui.services.errors import PARTNER_KINDS as PARTNER_KINDS  # (its home before)
from spbgui.services.positions import (
    EditError,
    agreement_order,
    clean_name,
    index_of,
    place,
    require,
)
from spbgui.store.database import Database
from spbgui.store.models import (
    Agreement,
    AgreementDate,
    Country,
    Event,
    Partner,
    Region,
    max_length,
)
from spbgui.store.sequences import advance_sequences


class _Unset(enum.Enum):
    UNSET = 0


UNSET = _Unset.UNSET
"""«Leave this field as it is» for the ``update_*`` functions."""

F = TypeVar("F")


@dataclass(frozen=True)
class Added:
    id: int
    changes: ChangeSet
    version: int | None = None  # the new record's version: what an undo of it expects


@dataclass(frozen=True)
class Edited(Generic[F]):
    before: F
    after: F
    changes: ChangeSet
    # The record's version once this edit was written: what an undo of it expects to find.
    version: int | None = None


@dataclass(frozen=True)
class RegionFields:
    name: str
    note: str = ""


@dataclass(frozen=True)
class CountryFields:
    name: str
    note: str = ""


@dataclass(frozen=True)
class PartnerFields:
    name: str | None  # None for the country as a whole
    kind: str = "city"
    note: str = ""


@dataclass(frozen=True)
class AgreementFields:
    title: str
    dates: tuple[PartialDate, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class EventFields:
    date: EventDate
    text: str
    agreement_id: int | None = None
    year: int = 0  # the year of the table the event is in (0: not given)
    # Its place among its year's events (None: last); read and written with a new year only,
    # so that undoing a move to another year puts the event back where it stood.
    index: int | None = None


def _parent(s: Session, model: Any, record_id: int, what: str) -> Any:
    """The record a new one goes under, kept from being deleted until this transaction ends.

    On PostgreSQL a plain read would not stop another connection deleting it before our
    insert (which would then fail with a foreign-key error, or, when the delete waited
    for us, vanish with it unrecorded): ``FOR KEY SHARE`` waits for such a delete and then
    finds nothing, so the user reads that the record is gone. SQLite's write lock already
    keeps everyone else out.
    """
    found = s.get(model, record_id, with_for_update={"key_share": True}, populate_existing=True)
    return require(found, what)


def _pick(value: Any, current: Any) -> Any:
    return current if value is UNSET else value


def _given(**fields: Any) -> dict[str, Any]:
    """The fields a caller asked to change (for a :class:`ConflictError`'s ``yours``)."""
    return {k: v for k, v in fields.items() if v is not UNSET}


def _name(name: str | None, what: str, column: Any) -> str:
    """A name as stored (spaces folded, not empty), no longer than its column holds: a
    PostgreSQL server refuses a longer one with an error no clerk should read."""
    text = clean_name(name, what)
    limit = max_length(column)
    if limit is not None and len(text) > limit:
        raise EditError(
            f"Слишком длинное {what}: {len(text)} знаков, а можно не больше {limit}. "
            "Сократите его (подробности можно записать в примечание)."
        )
    return text


def _unique(existing: Sequence[str | None], name: str, message: str) -> None:
    if name.casefold() in {n.casefold() for n in existing if n is not None}:
        raise EditError(message)


# -- regions ------------------------------------------------------------------------------------


def add_region(
    *, db: Database, name: str, note: str = "", index: int | None = None, id: int | None = None
) -> Added:
    name = _name(name, "название региона", Region.name)
    with db.write() as s:
        _unique(list(s.scalars(select(Region.name))), name, f"Регион «{name}» уже есть.")
        region = Region(id=id, name=name, note=note, position=1 << 30)
        s.add(region)
        s.flush()
        if id is not None:  # a redo gives the id back (PostgreSQL: past the sequence)
            advance_sequences(s, ("region",))
        place(s, Region, (), region.id, index)
        return Added(region.id, ChangeSet(children={ROOT}), region.version)


def update_region(
    *,
    db: Database,
    region_id: int,
    name: str | _Unset = UNSET,
    note: str | _Unset = UNSET,
    expected_version: int | None = None,
) -> Edited[RegionFields]:
    """Change a region; ``expected_version`` (the one the caller showed) refuses a lost update."""
    with db.write() as s:
        yours = _given(name=name, note=note)
        r = require(
            check_version(s, Region, region_id, expected_version, yours),
            f"регион №{region_id}",
        )
        before = RegionFields(r.name, r.note)
        if name is not UNSET:
            name = _name(name, "название региона", Region.name)
            others = s.scalars(select(Region.name).where(Region.id != region_id))
            _unique(list(others), name, f"Регион «{name}» уже есть.")
        r.name, r.note = _pick(name, r.name), _pick(note, r.note)
        after = RegionFields(r.name, r.note)
        return Edited(before, after, ChangeSet(nodes={NodeRef.region(r.id)}), written_version(s, r))


# -- countries ----------------------------------------------------------------------------------


def add_country(
    *,
    db: Database,
    region_id: int,
    name: str,
    note: str = "",
    index: int | None = None,
    id: int | None = None,
) -> Added:
    name = _name(name, "название страны", Country.name)
    with db.write() as s:
        _parent(s, Region, region_id, f"регион №{region_id}")
        _unique(list(s.scalars(select(Country.name))), name, f"Страна «{name}» уже есть.")
        country = Country(id=id, region_id=region_id, name=name, note=note, position=1 << 30)
        s.add(country)
        s.flush()
        if id is not None:  # a redo gives the id back (PostgreSQL: past the sequence)
            advance_sequences(s, ("country",))
        place(s, Country, (Country.region_id == region_id,), country.id, index)
        return Added(country.id, ChangeSet(children={NodeRef.region(region_id)}), country.version)


def update_country(
    *,
    db: Database,
    country_id: int,
    name: str | _Unset = UNSET,
    note: str | _Unset = UNSET,
    expected_version: int | None = None,
) -> Edited[CountryFields]:
    with db.write() as s:
        yours = _given(name=name, note=note)
        c = require(
            check_version(s, Country, country_id, expected_version, yours),
            f"страна №{country_id}",
        )
        before = CountryFields(c.name, c.note)
        if name is not UNSET:
            name = _name(name, "название страны", Country.name)
            others = s.scalars(select(Country.name).where(Country.id != country_id))
            _unique(list(others), name, f"Страна «{name}» уже есть.")
        c.name, c.note = _pick(name, c.name), _pick(note, c.note)
        # A country as a whole is shown under its country's name.
        whole = s.scalars(
            select(Partner.id).where(Partner.country_id == c.id, Partner.kind == "country")
        )
        nodes = {NodeRef.country(c.id), *(NodeRef.partner(p) for p in whole)}
        return Edited(
            before, CountryFields(c.name, c.note), ChangeSet(nodes=nodes), written_version(s, c)
        )


# -- partners -----------------------------------------------------------------------------------


def _check_partner(
    s: Session, country_id: int, name: str | None, kind: str, self_id: int | None
) -> str | None:
    if kind not in PARTNER_KINDS:
        raise EditError(f"Неизвестный вид партнёра: «{kind}».")
    others = select(Partner.name, Partner.kind).where(Partner.country_id == country_id)
    if self_id is not None:
        others = others.where(Partner.id != self_id)
    rows = s.execute(others).all()
    if kind == "country":
        if any(k == "country" for _n, k in rows):
            raise EditError("У этой страны уже есть строка «страна в целом».")
        return None
    name = _name(name, "название партнёра", Partner.name)
    _unique([n for n, _k in rows], name, f"Партнёр «{name}» в этой стране уже есть.")
    return name


def add_partner(
    *,
    db: Database,
    country_id: int,
    name: str | None,
    kind: str = "city",
    note: str = "",
    index: int | None = None,
    id: int | None = None,
) -> Added:
    with db.write() as s:
        _parent(s, Country, country_id, f"страна №{country_id}")
        name = _check_partner(s, country_id, name, kind, None)
        p = Partner(id=id, country_id=country_id, name=name, kind=kind, note=note, position=1 << 30)
        s.add(p)
        s.flush()
        if id is not None:  # a redo gives the id back (PostgreSQL: past the sequence)
            advance_sequences(s, ("partner",))
        place(s, Partner, (Partner.country_id == country_id,), p.id, index)
        return Added(p.id, ChangeSet(children={NodeRef.country(country_id)}), p.version)


def update_partner(
    *,
    db: Database,
    partner_id: int,
    name: str | _Unset | None = UNSET,
    kind: str | _Unset = UNSET,
    note: str | _Unset = UNSET,
    expected_version: int | None = None,
) -> Edited[PartnerFields]:
    with db.write() as s:
        yours = _given(name=name, kind=kind, note=note)
        p = require(
            check_version(s, Partner, partner_id, expected_version, yours),
            f"партнёр №{partner_id}",
        )
        before = PartnerFields(p.name, p.kind, p.note)
        new_kind = _pick(kind, p.kind)
        new_name = _pick(name, p.name)
        if new_kind != "country" and new_name is None:
            raise EditError("Укажите название партнёра: он больше не «страна в целом».")
        p.name = _check_partner(s, p.country_id, new_name, new_kind, p.id)
        p.kind, p.note = new_kind, _pick(note, p.note)
        after = PartnerFields(p.name, p.kind, p.note)
        return Edited(
            before, after, ChangeSet(nodes={NodeRef.partner(p.id)}), written_version(s, p)
        )


# -- agreements ---------------------------------------------------------------------------------


def _set_dates(s: Session, agreement_id: int, dates: Sequence[PartialDate]) -> None:
    s.execute(delete(AgreementDate).where(AgreementDate.agreement_id == agreement_id))
    s.add_all(
        AgreementDate(agreement_id=agreement_id, position=i, year=d.year, month=d.month, day=d.day)
        for i, d in enumerate(dates)
    )


def add_agreement(
    *,
    db: Database,
    partner_id: int,
    title: str,
    dates: Sequence[PartialDate] = (),
    note: str = "",
    index: int | None = None,
    id: int | None = None,
) -> Added:
    title = clean_name(title, "основание для сотрудничества (название соглашения)")
    with db.write() as s:
        _parent(s, Partner, partner_id, f"партнёр №{partner_id}")
        a = Agreement(id=id, partner_id=partner_id, title=title, note=note, position=1 << 30)
        s.add(a)
        s.flush()
        if id is not None:  # a redo gives the id back (PostgreSQL: past the sequence)
            advance_sequences(s, ("agreement",))
        _set_dates(s, a.id, dates)
        place(
            s,
            Agreement,
            (Agreement.partner_id == partner_id,),
            a.id,
            index,
            within=agreement_order(partner_id),
        )
        return Added(a.id, ChangeSet(agreements={partner_id}), a.version)


def update_agreement(
    *,
    db: Database,
    agreement_id: int,
    title: str | _Unset = UNSET,
    dates: Sequence[PartialDate] | _Unset = UNSET,
    note: str | _Unset = UNSET,
    expected_version: int | None = None,
) -> Edited[AgreementFields]:
    with db.write() as s:
        yours = _given(title=title, dates=dates if dates is UNSET else tuple(dates), note=note)
        a = require(
            check_version(s, Agreement, agreement_id, expected_version, yours),
            f"соглашение №{agreement_id}",
        )
        old_dates = tuple(PartialDate(d.year, d.month, d.day) for d in a.dates)
        before = AgreementFields(a.title, old_dates, a.note)
        if title is not UNSET:
            a.title = clean_name(title, "основание для сотрудничества (название соглашения)")
        a.note = _pick(note, a.note)
        if dates is not UNSET and tuple(dates) != old_dates:
            _set_dates(s, a.id, dates)
            flag_modified(a, "title")  # the dates are the agreement's too: raise its version
        after = AgreementFields(a.title, tuple(_pick(dates, old_dates)), a.note)
        # The events table shows each event's agreement by its title.
        changes = ChangeSet(agreements={a.partner_id}, events={a.partner_id})
        return Edited(before, after, changes, written_version(s, a))


# -- events -------------------------------------------------------------------------------------


def _check_event(s: Session, partner_id: int, year: int, fields: EventFields) -> None:
    d = fields.date
    if d.start is not None and d.start.year != year and not d.written:
        # A date of another year is kept only as written with its year («09.12.2024»):
        # the standard form («9 декабря») would show it as a date of ``year``.
        raise EditError(f"Дата мероприятия должна быть в {year} году.")
    if fields.agreement_id is not None:
        owner = s.scalar(select(Agreement.partner_id).where(Agreement.id == fields.agreement_id))
        if owner != partner_id:
            raise EditError("Мероприятие можно связать только с соглашением своего партнёра.")


def _year_was_empty(s: Session, year: int) -> bool:
    return s.scalar(select(func.count()).where(Event.year == year)) == 0


def add_event(
    *,
    db: Database,
    partner_id: int,
    year: int,
    date: EventDate,
    text: str,
    agreement_id: int | None = None,
    index: int | None = None,
    id: int | None = None,
) -> Added:
    """Add an event of ``year`` (last unless ``index`` says where among that year's events)."""
    text = text.strip()
    if not text and not date.is_dated and not date.written:
        raise EditError("Укажите дату или текст мероприятия.")
    with db.write() as s:
        _parent(s, Partner, partner_id, f"партнёр №{partner_id}")
        _check_event(s, partner_id, year, EventFields(date, text, agreement_id))
        new_year = _year_was_empty(s, year)
        e = Event(
            id=id,
            partner_id=partner_id,
            agreement_id=agreement_id,
            year=year,
            start=date.start_iso(),
            end=date.end_iso(),
            date_written=date.written or None,
            text=text,
            position=1 << 30,
        )
        s.add(e)
        s.flush()
        if id is not None:  # a redo gives the id back (PostgreSQL: past the sequence)
            advance_sequences(s, ("event",))
        place(s, Event, (Event.partner_id == partner_id, Event.year == year), e.id, index)
        changes = ChangeSet(events={partner_id}, counts={partner_id}, years=new_year)
        return Added(e.id, changes, e.version)


def update_event(
    *,
    db: Database,
    event_id: int,
    date: EventDate | _Unset = UNSET,
    text: str | _Unset = UNSET,
    agreement_id: int | _Unset | None = UNSET,
    year: int | _Unset = UNSET,
    index: int | _Unset | None = UNSET,
    expected_version: int | None = None,
    shown: dict[str, Any] | None = None,
) -> Edited[EventFields]:
    """Change an event; a new ``year`` moves it to that year's table, last among its events
    there («09.12.2024» typed in the 2025 table, and the clerk agreed to put it in 2024), or
    at ``index`` (an undo puts it back where it stood; ``before.index`` says where that was).

    ``shown``: the event as the window showed it (``partner_id``, ``year``, ``date``,
    ``text``, ``agreement_id``, any of them); another event stored under its id since is
    refused as a conflict (:func:`~spbgui.services.conflicts.check_shown`)."""
    with db.write() as s:
        yours = _given(text=text, agreement_id=agreement_id, year=year)
        if date is not UNSET:
            yours |= {
                "start": date.start_iso(),
                "end": date.end_iso(),
                "date_written": date.written or None,
            }
        e = require(
            check_version(s, Event, event_id, expected_version, yours),
            f"мероприятие №{event_id}",
        )
        siblings = (Event.partner_id == e.partner_id, Event.year == e.year)
        before = EventFields(
            event_date(e.start, e.end, e.date_written),
            e.text,
            e.agreement_id,
            e.year,
            None if index is UNSET else index_of(s, Event, siblings, e.id),
        )
        stored = {
            "partner_id": e.partner_id,
            "year": before.year,
            "date": before.date,
            "text": before.text,
            "agreement_id": before.agreement_id,
        }
        check_shown(e, "event", stored, shown, yours, expected_version)
        after = EventFields(
            _pick(date, before.date),
            before.text if text is UNSET else text.strip(),
            _pick(agreement_id, before.agreement_id),
            _pick(year, before.year),
            None if index is UNSET else index,
        )
        if not after.text and not after.date.is_dated and not after.date.written:
            raise EditError("Укажите дату или текст мероприятия.")
        if not 1 <= after.year <= 9999:
            raise EditError(f"Год {after.year} вне допустимых пределов: от 1 до 9999.")
        _check_event(s, e.partner_id, after.year, after)
        e.start, e.end = after.date.start_iso(), after.date.end_iso()
        e.date_written = after.date.written or None
        e.text, e.agreement_id = after.text, after.agreement_id
        changes = ChangeSet(events={e.partner_id})
        if after.year != before.year:
            e.year = after.year
            s.flush()
            where = (Event.partner_id == e.partner_id, Event.year == e.year)
            place(s, Event, where, e.id, after.index)
            # Either year may have just got its first event or lost its last one.
            changes = ChangeSet(events={e.partner_id}, counts={e.partner_id}, years=True)
        return Edited(before, after, changes, written_version(s, e))
