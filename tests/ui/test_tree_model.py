"""The navigation model: passes Qt's model tester, loads lazily, follows change sets."""

from __future__ import annotations

from spbgui.domain.dates import parse_event_date
from spbgui.services import edit, order, removal, search
from spbgui.services.changes import NodeRef
from spbgui.store.database import Database
from spbgui.ui.tree_model import NavigationModel

YEAR = 2024


def seed(db: Database) -> dict[str, int]:
    ids = {
        "asia": edit.add_region(db=db, name="Азия").id,
        "cis": edit.add_region(db=db, name="СНГ").id,
    }
    ids["vn"] = edit.add_country(db=db, region_id=ids["asia"], name="Вьетнам").id
    ids["by"] = edit.add_country(db=db, region_id=ids["cis"], name="Белоруссия").id
    ids["hcm"] = edit.add_partner(db=db, country_id=ids["vn"], name="Хошимин").id
    ids["hp"] = edit.add_partner(db=db, country_id=ids["vn"], name="Хайфон").id
    ids["whole"] = edit.add_partner(db=db, country_id=ids["by"], name=None, kind="country").id
    ids["minsk"] = edit.add_partner(db=db, country_id=ids["by"], name="Минск").id
    edit.add_event(
        db=db, partner_id=ids["hcm"], year=YEAR, date=parse_event_date("Июнь", YEAR), text="а"
    )
    return ids


def _expand_all(model: NavigationModel) -> None:
    for r in range(model.rowCount()):
        ri = model.index(r, 0)
        model.fetch(ri)
        for c in range(model.rowCount(ri)):
            model.fetch(model.index(c, 0, ri))


def names(model: NavigationModel, parent=None) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    p = parent or QModelIndex()
    return [model.index(r, 0, p).data() for r in range(model.rowCount(p))]


def test_model_passes_the_tester(qtmodeltester, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    model = NavigationModel(db, YEAR)
    qtmodeltester.check(model, force_py=True)
    _expand_all(model)
    qtmodeltester.check(model, force_py=True)


def test_children_load_on_demand(db: Database) -> None:
    ids = seed(db)
    model = NavigationModel(db, YEAR)
    asia = model.index(0, 0)
    assert model.hasChildren(asia) and model.rowCount(asia) == 0
    assert model.canFetchMore(asia)
    model.fetchMore(asia)
    assert names(model, asia) == ["Вьетнам"]
    assert model.index(0, 1, asia).data() == "1"
    # Loaded nodes are found by their ref; a country under a region not loaded yet is not.
    assert model.index_of(NodeRef.country(ids["vn"])) == model.index(0, 0, asia)
    assert not model.index(0, 0, model.index(1, 0)).isValid()
    model.fetch(model.index(1, 0))
    by = model.index(0, 0, model.index(1, 0))
    model.fetch(by)
    assert names(model, by) == ["Белоруссия (country as a whole)", "Минск"]


def test_apply_a_move_keeps_other_nodes_and_updates_counts(qtmodeltester, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = seed(db)
    model = NavigationModel(db, YEAR)
    _expand_all(model)
    minsk = model.index_of(NodeRef.partner(ids["minsk"]))
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(minsk)
    moved = order.move_partner(db=db, partner_id=ids["hcm"], country_id=ids["by"], index=0)
    model.apply(moved.changes)
    by = model.index_of(NodeRef.country(ids["by"]))
    assert names(model, by)[0] == "Хошимин"
    assert kept.isValid() and kept.data() == "Минск"
    assert model.index(0, 1).data() == ""  # Азия: no events left
    assert model.index(1, 1).data() == "1"
    qtmodeltester.check(model, force_py=True)
    # and back, through a delete and a restore as undo does
    deleted = removal.delete_node(db=db, ref=NodeRef.partner(ids["hcm"]))
    model.apply(deleted.changes)
    assert "Хошимин" not in names(model, by)
    model.apply(removal.restore(db=db, snapshot=deleted.snapshot))
    assert names(model, by)[0] == "Хошимин"
    qtmodeltester.check(model, force_py=True)


def test_reorder_keeps_persistent_indexes(db: Database) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    ids = seed(db)
    model = NavigationModel(db, YEAR)
    _expand_all(model)
    hp = QPersistentModelIndex(model.index_of(NodeRef.partner(ids["hp"])))
    model.apply(
        order.move_partner(db=db, partner_id=ids["hp"], country_id=ids["vn"], index=0).changes
    )
    assert hp.row() == 0 and hp.data() == "Хайфон"


def test_filter_shows_only_what_matches(db: Database) -> None:
    ids = seed(db)
    model = NavigationModel(db, YEAR)
    model.set_filter(search.search(db=db, query="минс", year=YEAR))
    assert names(model) == ["СНГ"]
    _expand_all(model)
    by = model.index_of(NodeRef.country(ids["by"]))
    assert names(model, by) == ["Минск"]
    model.set_filter(None)
    assert names(model) == ["Азия", "СНГ"]


def test_year_switch_updates_counts(db: Database) -> None:
    seed(db)
    model = NavigationModel(db, YEAR)
    assert model.index(0, 1).data() == "1"
    model.set_year(2025)
    assert model.index(0, 1).data() == ""
    assert (
        model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "2025"
    )
