"""Bulk writes and the full-text index: fill the index once per statement, not once per row.

The FTS5 index (revision 0003) is kept in step by AFTER INSERT triggers, which is
right for edits but costs an import of 50,000 events more than the rows
themselves. Inside one transaction, :func:`bulk_index` drops the insert
triggers, lets the caller insert, then indexes the new rows with one
``INSERT … SELECT`` built from each trigger's own expression, and puts the
triggers back. SQLite's DDL is transactional, so a failure anywhere rolls all
of it back, triggers included.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from sqlalchemy import Connection

_INSERT_RE = re.compile(
    r"INSERT INTO search_index\s*\((?P<columns>[^)]*)\)\s*"
    r"VALUES\s*\((?P<values>.*)\)\s*;\s*END\s*$",
    re.IGNORECASE | re.DOTALL,
)


@contextlib.contextmanager
def bulk_index(conn: Connection, first_ids: dict[str, int]) -> Iterator[None]:
    """Around a bulk insert: ``first_ids`` maps each table to the first id being inserted."""
    if conn.dialect.name != "sqlite":
        yield
        return
    triggers = {
        table: (name, sql)
        for name, table, sql in conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE 'search\\_%\\_insert' ESCAPE '\\'"
        )
        if table in first_ids
    }
    plans = []
    for table, (name, sql) in triggers.items():
        m = _INSERT_RE.search(sql)
        if m is None:
            continue  # not the shape we know: leave this trigger to do its work
        select_list = m.group("values").replace("NEW.", "")
        plans.append((table, name, sql, m.group("columns"), select_list))
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for table, _name, sql, columns, select_list in plans:
        conn.exec_driver_sql(
            f"INSERT INTO search_index ({columns}) SELECT {select_list} FROM {table} WHERE id >= ?",
            (first_ids[table],),
        )
        conn.exec_driver_sql(sql)
