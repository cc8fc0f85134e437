"""The years of the table: which exist, and starting a new one.

A year exists once staff started it («Начать новый год») or once it has an
event. Partners and agreements belong to no year, so a new year starts with
all of them in place and no events yet; last year's events stay where they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spbgui.domain.table_year import FIRST_YEAR, LAST_YEAR, is_table_year
from spbgui.services.changes import ChangeSet
from spbgui.services.errors import EditError
from spbgui.store import first_screen
from spbgui.store.database import Database


def check_year(year: int) -> int:
    """``year`` if it is one the table can have, else an :class:`EditError` saying which can."""
    if not is_table_year(year):
        raise EditError(
            f"Год {year} не подходит: год таблицы должен быть от {FIRST_YEAR} до {LAST_YEAR}."
        )
    return year


@dataclass(frozen=True)
class Started:
    year: int
    changes: ChangeSet


def years(*, db: Database) -> list[int]:
    """Every year of the table, oldest first (may be empty for a new database)."""
    if (conn := db.quick()) is not None:  # the first screen: without SQLAlchemy
        return first_screen.years(conn)
    from sqlalchemy import select

    from spbgui.store.models import Event, TableYear

    with db.read() as s:
        with_events = set(s.scalars(select(Event.year).distinct()))
        started = set(s.scalars(select(TableYear.year)))
        return sorted(with_events | started)


def choices(*, db: Database, today: dt.date | None = None) -> list[int]:
    """The years to offer in the year selector: those of the table and the next one."""
    known = years(db=db)
    if not known:
        return [(today or dt.date.today()).year]
    return [*known, known[-1] + 1]


def current(*, db: Database, today: dt.date | None = None) -> int:
    """The year to show when nothing else is asked: the latest of the table, or this one."""
    known = years(db=db)
    return known[-1] if known else (today or dt.date.today()).year


def next_year(*, db: Database, today: dt.date | None = None) -> int:
    known = years(db=db)
    return known[-1] + 1 if known else (today or dt.date.today()).year


def start_year(*, db: Database, year: int) -> Started:
    """Record that the table of ``year`` is started (no events are created or copied)."""
    check_year(year)
    from spbgui.store.models import TableYear

    with db.write() as s:
        if s.get(TableYear, year) is not None:
            raise EditError(f"{year} год уже начат.")
        s.add(TableYear(year=year))
        return Started(year, ChangeSet(years=True))


def forget_year(*, db: Database, year: int) -> ChangeSet:
    """Undo :func:`start_year`: only for a year that still has no events."""
    from sqlalchemy import delete, func, select

    from spbgui.store.models import Event, TableYear

    with db.write() as s:
        n = s.scalar(select(func.count()).where(Event.year == year)) or 0
        if n:
            raise EditError(f"В {year} году уже есть мероприятия ({n}): год нельзя убрать.")
        s.execute(delete(TableYear).where(TableYear.year == year))
        return ChangeSet(years=True)
