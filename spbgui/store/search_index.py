"""Bulk writes and the full-text index: rows and their index entries written batch by batch.

The FTS5 index (revision 0003) is kept in step by AFTER INSERT triggers, which is
right for edits but costs an import of 50,000 events more than the rows
themselves. Inside one transaction, :func:`bulk_index` drops the insert
triggers, lets the caller insert, indexes the new rows with an ``INSERT …
SELECT`` built from each trigger's own expression, and puts the triggers back.
SQLite's DDL is transactional, so a failure anywhere rolls all of it back,
triggers included.

The caller hands over each batch (:meth:`BulkIndex.insert`: a table's rows as
one JSON text; :meth:`BulkIndex.written`), and the batch is written and indexed
on a thread of its own while the caller goes on reading and queuing the next
one. SQLite unpacks, inserts and indexes in C without Python's lock, so on a
second processor most of the writing of a big import costs the reading no time
(issue 17). The caller's next use of the connection waits for it
(:meth:`BulkIndex.wait`): one statement at a time, in the transaction's order.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

_INSERT_RE = re.compile(
    r"INSERT INTO search_index\s*\((?P<columns>[^)]*)\)\s*"
    r"VALUES\s*\((?P<values>.*)\)\s*;\s*END\s*$",
    re.IGNORECASE | re.DOTALL,
)


SWITCH_INTERVAL = 0.0005  # seconds: Python's switch interval while a bulk write lasts

# A table's queued rows: "INSERT INTO t (columns) ", the SELECT that unpacks them from one
# JSON text, and the rows themselves (plain values in the order of the columns).
_Rows = tuple[str, str, list[tuple[Any, ...]]]


class BulkIndex:
    """The new rows of a bulk insert, written and indexed batch by batch (see :func:`bulk_index`).

    A batch's rows may be handed over too (:meth:`insert`): each table's as one JSON
    text, which SQLite unpacks (``json_each``) and inserts without Python's lock, on
    the same thread as the index, so that the caller's thread only encodes them.
    """

    def __init__(self, conn: Connection, plans: dict[str, str], first_ids: dict[str, int]) -> None:
        self._conn = conn
        self._plans = plans  # table → INSERT … SELECT of its rows with ids in [?, ?)
        self._done = {table: first_ids[table] for table in plans}  # indexed below this id
        self._inserts: list[_Rows] = []  # the batch's rows
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.takes_rows = _has_json(conn)

    def insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Queue ``rows`` (plain values in the order of ``columns``) for the next batch: the
        list is the writing thread's from now on (the caller starts a new one).

        Only if :attr:`takes_rows` (an SQLite built without its JSON functions does not).
        """
        assert self.takes_rows
        quote = self._conn.dialect.identifier_preparer.quote
        values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(columns)))
        into = f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        self._inserts.append((into, f"SELECT {values} FROM json_each(?)", rows))

    def written(self, next_ids: dict[str, int]) -> None:
        """Every row with an id below ``next_ids[table]`` is in its table, or queued by
        :meth:`insert`: write the queued rows and index those not indexed yet, on a
        thread, while the caller goes on (it must not use the connection before
        :meth:`wait`)."""
        self.wait()
        inserts, self._inserts = self._inserts, []
        batch = self._take(next_ids)
        if not batch and not inserts:
            return
        self._thread = threading.Thread(
            target=self._run, args=(inserts, batch), name="spbgui-search-index", daemon=True
        )
        self._thread.start()

    def wait(self) -> None:
        """Until the batch being written is written and indexed; its failure is raised here."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        error, self._error = self._error, None
        if error is not None:
            raise error

    def finish(self, next_ids: dict[str, int]) -> None:
        """Write and index what is left, in this thread, and wait for all of it."""
        self.wait()
        inserts, self._inserts = self._inserts, []
        batch = self._take(next_ids)
        if inserts or batch:
            self._write(inserts, batch)

    def _take(self, next_ids: dict[str, int]) -> dict[str, tuple[int, int]]:
        """The ids of each table to index now, marked as indexed."""
        batch = {
            table: (self._done[table], next_ids[table])
            for table in self._plans
            if next_ids.get(table, 0) > self._done[table]
        }
        for table, (_first, end) in batch.items():
            self._done[table] = end
        return batch

    def _run(self, inserts: list[_Rows], batch: dict[str, tuple[int, int]]) -> None:
        try:
            self._write(inserts, batch)
        except BaseException as exc:  # raised in the caller's thread by wait()
            self._error = exc

    def _write(self, inserts: list[_Rows], batch: dict[str, tuple[int, int]]) -> None:
        # Through the caller's connection, which it does not use meanwhile: SQLite's errors
        # come out wrapped as any other statement's (a full disk is told in words). The JSON
        # is made here, one table at a time: one text of a batch is alive at a time.
        while inserts:
            into, select, rows = inserts.pop(0)
            # A lone surrogate in a text is refused here, as binding it would be.
            text = json.dumps(rows, ensure_ascii=False)
            if "\\u0000" in text:
                # SQLite's JSON ends a text at a NUL (json_extract): such rows are bound.
                marks = ", ".join("?" * len(rows[0]))
                self._conn.exec_driver_sql(f"{into}VALUES ({marks})", rows)
                continue
            del rows
            self._conn.exec_driver_sql(into + select, (text,))
            del text
        for table, (first, end) in batch.items():
            self._conn.exec_driver_sql(self._plans[table], (first, end))


def _has_json(conn: Connection) -> bool:
    """Whether this SQLite has its JSON functions (built in since 3.38, an option before)."""
    try:
        conn.exec_driver_sql("SELECT json_extract('[1]', '$[0]') FROM json_each('[1]')")
    except DBAPIError:
        return False
    return True


@contextlib.contextmanager
def bulk_index(conn: Connection, first_ids: dict[str, int]) -> Iterator[BulkIndex | None]:
    """Around a bulk insert: ``first_ids`` maps each table to the first id being inserted.

    Yields a :class:`BulkIndex` to tell of each batch written, or None where the
    triggers stay (PostgreSQL, whose index is a column each row fills itself).
    The rows not told of are indexed at the end: a caller may tell of none.
    """
    if conn.dialect.name != "sqlite":
        yield None
        return
    triggers = {
        table: (name, sql)
        for name, table, sql in conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE 'search\\_%\\_insert' ESCAPE '\\'"
        )
        if table in first_ids
    }
    plans: dict[str, str] = {}
    restore: list[str] = []
    for table, (name, sql) in triggers.items():
        m = _INSERT_RE.search(sql)
        if m is None:
            continue  # not the shape we know: leave this trigger to do its work
        select_list = m.group("values").replace("NEW.", "")
        plans[table] = (
            f"INSERT INTO search_index ({m.group('columns')}) "
            f"SELECT {select_list} FROM {table} WHERE id >= ? AND id < ?"
        )
        restore.append(sql)
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    index = BulkIndex(conn, plans, first_ids)
    # The writing thread needs Python's lock for moments between its long statements (to
    # start each, and to return from it): at the default switch interval each moment
    # waited 5 ms behind the reading thread, 0.6 s of a 20,000-row import.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    try:
        try:
            yield index
        except BaseException:
            # The transaction is rolled back by the caller: only the batch still being
            # written must end first (the connection serves one statement at a time).
            with contextlib.suppress(BaseException):
                index.wait()
            raise
        # The last batch ends before the tables' last ids are asked: the connection serves
        # one statement at a time, and asked beside it they could miss the batch's rows.
        index.wait()
        index.finish(_last_ids(conn, plans))
    finally:
        sys.setswitchinterval(interval)
    for sql in restore:
        conn.exec_driver_sql(sql)


def _last_ids(conn: Connection, plans: dict[str, str]) -> dict[str, int]:
    """One past each table's highest id: the end of what the bulk insert wrote."""
    out: dict[str, int] = {}
    for table in plans:
        top = conn.exec_driver_sql(f'SELECT max(id) FROM "{table}"').scalar()
        out[table] = (top or 0) + 1
    return out
