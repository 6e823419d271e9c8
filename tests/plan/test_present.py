"""Finished strings the plan gives the writers (plan/present.py), and that the writers show them
as given: unit lines, number formats, quote attributions, timeline dates, caption numbers."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from docx import Document
from pptx import Presentation

from briefgen.plan import present
from briefgen.plan.model import ChartSeries
from briefgen.render.docx.renderer import DocxRenderer
from briefgen.render.pptx.renderer import PptxRenderer
from tests.fixtures.plans import labels, sample_plan


@pytest.mark.parametrize("value_labels,grouped,expected", [
    ((("3.8", "2.4"),), True, "#,##0.0"),
    ((("2500", "5000"),), False, "0"),
    ((("1.25", "3"),), True, "#,##0.00"),
    ((), False, "0"),
])
def test_number_format_has_the_labels_decimals(value_labels, grouped, expected) -> None:
    assert present.number_format(value_labels, grouped) == expected


@pytest.mark.parametrize("lang,values,labels_,expected", [
    ("en", (3.8, 2.4), ("3.8", "2.4"), "#,##0.0"),  # English always groups (axis ticks too)
    ("zh", (2500.0, 5000.0), ("2500", "5000"), "0"),  # Chinese: 2500 on slides and pages
    ("zh", (2500.0, 120000.0), ("2500", "120,000"), "#,##0"),  # grouped from 100,000
])
def test_one_number_format_for_pages_slides_and_pictures(lang, values, labels_,
                                                         expected) -> None:
    """Word charts, slide charts and pictures group thousands by the rule value labels follow
    (issue 17: slides used to show "2,500" beside a Chinese label's "2500")."""
    spec = present.make_chart_spec(
        id="c", kind="bar", title="t", categories=("a", "b"),
        series=(ChartSeries("s", values),), unit="", value_labels=(labels_,), source="",
        caption="", alt_text="", language=lang)
    assert (spec.number_format, spec.label_format) == (expected, expected)
    assert spec.grouped == expected.startswith("#,##0")


@pytest.mark.parametrize("kind,unit,lang,line,slide,label_format", [
    ("bar", "万亿元", "zh", "单位：万亿元", "（万亿元）", "0"),
    ("line", "trillion yuan", "en", "trillion yuan", "(trillion yuan)", "0"),
    ("pie", "万吨", "zh", "", "", '0"万吨"'),  # a pie's labels carry the unit
    ("pie", "tonnes", "en", "", "", '0" tonnes"'),
    ("bar", "", "en", "", "", "0"),
])
def test_unit_texts_per_place(kind, unit, lang, line, slide, label_format) -> None:
    assert present.unit_line(kind, unit, lang) == line
    assert present.slide_unit(kind, unit, lang, "Exports") == slide
    assert present.label_format(kind, unit, lang, "0") == label_format


def test_no_unit_label_on_a_slide_whose_title_names_the_unit() -> None:
    assert present.slide_unit("bar", " 万亿元 ", "zh", "进出口总额（万亿元）") == ""
    assert present.slide_unit("bar", "tonnes", "en", "Grain,\n in tonnes") == ""


@pytest.mark.parametrize("lang,speaker,source,attribution,byline", [
    ("zh", "王毅", "新华社", "——王毅，新华社", "——王毅"),
    ("en", "Wang Yi", "Xinhua", "— Wang Yi, Xinhua", "— Wang Yi"),
    ("en", "Wang Yi", "", "— Wang Yi", "— Wang Yi"),
])
def test_quote_attribution_and_byline(lang, speaker, source, attribution, byline) -> None:
    quote = present.quote_view("words", speaker, source, labels(lang))
    assert (quote.attribution, quote.byline) == (attribution, byline)


def test_attribution_follows_a_profiles_label() -> None:
    custom = {**labels("en"), "quote_attribution": "said {{ speaker }}"}
    quote = present.quote_view("w", "Li", "AP", custom)
    assert (quote.attribution, quote.byline) == ("said Li, AP", "said Li")


@pytest.mark.parametrize(("date", "year", "shown"), [
    ("2017年4月12日", "2017", "4月12日"), ("2016年6月", "2016", "6月"), ("2013年", "2013", ""),
    ("12 Apr 2017", "2017", "12 Apr"), ("Sept 2016", "2016", "Sept"), ("2016", "2016", ""),
    ("2016年底", "2016", "2016年底"), ("early 2017", "2017", "early 2017")])
def test_timeline_item_carries_what_its_date_adds_to_the_year(date, year, shown) -> None:
    assert present.timeline_item(date, year, "label", None).below_year == shown


@pytest.mark.parametrize("lang,key,caption,span", [
    ("zh", "table_caption", "表1 主要数据", (1, 2)),
    ("en", "figure_caption", "Figure 12 Trade", (7, 9)),
    ("en", "figure_caption", "Chart 3 Trade", None),  # not as the label says: plain text
])
def test_caption_number_is_where_the_label_puts_it(lang, key, caption, span) -> None:
    assert present.caption_number(caption, labels(lang), key) == span


def _slide_texts(path) -> list[str]:
    prs = Presentation(str(path))
    return [sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_writers_show_the_plans_strings_as_given(tmp_path, lang) -> None:
    """Strings no label file or rule would make reach the reader unchanged: the writers no
    longer build them."""
    plan = sample_plan(lang)
    quote = dataclasses.replace(next(s.quote for s in plan.slides if s.quote),
                                attribution="ATTRIBUTION-LINE", byline="BYLINE-LINE")
    chart = dataclasses.replace(plan.charts[0], unit_line="UNIT-LINE", slide_unit="SLIDE-UNIT",
                                number_format="0.000", label_format="#,##0.0000")
    item = dataclasses.replace(plan.timeline[0] if plan.timeline else
                               next(s.timeline[0] for s in plan.slides if s.timeline),
                               below_year="BELOW-YEAR")

    def swap(node):
        if getattr(node, "quote", None) is not None:
            return dataclasses.replace(node, quote=quote)
        if getattr(node, "chart", None) is not None and node.chart.id == chart.id:
            return dataclasses.replace(node, chart=chart)
        if getattr(node, "timeline", None):
            return dataclasses.replace(node, timeline=(item, *node.timeline[1:]))
        return node

    plan = dataclasses.replace(plan, blocks=tuple(swap(b) for b in plan.blocks),
                               slides=tuple(swap(s) for s in plan.slides))
    docx_path, pptx_path = tmp_path / "a.docx", tmp_path / "a.pptx"
    DocxRenderer().render(plan, {}, docx_path)
    PptxRenderer().render(plan, {}, pptx_path)

    paragraphs = [p.text for p in Document(str(docx_path)).paragraphs]
    assert "ATTRIBUTION-LINE" in paragraphs
    with zipfile.ZipFile(docx_path) as package:
        charts = [package.read(n).decode() for n in package.namelist()
                  if n.startswith("word/charts/chart")]
    assert any("UNIT-LINE" in xml and 'formatCode="0.000"' in xml
               and 'formatCode="#,##0.0000"' in xml for xml in charts)

    slides = _slide_texts(pptx_path)
    assert "BYLINE-LINE" in slides and "SLIDE-UNIT" in slides
    assert any(text.startswith("BELOW-YEAR\n") for text in slides)
    prs = Presentation(io.BytesIO(pptx_path.read_bytes()))
    formats = [sh.chart.plots[0].data_labels.number_format for s in prs.slides
               for sh in s.shapes if sh.has_chart]
    assert "#,##0.0000" in formats


def _chart_formats(path, prefix: str) -> set[str]:
    """The number formats (c:formatCode) of every chart part of a DOCX or PPTX package."""
    with zipfile.ZipFile(path) as package:
        return {code for n in package.namelist() if n.startswith(prefix)
                for code in re.findall(r'formatCode="([^"]*)"', package.read(n).decode())}


def test_a_chinese_chart_writes_2500_on_the_page_and_the_slide(tmp_path) -> None:
    """Both writers take the one format the plan gives: no "2,500" on a slide beside the
    document's "2500"."""
    plan = sample_plan("zh")
    old = plan.charts[0]
    chart = present.make_chart_spec(
        id=old.id, kind="bar", title=old.title, categories=old.categories,
        series=(ChartSeries(old.title, (2500.0, 5000.0)),), unit=old.unit,
        value_labels=(("2500", "5000"),), source=old.source, caption=old.caption,
        caption_number=old.caption_number, alt_text=old.alt_text, language="zh")

    def swap(node):
        if getattr(node, "chart", None) is not None and node.chart.id == chart.id:
            return dataclasses.replace(node, chart=chart)
        return node

    plan = dataclasses.replace(plan, blocks=tuple(swap(b) for b in plan.blocks),
                               slides=tuple(swap(s) for s in plan.slides),
                               charts=tuple(chart if c.id == chart.id else c
                                            for c in plan.charts))
    docx_path, pptx_path = tmp_path / "a.docx", tmp_path / "a.pptx"
    DocxRenderer().render(plan, {}, docx_path)
    PptxRenderer().render(plan, {}, pptx_path)
    assert "0" in _chart_formats(docx_path, "word/charts/chart")
    slide_formats = _chart_formats(pptx_path, "ppt/charts/chart")
    assert "0" in slide_formats and "#,##0" not in slide_formats


@pytest.mark.parametrize("lang,shares", [("zh", ("（75.0%）", "（25.0%）")),
                                         ("en", (" (75.0%)", " (25.0%)"))])
def test_a_pie_picture_gets_its_shares_from_the_plan(lang, shares) -> None:
    series = (ChartSeries("s", (3.0, 1.0)),)
    assert present.share_labels("pie", series, lang) == shares
    assert present.share_labels("bar", series, lang) == ()
    assert present.share_labels("pie", (ChartSeries("s", (0.0, 0.0)),), lang) == ()


@pytest.mark.parametrize("lang,label,value,scale,unit,caption", [
    ("en", "Average transit time", 12, None, "days", "Average transit time (days)"),
    ("en", "Member states present", 27, None, "member states", "Member states present"),
    ("en", "Investment", 450, "million", "US dollars", "Investment (US dollars)"),
    ("en", "Trade volume (US dollars)", 9.7, "billion", "US dollars",
     "Trade volume (US dollars)"),  # said once, not twice
    ("en", "Emissions cut", 40, None, "%", "Emissions cut"),  # the big number keeps "%"
    ("zh", "对外直接投资", 1386, None, "亿元", "对外直接投资（亿元）"),
    ("zh", "参会国家", 130, None, "个国家", "参会国家"),
    ("zh", "进出口总额", 6.3, "万亿", "元人民币", "进出口总额（元人民币）"),
])
def test_a_big_numbers_caption_says_the_unit_the_number_leaves_out(
        lang, label, value, scale, unit, caption) -> None:
    """The big number on a KPI slide is the number alone (and its scale): the caption carries
    the unit, with or without a scale, unless the label already names it."""
    from briefgen.load.schema import Figure
    from briefgen.plan import formatting

    fig = Figure(id="f", label=label, value=value, scale=scale, unit=unit, source="s")
    view = formatting.figure_view(fig, {}, labels(lang))
    assert unit not in view.number or unit == "%"
    assert formatting.kpi_caption(fig, view, labels(lang)) == caption


def test_a_timeline_detail_that_only_says_the_label_in_full_is_printed_once(tmp_path) -> None:
    """A drafted timeline label is its sentence cut short, and the detail is the sentence: the
    slide shows the label alone, the document's chapter the sentence alone (both used to print
    both). A detail that adds to its label stays under it."""
    cut = present.timeline_item("2025", "2025", "The port handled 41.2 million tonnes…",
                                "The port handled 41.2 million tonnes of cargo in 2025.")
    assert cut.detail is None and cut.document_label.endswith("of cargo in 2025.")
    same = present.timeline_item("2026", "2026", "Mombasa, 4 to 5 November 2026",
                                 "Mombasa, 4 to 5 November 2026.")
    assert same.detail is None
    adds = present.timeline_item("2024", "2024", "Summit", "Summit opens with 30 leaders")
    assert adds.detail == "Summit opens with 30 leaders" and adds.document_label == ""

    plan = sample_plan("en")
    block = next(b for b in plan.blocks if type(b).__name__ == "TimelineBlock")
    plan = dataclasses.replace(plan, blocks=tuple(
        dataclasses.replace(b, items=(cut, adds)) if b is block else b for b in plan.blocks))
    DocxRenderer().render(plan, {}, tmp_path / "t.docx")
    shown = [p.text for p in Document(str(tmp_path / "t.docx")).paragraphs
             if p.style.name == "Timeline"]
    assert shown[0].count("41.2 million tonnes") == 1 and shown[0].endswith("in 2025.")
    assert "Summit\nSummit opens with 30 leaders" in shown[1]
