"""Small editing widgets shared by the panes: error marking, and text that commits on leaving.

Fields in the details pane have no «Save» button: a line commits when Enter is
pressed or focus leaves it, a multi-line note when focus leaves it or on
Ctrl+Enter; Esc puts back what is stored.

A shortcut (Ctrl+PgDown, F5) or a button that takes no focus changes the view under
a field without the field ever hearing that editing is over: :func:`finish_typing`
writes what is typed first, and :func:`undo_typing` lets the Edit menu's Undo and Redo
act on the typing in the focused field, as Ctrl+Z and Ctrl+Y there do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

ERROR_STYLE = "border: 1px solid #c53030; background: #fff5f5;"


def mark_error(widget: QWidget, why: str) -> None:
    """Show (or clear, with an empty ``why``) an error on a field: red frame, reason as tooltip."""
    widget.setStyleSheet(ERROR_STYLE if why else "")
    widget.setToolTip(why)
    widget.setProperty("error", why)
    widget.setAccessibleDescription(why)


def _window_undo(event: QEvent, can_undo: bool, can_redo: bool) -> bool:
    """Ctrl+Z / Ctrl+Y in a field with nothing of its own to undo or redo go to the window:
    the last change of the records is undone, not nothing."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    undo = event.matches(QKeySequence.StandardKey.Undo) and not can_undo
    redo = (
        event.matches(QKeySequence.StandardKey.Redo)
        # PySide6's stub lacks QKeySequence.__getitem__ (Qt's operator[]), which it has
        or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined()  # type: ignore[index]
    ) and not can_redo
    if undo or redo:
        event.ignore()
        return True
    return False


class UndoLineEdit(QLineEdit):
    """A line whose Ctrl+Z / Ctrl+Y, with nothing of its own to undo, undo the records."""

    def event(self, event: QEvent) -> bool:
        if _window_undo(event, self.isUndoAvailable(), self.isRedoAvailable()):
            return False
        return super().event(event)


class CommitLineEdit(UndoLineEdit):
    """A line that reports its text once when editing is done and it changed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = ""
        self.editingFinished.connect(self._finish)

    def set_stored(self, text: str) -> None:
        self._stored = text
        self.setText(text)
        mark_error(self, "")

    def stored(self) -> str:
        return self._stored

    def is_typed(self) -> bool:
        """Does the field hold something else than what is stored?"""
        return self.text() != self._stored

    def _finish(self) -> None:
        self.commit()

    def commit(self) -> None:
        if self.text() != self._stored and not self.isReadOnly():
            self.committed.emit(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and (
            self.text() != self._stored or self.property("error")
        ):
            self.set_stored(self._stored)
            return
        super().keyPressEvent(event)


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text committed on leaving the field or on Ctrl+Enter."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = ""
        self.setTabChangesFocus(True)

    def set_stored(self, text: str) -> None:
        self._stored = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def commit(self) -> None:
        if self.toPlainText() != self._stored and not self.isReadOnly():
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        document = self.document()
        if _window_undo(event, document.isUndoAvailable(), document.isRedoAvailable()):
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl:
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape and self.toPlainText() != self._stored:
            self.setPlainText(self._stored)
            return
        super().keyPressEvent(event)


def _cell_editor(widget: QWidget) -> tuple[QAbstractItemView, QWidget] | None:
    """The item view whose open cell editor holds ``widget``, and that editor."""
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        view = parent.parentWidget() if parent is not None else None
        if isinstance(view, QAbstractItemView) and parent is view.viewport():
            if view.state() == QAbstractItemView.State.EditingState:
                return view, child
            return None
        child = parent
    return None


def finish_typing(window: QWidget) -> None:
    """Write what is being typed in ``window`` now, as leaving the field would.

    Called before the year, the rows or the record shown change under the field by a
    shortcut or a button that leaves the focus where it is: the value goes to the
    record it was typed for, never to another one, and is never simply dropped.
    """
    focus = QApplication.focusWidget()
    if focus is None or not window.isAncestorOf(focus):
        return
    if isinstance(focus, (CommitLineEdit, CommitTextEdit)):
        focus.commit()
        return
    found = _cell_editor(focus)
    if found is not None:
        view, editor = found
        # What the delegate does when the editor loses the focus: hand the value to the
        # model, close the editor, and the table keeps the keyboard.
        view.commitData(editor)
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        view.setFocus()


def after_typing(widget: QWidget, handler: Callable[[], object]) -> Callable[..., None]:
    """A slot for a button that takes no focus: what is typed is written, then ``handler``."""

    def slot(*_ignored: object) -> None:
        finish_typing(widget.window())
        handler()

    return slot


@runtime_checkable
class HoldsDrafts(Protocol):
    """A table model that keeps refused values as drafts in their cells (the details tables)."""

    def drop_draft(self, index: QModelIndex | QPersistentModelIndex) -> bool: ...


def undo_typing(window: QWidget, redo: bool = False) -> bool:
    """Undo (or redo) the typing in the focused field of ``window`` if it has any, as
    Ctrl+Z (Ctrl+Y) pressed in it does; False if the records' history should act.

    A table's current cell holding a value typed and refused (not saved) is the field's
    typing too: Undo gives it up before any change of the records is undone."""
    focus = QApplication.focusWidget()
    if focus is None or not window.isAncestorOf(focus) or focus.objectName() == "searchField":
        return False
    if isinstance(focus, QAbstractItemView):
        model = focus.model()
        return (
            not redo and isinstance(model, HoldsDrafts) and model.drop_draft(focus.currentIndex())
        )
    if isinstance(focus, QLineEdit) and not focus.isReadOnly():
        available = focus.isRedoAvailable() if redo else focus.isUndoAvailable()
    elif isinstance(focus, QPlainTextEdit) and not focus.isReadOnly():
        document = focus.document()
        available = document.isRedoAvailable() if redo else document.isUndoAvailable()
    else:
        return False
    if available:
        focus.redo() if redo else focus.undo()
    return available
