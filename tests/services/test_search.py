"""Search over the FTS5 index: prefixes of words, any case, «ё» as «е», kept in step by triggers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from spbgui.domain.dates import parse_event_date
from spbgui.services import edit, removal, search
from spbgui.services.changes import NodeRef
from spbgui.store.database import Database

YEAR = 2024


def seed(db: Database) -> dict[str, int]:
    ids = {
        "asia": edit.add_region(db=db, name="Азия").id,
        "cis": edit.add_region(db=db, name="СНГ").id,
    }
    ids["uz"] = edit.add_country(db=db, region_id=ids["cis"], name="Узбекистан").id
    ids["vn"] = edit.add_country(db=db, region_id=ids["asia"], name="Вьетнам").id
    ids["tashkent"] = edit.add_partner(db=db, country_id=ids["uz"], name="Ташкент").id
    ids["samarkand"] = edit.add_partner(db=db, country_id=ids["uz"], name="Самарканд").id
    ids["hcm"] = edit.add_partner(db=db, country_id=ids["vn"], name="Хошимин").id
    edit.add_agreement(db=db, partner_id=ids["samarkand"], title="Протокол о Ёлочных базарах")
    ids["parade"] = edit.add_event(
        db=db,
        partner_id=ids["hcm"],
        year=YEAR,
        date=parse_event_date("28 июля", YEAR),
        text="участие моряков в Главном военно-морском параде",
    ).id
    ids["old"] = edit.add_event(
        db=db,
        partner_id=ids["tashkent"],
        year=2023,
        date=parse_event_date("Май", 2023),
        text="визит делегации ТАШКЕНТА на парад",
    ).id
    return ids


def test_prefix_case_and_yo_insensitive(db: Database) -> None:
    ids = seed(db)
    r = search.search(db=db, query="ЕЛОЧН", year=YEAR)
    assert r.partners == {ids["samarkand"]}
    assert r.countries == {ids["uz"]} and r.regions == {ids["cis"]}
    r = search.search(db=db, query="ташк", year=YEAR)
    assert r.partners == {ids["tashkent"]} and not r.events


def test_events_of_the_year_or_of_every_year(db: Database) -> None:
    ids = seed(db)
    r = search.search(db=db, query="парад", year=YEAR)
    assert [e.id for e in r.events] == [ids["parade"]]
    assert r.partners == {ids["hcm"]}
    assert r.events[0].date_text == "28 июля" and r.events[0].partner == "Хошимин"
    r = search.search(db=db, query="парад", year=None)
    assert [e.id for e in r.events] == [ids["parade"], ids["old"]]  # newest year first
    assert r.event_count == 2


def test_all_words_required(db: Database) -> None:
    ids = seed(db)
    assert search.search(db=db, query="визит парад", year=None).partners == {ids["tashkent"]}
    assert search.search(db=db, query="визит самарк", year=None).is_empty


def test_a_matching_country_or_region_shows_everything_in_it(db: Database) -> None:
    ids = seed(db)
    r = search.search(db=db, query="узбек", year=YEAR)
    assert r.shows(NodeRef.partner(ids["samarkand"]), NodeRef.country(ids["uz"]))
    assert not r.shows(NodeRef.country(ids["vn"]), NodeRef.region(ids["asia"]))
    r = search.search(db=db, query="азия", year=YEAR)
    assert r.shows(NodeRef.partner(ids["hcm"]), NodeRef.country(ids["vn"]))


def test_too_short_a_query_is_not_run(db: Database) -> None:
    seed(db)
    assert search.search(db=db, query="т", year=YEAR).too_short


def test_the_index_follows_edits_and_deletes(db: Database) -> None:
    ids = seed(db)
    edit.update_partner(db=db, partner_id=ids["hcm"], name="Хошимин (Сайгон)")
    assert search.search(db=db, query="сайгон", year=YEAR).partners == {ids["hcm"]}
    deleted = removal.delete_records(db=db, kind="event", ids=[ids["parade"]])
    assert search.search(db=db, query="парад", year=YEAR).is_empty
    removal.restore(db=db, snapshot=deleted.snapshot)
    assert search.search(db=db, query="парад", year=YEAR).partners == {ids["hcm"]}
    removal.delete_node(db=db, ref=NodeRef.region(ids["cis"]))  # cascades reach the index
    assert search.search(db=db, query="ташкент", year=None).is_empty


def test_the_index_is_filled_for_records_written_before_it(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from spbgui.store import migrate
    from spbgui.store.database import open_database

    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO region VALUES (1, 'Азия', 0, '');
        INSERT INTO country VALUES (1, 1, 'Вьетнам', 0, '');
        INSERT INTO partner VALUES (1, 1, 'Хошимин', 'city', 0, '');
        INSERT INTO event VALUES (1, 1, NULL, 2024, NULL, NULL, 'Неделя Вьетнама', 0);
        """
    )
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        assert search.search(db=db, query="недел", year=2024).partners == {1}
    finally:
        db.close()


def test_many_partners_found_give_the_same_tree(db: Database, monkeypatch) -> None:
    """Thousands of partners found: their countries are read without binding their ids."""
    seed(db)
    queries = ("ташк", "хошимин", "узбекистан", "азия", "самарканд")
    small = [search.search(db=db, query=q, year=None) for q in queries]
    monkeypatch.setattr(search, "_IDS_IN_SQL", 0)  # as if every search found thousands
    assert [search.search(db=db, query=q, year=None) for q in queries] == small
    assert any(r.countries for r in small)
