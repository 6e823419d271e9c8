"""Native Word charts: a bar, line or pie ChartSpec becomes a chart part with its workbook.

python-docx has no chart API (python-docx #179). A chart part is the same DrawingML in Word as in
PowerPoint, so, as python-docx PR #392 did, we borrow python-pptx's chart XML writer and its
workbook writer, style the chart through python-pptx's chart objects, and add the parts with
python-docx's OPC API:

- ``/word/charts/chartN.xml`` (``c:chartSpace``), related from the document part (type chart);
- ``/word/embeddings/Microsoft_Excel_SheetN.xlsx``, related from the chart part (type package)
  and named by ``c:externalData``, which is what Word's "Edit Data" opens;
- a ``wp:inline`` whose ``a:graphicData`` holds ``c:chart r:id``, written by
  :func:`briefgen.render.docx.oxml.add_chart_inline`.

This is the one module of the DOCX writer that imports python-pptx; the writer imports it only
when a document has a native chart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.parts.document import DocumentPart
from pptx.chart.chart import Chart
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_MARK,
)
from pptx.enum.text import PP_ALIGN
from pptx.util import Pt

from briefgen.charts.style import AXIS_COLOUR, GRID_COLOUR, MUTED_COLOUR, PALETTE, TEXT_COLOUR
from briefgen.plan.model import ChartSpec
from briefgen.render.chartdata import chart_data
from briefgen.render.docx import oxml as ox

#: Chart kinds drawn as native charts; others (timeline) stay pictures.
CHART_TYPES = {"bar": XL_CHART_TYPE.COLUMN_CLUSTERED, "line": XL_CHART_TYPE.LINE_MARKERS,
               "pie": XL_CHART_TYPE.PIE}
CHART_PARTNAME = "/word/charts/chart%d.xml"
WORKBOOK_PARTNAME = "/word/embeddings/Microsoft_Excel_Sheet%d.xlsx"
#: Where the unit line sits, as fractions of the chart frame (top left, like the pictures).
UNIT_POSITION = (0.005, 0.01)


@dataclass(frozen=True)
class ChartLook:
    """The faces, language and text size a chart shares with the document around it."""

    latin: str
    east_asian: str
    lang: str  # a:rPr/@lang and c:lang: the document's language (zh-CN, en-US)
    alt_lang: str  # a:rPr/@altLang: the other script's language (en-US, zh-CN)
    size: float = 9.0  # points


def is_native(spec: ChartSpec) -> bool:
    """Whether ``spec`` has a Word chart type (bar, line, pie) rather than a picture."""
    return spec.kind in CHART_TYPES and bool(spec.series)


def add_chart(document: DocumentPart, spec: ChartSpec, look: ChartLook,
              created: dt.datetime) -> str:
    """Add the chart part of ``spec`` and its workbook; return the document's rId for it.

    :param created: creation time written into the workbook (the plan's timestamp), so two
        builds give identical bytes.
    """
    data = chart_data(spec, created, spec.number_format)
    chart_space = ox.chart_space(data.xml_bytes(CHART_TYPES[spec.kind]))
    package = document.package
    workbook = Part(package.next_partname(WORKBOOK_PARTNAME), CT.SML_SHEET, data.xlsx_blob,
                    package)
    chart_part = XmlPart(package.next_partname(CHART_PARTNAME), CT.DML_CHART, chart_space,
                         package)
    external = chart_space.get_or_add_externalData()
    external.rId = chart_part.relate_to(workbook, RT.PACKAGE)
    external.get_or_add_autoUpdate().val = False
    style_chart(Chart(chart_space, chart_part), spec, look)
    return document.relate_to(chart_part, RT.CHART)


def style_chart(chart: Chart, spec: ChartSpec, look: ChartLook) -> None:
    """Palette colours, value labels in the plan's number format, the unit, and both faces."""
    chart.font.size = Pt(look.size)
    chart.font.color.rgb = _rgb(TEXT_COLOUR)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = spec.label_format
    labels.number_format_is_linked = False
    labels.show_value = True
    if spec.kind == "pie":
        _style_pie(chart, spec)
    else:
        _style_axes(chart, spec)
    _unit_title(chart, spec, look)
    ox.frame_chart_space(ox.element_of(chart), look.lang)
    ox.set_chart_fonts(ox.element_of(chart), look.latin, look.east_asian, look.lang,
                       look.alt_lang)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


def _style_pie(chart: Chart, spec: ChartSpec) -> None:
    """Slices in palette order with a white edge; "category\\nvalue unit" outside each slice."""
    labels = chart.plots[0].data_labels
    labels.show_category_name = True
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    ox.set_label_separator(ox.element_of(labels), "\n")
    for index, point in enumerate(chart.series[0].points):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(PALETTE[index % len(PALETTE)])
        point.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        point.format.line.width = Pt(1)
    chart.has_legend = False


def _style_axes(chart: Chart, spec: ChartSpec) -> None:
    """Bars or lines in palette order, light grid, no tick marks, a legend only for two series."""
    plot = chart.plots[0]
    plot.data_labels.position = (XL_LABEL_POSITION.OUTSIDE_END if spec.kind == "bar"
                                 else XL_LABEL_POSITION.ABOVE)
    for index, series in enumerate(chart.series):
        colour = _rgb(PALETTE[index % len(PALETTE)])
        if spec.kind == "bar":
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour
        else:
            series.smooth = False
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(2.25)
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 6
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.marker.format.line.color.rgb = colour
    if spec.kind == "bar":
        plot.gap_width = 80
        plot.vary_by_categories = False
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    category, value = chart.category_axis, chart.value_axis
    category.major_tick_mark = XL_TICK_MARK.NONE
    category.format.line.color.rgb = _rgb(AXIS_COLOUR)
    category.tick_labels.font.color.rgb = _rgb(TEXT_COLOUR)
    ox.wrap_axis_labels(ox.element_of(category))
    value.major_tick_mark = XL_TICK_MARK.NONE
    value.format.line.fill.background()
    value.has_major_gridlines = True
    value.major_gridlines.format.line.color.rgb = _rgb(GRID_COLOUR)
    value.major_gridlines.format.line.width = Pt(0.75)
    value.tick_labels.number_format = spec.number_format
    value.tick_labels.number_format_is_linked = False
    value.tick_labels.font.color.rgb = _rgb(MUTED_COLOUR)


def _unit_title(chart: Chart, spec: ChartSpec, look: ChartLook) -> None:
    """The plan's unit line as a small grey title in the top left corner, or no title at all.

    The chart's own title would repeat the caption under it; a single-series chart without
    c:autoTitleDeleted would show the series name as its title. A pie's labels carry the unit.
    """
    text = spec.unit_line
    chart.has_title = bool(text)
    if not text:
        return
    frame = chart.chart_title.text_frame
    frame.text = text
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    font = paragraph.runs[0].font
    font.size = Pt(look.size)
    font.bold = False
    font.color.rgb = _rgb(MUTED_COLOUR)
    ox.place_chart_title(ox.element_of(chart.chart_title), *UNIT_POSITION)
