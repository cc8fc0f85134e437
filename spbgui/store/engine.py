"""Opening a database: a file path or a SQLAlchemy URL, the SQLite settings, sessions.

SQLite is set up for an editor that must never lose an edit: foreign keys on,
WAL journal, synchronous=FULL, a busy timeout. pysqlite's own implicit
transactions are switched off and we emit BEGIN ourselves, so writers can take
the lock at the start of their transaction (``BEGIN IMMEDIATE``): a write then
waits for the lock up front instead of failing half-way with «database is locked».
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from spbgui.store.changelog import watch_session
from spbgui.store.errors import DatabaseBusy, RecordChanged, StoreError, sqlite_error
from spbgui.store.sqlite_file import (
    BUSY_TIMEOUT_MS,
    connect_file,
    connect_readonly,
    switch_to_wal,
)


def resolve_url(target: str | os.PathLike[str]) -> str:
    """A path becomes a sqlite URL; a URL is checked and returned as is."""
    text = os.fspath(target)
    if "://" in text:
        try:
            url = make_url(text)
        except (ArgumentError, ValueError) as exc:
            # Never the text itself: it may hold a password.
            raise StoreError(
                f"Не удалось понять адрес базы данных «{_without_password(text)}»: "
                "проверьте, как он написан."
            ) from exc
        return url.render_as_string(hide_password=False)
    path = Path(text).expanduser().resolve()
    # URL.create escapes what the URL syntax would misread («%20», «?», «#» in a file name).
    return URL.create("sqlite", database=str(path)).render_as_string()


def _without_password(text: str) -> str:
    """A URL as typed with the password (``user:SECRET@``) replaced by stars."""
    return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", text)


def safe_url(url: str) -> str:
    """A URL fit to show: the password hidden (also where SQLAlchemy cannot parse it)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _without_password(url)


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite URL, or None for other backends and in-memory databases."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _setup_sqlite(engine: Engine, *, readonly: bool) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module docstring)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            switch_to_wal(cur)
            cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        mode = options.get("sqlite_begin", "DEFERRED")
        wait = options.get("sqlite_wait")
        if wait is None:
            conn.exec_driver_sql(f"BEGIN {mode}")
        else:
            _begin_waiting(conn, mode, wait)


LockWait = Callable[[bool], None]
"""Called while a write waits for another program's lock (False), then once when the
wait is over (True), however it ended: the window keeps itself drawn and says why."""

WAIT_STEP_MS = 100  # how long SQLite itself waits between two calls of the LockWait


def _begin_waiting(conn: Connection, mode: str, wait: LockWait) -> None:
    """``BEGIN`` that waits for the lock in short steps, calling ``wait`` between them.

    SQLite's busy timeout waits inside one call: a window that writes from its own
    thread stood still for as long as another program (an import of a big table) held
    the file, up to :data:`BUSY_TIMEOUT_MS`, and looked hung. As long in all, but in
    steps; then :class:`DatabaseBusy` as before.
    """
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    waited = False
    raw.execute(f"PRAGMA busy_timeout = {WAIT_STEP_MS}")
    try:
        while True:
            try:
                raw.execute(f"BEGIN {mode}")
                return
            except sqlite3.OperationalError as exc:
                busy = sqlite_error(exc)
                if not isinstance(busy, DatabaseBusy):
                    raise
                if time.monotonic() > deadline:
                    raise busy from exc
                waited = True
                wait(False)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if waited:
            wait(True)


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        kwargs: dict[str, object] = {}
        if path is not None:
            # Our own connect: the file name is passed as it is (never read as a URI), and
            # read-only through mode=ro, where even a WAL checkpoint cannot write.
            if readonly:
                kwargs["creator"] = lambda: connect_readonly(path, check_same_thread=False)
            else:
                kwargs["creator"] = lambda: connect_file(
                    path, check_same_thread=False, create=False
                )
        engine = create_engine(
            u,
            connect_args={"check_same_thread": False},
            **kwargs,
        )
        _setup_sqlite(engine, readonly=readonly)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"Для адреса «{safe_url(url)}» нужен драйвер {exc.name}, он не установлен."
        ) from exc
    except NoSuchModuleError as exc:
        raise StoreError(
            f"Адрес «{safe_url(url)}»: такой вид базы данных программа не знает. "
            "Укажите файл SQLite или адрес postgresql+psycopg://…"
        ) from exc
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"Не удалось понять адрес базы данных «{safe_url(url)}».") from exc


class Sessions:
    """One sessionmaker for the program; a read and a write session per user action."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._writer = sessionmaker(self._writer_engine, expire_on_commit=False)
        # Every change made through a write session goes into the history (revision 0007).
        watch_session(self._writer)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self, lock_wait: LockWait | None = None) -> Iterator[Session]:
        """One transaction that commits at the end or rolls back on any error.

        ``lock_wait`` (SQLite): wait for another program's lock in short steps, calling it
        between them (see :func:`_begin_waiting`), instead of inside SQLite.
        """
        binds = {}
        if lock_wait is not None:
            binds["bind"] = self._writer_engine.execution_options(sqlite_wait=lock_wait)
        try:
            with self._writer(**binds) as session, session.begin():
                yield session
        except OperationalError as exc:
            raise translate_error(exc) from exc
        except ProgrammingError as exc:
            # PostgreSQL: a login without the right to write (permission denied, 42501).
            if getattr(exc.orig, "sqlstate", None) == "42501":
                raise StoreError(
                    "У вашей учётной записи на сервере нет права изменять эту базу данных: "
                    "изменения не сохранены."
                ) from exc
            raise
        except UnicodeEncodeError as exc:
            # Half of a UTF-16 pair (a lone surrogate), pasted from another program: no
            # database can store it, and the driver said so in English.
            raise StoreError(
                "В тексте есть испорченный знак (обрывок символа; такой обычно приходит при "
                "вставке из другой программы): изменения не сохранены. Удалите этот знак "
                "или наберите это место заново."
            ) from exc
        except StaleDataError as exc:
            # The version check of revision 0006: the row changed or went since it was read.
            raise RecordChanged(
                "Запись изменили или удалили в другом окне, пока вы её правили: ваши изменения "
                "не сохранены. Обновите окно (F5) и повторите."
            ) from exc


def translate_error(exc: OperationalError) -> Exception:
    """SQLite's errors that a user can act on, in words; anything else unchanged."""
    return sqlite_error(exc.orig) or exc
