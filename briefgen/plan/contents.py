"""What one audience's plan shows, before any layout: the chosen sections with their summaries,
the figures, charts and quotes picked, the bottom line, and the lookups every part of the plan
shares (figure views, labels, cited sources).

:class:`Contents` is the base of the planner (:mod:`briefgen.plan.audience`); the DOCX blocks
(:mod:`briefgen.plan.document`) and the slides (:mod:`briefgen.plan.deck`) are built from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from briefgen.load.brief import LoadedBrief
from briefgen.load.profile import Profile
from briefgen.load.schema import ChartKind, Figure, Quote, Section, Source
from briefgen.plan import formatting as fmt
from briefgen.plan import present
from briefgen.plan.charts import chart_spec
from briefgen.plan.labels import fill, resolve_labels
from briefgen.plan.lead import (
    facts_sentence,
    needs_facts,
    news_lead,
    topic_first,
    without_repeats,
)
from briefgen.plan.model import (
    ChartSpec,
    Choice,
    FigureView,
    QuoteView,
    SourceView,
    TimelineItem,
)
from briefgen.plan.rank import (
    ranked_charts,
    ranked_figures,
    ranked_quotes,
    ranked_sections,
    section_scores,
)
from briefgen.plan.select import Pick, choose
from briefgen.plan.summarize import FigureTerms, Priors, gist, short_title, summarize
from briefgen.text.measure import measure

LEAD_SHARE = 4  # a press lead is at most 1/LEAD_SHARE of the chosen sections' text
MAX_SPREAD = 2.0  # a summary at most twice the profile's length when few sections are chosen


@dataclass(frozen=True)
class SectionText:
    """A selected section with its summary already fitted to the profile's budget."""

    section: Section
    summary: tuple[str, ...]
    title: str  # short slide title
    source: tuple[str, ...]  # the paragraphs summarised (a lead section's: what the lead left)


class Contents:
    """Holds the lookups one plan needs and what it shows; the subclasses lay it out."""

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

    def _summarise(self, section: Section, paragraphs: Sequence[str] | None = None
                   ) -> SectionText:
        """The section's summary, of ``paragraphs`` when given (its own text, less what the
        summary up front says, when it is a press release's lead section)."""
        if paragraphs is None:
            paragraphs = section.paragraphs
            if self.lead_section is not None and section.id == self.lead_section.id:
                paragraphs = without_repeats(paragraphs, self.bottom_line, self.lang)
        summary = gist(paragraphs, self.lang, self._budget(section), self.priors, self.wanted)
        title_len = self.profile.slides.title_length.for_lang(self.lang)
        return SectionText(section, summary, short_title(section.title, self.lang, title_len),
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

    # ------------------------------------------------------- charts, quotes, sources

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

    def dateline(self) -> str:
        meta = self.brief.meta
        place = meta.place.upper() if self.lang == "en" else meta.place
        return fill(self.labels, "dateline", place=place,
                    date=fmt.format_date_text(meta.published, self.labels))
