"""The first screen read with sqlite3 is the first screen read with SQLAlchemy (issue 17).

Until a database's engine is made, the services the window's first screen calls
read through store.first_screen; afterwards through SQLAlchemy as before. Both
must give the same objects for every node, partner and year of a database of
several years (tests/multiyear.py: agreements with terms, renewals, dormant
partners, countries as a whole).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import URL

from spbgui.services import databases, details, memory, tree, years
from spbgui.services.changes import NodeRef
from spbgui.store.database import Database, open_database, path_url
from tests import multiyear

TODAY = dt.date(2025, 3, 14)


def _everything(db: Database) -> dict[str, object]:
    """What every first-screen service answers for every node, partner and year."""
    out: dict[str, object] = {
        "years": years.years(db=db),
        "current": years.current(db=db, today=TODAY),
        "choices": years.choices(db=db, today=TODAY),
        "first": tree.first_partner(db=db),
        "empty": databases.is_empty(db=db),
    }
    shown = [*out["choices"], 1999]  # type: ignore[list-item]
    partners: list[NodeRef] = []
    for year in shown:
        out[f"totals {year}"] = databases.totals(db=db, year=year)
        levels = [None]
        while levels:
            parent = levels.pop()
            rows = tree.children(db=db, parent=parent, year=year)
            out[f"children {parent} {year}"] = rows
            for row in rows:
                out[f"path {row.ref}"] = tree.path(db=db, ref=row.ref)
                if row.ref.kind.value == "partner":
                    partners.append(row.ref)
                else:
                    levels.append(row.ref)
    for ref in {*partners, NodeRef.partner(10**6)}:
        out[f"partner {ref}"] = details.partner(db=db, partner_id=ref.id)
        out[f"agreements {ref}"] = details.agreements(db=db, partner_id=ref.id)
        out[f"answers {ref}"] = memory.partner_answers(db=db, partner_id=ref.id, today=TODAY)
        for year in shown:
            out[f"events {ref} {year}"] = details.events(db=db, partner_id=ref.id, year=year)
    for ref in (NodeRef.partner(10**6), NodeRef.country(10**6), NodeRef.region(10**6)):
        out[f"path {ref}"] = tree.path(db=db, ref=ref)
    return out


def _both(path: Path) -> tuple[dict[str, object], dict[str, object]]:
    quick = open_database(path)
    try:
        read_quick = _everything(quick)
        assert not quick.engine_made  # all of it was read without SQLAlchemy
    finally:
        quick.close()
    full = open_database(path)
    try:
        full.engine.connect().close()  # SQLAlchemy from the start: the services' own queries
        assert full.quick() is None
        read_full = _everything(full)
    finally:
        full.close()
    return read_quick, read_full


def _reverse_every_order(path: Path) -> None:
    """Positions no longer follow the ids: an order by id instead of position shows."""
    conn = sqlite3.connect(path)
    with conn:
        for table in ("region", "country", "partner", "agreement", "agreement_date", "event"):
            conn.execute(f"UPDATE {table} SET position = -position - id")
    conn.close()


def test_several_years_read_alike(db: Database, fixture_xlsx: Path) -> None:
    multiyear.build(db, fixture_xlsx)
    assert db.path is not None
    db.close()
    _reverse_every_order(db.path)
    quick, full = _both(db.path)
    assert len(quick) > 500 and quick["first"] is not None
    assert quick == full


def test_an_empty_database_reads_alike(db: Database) -> None:
    assert db.path is not None
    db.close()
    quick, full = _both(db.path)
    assert quick["empty"] is True and quick["years"] == [] and quick["first"] is None
    assert quick == full


def test_a_write_goes_through_the_engine_and_ends_the_quick_reads(db: Database) -> None:
    from spbgui.services import edit

    assert db.path is not None
    db.close()
    again = open_database(db.path)
    assert again.quick() is not None
    edit.add_region(db=again, name="Африка")
    assert again.engine_made and again.quick() is None
    assert [r.name for r in tree.children(db=again, parent=None, year=2024)] == ["Африка"]
    again.close()


def test_only_the_thread_that_asked_first_reads_quick(db: Database) -> None:
    assert db.path is not None
    db.close()
    again = open_database(db.path)
    assert again.quick() is not None
    elsewhere: list[object] = []
    thread = threading.Thread(target=lambda: elsewhere.append(again.quick()))
    thread.start()
    thread.join()
    assert elsewhere == [None]
    again.close()


@pytest.mark.parametrize(
    "name", ["plain.sqlite", "с пробелом.sqlite", "Отдел #2?.sqlite", "100%20+1.sqlite"]
)
def test_a_files_url_is_sqlalchemys(tmp_path: Path, name: str) -> None:
    path = (tmp_path / name).resolve()
    assert path_url(path) == URL.create("sqlite", database=str(path)).render_as_string()
    db = open_database(path)
    assert db.path == path and db.url == path_url(path)
    db.close()
