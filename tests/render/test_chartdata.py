"""Chart data of native charts (render/chartdata.py), shared by the DOCX and PPTX writers."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from briefgen.render import chartdata
from briefgen.render.pptx import charts
from tests.fixtures.plans import sample_plan

NS = {"c": chartdata.CHART_NS}


@pytest.mark.parametrize("kind", ["bar", "line"])
def test_axis_ids_are_small_distinct_and_cross_their_partner(kind) -> None:
    """python-pptx writes ids such as -2068027336, which Office's validator rejects (issue 15)."""
    spec = sample_plan("en").charts[0]
    data = chartdata.chart_data(spec, dt.datetime(2020, 1, 1), spec.number_format)
    root = etree.fromstring(data.xml_bytes(charts.NATIVE_CHARTS[kind]))
    axes = root.xpath("//c:plotArea/*[c:axId and c:crossAx]", namespaces=NS)
    ids = [axis.xpath("string(c:axId/@val)", namespaces=NS) for axis in axes]
    assert sorted(ids) == ["1", "2"]
    for axis, other in zip(axes, reversed(axes), strict=True):
        assert axis.xpath("string(c:crossAx/@val)", namespaces=NS) == \
            other.xpath("string(c:axId/@val)", namespaces=NS)
    plot_ids = root.xpath("//c:plotArea/*[c:ser]/c:axId/@val", namespaces=NS)
    assert sorted(plot_ids) == ids and len(ids) == 2


def test_renumbering_keeps_distinct_ids_distinct() -> None:
    xml = (f'<c:chartSpace xmlns:c="{chartdata.CHART_NS}"><c:axId val="-5"/><c:axId val="7"/>'
           '<c:crossAx val="7"/><c:crossAx val="-5"/><c:axId val="4294967295"/></c:chartSpace>')
    root = etree.fromstring(chartdata.valid_axis_ids(xml.encode()))
    assert [e.get("val") for e in root] == ["1", "2", "2", "1", "3"]
