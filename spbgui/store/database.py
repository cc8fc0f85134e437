"""An open database: the engine, its sessions and where it lives.

``open_database`` is the one way in: it checks the file without writing to it,
refuses what it must, creates or upgrades the schema, and hands back a
:class:`Database` whose ``read()``/``write()`` give one session per user action.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from spbgui.store import migrate
from spbgui.store.backup import BackupFailed, backup_daily
from spbgui.store.engine import Sessions, make_engine, resolve_url, sqlite_path
from spbgui.store.errors import DatabaseDamaged, StoreError
from spbgui.store.integrity import check_file
from spbgui.store.location import NETWORK_NOTE, is_network_path


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: Sessions
    path: Path | None  # the SQLite file, None for a server database
    readonly: bool = False
    notes: list[str] = field(default_factory=list)  # things worth telling the user once

    def read(self):  # type: ignore[no-untyped-def]
        return self.sessions.read()

    def write(self):  # type: ignore[no-untyped-def]
        if self.readonly:
            raise StoreError("База данных открыта только для чтения: изменения невозможны.")
        return self.sessions.write()

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    target: str | os.PathLike[str], *, create: bool = True, readonly: bool = False
) -> Database:
    """Open (and if needed create or upgrade) the database at a path or SQLAlchemy URL."""
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is not None:
        return _open_sqlite(url, path, create=create, readonly=readonly)
    return _open_server(url, readonly=readonly)


def _open_sqlite(url: str, path: Path, *, create: bool, readonly: bool) -> Database:
    state = migrate.probe_sqlite_file(path)
    migrate.check_revision(state.revision, path.name)
    if state.exists and not state.empty:
        detail = check_file(path)
        if detail is not None:
            raise DatabaseDamaged(
                f"Файл базы данных «{path.name}» повреждён, и программа не будет в него писать. "
                "Восстановите последнюю исправную резервную копию (Файл → Резервные копии…).",
                path=path,
                detail=detail,
            )
    if not state.exists:
        if not create:
            raise StoreError(f"Файл базы данных «{path}» не найден.")
        if not path.parent.is_dir():
            raise StoreError(
                f"Папка «{path.parent}» не существует. Укажите файл в существующей папке."
            )
    head = migrate.head_revision()
    needs_upgrade = state.revision != head
    if readonly and needs_upgrade:
        raise StoreError(
            f"База данных «{path.name}» открыта только для чтения, а её нужно обновить "
            "до версии программы. Откройте её с правом записи."
        )
    side_note = None
    if not readonly and ((path.exists() and not _writable(path)) or not _writable(path.parent)):
        readonly = True
        if not state.exists:
            raise StoreError(
                f"В папку «{path.parent}» нельзя записывать: новую базу данных там создать нельзя."
            )
    elif not readonly:
        side_note = _free_side_files(path)
        readonly = side_note is not None
    engine = make_engine(url, readonly=readonly)
    db = Database(url=url, engine=engine, sessions=Sessions(engine), path=path, readonly=readonly)
    if readonly:
        db.notes.append(side_note or "База данных открыта только для чтения.")
    if is_network_path(path.parent):
        db.notes.append(NETWORK_NOTE)
    try:
        if needs_upgrade:
            migrate.upgrade(engine, db_file=path, had_schema=not state.empty)
        if not readonly and not state.empty:
            try:
                backup_daily(path)
            except BackupFailed as exc:  # a missing copy must not stop the work
                db.notes.append(f"Ежедневная резервная копия не сделана. {exc}")
    except StoreError:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"Не удалось открыть базу данных «{path}»: {exc.orig}.") from exc
    return db


def _free_side_files(path: Path) -> str | None:
    """A ``-wal``/``-shm`` file left read-only (by a read-only open of a read-only file) makes
    SQLite refuse every write: give it the database file's permissions back. None when all is
    well, else why the database must stay read-only."""
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if not side.exists() or _writable(side):
            continue
        with contextlib.suppress(OSError):
            side.chmod(stat.S_IMODE(path.stat().st_mode) | stat.S_IWUSR)
        if not _writable(side):
            return (
                f"База данных открыта только для чтения: служебный файл «{side.name}» рядом с ней "
                "защищён от записи. Когда базой никто не пользуется, удалите его или дайте право "
                "записи в него, и откройте базу снова."
            )
    return None


def _writable(path: Path) -> bool:
    """Whether we should write to the file: the OS allows it and nobody took the write bits off.

    (root may write anywhere; a file made read-only on purpose is still treated as such.)
    """
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def _open_server(url: str, *, readonly: bool) -> Database:
    engine = make_engine(url, readonly=readonly)
    notes: list[str] = []
    try:
        revision = migrate.current_revision(engine)
        where = engine.url.render_as_string(hide_password=True)
        migrate.check_revision(revision, where)
        may_write = revision is None or _may_write(engine)
        if not may_write and not readonly:
            # A login granted spbgui_reader (revision 0009): open it for reading, and say why.
            readonly = True
            notes.append(
                f"Ваша учётная запись на сервере («{engine.url.username or ''}») может только "
                "читать эту базу данных: редактирование отключено. Права даёт администратор "
                "(роль spbgui_editor)."
            )
        if revision != migrate.head_revision():
            if readonly:
                raise StoreError(
                    f"База данных «{where}» открыта только для чтения, а её нужно обновить до "
                    "версии программы. Откройте её пользователем с правом записи."
                )
            migrate.upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(
            "Не удалось подключиться к базе данных "
            f"«{engine.url.render_as_string(hide_password=True)}»: {getattr(exc, 'orig', exc)}"
        ) from exc
    except StoreError:
        engine.dispose()
        raise
    db = Database(url=url, engine=engine, sessions=Sessions(engine), path=None, readonly=readonly)
    db.notes.extend(notes)
    return db


def _may_write(engine: Engine) -> bool:
    """Whether the connected role may change the records (the reader role may not)."""
    with engine.connect() as conn:
        if conn.dialect.name != "postgresql":
            return True
        return bool(
            conn.exec_driver_sql(
                "SELECT has_table_privilege(current_user, 'event', 'INSERT') "
                "AND has_table_privilege(current_user, 'event', 'UPDATE')"
            ).scalar()
        )
