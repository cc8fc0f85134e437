"""Two writers on one PostgreSQL database at once: the checks that guard a write hold under the
write transaction's lock, so a race never stores twice or loses anything without a trace."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from spbgui.domain.dates import EventDate
from spbgui.errors import UserError
from spbgui.io.xlsx.read import read_table
from spbgui.services import edit, history, records, removal
from spbgui.services.importer import YearHasEvents, import_table
from spbgui.store.database import open_database
from spbgui.store.models import Event, Partner


@pytest.fixture(scope="module")
def table_2024(fixture_xlsx: Path):  # type: ignore[no-untyped-def]
    return read_table(fixture_xlsx)


def _together(*calls):  # type: ignore[no-untyped-def]
    """Run the calls in threads released at the same moment; their results or exceptions."""
    barrier = threading.Barrier(len(calls))
    out: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            out[i] = calls[i]()
        except BaseException as exc:
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


@pytest.mark.parametrize("trial", range(3))
def test_two_imports_on_two_connections_store_the_year_once(
    pg_url: str, table_2024, trial: int
) -> None:  # type: ignore[no-untyped-def]
    open_database(pg_url).close()  # the schema, made once
    a, b = open_database(pg_url), open_database(pg_url)
    try:
        results = _together(
            lambda: import_table(db=a, table=table_2024),
            lambda: import_table(db=b, table=table_2024),
        )
        refused = [r for r in results if isinstance(r, BaseException)]
        assert len(refused) == 1, results
        assert isinstance(refused[0], YearHasEvents) and isinstance(refused[0], UserError)
        assert records.counts(db=a, year=2024).events == 96
    finally:
        a.close()
        b.close()


def _partner(db):  # type: ignore[no-untyped-def]
    r = edit.add_region(db=db, name="Азия")
    c = edit.add_country(db=db, region_id=r.id, name="Вьетнам")
    return edit.add_partner(db=db, country_id=c.id, name="Хошимин").id


def test_an_event_added_while_its_partner_is_deleted_is_kept_in_the_history(pg_url: str) -> None:
    """B's event is written (not yet committed) when A deletes the partner: A waits for B,
    and the event goes into A's delete entry, from which it can be brought back."""
    a, b = open_database(pg_url), open_database(pg_url)
    try:
        pid = _partner(a)
        written, committed = threading.Event(), threading.Event()
        added: list[int] = []

        def add_and_hold() -> None:
            with b.write() as s:  # what add_event does, with the commit held back a little
                s.get(Partner, pid, with_for_update={"key_share": True})
                e = Event(partner_id=pid, year=2024, text="их событие", position=0)
                s.add(e)
                s.flush()
                added.append(e.id)
                written.set()
                time.sleep(0.7)
            committed.set()

        t = threading.Thread(target=add_and_hold)
        t.start()
        assert written.wait(30)
        removal.delete_records(db=a, kind="partner", ids=[pid])
        t.join(30)
        assert committed.is_set()
        entry = [c for c in history.history(db=a, table="partner") if c.action == "delete"][-1]
        assert [e["id"] for e in entry.detail["children"].get("event", [])] == added
        history.restore_deleted(db=a, change_id=entry.id)
        with a.read() as s:
            assert s.get(Event, added[0]) is not None
    finally:
        a.close()
        b.close()


def test_an_event_added_to_a_partner_being_deleted_is_refused_in_words(pg_url: str) -> None:
    """A's delete of the partner is under way (not yet committed) when B adds an event to it:
    B waits, then reads that the partner is gone; never a raw ForeignKeyViolation."""
    a, b = open_database(pg_url), open_database(pg_url)
    try:
        pid = _partner(a)
        deleting = threading.Event()

        def delete_and_hold() -> None:
            with a.write() as s:
                s.execute(select(Partner.id).where(Partner.id == pid).with_for_update())
                s.execute(delete(Partner).where(Partner.id == pid))
                deleting.set()
                time.sleep(0.7)

        t = threading.Thread(target=delete_and_hold)
        t.start()
        assert deleting.wait(30)
        with pytest.raises(UserError, match="удалили") as caught:
            edit.add_event(db=b, partner_id=pid, year=2024, date=EventDate(None, None), text="x")
        assert "ForeignKey" not in str(caught.value)
        t.join(30)
    finally:
        a.close()
        b.close()
