"""Moves across the tree as a clerk makes them from the keyboard, and what the tree shows after.

A country moved to a region listed above its own (or a partner to a country above its
own) must be found, selected and kept up to date in its new place: the tree reconciles
the new parent's level before the old one's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from spbgui.services import details, tree
from spbgui.services.changes import NodeRef
from spbgui.ui.dialogs import MoveDialog
from tests.ui.gestures import type_text
from tests.ui.test_tree_edits import _answer, _children, _country

CTRL = Qt.KeyboardModifier.ControlModifier


def _region(window, name: str) -> NodeRef:
    for rid, rname, _countries in details.regions_and_countries(db=window.db):
        if rname == name:
            return NodeRef.region(rid)
    raise AssertionError(name)


def _rename_by_f2(window, name: str) -> None:
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, name)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def test_a_country_moved_to_a_region_above_is_selected_there_and_renamed(
    qtbot, window, monkeypatch
) -> None:
    uz, europe = _country(window, "Узбекистан"), _region(window, "Европа")
    assert tree.path(db=window.db, ref=uz)[0] != europe
    assert europe < tree.path(db=window.db, ref=uz)[0]  # the new parent is reconciled first
    assert window.tree.select_ref(window.db, uz)
    window.tree.setFocus()
    _answer(monkeypatch, MoveDialog, europe.id)
    QTest.keyClick(window.tree, Qt.Key.Key_M, CTRL)  # Records → Move To…
    assert tree.path(db=window.db, ref=uz)[0] == europe
    index = window.model.index_of(uz)
    assert index.isValid() and window.model.ref(index.parent()) == europe
    assert window.tree.current_ref() == uz  # the moved country stays selected
    assert window.details.summary.heading.text() == "Узбекистан"

    _rename_by_f2(window, "Узбекистан (новое)")
    qtbot.waitUntil(
        lambda: details.summary(db=window.db, ref=uz, year=2024).name == "Узбекистан (новое)"
    )
    assert window.model.index_of(uz).data() == "Узбекистан (новое)"  # the tree follows

    QTest.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
    QTest.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
    assert "Узбекистан" in _children(window, _region(window, "СНГ"))
    assert "Узбекистан" not in _children(window, europe)
    assert window.tree.current_ref() == uz
    QTest.keyClick(window.tree, Qt.Key.Key_Y, CTRL)
    assert window.model.ref(window.model.index_of(uz).parent()) == europe
    assert window.tree.current_ref() == uz


def test_a_partner_moved_to_a_country_above_is_selected_there(
    window, select_partner, monkeypatch
) -> None:
    pid = select_partner("Ташкент")
    uz, hungary = _country(window, "Узбекистан"), _country(window, "Венгрия")
    assert hungary < uz
    assert window.tree.select_ref(window.db, hungary)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_Right)  # opened: its partners are shown
    assert window.tree.isExpanded(window.model.index_of(hungary))
    select_partner("Ташкент")
    window.tree.setFocus()
    _answer(monkeypatch, MoveDialog, hungary.id)
    QTest.keyClick(window.tree, Qt.Key.Key_M, CTRL)
    assert details.partner(db=window.db, partner_id=pid).country == "Венгрия"
    index = window.model.index_of(NodeRef.partner(pid))
    assert index.isValid() and window.model.ref(index.parent()) == hungary
    assert window.tree.current_ref() == NodeRef.partner(pid)
    assert window.details.partner.name.text() == "Ташкент"
    assert _children(window, uz) == []


def test_undoing_a_partner_move_puts_its_agreements_back_in_the_table_order(
    window, select_partner, monkeypatch
) -> None:
    from spbgui.services import records

    before = records.dump(db=window.db, year=None)
    for name, target in (("Ош", "Казахстан"), ("Минск", "Киргизия")):
        select_partner(name)  # a partner whose agreements are not the country's last
        _answer(monkeypatch, MoveDialog, _country(window, target).id)
        window.tree.setFocus()
        QTest.keyClick(window.tree, Qt.Key.Key_M, CTRL)
        assert details.partner(db=window.db, partner_id=window.tree.current_ref().id).country == (
            target
        )
        QTest.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
        # the table as it was: the same agreements in the same rows (export, report, dump)
        assert records.dump(db=window.db, year=None) == before
    QTest.keyClick(window.tree, Qt.Key.Key_Y, CTRL)  # and redo moves them again
    assert records.dump(db=window.db, year=None) != before
