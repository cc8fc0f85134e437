"""A name the records refuse (a duplicate, an empty one) typed in the tree with F2: the
clerk reads why, and the name typed comes back in the editor to correct, not lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from spbgui.services import details
from tests.ui import gestures


def _rename_in_tree(window, name: str) -> None:
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    gestures.type_text(editor, name)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def test_a_duplicate_name_typed_in_the_tree_comes_back_to_correct(
    qtbot, window, select_partner, messages
) -> None:
    pid = select_partner("Астана")
    _rename_in_tree(window, "алма-ата")  # a partner of the same country
    qtbot.waitUntil(lambda: bool(messages))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    assert len(messages) == 1 and "уже есть" in messages[0]
    editor = QApplication.focusWidget()
    assert editor.text() == "алма-ата"  # what was typed, to correct
    editor.setText("Нур-Султан")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: details.partner(db=window.db, partner_id=pid).name == "Нур-Султан")


def test_escape_after_a_refused_name_leaves_the_stored_one(
    qtbot, window, select_partner, messages
) -> None:
    pid = select_partner("Астана")
    _rename_in_tree(window, "Алма-Ата")
    qtbot.waitUntil(lambda: bool(messages))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.tree
    assert details.partner(db=window.db, partner_id=pid).name == "Астана"
    assert window.tree.currentIndex().data() == "Астана"


def test_a_duplicate_name_typed_in_the_partners_page_stays_in_its_field(
    qtbot, window, select_partner, messages, pending_questions
) -> None:
    pid = select_partner("Астана")
    name = window.details.partner.name
    name.setFocus()
    name.selectAll()
    gestures.type_text(name, "Алма-Ата")
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert len(messages) == 1 and "уже есть" in messages[0]
    assert details.partner(db=window.db, partner_id=pid).name == "Астана"
    assert name.text() == "Алма-Ата" and name.property("error")  # to correct, with why
    window.tree.setFocus()
    window.tree.setCurrentIndex(window.tree.currentIndex().parent())  # leaving asks
    assert pending_questions and "Алма-Ата" in pending_questions[-1][1][0]


def test_a_duplicate_country_name_typed_in_its_page_stays_and_esc_restores(
    qtbot, window, select_partner, messages, pending_questions
) -> None:
    select_partner("Астана")
    window.tree.setCurrentIndex(window.tree.currentIndex().parent())
    ref = window.tree.current_ref()
    page = window.details.summary
    page.name.setFocus()
    page.name.selectAll()
    gestures.type_text(page.name, "Китай")
    QTest.keyClick(page.name, Qt.Key.Key_Return)
    assert len(messages) == 1 and "уже есть" in messages[0]
    assert page.name.text() == "Китай" and page.name.property("error")
    assert window.details.pending() and "Китай" in window.details.pending()[0]
    QTest.keyClick(page.name, Qt.Key.Key_Escape)
    assert page.name.text() == "Казахстан" and not page.name.property("error")
    assert window.details.pending() == []
    assert details.summary(db=window.db, ref=ref, year=2024).name == "Казахстан"


def test_a_name_too_long_typed_in_the_tree_is_refused_in_words_and_comes_back(
    qtbot, window, select_partner, messages
) -> None:
    pid = select_partner("Астана")
    long_name = "Астана — столица Республики Казахстан, " * 10  # 390 letters
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.setText(long_name)  # pasted, as such a text arrives
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(messages))
    assert "Слишком длинное название партнёра" in messages[0]
    assert details.partner(db=window.db, partner_id=pid).name == "Астана"
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    assert QApplication.focusWidget().text() == long_name.strip()


def test_a_new_region_refused_as_a_duplicate_is_asked_again_with_the_name_typed(
    qtbot, window, messages
) -> None:
    from PySide6.QtWidgets import QWidget

    from spbgui.services import records
    from spbgui.ui.actions import ActionId
    from tests.ui.gestures import Answers, escape, type_and_enter

    before = records.dump(db=window.db)
    seen: list[str] = []

    def check_and_escape(dialog: QWidget) -> None:
        seen.append(dialog.findChild(QLineEdit).text())
        escape(dialog)

    answers = Answers().expect(type_and_enter("европа"), check_and_escape)
    window.actions_[ActionId.ADD_REGION].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=5000)
    answers.stop()
    assert len(messages) == 1 and "уже есть" in messages[0]
    assert seen == ["европа"]  # asked again with what was typed, to correct
    assert records.dump(db=window.db) == before


def test_a_new_partner_refused_as_a_duplicate_is_asked_again_with_the_name_typed(
    qtbot, window, select_partner, messages
) -> None:
    from PySide6.QtWidgets import QWidget

    from spbgui.services import tree
    from tests.ui.gestures import Answers, escape

    pid = select_partner("Астана")
    country = details.partner(db=window.db, partner_id=pid).country_id

    def names() -> list[str]:
        return [p.name for p in tree.partners(db=window.db, country_id=country, year=2024)]

    before = names()
    seen: list[str] = []

    def type_duplicate(dialog: QWidget) -> None:
        dialog.name.setFocus()
        gestures.type_text(dialog.name, "Алма-Ата")
        QTest.keyClick(dialog.name, Qt.Key.Key_Return)

    def check_and_escape(dialog: QWidget) -> None:
        seen.append(dialog.name.text())
        escape(dialog)

    answers = Answers().expect(type_duplicate, check_and_escape)
    gestures.press(window, "Ctrl+Shift+N")
    qtbot.waitUntil(lambda: not answers.busy(), timeout=5000)
    answers.stop()
    assert len(messages) == 1 and "уже есть" in messages[0]
    assert seen == ["Алма-Ата"]  # asked again with what was typed, to correct
    assert names() == before
