"""A file name longer than the disk allows, for the Excel table and for the report.

A clerk names the file after the table's whole title, in Russian: 140 Cyrillic letters
are 280 bytes, more than the 255 a Linux (or the 255 characters a Windows) file name may
have. Python's checks of such a path raise instead of answering «no»: the CLI said
«непредвиденная ошибка: [Errno 36] File name too long», and the window's Export button
and «Save as PDF…» raised out of the slot. Now each says in Russian what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QFileDialog, QMessageBox

from spbgui.io.xlsx.read import read_table
from spbgui.report import ReportOptions
from spbgui.services.importer import import_table
from spbgui.ui.export_dialog import ExportDialog
from spbgui.ui.print_preview import ReportPreviewDialog

from .test_cli import assert_refused, cli

LONG = "Сотрудничество Санкт-Петербурга с городами-партнёрами " * 3  # 165 letters


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path) -> Path:
    path = tmp_path_factory.mktemp("long-names") / "records.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(path)).returncode == 0
    return path


@pytest.mark.parametrize(("command", "suffix"), [("export", ".xlsx"), ("report", ".pdf")])
def test_the_cli_says_the_name_is_too_long(
    db_file: Path, tmp_path: Path, command: str, suffix: str
) -> None:
    target = tmp_path / f"{LONG}{suffix}"
    r = cli(command, "--db", str(db_file), "-o", str(target))
    assert_refused(r, 1, "слишком длинное")
    assert "непредвиденная" not in r.stderr


@pytest.fixture
def filled(db, fixture_xlsx):
    import_table(db=db, table=read_table(fixture_xlsx))
    return db


def test_the_export_dialog_says_the_name_is_too_long(qtbot, filled, tmp_path) -> None:
    dialog = ExportDialog(filled, year=2024)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fileEdit.setText(str(tmp_path / f"{LONG}.xlsx"))
    dialog.exportButton.click()
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=30_000)
    assert "слишком длинное" in dialog.summary.text()
    assert dialog.isVisible() and dialog.outcome is None


def test_save_as_pdf_says_the_name_is_too_long(qtbot, filled, tmp_path, monkeypatch) -> None:
    dialog = ReportPreviewDialog(filled, ReportOptions(2024, summary=False))
    qtbot.addWidget(dialog)
    dialog.show()
    folder = tmp_path / "reports"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(folder / f"{LONG}.pdf"), "")),
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warnings.append(text))
    )
    dialog.pdfAction.trigger()
    assert len(warnings) == 1 and "слишком длинное" in warnings[0], warnings
    assert list(folder.iterdir()) == []
    dialog.close()
