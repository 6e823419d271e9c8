"""One line on what an audience will get from a brief, read off its DocPlan.

``briefgen validate`` prints it per audience ("press: lead from 'opening', 4 sections,
6 figures, 2 charts, 2 quotes; 14 slides") so a user sees before building that an audience gets
nothing of a section, or no lead, instead of finding out in the files. It counts what the plan
holds, the same blocks and slides the writers render, so it cannot disagree with the outputs.
"""

from __future__ import annotations

from briefgen.load.schema import Brief
from briefgen.plan.model import ChartBlock, DocPlan, FigureTable, Heading, Paragraph, QuoteBlock
from briefgen.text.segment import sentences
from briefgen.text.tokens import tokens

#: What the summary up front is called in each document form.
OPENING = {"press_release": "lead", "memo": "bottom line", "briefing": "summary"}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def opening_source(text: str, brief: Brief) -> str | None:
    """Id of the section the opening's first sentence comes from: the one that holds it word
    for word, else the one sharing most of its content words (None when nothing is shared)."""
    lang = brief.meta.language.value
    first = next(iter(sentences(text, lang)), text).strip()
    if not first:
        return None
    for section in brief.sections:
        if any(first in p for p in section.paragraphs):
            return section.id
    words = tokens(first, lang)
    shared = [(len(words & tokens(" ".join(s.paragraphs), lang)), -i, s.id)
              for i, s in enumerate(brief.sections)]
    best = max(shared, default=(0, 0, None))
    return best[2] if best[0] else None


def describe(plan: DocPlan, brief: Brief) -> str:
    """"press: lead from 'opening', 4 sections, 6 figures, 2 charts, 2 quotes; 14 slides"."""
    titles = {s.title for s in brief.sections}
    sections = {b.text for b in plan.blocks if isinstance(b, Heading) and b.text in titles}
    figures = {row.id for b in plan.blocks if isinstance(b, FigureTable) for row in b.rows}
    kpis = sum(len(s.kpis) for s in plan.slides)
    charts = {b.chart.id for b in plan.blocks if isinstance(b, ChartBlock)}
    charts |= {s.chart.id for s in plan.slides if s.chart is not None}
    quotes = {b.quote.text for b in plan.blocks if isinstance(b, QuoteBlock)}
    quotes |= {s.quote.text for s in plan.slides if s.quote is not None}
    name = OPENING.get(plan.docx_form, "summary")
    role = "lead" if plan.docx_form == "press_release" else "bottom_line"
    text = " ".join(b.text for b in plan.blocks if isinstance(b, Paragraph) and b.role == role)
    source = opening_source(text, brief) if text.strip() else None
    opening = (f"{name} from {source!r}" if source else f"{name} from several sections"
               if text.strip() else f"NO {name}")
    parts = [opening, _count(len(sections), "section"), _count(len(figures), "figure")]
    if kpis:
        parts.append(_count(kpis, "KPI tile"))
    parts += [_count(len(charts), "chart"), _count(len(quotes), "quote")]
    return f"{plan.meta.audience}: {', '.join(parts)}; {_count(len(plan.slides), 'slide')}"
