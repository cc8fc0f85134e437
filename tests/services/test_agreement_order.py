"""A country's agreements keep one row order across its partners, as the table has them.

In 2024 Белоруссия's rows are: the country, the country, Минск, the country. Adding,
moving, deleting and restoring one partner's agreements must not reshuffle the others'
rows, so the exported table and the report keep the committee's order.
"""

from __future__ import annotations

from sqlalchemy import select

from spbgui.io.xlsx.read import read_table
from spbgui.services import edit, order, records, removal
from spbgui.services.importer import import_table
from spbgui.store.models import Agreement, Country, Partner


def _belarus(db) -> list[tuple[str | None, str]]:
    return [
        (a["partner"], a["title"][:25])
        for a in records.dump(db=db)["agreements"]
        if a["country"] == "Белоруссия"
    ]


def _minsk(db) -> int:
    with db.read() as s:
        return s.scalar(select(Partner.id).where(Partner.name == "Минск"))


def test_edits_of_one_partner_keep_the_country_rows(db, fixture_xlsx) -> None:
    import_table(db=db, table=read_table(fixture_xlsx))
    start = _belarus(db)
    assert [p for p, _ in start] == [None, None, "Минск", None]
    minsk = _minsk(db)

    new = edit.add_agreement(db=db, partner_id=minsk, title="Новое соглашение").id
    assert _belarus(db) == [*start, ("Минск", "Новое соглашение")]

    order.move_agreement(db=db, agreement_id=new, index=0)  # first among Минск's
    assert _belarus(db) == [start[0], start[1], ("Минск", "Новое соглашение"), start[3], start[2]]

    whole_last = start[3]
    with db.read() as s:
        last_id = s.scalars(
            select(Agreement.id)
            .join(Partner)
            .join(Country)
            .where(Country.name == "Белоруссия", Agreement.title.startswith(whole_last[1]))
        ).one()
    order.move_agreement(db=db, agreement_id=last_id, index=0)  # first among the country's own
    assert _belarus(db) == [start[3], start[0], ("Минск", "Новое соглашение"), start[1], start[2]]

    before = _belarus(db)
    gone = removal.delete_records(db=db, kind="agreement", ids=[new])
    assert ("Минск", "Новое соглашение") not in _belarus(db)
    removal.restore(db=db, snapshot=gone.snapshot)
    assert _belarus(db) == before


def test_a_moved_partner_brings_its_rows_after_the_new_country(db, fixture_xlsx) -> None:
    import_table(db=db, table=read_table(fixture_xlsx))
    with db.read() as s:
        kyrgyzstan = s.scalar(select(Country.id).where(Country.name == "Киргизия"))
    rows_before = [
        a["title"] for a in records.dump(db=db)["agreements"] if a["country"] == "Киргизия"
    ]
    order.move_partner(db=db, partner_id=_minsk(db), country_id=kyrgyzstan, index=None)
    rows = [a for a in records.dump(db=db)["agreements"] if a["country"] == "Киргизия"]
    assert [a["title"] for a in rows[:-1]] == rows_before
    assert rows[-1]["partner"] == "Минск"
