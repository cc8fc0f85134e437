"""The summary's chart: one label per number, a bar's total only where it adds parts up."""

from __future__ import annotations

from PySide6.QtCharts import QScatterSeries, QStackedBarSeries

from spbgui.report.chart import ensure_application, make_chart
from spbgui.report.content import ChartData


def _chart(series: list[tuple[str, list[int]]]):  # type: ignore[no-untyped-def]
    ensure_application()
    months = [str(n) for n in range(1, 13)]
    return make_chart(ChartData("t", months, series, ""), (800, 400))


def test_a_total_only_above_a_bar_of_several_regions() -> None:
    europe = [0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 2]
    asia = [0, 4, 0, 0, 5, 0, 0, 0, 0, 0, 0, 1]
    chart = _chart([("Европа", europe), ("Азия", asia)])
    (tops,) = [s for s in chart.series() if isinstance(s, QScatterSeries)]
    # February (1 + 4) and December (2 + 1) add two regions up; March and May have one
    # region each, whose value the bar already shows inside.
    assert [(p.x(), p.y()) for p in tops.points()] == [(1, 5), (11, 3)]
    assert tops.pointLabelsVisible()
    (bars,) = [s for s in chart.series() if isinstance(s, QStackedBarSeries)]
    assert bars.isLabelsVisible()
    assert [list(b.at(i) for i in range(12)) for b in bars.barSets()] == [europe, asia]


def test_a_year_of_one_region_has_no_totals() -> None:
    chart = _chart([("СНГ", [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 4])])
    (tops,) = [s for s in chart.series() if isinstance(s, QScatterSeries)]
    assert tops.points() == []
