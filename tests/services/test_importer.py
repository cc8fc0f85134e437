"""Importing the committee's table: exact records, no duplicates, all or nothing, backups."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection

from spbgui.io.xlsx.read import read_table
from spbgui.services import records
from spbgui.services.importer import ImportCancelled, YearHasEvents, import_table
from spbgui.store.backup import list_backups


def assert_same_records(got: dict, expected: dict) -> None:
    """Record by record, so a failure names the record that differs."""
    assert got["regions"] == expected["regions"]
    assert len(got["countries"]) == len(expected["countries"])
    for g, e in zip(got["countries"], expected["countries"], strict=True):
        assert g == e
    for g, e in zip(got["partners"], expected["partners"], strict=True):
        assert g == e
    assert len(got["agreements"]) == len(expected["agreements"])
    for g, e in zip(got["agreements"], expected["agreements"], strict=True):
        assert {k: g[k] for k in ("country", "partner", "title", "dates")} == {
            k: e[k] for k in ("country", "partner", "title", "dates")
        }
        assert len(g["events"]) == len(e["events"]), e["title"]
        for ge, ee in zip(g["events"], e["events"], strict=True):
            assert ge == ee, (e["partner"], e["title"])
    assert got["counts"] == expected["counts"]
    assert got["year"] == expected["year"]
    assert got == expected


@pytest.fixture(scope="module")
def table_2024(fixture_xlsx: Path):
    return read_table(fixture_xlsx)


def test_fixture_import_gives_exactly_the_expected_records(db, table_2024, expected_2024) -> None:
    result = import_table(db=db, table=table_2024)
    assert result.counts == expected_2024["counts"]
    assert result.created == {
        "regions": 5,
        "countries": 26,
        "partners": 37,
        "agreements": 41,
        "events": 96,
    }
    assert_same_records(records.dump(db=db), expected_2024)
    assert_same_records(records.dump(db=db, year=2024), expected_2024)


def test_fixture_import_fills_the_sqlite_search_index(sqlite_db, table_2024) -> None:
    db = sqlite_db
    import_table(db=db, table=table_2024)
    with db.engine.connect() as conn:  # the full-text index got every new row
        indexed = conn.exec_driver_sql("SELECT count(*) FROM search_index").scalar()
        found = conn.exec_driver_sql(
            "SELECT count(*) FROM search_index WHERE search_index MATCH 'Хошимин*'"
        ).scalar()
    assert indexed == 5 + 26 + 37 + 41 + 96
    assert found >= 2


@pytest.mark.parametrize("batch", [1, 7])
def test_rows_written_in_batches_give_the_same_records_and_index(
    db, table_2024, expected_2024, batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer writes its queued rows every FLUSH_EVENTS events (memory); however small
    the batches, the records, ids, counts and the full-text index are the ones of one write."""
    from spbgui.services import importer

    monkeypatch.setattr(importer, "FLUSH_EVENTS", batch)
    written: list[int] = []
    real = importer._insert_many

    def counting(conn, table, columns, rows, bulk=None) -> None:
        if table.name == "event":
            written.append(len(rows))
        real(conn, table, columns, rows, bulk)

    monkeypatch.setattr(importer, "_insert_many", counting)
    result = import_table(db=db, table=table_2024)
    assert len(written) > 5 and sum(written) == 96  # really in batches, every event once
    assert result.created["events"] == 96
    assert_same_records(records.dump(db=db), expected_2024)
    with db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            indexed = conn.exec_driver_sql("SELECT count(*) FROM search_index").scalar()
            assert indexed == 5 + 26 + 37 + 41 + 96
            ids = conn.exec_driver_sql("SELECT min(id), max(id) FROM event").one()
            assert tuple(ids) == (1, 96)


def test_second_import_of_the_year_is_refused_and_changes_nothing(db, table_2024) -> None:
    import_table(db=db, table=table_2024)
    before = records.dump(db=db)
    with pytest.raises(YearHasEvents, match="--replace-year"):
        import_table(db=db, table=table_2024)
    assert records.dump(db=db) == before


def test_replace_year_matches_records_and_never_duplicates(db, table_2024, expected_2024) -> None:
    import_table(db=db, table=table_2024)
    result = import_table(db=db, table=table_2024, replace_year=True)
    assert result.replaced_events == 96
    assert result.created == {
        "regions": 0,
        "countries": 0,
        "partners": 0,
        "agreements": 0,
        "events": 96,
    }
    assert_same_records(records.dump(db=db), expected_2024)
    if db.path is not None:  # a file is copied first; a server keeps its own backups
        assert result.backup is not None and result.backup.exists()
    else:
        assert result.backup is None


def test_another_year_adds_events_and_keeps_the_partners(db, fixture_xlsx) -> None:
    import_table(db=db, table=read_table(fixture_xlsx))
    result = import_table(db=db, table=read_table(fixture_xlsx, year=2025))
    assert result.created["partners"] == 0 and result.created["events"] == 96
    assert records.event_years(db=db) == [2024, 2025]
    assert records.counts(db=db).partners == 37
    assert records.dump(db=db, year=2025)["counts"]["events"] == 96


def test_dry_run_changes_nothing(db, table_2024) -> None:
    result = import_table(db=db, table=table_2024, dry_run=True)
    assert result.created["partners"] == 37
    assert records.counts(db=db).regions == 0
    assert result.backup is None


def test_cancel_changes_nothing(db, table_2024) -> None:
    import_table(db=db, table=table_2024)
    before = records.dump(db=db)
    calls = iter(range(1000))
    with pytest.raises(ImportCancelled):
        import_table(
            db=db,
            table=read_table_for(2026, table_2024),
            cancelled=lambda: next(calls) > 3,
        )
    assert records.dump(db=db) == before


def read_table_for(year: int, table):
    import copy

    other = copy.deepcopy(table)
    other.year = year
    return other


def test_failure_half_way_changes_nothing(db, table_2024, monkeypatch) -> None:
    """The events' insert fails after everything else was written: all of it is rolled back."""
    import_table(db=db, table=table_2024)
    before = records.dump(db=db)
    real_execute = Connection.execute
    real_driver_sql = Connection.exec_driver_sql

    def failing_execute(self, statement, *args, **kwargs):
        if getattr(statement, "is_insert", False) and statement.table.name == "event":
            raise OSError("диск заполнен")
        return real_execute(self, statement, *args, **kwargs)

    def failing_driver_sql(self, statement, *args, **kwargs):
        if statement.startswith(("INSERT INTO event ", 'INSERT INTO "event" ')):
            raise OSError("диск заполнен")
        return real_driver_sql(self, statement, *args, **kwargs)

    monkeypatch.setattr(Connection, "execute", failing_execute)
    monkeypatch.setattr(Connection, "exec_driver_sql", failing_driver_sql)
    with pytest.raises(OSError):
        import_table(db=db, table=read_table_for(2026, table_2024))
    monkeypatch.undo()
    assert records.dump(db=db) == before
    if db.engine.dialect.name != "sqlite":
        return  # the search triggers below are SQLite's FTS5 index (the server has none)
    with db.engine.connect() as conn:  # the search triggers dropped for the bulk insert are back
        names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
        assert "search_event_insert" in {n for (n,) in names}


def test_backups_before_import_keep_the_last_ten(sqlite_db, table_2024) -> None:
    db = sqlite_db
    import_table(db=db, table=table_2024)  # a new, empty database: nothing to back up
    assert list_backups(db.path, "before-import") == []
    for _ in range(12):
        import_table(db=db, table=table_2024, replace_year=True)
    assert len(list_backups(db.path, "before-import")) == 10
