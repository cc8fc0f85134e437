"""File → Import…: choose a table file, see what it holds, then import it or cancel.

Any file :mod:`spbgui.io.sources` reads will do (Excel, LibreOffice, Word, text);
the file filter lists them, and the reader is chosen by the file's content.

Reading and importing run in a thread with a progress bar and a Cancel button;
a cancelled or refused import leaves the database as it was. When the table's
year already has events, the dialog asks before replacing them.

Cancel (or Esc, or closing the dialog) while the file is read drops the reading
at once. While the import is being written it asks the writing to stop and
waits for its answer without blocking the window: the dialog then says what
happened (stopped, nothing changed; or already written, and imported), never
«not changed» of records that did land.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spbgui.services.databases import Database
from spbgui.services.importer import ImportResult, events_in_year, import_table
from spbgui.services.reading import ImportCancelled, ParsedTable, file_kinds, read_table_file
from spbgui.ui import settings
from spbgui.ui.screen_size import fit_to_screen
from spbgui.ui.tasks import Task, abandon, is_running


class ImportDialog(QDialog):
    """The three steps of an import: file, preview, import."""

    imported = Signal(object)  # ImportResult

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.table: ParsedTable | None = None
        self.outcome: ImportResult | None = None
        self.error: str | None = None
        self.adding = False  # pasted rows: their events join the year's, nothing is replaced
        self._task: Task | None = None
        self._writing = False  # the running task writes the database (the import step)
        self._stopping = False  # Cancel was pressed during the writing: its answer is awaited
        self.import_ran = False  # an import step ran: the window refreshes whatever its end
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import the committee's table"))
        fit_to_screen(self, 900, 650)

        self.fileEdit = QLineEdit(objectName="importFileEdit", readOnly=True)
        self.fileEdit.setPlaceholderText(
            self.tr("Choose the file of the table to import (Excel, LibreOffice, Word, text)")
        )
        browse = QPushButton(self.tr("Choose…"), objectName="importBrowseButton")
        browse.clicked.connect(self.browse)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:")))
        top.addWidget(self.fileEdit, 1)
        top.addWidget(browse)

        self.summary = QLabel(objectName="importSummary", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(objectName="importPreviewTree")
        self.tree.setHeaderLabels(
            [self.tr("Region / country / partner"), self.tr("Agreements"), self.tr("Events")]
        )
        self.tree.setColumnWidth(0, 420)
        self.warnings = QListWidget(objectName="importWarnings")
        self.warnings.setWordWrap(True)
        warn_box = QWidget()
        wl = QVBoxLayout(warn_box)
        wl.setContentsMargins(0, 0, 0, 0)
        self.warningsLabel = QLabel(self.tr("Notes on the file"))
        wl.addWidget(self.warningsLabel)
        wl.addWidget(self.warnings)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(warn_box)
        split.setSizes([420, 160])

        self.progress = QProgressBar(objectName="importProgress", visible=False)
        self.buttons = QDialogButtonBox(objectName="importButtons")
        self.importButton = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.importButton.setObjectName("importButton")
        self.importButton.setEnabled(False)
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancelButton.setObjectName("importCancelButton")
        self.importButton.clicked.connect(self.start_import)
        self.cancelButton.clicked.connect(self.cancel)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        lay.addWidget(self.progress)
        lay.addWidget(self.buttons)

    # -- step 1: the file ---------------------------------------------------
    def browse(self) -> None:
        start = settings.IMPORT_FOLDER.get() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the committee's table"),
            start,
            self._file_filter(),
        )
        if path:
            settings.IMPORT_FOLDER.set(str(Path(path).parent))
            self.set_file(path)

    def _file_filter(self) -> str:
        """The dialog's filter from the kinds of file the readers take, all of them first."""
        entries = [f"{label} ({' '.join(patterns)})" for label, patterns in file_kinds()]
        return ";;".join([*entries, self.tr("All files (*)")])

    def set_file(self, path: str | Path) -> None:
        """Read the file in the background and show the preview when done."""
        self.fileEdit.setText(str(path))
        self.table = None
        self.error = None
        self.tree.clear()
        self.warnings.clear()
        self.importButton.setEnabled(False)
        self.summary.setText(self.tr("Reading the file…"))
        self._run(
            lambda progress, cancelled: read_table_file(
                path, progress=progress, cancelled=cancelled, limits=settings.import_limits()
            ),
            self._preview,
        )

    def show_table(self, table: ParsedTable, label: str | None = None) -> None:
        """Preview rows already read (pasted from the clipboard) instead of a file's; their
        events are added to the year's, not put in place of them."""
        self.adding = True
        self.fileEdit.setText(label or self.tr("rows pasted from the clipboard"))
        self.error = None
        self.tree.clear()
        self.warnings.clear()
        self._preview(table)

    # -- step 2: the preview ------------------------------------------------
    def _preview(self, table: ParsedTable) -> None:
        self.table = table
        c = table.counts()
        self.summary.setText(
            self.tr(
                "Events of {year}. The file holds {regions} regions, {countries} countries, "
                "{partners} partners, {agreements} agreements and {events} events "
                "({dated} of them dated)."
            ).format(
                year=table.year,
                regions=c["regions"],
                countries=c["countries"],
                partners=c["partners"],
                agreements=c["agreements"],
                events=c["events"],
                dated=c["dated_events"],
            )
        )
        whole = self.tr("(the country as a whole)")
        for region in table.regions:
            r_item = QTreeWidgetItem(self.tree, [region.name])
            r_ag = r_ev = 0
            for country in region.countries:
                c_item = QTreeWidgetItem(r_item, [country.name])
                c_ag = c_ev = 0
                for partner in country.partners:
                    ag = len(partner.agreements)
                    ev = sum(len(a.events) for a in partner.agreements)
                    QTreeWidgetItem(c_item, [partner.name or whole, str(ag), str(ev)])
                    c_ag, c_ev = c_ag + ag, c_ev + ev
                c_item.setText(1, str(c_ag))
                c_item.setText(2, str(c_ev))
                r_ag, r_ev = r_ag + c_ag, r_ev + c_ev
            r_item.setText(1, str(r_ag))
            r_item.setText(2, str(r_ev))
            r_item.setExpanded(True)
        for w in table.warnings:
            self.warnings.addItem(str(w))
        # Asked of this class: PySide6's tr() on a subclass (BatchImportDialog, the one the
        # window shows) finds the base class's words, but not a plural form («%n»). The
        # stub knows tr() only as a method of an object; on the class it takes the text.
        notes = len(table.warnings)
        label = ImportDialog.tr("Notes on the file: %n", "", notes)  # type: ignore[arg-type]
        self.warningsLabel.setText(label)
        self.importButton.setEnabled(True)
        self.importButton.setFocus()

    # -- step 3: the import -------------------------------------------------
    @classmethod
    def ask_replace(cls, parent: QWidget, year: int, existing: int) -> bool:
        """Ask whether to replace the year's events already in the database (tests patch this)."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ImportDialog", "Replace the events of {0}?").format(year),
            QCoreApplication.translate(
                "ImportDialog",
                "The database already has {0} events of {1}. Replace them with the events "
                "from the file? Partners and agreements are kept; a backup copy is made first.",
            ).format(existing, year),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start_import(self) -> None:
        table = self.table
        if table is None:
            return
        existing = 0 if self.adding else events_in_year(db=self.db, year=table.year)
        replace = False
        if existing:
            if not self.ask_replace(self, table.year, existing):
                return
            replace = True
        self.importButton.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        self._run(
            lambda progress, cancelled: import_table(
                db=self.db,
                table=table,
                replace_year=replace,
                add_to_year=self.adding,
                cancelled=cancelled,
            ),
            self._done,
            writes=True,
        )

    def _done(self, result: ImportResult) -> None:
        self.outcome = result
        self.imported.emit(result)
        self.accept()

    # -- running and cancelling ----------------------------------------------
    def _run(
        self, fn: Callable[..., Any], on_success: Callable[[Any], None], *, writes: bool = False
    ) -> None:
        abandon(self._task)  # a new file replaces the one still being read
        self._writing, self._stopping = writes, False
        self.import_ran = self.import_ran or writes
        self.cancelButton.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        task = Task(fn, self)
        task.progressed.connect(self._progress)
        task.succeeded.connect(on_success)
        task.failed.connect(self._failed)
        # Only this task's end counts: a reading's finished() may still be on its way when
        # the import it previewed has started (it would mark the import as not writing).
        task.finished.connect(lambda: self._ended(task))
        self._task = task
        task.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _ended(self, task: Task) -> None:
        if task is not self._task:
            return
        self.progress.setVisible(False)
        self.cancelButton.setEnabled(True)
        self._writing = self._stopping = False

    def _failed(self, message: str) -> None:
        if self._stopping and (not message or message == str(ImportCancelled())):
            message = self.tr("Cancelled. The database was not changed.")
        self.error = message
        self.summary.setText(message)
        self.importButton.setEnabled(self.table is not None)

    def is_busy(self) -> bool:
        return is_running(self._task)

    def cancel(self) -> None:
        """Cancel a running step (nothing is changed), or close the dialog."""
        if self._stop_running():
            return
        self.reject()

    def _stop_running(self) -> bool:
        """Stop the running step, if any; True if there was one.

        A reading is dropped at once. A writing is asked to stop and answers through
        its own signals: it rolls back, or it had already committed (then the dialog
        says it was imported). Either way the GUI thread never waits for it.
        """
        task = self._task
        if not is_running(task):
            return False
        assert task is not None
        if self._writing:
            if not self._stopping:
                self._stopping = True
                task.cancel()
                self.cancelButton.setEnabled(False)
                self.summary.setText(self.tr("Stopping the import…"))
            return True
        abandon(task)  # never waits: the reading ends on its own
        self._task = None
        self.progress.setVisible(False)
        self.summary.setText(self.tr("Cancelled. The database was not changed."))
        self.importButton.setEnabled(self.table is not None)
        return True

    def _writing_now(self) -> bool:
        return self._writing and is_running(self._task)

    def reject(self) -> None:
        """Esc: as Cancel while the import is written (the dialog stays to say how it ended);
        otherwise the dialog closes, dropping a reading under way."""
        if self._writing_now():
            self._stop_running()
            return
        if is_running(self._task):
            abandon(self._task)
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._writing_now():
            self._stop_running()
            event.ignore()
            return
        if is_running(self._task):
            abandon(self._task)
        super().closeEvent(event)
