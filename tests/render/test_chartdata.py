"""Number formats of native charts (render/chartdata.py), shared by the DOCX and PPTX writers."""

from __future__ import annotations

import dataclasses

import pytest

from briefgen.render import chartdata
from briefgen.render.pptx import charts
from tests.fixtures.plans import sample_plan


@pytest.mark.parametrize("labels,expected", [
    ((("3.8", "2.4"),), "#,##0.0"),
    ((("2,500", "5,000"),), "#,##0"),
    ((("2500", "5000"),), "#,##0"),
    ((), "#,##0"),
])
def test_pptx_charts_always_group_thousands(labels, expected) -> None:
    spec = dataclasses.replace(sample_plan("en").charts[0], value_labels=labels)
    assert chartdata.number_format(spec, grouped=True) == expected
    assert charts.number_format(spec) == expected


def test_grouping_can_be_switched_off() -> None:
    spec = dataclasses.replace(sample_plan("en").charts[0], value_labels=(("2,500", "1.5"),))
    assert chartdata.number_format(spec) == "#,##0.0"
    assert chartdata.number_format(spec, grouped=False) == "0.0"
