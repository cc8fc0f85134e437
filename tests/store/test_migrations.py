"""Alembic revisions: new files get the schema, old ones keep their data, newer are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from spbgui.store import migrate
from spbgui.store.backup import list_backups
from spbgui.store.database import open_database
from spbgui.store.errors import DatabaseTooNew, MigrationFailed
from spbgui.store.models import Base, is_model_object


def _at_revision(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in ("region", "country", "partner", "agreement", "agreement_date", "event"):
            out[table] = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        return out
    finally:
        conn.close()


def _seed_first_revision(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO region VALUES (1, 'Азия', 0, '');
        INSERT INTO country VALUES (1, 1, 'Вьетнам', 0, '');
        INSERT INTO partner VALUES (1, 1, 'Хошимин', 'city', 0, '');
        INSERT INTO agreement VALUES (1, 1, 'Соглашение о партнёрстве', '', 0);
        INSERT INTO agreement_date VALUES (1, 1, 0, 2005, 12, 9);
        INSERT INTO event VALUES (1, 1, 1, 2024, '2024-05-17', '2024-05-22', 'Неделя Вьетнама', 0);
        INSERT INTO event VALUES (2, 1, NULL, 2024, NULL, NULL, 'без даты', 1);
        """
    )
    conn.commit()
    conn.close()


def test_new_database_is_at_head_and_matches_the_models(db) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": is_model_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_first_revision_to_head_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    first = migrate.script().get_base()
    _at_revision(path, first)
    _seed_first_revision(path)
    before = _rows(path)
    db = open_database(path)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.close()
    # Later revisions add columns (0006: version) at the end: the old ones keep their values.
    after = {t: [r[: len(before[t][0])] for r in rows] for t, rows in _rows(path).items()}
    assert after == before
    versions = sqlite3.connect(path).execute("SELECT version FROM event").fetchall()
    assert {v for (v,) in versions} == {1}  # the version of every old record
    assert before["event"] and before["agreement_date"]
    backups = list_backups(path, "before-upgrade")
    assert len(backups) == 1
    assert _rows(backups[0]) == before  # the copy taken before the upgrade holds the data


def test_failed_upgrade_puts_the_copy_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    _at_revision(path, "0001")
    _seed_first_revision(path)
    before = _rows(path)
    real_upgrade = command.upgrade

    def half_then_fail(cfg, rev):
        real_upgrade(cfg, rev)
        cfg.attributes["connection"].exec_driver_sql("DELETE FROM event")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(command, "upgrade", half_then_fail)  # migrate imports it when needed
    with pytest.raises(MigrationFailed, match="возвращён"):
        open_database(path)
    assert _rows(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()


def test_database_newer_than_the_program_is_refused_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    db.close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="более новой версией"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()


def _seed_named(path: Path) -> None:
    """The records of :func:`_seed_first_revision` into a later schema, columns by name."""
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO region (id, name, position, note) VALUES (1, 'Азия', 0, '');
        INSERT INTO country (id, region_id, name, position, note) VALUES (1, 1, 'Вьетнам', 0, '');
        INSERT INTO partner (id, country_id, name, kind, position, note)
            VALUES (1, 1, 'Хошимин', 'city', 0, '');
        INSERT INTO agreement (id, partner_id, title, note, position)
            VALUES (1, 1, 'Соглашение о партнёрстве', '', 0);
        INSERT INTO agreement_date (id, agreement_id, position, year, month, day)
            VALUES (1, 1, 0, 2005, 12, 9);
        INSERT INTO event (id, partner_id, agreement_id, year, start, "end", text, position)
            VALUES (1, 1, 1, 2024, '2024-05-17', '2024-05-22', 'Неделя Вьетнама', 0),
                   (2, 1, NULL, 2024, NULL, NULL, 'без даты', 1);
        """
    )
    conn.commit()
    conn.close()


def test_revision_0010_keeps_the_events_of_a_0009_database_and_their_dates(
    tmp_path: Path,
) -> None:
    """A database made at 0009 opens at head with every event as it was: its dates are
    shown in the standard form as before (no written form), sorted and counted the same."""
    from spbgui.services import details, records

    path = tmp_path / "at-0009.sqlite"
    _at_revision(path, "0009")
    _seed_named(path)
    before = _rows(path)
    db = open_database(path)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        rows = details.events(db=db, partner_id=1, year=2024)
        assert [(r.date_text, r.text, r.date.written) for r in rows] == [
            ("17-22 мая", "Неделя Вьетнама", ""),
            ("", "без даты", ""),
        ]
        assert records.counts(db=db, year=2024).dated_events == 1
        assert records.dump(db=db)["agreements"][0]["events"] == [
            {"start": "2024-05-17", "end": "2024-05-22", "text": "Неделя Вьетнама"},
        ]
    finally:
        db.close()
    after = {t: [r[: len(before[t][0])] for r in rows] for t, rows in _rows(path).items()}
    assert after == before
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT date_written FROM event").fetchall() == [(None,), (None,)]
    conn.close()


def test_revision_0010_down_puts_a_date_kept_as_written_back_into_the_text(
    tmp_path: Path,
) -> None:
    """Going back to 0009 loses no words: a date that was kept only as written returns to
    the start of its event's text; written forms of understood dates fall back to start/end."""
    path = tmp_path / "down.sqlite"
    _at_revision(path, "0010")
    _seed_named(path)
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        DELETE FROM event;
        INSERT INTO event (id, partner_id, year, start, "end", date_written, text, position)
            VALUES (1, 1, 2025, NULL, NULL, 'весной', 'визит', 0),
                   (2, 1, 2025, '2025-07', '2025-09', 'III квартал', 'форум', 1);
        """
    )
    conn.commit()
    conn.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as c:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "0009")
    engine.dispose()
    conn = sqlite3.connect(path)
    rows = conn.execute('SELECT start, "end", text FROM event ORDER BY id').fetchall()
    conn.close()
    assert rows == [(None, None, "весной – визит"), ("2025-07", "2025-09", "форум")]


def test_revision_0014_scopes_the_search_index_by_year_and_goes_back(tmp_path: Path) -> None:
    """A 0013 database opens at head with every record in the index under its scope (an
    event under its year, a named record under «n»), found as before; an event moved to
    another year is found there; going back to 0013 gives the one-column index again."""
    from spbgui.services import search

    path = tmp_path / "at-0013.sqlite"
    _at_revision(path, "0013")
    _seed_named(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO event (id, partner_id, year, text, position) "
        "VALUES (3, 1, 2023, 'Неделя Ханоя', 2)"
    )
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        found = search.search(db=db, query="недел", year=2024)
        assert (found.partners, found.event_count) == ({1}, 1)
        assert [h.id for h in found.events] == [1]
        assert [h.id for h in search.search(db=db, query="недел", year=2023).events] == [3]
        assert search.search(db=db, query="недел", year=None).event_count == 2
        assert search.search(db=db, query="соглаш партнерств", year=2023).partners == {1}
        assert search.search(db=db, query="вьет", year=2022).countries == {1}
    finally:
        db.close()
    conn = sqlite3.connect(path)
    scopes = conn.execute("SELECT rowid, scope FROM search_index ORDER BY rowid").fetchall()
    assert scopes == [
        (1 * 8 + 1, "n"),  # region
        (1 * 8 + 2, "n"),  # country
        (1 * 8 + 3, "n"),  # partner
        (1 * 8 + 4, "n"),  # agreement
        (1 * 8 + 5, "y2024"),
        (2 * 8 + 5, "y2024"),
        (3 * 8 + 5, "y2023"),
    ]
    conn.execute("UPDATE event SET year = 2022 WHERE id = 3")  # the update trigger follows
    conn.commit()
    assert conn.execute(
        "SELECT rowid >> 3 FROM search_index WHERE search_index MATCH "
        '\'body : ("ханоя") AND scope : "y2022"\''
    ).fetchall() == [(3,)]
    conn.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as c:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "0013")
    engine.dispose()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA table_info(search_index)").fetchall() == [
        (0, "body", "", 0, None, 0)
    ]
    assert conn.execute(
        "SELECT rowid FROM search_index WHERE search_index MATCH '\"ханоя\"*'"
    ).fetchall() == [(3 * 8 + 5,)]
    assert conn.execute("SELECT count(*) FROM search_index").fetchone() == (7,)
    conn.close()
