"""Copies of a SQLite database made with SQLite's online backup API.

Never a plain file copy: the backup API copies a consistent state even while
another connection writes, and it includes what is still in the WAL file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
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


REASONS = ("daily", "before-import", "before-upgrade", "before-restore", "manual")
_STAMP_RE = re.compile(r"-(\d{8}-\d{6}-\d{6})\.sqlite$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    reason: str
    created: dt.datetime


def make_backup(db_path: Path, reason: str, *, keep: int = 10) -> Path:
    """A copy in ``backups/`` beside the database named by time and reason; old ones pruned."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db_path) / f"{db_path.stem}-{reason}-{stamp}.sqlite"
    copy_database(db_path, target)
    prune(db_path, reason, keep=keep)
    return target


def backups_of(db_path: Path, reason: str | None = None) -> list[BackupFile]:
    """Backups of this database with their reason and time, oldest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    prefix = f"{db_path.stem}-"
    found: list[BackupFile] = []
    for p in folder.glob(f"{db_path.stem}-*.sqlite"):
        m = _STAMP_RE.search(p.name)
        if not m or not p.name.startswith(prefix):
            continue
        kind = p.name[len(prefix) : m.start()]
        if kind not in REASONS or (reason is not None and kind != reason):
            continue
        created = dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S-%f")
        found.append(BackupFile(p, kind, created))
    return sorted(found, key=lambda b: b.created)


def list_backups(db_path: Path, reason: str | None = None) -> list[Path]:
    """Paths of this database's backups, oldest first."""
    return [b.path for b in backups_of(db_path, reason)]


def prune(db_path: Path, reason: str, *, keep: int) -> None:
    for old in list_backups(db_path, reason)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()


def backup_daily(db_path: Path, *, keep: int = 10) -> Path | None:
    """At most one copy a day, made when the program opens the database."""
    today = dt.date.today()
    if any(b.created.date() == today for b in backups_of(db_path, "daily")):
        return None
    return make_backup(db_path, "daily", keep=keep)


def replace_file_with_backup(backup: Path, db_path: Path) -> Path | None:
    """Put a backup in place of a database file that cannot be opened (e.g. a damaged one).

    The damaged file and its WAL are kept beside it, renamed, never deleted. Returns the
    damaged file's new name.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    moved: Path | None = None
    for suffix in ("", "-wal", "-shm"):
        f = db_path.with_name(db_path.name + suffix)
        if f.exists():
            target = f.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}{suffix}")
            f.replace(target)
            if suffix == "":
                moved = target
    copy_database(backup, db_path)
    return moved
