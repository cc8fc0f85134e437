"""File → Backups…: the copies beside the database, a copy now, and the way back to one.

Restoring asks first, and the state before it is itself kept as a copy, so a
restore made by mistake is undone by restoring that copy.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spbgui.errors import UserError
from spbgui.services import backups
from spbgui.services.databases import Database
from spbgui.ui.dialogs import ConfirmDialog, MessageDialog
from spbgui.ui.screen_size import fit_to_screen
from spbgui.ui.translate import QT_TRANSLATE_NOOP

REASONS = {
    "daily": QT_TRANSLATE_NOOP("BackupsDialog", "daily, on opening"),
    "before-import": QT_TRANSLATE_NOOP("BackupsDialog", "before an import"),
    "before-upgrade": QT_TRANSLATE_NOOP("BackupsDialog", "before a program update"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsDialog", "before a restore"),
    "manual": QT_TRANSLATE_NOOP("BackupsDialog", "made by hand"),
}


def _reason(kind: str) -> str:
    return QCoreApplication.translate("BackupsDialog", REASONS.get(kind, kind))


class BackupsDialog(QDialog):
    restored = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.items: list[backups.BackupInfo] = []
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        fit_to_screen(self, 820, 420)
        folder = backups.folder(db=db) if db.path else ""
        intro = QLabel(
            self.tr(
                "Copies of the database are kept in {0}: one a day when the program opens it, "
                "one before each import and each restore, and those you make here."
            ).format(folder),
            wordWrap=True,
        )
        self.table = QTableWidget(0, 4, objectName="backupsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Partners"), self.tr("Events")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.backupButton = QPushButton(self.tr("Make a Copy Now"), objectName="backupNowButton")
        self.restoreButton = QPushButton(self.tr("Restore…"), objectName="restoreButton")
        self.restoreButton.setEnabled(False)
        buttons.addButton(self.backupButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restoreButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.backupButton.clicked.connect(self.backup_now)
        self.restoreButton.clicked.connect(self.restore_selected)
        self.backupButton.setEnabled(not db.readonly)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.items = backups.list_backups(db=self.db)
        self.table.setRowCount(len(self.items))
        for row, b in enumerate(self.items):
            counts = b.counts or {}
            cells = [
                b.created.strftime("%d.%m.%Y %H:%M:%S"),
                _reason(b.reason) if b.readable else self.tr("cannot be read"),
                str(counts.get("partners", "—")),
                str(counts.get("events", "—")),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)

    def _selection(self) -> None:
        row = self.table.currentRow()
        ok = 0 <= row < len(self.items) and self.items[row].readable and not self.db.readonly
        self.restoreButton.setEnabled(ok)

    def backup_now(self) -> None:
        try:
            backups.backup_now(db=self.db)
        except UserError as exc:
            MessageDialog.warn(self, self.tr("No copy was made"), str(exc))
        except OSError as exc:
            MessageDialog.warn(self, self.tr("No copy was made"), str(exc))
        self.reload()
        self.table.selectRow(0)

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.items)) or self.db.readonly:
            return
        b = self.items[row]
        if not ConfirmDialog.ask(
            self,
            self.tr("Restore the copy?"),
            self.tr("The database will be as it was on {0}.").format(
                b.created.strftime("%d.%m.%Y %H:%M")
            ),
            self.tr(
                "Everything changed since then is replaced. The present state is kept as a "
                "copy first, so this can be undone by restoring that copy."
            ),
            self.tr("Restore"),
        ):
            return
        try:
            backups.restore_backup(db=self.db, backup=b.path)
        except UserError as exc:
            MessageDialog.warn(self, self.tr("The copy was not restored"), str(exc))
            return
        self.reload()
        self.restored.emit()
