"""Writing the change history (``change_log``, revision 0007) in the transaction of each change.

The write sessions carry two listeners (:func:`watch_session`): before a flush
they note what is new, changed or deleted among the records (regions,
countries, partners, agreements, events) with their columns before; after the
flush, when new rows have their ids and changed rows their new version, they
insert one entry per record. Statements that bypass the ORM write their entry
themselves through :func:`log_change` (a delete with everything under the
record, a restore, an import's one summary entry). The order of siblings
(``position``) is not a change of the record and is not logged.

"Who" is the database user on a server (``current_user``: the login the
administrator granted a role to) and the OS login on SQLite, where there are
no database users.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from typing import Any

from sqlalchemy import Connection, event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from spbgui.store.models import Agreement, ChangeLog, Country, Event, Partner, Region

LOGGED: tuple[type[Any], ...] = (Region, Country, Partner, Agreement, Event)
# Columns whose change alone is not an edit of the record (the order among siblings).
QUIET = frozenset({"position"})
_PENDING = "spbgui_changes"

# One history entry: table, record id, action, the record before and after, the detail.
Entry = tuple[str, int | None, str, dict[str, Any] | None, dict[str, Any] | None, Any]


def who(conn: Connection) -> str:
    """The database user on a server, the OS login on SQLite (cached per DBAPI connection)."""
    cached = conn.info.get("spbgui_who")
    if cached is None:
        if conn.dialect.name == "sqlite":
            try:
                cached = getpass.getuser()
            except (KeyError, OSError):  # no login name (a container without passwd entry)
                cached = "?"
        else:
            cached = str(conn.exec_driver_sql("SELECT current_user").scalar())
        conn.info["spbgui_who"] = cached
    return cached


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def fields(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs}


def log_change(
    bind: Session | Connection,
    *,
    table: str,
    record_id: int | None,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write one history entry in the caller's transaction."""
    log_many(bind, [(table, record_id, action, before, after, detail)])


def log_many(
    bind: Session | Connection,
    entries: list[Entry],
) -> None:
    if not entries:
        return
    conn = bind.connection() if isinstance(bind, Session) else bind
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    user = who(conn)
    conn.execute(
        insert(ChangeLog),
        [
            {
                "at": now,
                "who": user,
                "table_name": table,
                "record_id": record_id,
                "action": action,
                "before": _json(before),
                "after": _json(after),
                "detail": _json(detail),
            }
            for table, record_id, action, before, after, detail in entries
        ],
    )


def _before_values(obj: Any) -> dict[str, Any]:
    """A changed record's columns as they were when loaded (history of each attribute)."""
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.deleted:
            out[attr.key] = hist.deleted[0]
        elif hist.unchanged:
            out[attr.key] = hist.unchanged[0]
        else:
            out[attr.key] = getattr(obj, attr.key)
    return out


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    pending = session.info.setdefault(_PENDING, [])
    for obj in session.new:
        if isinstance(obj, LOGGED):
            pending.append(("insert", obj, None))
    for obj in session.dirty:
        if not isinstance(obj, LOGGED) or not session.is_modified(obj, include_collections=False):
            continue
        before = _before_values(obj)
        changed = {k for k, v in before.items() if getattr(obj, k) != v}
        # Only the order changed: not an edit. Nothing changed but the record was flagged
        # (an agreement's dates, kept in their own table): an edit.
        if not changed or changed - QUIET:
            pending.append(("update", obj, before))
    for obj in session.deleted:
        if isinstance(obj, LOGGED):
            pending.append(("delete", obj, fields(obj)))


def _after_flush(session: Session, _context: object) -> None:
    pending = session.info.pop(_PENDING, [])
    entries: list[Entry] = []
    for action, obj, before in pending:
        table = obj.__tablename__
        if action == "delete":
            entries.append((table, before["id"], action, before, None, None))
        else:
            entries.append((table, obj.id, action, before, fields(obj), None))
    log_many(session, entries)


def watch_session(maker: sessionmaker[Session]) -> None:
    """Log every change of a record made through sessions of ``maker``."""
    event.listen(maker, "before_flush", _before_flush)
    event.listen(maker, "after_flush", _after_flush)
