"""The one place the stages meet: load -> plan -> render -> write.

Everything that can fail on bad input (brief, profiles, templates, a missing LibreOffice for PDF)
is checked before the first file is written, so a mistake never leaves a partial set of outputs
behind. The module is callable (``briefgen.build(...)`` runs :func:`build`), because the package
exposes the function under the module's own name; see the note at the end.
"""

from __future__ import annotations

import dataclasses
import glob
import inspect
import logging
import multiprocessing
import os
import secrets
import sys
import threading
import time
import types
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefgen import resident_office
from briefgen.commands import pdf
from briefgen.errors import InputError, Problem, first_line
from briefgen.plan.model import DocPlan
from briefgen.output_records import OutputRecords
from briefgen.plan_cache import reduce_proxy
from briefgen.render import made_from
from briefgen.render.base import Renderer
from briefgen.resources import cache_dir, caching, default_brief, reading
from briefgen.write import commit, stage, temporary_prefix

if TYPE_CHECKING:
    from briefgen.load.brief import LoadedBrief
    from briefgen.load.profile import Profile

__all__ = ["BUILTIN_AUDIENCES", "FORMATS", "Output", "build", "make_renderer", "plan_brief",
           "resolve_profiles"]

log = logging.getLogger("briefgen")

BUILTIN_AUDIENCES = ("executive", "press", "academic")
#: Formats ``--format`` accepts; ``pdf`` is the DOCX converted by LibreOffice.
FORMATS = ("docx", "pptx", "pdf")
DEFAULT_FORMATS = ("docx", "pptx")


@dataclass(frozen=True)
class Output:
    """One file of the build and what it took (render and write, in seconds); ``unchanged``:
    it was already what this build would write, and was left alone."""

    path: Path
    audience: str
    format: str
    seconds: float
    unchanged: bool = False


def make_renderer(fmt: str, docx_template: Path | None = None,
                  pptx_template: Path | None = None, cache: bool = True) -> Renderer:
    """The renderer for ``fmt``; imported on demand so a DOCX-only build never loads python-pptx.

    A user's template is checked (:func:`check_office_template`) and opened once here, so a
    file that is safe but broken is refused before any output is written.
    """
    from briefgen.load.office_template import check_office_template  # lxml: only to render

    if fmt == "docx":
        from briefgen.render.docx.renderer import DocxRenderer, open_document

        if docx_template:
            _opens(check_office_template(docx_template, (".docx", ".dotx")), open_document)
        return DocxRenderer(template=docx_template, page_cache=cache)
    if fmt == "pptx":
        from briefgen.render.pptx.renderer import PptxRenderer, open_template

        if pptx_template:
            _opens(check_office_template(pptx_template, (".pptx", ".potx")), open_template)
        return PptxRenderer(template=pptx_template)
    raise InputError.single("--format", f"unknown format {fmt!r}", hint="use docx, pptx or pdf")


def _opens(template: Path, open_file: Callable[[Path], object]) -> None:
    try:
        open_file(template)
    except Exception as exc:  # noqa: BLE001 - whatever the library trips on, the file is at fault
        app = "Word" if template.suffix.lower() in (".docx", ".dotx") else "PowerPoint"
        reason = first_line(exc) or type(exc).__name__
        raise InputError.single(template, f"template cannot be opened ({reason})",
                                hint=f"open it in {app} and save it again") from None


def chart_cache_dir() -> Path:
    """Where rendered chart pictures are cached between builds (by content hash)."""
    return cache_dir("charts")


def resolve_profiles(audiences: Sequence[str], profile_files: Sequence[Path]) -> list[Profile]:
    """Profiles for ``audiences`` (``all`` = the three built-ins) and the user's profile files.

    A custom profile is built whether or not ``--audience`` names it; naming it sets its place.
    """
    from briefgen.load.profile import builtin_profiles, load_profile

    custom = {p.id: p for p in (load_profile(Path(f)) for f in profile_files)}
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


def _names(value: str | Sequence[str]) -> list[str]:
    """``"docx,pptx"`` or ``["docx", "pptx"]`` -> ``["docx", "pptx"]`` (for library callers)."""
    items = [value] if isinstance(value, str) else list(value)
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def build(
    brief: str | Path | None = None,
    audiences: str | Sequence[str] = ("press",),
    formats: str | Sequence[str] = DEFAULT_FORMATS,
    out: str | Path = Path("out"),
    profile_files: Sequence[str | Path] = (),
    docx_template: str | Path | None = None,
    pptx_template: str | Path | None = None,
    on_file: Callable[[Output], None] | None = None,
    jobs: int | None = None,
    cache: bool = True,
) -> list[Output]:
    """Build every audience x format of ``brief`` into ``out``; return what was written.

    Files are written atomically and in a fixed order (audience by audience, formats in the
    order given; PDFs last, converted together), whether or not they are rendered in parallel.

    :param brief: a brief.yaml or its folder; None builds the bundled example brief.
    :param audiences: built-in ids, ``all``, or ids of ``profile_files``.
    :param formats: ``docx``, ``pptx`` and/or ``pdf`` (needs LibreOffice's ``soffice``).
    :param on_file: called after each file is written, in order (progress output).
    :param jobs: worker processes that render (and, for a large brief, plan); None: two when
        the machine has an idle CPU, else one; 1: everything in this process.
    :param cache: reuse the plans and contents page numbers of an earlier build of the same
        unchanged files (also off when the environment says ``BRIEFGEN_CACHE=0``).
    :raises InputError: bad brief, profile, template or format; nothing is written then.
    """
    try:
        return _build(brief, audiences, list(dict.fromkeys(_names(formats))), Path(out),
                      profile_files, docx_template, pptx_template, on_file, jobs,
                      cache and caching())
    finally:
        _stop_offices()  # a LibreOffice started ahead that no layout took


def _build(brief: str | Path | None, audiences: str | Sequence[str], fmts: list[str],
           out: Path, profile_files: Sequence[str | Path], docx_template: str | Path | None,
           pptx_template: str | Path | None, on_file: Callable[[Output], None] | None,
           jobs: int | None, cache: bool) -> list[Output]:
    started = time.perf_counter()
    office = [f for f in fmts if f != "pdf"]
    if "pdf" in fmts and "docx" not in office:
        office.append("docx")  # rendered to a temporary folder, converted, not kept
    plans = plan_brief(Path(brief) if brief else default_brief(), _names(audiences),
                       [Path(f) for f in profile_files], worker_count(jobs, 3), cache,
                       on_profiles=lambda profiles: _lay_out_ahead(office, profiles))
    soffice = pdf.find_soffice() if "pdf" in fmts else None
    if "pdf" in fmts and soffice is None:
        raise InputError([Problem("--format", None, None, "", pdf.MISSING)])
    docx_t = Path(docx_template) if docx_template else None
    pptx_t = Path(pptx_template) if pptx_template else None
    mark = time.perf_counter()
    charts = render_all_charts(plans, office)
    if charts:
        log.info("chart pictures ready (%s) in %.2f s", len(charts), time.perf_counter() - mark)
    keep_docx = "docx" in fmts
    staging = pdf.staging_dir(out) if "pdf" in fmts else None
    records = OutputRecords(cache_dir("outputs")) if cache else None
    templates = {"docx": docx_t, "pptx": pptx_t}
    try:
        tag = secrets.token_hex(4)
        tasks = []
        for plan in plans:
            for f in office:
                path = _target(out, staging, plan, f, keep_docx)
                kept = records if path.parent == out else None  # not a DOCX staged for a PDF
                tasks.append(_task(plan, f, templates[f], charts, kept, path, tag))
        if any(t.format == "docx" and not t.unchanged and made_from.needs_layout(
                t.plan, charts, docx_t) for t in tasks):
            _start_office_once()  # its start-up overlaps with rendering the other files
        renderers = {f: make_renderer(f, docx_t, pptx_t, cache)
                     for f in dict.fromkeys(t.format for t in tasks if not t.unchanged)}
        tasks = [dataclasses.replace(t, renderer=renderers.get(t.format)) for t in tasks]
        workers = worker_count(jobs, sum(not t.unchanged for t in tasks))

        def done(output: Output, task: _Task) -> None:
            if records and not output.unchanged and task.path.parent == out:
                records.put(task.path, made_from.recipe(task.format, task.plan, charts,
                                                        templates[task.format]))
            if on_file and _kept(output, fmts):
                on_file(output)

        written = _render(tasks, charts, workers, on_file=done)
        if soffice is not None:
            docx = [o for o in written if o.format == "docx"]
            for result in pdf.convert(soffice, docx, out, staging):
                written.append(result)
                if on_file:
                    on_file(result)
    finally:
        if staging is not None:
            pdf.remove_tree(staging)
    log.info("built %s in %.2f s (%s)", _n(len(written), "file"), time.perf_counter() - started,
             f"{_n(workers, 'process', 'es')}")
    return [o for o in written if _kept(o, fmts)]


def _lay_out_ahead(formats: Sequence[str], profiles: Sequence[Profile]) -> None:
    """Planning afresh (the brief or a profile changed), a document with contents will be laid
    out: LibreOffice starts now, and its start-up overlaps planning and rendering."""
    if "docx" in formats and made_from.wants_layouts(None) and any(
            p.document.toc for p in profiles):
        _start_office_once()


def _start_office_once() -> None:
    """Start LibreOffice for a contents layout, unless this build already has."""
    from briefgen.render.docx import toc  # no python-docx

    soffice = toc.find_soffice()
    if soffice and not toc.office_waiting(soffice) and not resident_office.running(soffice):
        toc.start_office(soffice)


def _stop_offices() -> None:
    """Stop the LibreOffice started ahead that no layout took (only a build that needed a
    layout imported the module that starts them)."""
    toc = sys.modules.get("briefgen.render.docx.toc")
    if toc is not None:
        toc.stop_offices()


def _n(count: int, noun: str, plural: str = "s") -> str:
    return f"{count} {noun}{'' if count == 1 else plural}"


def _target(out: Path, staging: Path | None, plan: DocPlan, fmt: str, keep_docx: bool) -> Path:
    folder = staging if fmt == "docx" and not keep_docx and staging else out
    return folder / f"{plan.meta.brief_id}-{plan.meta.audience}.{fmt}"


def _task(plan: DocPlan, fmt: str, template: Path | None, charts: Mapping[str, Path],
          records: OutputRecords | None, path: Path, tag: str) -> _Task:
    """What to do for one file: nothing when its record says it is as this build would write
    it (``records``: None when caches are off)."""
    unchanged = bool(records and records.unchanged(
        path, made_from.recipe(fmt, plan, charts, template)))
    return _Task(plan, fmt, path, tag, unchanged=unchanged)


def _kept(output: Output, formats: Sequence[str]) -> bool:
    return output.format in formats


def render_all_charts(plans: Sequence[DocPlan], formats: Sequence[str] = ("docx",)
                      ) -> dict[str, Path]:
    """Draw, once, every chart picture the files need: all charts of a plan whose profile asks
    for pictures in the DOCX (``document.charts: picture``). Otherwise every chart is drawn by
    the writers themselves (Word and PowerPoint charts, timelines as table or shapes), so a
    build never imports matplotlib."""
    if "docx" not in formats:
        return {}
    specs = {c.id: c for plan in plans if not plan.native_charts for c in plan.charts}
    if not specs:
        return {}
    from briefgen.charts.render import render_charts

    return render_charts(specs.values(), chart_cache_dir(), plans[0].timeline)


# --------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class _Task:
    plan: DocPlan
    format: str
    path: Path
    tag: str  # this build's mark on its temporary files
    unchanged: bool = False  # the file is already what this build would write
    renderer: Renderer | None = None  # None when unchanged


def _timed_stage(task: _Task, charts: Mapping[str, Path]) -> tuple[Path, float]:
    """Render ``task`` to a staged file (not yet in its place) and time it."""
    start = time.perf_counter()
    plan, renderer = task.plan, task.renderer
    assert renderer is not None, "an unchanged file is never rendered"
    staged = stage(task.path, lambda tmp: renderer.render(plan, charts, tmp),
                   plan.meta.timestamp, task.tag)
    return staged, time.perf_counter() - start


def _place(task: _Task, staged: tuple[Path, float]) -> Output:
    """Put a staged file in its place; what was written."""
    commit(staged[0], task.path)
    return Output(task.path, task.plan.meta.audience, task.format, staged[1])


def _left_alone(task: _Task) -> Output:
    return Output(task.path, task.plan.meta.audience, task.format, 0.0, unchanged=True)


def worker_count(jobs: int | None, tasks: int) -> int:
    """Processes to render with: ``jobs`` if given; else two when the machine has an idle CPU.

    On an idle 2-CPU machine two forked workers render the six files of the bundled brief in
    0.49 s against 0.63 s in one process; on a busy one they are slower than one process, so
    the default looks at the load average first. Workers run in a ProcessPoolExecutor: one that
    dies breaks the pool, and the build fails at once with a message instead of hanging.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is None:
        # Forking a process that runs other threads (a server, a notebook) can leave a child
        # waiting for a lock forever, and macOS system libraries are not fork-safe: such
        # callers get workers only when they ask.
        safe = sys.platform.startswith("linux") and threading.active_count() == 1
        jobs = 2 if safe and _idle_cpus() >= 1.0 else 1
    return max(1, min(jobs, tasks))


def _idle_cpus() -> float:
    """CPUs this process may use, less the load average of the last minute (on 2 CPUs, a
    load under 1: at most one other busy process, such as the previous build in a loop)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except OSError:
        return 0.0
    return cpus - load


def _render(tasks: list[_Task], charts: Mapping[str, Path], workers: int,
            on_file: Callable[[Output, _Task], None]) -> list[Output]:
    """Every task's Output in order, rendering the files that are not unchanged."""
    try:
        if workers > 1:
            return _render_in_workers(tasks, charts, workers, on_file)
        return _render_here(tasks, charts, on_file)
    except BaseException:
        for task in tasks:  # staged files never put in place, or a killed worker's temporaries
            pattern = glob.escape(temporary_prefix(task.path, task.tag)) + "*.tmp"
            for stray in task.path.parent.glob(pattern):
                stray.unlink(missing_ok=True)
        raise


def _render_in_workers(tasks: list[_Task], charts: Mapping[str, Path], workers: int,
                       on_file: Callable[[Output, _Task], None]) -> list[Output]:
    """Workers render and stage; this process puts each file in its place, in order, so a
    failure leaves the files after it untouched, as in a serial build."""
    outputs: list[Output] = []
    stale = [i for i, task in enumerate(tasks) if not task.unchanged]

    def report_until(end: int) -> None:  # the unchanged files before ``end``, in order
        while len(outputs) < end:
            outputs.append(_left_alone(tasks[len(outputs)]))
            on_file(outputs[-1], tasks[len(outputs) - 1])

    def place(staged: tuple[Path, float]) -> None:
        index = stale[sum(not o.unchanged for o in outputs)]
        report_until(index)
        outputs.append(_place(tasks[index], staged))
        on_file(outputs[-1], tasks[index])

    in_order(lambda i: _timed_stage(tasks[stale[i]], charts), len(stale), workers,
             cost=lambda i: _cost(tasks[stale[i]]), on_done=place)
    report_until(len(tasks))
    return outputs


def _render_here(tasks: list[_Task], charts: Mapping[str, Path],
                 on_file: Callable[[Output, _Task], None]) -> list[Output]:
    """Render in this process; a file that waits on LibreOffice's layout renders in a thread.

    LibreOffice lays out the contents pages in its own process (seconds), while the thread that
    waits for it holds no lock: the other files are rendered meanwhile. Each file still takes
    its place in order, so a failure leaves the files after it untouched, as in a serial build.
    """
    waiting = [i for i, task in enumerate(tasks)
               if not task.unchanged and _cost(task)[0] == _LAYOUT]
    with ThreadPoolExecutor(max_workers=1) as background:
        pending = {i: background.submit(_timed_stage, tasks[i], charts) for i in waiting}
        try:
            results: list[Output] = []
            for i, task in enumerate(tasks):
                if task.unchanged:
                    results.append(_left_alone(task))
                else:
                    staged = (pending.pop(i).result() if i in pending
                              else _timed_stage(task, charts))
                    results.append(_place(task, staged))
                on_file(results[-1], task)
            return results
        finally:
            for future in pending.values():
                future.cancel()
            background.shutdown(wait=True)  # its staged file is removed with the others


def plan_brief(brief: Path, audiences: Sequence[str], profile_files: Sequence[Path],
               workers: int = 1, cache: bool = True,
               on_profiles: Callable[[Sequence[Profile]], None] | None = None) -> list[DocPlan]:
    """Load the brief and profiles and plan each audience, or reuse the plans of an earlier
    build that read the same unchanged files (:mod:`briefgen.plan_cache`).

    :param on_profiles: told the profiles before planning starts (when it does).
    """
    from briefgen.plan_cache import Dependencies, PlanCache, Request

    started = time.perf_counter()
    store = PlanCache(cache_dir("plans")) if cache and caching() else None
    request = Request.of(brief, audiences, profile_files)
    if store and (plans := store.get(request)) is not None:
        log.info("reused the plans of an earlier build of %s (unchanged) in %.2f s", brief,
                 time.perf_counter() - started)
        return plans
    from briefgen.load.brief import load_brief

    with reading() as reads:
        loaded = load_brief(brief)
        profiles = resolve_profiles(audiences, profile_files)
    log.info("loaded %s and %s in %.2f s", loaded.path, _n(len(profiles), "profile"),
             time.perf_counter() - started)
    if on_profiles:
        on_profiles(profiles)
    mark = time.perf_counter()
    plans = _plan(loaded, profiles, workers)
    log.info("planned %s in %.2f s", _n(len(plans), "audience"), time.perf_counter() - mark)
    if store:
        photos = [loaded.path.parent / p.file for p in loaded.brief.photos if p.file]
        store.put(request, Dependencies.of(reads, photos), plans)
    return plans


#: Below this many paragraphs, planning all audiences takes less time than forking workers and
#: warming up the segmenter in each (the bundled brief, ~50 paragraphs: 0.1 s per audience).
PARALLEL_PLAN_PARAGRAPHS = 200


def _plan(loaded: LoadedBrief, profiles: Sequence[Profile], workers: int) -> list[DocPlan]:
    from briefgen.plan.audience import plan_for

    if sum(len(s.paragraphs) for s in loaded.brief.sections) < PARALLEL_PLAN_PARAGRAPHS:
        workers = 1
    # Full-text, long-summary profiles take longest to plan: start them first.
    return in_order(lambda i: plan_for(loaded, profiles[i]), len(profiles), workers,
                    cost=lambda i: (profiles[i].document.section_text == "full",
                                    profiles[i].summary.zh))


# --------------------------------------------------------------------------- worker processes
# Workers are forked, so they inherit the brief, plans, renderers and chart paths; only an index
# goes to a worker, and only its result (a DocPlan, or a staged file and its time) comes back,
# pickled. A worker that dies (killed, out of memory) breaks the pool, which raises
# BrokenProcessPool at once instead of waiting for a result that never comes.

T = TypeVar("T")
#: Work functions of the pools running now, by a token per call (a library caller may build
#: from two threads; each pool's forked workers find their own function).
_WORK: dict[str, Callable[[int], object]] = {}


def in_order(work: Callable[[int], T], count: int, workers: int,
             cost: Callable[[int], object], on_done: Callable[[T], None] | None = None) -> list[T]:
    """``[work(0), ..., work(count - 1)]``, computed in ``workers`` forked processes.

    Items start longest first (by ``cost``), so no worker is left with the slowest at the end;
    results are delivered to ``on_done`` and returned in index order all the same. When
    anything fails (or the user presses Ctrl-C), items not started are cancelled and the
    running ones are waited for, so no worker is still busy when the caller cleans up.
    """
    results: list[T] = []
    if workers <= 1 or count < 2:
        for i in range(count):
            results.append(work(i))
            if on_done:
                on_done(results[-1])
        return results
    token = secrets.token_hex(8)
    _WORK[token] = work
    pool = ProcessPoolExecutor(min(workers, count), mp_context=multiprocessing.get_context("fork"))
    try:
        done: dict[int, T] = {}
        order = sorted(range(count), key=cost, reverse=True)
        futures = [pool.submit(_call_work, token, i) for i in order]
        for future in as_completed(futures):
            index, result = future.result()
            if isinstance(result, _Failed):
                raise InputError(result.problems)
            done[index] = result  # type: ignore[assignment]
            while len(results) in done:
                results.append(done.pop(len(results)))
                if on_done:
                    on_done(results[-1])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        del _WORK[token]
    return results


@dataclass(frozen=True)
class _Failed:
    """An InputError from a worker: its problems pickle, the exception itself does not."""

    problems: list[Problem]


def _call_work(token: str, index: int) -> tuple[int, object]:
    try:
        return index, _WORK[token](index)
    except InputError as exc:
        return index, _Failed(exc.problems)


ForkingPickler.register(types.MappingProxyType, reduce_proxy)

#: Cost tier of a file that LibreOffice lays out to number its contents pages.
_LAYOUT = 2


def _cost(task: _Task) -> tuple[int, int]:
    """Rough rendering cost, for ordering: longest first.

    A DOCX with a contents list is laid out by LibreOffice to number its pages (seconds); a deck
    takes longer than a document of the same plan; bigger plans take longer.
    """
    if task.format == "docx" and task.plan.toc:
        return _LAYOUT, len(task.plan.blocks)
    if task.format == "pptx":
        return 1, len(task.plan.slides)
    return 0, len(task.plan.blocks)


# --------------------------------------------------------------------------- briefgen.build(...)
# ``briefgen.build`` is both this module and, for users, the function. Importing the submodule
# sets the package attribute to the module whatever ``briefgen/__init__.py`` did, so instead the
# module itself is callable: ``briefgen.build(...)`` and ``from briefgen.build import build`` both
# work, in any import order.


class _CallableModule(types.ModuleType):
    def __call__(self, *args: object, **kwargs: object) -> list[Output]:
        return build(*args, **kwargs)  # type: ignore[arg-type]


sys.modules[__name__].__class__ = _CallableModule
__signature__ = inspect.signature(build)
