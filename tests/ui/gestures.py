"""What a person does to the window, as events: keys, clicks on toolbar buttons and menu entries,
and the answers given to the dialogs that open meanwhile.

A modal dialog runs its own event loop inside the click that opened it; :class:`Answers`
watches for it with a timer and answers it (typing, clicking its buttons) from inside
that loop, as the person at the keyboard would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

Answer = Callable[[QWidget], None]


def press(widget: QWidget, sequence: QKeySequence | str) -> None:
    """Press a key combination (the first of a sequence) on ``widget``, as the keyboard does."""
    combo = QKeySequence(sequence)[0]
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key (Cyrillic too: QTest.keyClicks is ASCII-only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, _key_of(ch), Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def type_over_cell(table: QAbstractItemView, row: int, column: int, text: str) -> QLineEdit:
    """Select a table's cell, F2, select what is there and type over it; the editor stays
    open (Enter, Tab or Escape next, as the test needs)."""
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    type_text(editor, text)
    return editor


def _key_of(ch: str) -> int:
    if ch.isascii() and ch.isalnum():
        return ord(ch.upper())
    if ch == " ":
        return int(Qt.Key.Key_Space.value)
    return 0  # no key of its own: the text is what counts


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    if pos is None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def toolbar_button(window: QMainWindow, action: QAction) -> QWidget | None:
    for bar in window.findChildren(QToolBar):
        if action in bar.actions():
            return bar.widgetForAction(action)
    return None


def menu_of(window: QMainWindow, action: QAction) -> QMenu | None:
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
            return menu
    return None


def click_menu_entry(qtbot, window: QMainWindow, action: QAction) -> None:
    """Open the action's menu from the menu bar and click its entry."""
    menu = menu_of(window, action)
    assert menu is not None, f"{action.objectName()} is in no menu"
    window.menuBar().setActiveAction(menu.menuAction())
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    rect = menu.actionGeometry(action)
    assert rect.isValid() and action.isVisible() and action.isEnabled(), action.objectName()
    click(menu, rect.center())


def button(dialog: QWidget, text_or_name: str) -> QAbstractButton:
    """A button of a dialog by objectName or by its text (mnemonics ignored)."""
    for b in dialog.findChildren(QAbstractButton):
        if b.objectName() == text_or_name or b.text().replace("&", "") == text_or_name:
            return b
    names = [(b.objectName(), b.text()) for b in dialog.findChildren(QAbstractButton)]
    raise AssertionError(f"no button {text_or_name!r} in {dialog.objectName()}: {names}")


def standard(dialog: QWidget, which: QDialogButtonBox.StandardButton) -> QAbstractButton:
    for box in dialog.findChildren(QDialogButtonBox):
        b = box.button(which)
        if b is not None:
            return b
    raise AssertionError(f"no standard button {which} in {dialog.objectName()}")


def choose_file(path: Path) -> Answer:
    """Answer a file dialog: type the path in its name field and press Enter."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setFocus()
        edit.selectAll()
        type_text(edit, str(path))
        QTest.keyClick(edit, Qt.Key.Key_Return)

    return answer


def type_and_enter(text: str) -> Answer:
    """Type into the dialog's focused field and press Enter."""

    def answer(dialog: QWidget) -> None:
        target = QApplication.focusWidget()
        if target is None or not dialog.isAncestorOf(target):
            target = dialog
        type_text(target, text)
        QTest.keyClick(target, Qt.Key.Key_Return)

    return answer


def press_button(text_or_name: str) -> Answer:
    def answer(dialog: QWidget) -> None:
        click(button(dialog, text_or_name))

    return answer


def escape(dialog: QWidget) -> None:
    QTest.keyClick(dialog, Qt.Key.Key_Escape)


class Answers:
    """Answers for the modal dialogs that will open, in order; what each one was."""

    def __init__(self) -> None:
        self.answers: list[Answer] = []
        self.seen: list[QWidget] = []
        self.names: list[str] = []
        self.errors: list[BaseException] = []
        self.pending = 0
        self.timer = QTimer()
        self.timer.setInterval(25)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def expect(self, *answers: Answer) -> Answers:
        self.answers.extend(answers)
        return self

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or not self.answers:
            return
        if any(dialog is d for d in self.seen):
            return  # answered already (it may wait on a dialog of its own)
        self.seen.append(dialog)
        self.names.append(dialog.objectName() or type(dialog).__name__)
        answer = self.answers.pop(0)
        self.pending += 1
        # Answered from a timer of its own: an answer that opens a further dialog blocks
        # in that dialog's loop, and Qt never fires a timer again inside its own slot.
        QTimer.singleShot(0, lambda: self._answer(answer, dialog))

    def _answer(self, answer: Answer, dialog: QWidget) -> None:
        try:
            answer(dialog)
        except BaseException as exc:  # reported by the test, and the dialog is closed
            self.errors.append(exc)
            if isinstance(dialog, (QDialog, QMessageBox)) and dialog.isVisible():
                dialog.reject()
        finally:
            self.pending -= 1

    def busy(self) -> bool:
        """Answers still to give, or being given."""
        return bool(self.answers) or self.pending > 0

    def stop(self) -> None:
        self.timer.stop()
        if self.errors:
            raise self.errors[0]


def tree_names(model, parent=None, depth: int = 3) -> list[str]:
    """The names the tree shows, depth-first, fetching children as a person expanding it would."""
    from PySide6.QtCore import QModelIndex

    out: list[str] = []
    parent = parent or QModelIndex()
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        out.append(index.data())
        if depth > 1:
            model.fetch(index)
            out += tree_names(model, index, depth - 1)
    return out
