"""File → Import… with several workbooks chosen: one preview of every year, each file its own
transaction, the window shows every year after it; a bad file or a year already there is
handled before anything changes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from PySide6.QtWidgets import QDialog, QFileDialog

from spbgui.services import records, stats
from spbgui.services.export import export_workbook
from spbgui.store.database import open_database
from spbgui.ui.actions import ActionId
from spbgui.ui.batch_import_dialog import BatchImportDialog
from tests import multiyear


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path):
    folder = tmp_path_factory.mktemp("dialog-years")
    db = open_database(tmp_path_factory.mktemp("source") / "source.sqlite")
    ledger = multiyear.build(db, fixture_xlsx)
    paths = []
    for year in (2022, 2023, 2025):
        paths.append(folder / f"{year}.xlsx")
        export_workbook(db=db, year=year, path=paths[-1])
    db.close()
    return paths, ledger


def _choose(monkeypatch, paths: list[Path]) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(p) for p in paths], ""))
    )


def _drive(monkeypatch, steps) -> None:
    """Act in the dialog in place of its modal exec(), as the export dialog's tests do."""

    def exec_(self):
        self.show()
        steps(self)
        return (
            QDialog.DialogCode.Accepted if self.outcome is not None else QDialog.DialogCode.Rejected
        )

    monkeypatch.setattr(BatchImportDialog, "exec", exec_)


def test_three_years_chosen_in_the_import_dialog_go_in(
    empty_window, qtbot, monkeypatch, workbooks
) -> None:
    paths, ledger = workbooks
    _choose(monkeypatch, paths)
    seen = {}

    def steps(dialog: BatchImportDialog) -> None:
        qtbot.mouseClick(
            dialog.findChild(type(dialog.importButton), "importBrowseButton"), Qt_left()
        )
        qtbot.waitUntil(
            lambda: dialog.items is not None or dialog.error is not None, timeout=60_000
        )
        seen["error"] = dialog.error
        tree = dialog.tree
        seen["tops"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        seen["events"] = [
            int(tree.topLevelItem(i).text(2)) for i in range(tree.topLevelItemCount())
        ]
        seen["summary"] = dialog.summary.text()
        with qtbot.waitSignal(dialog.imported, timeout=60_000):
            qtbot.mouseClick(dialog.importButton, Qt_left())

    _drive(monkeypatch, steps)
    empty_window.actions_[ActionId.IMPORT_TABLE].trigger()
    assert seen["error"] is None
    assert seen["tops"] == [f"{y} — {y}.xlsx" for y in (2022, 2023, 2025)]
    per_year = Counter(e[0] for e in ledger.events)
    assert seen["events"] == [per_year[y] for y in (2022, 2023, 2025)]
    assert "2022, 2023, 2025" in seen["summary"]
    db = empty_window.db
    assert records.event_years(db=db) == [2022, 2023, 2025]
    table = stats.events_per_year(db=db, first=2022, last=2025, level="region")
    got = Counter({(r.name, y): n for r in table.rows for y, n in r.counts.items() if n})
    assert got == Counter(
        {k: v for k, v in ledger.by("region").items() if k[1] in (2022, 2023, 2025)}
    )
    assert empty_window.year_selector.findData(2022) >= 0  # the window shows the new years


def Qt_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_damaged_file_among_them_changes_nothing(qtbot, db, workbooks, tmp_path: Path) -> None:
    paths, _ = workbooks
    bad = tmp_path / "сломанный.xlsx"
    bad.write_bytes(b"not a workbook")
    dialog = BatchImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.set_files([paths[0], bad])
    qtbot.waitUntil(lambda: dialog.items is not None or dialog.error is not None, timeout=60_000)
    assert "«сломанный.xlsx» не загружен" in dialog.error
    assert not dialog.importButton.isEnabled()
    assert records.counts(db=db).regions == 0


def test_years_already_there_are_asked_once(qtbot, db, workbooks, monkeypatch) -> None:
    paths, _ = workbooks
    first = BatchImportDialog(db)
    qtbot.addWidget(first)
    first.set_files(paths[:2])
    qtbot.waitUntil(lambda: first.items is not None, timeout=60_000)
    with qtbot.waitSignal(first.imported, timeout=60_000):
        first.importButton.click()
    before = records.dump(db=db)

    again = BatchImportDialog(db)
    qtbot.addWidget(again)
    again.set_files(paths)
    qtbot.waitUntil(lambda: again.items is not None, timeout=60_000)
    asked = []
    monkeypatch.setattr(
        BatchImportDialog,
        "ask_replace_years",
        classmethod(lambda cls, p, t: asked.append(t) or False),
    )
    again.importButton.click()
    assert list(asked[0]) == [2022, 2023] and records.dump(db=db) == before
    monkeypatch.setattr(BatchImportDialog, "ask_replace_years", classmethod(lambda cls, p, t: True))
    with qtbot.waitSignal(again.imported, timeout=60_000):
        again.importButton.click()
    assert [r.year for r in again.results] == [2022, 2023, 2025]
    assert [r.replaced_events > 0 for r in again.results] == [True, True, False]
    assert records.event_years(db=db) == [2022, 2023, 2025]


def test_one_file_chosen_is_the_dialog_as_before(qtbot, db, fixture_xlsx, monkeypatch) -> None:
    _choose(monkeypatch, [fixture_xlsx])
    dialog = BatchImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.browse()
    qtbot.waitUntil(lambda: dialog.table is not None or dialog.error is not None, timeout=60_000)
    assert dialog.items is None and dialog.table.year == 2024
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.importButton.click()
    assert records.counts(db=db, year=2024).events == 96
