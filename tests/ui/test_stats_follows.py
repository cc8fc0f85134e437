"""The statistics window and the tree's marks keep up with what the clerk does elsewhere.

Found by trying the statistics as a clerk: the window opened on an empty database still
showed «0» after the 2024 table was imported from the File menu; a year started or
switched in the main window left the window on the old year while the tree's marks had
moved on; the marks stayed as they were after an earlier year was imported.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from spbgui.services import years
from spbgui.services.changes import NodeRef
from spbgui.store.database import open_database
from spbgui.ui.actions import ActionId
from spbgui.ui.main_window import MainWindow
from tests.ui import gestures
from tests.ui.gestures import Answers

XLSX = Path(__file__).parents[1] / "data" / "cooperation_2024.xlsx"
XUHUI = "Муниципальный район Сюхуэй, г. Шанхай"  # no events in the 2024 table


def _open_statistics(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    QTest.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = window.stats_window
    qtbot.waitExposed(page)
    return page


def _tab(qtbot, page, index: int) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def _import(qtbot, window, path: Path, *more) -> None:
    def answer(dialog: QWidget) -> None:
        gestures.click(gestures.button(dialog, "importBrowseButton"))
        qtbot.waitUntil(dialog.importButton.isEnabled, timeout=30000)
        gestures.click(dialog.importButton)

    answers = Answers().expect(answer, gestures.choose_file(path), *more)
    window.actions_[ActionId.IMPORT_TABLE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=30000)
    answers.stop()


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def _total_row(model) -> list[str]:
    last = model.rowCount() - 1
    return [model.cell(last, c) for c in range(model.columnCount())]


def test_statistics_opened_on_an_empty_database_show_the_table_once_imported(
    qtbot, db_path: Path, messages
) -> None:
    window = MainWindow(open_database(db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = _open_statistics(window, qtbot)
    assert _total_row(page.years_model)[1:] == ["0", "0"]  # nothing yet: honest zeros

    _import(qtbot, window, XLSX)
    assert years.years(db=window.db) == [2024]

    # The window shows the year imported, without being closed and opened again.
    qtbot.waitUntil(lambda: _headers(page.years_model)[1:-1] == ["2024"], timeout=3000)
    assert _total_row(page.years_model)[1:] == ["96", "96"]
    assert page.chart.totals() == [96.0]
    _tab(qtbot, page, 1)
    assert page.compare_year.value() == 2024
    assert _total_row(page.compare_model)[1:3] == ["—", "96"]  # no 2023 in the database
    _tab(qtbot, page, 2)
    assert _total_row(page.regions_model)[1:] == ["26", "37", "41"]


def test_statistics_follow_the_year_of_the_main_window_unless_set_by_hand(
    qtbot, window, messages
) -> None:
    page = _open_statistics(window, qtbot)
    assert (page.last_year.value(), page.compare_year.value()) == (2024, 2024)
    _tab(qtbot, page, 3)
    assert page.anniversary_year.value() == 2024

    # Year → Start a New Year: 2025 is shown in the main window, and in the statistics.
    def year_answer(dialog: QWidget) -> None:
        assert dialog.year.value() == 2025
        QTest.keyClick(dialog.year, Qt.Key.Key_Return)

    answers = Answers().expect(year_answer)
    window.actions_[ActionId.START_YEAR].trigger()
    qtbot.waitUntil(lambda: not answers.busy())
    answers.stop()
    assert window.editor.year == 2025
    qtbot.waitUntil(lambda: page.anniversary_year.value() == 2025, timeout=3000)
    assert page.compare_year.value() == 2025
    assert (page.first_year.value(), page.last_year.value()) == (2024, 2025)
    # The anniversaries listed are those of 2025, the tree's marks' year: Хошимин, 2005.
    qtbot.waitUntil(
        lambda: (
            "Хошимин"
            in [
                page.anniversaries_model.cell(r, 2)
                for r in range(page.anniversaries_model.rowCount())
            ]
        )
    )

    # A year the clerk typed into the statistics stays when the main window's year changes.
    page.anniversary_year.setFocus()
    page.anniversary_year.selectAll()
    gestures.type_text(page.anniversary_year, "2030")
    QTest.keyClick(page.anniversary_year, Qt.Key.Key_Return)
    assert page.anniversary_year.value() == 2030
    window.actions_[ActionId.PREVIOUS_YEAR].trigger()
    assert window.editor.year == 2024
    qtbot.waitUntil(lambda: page.compare_year.value() == 2024, timeout=3000)
    assert page.anniversary_year.value() == 2030


def _table_of_2023(tmp_path: Path) -> Path:
    """The 2024 workbook headed 2023, with an event of a partner that has none in 2024."""
    book = openpyxl.load_workbook(XLSX)
    sheet = book.active
    sheet["E3"] = "Основные мероприятия в 2023 году"
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == XUHUI)
    sheet.cell(row, 5).value = "12-14 октября – визит делегации района Сюхуэй."
    path = tmp_path / "cooperation_2023.xlsx"
    book.save(path)
    return path


def _marks_settled(qtbot, window) -> None:
    marks = window.tree_marks
    qtbot.waitUntil(
        lambda: (
            not marks._timer.isActive()
            and not marks._again
            and (marks._task is None or not marks._task.isRunning())
        ),
        timeout=30_000,
    )
    qtbot.wait(50)  # the last run's marks arrive through the event loop


def test_tree_marks_follow_an_import_of_an_earlier_year(
    qtbot, db_path: Path, tmp_path: Path, messages
) -> None:
    window = MainWindow(open_database(db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _import(qtbot, window, XLSX)
    window.tree_marks.refresh()  # (the window starts it once SQLAlchemy is loaded)
    _marks_settled(qtbot, window)
    xuhui = next(
        pid
        for pid, m in window.model.marks.items()
        if any("мероприятий не было" in line for line in m.lines)
        and window.tree.select_ref(window.db, NodeRef.partner(pid))
        and window.details.partner.heading.text() == XUHUI
    )

    _import(qtbot, window, _table_of_2023(tmp_path))
    assert years.years(db=window.db) == [2023, 2024]
    assert window.editor.year == 2024
    _marks_settled(qtbot, window)
    assert window.tree.select_ref(window.db, NodeRef.partner(xuhui))
    tip = window.tree.currentIndex().data(Qt.ItemDataRole.ToolTipRole)
    assert "Нет мероприятий" not in tip  # it came in 2023: not dormant for three years
    assert "dormant" not in window.model.marks[xuhui].kinds


def _type_year(qtbot, spin, year: int) -> None:
    spin.setFocus()
    spin.selectAll()
    gestures.type_text(spin, str(year))
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == year


def test_a_span_put_right_again_shows_figures_and_no_stale_message(qtbot, window, messages) -> None:
    page = _open_statistics(window, qtbot)
    hint = page.behind_label.text()
    assert _total_row(page.years_model)[1:] == ["96", "96"]

    # The first year after the last: the figures of the span before are not left standing.
    _type_year(qtbot, page.first_year, 2030)
    assert "2030" not in hint and page.behind_label.text() != hint
    assert page.years_model.rowCount() == 0 and page.chart.totals() == []
    _type_year(qtbot, page.first_year, 2024)
    assert page.behind_label.text() == hint  # the complaint goes with its cause
    assert _total_row(page.years_model)[1:] == ["96", "96"]

    # Too many years at once: the reason, and no figures of another span under it.
    _type_year(qtbot, page.first_year, 1)
    assert "200" in page.behind_label.text()
    assert page.years_model.rowCount() == 0 and page.chart.totals() == []
    _type_year(qtbot, page.first_year, 2020)
    assert page.behind_label.text() == hint
    assert _headers(page.years_model)[1:-1] == [str(y) for y in range(2020, 2025)]
    assert page.chart.totals() == [0.0, 0.0, 0.0, 0.0, 96.0]


def test_another_database_opened_drops_the_events_listed_from_the_first(
    qtbot, window, tmp_path: Path, monkeypatch, messages
) -> None:
    from spbgui.ui.files import FileDialogs

    page = _open_statistics(window, qtbot)
    page.level.setCurrentIndex(2)  # by partner
    model = page.years_model
    row = next(r for r in range(model.rowCount()) if model.cell(r, 0).startswith("Ташкент ("))
    index = model.index(row, 1)
    qtbot.mouseClick(
        page.years_table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.years_table.visualRect(index).center(),
    )
    assert page.behind_model.rowCount() == 10

    other = tmp_path / "другая.sqlite"
    open_database(other).close()  # an empty database: record ids there mean nothing here
    monkeypatch.setattr(FileDialogs, "open_database", classmethod(lambda cls, p, f: other))
    window.actions_[ActionId.OPEN_DATABASE].trigger()
    assert window.db.path == other
    qtbot.waitUntil(lambda: page.behind_model.rowCount() == 0, timeout=3000)
    assert "Ташкент" not in page.behind_label.text()
    assert _total_row(page.years_model)[-1] == "0"


def test_a_large_figure_lists_its_first_events_and_says_how_many_it_counts(
    qtbot, window, monkeypatch, messages
) -> None:
    """Over 500,000 events, the grand total clicked listed every one of them (two seconds
    per 100,000, read again after every edit): the list shows the first ones and says so."""
    from spbgui.ui import stats_page

    monkeypatch.setattr(stats_page, "BEHIND_SHOWN", 50)
    page = _open_statistics(window, qtbot)
    model = page.years_model
    total = model.index(model.rowCount() - 1, model.columnCount() - 1)
    assert model.cell(total.row(), total.column()) == "96"
    qtbot.mouseClick(
        page.years_table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.years_table.visualRect(total).center(),
    )
    assert page.behind_model.rowCount() == 50
    assert "96" in page.behind_label.text() and "50" in page.behind_label.text()
    # A figure within the limit lists all its events, as before.
    row = next(r for r in range(model.rowCount()) if model.cell(r, 0) == "СНГ")
    index = model.index(row, 1)
    qtbot.mouseClick(
        page.years_table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.years_table.visualRect(index).center(),
    )
    assert page.behind_model.rowCount() == 45
    assert page.behind_label.text().endswith(": 45")


def test_every_part_of_the_chart_is_seen_and_named(qtbot, window, messages) -> None:
    """By country, the chart stacks eight countries and «the others»: the sixth and later
    sets came out nearly white on the white chart (the theme's pale colours), «the
    others», the largest, among them; and the legend beside the chart, taller than the
    chart, lost its last entries at the window's size."""
    from PySide6.QtGui import QColor

    page = _open_statistics(window, qtbot)
    for level in range(3):
        page.level.setCurrentIndex(level)
        sets = page.chart.series.barSets()
        colors = [s.color().name() for s in sets]
        assert len(set(colors)) == len(colors), colors
        assert all(QColor(c).lightnessF() < 0.8 for c in colors), colors
        legend = page.chart.chart().legend()
        assert legend.alignment() == Qt.AlignmentFlag.AlignBottom
    assert len(sets) == 9  # by partner: eight and the others
