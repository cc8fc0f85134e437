"""New records get ids nobody had before, on SQLite too (revision 0015).

A row added without an id would get SQLite's ``max(id) + 1``: the id of the newest
record if that was just deleted. Before each such insert through the ORM, the id is
set past both the table's largest id and the largest one ever deleted from it
(``id_floor``, kept by triggers). Inside the write transaction, which holds SQLite's
write lock, nobody can take it meanwhile. Rows given an id (an undo, a redo, the
history's restore) keep theirs; PostgreSQL's sequences need nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Mapper


def first_free_id(connection: Connection, table: str) -> int:
    """The first id past every one ``table`` ever had (on PostgreSQL: past its largest).

    ``table`` is a model's own name, never user input. The bulk import starts its rows
    here too, so a year replaced by an import does not hand its events' ids out again.
    """
    if connection.dialect.name != "sqlite":
        top = connection.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar()
        return int(top or 0) + 1
    fresh = connection.exec_driver_sql(
        f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0), "
        "coalesce((SELECT seq FROM id_floor WHERE name = ?), 0)) + 1",
        (table,),
    ).scalar_one()
    return int(fresh)


def give_fresh_id(_mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    """``before_insert``: an id past every one the table ever had, unless one is given."""
    if target.id is not None or connection.dialect.name != "sqlite":
        return
    table = target.__tablename__
    fresh = first_free_id(connection, table)
    # The rows of one flush are inserted together after all of them were given ids:
    # the ones given before on this connection are not in the table yet.
    given: dict[str, int] = connection.info.setdefault("spbgui_fresh_ids", {})
    target.id = given[table] = max(fresh, given.get(table, 0) + 1)
