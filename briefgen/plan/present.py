"""Finished strings for the writers: chart unit lines and number formats, quote attributions,
timeline dates.

The writers show these as they are and never fill a label or format a number themselves, so
what a reader sees is decided in one place. Where the DOCX and PPTX writers have always shown a
thing differently (a slide's unit in brackets, a slide chart's thousands separator), the plan
carries one string per place, and the difference is visible here rather than in two writers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from briefgen.plan.formatting import groups_thousands
from briefgen.plan.labels import fill
from briefgen.plan.model import ChartSeries, ChartSpec, QuoteView, Slide, TimelineItem

#: Events on one timeline slide; the writer puts fewer on a slide only when they do not fit.
MAX_TIMELINE_PER_SLIDE = 6
#: Stands for the number while a caption label is filled, to learn what surrounds it.
_N = "\ue000"
#: A day or a month: what a timeline date can add to the year shown above it on a slide.
_DAY_OR_MONTH = re.compile(r"\d|月|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
                           re.IGNORECASE)


def number_format(value_labels: Sequence[Sequence[str]], grouped: bool) -> str:
    """An Excel number format with as many decimals as the plan's value labels show, and a
    thousands separator when ``grouped``."""
    labels = [label for row in value_labels for label in row]
    decimals = max((len(m.group(1)) for label in labels
                    if (m := re.search(r"\d\.(\d+)", label))), default=0)
    return ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")


def caption_number(caption: str, labels: Mapping[str, str], key: str) -> tuple[int, int] | None:
    """Where the number of a numbered caption is ("表1 主要数据" -> (1, 2)), for Word's SEQ field.

    The label ``key`` is filled with a marker for ``n`` to learn what surrounds the number, so
    any label wording (and its Jinja syntax) works; None when the caption does not start as
    the label says (it is then plain text).
    """
    before, found, after = fill(labels, key, n=_N).partition(_N)
    match = re.match(re.escape(before) + r"(\d+)" + re.escape(after), caption) if found else None
    return match.span(1) if match else None


def unit_line(kind: str, unit: str, language: str) -> str:
    """The unit over a document chart and a chart picture: "单位：万亿元人民币" in Chinese, the
    unit itself in English; none for a pie, whose value labels carry the unit."""
    if not unit or kind == "pie":
        return ""
    return f"单位：{unit}" if language == "zh" else unit


def slide_unit(kind: str, unit: str, language: str, title: str) -> str:
    """The horizontal unit label above a slide's chart ("（个/条）"); none for a pie, a chart
    without a unit, or a chart whose slide title (the chart's title) already names the unit."""
    unit = unit.strip()
    if not unit or kind == "pie" or unit in " ".join(title.split()):
        return ""
    return f"（{unit}）" if language == "zh" else f"({unit})"


def value_suffix(unit: str, language: str) -> str:
    """What follows a pie's value in its label: "万吨" in Chinese, " tonnes" in English."""
    if not unit:
        return ""
    return unit if language == "zh" else " " + unit


def label_format(kind: str, unit: str, language: str, number_format: str) -> str:
    """The Excel number format of a native chart's value labels: a pie's carries its unit
    (``0.0"万吨"``), since a pie has no axis to name it; other charts' are ``number_format``."""
    suffix = value_suffix(unit, language) if kind == "pie" else ""
    return f'{number_format}"{suffix}"' if suffix else number_format


def share_labels(kind: str, series: Sequence[ChartSeries], language: str) -> tuple[str, ...]:
    """What follows each slice's value on a pie picture: its share, "（12.5%）" / " (12.5%)";
    none for other charts (or a pie of zeros, which has no shares)."""
    values = series[0].values if kind == "pie" and series else ()
    total = sum(values)
    if not total:
        return ()
    open_, close = ("（", "）") if language == "zh" else (" (", ")")
    return tuple(f"{open_}{100 * v / total:.1f}%{close}" for v in values)


def make_chart_spec(*, id: str, kind: str, title: str, categories: tuple[str, ...],
                    series: tuple[ChartSeries, ...], unit: str,
                    value_labels: tuple[tuple[str, ...], ...], source: str, caption: str,
                    alt_text: str, language: str,
                    caption_number: tuple[int, int] | None = None) -> ChartSpec:
    """A ChartSpec with its unit texts and number formats decided from its content
    (``caption_number``: see :func:`caption_number`; None leaves the caption plain text).

    Word charts, slide charts and chart pictures write every number in one format, grouped
    as the language writes the chart's largest value (:func:`groups_thousands`): an Excel
    format cannot group some values of a chart and not others.
    """
    largest = max((abs(v) for s in series for v in s.values), default=0.0)
    grouped = groups_thousands(largest, language)
    numbers = number_format(value_labels, grouped)
    return ChartSpec(
        id=id, kind=kind, title=title, categories=categories,  # type: ignore[arg-type]
        series=series, unit=unit, value_labels=value_labels, source=source, caption=caption,
        caption_number=caption_number, alt_text=alt_text, language=language,
        unit_line=unit_line(kind, unit, language),
        slide_unit=slide_unit(kind, unit, language, title),
        number_format=numbers,
        label_format=label_format(kind, unit, language, numbers),
        grouped=grouped,
        share_labels=share_labels(kind, series, language),
    )


def quote_view(text: str, speaker: str, source: str, labels: Mapping[str, str]) -> QuoteView:
    """A quote with its document attribution ("——speaker，source", from the quote_attribution
    and source_separator labels) and its slide byline (the same label with the speaker alone;
    the source goes on its own line there)."""
    byline = fill(labels, "quote_attribution", speaker=speaker)
    who = byline if speaker else ""
    if source:
        who = who + labels["source_separator"] + source if who else source
    return QuoteView(text, speaker, source, attribution=who, byline=byline)


def date_below_year(date: str, year: str) -> str:
    """What a slide writes under the year of a timeline event: the day or month when the date
    says more than the year ("4月12日", "12 Apr", "Sept"), the whole date when the year is part
    of a phrase ("2016年底", "early 2017"), and nothing when the date is the year alone."""
    rest = date.replace(year, "").strip(" ,年")
    if rest and not _DAY_OR_MONTH.search(rest):
        return date
    return rest


def timeline_item(date: str, year: str, label: str, detail: str | None) -> TimelineItem:
    """A timeline event with its date already cut for a slide (:func:`date_below_year`).

    A detail that only says the label in full (a drafted label is its sentence cut short: "…
    but transit cargo…" over the whole sentence) is not printed under it: a slide shows the
    label, a document's chapter the whole sentence, once."""
    if detail and restates(label, detail):
        return TimelineItem(date=date, year=year, label=label, detail=None,
                            below_year=date_below_year(date, year), document_label=detail)
    return TimelineItem(date=date, year=year, label=label, detail=detail,
                        below_year=date_below_year(date, year))


#: The end of a sentence.
_END = ".。！？!?"


def restates(label: str, detail: str) -> bool:
    """Whether ``detail`` is ``label`` in full: the same text but for its final stop, or the
    label cut short ("…") from it. A label the detail goes on from, uncut ("Summit" over
    "Summit opens with 30 leaders"), is not: the detail adds to it."""
    flat = "".join(label.split())
    cut = flat.endswith(("…", "⋯", "..."))
    core = flat.rstrip("…⋯.").rstrip(_END)
    whole = "".join(detail.split()).rstrip(_END)
    return bool(core) and (whole == core or (cut and whole.startswith(core)))


def timeline_slides(items: Sequence[TimelineItem], labels: Mapping[str, str]) -> list[Slide]:
    """Timeline slides of at most MAX_TIMELINE_PER_SLIDE events each, the later ones titled
    as continued; each slide's notes list its events."""
    per, title, continued = MAX_TIMELINE_PER_SLIDE, labels["timeline"], labels["continued"]
    return [Slide("timeline", title + (continued if i else ""), timeline=tuple(items[i:i + per]),
                  notes=tuple(f"{e.date} {e.label}" for e in items[i:i + per]),
                  continued_label=continued)
            for i in range(0, len(items), per)]
