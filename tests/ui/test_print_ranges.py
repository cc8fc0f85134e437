"""Printing a page range from the print preview: only those pages, never the whole report.

In Qt's print dialog a clerk types pages «13–14» of a report that has 12: no page is in
the range, and the report printed every page instead (an empty choice read as «all»).
Now nothing goes to the printer and the preview says how many pages there are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from spbgui.io.xlsx.read import read_table
from spbgui.report import ReportOptions
from spbgui.services.importer import import_table
from spbgui.ui.print_preview import ReportPreviewDialog


@pytest.fixture
def preview(qtbot, db, fixture_xlsx):
    import_table(db=db, table=read_table(fixture_xlsx))
    dialog = ReportPreviewDialog(db, ReportOptions(2024, summary=False))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages_painted > 3, timeout=20_000)
    return dialog


def _print(dialog: ReportPreviewDialog, path: Path, first: int, last: int) -> QPrinter:
    """What the preview's Print button does once the print dialog is answered: the
    printer set as the clerk chose, then the dialog's paintRequested."""
    printer = dialog.printer()  # the preview's own printer, as its Print button uses
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    ranges = QPageRanges()
    ranges.addRange(first, last)
    printer.setPageRanges(ranges)
    dialog.paintRequested.emit(printer)
    return printer


def test_a_range_prints_only_its_pages(preview, tmp_path) -> None:
    _print(preview, tmp_path / "p.pdf", 2, 3)
    assert preview.pages_painted == 2


def test_a_range_past_the_last_page_prints_nothing(preview, tmp_path, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warnings.append(text))
    )
    total = preview.pages_painted
    _print(preview, tmp_path / "p.pdf", total + 1, total + 2)
    assert preview.pages_painted == 0
    assert not (tmp_path / "p.pdf").exists()
    assert len(warnings) == 1 and str(total) in warnings[0]
