"""Bringing a database to the program's schema with the Alembic revisions in ``db/``.

A new file gets the schema; an older one is upgraded after a backup copy (SQLite
cannot roll back every schema change, so a failed upgrade puts the copy back);
a database newer than the program, or a file that is not ours, is refused before
anything is written to it.

Alembic is imported only to run an upgrade (or by the tests), and SQLAlchemy only
with it: a database at the head revision, the common case, is recognised from the
revision files' names (``db/versions/NNNN_*.py``, whose revision id is NNNN; a test
holds the two together), so the program starts without loading Alembic.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spbgui.paths import migrations_dir
from spbgui.store.backup import make_backup, restore_database
from spbgui.store.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    MigrationFailed,
    NotADatabase,
    StoreError,
    sqlite_error,
    unreadable,
)
from spbgui.store.sqlite_file import (
    BUSY_TIMEOUT_MS,
    connect_file,
    connect_readonly,
    switch_to_wal,
)

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Engine

SQLITE_MAGIC = b"SQLite format 3\x00"
_REVISION_FILE = re.compile(r"(\d{4})_\w+\.py")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@functools.cache
def known_revisions() -> tuple[str, ...]:
    """The revision ids the program has, oldest first, from the names of their files."""
    names = (p.name for p in (migrations_dir() / "versions").iterdir())
    return tuple(sorted(m.group(1) for n in names if (m := _REVISION_FILE.fullmatch(n))))


def head_revision() -> str:
    """The newest revision: what a database must be at to open without an upgrade."""
    return known_revisions()[-1]


@dataclass(frozen=True)
class FileState:
    """What a SQLite file holds, read without writing a byte to it."""

    exists: bool
    empty: bool  # no tables at all: a new database
    revision: str | None


def probe_sqlite_file(path: Path) -> FileState:
    """Look at a file read-only: is it a SQLite database of ours, and at which revision?"""
    if path.exists() and not path.is_file() and not path.is_dir():
        # A named pipe or a device (/dev/null) reads as an empty file: not a new database.
        raise NotADatabase(
            f"«{path}» — не файл базы данных (это устройство или канал). Выберите файл."
        )
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists(), empty=True, revision=None)
    if path.is_dir():
        raise NotADatabase(f"«{path}» — это папка, а не файл базы данных.")
    try:
        with path.open("rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise NotADatabase(f"Не удалось прочитать файл «{path}»: {exc.strerror}.") from exc
    if magic != SQLITE_MAGIC:
        raise NotADatabase(f"Файл «{path.name}» — не база данных программы. Выберите другой файл.")
    try:
        conn = connect_readonly(path)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if (outside := unreadable(path.name, exc)) is not None:
            raise outside from exc
        raise DatabaseDamaged(
            f"Файл базы данных «{path.name}» повреждён, и программа не будет в него писать. "
            "Восстановите последнюю исправную резервную копию (Файл → Резервные копии…).",
            path=path,
            detail=str(exc),
        ) from exc
    if tables and revision is None:
        raise NotADatabase(
            f"Файл «{path.name}» — база данных другой программы. Выберите другой файл."
        )
    return FileState(exists=True, empty=not tables, revision=revision)


def check_revision(revision: str | None, where: str) -> None:
    """Refuse a database written by a newer program (a revision we do not know)."""
    if revision is None or revision in known_revisions():
        return
    raise DatabaseTooNew(
        f"База данных «{where}» создана более новой версией программы. "
        "Обновите программу, чтобы открыть её; файл не изменён."
    )


def upgrade(
    engine: Engine,
    *,
    db_file: Path | None = None,
    had_schema: bool = False,
) -> None:
    """Run the revisions up to head. An existing file is backed up first and restored on failure.

    (A new SQLite file gets the head schema from the schema file instead, without
    Alembic: :func:`create_new_file`, which store.database tries first.)
    """
    backup: Path | None = None
    if db_file is not None and had_schema:
        backup = make_backup(db_file, "before-upgrade")
    from alembic import command
    from sqlalchemy.exc import OperationalError

    from spbgui.store.engine import translate_error

    try:
        # BEGIN IMMEDIATE on SQLite: a second program creating the same new file waits for
        # the first one's lock instead of failing half-way with «database is locked»; once it
        # has the lock, Alembic finds the schema made and has nothing left to do.
        with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        # The driver's own words, never the SQL statement SQLAlchemy appends to them.
        reason = getattr(exc, "orig", None) or exc
        if isinstance(exc, OperationalError):
            translated = translate_error(exc)
            if isinstance(translated, StoreError) and backup is None:
                raise translated from exc
        if backup is not None and db_file is not None:
            engine.dispose()
            restore_database(backup, db_file)
            raise MigrationFailed(
                f"Не удалось обновить базу данных «{db_file.name}»: {reason}. "
                f"Файл возвращён в прежнее состояние (копия: {backup})."
            ) from exc
        raise MigrationFailed(f"Не удалось подготовить базу данных: {reason}") from exc


def create_new_file(path: Path) -> bool:
    """Give a new, empty SQLite file the head schema from the schema file, with the stdlib
    sqlite3 (no SQLAlchemy, no Alembic: a first start opens its new file at once).

    False when the schema file is missing or behind the revisions, or the file is not
    empty after all: then the revisions decide. Another program making the same new file
    at the same moment is waited for, and its schema taken as made if it is at head.
    """
    from spbgui.store.schema_file import read_schema

    statements = read_schema(head_revision())
    if statements is None:
        return False
    try:
        conn = connect_file(path)
    except sqlite3.Error as exc:
        raise MigrationFailed(f"Не удалось подготовить базу данных: {exc}") from exc
    try:
        conn.isolation_level = None  # our own BEGIN and COMMIT
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        switch_to_wal(conn)
        # BEGIN IMMEDIATE, as for the revisions: a second program creating the same file
        # waits for the first one's lock, then finds the schema made.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                return _at_head(conn)
            for statement in statements:
                conn.execute(statement)
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        translated = sqlite_error(exc)
        if translated is not None:
            raise translated from exc
        raise MigrationFailed(f"Не удалось подготовить базу данных: {exc}") from exc
    finally:
        conn.close()
    return True


def _at_head(conn: sqlite3.Connection) -> bool:
    """Whether the schema another program made is the head revision's."""
    made = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()[0]
    if not made:
        return False
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row is not None and row[0] == head_revision()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return MigrationContext.configure(conn).get_current_revision()
