"""The one way every ``spbgui-cli`` command opens its database.

- No ``--db``: the user's own database (the window's default), made if missing.
- ``--db ADDRESS`` (``postgresql+psycopg://…``): that server database.
- ``--db PATH``: a command that writes (``import``) creates a missing file; a
  command that only reads refuses it, since a mistyped path must not quietly
  become a new empty database whose zero counts look like an answer.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spbgui.errors import UserError
from spbgui.paths import DataFolderError, default_database, made_default_database
from spbgui.services.databases import Database, open_records


class NoSuchDatabase(UserError):
    """A read-only command was given a database file that is not there."""


def _target(args: argparse.Namespace) -> str | Path:
    if not args.db:
        try:
            return made_default_database()
        except DataFolderError as exc:
            raise DataFolderError(f"{exc} Или укажите базу данных явно: --db ФАЙЛ.") from exc
    return args.db if "://" in args.db else Path(args.db).expanduser()


def open_to_read(args: argparse.Namespace) -> Database:
    """The database of a command that only reads it (info, dump, export, report, stats)."""
    target = _target(args)
    if args.db and isinstance(target, Path) and not target.exists():
        raise NoSuchDatabase(
            f"Файла базы данных «{args.db}» нет. Проверьте путь; новую базу создаёт "
            f"импорт таблицы: spbgui-cli import ФАЙЛ --db {args.db}"
        )
    if args.db and isinstance(target, Path) and target.is_file() and _empty(target):
        # SQLite takes an empty file for an empty database and the opening would make its
        # tables: a command that only reads must leave the file as it found it.
        raise NoSuchDatabase(
            f"Файл «{args.db}» пуст (0 байт): это не база данных. Проверьте путь; новую "
            f"базу создаёт импорт таблицы: spbgui-cli import ФАЙЛ --db {args.db}"
        )
    return open_records(target)


def _empty(path: Path) -> bool:
    """Zero bytes, and no write-ahead log beside it that holds its first pages."""
    try:
        if path.stat().st_size:
            return False
        wal = path.with_name(path.name + "-wal")
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return False  # the opening says what is wrong with it


def open_to_write(args: argparse.Namespace) -> Database:
    """The database of a command that writes (import): a new file is created and migrated."""
    return open_records(_target(args))


def names_new_file(args: argparse.Namespace) -> bool:
    """Whether the database of a command that writes is a file not there yet."""
    target = _target(args) if args.db else default_database()
    return isinstance(target, Path) and not target.exists()


def close_written(db: Database, new_file: bool, *, kept: bool) -> None:
    """Close the database a command wrote into; a file it made goes again unless what was
    written is ``kept`` (a refused table, a Cancel, a dry run: as if it had never started).
    A file with records in it stays (one import of several went in)."""
    db.close()
    if new_file and not kept:
        from spbgui.services.databases import remove_if_unused

        remove_if_unused(db)


class NoSuchYear(UserError):
    """A command that writes a year's table was asked for a year the database has not."""


def table_year(db: Database, asked: int | None) -> int:
    """The year a command writes the table of: ``asked`` (one the database has), else
    the latest. A year with no events that was never started is refused: a mistyped
    «--year 2042» would otherwise write every partner with no event, a file that looks
    right."""
    from spbgui.services import years

    known = years.years(db=db)
    if asked is None:
        return years.current(db=db)
    if known and asked not in known:
        raise NoSuchYear(
            f"В базе нет таблицы {asked} года: есть {', '.join(map(str, known))}. "
            "Укажите один из этих годов в --year (новый год начинают в окне: "
            "Год → Начать новый год)."
        )
    return asked
