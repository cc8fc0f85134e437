"""Small editing widgets shared by the panes: error marking, and text that commits on leaving.

Fields in the details pane have no «Save» button: a line commits when Enter is
pressed or focus leaves it, a multi-line note when focus leaves it or on
Ctrl+Enter; Esc puts back what is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

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
        or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined()
    ) and not can_redo
    if undo or redo:
        event.ignore()
        return True
    return False


class CommitLineEdit(QLineEdit):
    """A line that reports its text once when editing is done and it changed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = ""
        self.editingFinished.connect(self._finish)

    def set_stored(self, text: str) -> None:
        self._stored = text
        self.setText(text)

    def _finish(self) -> None:
        if self.text() != self._stored and not self.isReadOnly():
            self.committed.emit(self.text())

    def event(self, event: QEvent) -> bool:
        if _window_undo(event, self.isUndoAvailable(), self.isRedoAvailable()):
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text() != self._stored:
            self.setText(self._stored)
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
