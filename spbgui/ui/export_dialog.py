"""File → Export to Excel…: choose the year, the regions and countries, the file; export.

The export runs in a thread with a progress bar and a Cancel button; a
cancelled or refused export leaves any earlier file with that name as it was.
When the file is written the dialog offers to open it, and lists what an
import of the file would read differently, if anything.

The main window opens it with :meth:`ExportDialog.run`. Tests answer its
questions by patching :meth:`ask_open`, :meth:`ask_overwrite` and
:meth:`open_file`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spbgui.services import targets, tree, years
from spbgui.services.export import ExportResult, export_workbook
from spbgui.ui import settings
from spbgui.ui.screen_size import fit_to_screen
from spbgui.ui.tasks import Task, abandon, is_running, stop


class ExportDialog(QDialog):
    """The year, the part of the table and the file of an export to Excel."""

    exported = Signal(object)  # ExportResult

    def __init__(self, db: Any, year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.outcome: ExportResult | None = None
        self.error: str | None = None
        self._task: Task | None = None
        self._confirmed: Path | None = None  # a path the file chooser already asked about
        self._default_name = ""
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export to Excel"))
        fit_to_screen(self, 620, 560)

        self.yearCombo = QComboBox(objectName="exportYearCombo")
        for y in years.choices(db=db):
            self.yearCombo.addItem(str(y), y)
        chosen = year if year is not None else years.current(db=db)
        if self.yearCombo.findData(chosen) < 0:
            self.yearCombo.addItem(str(chosen), chosen)
        self.yearCombo.setCurrentIndex(self.yearCombo.findData(chosen))
        self.yearCombo.currentIndexChanged.connect(self._year_changed)
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("Events of the year:"))
        year_label.setBuddy(self.yearCombo)
        year_row.addWidget(year_label)
        year_row.addWidget(self.yearCombo)
        year_row.addStretch(1)

        self.scope = QTreeWidget(objectName="exportScopeTree")
        self.scope.setHeaderLabels([self.tr("Regions and countries"), self.tr("Events")])
        self.scope.setColumnWidth(0, 400)
        self.scope.itemChanged.connect(self._update_buttons)
        all_button = QPushButton(self.tr("Select all"), objectName="exportAllButton")
        none_button = QPushButton(self.tr("Select none"), objectName="exportNoneButton")
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button.clicked.connect(lambda: self._check_all(False))
        picks = QHBoxLayout()
        picks.addWidget(all_button)
        picks.addWidget(none_button)
        picks.addStretch(1)

        self.fileEdit = QLineEdit(objectName="exportFileEdit")
        self.fileEdit.setPlaceholderText(self.tr("The workbook (.xlsx) to write"))
        self.fileEdit.textChanged.connect(self._update_buttons)
        browse = QPushButton(self.tr("Choose…"), objectName="exportBrowseButton")
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_label = QLabel(self.tr("File:"))
        file_label.setBuddy(self.fileEdit)
        file_row.addWidget(file_label)
        file_row.addWidget(self.fileEdit, 1)
        file_row.addWidget(browse)

        self.summary = QLabel(objectName="exportSummary", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(objectName="exportProgress", visible=False)
        self.buttons = QDialogButtonBox(objectName="exportButtons")
        self.exportButton = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.exportButton.setObjectName("exportButton")
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancelButton.setObjectName("exportCancelButton")
        self.exportButton.clicked.connect(self.start_export)
        self.cancelButton.clicked.connect(self.cancel)

        lay = QVBoxLayout(self)
        lay.addLayout(year_row)
        lay.addWidget(self.scope, 1)
        lay.addLayout(picks)
        lay.addLayout(file_row)
        lay.addWidget(self.summary)
        lay.addWidget(self.progress)
        lay.addWidget(self.buttons)

        self._fill_scope()
        self._set_default_file()
        self._update_buttons()
        self.exportButton.setDefault(True)

    # -- what to export --------------------------------------------------------
    @property
    def year(self) -> int:
        return int(self.yearCombo.currentData())

    def _fill_scope(self) -> None:
        """Regions with their countries, all checked; the events column counts the year's."""
        checked = self.selected_countries()
        self.scope.blockSignals(True)
        self.scope.clear()
        flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
        for region in tree.regions(db=self.db, year=self.year):
            r_item = QTreeWidgetItem(self.scope, [region.name, str(region.events)])
            r_item.setFlags(flags | Qt.ItemFlag.ItemIsAutoTristate)
            for country in tree.countries(db=self.db, region_id=region.ref.id, year=self.year):
                c_item = QTreeWidgetItem(r_item, [country.name, str(country.events)])
                c_item.setFlags(flags)
                on = checked is None or country.name in checked
                c_item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if r_item.childCount() == 0:
                r_item.setCheckState(0, Qt.CheckState.Checked)
            r_item.setExpanded(False)
        self.scope.blockSignals(False)

    def _regions(self) -> list[QTreeWidgetItem]:
        """The scope's region items (every index in range has one)."""
        items = (self.scope.topLevelItem(i) for i in range(self.scope.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _countries(self) -> list[QTreeWidgetItem]:
        items = (r.child(j) for r in self._regions() for j in range(r.childCount()))
        return [item for item in items if item is not None]

    def selected_countries(self) -> set[str] | None:
        """The checked countries, or None when everything is checked (the whole table)."""
        items = self._countries()
        if not items:
            return None
        chosen = {i.text(0) for i in items if i.checkState(0) == Qt.CheckState.Checked}
        return None if len(chosen) == len(items) else chosen

    def set_countries(self, names: set[str]) -> None:
        """Check exactly these countries (the tests and a future «last choice» use it)."""
        for item in self._countries():
            on = item.text(0) in names
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for region in self._regions():
            region.setCheckState(0, state)

    def _year_changed(self) -> None:
        self._fill_scope()
        if Path(self.fileEdit.text()).name == self._default_name:
            self._set_default_file()

    # -- the file --------------------------------------------------------------
    def _folder(self) -> Path:
        """The folder of the last export, else Documents, else the home folder."""
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        for candidate in (settings.EXPORT_FOLDER.get(), docs):
            if candidate and Path(str(candidate)).is_dir():
                return Path(str(candidate))
        return Path.home()

    def _set_default_file(self) -> None:
        # «Сотрудничество 2024.xlsx»: the workbook's name as staff would give it.
        self._default_name = f"Сотрудничество {self.year}.xlsx"
        self.fileEdit.setText(str(self._folder() / self._default_name))

    def browse(self) -> None:
        start = self.fileEdit.text() or str(self._folder() / self._default_name)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Excel"),
            start,
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            target = self._with_suffix(path)
            self._confirmed = target if target == Path(path) else None
            self.fileEdit.setText(str(target))

    def _with_suffix(self, text: str) -> Path:
        """The workbook the field names: .xlsx added; a bare name in the folder shown
        (the last export's, else Documents), never in the program's working folder."""
        path = Path(text.strip()).expanduser()
        if not path.is_absolute():
            path = self._folder() / path
        if path.suffix.lower() == ".xlsx" or targets.only_extension(path, (".xlsx",)):
            return path  # «.xlsx» alone: the export asks for a name, not a hidden «.xlsx.xlsx»
        return path.with_name(path.name + ".xlsx")

    def _update_buttons(self, *_args: object) -> None:
        has_file = bool(self.fileEdit.text().strip())
        chosen = self.selected_countries()
        self.exportButton.setEnabled(has_file and chosen != set() and not self.is_busy())

    # -- questions (tests patch these) ----------------------------------------------
    @classmethod
    def ask_overwrite(cls, parent: QWidget, path: Path) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ExportDialog", "Replace the file?"),
            QCoreApplication.translate(
                "ExportDialog", "The file {0} already exists. Replace it with the new export?"
            ).format(path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_open(cls, parent: QWidget, result: ExportResult) -> bool:
        """Say the file is written (with any notes) and ask whether to open it."""
        box = QMessageBox(parent)
        box.setObjectName("exportDoneBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export finished"))
        box.setText(
            QCoreApplication.translate(
                "ExportDialog", "The table of {0} was written to {1}. Open it now?"
            ).format(result.year, result.path)
        )
        if result.warnings:
            box.setInformativeText(
                QCoreApplication.translate(
                    "ExportDialog",
                    "Notes: {0}. Some records would read back otherwise; see details.",
                ).format(len(result.warnings))
            )
            box.setDetailedText("\n".join(result.warnings))
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        return box.exec() == QMessageBox.StandardButton.Open

    @classmethod
    def open_file(cls, path: Path) -> bool:
        """Open the workbook in the program the system uses for .xlsx files."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- the export ----------------------------------------------------------------
    def start_export(self) -> None:
        if self.is_busy() or not self.fileEdit.text().strip():
            return
        path = self._with_suffix(self.fileEdit.text())
        self.fileEdit.setText(str(path))
        if targets.too_long(path):  # Path.exists() would raise on it
            self.error = targets.too_long_message(path)
            self.summary.setText(self.error)
            return
        if path.exists() and path != self._confirmed and not self.ask_overwrite(self, path):
            return
        year, countries = self.year, self.selected_countries()
        self.error = None
        self.summary.setText(self.tr("Writing the workbook…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        task = Task(
            lambda progress, cancelled: export_workbook(
                db=self.db,
                year=year,
                path=path,
                countries=countries,
                progress=progress,
                cancelled=cancelled,
            ),
            self,
        )
        task.progressed.connect(self._progress)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self._task = task
        self._update_buttons()
        task.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: ExportResult) -> None:
        self.outcome = result
        # The work is over: no «Writing the workbook…» behind the question.
        self.progress.setVisible(False)
        self.summary.setText(self.tr("Written: %1").replace("%1", str(result.path)))
        settings.EXPORT_FOLDER.set(str(result.path.parent))
        self.exported.emit(result)
        if self.ask_open(self, result):
            self.open_file(result.path)
        self.accept()

    def _failed(self, message: str) -> None:
        if self._task is not None and self._task.is_cancelled:
            return  # cancel() has said so already
        self.error = message
        self.summary.setText(message)

    def _finished(self) -> None:
        self.progress.setVisible(False)
        self._update_buttons()

    def is_busy(self) -> bool:
        return is_running(self._task)

    def cancel(self) -> None:
        """Stop a running export (no file is written), or close the dialog."""
        if stop(self._task):
            self.summary.setText(self.tr("Cancelled. No file was written."))
            return
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        stop(self._task)
        super().closeEvent(event)

    def reject(self) -> None:
        """Esc, or the window closed: a running export is stopped first (reject() comes
        without closeEvent(), and a QThread deleted with its dialog while it runs aborts
        the program). It ends on its own at its next check, writing nothing."""
        if abandon(self._task):
            self._task = None
        super().reject()

    @classmethod
    def run(cls, db: Any, parent: QWidget | None, year: int | None) -> Path | None:
        """Show the dialog; the path of the written workbook, or None if nothing was written."""
        dialog = cls(db, year=year, parent=parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome is not None:
                return dialog.outcome.path
            return None
        finally:
            dialog.deleteLater()
