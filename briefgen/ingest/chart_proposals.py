"""Chart proposals: bars for figures that share a unit, a scale and a section, and a timeline.

Only amounts are charted: ordinals, ranges, shares (%) and durations are left out, and so are
bare counts whose nouns differ (73个口岸 and 4200个航班 share 个 but are not comparable).
When one figure is the sum of the others within 3% (total 6.3 = exports 3.8 + imports 2.4), the
parts are charted and the total is left to the text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from briefgen.ingest.figures import ZH_UNITS

MAX_BARS = 6
_BARE = set(ZH_UNITS) | {""}
#: Shares and durations: a bar of "3 years" beside "5 years" compares nothing.
_NOT_CHARTED = {"%", "年", "个月", "月", "天", "周", "小时", "岁", "years", "months", "days",
                "weeks", "hours"}


@dataclass(frozen=True)
class ChartFigure:
    """What a chart proposal needs to know about a figure."""

    id: str
    section: str
    value: float
    scale: str | None
    unit: str
    noun: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class ChartProposal:
    """A proposed chart: kind, figures and the section that shows it."""

    id: str
    kind: str
    section: str | None
    figures: tuple[str, ...]
    scale: str | None
    unit: str


def propose(figures: list[ChartFigure], has_timeline: bool) -> list[ChartProposal]:
    """Bar charts of comparable figures per section, then a timeline chart if there are dates."""
    groups: dict[tuple[str, str | None, str, str], list[ChartFigure]] = defaultdict(list)
    for f in figures:
        if {"ordinal", "range"} & set(f.tags) or f.unit in _NOT_CHARTED:
            continue
        noun = f.noun if f.unit in _BARE else ""
        groups[(f.section, f.scale, f.unit, noun)].append(f)
    out: list[ChartProposal] = []
    for (section, scale, unit, _), members in groups.items():
        members = _parts_of_total(members)
        if len(members) < 2 or len({m.value for m in members}) < 2:
            continue
        ids = tuple(m.id for m in members[:MAX_BARS])
        out.append(ChartProposal(f"chart-{len(out) + 1}", "bar", section, ids, scale, unit))
    if has_timeline:
        out.append(ChartProposal("timeline", "timeline", None, (), None, ""))
    return out


def _parts_of_total(members: list[ChartFigure]) -> list[ChartFigure]:
    if len(members) < 3:
        return members
    top = max(members, key=lambda m: m.value)
    rest = [m for m in members if m is not top]
    total = sum(m.value for m in rest)
    return rest if total and abs(top.value - total) / top.value <= 0.03 else members
