"""Opening database files for the window, and the figures its status bar shows.

The window imports the store through here only, so the rule «ui → services →
store» holds for it too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import URL, func, select

from spbgui.services.records import counts
from spbgui.store.database import Database, open_database
from spbgui.store.errors import DatabaseBusy
from spbgui.store.models import Region

__all__ = ["Database", "DatabaseBusy", "Totals", "is_empty", "open_records", "server_url", "totals"]


def open_records(target: str | os.PathLike[str], *, create: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at a path or URL."""
    return open_database(target, create=create)


def server_url(*, host: str, port: int, database: str, user: str, password: str) -> str:
    """A PostgreSQL address for open_records, every part quoted as the URL needs."""
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
    c = counts(db=db, year=year, dated=False)
    return Totals(c.regions, c.countries, c.partners, c.agreements, c.events)
