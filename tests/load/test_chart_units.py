"""A chart's figures share one axis when their units mean the same; the chart's ``unit`` names it.

The refusals (different units, different scales, one unit worded two ways with no chart unit)
are error-corpus cases: tests/data/bad/chart-unit-*.yaml and chart-mixed-units*.yaml.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from briefgen.cli import main
from briefgen.load.brief import load_brief
from briefgen.load.chart_units import measure
from briefgen.load.schema import Scale

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
DRAWING = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
           "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}

SAME = [
    ((Scale.billion, "USD"), (None, "US$ billion")),
    ((Scale.billion, "US dollars"), (None, "billion U.S. dollars")),
    ((None, "bn USD"), (Scale.billion, "US$")),
    ((Scale.trillion, "yuan"), (Scale.trillion, "RMB")),
    ((Scale.wanyi, "元"), (None, "万亿元人民币")),
    ((Scale.yi, "美元"), (None, "亿美元")),
    ((None, "个国家"), (None, "国家")),
    ((None, "countries"), (None, "Country")),
    ((None, "%"), (None, "per cent")),
]
DIFFERENT = [
    ((Scale.billion, "USD"), (Scale.billion, "yuan")),  # another currency
    ((Scale.billion, "yuan"), (Scale.trillion, "yuan")),  # another scale
    ((None, "万元"), (None, "元")),
    ((None, "countries"), (None, "delegates")),
    ((None, "delegates"), (None, "participants")),  # one meaning, but not known to be: refused
    ((Scale.billion, "dollars"), (Scale.billion, "US dollars")),  # Hong Kong dollars?
]


@pytest.mark.parametrize(("one", "other"), SAME, ids=lambda pair: " ".join(map(str, pair)))
def test_units_worded_differently_measure_the_same(one, other):
    assert measure(*one) == measure(*other)


@pytest.mark.parametrize(("one", "other"), DIFFERENT, ids=lambda pair: " ".join(map(str, pair)))
def test_units_that_differ_in_meaning_or_scale_do_not(one, other):
    assert measure(*one) != measure(*other)


def test_the_charts_unit_lets_one_unit_worded_two_ways_share_an_axis(tmp_path):
    # The same brief as the corpus case that is refused for want of a chart unit.
    text = (BAD / "chart-unit-wording-en.yaml").read_text("utf-8")
    old = "figures: [exports, imports], tags: [key]}"
    assert old in text
    brief = tmp_path / "brief.yaml"
    brief.write_text(text.replace(old, old.replace("tags", "unit: billion US dollars, tags")),
                     "utf-8")
    load_brief(brief)

    assert main(["--brief", str(brief), "-a", "press", "-f", "docx,pptx", "-o", str(tmp_path),
                 "-q"]) == 0
    with zipfile.ZipFile(tmp_path / "mini-forum-en-press.docx") as docx:
        titles = ["".join(t.text for t in etree.fromstring(docx.read(name)).iterfind(
                      "c:chart/c:title//a:t", DRAWING))
                  for name in docx.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", name)]
    assert titles == ["billion US dollars"]  # the document's chart says its unit the same way
    deck = Presentation(tmp_path / "mini-forum-en-press.pptx")
    for slide in deck.slides:
        charts = [s.chart for s in slide.shapes if s.has_chart]
        if charts:
            texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
            break
    else:
        pytest.fail("the press deck has no chart")
    plot = charts[0].plots[0]
    assert list(plot.categories) == ["Exports", "Imports"]
    assert list(plot.series[0].values) == [97.2, 64.0]  # both in billions: they compare
    assert "(billion US dollars)" in texts
