"""Selection that ranks: what a brief without the profiles' tags gets, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefgen.load.brief import load_brief
from briefgen.load.profile import Select, load_profile
from briefgen.plan.audience import plan_for
from briefgen.plan.model import FigureTable, Paragraph
from briefgen.plan.select import Pick, choose
from briefgen.plan.summarize import summarize
from briefgen.resources import data_dir
from briefgen.text.segment import sentences

BUNDLED = {"zh": "belt-and-road-forum-2017", "en": "belt-and-road-forum-2017-en"}
CORPUS = Path(__file__).resolve().parents[1] / "data" / "briefs"


def untagged(lang: str, tmp_path: Path):
    """The bundled brief with every tag removed, as a new user's brief would be."""
    data = yaml.safe_load((data_dir("briefs") / BUNDLED[lang] / "brief.yaml").read_text("utf-8"))
    for kind in ("sections", "figures", "charts"):
        for item in data.get(kind, []):
            item.pop("tags", None)
    (tmp_path / "brief.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_brief(tmp_path)


@pytest.mark.parametrize("lang", sorted(BUNDLED))
def test_an_untagged_brief_fills_each_budget_by_rank(lang, tmp_path):
    loaded = untagged(lang, tmp_path)
    # executive: up to 6, of which the memo's two pages keep the best three
    for audience, budget in (("executive", range(3, 7)), ("press", [7])):
        plan = plan_for(loaded, load_profile(audience))
        sections = [c for c in plan.choices if c.kind == "section"]
        assert len(sections) in budget
        assert all(c.reason.startswith("ranked ") for c in sections)
        # the news section opens the brief and leads
        assert "forum-news" in {c.id for c in sections}
        figures = [c for c in plan.choices if c.kind == "figure"]
        assert figures and all(c.reason.startswith("cited by ") for c in figures)
    academic = plan_for(loaded, load_profile("academic"))
    assert [c.id for c in academic.choices if c.kind == "section"] == [
        s.id for s in loaded.brief.sections]


@pytest.mark.parametrize("lang", sorted(BUNDLED))
def test_the_untagged_press_release_leads_with_the_news_sections_numbers(lang, tmp_path):
    loaded = untagged(lang, tmp_path)
    plan = plan_for(loaded, load_profile("press"))
    lead = next(b.text for b in plan.blocks if isinstance(b, Paragraph) and b.role == "lead")
    assert "29" in lead and "130" in lead  # heads of state, countries
    table = next(b for b in plan.blocks if isinstance(b, FigureTable))
    assert table.rows[0].id == "heads-of-state"  # the lead section's figures first


def test_choose_prefers_then_ranks_and_only_filters():
    class Item:
        def __init__(self, id: str, tags: list[str]) -> None:
            self.id, self.tags = id, tags

    items = [Item("a", []), Item("b", ["news"]), Item("c", []), Item("d", ["news"])]
    ranked = [Pick(items[2], "ranked 0.90"), Pick(items[0], "ranked 0.50"),
              Pick(items[1], "ranked 0.40"), Pick(items[3], "ranked 0.10")]
    picks = choose(items, Select(prefer=["tag:news"], max=3), ranked)
    assert [(p.item.id, p.reason) for p in picks] == [
        ("b", "rule tag:news"), ("d", "rule tag:news"), ("c", "ranked 0.90")]
    only = choose(items, Select(only=["tag:news"]), ranked)
    assert [(p.item.id, p.reason) for p in only] == [("b", "only tag:news"),
                                                    ("d", "only tag:news")]
    assert Select.model_validate(["tag:x"]) == Select(prefer=["tag:x"])
    assert Select.model_validate({"include": ["tag:x"], "max": 2}) == Select(prefer=["tag:x"],
                                                                              max=2)


def body_sentences(plan) -> set[str]:
    lang = plan.meta.language
    return {s for b in plan.blocks if isinstance(b, Paragraph) and b.role == "body"
            for s in sentences(b.text, lang)}


@pytest.mark.parametrize("brief", [data_dir("briefs") / b for b in BUNDLED.values()]
                         + sorted(p.parent for p in CORPUS.glob("*/brief.yaml")),
                         ids=lambda p: p.name)
def test_the_press_lead_is_not_repeated_as_body_text(brief):
    plan = plan_for(load_brief(brief), load_profile("press"))
    lang = plan.meta.language
    lead = next(b.text for b in plan.blocks if isinstance(b, Paragraph) and b.role == "lead")
    assert not set(sentences(lead, lang)) & body_sentences(plan)


def test_a_long_english_topic_sentence_is_shortened_not_dropped():
    topic = ("President Xi Jinping held talks with President William Ruto in Beijing on 24 April "
             "2024, and the two heads of state, who had last met in Johannesburg in August "
             "2023, agreed to upgrade relations to a comprehensive strategic cooperative "
             "partnership and witnessed the signing of 20 cooperation agreements covering "
             "trade, infrastructure, agriculture, digital economy and education.")
    aside = "The steps cover the next five years."
    summary = summarize([topic + " " + aside], "en", 40)
    assert summary[0].startswith("President Xi Jinping held talks with President William Ruto")
    assert "who had last met" not in " ".join(summary)
