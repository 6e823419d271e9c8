"""What no plan may hold: parts a reader would see as empty.

A heading with nothing under it, an empty bottom line or lead, a Sources list with no source, a
slide with only its title (section dividers aside). The planner is built never to make them;
this names each one found, so tests (and tools that explain a plan) can say where.
"""

from __future__ import annotations

from briefgen.plan.model import (
    BulletList,
    DocPlan,
    Heading,
    Paragraph,
    QuoteBlock,
    Slide,
    SourcesBlock,
    TimelineBlock,
)


def empty_parts(plan: DocPlan) -> list[str]:
    """One line per empty part of ``plan``; an empty list when there is none."""
    problems = []
    blocks = plan.blocks
    for k, block in enumerate(blocks):
        if isinstance(block, Heading):
            after = blocks[k + 1] if k + 1 < len(blocks) else None
            if after is None or isinstance(after, Heading) or _blank(after):
                problems.append(f"heading {block.text!r} has nothing under it")
        elif _blank(block):
            problems.append(f"empty {type(block).__name__} at block {k}")
    up_front = [b for b in blocks if isinstance(b, Paragraph) and b.role in ("bottom_line", "lead")]
    if not up_front:
        problems.append("no bottom line or lead")
    for n, slide in enumerate(plan.slides, start=1):
        if slide.kind not in ("title", "section") and not _slide_content(slide):
            problems.append(f"slide {n} ({slide.kind}) {slide.title!r} carries only its title")
    return problems


def _blank(block: object) -> bool:
    if isinstance(block, Paragraph):
        return not block.text.strip()
    if isinstance(block, BulletList):
        return not any(i.strip() for i in block.items)
    if isinstance(block, SourcesBlock):
        return not block.sources
    if isinstance(block, TimelineBlock):
        return not block.items
    if isinstance(block, QuoteBlock):
        return not block.quote.text.strip()
    return False


def _slide_content(slide: Slide) -> bool:
    return bool(any(b.strip() for b in slide.bullets) or slide.kpis or slide.chart
                or slide.quote or slide.timeline)
