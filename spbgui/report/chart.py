"""The summary's chart: the year's events by month, one stacked colour per region.

QtCharts draws through the Graphics View framework, which is part of QtWidgets: the
chart is put on a ``QGraphicsScene`` that is never shown and rendered straight onto
the report's painter (vector output in the PDF) or into an image for the Word file.
This module is therefore the one place in ``report/`` that touches QtWidgets, and
:func:`ensure_application` the one that may create a (headless) ``QApplication``
when the CLI or a test has none.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from spbgui.report import fonts
from spbgui.report.content import ChartData
from spbgui.report.headless import go_headless_without_display
from spbgui.report.qt_guard import protect_none

protect_none()

# Told apart by lightness as well as hue, so a black-and-white office printer keeps
# the regions distinguishable.
PALETTE = ("#1f4e79", "#e0a030", "#5b9b3a", "#a9c6e8", "#8c3b3b", "#7a5aa6", "#4d4d4d")
# Legend marker and gaps around a name, in the legend font's heights (Qt's own layout).
LEGEND_EXTRA = 3.0


def region_colour(n: int) -> QColor:
    """The colour of the ``n``-th region: the palette, then colours of their own (hues a
    golden angle apart, lightness alternating), so no two regions ever share one."""
    if n < len(PALETTE):
        return QColor(PALETTE[n])
    k = n - len(PALETTE)
    hue = round((30 + k * 137.508) % 360)
    lightness = (70, 150, 110)[k % 3]
    return QColor.fromHsl(hue, 150, lightness)


def _legend_side(names: list[str], font: QFont, width: float) -> Qt.AlignmentFlag:
    """Under the chart when the names fit in one row there, else to its right, one a line:
    Qt cuts names that do not fit to «Латинска...»."""
    metrics = QFontMetricsF(font)
    need = sum(metrics.horizontalAdvance(n) + LEGEND_EXTRA * metrics.height() for n in names)
    return Qt.AlignmentFlag.AlignBottom if need <= width * 0.95 else Qt.AlignmentFlag.AlignRight


SCENE_DPI = 96.0  # the scene's pixels per inch: chart fonts are sized in these pixels


def ensure_application() -> QApplication:
    """The running QApplication, or a new one, headless when there is no display."""
    app = QApplication.instance()
    if app is None:
        go_headless_without_display()
        app = QApplication(["spbgui"])
    assert isinstance(app, QApplication), "the report's chart needs a QApplication"
    return app


def _font(points: float, bold: bool = False) -> QFont:
    f = QFont(fonts.family())
    f.setPixelSize(max(1, round(points * SCENE_DPI / 72)))
    f.setBold(bold)
    return f


def make_chart(data: ChartData, size_px: tuple[float, float]) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setDropShadowEnabled(False)
    chart.setMargins(QMarginsF(4, 4, 4, 4).toMargins())
    chart.setTitle(data.title)
    chart.setTitleFont(_font(fonts.SIZES["chart"] + 2, bold=True))
    series = QStackedBarSeries()
    series.setBarWidth(0.7)
    for n, (name, values) in enumerate(data.series):
        bar = QBarSet(name)
        bar.append([float(v) for v in values])
        color = region_colour(n)
        bar.setColor(color)
        bar.setBorderColor(QColor("white"))
        # White labels on the dark colours, black on the light ones.
        bar.setLabelColor(QColor("white" if color.lightness() < 125 else "black"))
        bar.setLabelFont(_font(fonts.SIZES["chart"] - 1))
        series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart.addSeries(series)

    months = QBarCategoryAxis()
    months.append(data.categories)
    months.setLabelsFont(_font(fonts.SIZES["chart"]))
    months.setGridLineVisible(False)
    chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(months)

    totals = [sum(col) for col in zip(*(v for _n, v in data.series), strict=True)]
    peak = max(totals, default=0)
    counts = QValueAxis()
    step = max(1, -(-peak // 8))  # whole events, at most ~8 grid lines
    top = (peak // step + 1) * step  # room above the tallest bar for its total
    counts.setRange(0, top)
    counts.setTickType(QValueAxis.TickType.TicksDynamic)
    counts.setTickAnchor(0)
    counts.setTickInterval(step)
    counts.setLabelFormat("%d")
    counts.setLabelsFont(_font(fonts.SIZES["chart"]))
    counts.setGridLineColor(QColor("#d0d0d0"))
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(counts)

    # A bar of one region already shows its value inside: a total above it would say
    # the same number twice.
    parts = [sum(1 for v in col if v) for col in zip(*(v for _n, v in data.series), strict=True)]
    shown = [t if n > 1 else 0 for t, n in zip(totals, parts, strict=True)]
    _add_totals(chart, shown, months, counts)

    legend = chart.legend()
    legend.setFont(_font(fonts.SIZES["chart"]))
    names = [name for name, _values in data.series]
    legend.setAlignment(_legend_side(names, legend.font(), size_px[0]))
    chart.resize(*size_px)
    return chart


def _add_totals(chart: QChart, totals: list[int], x: QBarCategoryAxis, y: QValueAxis) -> None:
    """The month's total above its bar (none where it is 0): invisible points labelled
    with the totals."""
    tops = QScatterSeries()
    tops.setName("")
    tops.setMarkerSize(1.0)
    tops.setColor(QColor(0, 0, 0, 0))
    tops.setBorderColor(QColor(0, 0, 0, 0))
    for month, total in enumerate(totals):
        if total:
            tops.append(month, total)
    tops.setPointLabelsVisible(True)
    tops.setPointLabelsFormat("@yPoint")
    tops.setPointLabelsFont(_font(fonts.SIZES["chart"], bold=True))
    tops.setPointLabelsColor(QColor("black"))
    tops.setPointLabelsClipping(False)
    chart.addSeries(tops)
    tops.attachAxis(x)
    tops.attachAxis(y)
    for marker in chart.legend().markers(tops):
        marker.setVisible(False)


def draw_chart(painter: QPainter, rect: QRectF, data: ChartData, device_dpi: float) -> None:
    """Draw the chart into ``rect`` (device pixels at ``device_dpi``)."""
    ensure_application()
    w = rect.width() * SCENE_DPI / device_dpi
    h = rect.height() * SCENE_DPI / device_dpi
    scene = QGraphicsScene()
    chart = make_chart(data, (w, h))
    scene.addItem(chart)
    chart.setPos(0, 0)
    scene.setSceneRect(QRectF(0, 0, w, h))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, rect, QRectF(0, 0, w, h))
    painter.restore()


def chart_png(data: ChartData, width_mm: float, height_mm: float, dpi: float = 200.0) -> bytes:
    """The chart as a PNG image, for the Word file."""
    ensure_application()
    px = (round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi))
    image = QImage(*px, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw_chart(painter, QRectF(0, 0, *px), data, dpi)
    painter.end()
    data_ = QByteArray()
    buf = QBuffer(data_)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data_.data())
