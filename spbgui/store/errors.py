"""Errors of the store layer; ``str()`` of each is one plain Russian line for a clerk."""

from __future__ import annotations

from spbgui.errors import UserError


class StoreError(UserError):
    """The database cannot be opened or used as asked."""


class NotADatabase(StoreError):
    """The file is not an spbgui database (or not a database at all)."""


class DatabaseTooNew(StoreError):
    """The database was written by a newer version of the program."""


class MigrationFailed(StoreError):
    """An upgrade of the database failed; the copy made before it was put back."""


class DatabaseBusy(StoreError):
    """Another program holds the database locked for longer than we waited."""


class DatabaseDamaged(StoreError):
    """The file failed SQLite's integrity check; it is not opened for writing."""

    def __init__(self, message: str, path: object = None, detail: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.detail = detail


class DiskFull(StoreError):
    """A write failed for want of disk space; the transaction was rolled back."""


class FileUnreadable(StoreError):
    """Reading the file failed for a reason outside it (a full disk, no access, I/O)."""


# SQLite's words for a read that failed outside the file: nothing they say of its state.
_NOT_THE_FILE = ("disk i/o error", "disk is full", "file too large", "unable to open")


def unreadable(name: str, error: BaseException | str) -> FileUnreadable | None:
    """The error of a read that failed for a reason outside the file, in words; None when
    SQLite's words may be about the file itself (then it may be damaged).

    A full disk (no room for the ``-shm`` file a WAL database needs even to be read) was
    called damage, with the advice to restore a backup: the clerk would have thrown away
    the work since that copy to mend a disk that only needed room.
    """
    text = str(error).lower()
    if not any(words in text for words in _NOT_THE_FILE):
        return None
    return FileUnreadable(
        f"Не удалось прочитать файл базы данных «{name}»: на диске не хватает места, или "
        "файл сейчас недоступен (ошибка ввода-вывода). Освободите место на диске или "
        "проверьте доступ к файлу и откройте его снова; файл не изменён."
    )


class RecordChanged(StoreError):
    """An update found its row changed or deleted since it was read (the version check)."""


def sqlite_error(exc: BaseException | None) -> StoreError | None:
    """SQLite's error in words a clerk can act on, if it is one they can (else None)."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            "База данных занята другой программой. Подождите немного и повторите; "
            "ваши изменения не потеряны."
        )
    if "disk is full" in text or "disk i/o error" in text or "file too large" in text:
        return DiskFull(
            "Не удалось записать базу данных: на диске не хватает места (или запись запрещена). "
            "Освободите место и повторите; база данных осталась в прежнем состоянии."
        )
    if "readonly" in text or "read-only" in text:
        return StoreError("База данных открыта только для чтения: изменения невозможны.")
    return None
