"""The DOCX block sequence of a plan: headings, summaries, charts, quotes, the figure table, the
timeline and sources in the order the profile's document form asks, within its page budget."""

from __future__ import annotations

import re
from dataclasses import replace

from briefgen.plan import present
from briefgen.plan.contents import Contents
from briefgen.plan.labels import fill
from briefgen.plan.lead import without_repeats
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
from briefgen.plan.pages import pages

#: A page budget is met when the estimate is within this share of it: the estimate cannot see
#: where a chart or table is pushed to the next page (checked against LibreOffice in tests).
PAGE_FILL = 1.0
MIN_TABLE_ROWS = 4
MIN_SECTIONS = 2


class DocumentPlanner(Contents):
    """Builds the DOCX blocks of a plan from its :class:`Contents`."""

    def blocks(self) -> tuple[Block, ...]:
        doc = self.profile.document
        lab = self.labels
        out: list[Block] = []
        placed: set[str] = set()
        if doc.form == "press_release":
            out.append(Paragraph(self.dateline(), "dateline"))
            out.append(Paragraph(self.joined(self.bottom_line), "lead"))
            if doc.quotes:
                out += [QuoteBlock(self.quote_view(q)) for q in self.shown_quotes()[:2]]
        else:
            if doc.toc:
                out.append(TocBlock(lab["contents"]))
            out += [Heading(lab["bottom_line"]), Paragraph(self.joined(self.bottom_line),
                                                           "bottom_line")]
            if doc.figure_table and self.shown_figures:
                out += [Heading(lab["key_figures"]), self.figure_table()]
        chapter = bool(doc.timeline and self.brief.timeline)
        if chapter:  # the timeline chapter lists the events a timeline chart would draw again
            placed |= {cid for cid, spec in self.specs.items() if spec.kind == "timeline"}
        for text in self.texts:
            if doc.section_text != "full" and not text.summary:
                continue  # the lead said all of it: no heading without text
            out.append(Heading(text.section.title, 2 if doc.form == "press_release" else 1))
            if doc.section_text == "full":
                out += [Paragraph(p) for p in text.section.paragraphs]
            else:
                out.append(Paragraph(self.joined(text.summary)))
            if doc.key_points and text.section.key_points:
                out.append(BulletList(tuple(text.section.key_points)))
            if doc.quotes and doc.form == "briefing":
                out += [QuoteBlock(self.quote_view(q)) for q in text.section.quotes]
            for cid in text.section.charts:
                if cid in self.specs and cid not in placed:
                    placed.add(cid)
                    out.append(ChartBlock(self.specs[cid]))
        rest = [s for cid, s in self.specs.items() if cid not in placed]
        if rest:
            out += [Heading(lab["charts"], self.top_level), *(ChartBlock(s) for s in rest)]
        if doc.form == "press_release" and doc.figure_table and self.shown_figures:
            out += [Heading(lab["key_figures"], 2), self.figure_table()]
        if chapter:
            out += [Heading(lab["timeline"], self.top_level), TimelineBlock(self.timeline_items())]
        if doc.form == "press_release" and self.brief.meta.about:
            out += [Heading(lab["about"], 2), Paragraph(self.brief.meta.about)]
        if doc.sources:
            out += [Heading(lab["sources"], 2 if doc.form == "press_release" else 1),
                    SourcesBlock(self.cited_sources())]
        if doc.form == "press_release":
            out.append(Paragraph(lab["end_mark"], "end_mark"))
        return tuple(self._number_charts(out))

    @property
    def top_level(self) -> int:
        """Level of the document's own headings (Charts, Timeline): a press release has one
        level of headings, unnumbered (2), as its sections have; other forms 1 (numbered)."""
        return 2 if self.profile.document.form == "press_release" else 1

    def _number_charts(self, blocks: list[Block]) -> list[Block]:
        """Charts are numbered in the order they appear: the caption number follows the page."""
        out: list[Block] = []
        n = 0
        for block in blocks:
            if isinstance(block, ChartBlock):
                n += 1
                caption = _renumber(block.chart.caption, n)
                number = present.caption_number(caption, self.labels, "figure_caption")
                block = ChartBlock(replace(block.chart, caption=caption, caption_number=number))
            out.append(block)
        return out

    def figure_table(self) -> FigureTable:
        """The key figures: item, value, change (only when a figure has one: a column of
        dashes says nothing), source."""
        lab = self.labels
        caption = fill(lab, "table_caption", n=1) + " " + lab["key_figures"]
        rows = tuple(self.views[f.id] for f in self.shown_figures)
        headers = {"label": lab["figure_item"], "display": lab["figure_value"],
                   "change": lab["figure_change"], "source": lab["figure_source"]}
        columns = tuple(c for c in headers if c != "change" or any(r.change for r in rows))
        return FigureTable(
            caption=caption, caption_number=present.caption_number(caption, lab, "table_caption"),
            columns=columns, header=tuple(headers[c] for c in columns), rows=rows,
        )

    # ------------------------------------------------------------------ page budget

    def _fit_pages(self) -> tuple[Block, ...]:
        """The DOCX blocks within the profile's page budget, if it has one: past it, drop
        charts down to one, figure table rows down to four, the least important sections down
        to three, the last chart, then a third section. The deck is planned before: it keeps
        everything."""
        blocks = self.blocks()
        budget = self.profile.document.max_pages
        if budget is None:
            return blocks
        while pages(blocks, self.lang) > budget * PAGE_FILL:
            if len(self.specs) > 1:
                self.specs.popitem()
            elif len(self.figure_picks) > MIN_TABLE_ROWS:
                self.figure_picks.pop()
                self.shown_figures.pop()
            elif len(self.texts) > MIN_SECTIONS + 1:
                self._drop_least_section()
            elif self.specs:
                self.specs.popitem()
            elif len(self.texts) > MIN_SECTIONS:
                self._drop_least_section()
            else:
                break
            blocks = self.blocks()
        return self._without_repeats(blocks, budget)

    def _without_repeats(self, blocks: tuple[Block, ...], budget: int | None
                         ) -> tuple[Block, ...]:
        """A summary up front is read first: a section summary that repeats one of its sentences
        says something else the section has instead (summarised again without them), or, when
        that would make the document longer than it was (a page budget is a promise), only
        what it has besides; a section with nothing besides keeps its summary."""
        if self.lead_section is not None or self.profile.document.section_text == "full":
            return blocks
        again, trimmed = [], []  # summarised again; or only the repeats left out
        for text in self.texts:
            rest = without_repeats(text.summary, self.bottom_line, self.lang)
            others = without_repeats(text.section.paragraphs, self.bottom_line, self.lang)
            repeats = rest != list(text.summary) and bool(others)
            again.append(replace(self._summarise(text.section, others), title=text.title)
                         if repeats else text)
            trimmed.append(replace(text, summary=tuple(rest or text.summary)))
        if again == self.texts:
            return blocks
        self.texts = again
        fuller = self.blocks()
        if budget is None or pages(fuller, self.lang) <= pages(blocks, self.lang):
            return fuller
        self.texts = trimmed
        return self.blocks()

    def _drop_least_section(self) -> None:
        rank = {p.item.id: k for k, p in enumerate(self.section_picks)}
        least = max(self.texts, key=lambda t: rank[t.section.id])
        self.texts.remove(least)
        self.sections.remove(least.section)


def _renumber(caption: str, n: int) -> str:
    """Replace the leading number of a caption ("图3 …" -> "图1 …")."""
    return re.sub(r"\d+", str(n), caption, count=1)
