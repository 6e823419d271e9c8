"""Chart specs from the brief: figures or inline series become neutral, formatted ChartSpecs."""

from __future__ import annotations

from collections.abc import Mapping

from briefgen.load.schema import Brief, Chart, ChartKind, Figure, Source
from briefgen.plan import formatting as fmt
from briefgen.plan.labels import fill
from briefgen.plan.model import ChartSeries, ChartSpec
from briefgen.plan.present import caption_number, make_chart_spec


def _unit(chart: Chart, figures: list[Figure], labels: Mapping[str, str]) -> str:
    """Axis unit: the chart's own, else the figures' scale and unit ("万亿元人民币")."""
    if chart.unit is not None:
        return chart.unit
    if not figures:
        return ""
    first = figures[0]
    scale = first.scale.value if first.scale else ""
    sep = labels["unit_separator"] if scale and first.unit else ""
    return f"{scale}{sep}{first.unit}".strip()


def chart_spec(chart: Chart, number: int, figures: Mapping[str, Figure],
               sources: Mapping[str, Source], labels: Mapping[str, str], brief: Brief,
               lang: str) -> ChartSpec:
    """The ChartSpec of ``chart``, numbered ``number`` in its document."""
    used = [figures[f] for f in chart.figures]
    unit = _unit(chart, used, labels)
    if used:
        categories = tuple(f.label for f in used)
        series = (ChartSeries(chart.title, tuple(f.value for f in used)),)
    else:
        categories = tuple(chart.categories)
        series = tuple(ChartSeries(s.name, tuple(s.values)) for s in chart.series)
    if chart.kind == ChartKind.timeline:
        events = brief.timeline  # in the author's order
        categories = tuple(f"{fmt.format_partial_date(e.date, labels)} {e.label}" for e in events)
        series = ()
    value_labels = tuple(tuple(fmt.format_number(v, labels) for v in s.values) for s in series)
    source_id = chart.source or (used[0].source if used else None)
    source = labels["source_prefix"] + fmt.format_source(sources[source_id], labels) \
        if source_id in sources else ""
    points = "; ".join(
        f"{cat} {val}{labels['unit_separator'] if unit else ''}{unit}"
        for s in value_labels for cat, val in zip(categories, s)
    ) or "; ".join(categories)
    return make_chart_spec(
        id=chart.id, kind=chart.kind.value, title=chart.title, categories=categories,
        series=series, unit=unit, value_labels=value_labels, source=source,
        caption=(caption := fill(labels, "figure_caption", n=number) + " " + chart.title),
        caption_number=caption_number(caption, labels, "figure_caption"),
        alt_text=f"{chart.title}{'：' if lang == 'zh' else ': '}{points}",
        language=lang,
    )
