"""The one place the stages meet: load -> plan -> render -> write.

Everything that can fail on bad input (brief, profiles, templates) is checked before the first
file is written, so a mistake never leaves a partial set of outputs behind.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import InputError
from briefgen.load.brief import load_brief
from briefgen.load.office_template import check_office_template
from briefgen.load.profile import Profile, builtin_profiles, load_profile
from briefgen.plan.audience import plan_for
from briefgen.plan.model import DocPlan
from briefgen.render.base import Renderer
from briefgen.resources import default_brief
from briefgen.write import write_atomic

BUILTIN_AUDIENCES = ("executive", "press", "academic")
FORMATS = ("docx", "pptx")


@dataclass(frozen=True)
class Output:
    """One written file and what it took."""

    path: Path
    audience: str
    format: str
    seconds: float


def make_renderer(fmt: str, docx_template: Path | None = None,
                  pptx_template: Path | None = None) -> Renderer:
    """The renderer for ``fmt``; imported on demand so a DOCX-only build never loads python-pptx."""
    if fmt == "docx":
        from briefgen.render.docx.renderer import DocxRenderer

        if docx_template:
            check_office_template(docx_template, (".docx", ".dotx"))
        return DocxRenderer(template=docx_template)
    if fmt == "pptx":
        from briefgen.render.pptx.renderer import PptxRenderer

        if pptx_template:
            check_office_template(pptx_template, (".pptx", ".potx"))
        return PptxRenderer(template=pptx_template)
    raise InputError.single("--format", f"unknown format {fmt!r}", hint="use docx or pptx")


def chart_cache_dir() -> Path:
    """Where rendered chart pictures are cached between builds (by content hash)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefgen" / "charts"


def resolve_profiles(audiences: Sequence[str], profile_files: Sequence[Path]) -> list[Profile]:
    """Profiles for ``audiences`` (``all`` = the three built-ins) and the user's profile files.

    A custom profile is built whether or not ``--audience`` names it; naming it sets its place.
    """
    custom = {p.id: p for p in (load_profile(f) for f in profile_files)}
    builtins = builtin_profiles()
    names: list[str] = []
    for name in audiences:
        names += list(BUILTIN_AUDIENCES) if name == "all" else [name]
    profiles: list[Profile] = []
    for name in dict.fromkeys(names):
        if name in custom:
            profiles.append(custom.pop(name))
        elif name in builtins:
            profiles.append(load_profile(name))
        else:
            raise InputError.single("--audience", f"unknown audience {name!r}",
                                    hint=f"use {', '.join([*builtins, *custom])}, all, "
                                         "or --profile FILE")
    return profiles + list(custom.values())


def build(
    brief: Path | None = None,
    audiences: Sequence[str] = ("press",),
    formats: Sequence[str] = FORMATS,
    out: Path = Path("out"),
    profile_files: Sequence[Path] = (),
    docx_template: Path | None = None,
    pptx_template: Path | None = None,
    on_file: Callable[[Output], None] | None = None,
) -> list[Output]:
    """Build every audience x format of ``brief`` into ``out``; return what was written.

    :param brief: a brief.yaml or its folder; None builds the bundled example brief.
    :param on_file: called after each file is written (progress output).
    """
    loaded = load_brief(brief or default_brief())
    profiles = resolve_profiles(audiences, profile_files)
    renderers = [make_renderer(f, docx_template, pptx_template) for f in dict.fromkeys(formats)]
    plans = [plan_for(loaded, p) for p in profiles]
    charts = render_all_charts(plans)
    written: list[Output] = []
    for plan in plans:
        for renderer in renderers:
            start = time.perf_counter()
            path = out / f"{plan.meta.brief_id}-{plan.meta.audience}{renderer.suffix}"
            write_atomic(path, lambda tmp, r=renderer, p=plan: r.render(p, charts, tmp),
                         plan.meta.timestamp)
            result = Output(path, plan.meta.audience, renderer.name, time.perf_counter() - start)
            written.append(result)
            if on_file:
                on_file(result)
    return written


def render_all_charts(plans: Sequence[DocPlan]) -> dict[str, Path]:
    """Draw every chart any plan shows, once, into the shared cache."""
    specs = {c.id: c for plan in plans for c in plan.charts}
    if not specs:
        return {}
    from briefgen.charts.render import render_charts

    return render_charts(specs.values(), chart_cache_dir(), plans[0].timeline)
