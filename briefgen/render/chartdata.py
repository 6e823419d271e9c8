"""Chart data for native Office charts, shared by the DOCX and PPTX writers.

Both writers build chart XML and the embedded workbook with python-pptx's chart data classes. Its
workbook writer (xlsxwriter) stamps ``docProps/core.xml`` with the clock, so two builds of one
brief would differ; :class:`ChartData` writes a fixed creation time instead. Its chart XML
templates carry negative axis ids, which Office's schema (``xsd:unsignedInt``) rejects;
:class:`ChartData` renumbers them (:func:`valid_axis_ids`). Importing this module imports
python-pptx's chart package, so writers import it only when they draw a native chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import lazyproperty

from briefgen.plan.model import ChartSpec

#: DrawingML's chart namespace (the ``c:`` prefix).
CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


class FixedTimeWorkbookWriter(CategoryWorkbookWriter):
    """The workbook writer of :class:`ChartData`: core properties carry ``chart_data.created``."""

    @contextmanager
    def _open_worksheet(self, xlsx_file) -> Iterator:
        with super()._open_worksheet(xlsx_file) as (workbook, worksheet):
            workbook.set_properties({"created": self._chart_data.created})
            yield workbook, worksheet


class ChartData(CategoryChartData):
    """CategoryChartData whose embedded workbook is byte-stable (created at ``created``)."""

    def __init__(self, created: dt.datetime, number_format: str) -> None:
        super().__init__(number_format)
        self.created = naive_utc(created)

    @lazyproperty
    def _workbook_writer(self) -> FixedTimeWorkbookWriter:
        return FixedTimeWorkbookWriter(self)

    def xml_bytes(self, chart_type: XL_CHART_TYPE) -> bytes:
        """The chart part python-pptx writes for ``chart_type``, with valid axis ids. Both writers
        get their chart XML here (python-pptx's ``ChartPart.new`` calls it too)."""
        return valid_axis_ids(super().xml_bytes(chart_type))


def valid_axis_ids(xml: bytes) -> bytes:
    """``xml`` with its axes numbered 1, 2, ... in order of first mention.

    python-pptx's templates hold ids such as -2068027336. The schema types ``c:axId`` and
    ``c:crossAx`` as unsigned, and Microsoft's validator also wants them at most 2147483647, so
    neither the signed value nor its unsigned reading (2226939960) passes; Office would ask to
    repair the file. Renumbering every distinct id keeps the ids distinct and each
    ``c:crossAx`` naming its partner axis (ids only need to be unique within one chart part).
    """
    root = etree.fromstring(xml)
    numbers: dict[str, str] = {}
    for element in root.iter(f"{{{CHART_NS}}}axId", f"{{{CHART_NS}}}crossAx"):
        element.set("val", numbers.setdefault(element.get("val"), str(len(numbers) + 1)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def naive_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` as naive UTC: xlsxwriter and python-pptx write the wall time with a 'Z'."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def chart_data(spec: ChartSpec, created: dt.datetime, number_format: str) -> ChartData:
    """The categories and series of ``spec`` as python-pptx chart data, in ``number_format``
    (one of the Excel formats the plan gives the spec for the place it is shown)."""
    data = ChartData(created, number_format)
    data.categories = spec.categories
    for series in spec.series:
        data.add_series(series.name, series.values)
    return data
