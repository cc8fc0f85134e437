"""Cell editors of the details tables: dates checked as they are typed, agreements from a list.

A date editor shows the reason an entry cannot be read while the user types
(red frame, reason as tooltip) and still hands the text to the model on
commit: the model keeps an unreadable date as a draft in its cell instead of
losing it (see :mod:`spbgui.ui.table_models`). Escape in the editor of such a
cell gives the draft up: the stored date shows again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from spbgui.domain.dates import DateError
from spbgui.ui.fields import HoldsDrafts, mark_error

Index = QModelIndex | QPersistentModelIndex


class _DateEditor(QLineEdit):
    """The cell's line editor, knowing its cell (Escape gives that cell's draft up)."""

    def __init__(self, cell: Index, parent: QWidget) -> None:
        super().__init__(parent)
        self.cell = QPersistentModelIndex(cell)


class DateDelegate(QStyledItemDelegate):
    """A line editor for a date column that checks the text with ``parse`` as it changes."""

    def __init__(self, parse: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parse = parse

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = _DateEditor(index, parent)
        editor.setObjectName("dateEditor")
        editor.textChanged.connect(lambda text: self._check(editor, text))
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape on a refused date («31.02.2024» kept in its cell, not saved): the clerk gives
        # it up, and the cell shows the stored date again, as Escape does on any other cell.
        if (
            isinstance(watched, _DateEditor)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(model := watched.cell.model(), HoldsDrafts)
        ):
            model.drop_draft(watched.cell)
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def _check(self, editor: QLineEdit, text: str) -> None:
        try:
            self._parse(text)
        except DateError as exc:
            mark_error(editor, str(exc))
        else:
            mark_error(editor, "")


class AgreementDelegate(QStyledItemDelegate):
    """A list of the partner's agreements (and «none») for an event's agreement column."""

    def __init__(
        self, choices: Callable[[], list[tuple[int | None, str]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("agreementEditor")
        for agreement_id, title in self._choices():
            short = title if len(title) <= 90 else title[:87] + "…"
            combo.addItem(short, agreement_id)
            combo.setItemData(combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
