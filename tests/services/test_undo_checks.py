"""The checks an undo or redo relies on, inside the write transaction, on both backends:
a version check for updates, deletes and moves, a refusal to delete what a colleague put
under a record meanwhile, and plain words when the parent of a new record is gone."""

from __future__ import annotations

import pytest

from spbgui.domain.dates import EventDate
from spbgui.errors import UserError
from spbgui.services import edit, history, order, removal
from spbgui.services.conflicts import ConflictError
from spbgui.store.database import Database, open_database

NO_DATE = EventDate(None, None)


def _seed(db: Database) -> dict[str, int]:
    r = edit.add_region(db=db, name="Азия")
    c = edit.add_country(db=db, region_id=r.id, name="Вьетнам")
    c2 = edit.add_country(db=db, region_id=r.id, name="Лаос")
    p = edit.add_partner(db=db, country_id=c.id, name="Хошимин")
    return {"region": r.id, "country": c.id, "laos": c2.id, "partner": p.id}


@pytest.fixture
def colleague(db: Database):  # type: ignore[no-untyped-def]
    other = open_database(db.path or db.url)
    yield other
    other.close()


def test_an_update_expecting_an_old_version_names_whose_change_is_in_the_way(
    db: Database, colleague: Database
) -> None:
    ids = _seed(db)
    mine = edit.update_partner(db=db, partner_id=ids["partner"], note="моя заметка")
    assert mine.version == 2
    edit.update_partner(
        db=colleague, partner_id=ids["partner"], note="заметка коллеги", expected_version=2
    )
    with pytest.raises(ConflictError, match="последнее изменение") as caught:
        edit.update_partner(db=db, partner_id=ids["partner"], note="", expected_version=2)
    assert caught.value.who  # the history says who
    assert caught.value.theirs and caught.value.theirs["note"] == "заметка коллеги"


def test_deleting_what_we_added_spares_a_colleagues_events(
    db: Database, colleague: Database
) -> None:
    ids = _seed(db)
    event = edit.add_event(
        db=colleague, partner_id=ids["partner"], year=2024, date=NO_DATE, text="их событие"
    )
    with pytest.raises(ConflictError, match="мероприятия \\(1\\)") as caught:
        removal.delete_records(db=db, kind="partner", ids=[ids["partner"]], alone=True)
    assert caught.value.who
    with db.read() as s:
        from spbgui.store.models import Event

        assert s.get(Event, event.id) is not None
    # Asked for anyway, it goes with everything under it, and the history can bring it back.
    removal.delete_records(db=db, kind="partner", ids=[ids["partner"]])
    entry = [c for c in history.history(db=db, table="partner") if c.action == "delete"][-1]
    assert [e["id"] for e in entry.detail["children"]["event"]] == [event.id]


def test_a_delete_expecting_an_old_version_is_refused(db: Database, colleague: Database) -> None:
    ids = _seed(db)
    edit.update_country(db=colleague, country_id=ids["country"], note="их заметка")
    with pytest.raises(ConflictError):
        removal.delete_records(
            db=db, kind="country", ids=[ids["country"]], expected_versions={ids["country"]: 1}
        )
    assert removal.delete_records(
        db=db, kind="country", ids=[ids["country"]], expected_versions={ids["country"]: 2}
    )


def test_a_move_expecting_an_old_version_is_refused(db: Database, colleague: Database) -> None:
    ids = _seed(db)
    moved = order.move_partner(db=db, partner_id=ids["partner"], country_id=ids["laos"], index=0)
    edit.update_partner(db=colleague, partner_id=ids["partner"], name="Сайгон")
    with pytest.raises(ConflictError, match="изменили"):
        order.move_partner(
            db=db,
            partner_id=ids["partner"],
            country_id=ids["country"],
            index=0,
            expected_version=moved.version,
        )


def test_adding_under_a_record_deleted_elsewhere_is_refused_in_words(
    db: Database, colleague: Database
) -> None:
    ids = _seed(db)
    removal.delete_records(db=colleague, kind="partner", ids=[ids["partner"]])
    with pytest.raises(UserError, match="удалили") as caught:
        edit.add_event(db=db, partner_id=ids["partner"], year=2024, date=NO_DATE, text="x")
    assert "Integrity" not in str(caught.value) and "REFERENCES" not in str(caught.value)
    with pytest.raises(UserError, match="удалили"):
        edit.add_agreement(db=db, partner_id=ids["partner"], title="Соглашение")


def test_restoring_under_a_parent_deleted_elsewhere_is_refused_in_words(
    db: Database, colleague: Database
) -> None:
    ids = _seed(db)
    gone = removal.delete_records(db=db, kind="partner", ids=[ids["partner"]])
    removal.delete_records(db=colleague, kind="country", ids=[ids["country"]])
    with pytest.raises(UserError, match="не восстановить"):
        removal.restore(db=db, snapshot=gone.snapshot)


def test_moving_an_event_back_expecting_an_old_version_is_refused(
    db: Database, colleague: Database
) -> None:
    ids = _seed(db)
    other = edit.add_partner(db=db, country_id=ids["laos"], name="Вьентьян")
    ev = edit.add_event(db=db, partner_id=ids["partner"], year=2024, date=NO_DATE, text="визит")
    moved = order.move_event(db=db, event_id=ev.id, index=None, partner_id=other.id)
    edit.update_event(db=colleague, event_id=ev.id, text="визит (уточнено)")
    with pytest.raises(ConflictError, match="изменили"):
        order.move_event(
            db=db,
            event_id=ev.id,
            index=moved.before.index,
            partner_id=ids["partner"],
            expected_version=moved.version,
        )
