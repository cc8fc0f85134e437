"""A new database made from db/schema_sqlite.sql is exactly what the Alembic revisions make."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from spbgui.store import migrate, schema_file
from spbgui.store.database import open_database


def _schema(path: Path) -> tuple[list[tuple[str, str, str, str]], dict[str, list[tuple]]]:
    conn = sqlite3.connect(path)
    try:
        master = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
        ).fetchall()
        rows = dict(schema_file.table_rows(conn))
        rows["search_index_config"] = conn.execute("SELECT * FROM search_index_config").fetchall()
    finally:
        conn.close()
    return master, rows


def _by_revisions(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        migrate.upgrade(engine, db_file=path, had_schema=False)
    finally:
        engine.dispose()


def test_the_schema_file_is_at_the_head_revision() -> None:
    text = schema_file.schema_path().read_text(encoding="utf-8")
    assert schema_file.revision_of(text) == migrate.head_revision(), (
        "db/schema_sqlite.sql is behind the revisions: run `python -m spbgui.store.schema_file`"
    )


def test_a_new_database_from_the_file_equals_the_revisions_schema_and_rows(tmp_path: Path) -> None:
    _by_revisions(tmp_path / "revisions.sqlite")
    db = open_database(tmp_path / "file.sqlite")  # the program's own way: the file
    db.close()
    assert _schema(tmp_path / "file.sqlite") == _schema(tmp_path / "revisions.sqlite"), (
        "a new database made from db/schema_sqlite.sql differs from the revisions': "
        "run `python -m spbgui.store.schema_file`"
    )


def test_the_file_is_what_the_generator_writes_now(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(schema_file, "schema_path", lambda: tmp_path / "schema.sql")
    schema_file.write_schema_file()
    shipped = (migrate.migrations_dir() / "schema_sqlite.sql").read_text(encoding="utf-8")
    assert (tmp_path / "schema.sql").read_text(encoding="utf-8") == shipped


def test_a_new_database_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; from spbgui.store.database import open_database; "
        f"open_database({str(tmp_path / 'new.sqlite')!r}).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_file_another_program_made_meanwhile_is_taken_as_made(tmp_path: Path) -> None:
    """Two programs creating one new file: the one that waited finds the schema at head and
    has nothing to do (no second schema, no Alembic)."""
    path = tmp_path / "new.sqlite"
    open_database(path).close()  # the other program, first to the lock
    before = _schema(path)
    assert migrate.create_new_file(path) is True
    assert _schema(path) == before


def test_a_schema_file_behind_the_revisions_leaves_it_to_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old.sql"
    text = schema_file.schema_path().read_text(encoding="utf-8")
    old.write_text(text.replace(f"-- revision {migrate.head_revision()}", "-- revision 0001"))
    monkeypatch.setattr(schema_file, "schema_path", lambda: old)
    db = open_database(tmp_path / "new.sqlite")
    db.close()
    _by_revisions(tmp_path / "revisions.sqlite")
    assert _schema(tmp_path / "new.sqlite") == _schema(tmp_path / "revisions.sqlite")


def test_statements_keep_a_triggers_semicolons() -> None:
    text = (
        "-- revision 9\n\nCREATE TABLE t (a);\n\n"
        "CREATE TRIGGER x AFTER INSERT ON t BEGIN\nSELECT 1; SELECT 2;\nEND;\n"
    )
    assert [s.split()[1] for s in schema_file.statements(text)] == ["TABLE", "TRIGGER"]
    with pytest.raises(ValueError):
        list(schema_file.statements("CREATE TABLE t (a"))
