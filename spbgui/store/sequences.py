"""Ids given by the program rather than by the database, made safe on PostgreSQL.

SQLite hands out ``max(id) + 1``, so a row inserted with an explicit id (an undo
that restores a deleted record, a redo of an addition, the importer's bulk
insert) needs nothing more. PostgreSQL hands out ids from a sequence that knows
nothing of such rows: the next plain insert would collide with them. After an
explicit-id insert, :func:`advance_sequences` moves each sequence past the
table's largest id (never backwards: another connection may already hold a
larger value). :func:`lock_for_ids` is what the importer takes on PostgreSQL in
place of SQLite's write lock, so that nobody inserts between its ``max(id)``
and its insert.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection
from sqlalchemy.orm import Session


def _conn(bind: Connection | Session) -> Connection:
    return bind.connection() if isinstance(bind, Session) else bind


def advance_sequences(bind: Connection | Session, tables: Iterable[str]) -> None:
    """On PostgreSQL, move each table's id sequence past its largest id; elsewhere nothing."""
    conn = _conn(bind)
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        # The table names are the models' own, never user input.
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"greatest((SELECT coalesce(max(id), 0) FROM {table}), "
            f"(SELECT last_value FROM {_sequence(conn, table)})))"
        )


def _sequence(conn: Connection, table: str) -> str:
    name = conn.exec_driver_sql(f"SELECT pg_get_serial_sequence('{table}', 'id')").scalar()
    assert name is not None, table
    return str(name)


def lock_for_ids(bind: Connection | Session, tables: Iterable[str]) -> None:
    """On PostgreSQL, keep other writers out of ``tables`` until the transaction ends.

    SHARE ROW EXCLUSIVE lets others read but not insert, update or delete; SQLite's
    BEGIN IMMEDIATE already gives a writer as much, so there this does nothing.
    """
    conn = _conn(bind)
    if conn.dialect.name != "postgresql":
        return
    names = ", ".join(tables)
    conn.exec_driver_sql(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")
