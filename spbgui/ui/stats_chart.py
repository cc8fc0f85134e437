"""The chart of the statistics window: events per year, a stacked bar per year (QtCharts).

One bar set per row of the table shown (regions, or the countries or partners with the
most events and «the others» together), so the chart and the table above it tell the
same figures.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from spbgui.services.stats import YearTable

MOST = 8  # bar sets of their own; the rest go together
# One colour per set, each plain on the white chart: the theme's own cycle turns nearly
# white after its fifth colour, and the sixth to eighth sets (and «the others», often the
# largest) could not be seen. «The others» are grey.
COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#c9a227", "#b07aa1", "#9c755f")
OTHERS = "#8c8c8c"


class YearsChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.setAccessibleName(self.tr("Chart of events per year"))
        self.setChart(QChart())
        self.series: QStackedBarSeries | None = None

    def show_table(self, table: YearTable) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # Under the chart: beside it, nine entries are taller than the chart at the window's
        # size, and the last ones were cut off.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        series = QStackedBarSeries()
        rows = sorted(table.rows, key=lambda r: -r.total)
        shown, rest = rows[:MOST], rows[MOST:]
        for n, row in enumerate(r for r in table.rows if r in shown):  # in the table's order
            bar = QBarSet(row.name)
            bar.setColor(QColor(COLORS[n % len(COLORS)]))
            bar.append([float(row.counts[y]) for y in table.years])
            series.append(bar)
        if rest:
            bar = QBarSet(self.tr("Others (%n)", "", len(rest)))
            bar.setColor(QColor(OTHERS))
            bar.append([float(sum(r.counts[y] for r in rest)) for y in table.years])
            series.append(bar)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([str(y) for y in table.years])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        top = max(table.totals.values(), default=0)
        axis_y.setRange(0, max(top, 1))
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.setTitle(self.tr("Events per year"))
        old = self.chart()
        self.setChart(chart)
        self.series = series
        old.deleteLater()

    def totals(self) -> list[float]:
        """The height of every bar (the sum of its sets), for tests."""
        if self.series is None:
            return []
        sets = self.series.barSets()
        if not sets:
            return []
        return [sum(s.at(i) for s in sets) for i in range(sets[0].count())]
