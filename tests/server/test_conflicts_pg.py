"""No lost update on PostgreSQL: the checks of tests/services/test_conflicts.py, and a real race."""

from __future__ import annotations

import threading

import pytest

from spbgui.services import edit
from spbgui.store.database import open_database
from spbgui.store.errors import RecordChanged
from spbgui.store.models import Event
from tests.services.test_conflicts import (
    _seed,
    _text,
    check_every_kind_checks_its_version,
    check_second_save_is_refused,
)


def test_second_save_is_refused_on_postgresql(pg_db, pg_url) -> None:
    other = open_database(pg_url)
    try:
        check_second_save_is_refused(pg_db, other)
    finally:
        other.close()


def test_every_kind_checks_its_version_on_postgresql(pg_db) -> None:
    check_every_kind_checks_its_version(pg_db)


def test_a_write_racing_another_transaction_is_refused(pg_db, pg_url) -> None:
    """Without an expected version the ORM's own check still refuses: read, they commit, write."""
    _partner, event_id = _seed(pg_db)
    other = open_database(pg_url)
    read_done, theirs_done = threading.Event(), threading.Event()

    def theirs() -> None:
        read_done.wait(10)
        edit.update_event(db=other, event_id=event_id, text="их правка")
        theirs_done.set()

    t = threading.Thread(target=theirs)
    t.start()
    try:
        with pytest.raises(RecordChanged), pg_db.write() as s:
            e = s.get(Event, event_id)
            read_done.set()
            assert theirs_done.wait(10)
            e.text = "моя правка"
    finally:
        t.join()
        other.close()
    assert _text(pg_db, event_id) == "их правка"
