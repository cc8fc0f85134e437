"""«История изменений»: who changed what and when, for a record or the whole table.

Opened from Edit → History of Changes… for the node selected in the tree, or for
every record (where a deleted partner can be found and brought back with its
agreements and events). The list can be saved as a CSV file for Excel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spbgui.errors import UserError
from spbgui.services import details, history
from spbgui.services.changes import ChangeSet, NodeRef
from spbgui.services.databases import Database
from spbgui.ui.dialogs import ConfirmDialog, MessageDialog
from spbgui.ui.record_fields import stored_changes
from spbgui.ui.screen_size import fit_to_screen
from spbgui.ui.translate import QT_TRANSLATE_NOOP

ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("HistoryDialog", "added"),
    "update": QT_TRANSLATE_NOOP("HistoryDialog", "changed"),
    "delete": QT_TRANSLATE_NOOP("HistoryDialog", "deleted"),
    "import": QT_TRANSLATE_NOOP("HistoryDialog", "import"),
}
TABLES = {
    "region": QT_TRANSLATE_NOOP("HistoryDialog", "region"),
    "country": QT_TRANSLATE_NOOP("HistoryDialog", "country"),
    "partner": QT_TRANSLATE_NOOP("HistoryDialog", "partner"),
    "agreement": QT_TRANSLATE_NOOP("HistoryDialog", "agreement"),
    "event": QT_TRANSLATE_NOOP("HistoryDialog", "event"),
    "import": QT_TRANSLATE_NOOP("HistoryDialog", "table from Excel"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryDialog", text)


def _label(c: history.Change) -> str:
    """What the record was: its name, title or text, as the change remembers it."""
    fields: dict[str, Any] = c.after or c.before or {}
    for key in ("name", "title", "text"):
        value = fields.get(key)
        if value:
            text = str(value)
            return text if len(text) <= 80 else text[:77] + "…"
    return f"№{c.record_id}" if c.record_id is not None else ""


def _summary(c: history.Change, titles: Mapping[int, str]) -> str:
    """What an update changed, with the window's field labels and values as it shows them
    (an event's date as «3-6 июля», its agreement by title), not the columns' names."""
    if c.action == "update" and c.before is not None and c.after is not None:
        return "; ".join(
            f"{field.title()}: «{field.value_text(a, titles)}» → «{field.value_text(b, titles)}»"
            for field, a, b in stored_changes(c.table, c.before, c.after)
        )
    if c.action == "import" and c.after:
        return (
            QCoreApplication.translate("HistoryDialog", "table of %1; events replaced: %2")
            .replace("%1", str(c.after.get("year", "")))
            .replace("%2", str(c.after.get("replaced_events", 0)))
        )
    return ""


def _agreement_ids(changes: list[history.Change]) -> set[int]:
    ids: set[int] = set()
    for c in changes:
        for fields in (c.before or {}, c.after or {}):
            value = fields.get("agreement_id")
            if isinstance(value, int):
                ids.add(value)
    return ids


class HistoryDialog(QDialog):
    restored = Signal(object)  # ChangeSet
    saved = Signal(object)  # Path of the CSV file written

    def __init__(self, db: Database, ref: NodeRef | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ref = ref
        self.changes: list[history.Change] = []
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of Changes"))
        fit_to_screen(self, 1000, 520)
        self.everything = QCheckBox(self.tr("All records"), objectName="historyAllRecords")
        self.everything.setChecked(ref is None)
        self.everything.setEnabled(ref is not None)
        self.everything.toggled.connect(self.reload)
        self.table = QTableWidget(0, 6, objectName="historyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record"),
             self.tr("Action"), self.tr("Changes")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.exportButton = QPushButton(self.tr("Save as CSV…"), objectName="historyExport")
        self.restoreButton = QPushButton(
            self.tr("Restore the Deleted Record"), objectName="historyRestore"
        )
        self.restoreButton.setEnabled(False)
        buttons.addButton(self.exportButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restoreButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.exportButton.clicked.connect(self.export)
        self.restoreButton.clicked.connect(self.restore_selected)

        lay = QVBoxLayout(self)
        lay.addWidget(self.everything)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.reload()

    def _scope(self) -> dict[str, Any]:
        if self.ref is None or self.everything.isChecked():
            return {}
        return {"table": self.ref.kind.value, "record_id": self.ref.id}

    def reload(self) -> None:
        self.changes = list(reversed(history.history(db=self.db, **self._scope())))
        titles = details.agreement_titles(db=self.db, ids=_agreement_ids(self.changes))
        self.table.setRowCount(len(self.changes))
        for row, c in enumerate(self.changes):
            at = c.at if c.at.tzinfo else c.at.replace(tzinfo=dt.UTC)
            cells = [
                at.astimezone().strftime("%d.%m.%Y %H:%M:%S"),  # the clerk's own clock
                c.who,
                _tr(TABLES.get(c.table, c.table)),
                _label(c),
                _tr(ACTIONS.get(c.action, c.action)),
                _summary(c, titles),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 300))

    def _selection(self) -> None:
        row = self.table.currentRow()
        ok = 0 <= row < len(self.changes) and self.changes[row].action == "delete"
        self.restoreButton.setEnabled(ok and not self.db.readonly)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the history"),
            str(Path.home() / "история изменений.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int:
        try:
            count = history.export_history(db=self.db, path=path, **self._scope())
        except (UserError, OSError) as exc:
            MessageDialog.warn(self, self.tr("The history was not saved"), str(exc))
            return 0
        self.saved.emit(path)
        return count

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.changes)):
            return
        c = self.changes[row]
        if not ConfirmDialog.ask(
            self,
            self.tr("Restore the deleted record?"),
            self.tr("«{0}» comes back where it was, with what was deleted with it.").format(
                _label(c)
            ),
            accept=self.tr("Restore"),
        ):
            return
        try:
            changes: ChangeSet = history.restore_deleted(db=self.db, change_id=c.id)
        except UserError as exc:
            MessageDialog.warn(self, self.tr("The record was not restored"), str(exc))
            return
        self.reload()
        self.restored.emit(changes)


__all__ = ["HistoryDialog"]
