"""The operation report's charts, drawn with ReportLab's own graphics (vector, no images):
buyers per day, support offered and accepted on each side, and the buyers' answers.

Every label names the body font: the graphics library would otherwise fall back to
Helvetica, a standard-14 font that is not embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from math import ceil

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from fieldapp.documents.fonts import BODY, BOLD, register_fonts
from fieldapp.documents.report_data import ReportData
from fieldapp.documents.styles import ACCENT, INK

LIGHT = colors.HexColor("#8fb3d9")
WARN = colors.HexColor("#c9823a")
GREY = colors.HexColor("#b5b5b5")
_MAX_DAY_BARS = 31
LABEL_SIZE = 8.5  # the smallest size anyone must read on paper


def _title(drawing: Drawing, text: str) -> None:
    drawing.add(String(0, drawing.height - 11, text, fontName=BOLD, fontSize=9, fillColor=INK))


def _style_axes(chart: VerticalBarChart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = BODY
        axis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True


def buyers_per_day(data: ReportData, width: float, height: float) -> Drawing:
    register_fonts()
    drawing = Drawing(width, height)
    _title(drawing, "Köpare per dag")
    days: Sequence[tuple[date, int]] = data.buyers_per_day()[-_MAX_DAY_BARS:]
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, height - 55
    chart.data = [[n for _, n in days] or [0]]
    chart.categoryAxis.categoryNames = _day_labels([d for d, _ in days], chart.width) or ["–"]
    slanted = len(days) > 3
    chart.categoryAxis.labels.angle = 45 if slanted else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if slanted else "n"
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    _style_axes(chart)
    chart.valueAxis.valueStep = max(1, (max((n for _, n in days), default=1) + 4) // 5)
    drawing.add(chart)
    return drawing


def _day_labels(days: Sequence[date], width: float) -> list[str]:
    """``dd/mm`` under the bars, thinned to every n-th day so slanted labels never touch:
    a slanted label needs about 1.5 times the font size of width along the axis."""
    if not days:
        return []
    step = max(1, ceil(len(days) * LABEL_SIZE * 1.5 / width))
    return [d.strftime("%d/%m") if i % step == 0 else "" for i, d in enumerate(days)]


def support_chart(data: ReportData, width: float, height: float) -> Drawing:
    register_fonts()
    drawing = Drawing(width, height)
    _title(drawing, "Stöd: erbjudet och accepterat")
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, height - 55
    sides = (data.seller_support, data.buyer_support)
    chart.data = [[s.offered for s in sides], [s.accepted for s in sides]]
    chart.height -= 12  # room for the legend above the bars
    chart.categoryAxis.categoryNames = ["Säljare", "Köpare"]
    chart.bars[0].fillColor = LIGHT
    chart.bars[1].fillColor = ACCENT
    for i in (0, 1):
        chart.bars[i].strokeColor = None
    _style_axes(chart)
    top = max([s.offered for s in sides] + [1])
    chart.valueAxis.valueStep = max(1, (top + 4) // 5)
    drawing.add(chart)
    # Beside each other in the chart's top right corner, so nothing hangs below the drawing.
    legend = _legend([(LIGHT, "erbjudet"), (ACCENT, "accepterat")], width - 4, height - 20)
    legend.columnMaximum = 1
    legend.boxAnchor = "ne"
    legend.dx = 6
    legend.dxTextSpace = 3
    legend.deltax = 54
    drawing.add(legend)
    return drawing


def answers_chart(data: ReportData, width: float, height: float) -> Drawing:
    register_fonts()
    drawing = Drawing(width, height)
    _title(drawing, "Svar på strafföreläggande")
    answers = data.answers()
    parts = [
        (ACCENT, "godkände", answers.get("accepts", 0)),
        (WARN, "godkände inte", answers.get("declines", 0)),
        (GREY, "inget svar/beslut", answers.get("none", 0)),
    ]
    shown = [p for p in parts if p[2]] or [(GREY, "inga köpare", 1)]
    pie = Pie()
    size = min(width * 0.45, height - 30)
    pie.x, pie.y = 6, (height - 16 - size) / 2
    pie.width = pie.height = size
    pie.data = [n for _, _, n in shown]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    for i, (colour, _, _) in enumerate(shown):
        pie.slices[i].fillColor = colour
    drawing.add(pie)
    legend = [(c, f"{label}: {n}" if label != "inga köpare" else label) for c, label, n in shown]
    drawing.add(_legend(legend, size + 18, pie.y + size - 4))
    return drawing


def _legend(items: Sequence[tuple[colors.Color, str]], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = BODY
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 4
    legend.boxAnchor = "nw"
    legend.deltay = 11
    legend.colorNamePairs = list(items)
    legend.strokeColor = None
    return legend
