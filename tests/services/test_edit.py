"""Editing services on real SQLite files: add, change, move, delete and restore records."""

from __future__ import annotations

import pytest

from spbgui.domain.dates import PartialDate, parse_event_date
from spbgui.services import details, edit, order, removal, tree
from spbgui.services.changes import ROOT, NodeRef
from spbgui.services.positions import EditError
from spbgui.store.database import Database, open_database

YEAR = 2024


def seed(db: Database) -> dict[str, int]:
    """Азия/Вьетнам (Хошимин, Хайфон), СНГ/Белоруссия (в целом, Минск) with a few records."""
    ids: dict[str, int] = {}
    ids["asia"] = edit.add_region(db=db, name="Азия").id
    ids["cis"] = edit.add_region(db=db, name="СНГ").id
    ids["vietnam"] = edit.add_country(db=db, region_id=ids["asia"], name="Вьетнам").id
    ids["belarus"] = edit.add_country(db=db, region_id=ids["cis"], name="Белоруссия").id
    ids["hcm"] = edit.add_partner(db=db, country_id=ids["vietnam"], name="Хошимин").id
    ids["haiphong"] = edit.add_partner(db=db, country_id=ids["vietnam"], name="Хайфон").id
    ids["whole"] = edit.add_partner(db=db, country_id=ids["belarus"], name=None, kind="country").id
    ids["minsk"] = edit.add_partner(db=db, country_id=ids["belarus"], name="Минск").id
    ids["agr"] = edit.add_agreement(
        db=db,
        partner_id=ids["hcm"],
        title="Соглашение о партнёрстве",
        dates=(PartialDate(2005, 12, 9), PartialDate(2024)),
    ).id
    for n, (when, text) in enumerate(
        [("3-6 июля", "визит делегации"), ("Июнь", "неделя Вьетнама"), ("", "без даты")]
    ):
        ids[f"ev{n}"] = edit.add_event(
            db=db,
            partner_id=ids["hcm"],
            year=YEAR,
            date=parse_event_date(when, YEAR),
            text=text,
            agreement_id=ids["agr"] if n == 0 else None,
        ).id
    ids["ev_old"] = edit.add_event(
        db=db, partner_id=ids["hcm"], year=2023, date=parse_event_date("Май", 2023), text="старое"
    ).id
    return ids


def names(rows: list[tree.NodeRow]) -> list[str]:
    return [r.name for r in rows]


def test_added_records_come_back_in_order_with_counts(db: Database) -> None:
    ids = seed(db)
    regions = tree.regions(db=db, year=YEAR)
    assert names(regions) == ["Азия", "СНГ"]
    assert [(r.events, r.children) for r in regions] == [(3, 1), (0, 1)]
    partners = tree.partners(db=db, country_id=ids["belarus"], year=YEAR)
    assert names(partners) == ["Белоруссия", "Минск"]
    assert partners[0].is_country_as_whole
    events = details.events(db=db, partner_id=ids["hcm"], year=YEAR)
    assert [e.date_text for e in events] == ["3-6 июля", "Июнь", ""]
    assert events[0].agreement_id == ids["agr"]
    (agr,) = details.agreements(db=db, partner_id=ids["hcm"])
    assert agr.dates_text == "09.12.2005, 2024"
    assert tree.regions(db=db, year=2023)[0].events == 1


def test_add_at_an_index_and_with_a_given_id(db: Database) -> None:
    ids = seed(db)
    added = edit.add_partner(db=db, country_id=ids["vietnam"], name="Дананг", index=0, id=999)
    assert added.id == 999
    assert added.changes.children == {NodeRef.country(ids["vietnam"])}
    assert names(tree.partners(db=db, country_id=ids["vietnam"], year=YEAR)) == [
        "Дананг",
        "Хошимин",
        "Хайфон",
    ]


def test_duplicate_and_empty_names_are_refused(db: Database) -> None:
    ids = seed(db)
    with pytest.raises(EditError, match="уже есть"):
        edit.add_country(db=db, region_id=ids["asia"], name="вьетнам")
    with pytest.raises(EditError, match="уже есть"):
        edit.update_partner(db=db, partner_id=ids["haiphong"], name=" Хошимин ")
    with pytest.raises(EditError, match="Укажите"):
        edit.add_region(db=db, name="   ")
    with pytest.raises(EditError, match="страна в целом"):
        edit.add_partner(db=db, country_id=ids["belarus"], name=None, kind="country")


def test_update_returns_before_and_after(db: Database) -> None:
    ids = seed(db)
    res = edit.update_partner(db=db, partner_id=ids["hcm"], name="Хошимин (Сайгон)", note="юг")
    assert res.before == edit.PartnerFields("Хошимин", "city", "")
    assert res.after == edit.PartnerFields("Хошимин (Сайгон)", "city", "юг")
    edit.update_partner(db=db, partner_id=ids["hcm"], **vars(res.before))
    assert details.partner(db=db, partner_id=ids["hcm"]).name == "Хошимин"  # type: ignore[union-attr]

    when = parse_event_date("29 января – 16 февраля", YEAR)
    ev = edit.update_event(db=db, event_id=ids["ev1"], date=when)
    assert ev.before.date == parse_event_date("Июнь", YEAR)
    assert details.event(db=db, event_id=ids["ev1"]).date_text == "29 января – 16 февраля"  # type: ignore[union-attr]
    with pytest.raises(EditError, match="2024"):
        edit.update_event(db=db, event_id=ids["ev1"], date=parse_event_date("Июнь", 2023))

    agr = edit.update_agreement(db=db, agreement_id=ids["agr"], dates=(PartialDate(2009),))
    assert agr.before.dates == (PartialDate(2005, 12, 9), PartialDate(2024))
    assert details.agreements(db=db, partner_id=ids["hcm"])[0].dates_text == "2009"


def test_move_partner_to_another_country_and_back(db: Database) -> None:
    ids = seed(db)
    moved = order.move_partner(db=db, partner_id=ids["hcm"], country_id=ids["belarus"], index=1)
    assert moved.before.parent_id == ids["vietnam"] and moved.before.index == 0
    assert NodeRef.country(ids["belarus"]) in moved.changes.children
    assert names(tree.partners(db=db, country_id=ids["belarus"], year=YEAR)) == [
        "Белоруссия",
        "Хошимин",
        "Минск",
    ]
    assert [r.events for r in tree.regions(db=db, year=YEAR)] == [0, 3]  # counts follow
    order.move_partner(
        db=db, partner_id=ids["hcm"], country_id=moved.before.parent_id, index=moved.before.index
    )
    assert names(tree.partners(db=db, country_id=ids["vietnam"], year=YEAR)) == [
        "Хошимин",
        "Хайфон",
    ]


def test_move_country_and_region_and_reorder(db: Database) -> None:
    ids = seed(db)
    order.move_country(db=db, country_id=ids["vietnam"], region_id=ids["cis"], index=0)
    assert names(tree.countries(db=db, region_id=ids["cis"], year=YEAR)) == [
        "Вьетнам",
        "Белоруссия",
    ]
    order.move_region(db=db, region_id=ids["cis"], index=0)
    assert names(tree.regions(db=db, year=YEAR)) == ["СНГ", "Азия"]


def test_events_sorted_by_date_and_undone(db: Database) -> None:
    ids = seed(db)
    res = order.sort_events_by_date(db=db, partner_id=ids["hcm"], year=YEAR)
    texts = [e.text for e in details.events(db=db, partner_id=ids["hcm"], year=YEAR)]
    assert texts == ["неделя Вьетнама", "визит делегации", "без даты"]
    order.order_events(db=db, partner_id=ids["hcm"], year=YEAR, ids=res.before)
    texts = [e.text for e in details.events(db=db, partner_id=ids["hcm"], year=YEAR)]
    assert texts == ["визит делегации", "неделя Вьетнама", "без даты"]


def test_move_event_to_another_partner_drops_the_agreement(db: Database) -> None:
    ids = seed(db)
    moved = order.move_event(db=db, event_id=ids["ev0"], index=None, partner_id=ids["minsk"])
    assert moved.agreement_id == ids["agr"]
    (ev,) = details.events(db=db, partner_id=ids["minsk"], year=YEAR)
    assert ev.agreement_id is None
    order.move_event(
        db=db,
        event_id=ids["ev0"],
        index=moved.before.index,
        partner_id=moved.before.parent_id,
        agreement_id=moved.agreement_id,
    )
    assert details.events(db=db, partner_id=ids["hcm"], year=YEAR)[0].agreement_id == ids["agr"]


def _everything(db: Database) -> dict:
    from spbgui.services import records

    return records.dump(db=db)


def test_delete_and_restore_a_region_gives_back_every_record_with_its_id(db: Database) -> None:
    ids = seed(db)
    before = _everything(db)
    deleted = removal.delete_node(db=db, ref=NodeRef.region(ids["asia"]))
    snap = deleted.snapshot
    assert snap.count("partner") == 2 and snap.count("agreement") == 1
    assert ROOT in deleted.changes.children
    assert names(tree.regions(db=db, year=YEAR)) == ["СНГ"]
    removal.restore(db=db, snapshot=snap)
    assert _everything(db) == before
    assert names(tree.regions(db=db, year=YEAR)) == ["Азия", "СНГ"]
    assert details.partner(db=db, partner_id=ids["hcm"]) is not None  # same id


def test_delete_agreement_keeps_events_and_restore_relinks_them(db: Database) -> None:
    ids = seed(db)
    deleted = removal.delete_records(db=db, kind="agreement", ids=[ids["agr"]])
    assert details.events(db=db, partner_id=ids["hcm"], year=YEAR)[0].agreement_id is None
    removal.restore(db=db, snapshot=deleted.snapshot)
    assert details.events(db=db, partner_id=ids["hcm"], year=YEAR)[0].agreement_id == ids["agr"]


def test_deleted_events_come_back_at_their_places(db: Database) -> None:
    ids = seed(db)
    deleted = removal.delete_records(db=db, kind="event", ids=[ids["ev2"], ids["ev0"]])
    assert [e.id for e in details.events(db=db, partner_id=ids["hcm"], year=YEAR)] == [ids["ev1"]]
    removal.restore(db=db, snapshot=deleted.snapshot)
    got = [e.id for e in details.events(db=db, partner_id=ids["hcm"], year=YEAR)]
    assert got == [ids["ev0"], ids["ev1"], ids["ev2"]]


def test_contents_counts_what_goes_with_a_node(db: Database) -> None:
    ids = seed(db)
    c = tree.contents(db=db, ref=NodeRef.region(ids["asia"]))
    assert (c.countries, c.partners, c.agreements, c.events) == (1, 2, 1, 4)
    c = tree.contents(db=db, ref=NodeRef.partner(ids["hcm"]))
    assert (c.partners, c.agreements, c.events) == (0, 1, 4)


def test_every_edit_is_in_the_file_at_once(db: Database) -> None:
    ids = seed(db)
    edit.update_partner(db=db, partner_id=ids["minsk"], note="заметка")
    other = open_database(db.path or db.url)  # a second connection sees it without any «save»
    try:
        assert details.partner(db=other, partner_id=ids["minsk"]).note == "заметка"  # type: ignore[union-attr]
        assert tree.path(db=other, ref=NodeRef.partner(ids["minsk"])) == [
            NodeRef.region(ids["cis"]),
            NodeRef.country(ids["belarus"]),
            NodeRef.partner(ids["minsk"]),
        ]
    finally:
        other.close()
