"""A database file deleted while it is open is not made again, empty, in its place.

Each new connection of the engine used to create the file it did not find: a read
on a new thread after the file was deleted left an empty database at the path,
which the next start opened as the clerk's own, with nothing in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.services import edit, records
from spbgui.store.database import open_database
from spbgui.store.errors import StoreError


def test_a_new_connection_does_not_create_a_deleted_database(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite"
    db = open_database(path)
    edit.add_region(db=db, name="Европа")
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    db.engine.dispose()  # the next read needs a connection of its own
    try:
        with pytest.raises(Exception, match="unable to open"):
            records.counts(db=db)
        with pytest.raises(StoreError, match="Открыть базу данных"):
            edit.add_region(db=db, name="Азия")
    finally:
        db.close()
    assert not path.exists()
