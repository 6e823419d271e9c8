"""What each audience got and why, in words a reviewer checks against the pictures.

Read from the audience's DocPlan (the only place audience decisions are made) and its profile:
the sections chosen and by which rule, each summary's length against its budget, the figures,
charts and quotes shown. When the plan records its choices (``DocPlan.choices``: kind, id and
reason of each item), their reasons are shown as they are; before that, a section's reason is
the first selector of the profile that takes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.load.profile import Profile, Select
from briefgen.load.schema import Brief, Section
from briefgen.plan.model import (
    Block,
    DocPlan,
    FigureTable,
    Heading,
    Paragraph,
    QuoteBlock,
)
from briefgen.text.measure import measure


@dataclass(frozen=True)
class SectionFact:
    """One chosen section: why it is there and how long its text is against its budget."""

    title: str
    reason: str
    length: int  # in the budget's unit (characters for Chinese, words for English)
    budget: int | None  # None: the profile prints the full text


@dataclass(frozen=True)
class ChoiceFact:
    """An item the plan chose, with the reason the plan gives (``DocPlan.choices``)."""

    kind: str
    id: str
    reason: str


@dataclass(frozen=True)
class AudienceFacts:
    audience: str
    name: str  # the profile's display name in the brief's language
    unit: str  # "字" or "words"
    sections: tuple[SectionFact, ...]
    figures: tuple[str, ...]  # "label: value" of each figure in the key-figures table
    kpis: tuple[str, ...]  # "number caption" of each KPI tile
    charts: tuple[str, ...]  # chart titles
    quotes: int
    choices: tuple[ChoiceFact, ...]  # other than sections (figures, charts, quotes, KPIs)
    idle_rules: tuple[str, ...] = ()  # the profile's tag rules that take nothing of this brief


def describe(plan: DocPlan, profile: Profile, brief: Brief) -> AudienceFacts:
    """The facts of one audience's plan; ``profile`` and ``brief`` are those it was made from."""
    lang = plan.meta.language
    choices = tuple(ChoiceFact(str(c.kind), str(c.id), str(c.reason))
                    for c in getattr(plan, "choices", ()))  # DocPlan.choices, where present
    reasons = {c.id: c.reason for c in choices if c.kind == "section"}
    full_text = profile.document.section_text == "full"
    sections = tuple(
        SectionFact(s.title, reasons.get(s.id) or rule_for(s, rules_of(profile.sections)),
                    text_length(plan.blocks, s.title, lang),
                    None if full_text else budget_for(s, profile, lang))
        for s in chosen_sections(plan, brief))
    table = [b for b in plan.blocks if isinstance(b, FigureTable)]
    figures = tuple(f"{row.label}: {row.display}" for b in table for row in b.rows)
    kpis = tuple(f"{k.number} {k.caption}" for s in plan.slides for k in s.kpis)
    quotes = {b.quote.text for b in plan.blocks if isinstance(b, QuoteBlock)}
    quotes |= {s.quote.text for s in plan.slides if s.quote}
    return AudienceFacts(
        audience=plan.meta.audience, name=profile.name.get(lang) or plan.meta.audience,  # type: ignore[call-overload]
        unit="字" if lang == "zh" else "words", sections=sections, figures=figures, kpis=kpis,
        charts=tuple(c.title for c in plan.charts), quotes=len(quotes),
        choices=tuple(c for c in choices if c.kind != "section"),
        idle_rules=idle_rules(profile, brief))


def idle_rules(profile: Profile, brief: Brief) -> tuple[str, ...]:
    """``sections: tag:finance``-like rules of the profile that match nothing in the brief: a
    reviewer sees why a part the audience expects is missing (or that a tag is misspelt)."""
    kinds = (("sections", rules_of(profile.sections), brief.sections),
             ("figures", rules_of(profile.figures), brief.figures),
             ("charts", rules_of(profile.charts), brief.charts))
    return tuple(f"{kind}: {rule}" for kind, rules, items in kinds for rule in rules
                 if rule.startswith("tag:") and not any(rule[4:] in i.tags for i in items))


def rules_of(select: Select) -> list[str]:
    """A profile's selectors of one kind: its ``only`` filter, then its ``prefer`` ranking."""
    return [*(select.only or ()), *select.prefer]


def chosen_sections(plan: DocPlan, brief: Brief) -> list[Section]:
    """The brief's sections the plan prints, in the plan's order (each under its own heading)."""
    by_title = {s.title: s for s in brief.sections}
    headings = [b.text for b in plan.blocks if isinstance(b, Heading)]
    headings += [s.title for s in plan.slides if s.kind in ("section", "bullets")]
    return list({by_title[t].id: by_title[t] for t in headings if t in by_title}.values())


def rule_for(section: Section, selectors: Sequence[str]) -> str:
    """The first of the profile's ``sections`` selectors that takes ``section``."""
    for entry in selectors:
        if entry == section.id:
            return f"named: {entry}"
        if entry.startswith("tag:") and entry[4:] in section.tags:
            return f"rule {entry}"
        if entry == "*":
            return "rule * (every other section)"
    return "chosen by the plan"


def budget_for(section: Section, profile: Profile, lang: str) -> int:
    """The summary budget of ``section``: a per-section override (by id, then by tag), else the
    profile's summary length, as the planner applies them."""
    for key in (section.id, *(f"tag:{t}" for t in section.tags)):
        if key in profile.section_budgets:
            return profile.section_budgets[key].for_lang(lang)
    return profile.summary.for_lang(lang)


def text_length(blocks: Sequence[Block], title: str, lang: str) -> int:
    """Length of the paragraphs printed under the heading ``title`` (up to the next block that
    is not a paragraph: key points, quotes and charts are not the summary), in the budget's
    unit."""
    length, inside = 0, False
    for block in blocks:
        if isinstance(block, Heading):
            if inside:
                break
            inside = block.text == title
        elif inside and isinstance(block, Paragraph):
            length += measure(block.text, lang)
        elif inside:
            break
    return length
