"""Backups, restore, damaged files and read-only places: the way back is always there."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.services import backups, records
from spbgui.services.importer import import_table
from spbgui.store import backup as store_backup
from spbgui.store.database import open_database
from spbgui.store.errors import DatabaseDamaged, StoreError
from spbgui.store.models import Region


@pytest.fixture
def filled(db_path: Path, fixture_xlsx: Path):
    db = open_database(db_path)
    import_table(db=db, table=read_table(fixture_xlsx))
    yield db
    db.close()


def test_backup_and_restore_round_trip(filled) -> None:
    before = records.dump(db=filled)
    copy = backups.backup_now(db=filled)
    assert copy.counts == {
        "regions": 5,
        "countries": 26,
        "partners": 37,
        "agreements": 41,
        "events": 96,
    }
    with filled.write() as s:
        s.query(Region).filter_by(name="СНГ").delete()
    assert records.dump(db=filled) != before
    undo_copy = backups.restore_backup(db=filled, backup=copy.path)
    assert records.dump(db=filled) == before
    # The state before the restore was kept too, so the restore itself can be undone.
    assert store_backup.backups_of(filled.path, "before-restore")[-1].path == undo_copy
    listed = backups.list_backups(db=filled)
    assert listed[0].created >= listed[-1].created
    assert {b.reason for b in listed} >= {"manual", "before-restore"}


def test_daily_backup_once_a_day(filled, db_path: Path) -> None:
    filled.close()
    for _ in range(3):
        open_database(db_path).close()
    daily = store_backup.backups_of(db_path, "daily")
    assert len(daily) == 1 and daily[0].created.date() == dt.date.today()


def test_rotation_keeps_the_last_ten(filled, db_path: Path) -> None:
    for _ in range(13):
        backups.backup_now(db=filled)
    assert len(store_backup.backups_of(db_path, "manual")) == 10


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xde\xad\xbe\xef" * 2048)


def test_damaged_file_is_refused_and_restored_from_backup(filled, db_path: Path) -> None:
    before = records.dump(db=filled)
    backups.backup_now(db=filled)
    filled.close()
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    _damage(db_path)
    damaged_bytes = db_path.read_bytes()
    with pytest.raises(DatabaseDamaged, match="повреждён") as info:
        open_database(db_path)
    assert info.value.detail
    assert db_path.read_bytes() == damaged_bytes  # not written to
    good = backups.newest_good_backup(db_path)
    assert good is not None
    kept = backups.restore_damaged(db_path, good)
    assert kept is not None and kept.read_bytes() == damaged_bytes  # the damaged file is kept
    again = open_database(db_path)
    try:
        assert records.dump(db=again) == before
    finally:
        again.close()


def test_readonly_folder_opens_readonly(filled, db_path: Path) -> None:
    before = records.dump(db=filled)
    filled.close()
    folder = db_path.parent
    os.chmod(folder, 0o555)
    try:
        ro = open_database(db_path)
        try:
            assert ro.readonly and ro.notes
            assert records.dump(db=ro) == before
            with pytest.raises(StoreError, match="только для чтения"):
                ro.write()
        finally:
            ro.close()
        with pytest.raises(StoreError, match="нельзя записывать"):
            open_database(folder / "new.sqlite")
    finally:
        os.chmod(folder, 0o755)
