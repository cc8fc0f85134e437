"""Two people rename or annotate the same region, country or partner: the second to
save sees both versions and chooses (the version check), whether the rename was typed
in the tree (F2) or in the fields of a region's or country's page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from spbgui.services import details, edit
from spbgui.services.changes import NodeKind
from spbgui.store.database import open_database
from spbgui.ui.dialogs import ConflictDialog
from tests.ui import gestures


def _colleague(window, change) -> None:
    other = open_database(window.db.path)
    try:
        change(other)
    finally:
        other.close()


def _answer_conflicts(monkeypatch, keep_mine: bool) -> list[tuple[dict, dict]]:
    asked: list[tuple[dict, dict]] = []

    def answer(cls, parent, error):
        asked.append((error.theirs, error.yours))
        return keep_mine

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(answer))
    return asked


def _rename_in_tree(window, name: str) -> None:
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    gestures.type_text(editor, name)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_f2_in_the_tree_over_a_colleagues_rename_asks(window, select_partner, monkeypatch):
    pid = select_partner("Ташкент")
    window.live.stop()  # the colleague's change is not refreshed in before we save
    _colleague(window, lambda db: edit.update_partner(db=db, partner_id=pid, name="Ташкент-Сити"))
    asked = _answer_conflicts(monkeypatch, keep_mine=False)
    _rename_in_tree(window, "г. Ташкент")
    assert asked and asked[0][0]["name"] == "Ташкент-Сити" and asked[0][1]["name"] == "г. Ташкент"
    assert details.partner(db=window.db, partner_id=pid).name == "Ташкент-Сити"


def test_f2_on_a_country_over_a_colleagues_rename_keeps_mine_when_asked(
    window, select_partner, monkeypatch
):
    select_partner("Ташкент")
    window.live.stop()
    window.tree.setCurrentIndex(window.tree.currentIndex().parent())
    ref = window.tree.current_ref()
    assert ref.kind is NodeKind.COUNTRY
    _colleague(window, lambda db: edit.update_country(db=db, country_id=ref.id, name="Узб."))
    asked = _answer_conflicts(monkeypatch, keep_mine=True)
    _rename_in_tree(window, "Республика Узбекистан")
    assert asked
    assert details.summary(db=window.db, ref=ref, year=2024).name == "Республика Узбекистан"


def test_a_countrys_note_over_a_colleagues_note_asks(window, select_partner, monkeypatch):
    select_partner("Ташкент")
    window.live.stop()
    window.tree.setCurrentIndex(window.tree.currentIndex().parent())
    ref = window.tree.current_ref()
    page = window.details.summary
    assert window.details.currentWidget() is page
    _colleague(window, lambda db: edit.update_country(db=db, country_id=ref.id, note="их"))
    asked = _answer_conflicts(monkeypatch, keep_mine=False)
    page.note.setFocus()
    gestures.type_text(page.note, "моя заметка")
    window.tree.setFocus()  # leaving the field saves it
    assert asked and asked[0][0]["note"] == "их" and asked[0][1]["note"] == "моя заметка"
    assert details.summary(db=window.db, ref=ref, year=2024).note == "их"
