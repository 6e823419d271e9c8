"""Native PowerPoint charts from a plan's ChartSpec: data, number formats, colours and labels.

A native chart keeps its numbers in the file (an embedded workbook plus the cached values in the
chart part), so the deck stays editable and a screen reader can read the data. The unit is never
an axis title, whose text PowerPoint and LibreOffice turn sideways (unreadable for Chinese); the
writer puts the plan's ``slide_unit`` in a horizontal label above the plot instead.
"""

from __future__ import annotations

import datetime as dt

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Pt

from briefgen.plan.model import ChartSpec, Fonts
from briefgen.render import chartdata
from briefgen.render.pptx import oxml

ACCENTS = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_3,
           MSO_THEME_COLOR.ACCENT_4, MSO_THEME_COLOR.ACCENT_5, MSO_THEME_COLOR.ACCENT_6)
NATIVE_CHARTS = {"bar": XL_CHART_TYPE.COLUMN_CLUSTERED, "line": XL_CHART_TYPE.LINE_MARKERS,
                 "pie": XL_CHART_TYPE.PIE}
SMALL_SLICE = 0.08  # a pie slice under 8 % has no room for its name: the legend names it
TEXT_PT = 16


def add_native_chart(shapes, spec: ChartSpec, region, fonts: Fonts, alt_lang: str,
                     created: dt.datetime, show_title: bool):
    """Add ``spec`` as a native bar, line or pie chart filling ``region``; return its frame.

    :param show_title: draw the chart's own title (off when the slide title already says it).
    """
    data = chartdata.chart_data(spec, created, spec.number_format)
    frame = shapes.add_chart(NATIVE_CHARTS[spec.kind], region.x, region.y, region.w, region.h,
                             data)
    chart = frame.chart
    _style_chart(chart, spec)
    chart.has_title = show_title
    if show_title:
        chart.chart_title.text_frame.text = spec.title
    chart.font.size = Pt(TEXT_PT)
    oxml.style_chart_text(chart._chartSpace, fonts.latin, fonts.east_asian, fonts.lang,
                          alt_lang)
    return frame


def has_small_slice(spec: ChartSpec) -> bool:
    """True when a pie has a slice too thin to hold its category name."""
    values = [v for s in spec.series[:1] for v in s.values]
    total = sum(v for v in values if v > 0)
    return bool(total) and any(0 <= v / total < SMALL_SLICE for v in values)


def first_slice_angle(spec: ChartSpec, target: float = 270.0) -> int:
    """The c:firstSliceAng (degrees) that puts the middle of the thinnest slice at ``target``
    (clockwise from 12 o'clock), where labels of thin neighbours stack instead of overlapping."""
    values = [max(v, 0.0) for v in spec.series[0].values]
    total = sum(values) or 1.0
    thinnest = min(range(len(values)), key=values.__getitem__)
    middle = (sum(values[:thinnest]) + values[thinnest] / 2) / total * 360
    return round(target - middle) % 360


def _style_chart(chart, spec: ChartSpec) -> None:
    """Value labels, theme accent colours, and a legend only where it says more."""
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = spec.label_format
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(TEXT_PT)
    if spec.kind == "pie":
        _style_pie(chart, spec, labels)
        return
    labels.position = XL_LABEL_POSITION.OUTSIDE_END if spec.kind == "bar" else \
        XL_LABEL_POSITION.ABOVE
    for index, series in enumerate(chart.series):
        colour = ACCENTS[index % len(ACCENTS)]
        if spec.kind == "bar":
            series.format.fill.solid()
            series.format.fill.fore_color.theme_color = colour
        else:
            series.format.line.color.theme_color = colour
            series.format.line.width = Pt(3)
    if spec.kind == "bar":
        plot.gap_width = 80
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    axis = chart.value_axis
    axis.has_title = False  # the unit goes in a horizontal label, never a sideways axis title
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
    axis.tick_labels.number_format = spec.number_format
    axis.tick_labels.number_format_is_linked = False


def _style_pie(chart, spec: ChartSpec, labels) -> None:
    """Slices in accent colours, labelled outside with value and unit. Names go with the values
    when every slice is wide enough; otherwise into a legend, and leader lines tie the crowded
    labels of thin slices to their slice."""
    for index, point in enumerate(chart.series[0].points):
        point.format.fill.solid()
        point.format.fill.fore_color.theme_color = ACCENTS[index % len(ACCENTS)]
    crowded = has_small_slice(spec)
    labels.show_category_name = not crowded
    oxml.set_label_separator(labels._element, "\n")
    labels.position = XL_LABEL_POSITION.OUTSIDE_END  # dark text on white, never on a slice
    oxml.set_leader_lines(labels._element, crowded)
    chart.has_legend = crowded
    if crowded:  # turn the thinnest slice to 9 o'clock: its neighbours' labels stack vertically
        oxml.set_first_slice_angle(chart.plots[0]._element, first_slice_angle(spec))
        chart.legend.position = XL_LEGEND_POSITION.RIGHT
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(TEXT_PT)
