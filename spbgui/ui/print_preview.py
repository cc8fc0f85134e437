"""File → Print report…: the yearly report in a print preview, printed or saved.

:class:`ReportPreviewDialog` is Qt's own print preview (zoom, pages, orientation, the
Print button with the system's printer dialog) painting the same report as the PDF,
laid out for whatever printer and paper the user picks. Its toolbar adds «Options…»,
«Save as PDF…» and «Save as Word…». The window calls :func:`open_print_preview`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar, QWidget

from spbgui.errors import UserError
from spbgui.report import ReportOptions, report_content, save_docx, save_pdf
from spbgui.report.chart import ensure_application
from spbgui.report.content import ReportContent
from spbgui.report.document import ReportPages, page_layout
from spbgui.report.wording import file_stem
from spbgui.services.databases import Database
from spbgui.ui import settings
from spbgui.ui.report_options import ReportOptionsDialog
from spbgui.ui.screen_size import fit_to_screen

__all__ = [
    "ReportOptionsDialog",
    "ReportPreviewDialog",
    "open_print_preview",
    "save_docx",
    "save_pdf",
]


class ReportPreviewDialog(QPrintPreviewDialog):
    """The print preview of one report; raises UserError before opening if there is none."""

    saved = Signal(object)  # Path of the PDF or Word file written

    def __init__(self, db: Database, options: ReportOptions, parent: QWidget | None = None) -> None:
        ensure_application()
        content = report_content(db=db, options=options)  # refuses before any window
        # High resolution: the layout is measured for the printer's own dots.
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options.landscape))
        printer.setDocName(file_stem(options.year))
        super().__init__(printer, parent)
        self._printer = printer  # the dialog does not own it: kept alive here
        self.db = db
        self.report_options = options
        self.content: ReportContent = content
        self.setObjectName("reportPreviewDialog")
        title = self.tr("Yearly report %1 — print preview")
        self.setWindowTitle(title.replace("%1", str(options.year)))
        fit_to_screen(self, 1100, 800)
        self.paintRequested.connect(self.paint)
        self.pages_painted = 0
        self._add_actions()

    def _add_actions(self) -> None:
        bar = self.findChild(QToolBar)
        self.optionsAction = QAction(self.tr("Options…"), self, objectName="reportOptionsAction")
        self.pdfAction = QAction(self.tr("Save as PDF…"), self, objectName="reportSavePdfAction")
        self.docxAction = QAction(self.tr("Save as Word…"), self, objectName="reportSaveDocxAction")
        self.optionsAction.setToolTip(self.tr("Year, regions and countries, summary"))
        self.docxAction.setToolTip(self.tr("A Word document whose wording can be edited"))
        self.optionsAction.triggered.connect(self.change_options)
        self.pdfAction.triggered.connect(lambda: self.save_as(".pdf"))
        self.docxAction.triggered.connect(lambda: self.save_as(".docx"))
        if bar is not None:
            bar.addSeparator()
            for action in (self.optionsAction, self.pdfAction, self.docxAction):
                bar.addAction(action)
        else:  # a Qt without the toolbar: the actions still work by shortcut
            self.addActions([self.optionsAction, self.pdfAction, self.docxAction])

    # -- painting -----------------------------------------------------------
    def paint(self, printer: QPrinter) -> None:
        """Paint the report onto the preview or the printer, honouring a page range."""
        report = ReportPages(self.content, printer)
        ranges = printer.pageRanges()
        wanted = (
            None
            if ranges.isEmpty()
            else [n for n in range(1, len(report) + 1) if ranges.contains(n)]
        )
        if wanted == []:  # pages past the last: nothing to print, not everything
            self.pages_painted = 0
            text = self.tr("The report has %1 pages: none of the pages asked for is in it.")
            QMessageBox.warning(
                self, self.tr("Nothing to print"), text.replace("%1", str(len(report)))
            )
            return
        painter = QPainter()
        if not painter.begin(printer):
            return  # the printer refused (cancelled, offline): Qt has told the user
        try:
            self.pages_painted = report.paint(painter, wanted)
        finally:
            painter.end()

    def refresh(self) -> None:
        widget = self.findChild(QPrintPreviewWidget)
        if widget is not None:
            widget.updatePreview()

    # -- the toolbar's own actions -----------------------------------------
    def current_options(self) -> ReportOptions:
        """The options, with the orientation the user may have switched in the preview."""
        landscape = self._printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
        o = self.report_options
        return ReportOptions(o.year, o.regions, o.countries, o.summary, landscape, o.prepared)

    def change_options(self) -> None:
        chosen = ReportOptionsDialog.ask(self.db, self.current_options(), self)
        if chosen is None:
            return
        try:
            self.content = report_content(db=self.db, options=chosen)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Report"), str(exc))
            return
        self.report_options = chosen
        self._printer.setPageLayout(page_layout(chosen.landscape))
        self._printer.setDocName(file_stem(chosen.year))
        self.refresh()

    def ask_path(self, suffix: str) -> Path | None:
        folder = settings.REPORT_FOLDER.get() or str(Path.home())
        name = f"{file_stem(self.report_options.year)}{suffix}"
        kinds = {
            ".pdf": self.tr("PDF documents (*.pdf)"),
            ".docx": self.tr("Word documents (*.docx)"),
        }
        title = (
            self.tr("Save the report as PDF")
            if suffix == ".pdf"
            else self.tr("Save the report as a Word document")
        )
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), kinds[suffix])
        if not path:
            return None
        target = Path(path)
        # «.pdf» alone stays as it is: saving asks for a name (not a hidden «.pdf.pdf»).
        if target.suffix.lower() != suffix and target.name.lower() != suffix:
            target = target.with_name(target.name + suffix)
        settings.REPORT_FOLDER.set(str(target.parent))
        return target

    def save_as(self, suffix: str, path: Path | None = None) -> Path | None:
        """Save the report as .pdf or .docx (asking where unless told); the path saved."""
        target = path or self.ask_path(suffix)
        if target is None:
            return None
        saver = save_pdf if suffix == ".pdf" else save_docx
        try:
            saver(db=self.db, options=self.current_options(), path=target)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("The report was not saved"), str(exc))
            return None
        self.saved.emit(target)
        return target


def make_print_preview(
    db: Database, year: int, parent: QWidget | None = None, options: ReportOptions | None = None
) -> ReportPreviewDialog:
    """The preview of the report of ``year`` (all regions, with the summary), not shown."""
    return ReportPreviewDialog(db, options or ReportOptions(year=year), parent)


def open_print_preview(
    db: Database, year: int, parent: QWidget | None = None, options: ReportOptions | None = None
) -> ReportPreviewDialog:
    """Open the print preview window-modal and return it (``exec()`` it to block instead).

    Raises :class:`~spbgui.errors.UserError` (one Russian line) before any window opens
    when there is nothing to print.
    """
    dialog = make_print_preview(db, year, parent, options)
    dialog.open()
    return dialog
