"""The change history on PostgreSQL, and 8 writers at once for 30 seconds (issue 9).

Every write a writer saw succeed must be in the database at the end, and the
history must list each of those changes exactly once; writes refused with an
error (a deadlock, a conflict) must leave no trace.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections import defaultdict

from spbgui.domain.dates import EventDate
from spbgui.services import edit, history
from spbgui.store.database import open_database
from spbgui.store.models import Event
from tests.services.test_history import check_history_of_edits, check_restore_deleted

WRITERS = 8
SECONDS = float(os.environ.get("SPBGUI_SOAK_SECONDS", "30"))
NO_DATE = EventDate(None, None)


def test_history_of_edits_on_postgresql(pg_db, pg_server) -> None:
    check_history_of_edits(pg_db, pg_server.superuser)  # the database user, not the OS login


def test_restore_deleted_on_postgresql(pg_db) -> None:
    check_restore_deleted(pg_db)


def test_eight_writers_lose_nothing_and_the_history_lists_each_change_once(pg_db, pg_url) -> None:
    r = edit.add_region(db=pg_db, name="Азия")
    c = edit.add_country(db=pg_db, region_id=r.id, name="Вьетнам")
    partners = [edit.add_partner(db=pg_db, country_id=c.id, name=f"Город {i}").id for i in range(4)]
    acked: dict[int, list[str]] = defaultdict(list)  # event id → texts written, in order
    lock = threading.Lock()
    errors: list[str] = []
    refused = [0]
    deadline = time.monotonic() + SECONDS

    def writer(n: int) -> None:
        db = open_database(pg_url)
        rng = random.Random(n)
        mine: dict[int, int] = {}  # event id → version we last wrote
        i = 0
        try:
            while time.monotonic() < deadline:
                i += 1
                try:
                    if not mine or rng.random() < 0.4:
                        text = f"w{n} #{i}"
                        added = edit.add_event(
                            db=db,
                            partner_id=rng.choice(partners),
                            year=2024,
                            date=NO_DATE,
                            text=text,
                        )
                        with lock:
                            acked[added.id].append(text)
                        mine[added.id] = 1
                    else:
                        event_id = rng.choice(list(mine))
                        text = f"w{n} #{i} правка"
                        edit.update_event(
                            db=db, event_id=event_id, text=text, expected_version=mine[event_id]
                        )
                        with lock:
                            acked[event_id].append(text)
                        mine[event_id] += 1
                except Exception as exc:  # refused: must leave no trace (checked below)
                    with lock:
                        refused[0] += 1
                        if len(errors) < 5:
                            errors.append(repr(exc))
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    writes = sum(len(v) for v in acked.values())
    print(f"\n{WRITERS} writers, {SECONDS:.0f} s: {writes} acknowledged, {refused[0]} refused")
    assert writes > WRITERS * 10, errors
    assert refused[0] <= writes // 20, errors  # a rare deadlock retry at most
    with pg_db.read() as s:
        stored = {e.id: e.text for e in s.query(Event)}
    assert set(stored) == set(acked)
    assert {i: texts[-1] for i, texts in acked.items()} == stored
    logged: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for change in history.history(db=pg_db, table="event"):
        if change.record_id in acked:
            logged[change.record_id].append((change.action, change.after["text"]))
    expected = {
        i: [("insert", texts[0])] + [("update", t) for t in texts[1:]] for i, texts in acked.items()
    }
    assert dict(logged) == expected
