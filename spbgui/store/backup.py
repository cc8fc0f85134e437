"""Copies of a SQLite database made with SQLite's online backup API.

Never a plain file copy: the backup API copies a consistent state even while
another connection writes, and it includes what is still in the WAL file.

Each database keeps its copies in a folder of its own, named by the database's
full file name: ``backups/cities.sqlite/daily-20260101-120000-000000.sqlite``.
So ``x.sqlite`` and ``x.db`` in one folder never see, restore or prune each
other's copies. Copies made by earlier versions (``backups/x-daily-….sqlite``,
named by the stem only) are moved into the folder of the one database they can
belong to; where two databases share the stem they are left where they are and
listed for neither (nobody can tell whose they are).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from spbgui.store.errors import DatabaseBusy, StoreError
from spbgui.store.sqlite_file import BUSY_TIMEOUT_MS, connect_file, connect_readonly

BACKUP_DIR = "backups"
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupFailed(StoreError):
    """A copy could not be written (the folder is read-only, the disk is full, …)."""


def backups_root(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def backup_dir(db_path: Path) -> Path:
    """The folder of this database's copies: keyed by its full file name, not the stem."""
    return backups_root(db_path) / db_path.name


def copy_database(source: Path, target: Path) -> None:
    """Copy the database at ``source`` into a new file ``target`` (replaced if it exists)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = connect_readonly(source)
    try:
        dst = connect_file(tmp)
        try:
            src.backup(dst)
            # A backup is one self-contained file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(target)


RESTORE_WAIT_MS = BUSY_TIMEOUT_MS  # as long as any write waits for another program's lock


def restore_database(backup: Path, target: Path) -> None:
    """Write the backup's contents into ``target`` through the backup API (in place, in one
    step: all of it or nothing).

    Other connections to ``target`` see the restored state on their next read. While
    another program holds the write lock, Python's ``backup()`` would try again for ever
    (the window stood still until that program let go, a database browser with changes
    not written never does): it waits as long as a write would, then raises
    :class:`DatabaseBusy` with ``target`` as it was.
    """
    deadline = time.monotonic() + RESTORE_WAIT_MS / 1000

    def give_up_when_locked_too_long(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise DatabaseBusy(
                "База данных занята другой программой, копия не восстановлена; данные "
                "остались как были. Закройте другую программу (или дождитесь, пока она "
                "закончит) и повторите."
            )

    src = connect_readonly(backup)
    try:
        dst = connect_file(target)
        try:
            dst.execute(f"PRAGMA busy_timeout = {int(RESTORE_WAIT_MS)}")  # one wait, not 5 s
            src.backup(dst, progress=give_up_when_locked_too_long, sleep=0.05)
        finally:
            dst.close()
    finally:
        src.close()


REASONS = ("daily", "before-import", "before-upgrade", "before-restore", "manual")
_REASON = "(?P<reason>" + "|".join(REASONS) + ")"
_STAMP = r"(?P<stamp>\d{8}-\d{6}-\d{6})"
_NAME_RE = re.compile(rf"^{_REASON}-{_STAMP}\.sqlite$")
_LEGACY_RE = re.compile(rf"-{_REASON}-{_STAMP}\.sqlite$")  # stem-reason-stamp.sqlite


@dataclass(frozen=True)
class BackupFile:
    path: Path
    reason: str
    created: dt.datetime


def make_backup(db_path: Path, reason: str, *, keep: int = 10) -> Path:
    """A copy in this database's backup folder, named by reason and time; old ones pruned.

    Raises :class:`BackupFailed` (a plain message) when the copy cannot be written.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = backup_dir(db_path)
    target = folder / f"{reason}-{stamp}.sqlite"
    try:
        _adopt_legacy(db_path)
        copy_database(db_path, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            target.with_name(target.name + ".part").unlink(missing_ok=True)
        raise BackupFailed(
            f"Не удалось сделать резервную копию базы данных в папке «{folder}»: {_why(exc)}. "
            "Проверьте, что в эту папку можно записывать и на диске есть место."
        ) from exc
    prune(db_path, reason, keep=keep)
    return target


# The system's and SQLite's words (English) for why a copy could not be written, in a
# clerk's words: the message is read by someone who must know what to do about it.
_NO_ROOM = "на диске не хватает места"
_NO_RIGHT = "запись в папку запрещена"
_OS_WHY = {
    errno.ENOSPC: _NO_ROOM,
    errno.EFBIG: _NO_ROOM,
    errno.EDQUOT: _NO_ROOM,
    errno.EACCES: _NO_RIGHT,
    errno.EPERM: _NO_RIGHT,
    errno.EROFS: _NO_RIGHT,
    errno.ENOTDIR: f"на месте папки «{BACKUP_DIR}» лежит файл с тем же именем",
    errno.EEXIST: f"на месте папки «{BACKUP_DIR}» лежит файл с тем же именем",
    errno.ENAMETOOLONG: "путь к папке слишком длинный",
    errno.EIO: "ошибка ввода-вывода (диск недоступен или неисправен)",
}


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return _OS_WHY.get(exc.errno or 0) or exc.strerror or str(exc)
    text = str(exc).lower()
    if "unable to open" in text or "readonly" in text:
        return _NO_RIGHT
    if "full" in text or "too large" in text or "disk i/o" in text:
        return _NO_ROOM + " (или диск недоступен)"
    return str(exc)


def backups_of(db_path: Path, reason: str | None = None) -> list[BackupFile]:
    """Backups of this database with their reason and time, oldest first."""
    _adopt_legacy(db_path)
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for p in folder.iterdir():
        m = _NAME_RE.match(p.name)
        if not m or not p.is_file():
            continue
        kind = m.group("reason")
        if kind not in REASONS or (reason is not None and kind != reason):
            continue
        created = dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S-%f")
        found.append(BackupFile(p, kind, created))
    return sorted(found, key=lambda b: b.created)


def is_backup_copy(path: Path) -> bool:
    """Whether ``path`` is one of the copies this module keeps (by where and how it is named)."""
    return path.parent.parent.name == BACKUP_DIR and _NAME_RE.match(path.name) is not None


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def _adopt_legacy(db_path: Path) -> None:
    """Move copies named by the stem (earlier versions) into this database's folder, when
    no other database in the folder has the same stem; otherwise leave them be."""
    root = backups_root(db_path)
    try:
        legacy = [
            p
            for p in root.iterdir()
            if p.is_file()
            and (m := _LEGACY_RE.search(p.name))
            and p.name[: m.start()] == db_path.stem
        ]
    except OSError:
        return
    if not legacy:
        return
    try:
        owners = [
            p
            for p in db_path.parent.iterdir()
            if p.is_file()
            and p.stem == db_path.stem
            and (p.name == db_path.name or _is_sqlite_file(p))
        ]
    except OSError:
        return
    if [p.name for p in owners] != [db_path.name]:
        return  # x.sqlite and x.db both there: whose copies they are cannot be told
    folder = backup_dir(db_path)
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        for p in legacy:
            m = _LEGACY_RE.search(p.name)
            assert m is not None
            p.replace(folder / f"{m.group('reason')}-{m.group('stamp')}.sqlite")


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
