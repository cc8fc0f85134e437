"""Undo or redo found the record changed by someone else: theirs, mine, or leave it for now.

The conflict dialog of a stale edit (theirs and yours side by side) with a third button:
Cancel leaves the database and the undo history as they were.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from spbgui.ui.dialogs import ConflictDialog

MINE, THEIRS, CANCEL = "mine", "theirs", "cancel"


class UndoConflictDialog(ConflictDialog):
    def __init__(self, parent: QWidget | None, error: Any) -> None:
        super().__init__(parent, error)
        self.setObjectName("undoConflictDialog")
        self.choice = THEIRS
        buttons = self.findChild(QDialogButtonBox)
        assert buttons is not None
        cancel = buttons.addButton(
            QCoreApplication.translate("UndoConflictDialog", "Cancel"),
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        cancel.setObjectName("cancelUndoButton")
        cancel.clicked.connect(self._cancel)

    def _cancel(self) -> None:
        self.choice = CANCEL
        self.done(QDialog.DialogCode.Rejected)

    @classmethod
    def choose(cls, parent: QWidget | None, error: Any) -> str:
        """MINE («Keep Mine»): undo (or redo) over their change; THEIRS: keep theirs and
        drop this step from the history; CANCEL: change nothing."""
        dialog = cls(parent, error)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return MINE
        return dialog.choice
