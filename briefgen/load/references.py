"""Checks a schema cannot express: ids unique, references resolved, chart data consistent,
text legal.

Each check yields a located Problem, so ``briefgen validate`` can list them all at once.

Negative numbers are allowed in figures (a change, a deficit, a temperature) and in bar and line
series; only a pie chart refuses them, since a slice cannot be negative, and it needs a total
above zero.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from briefgen.errors import Problem
from briefgen.load.chart_units import axis_problem
from briefgen.load.glyphs import undrawable
from briefgen.load.schema import Brief, Chart, ChartKind, Figure
from briefgen.load.validate import problem_at
from briefgen.load.yaml_source import Loc, YamlSource

#: Characters XML 1.0 cannot carry; they would make a corrupt DOCX/PPTX.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_COLLECTIONS = ("sections", "figures", "charts", "quotes", "sources")


def illegal_text(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Paths of strings holding characters XML cannot store, with the first such character."""
    if isinstance(data, str):
        found = _XML_ILLEGAL.search(data)
        if found:
            yield loc, f"U+{ord(found.group()):04X}"
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from illegal_text(value, (*loc, str(key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from illegal_text(value, (*loc, i))


def check_references(brief: Brief, src: YamlSource) -> list[Problem]:
    """Every cross-reference problem in ``brief``, in file order of the checks below."""
    problems: list[Problem] = []

    def report(loc: Loc, message: str, hint: str | None = None) -> None:
        problems.append(problem_at(src, loc, message, hint))

    ids: dict[str, set[str]] = {}
    for name in _COLLECTIONS:
        seen: set[str] = set()
        for i, item in enumerate(getattr(brief, name)):
            if item.id in seen:
                report((name, i, "id"), f"duplicate id {item.id!r}")
            seen.add(item.id)
        ids[name] = seen

    def need(loc: Loc, kind: str, ref: str | None) -> None:
        if ref is not None and ref not in ids[kind]:
            known = sorted(ids[kind])
            close = difflib.get_close_matches(ref, known, n=1)
            hint = f"did you mean {close[0]!r}?" if close else None
            report(loc, f"no {kind[:-1]} with id {ref!r}", hint)

    for i, sec in enumerate(brief.sections):
        for kind in ("figures", "charts", "quotes", "sources"):
            for j, ref in enumerate(getattr(sec, kind)):
                need(("sections", i, kind, j), kind, ref)
    for i, fig in enumerate(brief.figures):
        need(("figures", i, "source"), "sources", fig.source)
    for i, quote in enumerate(brief.quotes):
        need(("quotes", i, "source"), "sources", quote.source)
    for i, event in enumerate(brief.timeline):
        need(("timeline", i, "source"), "sources", event.source)
    for i, part in enumerate(brief.participants):
        need(("participants", i, "figure"), "figures", part.figure)
    for i, photo in enumerate(brief.photos):
        need(("photos", i, "section"), "sections", photo.section)

    figures = {f.id: f for f in brief.figures}
    for i, chart in enumerate(brief.charts):
        need(("charts", i, "source"), "sources", chart.source)
        for j, ref in enumerate(chart.figures):
            need(("charts", i, "figures", j), "figures", ref)
        used = [figures[r] for r in chart.figures if r in figures]
        mixed = axis_problem(chart, used, brief.meta.language.value)
        if mixed:
            report(("charts", i, "figures"), *mixed)
        if chart.kind == ChartKind.pie:
            check_pie(chart, used, report, i)
        if chart.kind == ChartKind.timeline and not brief.timeline:
            report(("charts", i, "kind"), "a timeline chart needs events in 'timeline'",
                   "add timeline events or remove the chart")
    if any(c.kind == ChartKind.timeline for c in brief.charts):
        for i, event in enumerate(brief.timeline):
            missing = undrawable(event.label)
            if missing:
                report(("timeline", i, "label"),
                       f"the timeline chart cannot draw {missing!r}: no chart font has it",
                       "use words instead")
    return problems


def check_pie(chart: Chart, used: list[Figure], report: Callable[..., None], i: int) -> None:
    """A pie's slices are its figures' values or its one series: none negative, total > 0."""
    if chart.figures:
        loc: Loc = ("charts", i, "figures")
        values = [f.value for f in used]  # one unit and scale: checked above
    elif chart.series:
        loc = ("charts", i, "series")
        if len(chart.series) > 1:
            report(loc, f"a pie chart draws one series, not {len(chart.series)}",
                   "use a bar chart")
            return
        values = list(chart.series[0].values)
    else:
        return
    if any(v < 0 for v in values):
        report(loc, "a pie chart cannot show negative values", "use a bar chart")
    elif values and not sum(values) > 0:
        report(loc, "a pie chart needs values that add up to more than zero")


def check_text(src: YamlSource) -> list[Problem]:
    """Strings holding characters a DOCX or PPTX cannot store (checked on the raw data)."""
    return [problem_at(src, loc, f"contains the control character {char}, which documents "
                                 "cannot hold", "delete it")
            for loc, char in illegal_text(src.data)]


def confined(folder: Path, name: str) -> str | None:
    """Why ``name`` may not be read from ``folder`` (None when it may).

    A brief may only name files inside its own folder: no URLs (``https://``, ``data:``), no
    absolute paths, no ``..``, and no symlink that leads out.
    """
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]+:", name) or name.startswith("//"):
        return "URLs are not allowed; put the file in the brief's folder"
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or re.match(r"^[a-zA-Z]:", name):
        return "absolute paths are not allowed; use a path relative to the brief"
    if ".." in path.parts:
        return "'..' is not allowed; the file must be inside the brief's folder"
    try:
        target = (folder / path).resolve()
        if not target.is_relative_to(folder.resolve()):
            return "the path leads outside the brief's folder (symlink?)"
        if not target.is_file():
            return "file not found in the brief's folder"
    except (OSError, ValueError, RuntimeError) as exc:  # NUL, name too long, symlink loop
        reason = getattr(exc, "strerror", None) or str(exc)
        return f"cannot be read: {reason[:1].lower()}{reason[1:]}"
    return None


def check_paths(brief: Brief, src: YamlSource, folder: Path) -> list[Problem]:
    """Problems with files the brief names (photos)."""
    problems = []
    for i, photo in enumerate(brief.photos):
        if photo.file is not None:
            why = confined(folder, photo.file)
            if why:
                problems.append(problem_at(src, ("photos", i, "file"), why))
    return problems
