"""File → Import… with several workbooks chosen at once: one preview, one transaction per file.

The import dialog as it was for one file; «Choose…» now takes several (Ctrl or Shift in
the file dialog). With more than one, every file is read in the background, the preview
lists each file's year with its regions and counts, and the notes name their file;
«Import» then asks once about the years the database already has and imports the files
oldest first, each in its own transaction (spbgui.services.batch_import).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTreeWidgetItem, QWidget

from spbgui.services.batch_import import (
    FileTable,
    import_tables,
    read_tables,
    workbook_paths,
    years_with_events,
)
from spbgui.services.databases import Database
from spbgui.services.importer import ImportResult
from spbgui.ui import settings
from spbgui.ui.import_dialog import ImportDialog


class BatchImportDialog(ImportDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.items: list[FileTable] | None = None
        self.results: list[ImportResult] | None = None
        self.fileEdit.setPlaceholderText(
            self.tr("Choose the file to import: one, or several years at once")
        )

    # -- step 1: the files ----------------------------------------------------------------------
    def browse(self) -> None:
        start = settings.IMPORT_FOLDER.get() or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import the committee's tables"), start, self._file_filter()
        )
        if not paths:
            return
        settings.IMPORT_FOLDER.set(str(Path(paths[0]).parent))
        if len(paths) == 1:
            self.items = None
            self.set_file(paths[0])
        else:
            self.set_files(paths)

    def set_files(self, paths: Sequence[str | Path]) -> None:
        """Read every file in the background and show one preview of them all."""
        self.fileEdit.setText("; ".join(Path(p).name for p in paths))
        self.adding = False
        self.table = None
        self.items = None
        self.error = None
        self.tree.clear()
        self.warnings.clear()
        self.importButton.setEnabled(False)
        self.summary.setText(self.tr("Reading the files…"))
        limits = settings.import_limits()
        self._run(
            lambda progress, cancelled: read_tables(
                workbook_paths(paths), limits=limits, progress=progress, cancelled=cancelled
            ),
            self._preview_many,
        )

    # -- step 2: the preview --------------------------------------------------------------------
    def _preview_many(self, items: list[FileTable]) -> None:
        self.items = items
        events = sum(i.table.counts()["events"] for i in items)
        self.summary.setText(
            self.tr("%1 files, the years %2; %3 events in all. Each file is imported on its own.")
            .replace("%1", str(len(items)))
            .replace("%2", ", ".join(str(i.table.year) for i in items))
            .replace("%3", str(events))
        )
        notes = 0
        for item in items:
            c = item.table.counts()
            top = QTreeWidgetItem(
                self.tree,
                [f"{item.table.year} — {item.path.name}", str(c["agreements"]), str(c["events"])],
            )
            for region in item.table.regions:
                agreements = sum(len(p.agreements) for c_ in region.countries for p in c_.partners)
                ev = sum(
                    len(a.events)
                    for c_ in region.countries
                    for p in c_.partners
                    for a in p.agreements
                )
                QTreeWidgetItem(top, [region.name, str(agreements), str(ev)])
            top.setExpanded(True)
            for w in item.table.warnings:
                self.warnings.addItem(f"{item.path.name}: {w}")
                notes += 1
        self.warningsLabel.setText(self.tr("Notes on the files: %n", "", notes))
        self.importButton.setEnabled(True)
        self.importButton.setFocus()

    # -- step 3: the import ---------------------------------------------------------------------
    @classmethod
    def ask_replace_years(cls, parent: QWidget, taken: dict[int, int]) -> bool:
        """Ask whether to replace the events of the years the database has (tests patch this)."""
        listed = ", ".join(
            QCoreApplication.translate("BatchImportDialog", "%1 (%2 events)")
            .replace("%1", str(y))
            .replace("%2", str(n))
            for y, n in taken.items()
        )
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("BatchImportDialog", "Replace the events of these years?"),
            QCoreApplication.translate(
                "BatchImportDialog",
                "The database already has events of %1. Replace them with the events from the "
                "files? Partners and agreements are kept; a backup copy is made first.",
            ).replace("%1", listed),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start_import(self) -> None:
        items = self.items
        if items is None:
            super().start_import()
            return
        taken = years_with_events(db=self.db, items=items)
        replace = False
        if taken:
            if not self.ask_replace_years(self, taken):
                return
            replace = True
        self.importButton.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        self._run(
            lambda progress, cancelled: import_tables(
                db=self.db,
                items=items,
                replace_year=replace,
                progress=progress,
                cancelled=cancelled,
            ),
            self._done_many,
            writes=True,
        )

    def _done_many(self, results: list[ImportResult]) -> None:
        self.results = results
        self._done(results[-1])

    def _failed(self, message: str) -> None:
        super()._failed(message)
        self.importButton.setEnabled(self.table is not None or self.items is not None)
