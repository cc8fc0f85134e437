"""Live refresh, backend half (issue 9): a change through one connection is seen by another.

The same check runs on PostgreSQL from tests/server/test_watch_pg.py.
"""

from __future__ import annotations

import time

from sqlalchemy import delete

from spbgui.services import edit
from spbgui.services.watch import ChangeWatcher
from spbgui.store.database import Database, open_database
from spbgui.store.models import Region

WITHIN_S = 2.0


def _seen_within(watcher: ChangeWatcher, seconds: float) -> float | None:
    """Poll as the window's timer would (every 50 ms here); the delay or None."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if watcher.changed():
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def check_change_is_seen(writer: Database, watched: Database) -> float:
    with ChangeWatcher(watched) as watcher:
        assert not watcher.changed()
        region = edit.add_region(db=writer, name="Азия")
        delay = _seen_within(watcher, WITHIN_S)
        assert delay is not None, "the change was not seen within 2 seconds"
        assert not watcher.changed()  # once per change
        edit.update_region(db=writer, region_id=region.id, note="заметка")
        assert _seen_within(watcher, WITHIN_S) is not None
        # A rolled-back write is no change.
        try:
            with writer.write() as s:
                s.execute(delete(Region))
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        assert _seen_within(watcher, 0.5) is None
        return delay


def test_a_change_is_seen_by_another_connection_within_two_seconds(db) -> None:  # type: ignore[no-untyped-def]
    other = open_database(db.path or db.url)
    try:
        check_change_is_seen(other, db)
    finally:
        other.close()
