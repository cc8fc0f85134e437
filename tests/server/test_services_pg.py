"""The services on PostgreSQL: the same records as on SQLite, ids and sequences kept right."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.domain.dates import EventDate
from spbgui.io.xlsx.read import read_table
from spbgui.services import edit, records, removal
from spbgui.services.importer import import_table


@pytest.fixture(scope="module")
def table_2024(fixture_xlsx: Path):
    return read_table(fixture_xlsx)


def test_import_of_the_2024_table_dumps_the_expected_records(
    pg_db, table_2024, expected_2024
) -> None:
    result = import_table(db=pg_db, table=table_2024)
    assert result.created["events"] == 96
    assert records.dump(db=pg_db) == expected_2024
    # The ids the import gave itself are behind the sequences: a new record gets a fresh id.
    region = edit.add_region(db=pg_db, name="Антарктида")
    partner = edit.add_partner(
        db=pg_db,
        country_id=edit.add_country(db=pg_db, region_id=region.id, name="Земля Королевы Мод").id,
        name="Новолазаревская",
    )
    added = edit.add_event(
        db=pg_db, partner_id=partner.id, year=2024, date=EventDate(None, None), text="Зимовка"
    )
    assert added.id > 96
    again = import_table(db=pg_db, table=table_2024, replace_year=True)
    assert again.created["events"] == 96


def test_edits_and_delete_undo_with_explicit_ids(pg_db) -> None:
    r = edit.add_region(db=pg_db, name="Азия")
    c = edit.add_country(db=pg_db, region_id=r.id, name="Вьетнам")
    p = edit.add_partner(db=pg_db, country_id=c.id, name="Хошимин")
    a = edit.add_agreement(db=pg_db, partner_id=p.id, title="Соглашение")
    e = edit.add_event(
        db=pg_db,
        partner_id=p.id,
        year=2024,
        date=EventDate(None, None),
        text="Неделя Вьетнама",
        agreement_id=a.id,
    )
    changed = edit.update_event(db=pg_db, event_id=e.id, text="Дни Вьетнама")
    assert changed.before.text == "Неделя Вьетнама" and changed.after.text == "Дни Вьетнама"
    before = records.dump(db=pg_db)
    gone = removal.delete_records(db=pg_db, kind="region", ids=[r.id])
    assert records.dump(db=pg_db)["regions"] == []
    removal.restore(db=pg_db, snapshot=gone.snapshot)
    assert records.dump(db=pg_db) == before
    # Redo of an undone addition: the same id again, and the sequence moves past it.
    edit.add_region(db=pg_db, name="Европа", id=50)
    assert edit.add_region(db=pg_db, name="Африка").id > 50
    assert edit.add_event(
        db=pg_db, partner_id=p.id, year=2024, date=EventDate(None, None), text="ещё"
    ).id not in {e.id}
