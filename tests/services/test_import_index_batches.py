"""The import's full-text index, made batch by batch on a thread while the next batch is queued.

SQLite builds the index of a batch without Python's lock (issue 17): these tests hold
that the index is the one a single statement makes, that the batches really overlap
the writer's work, and that a failure on either side leaves the database as it was.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import threading
from pathlib import Path

import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.services import importer, records
from spbgui.services.importer import ImportCancelled, import_table
from spbgui.store import search_index
from spbgui.store.database import Database, open_database

QUERIES = ["Хошимин*", "визит*", "делегац* AND Санкт*", "г*", "scope:y2024 AND форум*", "ко*"]


@pytest.fixture(scope="module")
def table_2024(fixture_xlsx: Path):
    return read_table(fixture_xlsx)


def _index(db: Database) -> dict[str, object]:
    with db.engine.connect() as conn:
        sql = conn.exec_driver_sql
        return {
            "rows": sql("SELECT rowid, body, scope FROM search_index ORDER BY rowid").all(),
            "found": {
                q: sql(
                    "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid", (q,)
                ).all()
                for q in QUERIES
            },
            "triggers": sorted(
                n for (n,) in sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            ),
        }


def _integrity_ok(db: Database) -> None:
    with db.engine.begin() as conn:  # raises if the index and its rows disagree
        conn.exec_driver_sql(
            "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)"
        )


def test_the_index_of_many_batches_is_the_index_of_one(
    tmp_path: Path, table_2024, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = open_database(tmp_path / "one.sqlite")
    many = open_database(tmp_path / "many.sqlite")
    batches: list[dict[str, tuple[int, int]]] = []
    real = search_index.BulkIndex._write

    def recording(self, inserts, batch) -> None:
        if batch:
            batches.append(dict(batch))
        real(self, inserts, batch)

    try:
        import_table(db=one, table=table_2024)
        monkeypatch.setattr(importer, "FLUSH_EVENTS", 7)
        monkeypatch.setattr(search_index.BulkIndex, "_write", recording)
        import_table(db=many, table=table_2024)
        assert len(batches) > 5  # really batch by batch
        ends = [b["event"] for b in batches if "event" in b]
        assert all(a[1] == b[0] for a, b in itertools.pairwise(ends))  # no gap, no twice
        assert _index(many) == _index(one)
        assert records.dump(db=many) == records.dump(db=one)
        _integrity_ok(many)
    finally:
        one.close()
        many.close()


def test_a_batch_is_indexed_while_the_writer_queues_the_next(
    sqlite_db: Database, table_2024, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first batch's indexing is held until the writer has queued a row after it: were
    the index made in the writer's thread, that row would never come (and the test would
    fail on its timeout, not hang)."""
    monkeypatch.setattr(importer, "FLUSH_EVENTS", 7)
    queued_meanwhile = threading.Event()
    indexing = threading.Event()
    threads: set[str] = set()
    real_index = search_index.BulkIndex._write
    real_agreement = importer._Writer._agreement

    def held_index(self, inserts, batch) -> None:
        threads.add(threading.current_thread().name)
        if not indexing.is_set():
            indexing.set()
            assert queued_meanwhile.wait(10), "the writer waited for the index"
        real_index(self, inserts, batch)

    def agreement(self, *args) -> None:
        if indexing.is_set():
            queued_meanwhile.set()
        real_agreement(self, *args)

    monkeypatch.setattr(search_index.BulkIndex, "_write", held_index)
    monkeypatch.setattr(importer._Writer, "_agreement", agreement)
    result = import_table(db=sqlite_db, table=table_2024)
    assert queued_meanwhile.is_set()
    assert threading.current_thread().name not in threads
    assert result.created["events"] == 96
    assert len(_index(sqlite_db)["rows"]) == 5 + 26 + 37 + 41 + 96
    _integrity_ok(sqlite_db)


def _another_year(table, year: int):
    other = copy.deepcopy(table)
    other.year = year
    return other


def test_a_failure_while_indexing_leaves_the_database_as_it_was(
    sqlite_db: Database, table_2024, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_table(db=sqlite_db, table=table_2024)
    before, index_before = records.dump(db=sqlite_db), _index(sqlite_db)
    monkeypatch.setattr(importer, "FLUSH_EVENTS", 7)
    calls = iter(range(1000))
    real = search_index.BulkIndex._write

    def failing(self, inserts, batch) -> None:
        if next(calls) == 2:
            raise OSError("диск заполнен")
        real(self, inserts, batch)

    monkeypatch.setattr(search_index.BulkIndex, "_write", failing)
    with pytest.raises(OSError, match="диск заполнен"):
        import_table(db=sqlite_db, table=_another_year(table_2024, 2026))
    monkeypatch.undo()
    assert records.dump(db=sqlite_db) == before
    assert _index(sqlite_db) == index_before  # the dropped insert triggers are back too
    _integrity_ok(sqlite_db)


def test_a_cancel_while_a_batch_is_indexed_leaves_the_database_as_it_was(
    sqlite_db: Database, table_2024, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel pressed while the index thread works: the rollback waits for its statement."""
    import_table(db=sqlite_db, table=table_2024)
    before, index_before = records.dump(db=sqlite_db), _index(sqlite_db)
    monkeypatch.setattr(importer, "FLUSH_EVENTS", 7)
    stop = threading.Event()
    indexing = threading.Event()
    real = search_index.BulkIndex._write

    def slow(self, inserts, batch) -> None:
        indexing.set()
        stop.wait(10)  # still indexing when the cancel is seen
        real(self, inserts, batch)

    def cancelled() -> bool:
        if indexing.is_set():
            stop.set()
            return True
        return False

    monkeypatch.setattr(search_index.BulkIndex, "_write", slow)
    with pytest.raises(ImportCancelled):
        import_table(db=sqlite_db, table=_another_year(table_2024, 2026), cancelled=cancelled)
    monkeypatch.undo()
    assert records.dump(db=sqlite_db) == before
    assert _index(sqlite_db) == index_before
    _integrity_ok(sqlite_db)


def test_an_sqlite_without_json_functions_writes_the_same_database(
    tmp_path: Path, table_2024, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows go to the writing thread as one JSON text per table (json_each); an SQLite
    built without its JSON functions (an option before 3.38) gets them bound row by row."""
    as_json = open_database(tmp_path / "json.sqlite")
    bound = open_database(tmp_path / "bound.sqlite")
    statements: list[str] = []
    real = search_index.BulkIndex._write

    def recording(self, inserts, batch) -> None:
        statements.extend(into + select for into, select, _rows in inserts)
        real(self, inserts, batch)

    try:
        monkeypatch.setattr(importer, "FLUSH_EVENTS", 7)
        monkeypatch.setattr(search_index.BulkIndex, "_write", recording)
        import_table(db=as_json, table=table_2024)
        assert any("json_each" in s for s in statements)
        statements.clear()
        monkeypatch.setattr(search_index, "_has_json", lambda conn: False)
        import_table(db=bound, table=table_2024)
        assert statements == []
        assert _index(bound) == _index(as_json)
        assert records.dump(db=bound) == records.dump(db=as_json)
        with as_json.engine.connect() as a, bound.engine.connect() as b:
            for table in ("partner", "agreement", "agreement_date", "event"):
                sql = f"SELECT * FROM {table} ORDER BY id"
                assert a.exec_driver_sql(sql).all() == b.exec_driver_sql(sql).all()
    finally:
        as_json.close()
        bound.close()


def test_the_switch_interval_is_short_while_the_rows_are_written_and_put_back(
    sqlite_db: Database, table_2024, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writing thread takes Python's lock between statements: at the default interval
    (5 ms) each time waited behind the reading thread. It is shortened for the import only,
    and put back however the import ends."""
    import sys

    default = sys.getswitchinterval()
    seen: list[float] = []
    real = search_index.BulkIndex._write

    def recording(self, inserts, batch) -> None:
        seen.append(sys.getswitchinterval())
        real(self, inserts, batch)

    monkeypatch.setattr(importer, "FLUSH_EVENTS", 7)
    monkeypatch.setattr(search_index.BulkIndex, "_write", recording)
    import_table(db=sqlite_db, table=table_2024)
    assert seen and max(seen) <= search_index.SWITCH_INTERVAL < default
    assert sys.getswitchinterval() == default
    with pytest.raises(ImportCancelled):
        import_table(db=sqlite_db, table=_another_year(table_2024, 2026), cancelled=lambda: True)
    assert sys.getswitchinterval() == default


def test_no_statement_runs_beside_a_batch_being_written(
    tmp_path: Path, table_2024, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection serves one statement at a time: while the writing thread writes a
    batch, the importer's thread sends nothing through it (the end of the import once
    asked for the tables' last ids before the last batch was done)."""
    from sqlalchemy import event

    db = open_database(tmp_path / "db.sqlite")
    writing: list[threading.Thread] = []  # the thread writing a batch, while it does
    beside: list[str] = []
    real = search_index.BulkIndex._write

    def slow(self, inserts, batch) -> None:
        writing.append(threading.current_thread())
        try:
            threading.Event().wait(0.05)  # long enough for a statement sent beside it
            real(self, inserts, batch)
        finally:
            writing.remove(threading.current_thread())

    def sent(conn, cursor, statement, parameters, context, executemany) -> None:
        if any(t is not threading.current_thread() for t in writing):
            beside.append(statement)

    monkeypatch.setattr(importer, "FLUSH_EVENTS", 20)
    monkeypatch.setattr(search_index.BulkIndex, "_write", slow)
    event.listen(db.engine, "before_cursor_execute", sent)
    try:
        import_table(db=db, table=table_2024)
        assert beside == []
        _integrity_ok(db)
    finally:
        event.remove(db.engine, "before_cursor_execute", sent)
        db.close()


def test_a_nul_in_a_text_is_written_whole(tmp_path: Path, table_2024) -> None:
    """SQLite's JSON functions end a text at a NUL: «нуль \\x00 тут» was stored as «нуль ».
    The table rules drop such characters from a file's cells; a table given otherwise (a
    paste, a program) is written as it is, the same as row by row."""
    table = copy.deepcopy(table_2024)
    partner = table.regions[0].countries[0].partners[0]
    agreement = partner.agreements[0]
    agreement.title = "Соглашение \x00 о сотрудничестве"
    agreement.events[0] = dataclasses.replace(agreement.events[0], text="нуль \x00 тут")
    db = open_database(tmp_path / "nul.sqlite")
    try:
        import_table(db=db, table=table)
        with db.engine.connect() as conn:
            texts = {r[0] for r in conn.exec_driver_sql("SELECT text FROM event")}
            titles = {r[0] for r in conn.exec_driver_sql("SELECT title FROM agreement")}
        assert "нуль \x00 тут" in texts
        assert "Соглашение \x00 о сотрудничестве" in titles
        _integrity_ok(db)
    finally:
        db.close()
