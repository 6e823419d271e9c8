"""How much of an A4 page each DOCX block takes, roughly: the page budget of a short form.

A memo promises one or two pages, but pages exist only once a word processor lays the text
out. The plan cannot do that (and must not depend on fonts on this machine), so it estimates
each block's height in points from the reference documents' styles (text 451 x 698 pt; body
小四 12 pt at 1.5 lines in Chinese, 11 pt at 1.15 lines in English), leaning long. Tests check
the estimate against LibreOffice's layout of real briefs (tests/plan/test_memo_pages.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from briefgen.plan.model import (
    Block,
    BulletList,
    ChartBlock,
    FigureTable,
    Heading,
    Paragraph,
    QuoteBlock,
    SourcesBlock,
    TimelineBlock,
    TocBlock,
)
from briefgen.text.measure import measure

TEXT_WIDTH = 451.0  # points: A4 less 2.54 cm margins
PAGE_HEIGHT = 698.0
CHART_HEIGHT = TEXT_WIDTH * 9 / 16  # the DOCX writer's chart aspect
#: Memo head: marking, title, subtitle and the when/where line.
HEAD = 130.0


@dataclass(frozen=True)
class Metrics:
    """Per language: text units per body line, body line height and paragraph gap (points)."""

    per_line: float  # characters (zh) or words (en) in a line of body text
    line: float
    gap: float
    cell_per_line: float  # in the figure table's label column (smaller text)
    cell_line: float


METRICS = {
    "zh": Metrics(per_line=35, line=23.0, gap=6.0, cell_per_line=17, cell_line=14.0),
    "en": Metrics(per_line=10, line=15.5, gap=8.0, cell_per_line=5, cell_line=12.0),
}


def _lines(text: str, lang: str, per_line: float) -> int:
    return max(1, math.ceil(measure(text, lang) / per_line))


def block_height(block: Block, lang: str) -> float:
    """Points the block takes on the page (with its spacing), leaning long."""
    m = METRICS[lang]
    if isinstance(block, Heading):
        return 44.0 if block.level == 1 else 34.0
    if isinstance(block, Paragraph):
        extra = 24.0 if block.role == "bottom_line" else 0.0
        return _lines(block.text, lang, m.per_line) * m.line + m.gap + extra
    if isinstance(block, BulletList):
        return sum(_lines(i, lang, m.per_line) * m.line + 2 for i in block.items)
    if isinstance(block, FigureTable):
        rows = sum(max(_lines(r.label, lang, m.cell_per_line),
                       _lines(r.display, lang, m.cell_per_line)) * m.cell_line + 6
                   for r in block.rows)
        return 30.0 + 22.0 + rows + 12.0  # caption, header, rows, space after
    if isinstance(block, ChartBlock):
        return CHART_HEIGHT + 56.0  # caption and source line
    if isinstance(block, QuoteBlock):
        return (_lines(block.quote.text, lang, m.per_line * 0.85) + 1) * m.line + 24.0
    if isinstance(block, TimelineBlock):
        return sum(_lines(i.label + (i.detail or ""), lang, m.per_line * 0.8) * m.line + 4
                   for i in block.items)
    if isinstance(block, SourcesBlock):
        return sum(_lines(s.text, lang, m.per_line * 0.9) * m.line + 4 for s in block.sources)
    if isinstance(block, TocBlock):
        return PAGE_HEIGHT
    return m.line


def pages(blocks: tuple[Block, ...] | list[Block], lang: str, head: float = HEAD) -> float:
    """Estimated pages of a memo holding ``blocks`` (a fraction: 1.4 is well into page two)."""
    return (head + sum(block_height(b, lang) for b in blocks)) / PAGE_HEIGHT
