"""The plan step: what each audience gets, decided from profile data alone."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.load.brief import load_brief
from briefgen.load.profile import load_profile
from briefgen.plan.audience import plan_for
from briefgen.plan.model import (
    BulletList,
    ChartBlock,
    Choice,
    FigureTable,
    Heading,
    Paragraph,
    TimelineBlock,
    TocBlock,
)
from briefgen.resources import data_dir, default_brief
from briefgen.text.measure import measure

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "minimal-zh"


@pytest.fixture(scope="module")
def bundled():
    return load_brief(default_brief())


@pytest.fixture(scope="module")
def plans(bundled):
    return {a: plan_for(bundled, load_profile(a)) for a in ("executive", "press", "academic")}


def summary_length(plan) -> int:
    return sum(measure(b.text, plan.meta.language) for b in plan.blocks
               if isinstance(b, Paragraph) and b.role in ("body", "bottom_line", "lead"))


def test_plans_grow_from_executive_to_press_to_academic(plans):
    ex, pr, ac = (summary_length(plans[a]) for a in ("executive", "press", "academic"))
    assert ex < pr < ac


def test_executive_deck_has_at_most_ten_slides_and_leads_with_bottom_line(plans):
    slides = plans["executive"].slides
    assert len(slides) <= 10
    assert [s.kind for s in slides[:3]] == ["title", "bullets", "kpi"]
    assert slides[1].title == "核心要点"


def test_press_deck_opens_with_the_numbers(plans):
    slides = plans["press"].slides
    assert slides[1].kind == "kpi"
    assert 3 <= len(slides[1].kpis) <= 6
    assert any(k.number == "29" for k in slides[1].kpis)


def test_press_release_has_dateline_lead_and_end_mark(plans):
    blocks = plans["press"].blocks
    assert plans["press"].docx_form == "press_release"
    assert blocks[0] == Paragraph("北京，2017年5月15日", "dateline")
    assert blocks[1].role == "lead" and "北京" in blocks[1].text
    assert blocks[-1] == Paragraph("（完）", "end_mark")


def test_academic_has_contents_every_figure_and_every_section(plans, bundled):
    plan = plans["academic"]
    assert isinstance(plan.blocks[0], TocBlock)
    table = next(b for b in plan.blocks if isinstance(b, FigureTable))
    assert [r.id for r in table.rows] == [f.id for f in bundled.brief.figures]
    headings = {b.text for b in plan.blocks if isinstance(b, Heading)}
    assert {s.title for s in bundled.brief.sections} <= headings
    assert any(isinstance(b, BulletList) for b in plan.blocks)  # key points


def test_academic_carries_every_data_chart(plans, bundled):
    """Every chart but the timeline, whose events the timeline chapter lists."""
    shown = {b.chart.id for b in plans["academic"].blocks if isinstance(b, ChartBlock)}
    assert shown == {c.id for c in bundled.brief.charts
                     if c.kind.value not in ("kpi", "timeline")}
    assert any(isinstance(b, TimelineBlock) for b in plans["academic"].blocks)


def test_chart_captions_are_numbered_in_order(plans):
    captions = [b.chart.caption for b in plans["academic"].blocks if isinstance(b, ChartBlock)]
    assert [int(re.match(r"图(\d+)", c).group(1)) for c in captions] == list(
        range(1, len(captions) + 1))


def test_every_content_slide_has_notes(plans):
    for plan in plans.values():
        for slide in plan.slides[1:]:
            assert slide.notes, (plan.meta.audience, slide.title)


def test_academic_notes_carry_full_text_and_sources(plans, bundled):
    first = bundled.brief.sections[0]
    slide = next(s for s in plans["academic"].slides if s.kind == "section")
    assert slide.notes[0] == first.paragraphs[0]
    assert slide.notes[-1].startswith("资料来源：")


def test_plan_is_immutable(plans):
    with pytest.raises(dataclasses.FrozenInstanceError):
        plans["press"].toc = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        plans["press"].labels["contents"] = "x"  # type: ignore[index]


def test_custom_profile_lists_what_it_prefers_first_and_ranks_the_rest_after(tmp_path):
    profile = tmp_path / "trade-desk.yaml"
    profile.write_text("extends: press\nid: trade-desk\nsections: [trade]\n", "utf-8")
    plan = plan_for(load_brief(MINI), load_profile(profile))
    assert plan.choices[0] == Choice("section", "trade", "rule trade")
    assert plan.choices[1].kind == "section" and plan.choices[1].id == "news"
    assert plan.choices[1].reason.startswith("ranked ")
    lead = next(b.text for b in plan.blocks if isinstance(b, Paragraph) and b.role == "lead")
    assert "1.2万亿元" in lead  # the preferred section leads
    headings = [b.text for b in plan.blocks if isinstance(b, Heading) and b.level == 2]
    assert "示例论坛在上海举行" in headings  # the ranked one follows


def test_custom_profile_says_only_these_explicitly(tmp_path):
    profile = tmp_path / "trade-desk.yaml"
    profile.write_text("extends: press\nid: trade-desk\nsections: {only: [trade]}\n", "utf-8")
    plan = plan_for(load_brief(MINI), load_profile(profile))
    assert [c for c in plan.choices if c.kind == "section"] == [
        Choice("section", "trade", "only trade")]
    text = " ".join(getattr(b, "text", "") for b in plan.blocks)
    assert "1.2万亿元" in text and "示例论坛在上海举行" not in text and "800余名" not in text


def test_profile_naming_unknown_section_is_an_input_error(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: press\nid: p\nsections: [nonexistent]\n", "utf-8")
    with pytest.raises(InputError, match="nonexistent"):
        plan_for(load_brief(MINI), load_profile(profile))


def test_writers_never_ask_which_audience_it_is():
    render = ROOT / "briefgen" / "render"
    for path in render.rglob("*.py"):
        text = path.read_text("utf-8")
        assert not re.search(r"\b(executive|academic|press)\b|\.audience\b", text), path


def test_profiles_are_data_files():
    assert {p.stem for p in (data_dir("templates") / "profiles").glob("*.yaml")} >= {
        "executive", "press", "academic"}


@pytest.mark.parametrize("brief_dir", ["belt-and-road-forum-2017", "belt-and-road-forum-2017-en"])
def test_no_empty_bullet_slide_and_even_continuations(brief_dir):
    loaded = load_brief(data_dir("briefs") / brief_dir)
    for audience in ("executive", "press", "academic"):
        slides = plan_for(loaded, load_profile(audience)).slides
        for slide in slides:
            if slide.kind == "bullets":
                assert slide.bullets, (audience, slide.title)
        runs: dict[str, list[int]] = {}
        for slide in slides:
            if slide.kind == "bullets":
                base = slide.title.removesuffix(slide.continued_label)
                runs.setdefault(base, []).append(len(slide.bullets))
        for title, sizes in runs.items():
            assert max(sizes) - min(sizes) <= 1, (audience, title, sizes)
