"""File → Import… and ``spbgui-cli import`` on the 2024 table as a clerk re-laid it.

The workbook: the table moved to C6 under a logo row and a title, a «Регион» column
(merged down) instead of region rows, a two-row header with a group heading over the
agreement's columns, names with soft hyphens from a web page, the year's dates typed
as text, last year's events column kept beside this year's, and the head of
department's signature under the table. Both ways in must give exactly the records of
cooperation_2024.expected.json, and the preview must name the rows it did not take.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl

from PySide6.QtWidgets import QApplication, QWidget

from spbgui.services import records
from spbgui.ui.actions import ActionId
from spbgui.ui.main_window import MainWindow
from tests.test_cli import cli
from tests.ui import gestures
from tests.ui.gestures import Answers

REGIONS = {"ЕВРОПА": "Европа", "АЗИЯ": "Азия", "СНГ": "СНГ", "АФРИКА": "Африка"}
REGIONS["ЛАТИНСКАЯ АМЕРИКА"] = "Латинская Америка"
TOP, LEFT = 5, 2  # the table's header starts at C6


def clerks_workbook(fixture: Path, path: Path) -> tuple[Path, int]:
    """The fixture re-laid; returns the path and the sheet row of the signature."""
    cells = [[c.value for c in row] for row in openpyxl.load_workbook(fixture).active.iter_rows()]
    header = next(r for r, row in enumerate(cells) if row[0] == "Страна")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2024"
    ws["A1"] = "Комитет по внешним связям Санкт-Петербурга"
    ws["C3"] = "СОТРУДНИЧЕСТВО САНКТ-ПЕТЕРБУРГА С ГОРОДАМИ-ПАРТНЕРАМИ"
    ws.merge_cells("C3:I3")
    names = cells[header]
    rows: list[list[Any]] = [
        ["Регион", names[0], names[1], "Документ о сотрудничестве", None, names[4], None],
        [None, None, None, names[2], names[3], None, "Основные мероприятия в 2023 году"],
    ]
    spans: list[tuple[int, int]] = []
    for row in cells[header + 1 :]:
        if row[0] in REGIONS:
            spans.append((len(rows), len(rows)))
            region = REGIONS[row[0]]
            continue
        country = row[0]
        if isinstance(country, str) and len(country) > 5:
            country = country[:4] + "\u00ad" + country[4:]
        when = row[3].strftime("%d.%m.%Y") if isinstance(row[3], dt.datetime) else row[3]
        old = "12 мая – событие прошлого года" if any(row[1:]) else None
        rows.append([region, country, row[1], row[2], when, row[4], old])
        spans[-1] = (spans[-1][0], len(rows) - 1)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.cell(TOP + 1 + r, LEFT + 1 + c, value)
    at = lambda r, c: ws.cell(TOP + 1 + r, LEFT + 1 + c).coordinate  # noqa: E731
    for c in (0, 1, 2, 5):
        ws.merge_cells(f"{at(0, c)}:{at(1, c)}")
    ws.merge_cells(f"{at(0, 3)}:{at(0, 4)}")
    for first, last in spans:
        if last > first:
            ws.merge_cells(f"{at(first, 0)}:{at(last, 0)}")
    signature = TOP + len(rows) + 2
    ws.cell(signature, LEFT + 2, "Начальник отдела")
    ws.cell(signature, LEFT + 6, "И. И. Иванов")
    ws.freeze_panes = ws.cell(TOP + 3, LEFT + 1).coordinate
    ws.auto_filter.ref = f"{at(1, 0)}:{at(len(rows) - 1, 6)}"
    wb.save(path)
    return path, signature


def test_the_window_imports_a_clerks_layout(
    qtbot, db, fixture_xlsx: Path, tmp_path: Path, expected_2024
) -> None:
    path, signature = clerks_workbook(fixture_xlsx, tmp_path / "Сотрудничество 2024.xlsx")
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    shown: list[str] = []

    def steps(dialog: QWidget) -> None:
        gestures.click(gestures.button(dialog, "importBrowseButton"))
        qtbot.waitUntil(
            lambda: dialog.importButton.isEnabled() or dialog.error is not None, timeout=30_000
        )
        assert dialog.error is None, dialog.error
        shown.extend(dialog.warnings.item(i).text() for i in range(dialog.warnings.count()))
        gestures.click(dialog.importButton)

    answers = Answers().expect(steps, gestures.choose_file(path))
    window.actions_[ActionId.IMPORT_TABLE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=60_000)
    answers.stop()
    assert records.dump(db=db) == expected_2024
    said = "\n".join(shown)
    assert str(signature) in said and "И. И. Иванов" in said
    assert "«Основные мероприятия в 2023 году» не входят в таблицу" in said


def test_the_cli_imports_a_clerks_layout(
    tmp_path: Path, fixture_xlsx: Path, expected_2024: dict
) -> None:
    path, signature = clerks_workbook(fixture_xlsx, tmp_path / "Сотрудничество 2024.xlsx")
    db = tmp_path / "new.sqlite"
    r = cli("import", str(path), "--db", str(db), "--json")
    assert r.returncode == 0, r.stderr
    warnings = json.loads(r.stdout)["warnings"]
    assert any(str(signature) in str(w) and "И. И. Иванов" in str(w) for w in warnings)
    d = cli("dump", "--db", str(db), "--json")
    assert d.returncode == 0, d.stderr
    assert json.loads(d.stdout) == expected_2024
