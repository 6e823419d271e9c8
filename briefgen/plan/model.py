"""The neutral document plan: what both writers render, with every audience choice already made.

Like pandoc's ``Presentation``, the plan is decided before any XML exists. Writers map these
nodes to python-docx or python-pptx calls and never look at the audience profile. All nodes are
frozen dataclasses holding tuples, so a plan cannot be changed after it is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

# --------------------------------------------------------------------------- shared pieces


@dataclass(frozen=True)
class Fonts:
    """Font faces the output names: latin for Western text, east_asian for CJK (``a:ea``)."""

    latin: str
    east_asian: str
    lang: str  # BCP 47 tag for runs: zh-CN or en-US


@dataclass(frozen=True)
class DocMeta:
    """Cover and document-property facts, already formatted for the reader."""

    brief_id: str
    audience: str
    title: str
    subtitle: str | None
    date_text: str  # "2017年5月14日至15日" / "14–15 May 2017"
    dateline: str  # "北京，2017年5月15日" / "BEIJING, 15 May 2017"
    place: str
    organiser: str
    marking: str  # audience marking on the cover ("供内部参阅")
    keywords: tuple[str, ...]
    language: str  # zh or en
    timestamp: dt.datetime  # fixed metadata time (from the brief, or SOURCE_DATE_EPOCH)

    @property
    def keywords_text(self) -> str:
        """Keywords for the core properties, whole keywords only, within OOXML's 255 characters."""
        text = ""
        for word in self.keywords:
            candidate = f"{text}, {word}" if text else word
            if len(candidate) > 255:
                break
            text = candidate
        return text


@dataclass(frozen=True)
class FigureView:
    """A figure formatted for display: "130多个国家", "6.3万亿元人民币", "+0.6%"."""

    id: str
    label: str
    display: str  # full value with qualifier, scale and unit
    number: str  # big-number text without the unit words ("130+", "6.3万亿")
    unit: str  # what the number counts, for the small line under a big number
    change: str | None  # "+0.6%"
    period: str | None
    source: str  # source name


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A chart to draw, shared by both writers; rendered once per build."""

    id: str
    kind: Literal["bar", "line", "pie", "timeline"]
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    unit: str  # axis/value unit text ("万亿元")
    value_labels: tuple[tuple[str, ...], ...]  # formatted value per series/point
    source: str  # "来源：新华社" line under the chart
    caption: str  # numbered caption ("图1 2016年进出口")
    caption_number: tuple[int, int] | None  # where its number is, for Word's SEQ field
    alt_text: str  # description for screen readers
    language: str
    # finished presentation, decided by plan.present (writers show these as they are)
    unit_line: str  # over a document chart and on the picture ("单位：万亿元"); "" for none
    slide_unit: str  # above a slide's chart ("（万亿元）"); "" when the slide title names it
    number_format: str  # Excel number format of axes and cells ("#,##0.0"), on pages and slides
    label_format: str  # the same for value labels; a pie's carries its unit ('0.0"万吨"')
    grouped: bool  # whether numbers take a thousands separator (a picture's axis too)
    share_labels: tuple[str, ...]  # after each slice's value on a pie picture ("（12.5%）")

    @property
    def key(self) -> str:
        """Stable content key, used to cache the rendered picture."""
        return repr((self.kind, self.title, self.categories, self.series, self.unit,
                     self.value_labels, self.language, self.unit_line, self.grouped,
                     self.share_labels))


@dataclass(frozen=True)
class QuoteView:
    text: str
    speaker: str
    source: str
    attribution: str  # the document's line under the quote: "——王毅，新华社"
    byline: str  # the slide's line under the quote: "——王毅" (the source has a line of its own)


@dataclass(frozen=True)
class TimelineItem:
    date: str  # formatted date
    year: str
    label: str
    detail: str | None
    below_year: str  # what a slide shows under the year: "4月12日", "2016年底" or ""
    document_label: str = ""  # what a document's timeline chapter prints ("": the label)


@dataclass(frozen=True)
class SourceView:
    number: int
    text: str  # "新华社，2017年5月15日"


# --------------------------------------------------------------------------- DOCX blocks


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: Literal["body", "lead", "bottom_line", "dateline", "note", "end_mark"] = "body"


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class FigureTable:
    """Key-figures table; the header labels come from the plan's labels."""

    caption: str
    caption_number: tuple[int, int] | None  # where its number is, for Word's SEQ field
    columns: tuple[str, ...]  # FigureView fields shown, in order: label, display, change, source
    header: tuple[str, ...]  # one per column
    rows: tuple[FigureView, ...]


@dataclass(frozen=True)
class ChartBlock:
    chart: ChartSpec


@dataclass(frozen=True)
class QuoteBlock:
    quote: QuoteView


@dataclass(frozen=True)
class TimelineBlock:
    items: tuple[TimelineItem, ...]


@dataclass(frozen=True)
class SourcesBlock:
    sources: tuple[SourceView, ...]


@dataclass(frozen=True)
class TocBlock:
    title: str


Block = (
    Heading | Paragraph | BulletList | FigureTable | ChartBlock | QuoteBlock | TimelineBlock
    | SourcesBlock | TocBlock
)


# --------------------------------------------------------------------------- slides


@dataclass(frozen=True)
class Kpi:
    number: str
    caption: str


@dataclass(frozen=True)
class Slide:
    """One slide. ``kind`` picks the layout; only the fields that kind uses are filled."""

    kind: Literal[
        "title", "agenda", "section", "bullets", "kpi", "chart", "quote", "timeline", "sources"
    ]
    title: str
    subtitle: str | None = None
    bullets: tuple[str, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    chart: ChartSpec | None = None
    quote: QuoteView | None = None
    timeline: tuple[TimelineItem, ...] = ()
    notes: tuple[str, ...] = ()
    continued_label: str = ""  # appended to the title of continuation slides: "（续）"; the
    # plan gives it to every slide, since a writer may continue any slide whose content does
    # not fit


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Choice:
    """Why an item is in the plan: ``rule tag:news``, ``only trade``, ``ranked 0.83``,
    ``cited by forum-news``. Tools that explain a plan (preview, validate) read these."""

    kind: Literal["section", "figure", "chart", "quote", "kpi"]
    id: str
    reason: str


@dataclass(frozen=True)
class DocPlan:
    """Everything both writers need for one audience of one brief."""

    meta: DocMeta
    fonts: Fonts
    labels: Mapping[str, str] = field(hash=False)  # resolved label text (read-only mapping)
    page_of: str = ""  # footer text, {PAGE} and {NUMPAGES} standing for the numbers
    docx_form: Literal["briefing", "memo", "press_release"] = "briefing"
    toc: bool = False
    blocks: tuple[Block, ...] = ()
    slides: tuple[Slide, ...] = ()
    charts: tuple[ChartSpec, ...] = ()  # every chart the plan shows, drawn once per build
    timeline: tuple[TimelineItem, ...] = ()  # the brief's milestones, in date order
    native_charts: bool = True  # DOCX: bar, line and pie as Word charts (False: pictures)
    # what this audience's document shows, and why (a memo's page budget may leave sections
    # and charts to the deck, which was planned before it and shows them)
    choices: tuple[Choice, ...] = ()
