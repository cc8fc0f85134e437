"""Opening a SQLite file with plain sqlite3, whatever characters its name holds.

A path is never pasted into a ``file:`` URI by hand: SQLite reads ``#`` there as
the start of a fragment, ``?`` as the query and ``%xx`` as an escape, so «Отдел
#2/cities.sqlite» would open «Отдел » instead. The read-only URI is built by
:meth:`pathlib.Path.as_uri`, which escapes every such character; a writable
connection takes the plain file name (``uri=False``).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another program's lock


def readonly_uri(path: Path) -> str:
    """``file:`` URI of ``path`` opened read-only (``mode=ro``), every character escaped.

    A WAL database needs its ``-shm`` file even to be read; in a folder where it cannot
    be created (a read-only share, a CD) and none is there, the file is read as
    immutable: nobody can be writing to it there, and it is not damaged for all that.
    """
    path = Path(path).expanduser().resolve()
    uri = path.as_uri() + "?mode=ro"
    if not _side_files_usable(path):
        uri += "&immutable=1"
    return uri


def _side_files_usable(path: Path) -> bool:
    """Whether SQLite can have the ``-wal``/``-shm`` files it needs to read a WAL database."""
    if os.access(path.parent, os.W_OK):
        return True
    wal, shm = (path.with_name(path.name + s) for s in ("-wal", "-shm"))
    return wal.exists() and shm.exists()


def connect_readonly(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` (and never creates it)."""
    return sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=check_same_thread)


def connect_file(
    path: Path, *, check_same_thread: bool = True, create: bool = True
) -> sqlite3.Connection:
    """A read-write connection to exactly ``path`` (the name is not read as a URI).

    ``create=False``: a missing file is an error («unable to open database file»), never
    a new empty database in its place (the engine's connections to a database deleted
    while the program had it open would otherwise make one, and the next start showed
    the clerk an empty database where theirs had been).
    """
    if create:
        return sqlite3.connect(str(path), uri=False, check_same_thread=check_same_thread)
    uri = Path(path).expanduser().resolve().as_uri() + "?mode=rw"
    return sqlite3.connect(uri, uri=True, check_same_thread=check_same_thread)


def switch_to_wal(conn: sqlite3.Connection | sqlite3.Cursor) -> None:
    """``PRAGMA journal_mode = WAL``, waiting for another program's lock like any write.

    Switching a new file to WAL is a short write in the old journal mode, and while another
    program holds that lock (it is making the same new file) SQLite answers «database is
    locked» at once: the busy timeout is not consulted. So the switch is tried again until
    the busy timeout has passed, as a write would wait.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def is_busy(exc: BaseException) -> bool:
    """Whether SQLite's error says another program holds the lock."""
    text = str(exc).lower()
    return "locked" in text or "busy" in text
