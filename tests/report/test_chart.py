"""The summary's chart: one label per number, a bar's total only where it adds parts up."""

from __future__ import annotations

from PySide6.QtCharts import QScatterSeries, QStackedBarSeries

from spbgui.report.chart import ensure_application, make_chart
from spbgui.report.content import ChartData


def _chart(series: list[tuple[str, list[int]]]):
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


# Regions beyond the committee's five: a region of its own for North America, the
# Middle East, Oceania…, each named as staff name them.
MANY = [
    "Европа", "Азия", "СНГ", "Африка", "Латинская Америка",
    "Северная Америка и Карибский бассейн", "Ближний Восток", "Океания и острова Тихого океана",
    "Юго-Восточная Азия", "Скандинавия и Балтия", "Центральная Азия", "Антарктида",
]  # fmt: skip


def test_every_region_has_a_colour_of_its_own() -> None:
    """Seven colours went round: with twelve regions Антарктида had Латинская Америка's
    colour, Юго-Восточная Азия Азия's, and the chart could not say which was which."""
    chart = _chart([(name, [1] * 12) for name in MANY])
    (bars,) = [s for s in chart.series() if isinstance(s, QStackedBarSeries)]
    colours = [b.color().name() for b in bars.barSets()]
    assert len(set(colours)) == len(MANY), colours


def _legend_text(names: list[str], tmp_path) -> str:
    """The chart drawn into a PDF as the report draws it, and the PDF's text."""
    from pypdf import PdfReader

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter

    from spbgui.report.chart import draw_chart
    from spbgui.report.document import page_layout

    ensure_application()
    path = tmp_path / "chart.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageLayout(page_layout(True))
    writer.setResolution(1200)
    painter = QPainter(writer)
    data = ChartData("t", [str(n) for n in range(1, 13)], [(n, [1] * 12) for n in names], "")
    width = float(writer.width())
    draw_chart(painter, QRectF(0, 0, width, width * 0.45), data, 1200)
    painter.end()
    return " ".join((PdfReader(path).pages[0].extract_text() or "").split())


def test_the_legend_names_each_region_in_full(tmp_path) -> None:
    """In one row under the chart the twelve names were cut to «Латинска…», «Северная …»:
    the legend goes to the right, one name a line, when one row cannot hold them."""
    for names in (MANY[:5], MANY):
        text = _legend_text(names, tmp_path)
        assert "…" not in text and "..." not in text, text
        for name in names:
            assert name in text, (name, text)
