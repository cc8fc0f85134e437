"""The database: records survive closing, constraints hold, writers lock up front."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from spbgui.store.database import open_database
from spbgui.store.errors import NotADatabase, StoreError
from spbgui.store.models import Agreement, AgreementDate, Country, Event, Partner, Region


def _fill(db) -> None:
    with db.write() as s:
        r = Region(name="СНГ", position=0, note="")
        c = Country(name="Белоруссия", region=r, position=0, note="")
        whole = Partner(name=None, kind="country", country=c, position=0, note="")
        minsk = Partner(name="Минск", kind="city", country=c, position=1, note="заметка")
        a = Agreement(title="Соглашение", partner=minsk, position=0, note="")
        a.dates = [
            AgreementDate(year=2009, position=0),
            AgreementDate(year=2024, month=6, position=1),
            AgreementDate(year=2015, month=12, day=16, position=2),
        ]
        s.add_all([r, c, whole, minsk, a])
        s.flush()
        s.add_all(
            [
                Event(
                    partner=minsk,
                    agreement=a,
                    year=2024,
                    start="2024-07-03",
                    end="2024-07-06",
                    text="визит",
                    position=0,
                ),
                Event(
                    partner=minsk,
                    year=2024,
                    start="2024-06",
                    end="2024-06",
                    text="месяц",
                    position=1,
                ),
                Event(partner=whole, year=2023, start=None, end=None, text="без даты", position=0),
            ]
        )


def _snapshot(db) -> list[tuple]:
    with db.read() as s:
        rows: list[tuple] = []
        for model in (Region, Country, Partner, Agreement, AgreementDate, Event):
            for obj in s.scalars(select(model).order_by(model.id)):
                rows.append(
                    (model.__tablename__, *(getattr(obj, c.key) for c in model.__table__.columns))
                )
        return rows


def test_records_survive_close_and_reopen(db_path: Path) -> None:
    db = open_database(db_path)
    _fill(db)
    before = _snapshot(db)
    db.close()
    again = open_database(db_path)
    try:
        assert _snapshot(again) == before
        assert len(before) == 1 + 1 + 2 + 1 + 3 + 3
    finally:
        again.close()


def test_sqlite_settings(db) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_foreign_keys_enforced(db) -> None:
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Country(name="Нигде", region_id=999, position=0, note=""))
    with db.read() as s:
        assert s.scalars(select(Country)).all() == []


def test_delete_cascades_and_event_survives_its_agreement(db) -> None:
    _fill(db)
    with db.write() as s:
        s.delete(s.scalars(select(Agreement)).one())
    with db.read() as s:
        assert s.scalars(select(AgreementDate)).all() == []
        linked = s.scalars(select(Event).where(Event.text == "визит")).one()
        assert linked.agreement_id is None  # the event stays with its partner
    with db.write() as s:
        s.delete(s.scalars(select(Region)).one())
    with db.read() as s:
        assert s.scalars(select(Event)).all() == []
        assert s.scalars(select(Partner)).all() == []


def test_check_constraints(db) -> None:
    _fill(db)
    with db.read() as s:
        minsk_id = s.scalars(select(Partner.id).where(Partner.name == "Минск")).one()
    bad_events = [
        dict(start="2024-07-03", end=None),  # one end only
        dict(start="2024-07", end="2024-07-03"),  # mixed precision
    ]
    for fields in bad_events:
        with pytest.raises(IntegrityError), db.write() as s:
            s.add(Event(partner_id=minsk_id, year=2024, text="x", position=9, **fields))
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(AgreementDate(agreement_id=1, year=2020, month=13, position=5))
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Partner(name=None, kind="city", country_id=1, position=5, note=""))


def test_failed_edit_changes_nothing(db) -> None:
    _fill(db)
    before = _snapshot(db)
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(Region(name="Африка", position=5, note=""))
        s.flush()
        raise RuntimeError("power cut")
    assert _snapshot(db) == before


def test_writer_takes_the_lock_at_begin(db, db_path: Path) -> None:
    """While a write session is open, no other writer can even start (BEGIN IMMEDIATE)."""
    entered, release = threading.Event(), threading.Event()

    def writer() -> None:
        with db.write() as s:
            s.add(Region(name="Европа", position=0, note=""))
            s.flush()
            entered.set()
            release.wait(10)

    t = threading.Thread(target=writer)
    t.start()
    try:
        assert entered.wait(10)
        other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    finally:
        release.set()
        t.join()


def test_new_file_being_made_by_another_program_is_waited_for(tmp_path: Path) -> None:
    """Two programs creating one new file: the second waits for the first's lock.

    Switching a new file to WAL is itself a short write in the old journal mode, and SQLite
    answers ``PRAGMA journal_mode = WAL`` with «database is locked» at once, whatever the
    busy timeout, while another program holds that lock (CI saw it: two imports into one
    new file, the loser told the database was busy instead of «the year has events»).
    """
    path = tmp_path / "new.sqlite"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # the other program, half-way through its switch
    other.execute("CREATE TABLE being_made (x)")
    release = threading.Timer(0.5, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        db = open_database(path)
    finally:
        release.join()
        other.close()
    try:
        with db.read() as s:
            assert s.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert s.scalars(select(Region)).all() == []
    finally:
        db.close()


def test_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    f = tmp_path / "table.sqlite"
    f.write_bytes(b"%PDF-1.4 this is a pdf")
    with pytest.raises(NotADatabase, match="не база данных"):
        open_database(f)
    assert f.read_bytes() == b"%PDF-1.4 this is a pdf"


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "other.sqlite"
    conn = sqlite3.connect(f)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = f.read_bytes()
    with pytest.raises(NotADatabase, match="другой программы"):
        open_database(f)
    assert f.read_bytes() == before


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="не существует"):
        open_database(tmp_path / "nowhere" / "x.sqlite")
    assert not (tmp_path / "nowhere").exists()


def test_readonly_file_opens_readonly(db_path: Path) -> None:
    db = open_database(db_path)
    _fill(db)
    db.close()
    for extra in (
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ):
        extra.unlink(missing_ok=True)
    db_path.chmod(0o444)
    try:
        ro = open_database(db_path)
        try:
            assert ro.readonly
            assert len(_snapshot(ro)) == 11
            with pytest.raises(StoreError, match="только для чтения"):
                ro.write()
        finally:
            ro.close()
    finally:
        db_path.chmod(0o644)


def test_data_version_changes_with_every_commit_and_stops_at_close(db_path: Path) -> None:
    db = open_database(db_path)
    first = db.data_version()
    assert first is not None and db.data_version() == first  # nothing written meanwhile
    with db.write() as s:
        s.add(Region(name="Европа", position=0, note=""))
    second = db.data_version()
    assert second != first
    other = sqlite3.connect(db_path)
    with other:
        other.execute("UPDATE region SET note = 'другая программа'")
    other.close()
    assert db.data_version() not in (first, second)
    db.close()
    assert db.data_version() is None  # no connection opened again once closed


def test_a_full_disk_at_opening_is_not_called_damage(db_path: Path) -> None:
    """No room for the ``-shm`` file a WAL database needs even to be read: the clerk is told
    to free space, not that the file is damaged and to restore a backup (which would have
    thrown away the work since that copy). The file is not touched."""
    import subprocess
    import sys

    from spbgui.services import edit

    db = open_database(db_path)
    edit.add_region(db=db, name="Европа")
    db.close()  # (the last connection removes -wal and -shm)
    before = db_path.read_bytes()
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))  # the disk is full\n"
        "from spbgui.store.database import open_database\n"
        "from spbgui.errors import UserError\n"
        "try:\n"
        "    open_database(sys.argv[1])\n"
        "except UserError as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.startswith("FileUnreadable "), out
    assert "не хватает места" in out and "файл не изменён" in out
    assert "повреждён" not in out and "резервн" not in out
    assert db_path.read_bytes() == before
