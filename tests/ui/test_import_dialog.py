"""File → Import… driven as a user would: preview, cancel changes nothing, import lands."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.services import records
from spbgui.ui.import_dialog import ImportDialog


@pytest.fixture
def dialog(qtbot, db):
    d = ImportDialog(db)
    qtbot.addWidget(d)
    d.show()
    return d


def _preview(qtbot, dialog: ImportDialog, path: Path) -> None:
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.table is not None or dialog.error is not None, timeout=30_000)


def test_preview_shows_the_tree_counts_and_warnings(qtbot, dialog, fixture_xlsx, db) -> None:
    _preview(qtbot, dialog, fixture_xlsx)
    assert dialog.error is None
    tree = dialog.tree
    regions = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert regions == ["Европа", "Азия", "СНГ", "Африка", "Латинская Америка"]
    events = sum(int(tree.topLevelItem(i).text(2)) for i in range(tree.topLevelItemCount()))
    assert events == 96
    assert dialog.warnings.count() > 0
    assert "2024" in dialog.summary.text()
    assert dialog.importButton.isEnabled()
    # Cancel: the dialog closes and the database is as it was.
    dialog.cancelButton.click()
    assert not dialog.isVisible()
    assert records.counts(db=db).partners == 0


def test_import_lands(qtbot, dialog, fixture_xlsx, db, expected_2024) -> None:
    _preview(qtbot, dialog, fixture_xlsx)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.importButton.click()
    assert dialog.outcome is not None
    assert records.dump(db=db) == expected_2024


def test_a_refused_file_says_why(qtbot, dialog, tmp_path, db) -> None:
    bad = tmp_path / "report.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    _preview(qtbot, dialog, bad)
    assert dialog.error
    assert not dialog.importButton.isEnabled()
    assert records.counts(db=db).regions == 0


def test_replacing_the_year_is_asked(qtbot, dialog, fixture_xlsx, db, monkeypatch) -> None:
    _preview(qtbot, dialog, fixture_xlsx)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.importButton.click()
    before = records.dump(db=db)

    again = ImportDialog(db)
    qtbot.addWidget(again)
    _preview(qtbot, again, fixture_xlsx)
    asked: list[int] = []
    monkeypatch.setattr(
        ImportDialog, "ask_replace", classmethod(lambda cls, p, y, n: asked.append(n) or False)
    )
    again.importButton.click()
    assert asked == [96]
    assert again.outcome is None and records.dump(db=db) == before

    monkeypatch.setattr(ImportDialog, "ask_replace", classmethod(lambda cls, p, y, n: True))
    with qtbot.waitSignal(again.imported, timeout=30_000):
        again.importButton.click()
    assert again.outcome.replaced_events == 96
    assert records.dump(db=db) == before


def test_choose_offers_every_kind_and_reads_a_word_report(
    qtbot, dialog, db, tmp_path, monkeypatch, expected_2024
) -> None:
    """The «Choose…» button's filter lists Word, LibreOffice, old Excel and text; a Word file
    picked there (the published 2024 rows as a Word table under the title) previews and
    imports to the same records as the workbook."""
    import docx

    from PySide6.QtWidgets import QFileDialog, QPushButton

    from spbgui.io.sources import read_file

    # A Word document with the 2024 table in it: the published text's rows as a Word table.
    table = read_file(Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.txt")
    lines = (
        (Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.txt")
        .read_text("utf-8")
        .split("\n")
    )
    rows = [line.split("\t") for line in lines if "\t" in line or line.isupper()]
    document = docx.Document()
    document.add_paragraph("СОТРУДНИЧЕСТВО САНКТ-ПЕТЕРБУРГА С ГОРОДАМИ – ПАРТНЕРАМИ")
    t = document.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            t.cell(r, c).text = value
    path = tmp_path / "таблица 2024.docx"
    document.save(str(path))

    offered: list[str] = []

    def choose(parent, title, folder, filters):
        offered.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    dialog.findChild(QPushButton, "importBrowseButton").click()
    qtbot.waitUntil(lambda: dialog.table is not None or dialog.error is not None, timeout=30_000)
    assert dialog.error is None
    first = offered[0].split(";;")[0]
    for pattern in ("*.xlsx", "*.xls", "*.ods", "*.xlsb", "*.docx", "*.txt"):
        assert pattern in first
    assert dialog.table.counts() == table.counts()
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.importButton.click()
    assert records.dump(db=db) == expected_2024
