"""No lost update (issue 9): two people edit the same record; the second save is refused.

The same checks run on PostgreSQL from tests/server/test_conflicts_pg.py.
"""

from __future__ import annotations

import pytest

from spbgui.domain.dates import EventDate, PartialDate, parse_event_date
from spbgui.services import edit, removal
from spbgui.services.conflicts import ConflictError, current_version
from spbgui.store.database import Database, open_database
from spbgui.store.models import Country, Event, Partner, Region

NO_DATE = EventDate(None, None)


def _seed(db: Database) -> tuple[int, int]:
    r = edit.add_region(db=db, name="Азия")
    c = edit.add_country(db=db, region_id=r.id, name="Вьетнам")
    p = edit.add_partner(db=db, country_id=c.id, name="Хошимин")
    e = edit.add_event(db=db, partner_id=p.id, year=2024, date=NO_DATE, text="Неделя Вьетнама")
    return p.id, e.id


def _text(db: Database, event_id: int) -> str:
    with db.read() as s:
        return s.get(Event, event_id).text


def check_second_save_is_refused(first: Database, second: Database) -> None:
    """``first`` and ``second`` are two connections (two windows, two staff) to one database."""
    _partner, event_id = _seed(first)
    seen_by_first = current_version(db=first, table="event", record_id=event_id)
    seen_by_second = current_version(db=second, table="event", record_id=event_id)
    assert seen_by_first == seen_by_second == 1
    edit.update_event(
        db=first, event_id=event_id, text="Дни Вьетнама", expected_version=seen_by_first
    )
    with pytest.raises(ConflictError, match="изменили") as caught:
        edit.update_event(
            db=second,
            event_id=event_id,
            text="Фестиваль Вьетнама",
            date=parse_event_date("17 мая", 2024),
            expected_version=seen_by_second,
        )
    conflict = caught.value
    assert conflict.theirs is not None and conflict.theirs["text"] == "Дни Вьетнама"
    assert conflict.their_version == 2
    assert conflict.yours["text"] == "Фестиваль Вьетнама"
    assert conflict.yours["start"] == "2024-05-17"
    assert _text(first, event_id) == _text(second, event_id) == "Дни Вьетнама"  # nothing lost
    # Keeping theirs is nothing to do; keeping yours is saving again over the version shown.
    edit.update_event(
        db=second,
        event_id=event_id,
        text=conflict.yours["text"],
        expected_version=conflict.their_version,
    )
    assert _text(first, event_id) == "Фестиваль Вьетнама"
    # Deleted meanwhile: refused as well, with nothing of theirs.
    version = current_version(db=second, table="event", record_id=event_id)
    removal.delete_records(db=first, kind="event", ids=[event_id])
    with pytest.raises(ConflictError, match="удалили") as caught:
        edit.update_event(db=second, event_id=event_id, text="ещё", expected_version=version)
    assert caught.value.deleted


def check_every_kind_checks_its_version(db: Database) -> None:
    partner_id, event_id = _seed(db)
    a = edit.add_agreement(db=db, partner_id=partner_id, title="Соглашение")
    with db.read() as s:
        p = s.get(Partner, partner_id)
        ids = {
            "region": s.get(Country, p.country_id).region_id,
            "country": p.country_id,
            "partner": partner_id,
            "agreement": a.id,
            "event": event_id,
        }
        assert {s.get(m, ids[m.__tablename__]).version for m in (Region, Country, Partner)} == {1}
    calls = {
        "region": lambda v: edit.update_region(
            db=db, region_id=ids["region"], note="x", expected_version=v
        ),
        "country": lambda v: edit.update_country(
            db=db, country_id=ids["country"], note="x", expected_version=v
        ),
        "partner": lambda v: edit.update_partner(
            db=db, partner_id=ids["partner"], note="x", expected_version=v
        ),
        "agreement": lambda v: edit.update_agreement(
            db=db, agreement_id=ids["agreement"], note="x", expected_version=v
        ),
        "event": lambda v: edit.update_event(
            db=db, event_id=ids["event"], text="x", expected_version=v
        ),
    }
    for table, call in calls.items():
        v = current_version(db=db, table=table, record_id=ids[table])
        call(v)
        assert current_version(db=db, table=table, record_id=ids[table]) == v + 1
        with pytest.raises(ConflictError):
            call(v)
    # Callers that pass no version (the window today) keep working as before.
    edit.update_event(db=db, event_id=event_id, text="без версии")


def test_second_save_of_the_same_event_is_refused_and_nothing_is_lost(db) -> None:  # type: ignore[no-untyped-def]
    other = open_database(db.path or db.url)
    try:
        check_second_save_is_refused(db, other)
    finally:
        other.close()


def test_every_kind_of_record_checks_its_version(db) -> None:  # type: ignore[no-untyped-def]
    check_every_kind_checks_its_version(db)


def test_agreement_dates_raise_its_version(db) -> None:  # type: ignore[no-untyped-def]
    partner_id, _event = _seed(db)
    a = edit.add_agreement(db=db, partner_id=partner_id, title="Соглашение")
    edit.update_agreement(db=db, agreement_id=a.id, dates=[PartialDate(2005, 12, 9)])
    assert current_version(db=db, table="agreement", record_id=a.id) == 2
