"""File → Backups…: the copies kept beside the database, a copy on demand, and restoring one.

Every restore first backs up the current state, so a restore can itself be undone
by restoring that copy.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from spbgui.store import backup as store_backup
from spbgui.store.database import Database
from spbgui.store.errors import DatabaseDamaged, StoreError
from spbgui.store.sqlite_file import connect_readonly

__all__ = [
    "BackupInfo",
    "DatabaseDamaged",
    "backup_now",
    "folder",
    "list_backups",
    "newest_good_backup",
    "restore_backup",
    "restore_damaged",
]

KEEP = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    reason: str  # daily, before-import, before-upgrade, before-restore, manual
    created: dt.datetime
    counts: dict[str, int] | None  # None: the copy cannot be read

    @property
    def readable(self) -> bool:
        return self.counts is not None


def _counts(path: Path) -> dict[str, int] | None:
    try:
        conn = connect_readonly(path)
        try:
            out = {}
            for table, key in (
                ("region", "regions"), ("country", "countries"), ("partner", "partners"),
                ("agreement", "agreements"), ("event", "events"),
            ):  # fmt: skip
                out[key] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            return out
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _file_of(db: Database) -> Path:
    if db.path is None:
        raise StoreError("Резервные копии делаются только для базы данных в файле.")
    return db.path


def folder(*, db: Database) -> Path:
    """Where this database's copies are kept (a folder of its own, named by its file)."""
    return store_backup.backup_dir(_file_of(db))


def list_backups(*, db: Database) -> list[BackupInfo]:
    """Newest first, each with what it holds."""
    files = store_backup.backups_of(_file_of(db))
    return [BackupInfo(b.path, b.reason, b.created, _counts(b.path)) for b in reversed(files)]


def backup_now(*, db: Database) -> BackupInfo:
    path = store_backup.make_backup(_file_of(db), "manual", keep=KEEP)
    b = store_backup.backups_of(_file_of(db), "manual")[-1]
    assert b.path == path
    return BackupInfo(b.path, b.reason, b.created, _counts(b.path))


def restore_backup(*, db: Database, backup: Path) -> Path:
    """Bring the database back to the state of ``backup``; returns the copy of the state before."""
    target = _file_of(db)
    if store_backup.backup_dir(target) != backup.parent or _counts(backup) is None:
        raise StoreError(f"Копия «{backup.name}» не читается или не относится к этой базе.")
    before = store_backup.make_backup(target, "before-restore", keep=KEEP)
    db.engine.dispose()  # no pooled connection keeps an old snapshot
    store_backup.restore_database(backup, target)
    return before


def newest_good_backup(path: Path) -> Path | None:
    """For a damaged database: the newest copy that passes SQLite's integrity check."""
    from spbgui.store.integrity import check_file

    for b in reversed(store_backup.backups_of(path)):
        if check_file(b.path) is None:
            return b.path
    return None


def restore_damaged(path: Path, backup: Path) -> Path | None:
    """Replace a damaged database file with a backup; the damaged file is kept, renamed."""
    return store_backup.replace_file_with_backup(backup, path)
