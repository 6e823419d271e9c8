"""Numbers, dates and figures formatted for readers, with babel and the language's label file.

"130多个国家" and "more than 130 countries" come from the same figure; the patterns live in
``templates/labels/<lang>.yaml`` and the digits and dates come from babel's locale data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, match_skeleton
from babel.numbers import format_decimal

from briefgen.load.schema import Figure, Source
from briefgen.plan.labels import fill
from briefgen.plan.model import FigureView

_NUMBER_PATTERN = "#,##0.##########"


@cache
def _parsed_locale(name: str) -> Locale:
    return Locale.parse(name)


def _locale(labels: Mapping[str, str]) -> Locale:
    """The label file's babel Locale, parsed once (babel re-parses a string on every call)."""
    return _parsed_locale(labels["locale"])


def groups_thousands(value: float, locale: str) -> bool:
    """Whether ``value`` is written with a thousands separator: always in English, from
    100,000 in Chinese (3700, 120,000). The one rule for value labels, chart axes and cells;
    ``locale`` is a label file's locale (zh_CN) or a language (zh), only its language counts."""
    return not locale.startswith("zh") or abs(value) >= 100_000


def format_number(value: float, labels: Mapping[str, str]) -> str:
    """Digits in the label file's locale, grouped as :func:`groups_thousands` says."""
    return format_decimal(value, format=_NUMBER_PATTERN, locale=_locale(labels),
                          group_separator=groups_thousands(value, labels["locale"]))


def _scaled(fig: Figure, labels: Mapping[str, str]) -> str:
    number = format_number(fig.value, labels)
    if fig.scale is None:
        return number
    return number + labels["unit_separator"] + fig.scale.value


def _with_unit(text: str, unit: str, labels: Mapping[str, str]) -> str:
    if not unit:
        return text
    sep = "" if unit.startswith("%") else labels["unit_separator"]
    return text + sep + unit


def format_change(pct: float | None, labels: Mapping[str, str]) -> str | None:
    """Signed percentage change ("+0.6%"), or None when the figure has none."""
    if pct is None:
        return None
    sign = "+" if pct > 0 else ("−" if pct < 0 else "±")
    return fill(labels, "change", sign=sign, n=format_number(abs(pct), labels))


def date_skeleton(labels: Mapping[str, str], precision: int = 3) -> str:
    """The label file's one date style (a CLDR skeleton such as yMMMMd) cut to ``precision``
    parts: 3 = day, 2 = month, 1 = year. Every date of a document comes through here, so a
    document never mixes "18 Oct 2023" with "18 October 2023"."""
    full = labels["date_style"]
    if precision >= 3:
        return full
    kept = "".join(c for c in full if c not in "dEc")
    return kept if precision == 2 else "".join(c for c in kept if c not in "ML")


def format_date_text(day: dt.date, labels: Mapping[str, str]) -> str:
    """One day in the document's date style: "2017年5月15日" / "15 May 2017"."""
    return format_skeleton(date_skeleton(labels), day, locale=_locale(labels))


def format_range(start: dt.date, end: dt.date, labels: Mapping[str, str]) -> str:
    """"2017年5月14日至15日" / "14–15 May 2017", in the same style as single dates.

    CLDR has interval patterns for yMMMd but not yMMMMd, and babel then falls back to the
    abbreviated month ("17 – 18 Oct 2023" next to "18 October 2023"); as the CLDR spec says, the
    pattern's month is widened to the style's instead.
    """
    if start == end:
        return format_date_text(start, labels)
    locale = _locale(labels)
    skeleton = date_skeleton(labels)
    matched = match_skeleton(skeleton, locale.interval_formats) or ""
    patterns = locale.interval_formats.get(matched, {})
    field = next((f for f in ("y", "M", "d") if f in patterns
                  and getattr(start, _FIELD[f]) != getattr(end, _FIELD[f])), None)
    if field is None:
        return format_interval(start, end, skeleton=skeleton, locale=locale)
    wide = "MMMM" in skeleton
    parts = [_widen(p, wide) for p in patterns[field]]
    return "".join(format_date(day, part, locale=locale)
                   for part, day in zip(parts, (start, end), strict=True))


_FIELD = {"y": "year", "M": "month", "d": "day"}


def _widen(pattern: str, wide: bool) -> str:
    """An interval pattern with its abbreviated month (MMM) made wide (MMMM) when asked."""
    if not wide or "MMMM" in pattern:
        return pattern
    return pattern.replace("MMM", "MMMM")


def format_partial_date(iso: str, labels: Mapping[str, str]) -> str:
    """An ISO date as precise as it is given: 2013 / 2016-09 / 2017-05-14."""
    parts = [int(p) for p in iso.split("-")]
    day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return format_skeleton(date_skeleton(labels, len(parts)), day, locale=_locale(labels))


def format_source(source: Source, labels: Mapping[str, str]) -> str:
    """"新华社，2017年5月15日"."""
    if source.date is None:
        return source.name
    return source.name + labels["source_separator"] + format_date_text(source.date, labels)


def figure_view(fig: Figure, sources: Mapping[str, Source],
                labels: Mapping[str, str]) -> FigureView:
    """A figure as a reader sees it, in full ("130多个国家") and as a big number ("130多").

    The big number keeps only a percent sign; the unit goes into the caption (see kpi_caption).
    """
    scaled = _scaled(fig, labels)
    qualified = (fill(labels, "qualifier_" + fig.qualifier.value, n=scaled) if fig.qualifier
                 else scaled)
    short = fill(labels, "kpi_" + fig.qualifier.value, n=scaled) if fig.qualifier else scaled
    percent = fig.unit.startswith("%")
    return FigureView(
        id=fig.id,
        label=fig.label,
        display=_with_unit(qualified, fig.unit, labels),
        number=_with_unit(short, fig.unit, labels) if percent else short,
        unit=fig.unit,
        change=format_change(fig.change_pct, labels),
        period=fig.period,
        source=format_source(sources[fig.source], labels) if fig.source in sources else "",
    )


def kpi_caption(fig: Figure, view: FigureView, labels: Mapping[str, str]) -> str:
    """Caption under a big number: the label, with the unit the big number leaves out ("6.3万亿"
    -> "进出口总额（元人民币）", "~12" -> "Average transit time (days)"), since the number alone
    does not say of what; not when the label already says it ("Member states present")."""
    if not fig.unit or fig.unit.startswith("%") or names_unit(view.label, fig.unit):
        return view.label
    return fill(labels, "kpi_caption", label=view.label, unit=fig.unit)


#: Chinese measure words that may open a unit ("个国家"): the noun after one says what is counted.
_MEASURE_WORDS = "个名家位项座所条"


def names_unit(label: str, unit: str) -> bool:
    """Whether ``label`` already says what ``unit`` counts: the unit's noun in a Chinese label
    ("参会国家", "个国家"), or each word of an English unit, plural or singular ("Member states
    present", "member states"; "Country delegations", "countries")."""
    text, unit = label.casefold(), unit.strip().casefold()
    if unit[:1] in _MEASURE_WORDS and len(unit) > 1:
        unit = unit[1:]
    words = [w for w in re.findall(r"\w+", unit) if len(w) > 2]
    if not words or not unit.isascii():
        return bool(unit) and unit in text
    return all(re.search(r"\b" + re.escape(w[:max(3, len(w) - 3)]), text) for w in words)
