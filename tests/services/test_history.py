"""The change history (issue 9): every change once, who and when, export, restore of a delete."""

from __future__ import annotations

import csv
import datetime as dt
import getpass
from pathlib import Path

import pytest

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.io.xlsx.read import read_table
from spbgui.services import edit, history, order, records, removal
from spbgui.services.importer import import_table
from spbgui.services.positions import EditError
from spbgui.store.database import Database

NO_DATE = EventDate(None, None)


def _tree(db: Database) -> dict[str, int]:
    r = edit.add_region(db=db, name="Азия")
    c = edit.add_country(db=db, region_id=r.id, name="Вьетнам")
    p = edit.add_partner(db=db, country_id=c.id, name="Хошимин")
    a = edit.add_agreement(db=db, partner_id=p.id, title="Соглашение", dates=[PartialDate(2005)])
    e = edit.add_event(
        db=db, partner_id=p.id, year=2024, date=NO_DATE, text="Неделя", agreement_id=a.id
    )
    return {"region": r.id, "country": c.id, "partner": p.id, "agreement": a.id, "event": e.id}


def check_history_of_edits(db: Database, user: str) -> None:
    ids = _tree(db)
    edit.update_event(db=db, event_id=ids["event"], text="Дни")
    edit.update_event(db=db, event_id=ids["event"], text="Дни")  # no change: no entry
    changes = history.history(db=db, table="event", record_id=ids["event"])
    assert [c.action for c in changes] == ["insert", "update"]
    assert changes[1].changed_fields == {"text": ("Неделя", "Дни")}
    assert changes[1].before["version"] == 1 and changes[1].after["version"] == 2
    assert all(c.who == user for c in changes)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert all(abs((now - c.at).total_seconds()) < 120 for c in changes)
    # A reorder is not an edit of the record; a move to another partner is.
    second = edit.add_event(db=db, partner_id=ids["partner"], year=2024, date=NO_DATE, text="2")
    order.move_event(db=db, event_id=second.id, index=0)
    assert [c.action for c in history.history(db=db, table="event", record_id=second.id)] == [
        "insert"
    ]
    edit.update_agreement(db=db, agreement_id=ids["agreement"], dates=[PartialDate(2006)])
    assert [c.action for c in history.history(db=db, table="agreement")] == ["insert", "update"]


def check_restore_deleted(db: Database) -> None:
    ids = _tree(db)
    before = records.dump(db=db)
    removal.delete_records(db=db, kind="region", ids=[ids["region"]])
    assert records.dump(db=db)["regions"] == []
    gone = history.history(db=db, table="region", record_id=ids["region"])[-1]
    assert gone.action == "delete"
    assert {t: len(rows) for t, rows in gone.detail["children"].items()} == {
        "country": 1,
        "partner": 1,
        "agreement": 1,
        "agreement_date": 1,
        "event": 1,
    }
    history.restore_deleted(db=db, change_id=gone.id)
    assert records.dump(db=db) == before
    with pytest.raises(EditError, match="уже есть"):
        history.restore_deleted(db=db, change_id=gone.id)
    # An agreement deleted alone: its events stay, their link comes back with it.
    removal.delete_records(db=db, kind="agreement", ids=[ids["agreement"]])
    entry = history.history(db=db, table="agreement", record_id=ids["agreement"])[-1]
    history.restore_deleted(db=db, change_id=entry.id)
    assert records.dump(db=db) == before
    # After restoring, new records still get fresh ids.
    assert edit.add_region(db=db, name="Европа").id != ids["region"]


def test_history_lists_each_change_once_with_who_and_when(db) -> None:  # type: ignore[no-untyped-def]
    # Who: the OS login on SQLite, the database login on a server.
    sqlite = db.engine.dialect.name == "sqlite"
    check_history_of_edits(db, getpass.getuser() if sqlite else db.engine.url.username)


def test_deleted_region_comes_back_with_everything_under_it(db) -> None:  # type: ignore[no-untyped-def]
    check_restore_deleted(db)


def test_an_import_writes_one_summary_entry(db, fixture_xlsx: Path) -> None:  # type: ignore[no-untyped-def]
    import_table(db=db, table=read_table(fixture_xlsx))
    changes = history.history(db=db)
    assert [c.action for c in changes] == ["import"]
    assert changes[0].after["created"]["events"] == 96


def test_export_writes_every_entry(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = _tree(db)
    edit.update_region(db=db, region_id=ids["region"], note="заметка")
    out = tmp_path / "history.csv"
    assert history.export_history(db=db, path=out) == 6
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][1] == "когда (UTC)"
    assert rows[-1][5] == "изменение" and "заметка" in rows[-1][7]
    assert history.export_history(db=db, path=out, table="region", record_id=ids["region"]) == 2
