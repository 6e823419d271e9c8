"""Issue 14's "Done when" as checks on a plan (DocPlan), for the fuzz property: no rendering.

Each check returns what a reader would find wrong, or None. Sizes are measured in the profile's
unit (briefgen.text.measure: characters in Chinese, words in English), not in Han characters as
the corpus tests count built files: a generated Chinese brief mixes in Latin, Arabic and emoji
words, so its Han count says little about how much text it has. A size is promised only when the
brief's own text surely gives it (:func:`brief_text`): the plan summarises by choosing
sentences by score, so it cannot give text the brief lacks, nor a sentence longer than a summary
(generated sentences hold words of up to 300 letters, which no compression can shorten), nor
fill a budget exactly.
"""

from __future__ import annotations

from briefgen.load.profile import Profile
from briefgen.load.schema import Brief
from briefgen.plan.document import MIN_SECTIONS, MIN_TABLE_ROWS
from briefgen.plan.lead import without_repeats
from briefgen.plan.model import (
    BulletList,
    ChartBlock,
    DocPlan,
    FigureTable,
    Heading,
    Paragraph,
    QuoteBlock,
)
from briefgen.plan.pages import pages
from briefgen.text.measure import measure
from briefgen.text.segment import sentences
from tests.done_when import CONTENT_SLIDES, EXECUTIVE_BODY, MEMO_PAGES, PRESS_BODY, numbers_in


def brief_text(brief: Brief, profile: Profile, plan: DocPlan, besides: str = "") -> int:
    """How much text the plan can surely give of the sections it kept: per section, its longest
    sentence no longer than the profile's section summary (and not one that ``besides``, the
    bottom line, says already), in the profile's unit. (A memo's page budget may leave sections
    to the deck: :func:`memo_problem` checks that budget.)"""
    lang = brief.meta.language.value
    most = profile.summary.for_lang(lang)
    kept = {c.id for c in plan.choices if c.kind == "section"}
    said = sentences(besides, lang) if besides else []
    told = 0
    for section in (s for s in brief.sections if s.id in kept):
        rest = without_repeats(section.paragraphs, said, lang) if said else section.paragraphs
        lengths = [measure(t, lang) for p in rest for t in sentences(p, lang)]
        # a summary picks sentences by score, not to fill its budget: it is sure to hold one
        told += max((n for n in lengths if n <= most), default=0)
    return told


def up_front(plan: DocPlan, role: str) -> str:
    """The bottom line's or lead's text."""
    return " ".join(b.text for b in plan.blocks if isinstance(b, Paragraph) and b.role == role)


def body(plan: DocPlan, brief: Brief) -> int:
    """Body text of the plan's document: body paragraphs and bullets, not the head, lead,
    bottom line, headings, quotes, captions, sources or the brief's 'about' paragraph."""
    about = (brief.meta.about or "").strip()
    texts = [b.text for b in plan.blocks
             if isinstance(b, Paragraph) and b.role == "body" and b.text.strip() != about]
    texts += [i for b in plan.blocks if isinstance(b, BulletList) for i in b.items]
    return sum(measure(t, plan.meta.language) for t in texts)


def content_slides(plan: DocPlan) -> int:
    """Slides with something besides their title (empty_parts checks there is no other kind
    outside the title slide and section dividers)."""
    return sum(1 for s in plan.slides if s.kind not in ("title", "section"))


def executive_problem(plan: DocPlan, brief: Brief, profile: Profile) -> str | None:
    lang = plan.meta.language
    if not up_front(plan, "bottom_line").strip():
        return "the bottom line is empty"
    # the body does not repeat the bottom line: the brief must hold the body besides it
    beyond = brief_text(brief, profile, plan, besides=up_front(plan, "bottom_line"))
    got, wanted = body(plan, brief), EXECUTIVE_BODY[lang]
    if beyond >= wanted and got < wanted:
        return f"body text {got} < {wanted} though the brief has {beyond} besides the bottom line"
    return None


def memo_problem(plan: DocPlan) -> str | None:
    """The memo's estimated pages (briefgen.plan.pages) within two, unless the page fitting ran
    out of things to drop (charts, table rows past four, sections past two): it shortens no
    heading, source list or table label, which generated briefs make up to 300 letters long."""
    estimate = pages(plan.blocks, plan.meta.language)
    if estimate <= MEMO_PAGES:
        return None
    sections = sum(1 for c in plan.choices if c.kind == "section")
    rows = max((len(b.rows) for b in plan.blocks if isinstance(b, FigureTable)), default=0)
    charts = sum(1 for b in plan.blocks if isinstance(b, ChartBlock))
    if sections > MIN_SECTIONS or rows > MIN_TABLE_ROWS or charts:
        return f"the memo is estimated at {estimate:.2f} pages with more left to drop"
    return None


def press_problem(plan: DocPlan, brief: Brief, profile: Profile) -> str | None:
    lang = plan.meta.language
    lead = up_front(plan, "lead")
    if not lead.strip():
        return "the press release has no lead"
    # the body does not repeat the lead: the brief must hold the body besides the lead
    beyond = brief_text(brief, profile, plan) - measure(lead, lang)
    got, wanted = body(plan, brief), PRESS_BODY[lang]
    if beyond >= wanted and got < wanted:
        return f"body text {got} < {wanted} though the brief has {beyond} besides the lead"
    quoted = sum(1 for b in plan.blocks if isinstance(b, QuoteBlock))  # two may say the same
    if quoted < min(2, len(brief.quotes)):
        return f"{quoted} quotes of the brief's {len(brief.quotes)}"
    return None


def lead_numbers_problem(plan: DocPlan, brief: Brief, profile: Profile) -> str | None:
    """The numbers of the lead section's topic sentence are in the lead, when that sentence
    fits the lead's budget whole (a longer one is compressed, and may lose a number)."""
    lang = plan.meta.language
    chosen = [c.id for c in plan.choices if c.kind == "section"]
    sections = {s.id: s for s in brief.sections}
    paragraphs = [p for p in sections[chosen[0]].paragraphs if p.strip()]
    if not paragraphs:
        return None
    topic = sentences(paragraphs[0], lang)[0]
    told = sum(measure(p, lang) for i in chosen for p in sections[i].paragraphs)
    budget = min(profile.bottom_line.for_lang(lang), max(told // 4, 1))
    missing = numbers_in(topic) - numbers_in(up_front(plan, "lead"))
    if measure(topic, lang) <= budget and missing:
        return f"the lead leaves out {sorted(missing)} of its topic sentence {topic!r}"
    return None


def material(brief: Brief) -> int:
    """What a deck can give slides of besides its opening summary and sources: sections, key
    figures (one KPI slide), charts, quotes and a timeline."""
    return (len(brief.sections) + bool(brief.figures) + len(brief.charts) + len(brief.quotes)
            + bool(brief.timeline))


def deck_problem(plan: DocPlan, brief: Brief, audience: str) -> str | None:
    """Enough slides with content where the brief has the material: a deck opens with a
    summary slide and ends with its sources, so it needs ``wanted - 2`` slides of material."""
    wanted = CONTENT_SLIDES.get(audience, 0)
    if material(brief) >= wanted - 2 and (got := content_slides(plan)) < wanted:
        return f"{got} slides with content, {wanted} wanted: {[s.kind for s in plan.slides]}"
    return None


def sections_problem(plan: DocPlan, brief: Brief) -> str | None:
    """Every section of the brief has a heading of its own (the heading may number it)."""
    headings = [b.text for b in plan.blocks if isinstance(b, Heading)]
    missing = [s.id for s in brief.sections
               if not any(h.endswith(s.title.strip()) for h in headings)]
    return f"no heading for sections {missing}" if missing else None


def problems(audience: str, plan: DocPlan, brief: Brief, profile: Profile) -> list[str]:
    """What the plan of one built-in audience breaks of the "Done when"."""
    found = []
    if audience == "executive":
        found += [executive_problem(plan, brief, profile), memo_problem(plan)]
    if audience == "press":
        found += [press_problem(plan, brief, profile), lead_numbers_problem(plan, brief, profile)]
    if audience == "academic":
        found += [sections_problem(plan, brief)]
    found += [deck_problem(plan, brief, audience)]
    return [f"{audience}: {p}" for p in found if p]
