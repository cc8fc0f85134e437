"""View → Statistics on a five-year database: the figures a person sees equal the ledger's and
the CLI's; a figure clicked shows its events; rows lead to their records; the tree is marked;
the partner page answers and the agreement's term is edited and undone."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from spbgui import cli
from spbgui.domain.dates import PartialDate
from spbgui.domain.terms import ENDED, Term
from spbgui.services import memory, stats
from spbgui.services.changes import NodeRef
from spbgui.store.database import Database, open_database
from spbgui.ui.actions import ActionId
from spbgui.ui.stats_models import FiguresModel
from tests import multiyear
from tests.ui.windows import shown_window


@pytest.fixture(scope="module")
def _years_file(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path):
    path = tmp_path_factory.mktemp("ui-years") / "years.sqlite"
    db = open_database(path)
    ledger = multiyear.build(db, fixture_xlsx)
    db.close()
    return path, ledger


@pytest.fixture
def years_db(_years_file, db_path: Path) -> Database:
    shutil.copyfile(_years_file[0], db_path)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def ledger(_years_file):
    return _years_file[1]


@pytest.fixture
def years_window(qtbot, years_db: Database):
    return shown_window(qtbot, years_db)


def _open(window, qtbot, by_key: bool = False):
    if by_key:
        QTest.keyClick(
            window,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    else:
        window.actions_[ActionId.STATISTICS].trigger()
    page = window.stats_window
    qtbot.waitExposed(page)
    return page


def _tab(qtbot, page, index: int) -> None:
    """Click the tab's title, as a person opens it."""
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def _column(model: FiguresModel, column: int) -> list[str]:
    return [model.cell(r, column) for r in range(model.rowCount())]


def _click(qtbot, view, row: int, column: int, double: bool = False) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    if double:  # a double click starts with a press: the view activates what was pressed
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_view_menu_and_shortcut_open_the_statistics(years_window, qtbot) -> None:
    view_menu = years_window.menuBar().findChild(
        type(years_window.menuBar().actions()[0].menu()), "menuView"
    )
    assert years_window.actions_[ActionId.STATISTICS] in view_menu.actions()
    page = _open(years_window, qtbot, by_key=True)
    assert page.isVisible() and page.objectName() == "statsWindow"
    page.close()
    assert _open(years_window, qtbot) is page  # one window, brought up again


def test_years_table_and_chart_equal_the_ledger(years_window, qtbot, ledger) -> None:
    page = _open(years_window, qtbot)
    assert (page.first_year.value(), page.last_year.value()) == (2021, 2025)
    for level_index, level in enumerate(stats.LEVELS):
        page.level.setCurrentIndex(level_index)
        model = page.years_model
        years = [int(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(1, 6)]
        got = Counter()
        for r in range(model.rowCount() - 1):
            name = model.cell(r, 0)
            key = tuple(name[:-1].rsplit(" (", 1)[::-1]) if level == "partner" else name
            for c, y in enumerate(years, start=1):
                if int(model.cell(r, c)):
                    got[(key, y)] = int(model.cell(r, c))
        assert got == ledger.by(level), level
        per_year = Counter(e[0] for e in ledger.events)
        assert [int(model.cell(model.rowCount() - 1, c)) for c in range(1, 6)] == [
            per_year[y] for y in years
        ]
        assert page.chart.totals() == [float(per_year[y]) for y in years]
    page.first_year.setValue(2023)
    assert page.years_model.columnCount() == 1 + 3 + 1


def test_a_figure_clicked_lists_its_events_and_one_leads_to_the_partner(
    years_window, qtbot
) -> None:
    page = _open(years_window, qtbot)
    page.level.setCurrentIndex(1)  # countries
    model = page.years_model
    row = _column(model, 0).index("Белоруссия")
    col = 1 + [2021, 2022, 2023, 2024, 2025].index(2023)  # «Беларусь» in 2023's table
    _click(qtbot, page.years_table, row, col)
    assert page.behind_model.rowCount() == int(model.cell(row, col)) > 0
    assert set(_column(page.behind_model, 3)) == {"Белоруссия"}
    assert "Белоруссия, 2023" in page.behind_label.text()
    _click(qtbot, page.behind_table, 0, 4, double=True)
    assert years_window.editor.year == 2023
    ref = years_window.tree.current_ref()
    assert ref is not None and ref.kind.value == "partner"
    event_id = page.behind_model.target(0, 0).id
    assert years_window.details.partner.events.selected_ids() == [event_id]


def test_compare_tab_equals_the_cli(years_window, qtbot, capsys, db_path: Path) -> None:
    page = _open(years_window, qtbot)
    _tab(qtbot, page, 1)
    page.compare_year.setValue(2025)
    assert cli.main(["stats", "--db", str(db_path), "--years", "2021-2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    c = data["comparison"]
    model = page.compare_model
    shown = [[model.cell(r, k) for k in range(4)] for r in range(model.rowCount() - 1)]
    assert shown == [
        [
            r["name"],
            str(r["previous"]),
            str(r["this"]),
            f"{r['difference']:+d}" if r["difference"] else "0",
        ]
        for r in c["rows"]
    ]
    total = [model.cell(model.rowCount() - 1, k) for k in range(1, 3)]
    assert total == [str(c["totals"]["previous"]), str(c["totals"]["this"])]
    _tab(qtbot, page, 2)
    regions = page.regions_model
    assert [[regions.cell(r, k) for k in range(4)] for r in range(regions.rowCount() - 1)] == [
        [r["name"], str(r["countries"]), str(r["partners"]), str(r["agreements"])]
        for r in data["regions"]
    ]
    _tab(qtbot, page, 0)
    page.level.setCurrentIndex(0)
    years = page.years_model
    for r, row in enumerate(data["tables"]["region"]["rows"]):
        assert [years.cell(r, k) for k in range(1, 6)] == [
            str(row["counts"][str(y)]) for y in range(2021, 2026)
        ]


def test_anniversaries_dormant_terms_and_ages_lead_to_their_records(years_window, qtbot) -> None:
    page = _open(years_window, qtbot)
    db = years_window.db
    _tab(qtbot, page, 3)
    page.anniversary_year.setValue(2025)
    expected = memory.anniversaries(db=db, year=2025)
    assert _column(page.anniversaries_model, 2) == [a.partner for a in expected] and expected
    hcm = _column(page.anniversaries_model, 2).index("Хошимин")
    _click(qtbot, page.anniversaries_table, hcm, 2, double=True)
    assert years_window.details.partner.heading.text() == "Хошимин"

    _tab(qtbot, page, 4)
    assert set(_column(page.dormant_model, 0)) == {
        d.partner for d in memory.dormant_partners(db=db, years=3)
    }
    page.dormant_years.setValue(1)
    assert QSettings().value("stats/dormantYears") in (1, "1")
    assert set(_column(page.dormant_model, 0)) == {
        d.partner for d in memory.dormant_partners(db=db, years=1)
    }

    _tab(qtbot, page, 5)
    assert "Республика Сербская" in _column(page.terms_model, 1)
    serb = _column(page.terms_model, 1).index("Республика Сербская")
    _click(qtbot, page.terms_table, serb, 0, double=True)
    assert years_window.details.partner.heading.text() == "Республика Сербская"

    _tab(qtbot, page, 6)
    page.older_than.setValue(30)
    assert _column(page.ages_model, 0) == [
        a.title for a in memory.older_than(db=db, years=30, today=dt.date.today())
    ]


def test_tree_marks_the_partners(years_window, qtbot) -> None:
    db = years_window.db
    years_window.editor.set_year(2025)
    with qtbot.waitSignal(years_window.tree_marks.updated, timeout=30_000):
        years_window.tree_marks.refresh()  # worked out in a thread
    marks_ = years_window.tree_marks
    qtbot.waitUntil(lambda: not marks_._again and not marks_._task.isRunning(), timeout=30_000)
    qtbot.wait(50)  # the last run's marks arrive through the event loop
    marks = years_window.model.marks
    for a in memory.anniversaries(db=db, year=2025):
        assert "anniversary" in marks[a.partner_id].kinds
    for d in memory.dormant_partners(db=db, years=3):
        assert "dormant" in marks[d.partner_id].kinds
    serb = next(a for a in memory.agreements(db=db) if a.partner == "Республика Сербская")
    assert "expiring" in marks[serb.partner_id].kinds
    assert years_window.tree.select_ref(db, NodeRef.partner(serb.partner_id))
    index = years_window.tree.currentIndex()
    assert "Срок соглашения истёк" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_partner_page_answers_and_the_term_edited_and_undone(
    years_window, qtbot, ledger, monkeypatch
) -> None:
    from spbgui.ui.partner_answers import TermDialog

    db = years_window.db
    serb = next(a for a in memory.agreements(db=db) if a.partner == "Республика Сербская")
    assert years_window.tree.select_ref(db, NodeRef.partner(serb.partner_id))
    answers = years_window.details.partner.answers
    per_year = Counter(e[0] for e in ledger.events if e[3] == "Республика Сербская")
    assert answers.per_year.text() == " · ".join(f"{y}: {n}" for y, n in sorted(per_year.items()))
    assert answers.last_event.text().split(" г. ")[0].endswith(str(max(per_year)))
    assert "на 2021–2023 гг., истекло" in answers.ages.text()

    asked = []

    def answer(cls, parent, title, term, status):
        asked.append((title, term, status))
        return Term(PartialDate(2021), PartialDate(2027)), ENDED

    monkeypatch.setattr(TermDialog, "ask", classmethod(answer))
    qtbot.mouseClick(answers.term_button, Qt.MouseButton.LeftButton)
    assert asked == [(serb.title, serb.term, None)]
    assert "на 2021–2027 гг., прекращено" in answers.ages.text()
    assert "Республика Сербская" not in {
        d.agreement.partner for d in memory.terms_due(db=db, today=dt.date.today())
    }
    years_window.actions_[ActionId.UNDO].trigger()
    assert "на 2021–2023 гг., истекло" in answers.ages.text()


def test_term_dialog_refuses_a_bad_date_and_keeps_what_was_typed(qtbot) -> None:
    from spbgui.ui.partner_answers import TermDialog

    dialog = TermDialog(None, "Соглашение", Term(None, PartialDate(2026, 12, 31)), None)
    qtbot.addWidget(dialog)
    assert dialog.end.text() == "31.12.2026"
    dialog.start.setText("2030")
    dialog._accept()
    assert "раньше" in dialog.error.text() and dialog.value is None
    dialog.start.setText("вчера")
    dialog._accept()
    assert "Не удалось понять" in dialog.error.text() and dialog.start.text() == "вчера"
    dialog.start.setText("2024")
    dialog.status.setCurrentIndex(dialog.status.findData("продлено"))
    dialog._accept()
    assert dialog.value == (Term(PartialDate(2024), PartialDate(2026, 12, 31)), "продлено")


def test_figures_model_passes_the_model_tester(qtmodeltester) -> None:
    model = FiguresModel()
    model.set_table(["A", "B"], [["x", 1], ["Всего", 1]], [[None, 1], [None, None]], total_row=True)
    qtmodeltester.check(model)


def test_the_pages_figures_equal_the_reports(years_window, qtbot, tmp_path: Path) -> None:
    import docx

    from spbgui.report import ReportOptions, save_docx

    page = _open(years_window, qtbot)
    _tab(qtbot, page, 1)
    page.compare_year.setValue(2025)
    path = tmp_path / "report.docx"
    save_docx(db=years_window.db, options=ReportOptions(2025), path=path)
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in docx.Document(str(path)).tables}
    report = [
        [c.text for c in r.cells] for r in tables[("Регион", "2024", "2025", "Разница")].rows[1:]
    ]
    model = page.compare_model
    shown = [[model.cell(r, k) for k in range(4)] for r in range(model.rowCount())]
    assert shown[:-1] == report[:-1]  # every region: name, last year, this year, difference
    assert shown[-1][1:] == report[-1][1:]  # the totals (the label is the interface's word)


def test_a_renewed_agreement_says_when_on_the_partner_page(years_window) -> None:
    from spbgui.domain.terms import date_text

    db = years_window.db
    renewed = [a for a in memory.agreements(db=db) if a.renewals]
    assert renewed  # «2009, 2024», «1991, 1999», «18.02.2004, 2011» in the 2024 table
    for a in renewed:
        assert years_window.tree.select_ref(db, NodeRef.partner(a.partner_id))
        text = years_window.details.partner.answers.ages.text()
        assert ", ".join(date_text(d) for d in a.renewals) in text
