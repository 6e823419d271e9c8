"""The slide sequence of a plan: title, agenda, bottom line, key figures, section slides, charts,
quotes, timeline and sources in the order the profile's deck asks, bullets fitted to its lengths
and capped at its slide count."""

from __future__ import annotations

import math
from collections.abc import Sequence

from briefgen.load.schema import ChartKind
from briefgen.plan import formatting as fmt
from briefgen.plan import present
from briefgen.plan.contents import Contents, SectionText
from briefgen.plan.dedupe import dedupe_bullets, section_refill
from briefgen.plan.labels import fill
from briefgen.plan.model import Kpi, Slide
from briefgen.plan.summarize import bullets, compressions
from briefgen.text.compress import is_aside
from briefgen.text.measure import measure
from briefgen.text.segment import sentences as split_sentences

LONG_BULLET = 2.5  # a topic sentence no bullet form fits may take this many bullet lengths


class DeckPlanner(Contents):
    """Builds the slides of a plan from its :class:`Contents`."""

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

    def _section_notes(self, text: SectionText) -> tuple[str, ...]:
        if self.profile.slides.notes == "talking_points":
            return text.summary
        cited = [fmt.format_source(self.sources[s], self.labels) for s in text.section.sources
                 if s in self.sources]
        tail = (self.labels["speaker_notes_sources"] + "; ".join(cited),) if cited else ()
        return tuple(text.section.paragraphs) + tail

    def _section_slides(self, text: SectionText) -> list[Slide]:
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


def _bare(text: str) -> str:
    """A bullet line: no end mark or trailing separator."""
    return text.strip().rstrip("。.！!？?；;，,：:、 ")
