"""Apply an audience profile to a brief: the one place where audience decisions are made.

``plan_for`` selects and orders sections, summarises them to the profile's budgets, picks
figures and charts (:mod:`.contents`), and lays out both the DOCX block sequence
(:mod:`.document`) and the slide sequence (:mod:`.deck`). The result is an immutable DocPlan;
the writers only render it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from briefgen import settings
from briefgen.fonts import CJK_FAMILY, LATIN_FAMILY_EN, LATIN_FAMILY_ZH
from briefgen.load.brief import LoadedBrief
from briefgen.load.profile import Profile
from briefgen.load.schema import Brief
from briefgen.plan import formatting as fmt
from briefgen.plan.deck import DeckPlanner
from briefgen.plan.document import DocumentPlanner
from briefgen.plan.model import ChartBlock, DocMeta, DocPlan, Fonts


def build_timestamp(brief: Brief) -> dt.datetime:
    """Metadata time: SOURCE_DATE_EPOCH when set (reproducible builds), else the brief's date."""
    epoch = settings.current().source_date_epoch
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(microsecond=0)
    day = brief.meta.published
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


class _Planner(DocumentPlanner, DeckPlanner):
    """One plan: the document's blocks and the deck's slides from the same contents."""

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


def plan_for(loaded: LoadedBrief, profile: Profile) -> DocPlan:
    """The document plan of ``loaded`` for the audience ``profile``."""
    return _Planner(loaded, profile).plan()
