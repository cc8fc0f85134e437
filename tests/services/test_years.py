"""The years of the table: those with events or started, and starting the next one."""

from __future__ import annotations

import datetime as dt

import pytest

from spbgui.domain.dates import parse_event_date
from spbgui.services import edit, years
from spbgui.services.positions import EditError
from spbgui.store.database import Database

TODAY = dt.date(2025, 1, 15)


def test_an_empty_database_offers_this_year(db: Database) -> None:
    assert years.years(db=db) == []
    assert years.choices(db=db, today=TODAY) == [2025]
    assert years.current(db=db, today=TODAY) == 2025


def test_years_with_events_and_the_next(db: Database) -> None:
    r = edit.add_region(db=db, name="Азия").id
    c = edit.add_country(db=db, region_id=r, name="Вьетнам").id
    p = edit.add_partner(db=db, country_id=c, name="Хошимин").id
    added = edit.add_event(
        db=db, partner_id=p, year=2024, date=parse_event_date("Июнь", 2024), text="визит"
    )
    assert added.changes.years  # the first event of a year brings the year
    assert years.choices(db=db) == [2024, 2025]
    started = years.start_year(db=db, year=years.next_year(db=db))
    assert started.year == 2025
    assert years.years(db=db) == [2024, 2025]
    assert years.choices(db=db) == [2024, 2025, 2026]
    with pytest.raises(EditError):
        years.start_year(db=db, year=2025)
    years.forget_year(db=db, year=2025)
    assert years.years(db=db) == [2024]


def test_a_year_with_events_cannot_be_forgotten(db: Database) -> None:
    r = edit.add_region(db=db, name="Азия").id
    c = edit.add_country(db=db, region_id=r, name="Вьетнам").id
    p = edit.add_partner(db=db, country_id=c, name="Хошимин").id
    years.start_year(db=db, year=2025)
    edit.add_event(db=db, partner_id=p, year=2025, date=parse_event_date("", 2025), text="план")
    with pytest.raises(EditError, match="уже есть мероприятия"):
        years.forget_year(db=db, year=2025)
