"""Reading the navigation tree: levels with counts, a subset for a search, paths, contents."""

from __future__ import annotations

from spbgui.domain.dates import parse_event_date
from spbgui.services import databases, tree
from spbgui.services.changes import NodeRef
from spbgui.store.database import Database

YEAR = 2024


def seed(db: Database) -> dict[str, int]:
    from spbgui.services import edit

    ids = {
        "eu": edit.add_region(db=db, name="Европа").id,
        "asia": edit.add_region(db=db, name="Азия").id,
    }
    ids["rs"] = edit.add_country(db=db, region_id=ids["eu"], name="Сербия").id
    ids["hu"] = edit.add_country(db=db, region_id=ids["eu"], name="Венгрия").id
    ids["bg"] = edit.add_partner(db=db, country_id=ids["rs"], name="Белград").id
    ids["ns"] = edit.add_partner(db=db, country_id=ids["rs"], name="Нови-Сад").id
    ids["bp"] = edit.add_partner(db=db, country_id=ids["hu"], name="Будапешт").id
    for when in ("2 июля", "Август"):
        edit.add_event(
            db=db, partner_id=ids["bg"], year=YEAR, date=parse_event_date(when, YEAR), text="визит"
        )
    edit.add_event(
        db=db, partner_id=ids["bp"], year=2023, date=parse_event_date("Май", 2023), text="форум"
    )
    return ids


def test_levels_carry_counts_of_the_year_and_children(db: Database) -> None:
    ids = seed(db)
    (eu, asia) = tree.children(db=db, parent=None, year=YEAR)
    assert (eu.name, eu.events, eu.children) == ("Европа", 2, 2)
    assert (asia.events, asia.children) == (0, 0)
    rs, hu = tree.children(db=db, parent=eu.ref, year=YEAR)
    assert (rs.events, rs.children, hu.events) == (2, 2, 0)
    assert [r.events for r in tree.children(db=db, parent=hu.ref, year=2023)] == [1]
    assert tree.children(db=db, parent=NodeRef.partner(ids["bg"]), year=YEAR) == []


def test_only_the_children_a_search_keeps(db: Database) -> None:
    ids = seed(db)
    rows = tree.children(db=db, parent=NodeRef.country(ids["rs"]), year=YEAR, only={ids["ns"]})
    assert [r.name for r in rows] == ["Нови-Сад"]
    rows = tree.children(db=db, parent=None, year=YEAR, only=set())
    assert rows == []


def test_path_node_and_first_partner(db: Database) -> None:
    ids = seed(db)
    ref = NodeRef.partner(ids["ns"])
    assert tree.path(db=db, ref=ref) == [
        NodeRef.region(ids["eu"]),
        NodeRef.country(ids["rs"]),
        ref,
    ]
    assert tree.node(db=db, ref=ref, year=YEAR).name == "Нови-Сад"
    assert tree.path(db=db, ref=NodeRef.partner(999)) == []
    assert tree.first_partner(db=db) == NodeRef.partner(ids["bg"])


def test_totals_for_the_status_bar(db: Database) -> None:
    seed(db)
    t = databases.totals(db=db, year=YEAR)
    assert (t.regions, t.countries, t.partners, t.agreements, t.events) == (2, 2, 3, 0, 2)
    assert not databases.is_empty(db=db)


def test_all_levels_at_once_are_the_levels_one_by_one(db: Database) -> None:
    """What the search as you type filters must be what the tree reads level by level."""
    from spbgui.services import edit

    ids = seed(db)
    edit.add_partner(db=db, country_id=ids["hu"], name=None, kind="country")  # no name
    for year in (YEAR, 2023, 2030):
        levels = tree.all_levels(db=db, year=year)
        parents: list[NodeRef | None] = [None]
        while parents:
            parent = parents.pop()
            rows = tree.children(db=db, parent=parent, year=year)
            assert levels.get(parent, []) == rows, (year, parent)
            parents += [r.ref for r in rows if r.children]
