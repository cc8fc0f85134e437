"""Database files with names the URI syntax would misread: «#», «?», «%20», spaces, Cyrillic,
and two databases with one stem. Each keeps its own backups, and every way of opening,
copying, checking and restoring it reaches exactly that file and nothing else."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from spbgui.services import backups, edit, records
from spbgui.store import backup as store_backup
from spbgui.store.database import open_database
from spbgui.store.errors import DatabaseDamaged
from spbgui.store.integrity import check_file
from tests.safety.helpers import cli

NAMES = [
    "Отдел #2/cities.sqlite",
    "a?b#c.sqlite",
    "cities%202024.sqlite",
    "with  spaces/my db.sqlite",
    "Кириллица/Побратимы 2024.sqlite",
    "100%/x%41.db",
    "[brackets]*/x[1].sqlite",
]


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def _fill(path: Path, region: str) -> dict:
    db = open_database(path)
    try:
        edit.add_region(db=db, name=region)
        return records.dump(db=db)
    finally:
        db.close()


def _damage(path: Path) -> None:
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xde\xad\xbe\xef" * 2048)


@pytest.mark.parametrize("name", NAMES)
def test_every_operation_reaches_exactly_that_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    filled = _fill(path, "Азия")
    assert path.exists()
    # Reopening makes the daily copy, in the folder of this database, holding its data.
    db = open_database(path)
    try:
        daily = store_backup.backups_of(path, "daily")
        assert len(daily) == 1 and daily[0].created.date() == dt.date.today()
        listed = backups.list_backups(db=db)
        assert listed and all(b.counts == {**b.counts, "regions": 1} for b in listed)
        manual = backups.backup_now(db=db)
        assert manual.counts is not None and manual.counts["regions"] == 1
        edit.add_region(db=db, name="Европа")
        backups.restore_backup(db=db, backup=manual.path)
        assert records.dump(db=db) == filled
    finally:
        db.close()
    # Read-only open reads the same records.
    ro = open_database(path, readonly=True)
    try:
        assert ro.readonly and records.dump(db=ro) == filled
    finally:
        ro.close()
    # Nothing appeared anywhere but beside the file and in its backup folder.
    folder = path.parent
    for f in _files(tmp_path):
        p = tmp_path / f
        assert p.parent == folder or store_backup.backup_dir(path) in p.parents, f
    # A damaged file is found damaged (not «fine» because another, empty file was checked).
    _damage(path)
    assert check_file(path) is not None
    with pytest.raises(DatabaseDamaged):
        open_database(path)
    good = backups.newest_good_backup(path)
    assert good is not None
    expected = _regions(good)
    assert expected == ["Азия", "Европа"]  # the copy made before the restore
    backups.restore_damaged(path, good)
    assert _regions(path) == expected


def _regions(path: Path) -> list[str]:
    db = open_database(path, readonly=True)
    try:
        return records.dump(db=db)["regions"]
    finally:
        db.close()


@pytest.mark.parametrize("name", ["cities%202024.sqlite", "a?b.sqlite", "Отдел #2.sqlite"])
def test_cli_db_opens_exactly_the_named_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _fill(path, "Азия")
    before = _files(tmp_path)
    r = cli("info", "--db", str(path))
    assert r.returncode == 0, r.stderr
    assert '"regions": 1' in r.stdout
    # No second database was made under a decoded or truncated name.
    new = {f for f in _files(tmp_path) - before if "backups" not in f}
    assert new <= {name + "-wal", name + "-shm"}, new


def test_same_stem_two_extensions_keep_separate_backups(tmp_path: Path) -> None:
    a, b = tmp_path / "x.sqlite", tmp_path / "x.db"
    dump_a = _fill(a, "Азия")
    _fill(b, "Европа")
    db_b = open_database(b)
    try:
        edit.add_region(db=db_b, name="Африка")
        dump_b = records.dump(db=db_b)
    finally:
        db_b.close()
    db_a = open_database(a)
    try:
        for _ in range(12):
            backups.backup_now(db=db_a)
        mine = backups.list_backups(db=db_a)
        assert all(x.counts and x.counts["regions"] == 1 for x in mine)
        # A copy of x.db cannot be restored into x.sqlite.
        theirs = store_backup.backups_of(b)
        assert theirs and not {t.path for t in theirs} & {m.path for m in mine}
        with pytest.raises(Exception, match="не относится"):
            backups.restore_backup(db=db_a, backup=theirs[0].path)
        assert records.dump(db=db_a) == dump_a
    finally:
        db_a.close()
    # Pruning x.sqlite's manual copies left x.db's copies alone.
    assert store_backup.backups_of(b, "daily")
    db_b = open_database(b)
    try:
        assert records.dump(db=db_b) == dump_b
    finally:
        db_b.close()
    assert [_regions(x.path) for x in store_backup.backups_of(b)] == [["Европа"]]
    assert all(_regions(x.path) == ["Азия"] for x in store_backup.backups_of(a))


def _legacy_copy(db_path: Path, reason: str, when: str) -> Path:
    """A copy named as earlier versions named them: by the stem, straight in backups/."""
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    target = folder / f"{db_path.stem}-{reason}-{when}-000000.sqlite"
    store_backup.copy_database(db_path, target)
    return target


def test_old_stem_named_copies_go_to_their_only_owner(tmp_path: Path) -> None:
    path = tmp_path / "my-db.sqlite"
    _fill(path, "Азия")
    old = _legacy_copy(path, "manual", "20240101-120000")
    listed = store_backup.backups_of(path)
    assert [b.reason for b in listed] == ["manual"]
    assert listed[0].created == dt.datetime(2024, 1, 1, 12, 0)
    assert not old.exists() and listed[0].path.parent == store_backup.backup_dir(path)


def test_old_copies_of_a_shared_stem_are_listed_for_neither(tmp_path: Path) -> None:
    a, b = tmp_path / "x.sqlite", tmp_path / "x.db"
    _fill(a, "Азия")
    _fill(b, "Европа")
    old = _legacy_copy(a, "manual", "20240101-120000")
    assert all(p.path != old for p in store_backup.backups_of(a) + store_backup.backups_of(b))
    assert old.exists()  # never deleted: a person may still sort them out by hand


def test_unwritable_backup_folder_is_said_in_words(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    _fill(path, "Азия")
    folder = store_backup.backup_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    for f in folder.iterdir():
        f.unlink()
    # A file where the folder should be: no copy can be written there, root or not.
    os.rmdir(folder)
    folder.write_text("not a folder")
    db = open_database(path)
    try:
        assert any("резервная копия не сделана" in n for n in db.notes), db.notes
        with pytest.raises(store_backup.BackupFailed, match="Не удалось сделать резервную копию"):
            backups.backup_now(db=db)
    finally:
        db.close()


def test_sqlite_uri_of_a_hash_path_is_escaped(tmp_path: Path) -> None:
    from spbgui.store.sqlite_file import connect_readonly, readonly_uri

    path = tmp_path / "a #b?c%20.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.close()
    assert "#" not in readonly_uri(path) and "?" not in readonly_uri(path).split("?mode")[0]
    conn = connect_readonly(path)
    try:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    finally:
        conn.close()
    assert sorted(os.listdir(tmp_path)) == ["a #b?c%20.sqlite"]
