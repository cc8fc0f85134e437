"""What the window's first screen shows, read from a SQLite file with the stdlib sqlite3.

Importing SQLAlchemy costs more than a whole bare Qt window (issue 17), and the
first screen needs none of its power: the years, one level of the tree, the
first partner with its agreements and events, the status bar's counts. So,
until the program has made its SQLAlchemy engine (right after the window is
shown), the services read these through here, over a read-only connection of
their own, and turn the plain rows into the objects they always return. Each
query is the SQL the services' SQLAlchemy statements issue, row for row, in the
same order (tests/store/test_first_screen.py holds the two together).
"""

from __future__ import annotations

import sqlite3
from typing import Any

Row = tuple[Any, ...]


def years(conn: sqlite3.Connection) -> list[int]:
    """Every year of the table (with events, or started), oldest first."""
    with_events = {y for (y,) in conn.execute("SELECT DISTINCT year FROM event")}
    started = {y for (y,) in conn.execute("SELECT year FROM table_year")}
    return sorted(with_events | started)


def _pairs(conn: sqlite3.Connection, sql: str, *args: object) -> dict[int, int]:
    return {k: v for k, v in conn.execute(sql, args)}


def regions(conn: sqlite3.Connection, year: int) -> list[tuple[int, str, str, int, int]]:
    """(id, name, note, events of the year, countries) of every region, in order."""
    n_countries = _pairs(conn, "SELECT region_id, count(*) FROM country GROUP BY region_id")
    n_events = _pairs(
        conn,
        "SELECT country.region_id, sum(pp.n) FROM "
        "(SELECT partner_id, count(*) AS n FROM event WHERE year = ? GROUP BY partner_id) AS pp "
        "JOIN partner ON partner.id = pp.partner_id "
        "JOIN country ON country.id = partner.country_id GROUP BY country.region_id",
        year,
    )
    rows = conn.execute("SELECT id, name, note FROM region ORDER BY position, id")
    return [(i, name, note, n_events.get(i, 0), n_countries.get(i, 0)) for i, name, note in rows]


def countries(
    conn: sqlite3.Connection, region_id: int, year: int
) -> list[tuple[int, str, str, int, int]]:
    """(id, name, note, events of the year, partners) of a region's countries, in order."""
    in_region = "SELECT id FROM country WHERE region_id = ?"
    n_partners = _pairs(
        conn,
        f"SELECT country_id, count(*) FROM partner WHERE country_id IN ({in_region}) "
        "GROUP BY country_id",
        region_id,
    )
    n_events = _pairs(
        conn,
        "SELECT partner.country_id, sum(pp.n) FROM "
        "(SELECT partner_id, count(*) AS n FROM event WHERE year = ? AND partner_id IN "
        f"(SELECT id FROM partner WHERE country_id IN ({in_region})) GROUP BY partner_id) AS pp "
        "JOIN partner ON partner.id = pp.partner_id "
        f"WHERE partner.country_id IN ({in_region}) GROUP BY partner.country_id",
        year,
        region_id,
        region_id,
    )
    rows = conn.execute(
        "SELECT id, name, note FROM country WHERE region_id = ? ORDER BY position, id",
        (region_id,),
    )
    return [(i, name, note, n_events.get(i, 0), n_partners.get(i, 0)) for i, name, note in rows]


def partners(
    conn: sqlite3.Connection, country_id: int, year: int
) -> list[tuple[int, str, str, str, int]]:
    """(id, name, kind, note, events of the year) of a country's partners, in order; a country
    as a whole carries its country's name."""
    found = conn.execute("SELECT name FROM country WHERE id = ?", (country_id,)).fetchone()
    country_name = (found[0] if found else None) or ""
    n_events = _pairs(
        conn,
        "SELECT partner_id, count(*) FROM event WHERE partner_id IN "
        "(SELECT id FROM partner WHERE country_id = ?) AND year = ? GROUP BY partner_id",
        country_id,
        year,
    )
    rows = conn.execute(
        "SELECT id, name, kind, note FROM partner WHERE country_id = ? ORDER BY position, id",
        (country_id,),
    )
    return [
        (i, name if name is not None else country_name, kind, note, n_events.get(i, 0))
        for i, name, kind, note in rows
    ]


def first_partner(conn: sqlite3.Connection) -> int | None:
    row = conn.execute(
        "SELECT partner.id FROM partner JOIN country ON country.id = partner.country_id "
        "JOIN region ON region.id = country.region_id "
        "ORDER BY region.position, region.id, country.position, country.id, "
        "partner.position, partner.id LIMIT 1"
    ).fetchone()
    return int(row[0]) if row else None


def _one(conn: sqlite3.Connection, sql: str, *args: object) -> Any:
    row = conn.execute(sql, args).fetchone()
    return row[0] if row else None


def partner_country(conn: sqlite3.Connection, partner_id: int) -> int | None:
    return _one(conn, "SELECT country_id FROM partner WHERE id = ?", partner_id)  # type: ignore[no-any-return]


def country_region(conn: sqlite3.Connection, country_id: int) -> int | None:
    return _one(conn, "SELECT region_id FROM country WHERE id = ?", country_id)  # type: ignore[no-any-return]


def region_exists(conn: sqlite3.Connection, region_id: int) -> bool:
    return _one(conn, "SELECT id FROM region WHERE id = ?", region_id) is not None


def counts(conn: sqlite3.Connection, year: int) -> tuple[int, int, int, int, int]:
    """Regions, countries, partners, agreements, and events of ``year``."""
    tables = ("region", "country", "partner", "agreement")
    n = [int(_one(conn, f"SELECT count(*) FROM {t}")) for t in tables]
    events = int(_one(conn, "SELECT count(*) FROM event WHERE year = ?", year))
    return n[0], n[1], n[2], n[3], events


def is_empty(conn: sqlite3.Connection) -> bool:
    """No regions at all."""
    return int(_one(conn, "SELECT count(*) FROM region")) == 0


def partner(conn: sqlite3.Connection, partner_id: int) -> Row | None:
    """(id, name, kind, note, country id, country, region id, region, version)."""
    row: Row | None = conn.execute(
        "SELECT partner.id, partner.name, partner.kind, partner.note, country.id, country.name, "
        "region.id, region.name, partner.version FROM partner "
        "JOIN country ON country.id = partner.country_id "
        "JOIN region ON region.id = country.region_id WHERE partner.id = ?",
        (partner_id,),
    ).fetchone()
    return row


def agreement_dates(
    conn: sqlite3.Connection, agreement_ids: list[int]
) -> dict[int, list[tuple[int, int | None, int | None]]]:
    """The dates (year, month, day) of these agreements, each in the order written."""
    out: dict[int, list[tuple[int, int | None, int | None]]] = {}
    if not agreement_ids:
        return out
    marks = ", ".join("?" * len(agreement_ids))
    for aid, y, m, d in conn.execute(
        "SELECT agreement_id, year, month, day FROM agreement_date "
        f"WHERE agreement_id IN ({marks}) ORDER BY agreement_id, position, id",
        agreement_ids,
    ):
        out.setdefault(aid, []).append((y, m, d))
    return out


def agreements(conn: sqlite3.Connection, partner_id: int) -> list[Row]:
    """(id, title, note, version) of a partner's agreements, in order."""
    return conn.execute(
        "SELECT id, title, note, version FROM agreement WHERE partner_id = ? ORDER BY position, id",
        (partner_id,),
    ).fetchall()


EVENT_COLUMNS = 'id, year, start, "end", date_written, text, agreement_id, version'


def events(conn: sqlite3.Connection, partner_id: int, year: int) -> list[Row]:
    """A partner's events of a year (:data:`EVENT_COLUMNS`), in the table's order."""
    return conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM event WHERE partner_id = ? AND year = ? "
        "ORDER BY position, id",
        (partner_id, year),
    ).fetchall()


def events_per_year(conn: sqlite3.Connection, partner_id: int) -> dict[int, int]:
    return _pairs(
        conn,
        "SELECT year, count(*) FROM event WHERE partner_id = ? GROUP BY year ORDER BY year",
        partner_id,
    )


def last_event(conn: sqlite3.Connection, partner_id: int, year: int) -> Row:
    """(start, end, date as written, text) of the latest dated event of the year (an
    undated one if none is)."""
    row: Row = conn.execute(
        'SELECT start, "end", date_written, text FROM event WHERE partner_id = ? AND year = ? '
        'ORDER BY "end" IS NULL, "end" DESC, position DESC LIMIT 1',
        (partner_id, year),
    ).fetchone()
    return row


def agreement_facts(conn: sqlite3.Connection, partner_id: int) -> list[Row]:
    """(id, partner id, partner, country, region, title, term start, term end, status,
    version) of a partner's agreements, in the table's order."""
    return conn.execute(
        "SELECT agreement.id, agreement.partner_id, partner.name, country.name, region.name, "
        "agreement.title, agreement.term_start, agreement.term_end, agreement.status, "
        "agreement.version FROM agreement JOIN partner ON partner.id = agreement.partner_id "
        "JOIN country ON country.id = partner.country_id "
        "JOIN region ON region.id = country.region_id WHERE agreement.partner_id = ? "
        "ORDER BY region.position, region.id, country.position, country.id, "
        "agreement.position, agreement.id",
        (partner_id,),
    ).fetchall()
