"""The tree as staff edit it: add, rename, delete with confirmation, move by menu and by drag."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt

from spbgui.services import details, tree
from spbgui.services.changes import NodeKind, NodeRef
from spbgui.ui.actions import ActionId
from spbgui.ui.dialogs import ConfirmDialog, MoveDialog, NameDialog, PartnerDialog
from spbgui.ui.tree_model import EVENTS_MIME, NODES_MIME


def _answer(monkeypatch, cls, value, log=None):
    def ask(_cls, *args, **kwargs):
        if log is not None:
            log.append(args)
        return value

    monkeypatch.setattr(cls, "ask", classmethod(ask))


def _children(window, ref) -> list[str]:
    model = window.model
    parent = model.index_of(ref) if ref is not None else QModelIndex()
    model.fetch(parent)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def _country(window, name: str) -> NodeRef:
    for _rid, _rname, countries in details.regions_and_countries(db=window.db):
        for cid, cname in countries:
            if cname == name:
                return NodeRef.country(cid)
    raise AssertionError(name)


def test_delete_a_partner_says_what_goes_with_it_and_undo_restores_all(
    window, select_partner, monkeypatch
) -> None:
    pid = select_partner("Ташкент")
    uz = _country(window, "Узбекистан")
    asked: list[tuple] = []
    _answer(monkeypatch, ConfirmDialog, True, asked)
    window.tree.setFocus()
    window.actions_[ActionId.DELETE].trigger()
    (question,) = asked
    assert "Ташкент" in question[2]
    assert "1 agreement" in question[3] and "10 event" in question[3]  # what goes with it
    assert details.partner(db=window.db, partner_id=pid) is None
    assert "Ташкент" not in _children(window, uz)
    window.actions_[ActionId.UNDO].trigger()
    info = details.partner(db=window.db, partner_id=pid)  # the same id again
    assert info is not None and info.name == "Ташкент"
    assert len(details.events(db=window.db, partner_id=pid, year=2024)) == 10
    assert _children(window, uz) == ["Ташкент"]
    assert window.tree.current_ref() == NodeRef.partner(pid)  # and selected again
    window.actions_[ActionId.REDO].trigger()
    assert details.partner(db=window.db, partner_id=pid) is None


def test_a_refused_confirmation_deletes_nothing(window, select_partner, monkeypatch) -> None:
    pid = select_partner("Минск")
    _answer(monkeypatch, ConfirmDialog, False)
    window.tree.setFocus()
    window.actions_[ActionId.DELETE].trigger()
    assert details.partner(db=window.db, partner_id=pid) is not None
    assert not window.editor.stack.canUndo()


def test_delete_a_region_with_everything_in_it(window, monkeypatch) -> None:
    asked: list[tuple] = []
    _answer(monkeypatch, ConfirmDialog, True, asked)
    regions = _children(window, None)
    cis = window.model.ref(window.model.index(regions.index("СНГ"), 0))
    window.tree.select_ref(window.db, cis)
    window.records.delete_node()
    assert "9 " in asked[0][3] and "13 " in asked[0][3]  # countries and partners with it
    assert "СНГ" not in _children(window, None)
    window.editor.stack.undo()
    assert _children(window, None) == regions


def test_add_region_country_partner_and_rename_with_f2(window, monkeypatch) -> None:
    _answer(monkeypatch, NameDialog, "Океания")
    window.actions_[ActionId.ADD_REGION].trigger()
    assert _children(window, None)[-1] == "Океания"
    region = window.tree.current_ref()
    assert region is not None and region.kind is NodeKind.REGION
    _answer(monkeypatch, NameDialog, "Австралия")
    window.actions_[ActionId.ADD_COUNTRY].trigger()
    country = window.tree.current_ref()
    assert _children(window, region) == ["Австралия"]
    _answer(monkeypatch, PartnerDialog, ("Сидней", "city"))
    window.actions_[ActionId.ADD_PARTNER].trigger()
    partner = window.tree.current_ref()
    assert partner is not None and partner.kind is NodeKind.PARTNER
    assert window.details.partner.heading.text() == "Сидней"
    # F2: the tree's own editor; committing it renames through an undo command
    index = window.model.index_of(partner)
    assert window.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    window.model.setData(index, "Мельбурн")
    assert _children(window, country) == ["Мельбурн"]
    assert window.details.partner.heading.text() == "Мельбурн"
    window.editor.stack.undo()
    assert _children(window, country) == ["Сидней"]
    # a country as a whole, then a second one is refused by the dialog's choices
    _answer(monkeypatch, PartnerDialog, (None, "country"))
    window.tree.select_ref(window.db, country)
    window.actions_[ActionId.ADD_PARTNER].trigger()
    assert _children(window, country)[-1].startswith("Австралия")


def test_partner_fields_edit_in_the_details_pane(window, select_partner) -> None:
    pid = select_partner("Ош")
    page = window.details.partner
    page.name.setText("Ош (южная столица)")
    page.name.editingFinished.emit()
    assert details.partner(db=window.db, partner_id=pid).name == "Ош (южная столица)"
    assert window.model.index_of(NodeRef.partner(pid)).data() == "Ош (южная столица)"
    page.note.setPlainText("второй по величине город")
    page.note.commit()
    assert details.partner(db=window.db, partner_id=pid).note == "второй по величине город"
    page.kind.setCurrentIndex(page.kind.findData("province"))
    page.kind.activated.emit(page.kind.currentIndex())
    assert details.partner(db=window.db, partner_id=pid).kind == "province"
    window.editor.stack.undo()
    window.editor.stack.undo()
    window.editor.stack.undo()
    info = details.partner(db=window.db, partner_id=pid)
    assert (info.name, info.note, info.kind) == ("Ош", "", "city")


def test_a_duplicate_name_is_refused_with_a_message(window, select_partner, messages) -> None:
    pid = select_partner("Ош")
    window.model.setData(window.model.index_of(NodeRef.partner(pid)), "Бишкек")
    assert messages and "уже есть" in messages[0]
    assert details.partner(db=window.db, partner_id=pid).name == "Ош"


def test_move_a_partner_to_another_country_by_menu_and_undo(
    window, select_partner, monkeypatch
) -> None:
    pid = select_partner("Ош")
    kg, kz = _country(window, "Киргизия"), _country(window, "Казахстан")
    _answer(monkeypatch, MoveDialog, kz.id)
    window.actions_[ActionId.MOVE_TO].trigger()
    assert details.partner(db=window.db, partner_id=pid).country == "Казахстан"
    assert _children(window, kz)[-1] == "Ош"
    assert "Ош" not in _children(window, kg)
    assert window.tree.current_ref() == NodeRef.partner(pid)
    window.editor.stack.undo()
    assert details.partner(db=window.db, partner_id=pid).country == "Киргизия"
    assert _children(window, kg).index("Ош") == 1  # where it was


def test_move_by_drag_and_drop_and_reorder_by_keyboard(window, select_partner) -> None:
    pid = select_partner("Бишкек")
    kz = _country(window, "Казахстан")
    model = window.model
    data = model.mimeData([model.index_of(NodeRef.partner(pid))])
    target = model.index_of(kz)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    # a partner cannot be dropped on a region
    region = target.parent()
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, region)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target) is False
    assert _children(window, kz)[0] == "Бишкек"
    window.editor.stack.undo()
    assert details.partner(db=window.db, partner_id=pid).country == "Киргизия"
    # Ctrl+Shift+Up within the country
    select_partner("Бишкек")
    kg = _country(window, "Киргизия")
    before = _children(window, kg)
    window.actions_[ActionId.MOVE_UP].trigger()
    after = _children(window, kg)
    i = before.index("Бишкек")
    assert after[i - 1] == "Бишкек" and after[i] == before[i - 1]


def test_events_dragged_onto_another_partner_move_there(window, select_partner) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    moving = events.model.rows()[0].id
    data = events.model.mimeData([events.model.index(0, 0)])
    assert json.loads(bytes(data.data(EVENTS_MIME).data())) == [moving]
    minsk = next(
        p
        for p in tree.partners(
            db=window.db, country_id=_country(window, "Белоруссия").id, year=2024
        )
        if p.name == "Минск"
    )
    index = window.model.index_of(minsk.ref)
    if not index.isValid():
        window.tree.select_ref(window.db, minsk.ref)
        index = window.model.index_of(minsk.ref)
    assert window.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index)
    window.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index)
    assert moving in [
        e.id for e in details.events(db=window.db, partner_id=minsk.ref.id, year=2024)
    ]
    assert len(details.events(db=window.db, partner_id=pid, year=2024)) == 9
    window.editor.stack.undo()
    assert details.events(db=window.db, partner_id=pid, year=2024)[0].id == moving


def test_foreign_drops_are_refused(window) -> None:
    data = QMimeData()
    data.setData(NODES_MIME, QByteArray(b"[]"))
    assert not window.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_del_and_f2_keys_on_the_tree(window, select_partner, monkeypatch, qtbot) -> None:
    pid = select_partner("Бишкек")
    asked: list[tuple] = []
    _answer(monkeypatch, ConfirmDialog, False, asked)
    window.activateWindow()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert asked and "Бишкек" in asked[0][2]
    assert details.partner(db=window.db, partner_id=pid) is not None  # answered «Cancel»
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    assert window.tree.state() == window.tree.State.EditingState


def test_a_region_shows_a_summary_of_what_is_under_it(window) -> None:
    model = window.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    cis = model.ref(model.index(names.index("СНГ"), 0))
    window.tree.select_ref(window.db, cis)
    page = window.details.summary
    assert window.details.currentWidget() is page
    assert page.heading.text() == "СНГ"
    assert "45" in page.counts.text() and "13" in page.counts.text()
    rows = page.children_list
    assert rows.topLevelItemCount() == 9
    item = rows.topLevelItem(0)
    ref, name = item.data(0, Qt.ItemDataRole.UserRole), item.text(0)
    page.children_list.itemActivated.emit(item, 0)
    assert window.tree.current_ref() == ref
    assert window.details.summary.heading.text() == name  # now the country's summary
