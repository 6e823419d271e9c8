"""Whether a chart's figures can share one axis: same unit, same scale, however they are worded.

A chart draws its figures' values on one axis, so they must count the same thing on the same
scale. Authors word one unit in many ways ("billion USD", "US$ billion", "billion U.S. dollars";
"万亿元" or scale 万亿 with unit 元), so figures are compared by meaning: the scale words are
taken out of the unit text and multiplied into the figure's scale, and what is left is folded
(case, dots, a plural "s", a Chinese measure word like 个, the usual names of a few currencies
and of per cent; a bare "$" or "dollars" is not taken for US dollars). Figures equal in meaning
but worded differently are charted when the chart's own ``unit`` states the axis; figures that
differ in meaning are refused, with each group named.

The folding is deliberately small: two units it does not know to be one ("delegates" and
"participants") are treated as different, which costs the author one ``unit:`` line or inline
series, never a wrong chart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.load.schema import SCALE_FACTOR, Chart, Figure, Scale

_SCALE_WORDS = {s.value.casefold(): SCALE_FACTOR[s] for s in Scale} | {
    "bn": 1e9, "mn": 1e6, "tn": 1e12}
_CHINESE_SCALE = re.compile("^(万亿|亿|万)")
_CHINESE_MEASURE = re.compile("^[个名家位项座所条]")
_SAME_CURRENCY = {
    "USD": ("usd", "us$", "us dollar", "美元"),  # not "$" or "dollars": whose dollars?
    "CNY": ("cny", "rmb", "yuan", "renminbi", "yuan renminbi", "rmb yuan", "元", "人民币",
            "元人民币", "人民币元"),
    "EUR": ("eur", "€", "euro", "欧元"),
    "GBP": ("gbp", "£", "pound", "pound sterling", "英镑"),
    "JPY": ("jpy", "yen", "日元"),
    "%": ("%", "percent", "per cent", "pct", "百分比"),
}
_CANONICAL = {name: code for code, names in _SAME_CURRENCY.items() for name in names}


@dataclass(frozen=True)
class Measure:
    """What a figure's number counts: its multiplier and its unit with the wording folded."""

    factor: float
    unit: str


def measure(scale: Scale | None, unit: str) -> Measure:
    """The meaning of ``scale`` and ``unit`` (``billion`` + ``USD`` == ``US$ billion``)."""
    factor = SCALE_FACTOR[scale] if scale else 1.0
    text = unit.strip().casefold()
    chinese = _CHINESE_SCALE.match(text)
    if chinese and len(text) > len(chinese.group()):
        factor *= SCALE_FACTOR[Scale(chinese.group())]
        text = text[len(chinese.group()):]
    words = []
    for word in re.sub(r"(?<=\w)\.|,", "", text).split():
        if word in _SCALE_WORDS:
            factor *= _SCALE_WORDS[word]
        else:
            words.append(word)
    rest = " ".join(words)
    if _CHINESE_MEASURE.match(rest) and len(rest) > 1:
        rest = rest[1:]
    rest = _singular(rest)
    return Measure(factor, _CANONICAL.get(rest, rest))


def _singular(text: str) -> str:
    """``countries`` -> ``country``, ``US dollars`` -> ``US dollar``: the last word only."""
    head, _, last = text.rpartition(" ")
    if re.fullmatch(r"[a-z]+ies", last):
        last = last[:-3] + "y"
    elif re.fullmatch(r"[a-z]+[^s]s", last):
        last = last[:-1]
    return f"{head} {last}".strip()


def written(figure: Figure, lang: str) -> str:
    """A figure's scale and unit as its author wrote them ("trillion yuan", "万亿元")."""
    parts = [figure.scale.value if figure.scale else "", figure.unit]
    return ("" if lang == "zh" else " ").join(p for p in parts if p)


def axis_problem(chart: Chart, used: Sequence[Figure], lang: str) -> tuple[str, str] | None:
    """Why ``used`` cannot share ``chart``'s axis, and what to write instead; None if they can."""
    groups: dict[Measure, list[Figure]] = {}
    for figure in used:
        groups.setdefault(measure(figure.scale, figure.unit), []).append(figure)
    if len(groups) > 1:
        units = {m.unit for m in groups}
        shown = "; ".join(
            f"{', '.join(f.id for f in figs)} in {written(figs[0], lang) or '(no unit)'}"
            for figs in groups.values())
        if len(units) == 1:
            (first, *_), *others = groups.items()
            rescaled = ", ".join(
                f"{f.id} is {f.value * m.factor / first.factor:g} {written(groups[first][0], lang)}"
                for m, figs in others for f in figs)
            return (f"figures use different scales: {shown}",
                    f"write them on one scale: {rescaled}")
        per_unit = "; ".join(f"figures: [{', '.join(f.id for f in figs)}]"
                             for figs in groups.values())
        return (f"figures mix units: {shown}",
                (f"a chart has one unit: make one chart per unit ({per_unit}), or give it "
                 "'categories' and 'series' in one unit"))
    wordings = {written(f, lang) for f in used}
    if len(wordings) > 1 and chart.unit is None:
        shown = ", ".join(f"{f.id} in {written(f, lang)}" for f in used)
        return (f"figures word one unit differently: {shown}",
                f"name the axis on the chart: unit: {written(used[0], lang)}")
    return None
