"""Opening database files for the window, and the figures its status bar shows.

The window imports the store through here only, so the rule «ui → services →
store» holds for it too. SQLAlchemy is imported here only when a function needs
it: the window's first screen must not wait for it (issue 17).
"""

from __future__ import annotations

import importlib
import os
import threading
from dataclasses import dataclass

from spbgui.store import first_screen
from spbgui.store.database import Database, open_database, remove_if_unused
from spbgui.store.errors import DatabaseBusy, NotADatabase

__all__ = [
    "Database",
    "DatabaseBusy",
    "NotADatabase",
    "Totals",
    "engine_modules_loaded",
    "is_empty",
    "load_engine",
    "open_records",
    "preload_engine_modules",
    "remove_if_unused",
    "server_url",
    "totals",
]


def open_records(target: str | os.PathLike[str], *, create: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at a path or URL."""
    return open_database(target, create=create)


def server_url(*, host: str, port: int, database: str, user: str, password: str) -> str:
    """A PostgreSQL address for open_records, every part quoted as the URL needs."""
    from sqlalchemy import URL

    url = URL.create(
        "postgresql+psycopg",
        username=user or None,
        password=password or None,
        host=host or None,
        port=port,
        database=database or None,
    )
    return url.render_as_string(hide_password=False)


def is_empty(*, db: Database) -> bool:
    """No regions at all: a new database, to offer an import or the sample."""
    if (conn := db.quick()) is not None:
        return first_screen.is_empty(conn)
    from sqlalchemy import func, select

    from spbgui.store.models import Region

    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Region)) == 0


@dataclass(frozen=True)
class Totals:
    regions: int
    countries: int
    partners: int
    agreements: int
    events: int  # in the year asked


def totals(*, db: Database, year: int) -> Totals:
    """Counts for the status bar (the same indexed counts as ``spbgui-cli info``)."""
    if (conn := db.quick()) is not None:
        return Totals(*first_screen.counts(conn, year))
    from spbgui.services.records import counts

    c = counts(db=db, year=year, dated=False)
    return Totals(c.regions, c.countries, c.partners, c.agreements, c.events)


def load_engine(*, db: Database) -> None:
    """Make the database's SQLAlchemy engine now and connect once (the window asks once
    its first screen is shown), so the first action does not wait for it."""
    db.engine.connect().close()


# What making the engine imports: SQLAlchemy (most of it) and the models. Imported on a
# thread of their own while the window is shown and takes its first clicks; the engine is
# then made on the window's thread in a few milliseconds instead of standing the window
# still for the whole import (a quarter of a second, more on a slow office computer).
_ENGINE_MODULES = ("sqlalchemy.orm", "spbgui.store.engine", "spbgui.store.models")
_preload: threading.Thread | None = None


def _import_engine_modules() -> None:
    for name in _ENGINE_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the import on the window's thread will say what is wrong
            return


def preload_engine_modules() -> None:
    """Start importing what the engine needs, on a thread (once per program)."""
    global _preload
    if _preload is None:
        _preload = threading.Thread(
            target=_import_engine_modules, name="spbgui-preload", daemon=True
        )
        _preload.start()


def engine_modules_loaded() -> bool:
    """Whether :func:`preload_engine_modules` is done (True if it was never started)."""
    return _preload is None or not _preload.is_alive()
