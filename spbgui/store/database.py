"""An open database: the engine, its sessions and where it lives.

``open_database`` is the one way in: it checks the file without writing to it,
refuses what it must, creates or upgrades the schema, and hands back a
:class:`Database` whose ``read()``/``write()`` give one session per user action.

A SQLite file at the head revision is checked and opened with the stdlib sqlite3
alone: SQLAlchemy (a quarter of a second to import, issue 17) is loaded when the
engine is first needed, which the window asks for once its first screen is shown.
Until then the first screen reads through :meth:`Database.quick` (store.first_screen).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from spbgui.store import migrate
from spbgui.store.backup import BackupFailed, backup_daily, is_backup_copy
from spbgui.store.errors import DatabaseDamaged, StoreError, unreadable
from spbgui.store.integrity import check_file
from spbgui.store.location import NETWORK_NOTE, is_network_path
from spbgui.store.sqlite_file import connect_readonly

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from spbgui.store.engine import LockWait, Sessions


_ENGINE_LOCK = threading.RLock()


@dataclass
class Database:
    url: str
    path: Path | None  # the SQLite file, None for a server database
    readonly: bool = False
    notes: list[str] = field(default_factory=list)  # things worth telling the user once
    _engine: Engine | None = field(default=None, repr=False)
    _sessions: Sessions | None = field(default=None, repr=False)
    _lock_wait: tuple[int, LockWait] | None = field(default=None, repr=False)
    _quick: sqlite3.Connection | None = field(default=None, repr=False)
    _quick_thread: int = field(default=0, repr=False)
    _version: sqlite3.Connection | None = field(default=None, repr=False)
    _version_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _version_closed: bool = field(default=False, repr=False)
    # The file as opened: (device, inode), or (0, 0) on a network share (whose inode numbers
    # may change under a client); None: not checked. See write().
    _file_id: tuple[int, int] | None = field(default=None, repr=False)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) when first asked for."""
        if self._engine is None:
            with _ENGINE_LOCK:  # the window's thread and a search's may both ask first
                if self._engine is None:
                    from spbgui.store.engine import make_engine

                    # (The quick connection is closed by its own thread: see quick().)
                    self._engine = make_engine(self.url, readonly=self.readonly)
        return self._engine

    @property
    def sessions(self) -> Sessions:
        if self._sessions is None:
            engine = self.engine
            with _ENGINE_LOCK:
                if self._sessions is None:
                    from spbgui.store.engine import Sessions

                    self._sessions = Sessions(engine)
        return self._sessions

    @property
    def engine_made(self) -> bool:
        return self._engine is not None

    def quick(self) -> sqlite3.Connection | None:
        """A read-only sqlite3 connection for the first screen's reads (store.first_screen),
        while the engine is not made yet; None once it is, and for a server database.

        Nothing is written before the engine is made (every write goes through it), so
        what this reads is what a session would. Only the thread that first asked gets
        it (the window's); another reads through the engine, as it always did.
        """
        if self._engine is not None or self.path is None:
            if self._quick is not None and threading.get_ident() == self._quick_thread:
                self._close_quick()
            return None
        if self._quick is None:
            self._quick = connect_readonly(self.path, check_same_thread=False)
            self._quick_thread = threading.get_ident()
        elif threading.get_ident() != self._quick_thread:
            return None
        return self._quick

    def _close_quick(self) -> None:
        if self._quick is not None:
            self._quick.close()
            self._quick = None

    def read(self) -> AbstractContextManager[Session]:
        """A session for reading, in one transaction."""
        return self.sessions.read()

    def write(self) -> AbstractContextManager[Session]:
        """A session whose changes commit together at the end (refused if read-only)."""
        if self.readonly:
            raise StoreError("База данных открыта только для чтения: изменения невозможны.")
        self._check_file()
        wait = self._lock_wait
        if wait is not None and wait[0] == threading.get_ident() and self.path is not None:
            return self.sessions.write(lock_wait=wait[1])
        return self.sessions.write()

    def wait_for_locks_with(self, wait: LockWait | None) -> None:
        """Writes made from this thread (the window's) wait for another program's lock in
        short steps, calling ``wait`` between them, instead of standing still inside SQLite.
        None: as before. Nothing changes for a server database."""
        self._lock_wait = None if wait is None else (threading.get_ident(), wait)

    def remember_file(self, *, network: bool = False) -> None:
        """Note which file was opened, for write() to check it is still the one there."""
        if self.path is not None:
            self._file_id = (0, 0) if network else _file_identity(self.path)

    def _check_file(self) -> None:
        """Refuse a write when the file opened is no longer at its place.

        SQLite goes on writing into a file deleted (or moved, or replaced) under it: every
        edit looked saved and was gone when the program closed. Refused in words instead;
        the window keeps what was typed.
        """
        if self._file_id is None or self.path is None:
            return
        now = _file_identity(self.path)
        if now is not None and (self._file_id == (0, 0) or now == self._file_id):
            return
        raise StoreError(
            f"Файла базы данных «{self.path}» больше нет на прежнем месте: его удалили, "
            "переместили или заменили, пока программа с ним работала. Изменение не "
            "сохранено. Верните файл на место и повторите, или откройте базу данных заново "
            "(Файл → Открыть базу данных…)."
        )

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    def data_version(self) -> int | None:
        """A number that changes whenever anybody commits to the file: this program's
        sessions, another window, another program (SQLite's ``PRAGMA data_version``, read
        on a read-only connection of its own, which never commits). Equal numbers read
        at two moments mean nothing was written between them. None for a server database.
        """
        if self.path is None:
            return None
        with self._version_lock:
            if self._version_closed:  # a search finishing after the window let the file go
                return None
            if self._version is None:
                self._version = connect_readonly(self.path, check_same_thread=False)
            return int(self._version.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        self._close_quick()
        with self._version_lock:
            self._version_closed = True
            if self._version is not None:
                self._version.close()
                self._version = None
        if self._engine is not None:
            self._engine.dispose()


def remove_if_unused(db: Database) -> bool:
    """Delete the (closed) SQLite file of ``db`` and its side files when it is still the
    file that was opened and holds no records: a database made for a write that did not
    happen (a refused or dry-run import into a new file). True if it was deleted.

    A file another program replaced meanwhile, or one with records, stays.
    """
    path = db.path
    if path is None or db._file_id in (None, (0, 0)) or _file_identity(path) != db._file_id:
        return False
    try:
        conn = connect_readonly(path)
        try:
            (regions,) = conn.execute("SELECT count(*) FROM region").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    if regions:
        return False
    for side in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{side}").unlink()
    try:
        path.unlink()
    except OSError:
        return False
    return True


def _file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``, None when there is none."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def path_url(path: Path) -> str:
    """The sqlite URL of a file, as ``URL.create("sqlite", database=…)`` renders it
    (without importing SQLAlchemy for it; a test holds the two together)."""
    return "sqlite:///" + quote(str(path), safe=" +/")


def open_database(
    target: str | os.PathLike[str], *, create: bool = True, readonly: bool = False
) -> Database:
    """Open (and if needed create or upgrade) the database at a path or SQLAlchemy URL."""
    text = os.fspath(target)
    if "://" not in text:  # a file: no SQLAlchemy needed to name it
        file = Path(text).expanduser().resolve()
        return _open_sqlite(path_url(file), file, create=create, readonly=readonly)
    from spbgui.store.engine import resolve_url, sqlite_path

    url = resolve_url(target)
    path = sqlite_path(url)
    if path is not None:
        return _open_sqlite(url, path, create=create, readonly=readonly)
    return _open_server(url, readonly=readonly)


# The longest file name most disks take (255 bytes on Linux, 255 letters on Windows).
NAME_MAX = 255


def _name_size(name: str) -> int:
    """A name's length as the disk counts it (bytes on Linux, letters on Windows)."""
    return len(name) if os.name == "nt" else len(os.fsencode(name))


def _check_name_length(path: Path) -> None:
    """Refuse a name the disk cannot hold with the ``-wal`` file SQLite puts beside it.

    Python's checks of such a path raise instead of answering, and a name a few letters
    short of the limit made the file itself, then failed on its ``-wal``: the window
    showed an unexpected error about «File name too long» and left an empty file.
    """
    for folder in path.parents:
        # A folder's name longer than a disk allows (a recent database's path, edited or
        # damaged in the settings): no such folder can exist, and asking the disk raised
        # «File name too long» past every message (an unexpected error at every start).
        if _name_size(folder.name) > NAME_MAX:
            shown = folder.name[:40] + "…"
            raise StoreError(
                f"Имя папки «{shown}» в пути к базе данных слишком длинное для диска "
                f"({len(folder.name)} знаков): такой папки быть не может. Проверьте путь "
                "к файлу базы данных или откройте её через Файл → Открыть базу данных…"
            )
    size = _name_size(path.name + "-wal")
    if size <= NAME_MAX:
        return
    shown = path.name if len(path.name) <= 40 else path.name[:40] + "…"
    raise StoreError(
        f"Имя файла базы данных «{shown}» слишком длинное для диска ({len(path.name)} знаков; "
        "рядом с базой нужен ещё служебный файл с именем на 4 знака длиннее). "
        "Выберите имя покороче."
    )


def _open_sqlite(url: str, path: Path, *, create: bool, readonly: bool) -> Database:
    _check_name_length(path)
    state = migrate.probe_sqlite_file(path)
    migrate.check_revision(state.revision, path.name)
    if state.exists and not state.empty:
        detail = check_file(path)
        if detail is not None and (outside := unreadable(path.name, detail)) is not None:
            raise outside
        if detail is not None:
            raise DatabaseDamaged(
                f"Файл базы данных «{path.name}» повреждён, и программа не будет в него писать. "
                "Восстановите последнюю исправную резервную копию (Файл → Резервные копии…).",
                path=path,
                detail=detail,
            )
    if not state.exists:
        if not create:
            raise StoreError(
                f"Файл базы данных «{path}» не найден: его переместили, переименовали или "
                "удалили, или диск с ним не подключён. Найдите его через "
                "Файл → Открыть базу данных…"
            )
        if not path.parent.is_dir():
            raise StoreError(
                f"Папка «{path.parent}» не существует. Укажите файл в существующей папке."
            )
    head = migrate.head_revision()
    needs_upgrade = state.revision != head
    side_note = None
    if state.exists and is_backup_copy(path):
        # Edits made in a copy are lost when old copies are cleared away (and it would
        # gather copies of its own): a copy is looked at, and brought back by a restore.
        if needs_upgrade:
            raise StoreError(
                f"«{path.name}» — резервная копия, сделанная прежней версией программы. "
                "Чтобы вернуть базу к ней, откройте саму базу и выберите "
                "Файл → Резервные копии… → Восстановить."
            )
        readonly = True
        side_note = (
            f"Это резервная копия базы данных «{path.parent.name}»: она открыта только для "
            "чтения, чтобы правки не пропали, когда старые копии будут удалены. Чтобы вернуть "
            "базу к этому состоянию, откройте саму базу и выберите "
            "Файл → Резервные копии… → Восстановить."
        )
    if readonly and needs_upgrade:
        raise StoreError(
            f"База данных «{path.name}» открыта только для чтения, а её нужно обновить "
            "до версии программы. Откройте её с правом записи."
        )
    if not readonly and ((path.exists() and not _writable(path)) or not _writable(path.parent)):
        readonly = True
        if not state.exists:
            raise StoreError(
                f"В папку «{path.parent}» нельзя записывать: новую базу данных там создать нельзя."
            )
        side_note = _readonly_note(path)
    elif not readonly:
        side_note = _free_side_files(path)
        readonly = side_note is not None
    if not state.exists:
        # Made here, empty (SQLite takes a file of no bytes for a new database): the
        # engine's connections never create the file (store.sqlite_file.connect_file).
        try:
            path.touch(exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Не удалось создать файл базы данных «{path}»: {exc.strerror}. "
                "Выберите другую папку или другое имя файла."
            ) from exc
    db = Database(url=url, path=path, readonly=readonly)
    if readonly:
        db.notes.append(side_note or "База данных открыта только для чтения.")
    network = is_network_path(path.parent)
    if network:
        db.notes.append(NETWORK_NOTE)
    try:
        if needs_upgrade:
            _upgrade(db, had_schema=not state.empty)
        if not readonly and not state.empty:
            try:
                backup_daily(path)
            except BackupFailed as exc:  # a missing copy must not stop the work
                db.notes.append(f"Ежедневная резервная копия не сделана. {exc}")
    except StoreError:
        db.close()
        raise
    db.remember_file(network=network)  # (a new file exists by now)
    return db


def _upgrade(db: Database, *, had_schema: bool) -> None:
    """Create or upgrade the schema of a SQLite file.

    A new file gets the head schema from the schema file through sqlite3 (no SQLAlchemy
    before the window is shown, even at the first start); an existing one is upgraded by
    the revisions (Alembic, through SQLAlchemy).
    """
    if not had_schema and db.path is not None and migrate.create_new_file(db.path):
        return
    from sqlalchemy.exc import OperationalError

    try:
        migrate.upgrade(db.engine, db_file=db.path, had_schema=had_schema)
    except OperationalError as exc:
        raise StoreError(f"Не удалось открыть базу данных «{db.path}»: {exc.orig}.") from exc


def _readonly_note(path: Path) -> str:
    """Why a database that cannot be written is open for reading only, and what to do."""
    if not _writable(path):
        return (
            f"База данных открыта только для чтения: файл «{path.name}» защищён от записи. "
            "Чтобы править её, снимите с файла защиту от записи (или попросите права на "
            "запись) и откройте базу снова."
        )
    return (
        f"База данных открыта только для чтения: в папку «{path.parent}» нельзя записывать, "
        "а программе нужно создавать рядом с базой служебные файлы. Чтобы править её, "
        "скопируйте файл в папку, куда можно записывать, или попросите права на запись "
        "в эту папку."
    )


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
    from sqlalchemy.exc import SQLAlchemyError

    from spbgui.store.engine import make_engine

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
    db = Database(url=url, path=None, readonly=readonly, _engine=engine)
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
