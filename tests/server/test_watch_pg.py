"""Live refresh on PostgreSQL: LISTEN/NOTIFY through the triggers of revision 0008."""

from __future__ import annotations

from spbgui.store.database import open_database
from tests.services.test_watch import check_change_is_seen


def test_a_change_is_seen_by_another_connection_on_postgresql(pg_db, pg_url) -> None:
    other = open_database(pg_url)
    try:
        delay = check_change_is_seen(other, pg_db)
    finally:
        other.close()
    print(f"\nseen after {delay * 1000:.0f} ms")
