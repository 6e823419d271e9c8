"""Apply an audience profile to a brief: the one place where audience decisions are made.

``plan_for`` selects and orders sections, summarises them to the profile's budgets, picks
figures and charts, and lays out both the DOCX block sequence and the slide sequence. The
result is an immutable DocPlan; the writers only render it.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from briefgen.fonts import CJK_FAMILY, LATIN_FAMILY_EN, LATIN_FAMILY_ZH
from briefgen.load.brief import LoadedBrief
from briefgen.load.profile import Profile
from briefgen.load.schema import Brief, ChartKind, Figure, Quote, Section, Source
from briefgen.plan import formatting as fmt
from briefgen.plan import present
from briefgen.plan.charts import chart_spec
from briefgen.plan.dedupe import dedupe_bullets, section_refill
from briefgen.plan.labels import fill, resolve_labels
from briefgen.plan.lead import (
    facts_sentence,
    needs_facts,
    news_lead,
    topic_first,
    without_repeats,
)
from briefgen.plan.model import (
    Block,
    BulletList,
    ChartBlock,
    ChartSpec,
    Choice,
    DocMeta,
    DocPlan,
    FigureTable,
    FigureView,
    Fonts,
    Heading,
    Kpi,
    Paragraph,
    QuoteBlock,
    QuoteView,
    Slide,
    SourcesBlock,
    SourceView,
    TimelineBlock,
    TimelineItem,
    TocBlock,
)
from briefgen.plan.pages import pages
from briefgen.plan.rank import (
    ranked_charts,
    ranked_figures,
    ranked_quotes,
    ranked_sections,
    section_scores,
)
from briefgen.plan.select import Pick, choose
from briefgen.plan.summarize import (
    FigureTerms,
    Priors,
    bullets,
    compressions,
    gist,
    short_title,
    summarize,
)
from briefgen.text.compress import is_aside
from briefgen.text.measure import measure
from briefgen.text.segment import sentences as split_sentences

#: A page budget is met when the estimate is within this share of it: the estimate cannot see
#: where a chart or table is pushed to the next page (checked against LibreOffice in tests).
PAGE_FILL = 1.0
MIN_TABLE_ROWS = 4
MIN_SECTIONS = 2
LEAD_SHARE = 4  # a press lead is at most 1/LEAD_SHARE of the chosen sections' text
MAX_SPREAD = 2.0  # a summary at most twice the profile's length when few sections are chosen
LONG_BULLET = 2.5  # a topic sentence no bullet form fits may take this many bullet lengths


def build_timestamp(brief: Brief) -> dt.datetime:
    """Metadata time: SOURCE_DATE_EPOCH when set (reproducible builds), else the brief's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(microsecond=0)
    day = brief.meta.published
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@dataclass(frozen=True)
class _SectionText:
    """A selected section with its summary already fitted to the profile's budget."""

    section: Section
    summary: tuple[str, ...]
    title: str  # short slide title
    source: tuple[str, ...]  # the paragraphs summarised (a lead section's: what the lead left)


class _Planner:
    """Holds the lookups one plan needs; each method builds one part of the plan."""

    def __init__(self, loaded: LoadedBrief, profile: Profile) -> None:
        self.brief = loaded.brief
        self.profile = profile
        self.lang = self.brief.meta.language.value
        self.labels = resolve_labels(self.lang, profile.labels.get(self.lang, {}))  # type: ignore[call-overload]
        self.sources: dict[str, Source] = {s.id: s for s in self.brief.sources}
        self.figures: dict[str, Figure] = {f.id: f for f in self.brief.figures}
        self.quotes: dict[str, Quote] = {q.id: q for q in self.brief.quotes}
        self.views: dict[str, FigureView] = {
            f.id: fmt.figure_view(f, self.sources, self.labels) for f in self.brief.figures
        }
        owner = f"profile {profile.id}"
        self.priors = Priors(**profile.priors.model_dump())
        self._choose_sections(owner)
        self.figure_picks = choose(self.brief.figures, profile.figures,
                                   ranked_figures(self.brief.figures, self.importance),
                                   "figure", owner)
        self.shown_figures = [p.item for p in self.figure_picks]
        self.chart_picks = choose(self.brief.charts, profile.charts,
                                  ranked_charts(self.brief.charts, self.importance,
                                                self.shown_figures), "chart", owner)
        self.shown_charts = [p.item for p in self.chart_picks]
        self.wanted = FigureTerms.of([fmt.format_number(f.value, self.labels)
                                      for f in self.shown_figures])
        self.texts = [self._summarise(s) for s in self.sections]
        self.specs = self._chart_specs()

    # ------------------------------------------------------------------ selection

    def _choose_sections(self, owner: str) -> None:
        """Sections by the profile's rules, then by content rank, up to its budget.

        ``section_picks`` is the importance order (what the lead, the slide cap and the page
        budget go by); ``sections`` the reading order: the rules' order, then the ranked
        sections in the brief's order. ``importance`` also lists the sections left out, best
        first, so their figures and charts rank after those of the chosen ones.
        """
        sections = self.brief.sections
        terms = FigureTerms.of([fmt.format_number(f.value, self.labels)
                                for f in self.brief.figures])
        ranked = ranked_sections(sections, section_scores(sections, self.lang, self.priors, terms))
        self.section_picks = choose(sections, self.profile.sections, ranked, "section", owner)
        chosen = {p.item.id for p in self.section_picks}
        self.importance = [p.item for p in self.section_picks] + [
            p.item for p in ranked if p.item.id not in chosen]
        index = {s.id: i for i, s in enumerate(sections)}
        ruled = [p.item for p in self.section_picks if not p.reason.startswith("ranked")]
        rest = sorted((p.item for p in self.section_picks if p.reason.startswith("ranked")),
                      key=lambda s: index[s.id])
        self.sections = ruled + rest

    def shown_quote_picks(self) -> list[Pick[Quote]]:
        """Quotes of the chosen sections in reading order; when they give fewer than two, the
        brief's other quotes (those of the best-ranked sections first) make up two."""
        picks = ranked_quotes(self.brief.quotes, [*self.sections, *self.importance])
        own = {q for s in self.sections for q in s.quotes}
        return [p for k, p in enumerate(picks) if p.item.id in own or k < 2]

    def choices(self) -> tuple[Choice, ...]:
        """Why each shown item is in the plan (see :class:`briefgen.plan.model.Choice`)."""
        why = {p.item.id: p.reason for p in self.section_picks}
        out = [Choice("section", s.id, why[s.id]) for s in self.sections]
        out += [Choice("figure", p.item.id, p.reason) for p in self.figure_picks]
        out += [Choice("chart", p.item.id, p.reason) for p in self.chart_picks
                if p.item.id in self.specs]
        out += [Choice("kpi", p.item.id, p.reason) for p in self.kpi_picks()]
        if self.profile.document.quotes or "quotes" in self.profile.slides.sequence:
            out += [Choice("quote", p.item.id, p.reason) for p in self.shown_quote_picks()]
        return tuple(out)

    def kpi_picks(self) -> list[Pick[Figure]]:
        spec = self.profile.slides.kpi
        if "kpi" not in self.profile.slides.sequence:
            return []
        picks = choose(self.brief.figures, spec, ranked_figures(self.brief.figures,
                                                                self.importance),
                       "figure", f"profile {self.profile.id}")
        return picks[:spec.max or 6]

    # ------------------------------------------------------------------ text

    def _budget(self, section: Section) -> int:
        budgets = self.profile.section_budgets
        for key in (section.id, *(f"tag:{t}" for t in section.tags)):
            if key in budgets:
                return budgets[key].for_lang(self.lang)
        return round(self.profile.summary.for_lang(self.lang) * self._spread)

    @cached_property
    def _spread(self) -> float:
        """How much longer each summary may be when fewer sections are chosen than the profile
        has room for (``sections.max``): a short brief's memo still says enough, at most
        twice the profile's summary length."""
        room = self.profile.sections.max
        if room is None or not self.sections:
            return 1.0
        return min(MAX_SPREAD, max(1.0, room / len(self.sections)))

    def _summarise(self, section: Section) -> _SectionText:
        paragraphs: Sequence[str] = section.paragraphs
        if self.lead_section is not None and section.id == self.lead_section.id:
            paragraphs = without_repeats(paragraphs, self.bottom_line, self.lang)
        summary = gist(paragraphs, self.lang, self._budget(section), self.priors, self.wanted)
        title_len = self.profile.slides.title_length.for_lang(self.lang)
        return _SectionText(section, summary, short_title(section.title, self.lang, title_len),
                            tuple(paragraphs))

    @cached_property
    def lead_section(self) -> Section | None:
        """The most newsworthy chosen section, which a press release's lead is drawn from."""
        if self.profile.document.form != "press_release" or not self.section_picks:
            return None
        return self.section_picks[0].item

    @cached_property
    def lead_source(self) -> list[str]:
        """The paragraphs the bottom line or lead is drawn from."""
        if self.lead_section is not None:
            return list(self.lead_section.paragraphs)
        chosen = self.sections or self.brief.sections  # an `only` that matched nothing
        top = self.section_picks[0].item if self.section_picks else chosen[0]
        return [p for s in (top, *(s for s in chosen if s.id != top.id)) for p in s.paragraphs]

    @cached_property
    def bottom_line(self) -> tuple[str, ...]:
        """The summary up front (computed once per plan).

        Both open with the topic sentence of the most important section (who did what, where,
        when). A press lead goes on with that section's numbers (the dateline above it gives
        place and date); a bottom line or abstract with the best of every chosen section, and
        when it names neither the place nor the time, it opens with them (``event_facts``).
        """
        budget = self.profile.bottom_line.for_lang(self.lang)
        paragraphs = self.lead_source
        if self.lead_section is not None:
            # a lead takes at most a quarter of a short release: the body tells the news
            told = sum(measure(p, self.lang) for s in self.sections for p in s.paragraphs)
            budget = min(budget, max(told // LEAD_SHARE, 1))
            return news_lead(paragraphs, self.lang, budget)
        out = topic_first(paragraphs, self.lang, budget, self.priors, self.wanted)
        if needs_facts(out, self.brief.meta, self.labels):
            facts = facts_sentence(self.brief.meta, self.labels)
            room = budget - measure(facts, self.lang)
            out = (facts, *(summarize(paragraphs, self.lang, room, self.priors, self.wanted)
                            if room > 0 else ()))
        return out

    def joined(self, sentences: Sequence[str]) -> str:
        return ("" if self.lang == "zh" else " ").join(sentences)

    # ------------------------------------------------------------------ charts

    def _chart_specs(self) -> dict[str, ChartSpec]:
        specs = {}
        drawable = [c for c in self.shown_charts if c.kind != ChartKind.kpi]  # KPIs are slides
        for n, chart in enumerate(drawable, start=1):
            specs[chart.id] = chart_spec(chart, n, self.figures, self.sources, self.labels,
                                         self.brief, self.lang)
        return specs

    def timeline_items(self) -> tuple[TimelineItem, ...]:
        events = self.brief.timeline  # the author's order: '2016' may mean late 2016
        return tuple(
            present.timeline_item(fmt.format_partial_date(e.date, self.labels), e.date[:4], e.label,
                          e.detail)
            for e in events
        )

    def quote_view(self, quote_id: str) -> QuoteView:
        quote = self.quotes[quote_id]
        source = fmt.format_source(self.sources[quote.source], self.labels)
        return present.quote_view(quote.text, quote.speaker, source, self.labels)

    def shown_quotes(self) -> list[str]:
        return [p.item.id for p in self.shown_quote_picks()]

    def cited_sources(self) -> tuple[SourceView, ...]:
        """Sources in citation order: sections, then figures and charts shown; the brief's
        sources when the plan cites none (a Sources heading is never empty)."""
        ids: list[str] = []
        for t in self.texts:
            ids += t.section.sources
        ids += [f.source for f in self.shown_figures]
        ids += [c.source for c in self.shown_charts if c.source and c.id in self.specs]
        ids += [s.id for s in self.brief.sources] if self.profile.figures.max is None else []
        ordered = [i for i in dict.fromkeys(ids) if i in self.sources] or list(self.sources)
        return tuple(SourceView(n, fmt.format_source(self.sources[i], self.labels))
                     for n, i in enumerate(ordered, start=1))

    # ------------------------------------------------------------------ DOCX

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
        if doc.timeline and self.brief.timeline:
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
        lab = self.labels
        caption = fill(lab, "table_caption", n=1) + " " + lab["key_figures"]
        return FigureTable(
            caption=caption, caption_number=present.caption_number(caption, lab, "table_caption"),
            header=(lab["figure_item"], lab["figure_value"], lab["figure_change"],
                    lab["figure_source"]),
            rows=tuple(self.views[f.id] for f in self.shown_figures),
        )

    def dateline(self) -> str:
        meta = self.brief.meta
        place = meta.place.upper() if self.lang == "en" else meta.place
        return fill(self.labels, "dateline", place=place,
                    date=fmt.format_date_text(meta.published, self.labels))

    # ------------------------------------------------------------------ slides

    def slides(self) -> tuple[Slide, ...]:
        sequence = self.profile.slides.sequence
        parts = {k: getattr(self, f"_slides_{k}")() for k in sequence if k != "sections"}
        groups = [self._section_slides(t) for t in self.texts]
        cap = self.profile.slides.max_slides
        if cap is not None:
            # Keep the most important sections that fit the cap, in reading order.
            room = cap - sum(len(v) for v in parts.values())
            rank = {p.item.id: k for k, p in enumerate(self.section_picks)}
            keep: set[int] = set()
            for k in sorted(range(len(groups)), key=lambda k: rank[self.texts[k].section.id]):
                if len(groups[k]) > room:
                    break
                keep.add(k)
                room -= len(groups[k])
            groups = [g for k, g in enumerate(groups) if k in keep]
        parts["sections"] = [s for g in groups for s in g]
        deck = [s for kind in sequence for s in parts[kind]]
        more = 3 * self.profile.slides.bullets_per_slide  # lines a section can fall back on
        refill = section_refill([(t.title, t.section.paragraphs) for t in self.texts], self.lang,
                                lambda lines: self._bullet_lines(lines, more))
        return dedupe_bullets(deck, self.lang, refill)  # no bullet twice in one deck

    def _chunks(self, title: str, lines: Sequence[str], notes: tuple[str, ...]) -> list[Slide]:
        """Bullet slides of at most ``bullets_per_slide`` lines, split evenly (3 + 3, not 5 + 1)."""
        if not lines:
            return []
        per = self.profile.slides.bullets_per_slide
        size = math.ceil(len(lines) / math.ceil(len(lines) / per))
        groups = [tuple(lines[i:i + size]) for i in range(0, len(lines), size)]
        return [
            Slide("bullets", title + (self.labels["continued"] if i else ""), bullets=g,
                  notes=notes, continued_label=self.labels["continued"])
            for i, g in enumerate(groups)
        ]

    def _fullest_lines(self, sources: Sequence[Sequence[str]], limit: int) -> tuple[str, ...]:
        """Bullet lines from the first source that gives at least two (one bullet on a slide
        reads as a gap), else from the source that gives the most, the earlier on a tie."""
        best: tuple[str, ...] = ()
        for source in sources:
            lines = self._bullet_lines(source, limit)
            if len(lines) >= 2:
                return lines
            if len(lines) > len(best):
                best = lines
        return best

    def _bullet_lines(self, sentences: Sequence[str], limit: int) -> tuple[str, ...]:
        return bullets(sentences, self.lang, self.profile.slides.bullet_length.for_lang(self.lang),
                       limit)

    def _slides_title(self) -> list[Slide]:
        meta = self.brief.meta
        sub = [meta.subtitle] if meta.subtitle else []
        sub.append(f"{fmt.format_range(meta.dates.start, meta.dates.end, self.labels)} · "
                   f"{meta.place}")
        return [Slide("title", meta.title, subtitle="\n".join(sub))]

    def _slides_agenda(self) -> list[Slide]:
        titles = tuple(t.title for t in self.texts)
        return [Slide("agenda", self.labels["agenda"], bullets=titles, notes=titles)] if titles \
            else []

    def _slides_bottom_line(self) -> list[Slide]:
        lead = self.bottom_line
        per = self.profile.slides.bullets_per_slide
        lines = self._fullest_lines(
            [lead, [t.section.key_points[0] for t in self.texts if t.section.key_points]],
            per)
        lines = self._or_long_lines(lines, lead, per)
        return self._chunks(self.labels["bottom_line"], lines or self._clipped(lead), lead)

    def _slides_kpi(self) -> list[Slide]:
        figs = [p.item for p in self.kpi_picks()]
        if not figs:
            return []
        views = [self.views[f.id] for f in figs]
        notes = tuple(fill(self.labels, "figure_note", label=v.label, value=v.display,
                                                        source=v.source) for v in views)
        return [Slide("kpi", self.labels["key_figures"],
                      kpis=tuple(Kpi(v.number, fmt.kpi_caption(f, v, self.labels))
                                 for f, v in zip(figs, views)), notes=notes)]

    def _section_notes(self, text: _SectionText) -> tuple[str, ...]:
        if self.profile.slides.notes == "talking_points":
            return text.summary
        cited = [fmt.format_source(self.sources[s], self.labels) for s in text.section.sources
                 if s in self.sources]
        tail = (self.labels["speaker_notes_sources"] + "; ".join(cited),) if cited else ()
        return tuple(text.section.paragraphs) + tail

    def _section_slides(self, text: _SectionText) -> list[Slide]:
        """Divider (if the profile wants one) and bullet slides of one section."""
        per = self.profile.slides.bullets_per_slide
        notes = self._section_notes(text)
        out = []
        if self.profile.slides.section_dividers:
            out.append(Slide("section", text.title, notes=notes))
        # Summary first; when it makes fewer than two bullets, the hand-written key points, then
        # every sentence of the section (a press release's lead section has given its summary
        # to the lead); a slide never carries its title alone.
        every = [s for p in text.section.paragraphs for s in split_sentences(p, self.lang)]
        lines = self._fullest_lines([text.summary, text.section.key_points, every], per * 2)
        lines = self._or_long_lines(lines, text.summary or every, per * 2)
        return out + self._chunks(text.title, lines or self._clipped(every), notes)

    def _or_long_lines(self, lines: tuple[str, ...], sentences: Sequence[str],
                       limit: int) -> tuple[str, ...]:
        """``lines``, or when they are fewer than two, the sentences' shortest complete forms
        up to LONG_BULLET times the bullet length if that gives more: a long English topic
        sentence no bullet form fits is kept (two or three lines on the slide) rather than
        dropped for a side remark."""
        if len(lines) >= 2:
            return lines
        most = LONG_BULLET * self.profile.slides.bullet_length.for_lang(self.lang)
        long: list[str] = []
        for sentence in sentences:
            if not sentence.strip() or is_aside(sentence):
                continue
            forms = [sentence, *compressions(sentence, self.lang)]
            shortest = _bare(min(forms, key=lambda f: measure(f, self.lang)))
            if shortest and measure(shortest, self.lang) <= most and shortest not in long:
                long.append(shortest)
        return tuple(long[:limit]) if len(long) > len(lines) else lines

    def _clipped(self, sentences: Sequence[str]) -> tuple[str, ...]:
        """Last resort for a slide whose sentences have no complete form short enough even
        for :meth:`_or_long_lines`: the first sentence cut at its last clause boundary within
        the bullet length (or at the length itself). Never an empty slide."""
        limit = self.profile.slides.bullet_length.for_lang(self.lang)
        for sentence in sentences:
            if not sentence.strip():
                continue
            zh = self.lang == "zh"
            cut = sentence.strip()[:limit] if zh else " ".join(sentence.split()[:limit])
            boundary = max(cut.rfind(m) for m in ("，", "；", ",", ";"))
            if boundary > len(cut) // 2:
                cut = cut[:boundary]
            return (_bare(cut),)
        return ()

    def _slides_charts(self) -> list[Slide]:
        return [Slide("chart", s.title, chart=s, notes=(s.alt_text, s.source))
                for s in self.specs.values() if s.kind != ChartKind.timeline.value]

    def _slides_quotes(self) -> list[Slide]:
        return [Slide("quote", self.labels["quotes"], quote=(q := self.quote_view(qid)),
                      notes=(q.text, q.speaker, q.source))
                for qid in self.shown_quotes()]

    def _slides_timeline(self) -> list[Slide]:
        return present.timeline_slides(self.timeline_items(), self.labels)

    def _slides_sources(self) -> list[Slide]:
        texts = tuple(s.text for s in self.cited_sources())  # the slide numbers its list
        return [Slide("sources", self.labels["sources"], bullets=texts, notes=texts)]

    # ------------------------------------------------------------------ whole

    def meta(self) -> DocMeta:
        meta = self.brief.meta
        return DocMeta(
            brief_id=meta.id, audience=self.profile.id, title=meta.title, subtitle=meta.subtitle,
            date_text=fmt.format_range(meta.dates.start, meta.dates.end, self.labels),
            dateline=self.dateline(), place=meta.place, organiser=meta.organiser,
            marking=self.profile.marking.get(self.lang, ""),  # type: ignore[call-overload]
            keywords=tuple(meta.keywords), language=self.lang,
            timestamp=build_timestamp(self.brief),
        )

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
        return blocks

    def _drop_least_section(self) -> None:
        rank = {p.item.id: k for k, p in enumerate(self.section_picks)}
        least = max(self.texts, key=lambda t: rank[t.section.id])
        self.texts.remove(least)
        self.sections.remove(least.section)

    def plan(self) -> DocPlan:
        zh = self.lang == "zh"
        continued = self.labels["continued"]
        slides = tuple(s if s.continued_label else replace(s, continued_label=continued)
                       for s in self.slides())
        blocks = self._fit_pages()
        charts = tuple(b.chart for b in blocks if isinstance(b, ChartBlock))
        placed = {c.id for c in charts}
        charts += tuple(s.chart for s in slides if s.chart and s.chart.id not in placed)
        return DocPlan(
            meta=self.meta(),
            fonts=Fonts(latin=LATIN_FAMILY_ZH if zh else LATIN_FAMILY_EN, east_asian=CJK_FAMILY,
                        lang="zh-CN" if zh else "en-US"),
            labels=self.labels, page_of=self.labels["page_of"],
            docx_form=self.profile.document.form,
            toc=self.profile.document.toc, blocks=blocks, slides=slides, charts=charts,
            timeline=self.timeline_items(),
            native_charts=self.profile.document.charts == "native",
            choices=self.choices(),
        )


def _bare(text: str) -> str:
    """A bullet line: no end mark or trailing separator."""
    return text.strip().rstrip("。.！!？?；;，,：:、 ")


def _renumber(caption: str, n: int) -> str:
    """Replace the leading number of a caption ("图3 …" -> "图1 …")."""
    return re.sub(r"\d+", str(n), caption, count=1)


def plan_for(loaded: LoadedBrief, profile: Profile) -> DocPlan:
    """The document plan of ``loaded`` for the audience ``profile``."""
    return _Planner(loaded, profile).plan()

