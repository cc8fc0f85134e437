"""File → Export to Excel… driven as a user would: choose, export, open; refusals and cancel."""

from __future__ import annotations

import openpyxl
import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from spbgui.io.xlsx.read import read_table
from spbgui.services.importer import import_table
from spbgui.ui.export_dialog import ExportDialog


@pytest.fixture
def filled(db, fixture_xlsx):
    import_table(db=db, table=read_table(fixture_xlsx))
    return db


@pytest.fixture
def answers(monkeypatch):
    """Record the dialog's questions; open nothing for real."""
    seen: dict[str, list] = {"open": [], "opened": [], "overwrite": []}

    def ask_open(cls, parent, result):
        seen["open"].append(result)
        return True

    def open_file(cls, path):
        seen["opened"].append(path)
        return True

    def ask_overwrite(cls, parent, path):
        seen["overwrite"].append(path)
        return False

    monkeypatch.setattr(ExportDialog, "ask_open", classmethod(ask_open))
    monkeypatch.setattr(ExportDialog, "open_file", classmethod(open_file))
    monkeypatch.setattr(ExportDialog, "ask_overwrite", classmethod(ask_overwrite))
    return seen


def _dialog(qtbot, db, year=2024):
    d = ExportDialog(db, year=year)
    qtbot.addWidget(d)
    d.show()
    return d


def test_the_whole_table_is_exported_and_offered_to_open(qtbot, filled, tmp_path, answers) -> None:
    d = _dialog(qtbot, filled)
    assert d.objectName() == "exportDialog"
    assert d.year == 2024 and d.yearCombo.findData(2025) >= 0
    regions = [d.scope.topLevelItem(i).text(0) for i in range(d.scope.topLevelItemCount())]
    assert regions == ["Европа", "Азия", "СНГ", "Африка", "Латинская Америка"]
    assert sum(int(d.scope.topLevelItem(i).text(1)) for i in range(5)) == 96
    assert d.selected_countries() is None  # everything
    assert d.fileEdit.text().endswith("Сотрудничество 2024.xlsx")
    target = tmp_path / "all"  # no suffix: the dialog adds it
    d.fileEdit.setText(str(target))
    with qtbot.waitSignal(d.exported, timeout=60_000):
        d.exportButton.click()
    assert d.outcome is not None and d.outcome.counts["events"] == 96
    assert d.outcome.path == tmp_path / "all.xlsx" and d.outcome.path.exists()
    assert answers["open"] == [d.outcome] and answers["opened"] == [d.outcome.path]
    assert not d.isVisible()  # accepted


def test_some_countries_only(qtbot, filled, tmp_path, answers) -> None:
    d = _dialog(qtbot, filled)
    d.findChild(type(d.exportButton), "exportNoneButton").click()
    assert not d.exportButton.isEnabled()  # nothing chosen
    d.set_countries({"Куба", "Вьетнам"})
    assert d.exportButton.isEnabled()
    d.fileEdit.setText(str(tmp_path / "two.xlsx"))
    with qtbot.waitSignal(d.exported, timeout=60_000):
        d.exportButton.click()
    ws = openpyxl.load_workbook(tmp_path / "two.xlsx").worksheets[0]
    countries = {c.value for c in ws["A"][3:] if c.value and not c.value.isupper()}
    assert countries == {"Куба", "Вьетнам"}


def test_a_region_checkbox_checks_its_countries(qtbot, filled) -> None:
    d = _dialog(qtbot, filled)
    d.findChild(type(d.exportButton), "exportNoneButton").click()
    cis = d.scope.topLevelItem(2)
    cis.setCheckState(0, Qt.CheckState.Checked)
    assert d.selected_countries() is not None and len(d.selected_countries()) == 9


def test_an_existing_file_is_not_replaced_without_asking(qtbot, filled, tmp_path, answers) -> None:
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"an earlier export")
    d = _dialog(qtbot, filled)
    d.fileEdit.setText(str(old))
    d.exportButton.click()
    assert answers["overwrite"] == [old]
    assert d._task is None and old.read_bytes() == b"an earlier export"


def test_a_refusal_is_shown_and_the_dialog_stays(qtbot, filled, tmp_path, answers) -> None:
    d = _dialog(qtbot, filled)
    d.fileEdit.setText(str(tmp_path / "no" / "such" / "folder" / "t.xlsx"))
    d.exportButton.click()
    qtbot.waitUntil(lambda: d.error is not None, timeout=30_000)
    assert "не существует" in d.summary.text()
    assert d.isVisible() and d.outcome is None and answers["open"] == []
    qtbot.waitUntil(lambda: d.exportButton.isEnabled(), timeout=10_000)


def test_changing_the_year_renames_the_default_file(qtbot, filled) -> None:
    d = _dialog(qtbot, filled)
    d.yearCombo.setCurrentIndex(d.yearCombo.findData(2025))
    assert d.fileEdit.text().endswith("Сотрудничество 2025.xlsx")
    assert sum(int(d.scope.topLevelItem(i).text(1)) for i in range(5)) == 0
    d.fileEdit.setText("/tmp/mine.xlsx")
    d.yearCombo.setCurrentIndex(d.yearCombo.findData(2024))
    assert d.fileEdit.text() == "/tmp/mine.xlsx"  # a name the user typed stays


def test_cancel_closes_when_idle(qtbot, filled) -> None:
    d = _dialog(qtbot, filled)
    d.cancelButton.click()
    assert not d.isVisible() and d.outcome is None


def test_run_returns_the_path(qtbot, filled, tmp_path, answers, monkeypatch) -> None:
    target = tmp_path / "run.xlsx"

    def exec_(self):
        self.fileEdit.setText(str(target))
        with qtbot.waitSignal(self.exported, timeout=60_000):
            self.exportButton.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    assert ExportDialog.run(filled, None, 2024) == target
    assert target.exists()

    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert ExportDialog.run(filled, None, None) is None


def test_a_bare_name_goes_to_the_folder_shown(
    qtbot, filled, tmp_path, answers, monkeypatch
) -> None:
    """A clerk replaces the file name in the field with a name alone, «Для МИД»: the
    workbook goes to the folder the field showed, not to the program's working folder
    (the install folder on Windows, where it could not write, or wherever it started)."""
    from spbgui.ui import settings

    shown = tmp_path / "Документы"
    shown.mkdir()
    elsewhere = tmp_path / "program"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    settings.EXPORT_FOLDER.set(str(shown))
    d = _dialog(qtbot, filled)
    assert d.fileEdit.text() == str(shown / "Сотрудничество 2024.xlsx")
    d.fileEdit.setText("Для МИД")
    with qtbot.waitSignal(d.exported, timeout=60_000):
        d.exportButton.click()
    assert d.outcome is not None and d.outcome.path == shown / "Для МИД.xlsx"
    assert (shown / "Для МИД.xlsx").exists() and list(elsewhere.iterdir()) == []


def test_escape_while_exporting_stops_the_export(
    qtbot, filled, tmp_path, answers, monkeypatch
) -> None:
    """Esc closes a dialog through reject(), not closeEvent(): the export went on in its
    thread with the dialog gone, and ExportDialog.run then deleted the dialog and with it
    the running QThread, which aborts the program. Esc now stops the export first."""
    import threading

    from PySide6.QtTest import QTest

    from spbgui.ui import export_dialog, tasks

    gate, started = threading.Event(), threading.Event()
    real = export_dialog.export_workbook

    def slow_export(**kwargs):  # the real export, once the test has pressed Esc
        started.set()
        gate.wait(30)
        return real(**kwargs)

    monkeypatch.setattr(export_dialog, "export_workbook", slow_export)
    old = tmp_path / "old.xlsx"
    d = _dialog(qtbot, filled)
    d.fileEdit.setText(str(tmp_path / "new.xlsx"))
    d.exportButton.click()
    assert started.wait(10)
    task = d._task
    assert task is not None and task.isRunning()
    QTest.keyClick(d, Qt.Key.Key_Escape)
    assert not d.isVisible()
    try:
        # No longer the dialog's (deleting the dialog would delete a running thread).
        assert task.parent() is None and task in tasks._abandoned
        assert task.is_cancelled
    finally:
        gate.set()
        assert task.wait(30_000)
    qtbot.wait(50)
    assert not (tmp_path / "new.xlsx").exists() and not old.exists()
    assert answers["open"] == []
