"""This year against a last year the database does not have: no figures made up for it.

Found by trying the statistics on the 2024 table alone: the comparison with 2023 (a year
never imported) said «0 → 45, +45» for the CIS in the statistics window, the Excel
sheet «Итоги» and ``spbgui-cli stats``, as if the committee's work had grown from
nothing, while the yearly report leaves the comparison out: «nothing to compare with».
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from spbgui.ui.actions import ActionId
from tests.test_cli import cli
from tests.ui import gestures
from tests.ui.gestures import Answers

NOTE = "В базе нет 2023 года: сравнивать не с чем."


def _row(model, name: str) -> list[str]:
    r = next(r for r in range(model.rowCount()) if model.cell(r, 0) == name)
    return [model.cell(r, c) for c in range(model.columnCount())]


def test_the_compare_tab_says_the_last_year_is_missing(qtbot, window, russian) -> None:
    window.actions_[ActionId.STATISTICS].trigger()
    page = window.stats_window
    qtbot.waitExposed(page)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.compare_year.value() == 2024
    assert _row(page.compare_model, "СНГ") == ["СНГ", "—", "45", "—"]
    assert _row(page.compare_model, "Всего") == ["Всего", "—", "96", "—"]
    assert page.compare_note.isVisible() and page.compare_note.text() == NOTE

    # 2025 against 2024, a year the database has: figures, differences, no note.
    page.compare_year.setValue(2025)
    assert _row(page.compare_model, "СНГ") == ["СНГ", "45", "0", "-45"]
    assert not page.compare_note.isVisible()


def test_the_excel_summary_sheet_makes_up_no_figures_for_the_missing_year(
    qtbot, window, tmp_path: Path
) -> None:
    target = tmp_path / "выгрузка.xlsx"

    def answer(dialog: QWidget) -> None:
        dialog.fileEdit.setFocus()
        dialog.fileEdit.selectAll()
        gestures.type_text(dialog.fileEdit, str(target))
        gestures.click(dialog.exportButton)

    def done(box: QWidget) -> None:
        gestures.click(box.button(QMessageBox.StandardButton.Close))

    answers = Answers().expect(answer, done)
    window.actions_[ActionId.EXPORT_TABLE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=30000)
    answers.stop()
    sheet = openpyxl.load_workbook(target)["Итоги"]
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    start = rows.index(["2024 год в сравнении с 2023 годом"])
    block = rows[start : start + 9]
    assert ["СНГ", "—", 45, "—"] in block
    assert ["Всего", "—", 96, "—"] in block
    assert [NOTE] in block
    assert not any("+45" in map(str, row) for row in rows)


def test_the_cli_makes_up_no_figures_for_the_missing_year(db_path: Path, window) -> None:
    r = cli("stats", "--db", str(db_path), "--years", "2024")
    assert r.returncode == 0, r.stderr
    after = r.stdout.split("2024 год в сравнении с 2023 годом", 1)[1]
    assert NOTE in after
    assert "+45" not in after and "+96" not in after
    assert cli("stats", "--db", str(db_path), "--json").stdout.count('"previous": null') == 6
