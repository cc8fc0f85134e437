"""A partner or a region added while a search filters the tree is not hidden by it: the
search gives way, and the record just made is shown and selected (else the clerk sees
nothing happen, and adds it again)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from spbgui.services import details
from spbgui.services.changes import NodeKind
from spbgui.ui.actions import ActionId
from spbgui.ui.dialogs import NameDialog, PartnerDialog
from tests.ui.gestures import type_text
from tests.ui.test_tree_edits import _answer

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _search(qtbot, window, text: str) -> None:
    window.actions_[ActionId.FIND].trigger()
    type_text(window.search_field, text)
    qtbot.waitUntil(lambda: window.search.answered(text) and window.model.filter is not None)


def test_a_partner_added_during_a_search_is_shown_and_selected(
    qtbot, window, select_partner, monkeypatch
) -> None:
    select_partner("Ташкент")
    _search(qtbot, window, "Ташкент")
    _answer(monkeypatch, PartnerDialog, ("Самарканд", "city"))
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_N, CTRL_SHIFT)  # Records → Add Partner…
    ref = window.tree.current_ref()
    assert ref is not None and ref.kind is NodeKind.PARTNER
    assert details.partner(db=window.db, partner_id=ref.id).name == "Самарканд"
    assert window.details.partner.name.text() == "Самарканд"
    assert window.model.index_of(ref).isValid()
    assert window.search_field.text() == ""


def test_a_region_added_during_a_search_is_shown_and_selected(
    qtbot, window, select_partner, monkeypatch
) -> None:
    select_partner("Ташкент")
    _search(qtbot, window, "Ташкент")
    _answer(monkeypatch, NameDialog, "Океания")
    window.actions_[ActionId.ADD_REGION].trigger()
    ref = window.tree.current_ref()
    assert ref is not None and ref.kind is NodeKind.REGION
    assert window.details.summary.heading.text() == "Океания"
    assert window.model.index_of(ref).isValid()
