"""Copies of a SQLite database made with SQLite's online backup API.

Never a plain file copy: the backup API copies a consistent state even while
another connection writes, and it includes what is still in the WAL file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

BACKUP_DIR = "backups"


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def copy_database(source: Path, target: Path) -> None:
    """Copy the database at ``source`` into a new file ``target`` (replaced if it exists)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # A backup is one self-contained file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(target)


def restore_database(backup: Path, target: Path) -> None:
    """Write the backup's contents into ``target`` through the backup API (page by page, in place).

    Other connections to ``target`` see the restored state on their next read.
    """
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def make_backup(db_path: Path, reason: str, *, keep: int = 10) -> Path:
    """A copy in ``backups/`` beside the database named by time and reason; old ones pruned."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db_path) / f"{db_path.stem}-{reason}-{stamp}.sqlite"
    copy_database(db_path, target)
    prune(db_path, reason, keep=keep)
    return target


def list_backups(db_path: Path, reason: str | None = None) -> list[Path]:
    """Backups of this database, oldest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = f"{db_path.stem}-{reason}-*.sqlite" if reason else f"{db_path.stem}-*.sqlite"
    return sorted(folder.glob(pattern), key=lambda p: p.name[-30:])


def prune(db_path: Path, reason: str, *, keep: int) -> None:
    for old in list_backups(db_path, reason)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
