"""Property: for any valid brief with two or more sections, no built-in audience gets an empty
part (see briefgen.plan.invariants), whatever tags the brief carries or lacks, and every
audience's plan keeps issue 14's "Done when" (tests/fuzz/plan_checks.py): a bottom line, a lead
with its topic sentence's numbers, body text, quotes, slides with content, every section in the
academic briefing and a memo of at most two pages."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import given

from briefgen.load.brief import load_brief
from briefgen.load.profile import builtin_profiles, load_profile
from briefgen.plan.audience import plan_for
from briefgen.plan.invariants import empty_parts
from briefgen.plan.model import Heading, Paragraph, QuoteBlock, Slide
from briefgen.resources import default_brief
from tests.fuzz import plan_checks as checks
from tests.fuzz.plan_checks import problems
from tests.fuzz.profiles import share
from tests.fuzz.strategies import briefs
from tests.fuzz.test_fuzz_build import write_brief

PROFILES = {name: load_profile(name) for name in builtin_profiles()}


@share(0.2)
@given(brief=briefs(max_sections=12).filter(lambda b: len(b["sections"]) >= 2))
def test_no_audience_gets_an_empty_part(brief):
    with tempfile.TemporaryDirectory() as tmp:
        loaded = load_brief(write_brief(Path(tmp), brief))
    for name, profile in PROFILES.items():
        plan = plan_for(loaded, profile)
        assert empty_parts(plan) == [], name
        chosen = [c for c in plan.choices if c.kind == "section"]
        assert chosen, name  # every audience gets sections, tagged or not
        assert {c.id for c in chosen} <= {s["id"] for s in brief["sections"]}
        assert problems(name, plan, loaded.brief, profile) == []


def test_the_check_finds_what_it_is_for():
    """empty_parts is no test that cannot fail: a heading with nothing under it, an empty lead
    and a title-only slide are each named."""
    plan = plan_for(load_brief(default_brief()), PROFILES["press"])
    assert empty_parts(plan) == []
    broken = replace(plan, blocks=(Paragraph("", "lead"), Heading("Sources")),
                     slides=(*plan.slides, Slide("bullets", "Alone")))
    assert empty_parts(broken) == [
        "empty Paragraph at block 0",
        "heading 'Sources' has nothing under it",
        f"slide {len(plan.slides) + 1} (bullets) 'Alone' carries only its title",
    ]


def test_the_done_when_checks_can_fail():
    """Each "Done when" check names a plan that breaks it: the bundled brief's plans pass, and
    the same plans with their bottom line, lead, body, quotes, slides, a section heading or
    page room taken away do not."""
    loaded = load_brief(default_brief())
    brief = loaded.brief
    plans = {name: plan_for(loaded, p) for name, p in PROFILES.items()}
    for name, plan in plans.items():
        assert problems(name, plan, brief, PROFILES[name]) == [], name

    def without(plan, drop):
        return replace(plan, blocks=tuple(b for b in plan.blocks if not drop(b)))

    executive, press, academic = plans["executive"], plans["press"], plans["academic"]
    no_bottom_line = without(executive, lambda b: getattr(b, "role", "") == "bottom_line")
    assert checks.executive_problem(no_bottom_line, brief, PROFILES["executive"]) \
        == "the bottom line is empty"
    no_body = without(executive, lambda b: getattr(b, "role", "") == "body")
    assert "body text 0 < " in checks.executive_problem(no_body, brief, PROFILES["executive"])
    no_lead = without(press, lambda b: getattr(b, "role", "") == "lead")
    assert checks.press_problem(no_lead, brief, PROFILES["press"]) \
        == "the press release has no lead"
    no_quotes = without(press, lambda b: isinstance(b, QuoteBlock))
    assert checks.press_problem(no_quotes, brief, PROFILES["press"]).startswith("0 quotes")
    bare_lead = replace(press, blocks=tuple(
        Paragraph("Leaders met.", "lead") if getattr(b, "role", "") == "lead" else b
        for b in press.blocks))
    assert "the lead leaves out" in checks.lead_numbers_problem(bare_lead, brief,
                                                                PROFILES["press"])
    assert checks.deck_problem(replace(press, slides=press.slides[:4]), brief, "press") \
        .startswith("3 slides with content, 5 wanted")
    first = next(b for b in academic.blocks if isinstance(b, Heading)
                 and b.text.endswith(brief.sections[0].title))
    assert brief.sections[0].id in checks.sections_problem(
        without(academic, lambda b: b is first), brief)
    long_memo = replace(executive, blocks=executive.blocks * 3)
    assert "with more left to drop" in checks.memo_problem(long_memo)
