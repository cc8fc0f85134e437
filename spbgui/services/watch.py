"""Tell the window when another connection changed the database, so it can refresh (issue 9).

:class:`ChangeWatcher` is plain Python with one poll method, :meth:`ChangeWatcher.changed`,
that the window calls from a ``QTimer`` (every second or so): True when the
records changed since the last call. It keeps a connection of its own:

* PostgreSQL: ``LISTEN spbgui_changes``; the triggers of revision 0008 send a
  notification when a writing transaction commits. A poll is one round trip
  (``SELECT 1``), which is when psycopg hands over the notifications received.
* SQLite: ``PRAGMA data_version``, which changes when any *other* connection
  commits to the file (WAL included), and costs no disk read.

Changes made through the program's own sessions count too (they are other
connections than the watcher's): the window has refreshed for those already,
and one more refresh keeps the selection anyway.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any

from spbgui.store.database import Database
from spbgui.store.sqlite_file import connect_readonly

CHANNEL = "spbgui_changes"


class ChangeWatcher:
    """``changed()`` is True once after each change committed by another connection."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._sqlite: sqlite3.Connection | None = None
        self._pg: Any = None
        self._notified = False
        if db.path is not None:
            self._sqlite = connect_readonly(db.path)
            self._version = self._data_version()
        elif db.engine.dialect.name == "postgresql":
            import psycopg

            url = db.engine.url.set(drivername="postgresql")
            self._pg = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
            self._pg.add_notify_handler(self._on_notify)
            self._pg.execute(f"LISTEN {CHANNEL}")
        # other backends: nothing to watch, changed() stays False

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _on_notify(self, _notify: object) -> None:
        self._notified = True

    def changed(self) -> bool:
        """Whether the database changed since the last call (or since the watcher started)."""
        if self._sqlite is not None:
            now = self._data_version()
            if now != self._version:
                self._version = now
                return True
            return False
        if self._pg is not None:
            self._pg.execute("SELECT 1")  # delivers what arrived meanwhile to _on_notify
            seen, self._notified = self._notified, False
            return seen
        return False

    def close(self) -> None:
        for conn in (self._sqlite, self._pg):
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
        self._sqlite = self._pg = None

    def __enter__(self) -> ChangeWatcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
