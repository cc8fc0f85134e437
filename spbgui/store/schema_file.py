"""A new SQLite database from one file of statements instead of thirteen Alembic revisions.

Running the revisions costs a new database about 0.6 s, most of it importing Alembic;
the first import of a year into a new file pays it before anything is read. The
schema they leave is written down once in ``db/schema_sqlite.sql``: every statement
SQLite keeps in ``sqlite_master``, in the order it was made, and the rows the
revisions leave (the ``alembic_version`` row among them). A new, empty file gets the
schema from it, inside the caller's transaction, and is then exactly what the
revisions make: ``tests/store/test_schema_file.py`` builds both and compares every
schema row and every table row, and fails when a new revision is not in the file yet.

Make the file again after adding a revision::

    python -m spbgui.store.schema_file

Upgrades of existing files, and PostgreSQL, still go through Alembic.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spbgui.paths import migrations_dir

_REVISION_LINE = re.compile(r"-- revision (\w+)\n")
# Tables SQLite makes itself: its own, and the shadow tables of the FTS5 index, which
# CREATE VIRTUAL TABLE makes again.
_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def schema_path() -> Path:
    return migrations_dir() / "schema_sqlite.sql"


def _own_objects(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(type, name, sql) of every object made by a statement, oldest first."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    virtual = [
        name
        for kind, name, sql in rows
        if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")
    ]
    shadows = {v + s for v in virtual for s in _FTS_SHADOWS}
    return [
        (kind, name, sql)
        for kind, name, sql in rows
        if not name.startswith("sqlite_") and name not in shadows
    ]


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int | float):
        return repr(int(value) if isinstance(value, bool) else value)
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    return "'" + str(value).replace("'", "''") + "'"


def table_rows(conn: sqlite3.Connection) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """Every ordinary table of ours with its rows in rowid order."""
    for kind, name, sql in _own_objects(conn):
        if kind == "table" and not sql.upper().startswith("CREATE VIRTUAL"):
            yield name, conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()


def dump(conn: sqlite3.Connection, revision: str) -> str:
    """The text of the schema file for the database behind ``conn``."""
    out = [
        "-- The schema of a new SQLite database at the head revision: made by",
        "-- `python -m spbgui.store.schema_file`; do not edit (see spbgui/store/schema_file.py).",
        f"-- revision {revision}",
        "",
    ]
    out += [sql.strip() + ";\n" for _kind, _name, sql in _own_objects(conn)]
    for name, rows in table_rows(conn):
        for row in rows:
            out.append(f'INSERT INTO "{name}" VALUES ({", ".join(map(_literal, row))});\n')
    return "\n".join(out)


def revision_of(text: str) -> str | None:
    m = _REVISION_LINE.search(text)
    return m.group(1) if m else None


def statements(text: str) -> Iterable[str]:
    """The file's statements one by one (a trigger's body keeps its own semicolons)."""
    current: list[str] = []
    for line in text.splitlines(keepends=True):
        if not current and (line.startswith("--") or not line.strip()):
            continue
        current.append(line)
        joined = "".join(current)
        if sqlite3.complete_statement(joined):
            yield joined.strip()
            current = []
    if "".join(current).strip():
        raise ValueError("schema file ends inside a statement")


def read_schema(head: str) -> list[str] | None:
    """The statements of the schema file if it is at ``head``; None if it is missing or behind."""
    try:
        text = schema_path().read_text(encoding="utf-8")
    except OSError:
        return None
    if revision_of(text) != head:
        return None
    return list(statements(text))


def write_schema_file() -> Path:
    """Run every revision on a new temporary database and write down what they leave."""
    from sqlalchemy import create_engine

    from spbgui.store import migrate

    with tempfile.TemporaryDirectory() as tmp:
        db_file = Path(tmp) / "head.sqlite"
        engine = create_engine(f"sqlite:///{db_file}")
        try:
            migrate.upgrade(engine, db_file=db_file, had_schema=False)
        finally:
            engine.dispose()
        conn = sqlite3.connect(db_file)
        try:
            text = dump(conn, migrate.head_revision())
        finally:
            conn.close()
    path = schema_path()
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema_file())
