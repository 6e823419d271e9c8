"""The press release's 'about' heading fits any event: a trade expo's release does not end with
'About the forum', nor a summit's with '关于论坛' (issue 14: any brief, any event)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.load.brief import load_brief
from briefgen.load.profile import load_profile
from briefgen.plan.audience import plan_for
from briefgen.plan.model import Heading, Paragraph

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = sorted(p.parent for p in [*ROOT.glob("briefs/*/brief.yaml"),
                                   *ROOT.glob("tests/data/briefs/*/brief.yaml")])
#: Words that name one kind of event: a heading may use one only when the event's title does.
EVENT_KINDS = ("forum", "summit", "expo", "conference", "meeting", "seminar", "visit",
               "论坛", "峰会", "博览会", "会议", "研讨会", "访问")


def about_heading(folder: Path) -> str | None:
    """The heading the press plan puts over the brief's 'about' paragraph, None without one."""
    loaded = load_brief(folder)
    about = loaded.brief.meta.about
    blocks = plan_for(loaded, load_profile("press")).blocks
    for before, block in zip(blocks, blocks[1:]):
        if isinstance(block, Paragraph) and about and block.text == about:
            assert isinstance(before, Heading)
            return before.text
    return None


@pytest.mark.parametrize("folder", BRIEFS, ids=lambda p: p.name)
def test_about_heading_names_no_other_kind_of_event(folder):
    heading = about_heading(folder)
    if heading is None:
        pytest.skip("the brief has no 'about' paragraph")
    title = load_brief(folder).brief.meta.title.casefold()
    wrong = [kind for kind in EVENT_KINDS if kind in heading.casefold() and kind not in title]
    assert not wrong, f"{folder.name}: 'about' heading {heading!r} names {wrong}"


def test_the_corpus_has_about_paragraphs_for_events_that_are_not_forums():
    """What the check above stands on: releases that carry an 'about' paragraph for a summit,
    an expo, a meeting (not only forums)."""
    headed = [f for f in BRIEFS if about_heading(f) is not None]
    titles = [load_brief(f).brief.meta.title.casefold() for f in headed]
    assert sum("forum" not in t and "论坛" not in t for t in titles) >= 4
