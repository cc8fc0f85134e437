"""View → Statistics: the committee's figures across years in a window of its own.

Tabs: events per year by region, country or partner over a chosen span, with a chart;
this year against last with the difference; what each region holds; the round
anniversaries of a year; dormant partners; agreements whose term runs out or ran out;
agreements older than N years. A figure clicked lists the events behind it; a row
activated (double click, Enter) goes to its record in the main window through
:attr:`StatsWindow.recordRequested` (a :data:`~spbgui.ui.focus.FocusTarget`).
Every figure comes from :mod:`spbgui.services.stats` and :mod:`spbgui.services.memory`,
as ``spbgui-cli stats`` and the report's do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spbgui.domain.terms import date_text
from spbgui.services import memory, stats, years
from spbgui.services.changes import NodeRef
from spbgui.services.databases import Database
from spbgui.services.stats_blocks import NOT_KNOWN
from spbgui.ui import settings
from spbgui.ui.focus import RecordFocus
from spbgui.ui.screen_size import fit_to_screen
from spbgui.ui.stats_chart import YearsChart
from spbgui.ui.stats_models import TARGET_ROLE, EventsBehind, FiguresModel

if TYPE_CHECKING:
    from spbgui.ui.main_window import MainWindow

SPAN = 5  # years shown at first: the last five of the table
FIT_ROWS = 300  # tables longer than this are sized from their first rows
# Events listed under a figure at most: a grand total of a large database is hundreds of
# thousands (two seconds per 100,000 to list, and listed again after every edit).
BEHIND_SHOWN = 1000

_REF = {"region": NodeRef.region, "country": NodeRef.country, "partner": NodeRef.partner}


def _table(parent: QWidget, name: str, model: FiguresModel, stretch: int = -1) -> QTableView:
    """A read-only table; ``stretch`` is the column that takes the free width (-1: the last)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def fit() -> None:
        # One column takes the free width (a long title wraps in it); after every reset,
        # since the columns change with the years asked.
        columns = model.columnCount()
        # Sizing to contents measures every cell: over a few hundred rows (a large database's
        # anniversaries or old agreements) the columns are sized from the first rows once.
        small = model.rowCount() <= FIT_ROWS
        mode = (
            QHeaderView.ResizeMode.ResizeToContents if small else QHeaderView.ResizeMode.Interactive
        )
        for column in range(columns):
            header.setSectionResizeMode(column, mode)
        if not small:
            header.setResizeContentsPrecision(FIT_ROWS)
            view.resizeColumnsToContents()
        wide = stretch if stretch >= 0 else columns - 1
        if 0 <= wide < columns:
            header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
        if small:
            view.resizeRowsToContents()

    model.modelReset.connect(fit)
    return view


def _spin(parent: QWidget, name: str, low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setKeyboardTracking(False)  # typing «2025» asks once, not for 2, 20, 202, 2025
    return spin


class StatsWindow(QDialog):
    recordRequested = Signal(object)  # FocusTarget: a NodeRef or a RecordFocus
    settingsChanged = Signal()  # dormant years or expiring months changed: the tree's marks

    def __init__(
        self,
        db: Callable[[], Database],
        year: Callable[[], int],
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)  # a window of its own beside the main one
        self.setObjectName("statsWindow")
        self.setWindowTitle(self.tr("Statistics across years"))
        self._db, self._year, self._today = db, year, today
        fit_to_screen(self, 1000, 720)

        first, last, shown = self._default_years()
        self.tabs = QTabWidget(self, objectName="statsTabs")
        self._build_years(first, last)
        self._build_compare(shown)
        self._build_regions()
        self._build_anniversaries(shown)
        self._build_dormant()
        self._build_terms()
        self._build_ages()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # The years this window chose itself, spin by spin: they follow the table's years and
        # the main window's year; one the clerk set by hand stays as it was set.
        self._chosen = {
            self.first_year: first,
            self.last_year: last,
            self.compare_year: shown,
            self.anniversary_year: shown,
        }
        self._shown_db = db()
        self._behind: EventsBehind | None = None  # the figure whose events are listed
        self._behind_caption = self.behind_label.text()  # what the label says of the list
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.refresh)
        self._stale: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        self.refresh()

    def _default_years(self) -> tuple[int, int, int]:
        """The span of the years tab (the table's last five years, up to the year shown) and
        the year of the comparison and the anniversaries (the main window's)."""
        shown = self._year()
        known = years.years(db=self._db()) or [shown]
        last = max(known[-1], shown)
        return max(known[0], last - SPAN + 1), last, shown

    def _follow(self) -> None:
        """After an import, a year started or switched, another database: the years this
        window chose itself move with them; what the clerk typed stays."""
        if self._db() is not self._shown_db:
            self._shown_db = self._db()
            self._behind = None  # its ids are of the other database's records
            self._behind_caption = self.tr("Click a figure to see the events behind it.")
            self.behind_model.set_table([], [])
            self.behind_label.setText(self._behind_caption)
        first, last, shown = self._default_years()
        for spin, value in (
            (self.first_year, first),
            (self.last_year, last),
            (self.compare_year, shown),
            (self.anniversary_year, shown),
        ):
            if spin.value() == self._chosen[spin] and value != spin.value():
                spin.blockSignals(True)  # one reading of each tab below, not one per spin
                spin.setValue(value)
                spin.blockSignals(False)
            self._chosen[spin] = value

    # -- building ------------------------------------------------------------------------------

    def _level_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self, objectName=name)
        for level, text in (
            ("region", self.tr("by region")),
            ("country", self.tr("by country")),
            ("partner", self.tr("by partner")),
        ):
            combo.addItem(text, level)
        return combo

    def _build_years(self, first: int, last: int) -> None:
        page = QWidget(self, objectName="statsYearsTab")
        self.first_year = _spin(page, "statsFirstYear", 1, 9999, first)
        self.last_year = _spin(page, "statsLastYear", 1, 9999, last)
        self.level = self._level_combo("statsLevel")
        controls = QHBoxLayout()
        for label, widget in (
            (self.tr("&From:"), self.first_year),
            (self.tr("&to:"), self.last_year),
            (None, self.level),
        ):
            if label:
                text = QLabel(label, page)
                text.setBuddy(widget)
                controls.addWidget(text)
            controls.addWidget(widget)
        controls.addStretch(1)
        self.years_model = FiguresModel(self)
        self.years_table = _table(page, "statsYearsTable", self.years_model, stretch=0)
        self.years_table.setAccessibleName(self.tr("Events per year"))
        self.chart = YearsChart(page)
        self.behind_label = QLabel(
            self.tr("Click a figure to see the events behind it."),
            page,
            objectName="statsBehindLabel",
        )
        self.behind_model = FiguresModel(self)
        self.behind_table = _table(page, "statsBehindTable", self.behind_model)
        self.behind_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.behind_table.setAccessibleName(self.tr("Events behind the figure"))
        self.behind_table.setWordWrap(True)
        behind = QWidget(page)
        behind_layout = QVBoxLayout(behind)
        behind_layout.setContentsMargins(0, 0, 0, 0)
        behind_layout.addWidget(self.behind_label)
        behind_layout.addWidget(self.behind_table)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.years_table)
        split.addWidget(self.chart)
        split.addWidget(behind)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        layout = QVBoxLayout(page)
        layout.addLayout(controls)
        layout.addWidget(split, 1)
        self.tabs.addTab(page, self.tr("&Years"))
        for spin in (self.first_year, self.last_year):
            spin.valueChanged.connect(self._show_years)
        self.level.currentIndexChanged.connect(self._show_years)
        self.years_table.clicked.connect(self._figure_clicked)
        self.years_table.activated.connect(self._figure_activated)
        self.behind_table.activated.connect(self._go)

    def _build_compare(self, year: int) -> None:
        page = QWidget(self, objectName="statsCompareTab")
        self.compare_year = _spin(page, "statsCompareYear", 2, 9999, year)
        self.compare_level = self._level_combo("statsCompareLevel")
        self.compare_model = FiguresModel(self)
        self.compare_table = _table(page, "statsCompareTable", self.compare_model, stretch=0)
        self._page(
            page,
            self.tr("This Year and &Last"),
            self.compare_table,
            (self.tr("&Year:"), self.compare_year),
            (None, self.compare_level),
        )
        # Said when the database has no year before: its «0» and the differences would be
        # made up (the report leaves the comparison out then; the sheet and the CLI say so).
        self.compare_note = QLabel(page, objectName="statsCompareNote")
        self.compare_note.setWordWrap(True)
        self.compare_note.hide()
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.compare_note)
        self.compare_year.valueChanged.connect(self._show_compare)
        self.compare_level.currentIndexChanged.connect(self._show_compare)
        self.compare_table.clicked.connect(self._figure_clicked)
        self.compare_table.activated.connect(self._figure_activated)

    def _build_regions(self) -> None:
        page = QWidget(self, objectName="statsRegionsTab")
        self.regions_model = FiguresModel(self)
        self.regions_table = _table(page, "statsRegionsTable", self.regions_model, stretch=0)
        self._page(page, self.tr("&Regions"), self.regions_table)
        self.regions_table.activated.connect(self._go)

    def _build_anniversaries(self, year: int) -> None:
        page = QWidget(self, objectName="statsAnniversariesTab")
        self.anniversary_year = _spin(page, "statsAnniversaryYear", 1, 9999, year)
        self.anniversaries_model = FiguresModel(self)
        self.anniversaries_table = _table(page, "statsAnniversariesTable", self.anniversaries_model)
        self._page(
            page,
            self.tr("&Anniversaries"),
            self.anniversaries_table,
            (self.tr("&Year:"), self.anniversary_year),
        )
        self.anniversary_year.valueChanged.connect(self._show_anniversaries)
        self.anniversaries_table.activated.connect(self._go)

    def _build_dormant(self) -> None:
        page = QWidget(self, objectName="statsDormantTab")
        self.dormant_years = _spin(page, "statsDormantYears", 1, 50, settings.DORMANT_YEARS.get())
        self.dormant_model = FiguresModel(self)
        self.dormant_table = _table(page, "statsDormantTable", self.dormant_model)
        self._page(
            page,
            self.tr("&Dormant Partners"),
            self.dormant_table,
            (self.tr("No events for (years):"), self.dormant_years),
        )
        self.dormant_years.valueChanged.connect(self._dormant_years_changed)
        self.dormant_table.activated.connect(self._go)

    def _build_terms(self) -> None:
        page = QWidget(self, objectName="statsTermsTab")
        self.expiring_months = _spin(
            page, "statsExpiringMonths", 1, 120, settings.EXPIRING_MONTHS.get()
        )
        self.terms_model = FiguresModel(self)
        self.terms_table = _table(page, "statsTermsTable", self.terms_model, stretch=0)
        self.terms_table.setWordWrap(True)
        self._page(
            page,
            self.tr("&Terms"),
            self.terms_table,
            (self.tr("Ending within (months):"), self.expiring_months),
        )
        self.expiring_months.valueChanged.connect(self._expiring_months_changed)
        self.terms_table.activated.connect(self._go)

    def _build_ages(self) -> None:
        page = QWidget(self, objectName="statsAgesTab")
        self.older_than = _spin(page, "statsOlderThan", 0, 200, 20)
        self.ages_model = FiguresModel(self)
        self.ages_table = _table(page, "statsAgesTable", self.ages_model, stretch=0)
        self.ages_table.setWordWrap(True)
        self._page(
            page,
            self.tr("A&ges"),
            self.ages_table,
            (self.tr("Agreements older than (years):"), self.older_than),
        )
        self.older_than.valueChanged.connect(self._show_ages)
        self.ages_table.activated.connect(self._go)

    def _page(
        self, page: QWidget, title: str, table: QTableView, *controls: tuple[str | None, QWidget]
    ) -> None:
        layout = QVBoxLayout(page)
        if controls:
            row = QHBoxLayout()
            for label, widget in controls:
                if label:
                    text = QLabel(label, page)
                    text.setBuddy(widget)
                    row.addWidget(text)
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(table, 1)
        self.tabs.addTab(page, title)

    # -- showing -------------------------------------------------------------------------------

    def _shows(self) -> list[Callable[[], None]]:
        """Each tab's reader, in the tabs' order."""
        return [
            self._show_years,
            self._show_compare,
            self._show_regions,
            self._show_anniversaries,
            self._show_dormant,
            self._show_terms,
            self._show_ages,
        ]

    def refresh(self) -> None:
        """Read the tab in sight again, and the others when they are opened (over 500,000
        events each takes a second: the records changed, not every tab is looked at)."""
        self._follow()
        self._stale = set(range(self.tabs.count()))
        self._tab_shown(self.tabs.currentIndex())
        if self._behind is not None:  # the list under the figures, as the records are now
            self.show_behind(self._behind)

    def _tab_shown(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self._shows()[index]()

    def refresh_later(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()

    def _level_header(self, level: str) -> str:
        return {
            "region": self.tr("Region"),
            "country": self.tr("Country"),
            "partner": self.tr("Partner"),
        }[level]

    def _show_years(self) -> None:
        first, last = self.first_year.value(), self.last_year.value()
        level = str(self.level.currentData())
        if first > last:
            self._span_refused(
                level, self.tr("The first year is after the last: put them in order.")
            )
            return
        try:
            table = stats.events_per_year(db=self._db(), first=first, last=last, level=level)
        except stats.StatsError as exc:
            self._span_refused(level, str(exc))
            return
        self.behind_label.setText(self._behind_caption)  # a complaint goes with its cause
        self.years_table_data = table
        header = [self._level_header(level), *(str(y) for y in table.years), self.tr("Total")]
        rows, targets = [], []
        all_years = tuple(table.years)
        for r in table.rows:
            label = f"{r.name} ({r.parent})" if level == "partner" else r.name
            rows.append([label, *(r.counts[y] for y in table.years), r.total])
            targets.append(
                [
                    _REF[level](r.ids[0]),
                    *(EventsBehind(level, r.ids, (y,), f"{label}, {y}") for y in table.years),
                    EventsBehind(level, r.ids, all_years, f"{label}, {first}–{last}"),
                ]
            )
        totals = table.totals
        every = tuple(i for r in table.rows for i in r.ids)
        rows.append([self.tr("Total"), *(totals[y] for y in table.years), sum(totals.values())])
        targets.append(
            [
                None,
                *(EventsBehind(level, every, (y,), str(y)) for y in table.years),
                EventsBehind(level, every, all_years, f"{first}–{last}"),
            ]
        )
        self.years_model.set_table(header, rows, targets, total_row=True)
        self.chart.show_table(table)

    def _span_refused(self, level: str, why: str) -> None:
        """Years that cannot be shown: why, and no figures of the span before under it."""
        self.behind_label.setText(why)
        self.years_model.set_table([], [])
        self.chart.show_table(stats.YearTable(level, [], []))

    def _show_compare(self) -> None:
        year = self.compare_year.value()
        level = str(self.compare_level.currentData())
        cmp = stats.compare_years(db=self._db(), year=year, level=level)
        header = [self._level_header(level), str(year - 1), str(year), self.tr("Difference")]
        known = cmp.previous_known

        def shown(before: int, now: int, diff: int) -> list[object]:
            if not known:
                return [NOT_KNOWN, now, NOT_KNOWN]
            return [before, now, f"{diff:+d}" if diff else "0"]

        rows, targets = [], []
        for r, before, now, diff in cmp.rows:
            label = f"{r.name} ({r.parent})" if level == "partner" else r.name
            rows.append([label, *shown(before, now, diff)])
            targets.append(
                [
                    _REF[level](r.ids[0]),
                    EventsBehind(level, r.ids, (year - 1,), f"{label}, {year - 1}"),
                    EventsBehind(level, r.ids, (year,), f"{label}, {year}"),
                    None,
                ]
            )
        rows.append([self.tr("Total"), *shown(*cmp.totals)])
        targets.append([None] * 4)
        self.compare_model.set_table(header, rows, targets, total_row=True)
        self.compare_note.setText(
            self.tr("The database has no year %1: there is nothing to compare with.").replace(
                "%1", str(year - 1)
            )
        )
        self.compare_note.setVisible(not known)

    def _show_regions(self) -> None:
        holdings = stats.holdings_per_region(db=self._db())
        header = [
            self.tr("Region"),
            self.tr("Countries"),
            self.tr("Partners"),
            self.tr("Agreements"),
        ]
        rows = [[h.name, h.countries, h.partners, h.agreements] for h in holdings]
        rows.append([self.tr("Total"), *stats.holdings_total(holdings)])
        targets = [[NodeRef.region(h.region_id)] * 4 for h in holdings] + [[None] * 4]
        self.regions_model.set_table(header, rows, targets, total_row=True)

    def _show_anniversaries(self) -> None:
        found = memory.anniversaries(db=self._db(), year=self.anniversary_year.value())
        header = [
            self.tr("Date"),
            self.tr("Years"),
            self.tr("Partner"),
            self.tr("Country"),
            self.tr("What"),
        ]
        rows, targets = [], []
        for a in found:
            what = (
                self.tr("partnership: %1") if a.kind == "partnership" else self.tr("agreement: %1")
            ).replace("%1", a.title)
            rows.append([date_text(a.date), a.years, a.partner, a.country, what])
            target = (
                NodeRef.partner(a.partner_id)
                if a.agreement_id is None
                else RecordFocus.agreement(a.agreement_id)
            )
            targets.append([target] * 5)
        self.anniversaries_model.set_table(header, rows, targets, numeric=(1,))

    def _show_dormant(self) -> None:
        found = memory.dormant_partners(db=self._db(), years=self.dormant_years.value())
        header = [self.tr("Partner"), self.tr("Country"), self.tr("Region"), self.tr("Last event")]
        rows = [[d.partner, d.country, d.region, d.last_date or self.tr("never")] for d in found]
        targets = [[NodeRef.partner(d.partner_id)] * 4 for d in found]
        self.dormant_model.set_table(header, rows, targets, numeric=())

    def _show_terms(self) -> None:
        today = self._today()
        found = memory.terms_due(db=self._db(), today=today, months=self.expiring_months.value())
        header = [
            self.tr("Agreement"),
            self.tr("Partner"),
            self.tr("Country"),
            self.tr("Term"),
            self.tr("Status"),
        ]
        rows = [
            [
                d.agreement.title,
                d.agreement.partner,
                d.agreement.country,
                d.agreement.term.text(),
                d.status if d.expired else self.tr("ends soon"),
            ]
            for d in found
        ]
        targets = [[RecordFocus.agreement(d.agreement.id)] * 5 for d in found]
        self.terms_model.set_table(header, rows, targets, numeric=())

    def _show_ages(self) -> None:
        today = self._today()
        found = memory.older_than(db=self._db(), years=self.older_than.value(), today=today)
        header = [
            self.tr("Agreement"),
            self.tr("Partner"),
            self.tr("Country"),
            self.tr("Signed"),
            self.tr("Years"),
        ]
        rows = [[a.title, a.partner, a.country, memory.dates_text(a), a.age(today)] for a in found]
        targets = [[RecordFocus.agreement(a.id)] * 5 for a in found]
        self.ages_model.set_table(header, rows, targets, numeric=(4,))

    # -- settings ------------------------------------------------------------------------------

    def _dormant_years_changed(self, value: int) -> None:
        settings.DORMANT_YEARS.set(int(value))
        self._show_dormant()
        self.settingsChanged.emit()

    def _expiring_months_changed(self, value: int) -> None:
        settings.EXPIRING_MONTHS.set(int(value))
        self._show_terms()
        self.settingsChanged.emit()

    # -- going to the records ------------------------------------------------------------------

    def _figure_clicked(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if isinstance(target, EventsBehind):
            self.show_behind(target)

    def _figure_activated(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if isinstance(target, EventsBehind):
            self.show_behind(target)
            self.tabs.setCurrentIndex(0)
            self.behind_table.setFocus()
            if self.behind_model.rowCount():
                self.behind_table.selectRow(0)
        elif target is not None:
            self.recordRequested.emit(target)

    def show_behind(self, target: EventsBehind) -> None:
        self._behind = target
        db = self._db()
        found = stats.events_behind(
            db=db, level=target.level, ids=target.ids, years=target.years, limit=BEHIND_SHOWN + 1
        )
        counted = len(found)
        if counted > BEHIND_SHOWN:  # a grand total over years: the first ones, and how many
            found = found[:BEHIND_SHOWN]
            counted = stats.count_behind(
                db=db, level=target.level, ids=target.ids, years=target.years
            )
        header = [
            self.tr("Year"),
            self.tr("Date"),
            self.tr("Partner"),
            self.tr("Country"),
            self.tr("Event"),
        ]
        rows = [[e.year, e.date_text, e.partner, e.country, e.text] for e in found]
        targets = [[RecordFocus.event(e.id)] * 5 for e in found]
        self.behind_model.set_table(header, rows, targets, numeric=(0,))
        caption = self.tr("Events of %1: %2").replace("%1", target.label)
        caption = caption.replace("%2", str(counted))
        if counted > len(found):
            caption += " " + self.tr("(the first %1 are listed)").replace("%1", str(len(found)))
        self._behind_caption = caption
        self.behind_label.setText(self._behind_caption)

    def _go(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if target is not None:
            self.recordRequested.emit(target)


def show_statistics(window: MainWindow) -> StatsWindow:
    """View → Statistics: open the window (once per main window) or bring it up."""
    existing: StatsWindow | None = getattr(window, "stats_window", None)
    if existing is None:
        existing = StatsWindow(lambda: window.db, lambda: window.editor.year, window)
        existing.recordRequested.connect(window.focus)
        shown = existing
        # Every change the main window shows (edits, imports, another user's), and its year.
        window.recordsChanged.connect(lambda _c: shown.refresh_later())
        window.editor.yearChanged.connect(lambda _y: shown.refresh_later())
        marks = getattr(window, "tree_marks", None)
        if marks is not None:
            existing.settingsChanged.connect(marks.refresh)
        window.stats_window = existing
    else:
        existing.refresh()
    existing.show()
    existing.raise_()
    existing.activateWindow()
    return existing
