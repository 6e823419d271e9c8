"""The one place the stages meet: load -> plan -> render -> write (``briefgen.build``).

Everything that can fail on bad input (brief, profiles, templates, a missing LibreOffice for PDF)
is checked before the first file is written, so a mistake never leaves a partial set of outputs
behind. Errors name the parameter at fault (``formats``, ``audiences``); the command line maps
them to its flags. Work is spread over processes by :mod:`briefgen.parallel`; which profiles to
build is :mod:`briefgen.load.audiences`' job.
"""

from __future__ import annotations

import dataclasses
import glob
import importlib
import logging
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import made_from, office
from briefgen.errors import InputError, Problem, first_line
from briefgen.output_records import OutputRecords
from briefgen.parallel import beside, in_order, worker_count
from briefgen.plan.model import DocPlan
from briefgen.render.base import Renderer
from briefgen.resources import default_brief, reading
from briefgen.settings import Settings, active, current
from briefgen.write import commit, stage, temporary_prefix

if TYPE_CHECKING:
    from briefgen.contents.page_numbers import PageNumbers
    from briefgen.load.brief import LoadedBrief
    from briefgen.load.profile import Profile

__all__ = ["FORMATS", "Output", "build", "make_renderer", "plan_brief"]

log = logging.getLogger("briefgen")

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
        return DocxRenderer(template=docx_template,
                            contents_pages=contents_pages(docx_template, cache))
    if fmt == "pptx":
        from briefgen.render.pptx.renderer import PptxRenderer, open_template

        if pptx_template:
            _opens(check_office_template(pptx_template, (".pptx", ".potx")), open_template)
        return PptxRenderer(template=pptx_template)
    raise InputError.single("formats", f"unknown format {fmt!r}", hint="use docx, pptx or pdf")


def contents_pages(template: Path | None, cache: bool = True) -> PageNumbers | None:
    """How the DOCX writer numbers its contents: by LibreOffice's layout, unless the settings
    say ``BRIEFGEN_TOC_PAGES=0`` (test suites and CI skip the layouts)."""
    settings = current()
    if not settings.toc_pages:
        return None
    from briefgen.contents.page_cache import PageCache
    from briefgen.contents.page_numbers import PageNumbers

    return PageNumbers(template, PageCache(settings.cache_dir("toc"))
                       if cache and settings.cache else None)


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
    return current().cache_dir("charts")


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
    :param cache: reuse the plans, chart pictures and contents page numbers of an earlier
        build of the same unchanged files (also off when the environment says
        ``BRIEFGEN_CACHE=0``).
    :raises InputError: bad brief, profile, template or format; nothing is written then.
    """
    settings = Settings.from_environment()  # read once, here; what the build reads from then on
    try:
        with active(settings), tempfile.TemporaryDirectory(prefix="briefgen-") as scratch:
            cache = cache and settings.cache
            charts = settings.cache_dir("charts") if cache else Path(scratch, "charts")
            return _build(brief, audiences, list(dict.fromkeys(_names(formats))), Path(out),
                          profile_files, docx_template, pptx_template, on_file, jobs, cache,
                          charts)
    finally:
        office.stop_offices()  # a LibreOffice started ahead that no layout took


def _build(brief: str | Path | None, audiences: str | Sequence[str], fmts: list[str],
           out: Path, profile_files: Sequence[str | Path], docx_template: str | Path | None,
           pptx_template: str | Path | None, on_file: Callable[[Output], None] | None,
           jobs: int | None, cache: bool, chart_folder: Path) -> list[Output]:
    started = time.perf_counter()
    documents = [f for f in fmts if f != "pdf"]
    if "pdf" in fmts and "docx" not in documents:
        documents.append("docx")  # rendered to a temporary folder, converted, not kept
    plans = plan_brief(Path(brief) if brief else default_brief(), _names(audiences),
                       [Path(f) for f in profile_files],
                       lambda: worker_count(jobs, 3, office.started()), cache,
                       on_profiles=lambda profiles: _lay_out_ahead(documents, profiles),
                       meanwhile=lambda: _import_writers(documents))
    soffice = office.find_soffice() if "pdf" in fmts else None
    if "pdf" in fmts and soffice is None:
        raise InputError([Problem("formats", None, None, "", office.MISSING)])
    docx_t = Path(docx_template) if docx_template else None
    pptx_t = Path(pptx_template) if pptx_template else None
    mark = time.perf_counter()
    charts = render_all_charts(plans, documents, chart_folder)
    if charts:
        log.info("chart pictures ready (%s) in %.2f s", len(charts), time.perf_counter() - mark)
    keep_docx = "docx" in fmts
    staging = office.staging_dir(out) if "pdf" in fmts else None
    records = OutputRecords(current().cache_dir("outputs")) if cache else None
    templates = {"docx": docx_t, "pptx": pptx_t}
    try:
        tag = secrets.token_hex(4)
        tasks = []
        for plan in plans:
            for f in documents:
                path = _target(out, staging, plan, f, keep_docx)
                kept = records if path.parent == out else None  # not a DOCX staged for a PDF
                tasks.append(_task(plan, f, templates[f], charts, kept, path, tag))
        if any(t.format == "docx" and not t.unchanged and made_from.needs_layout(
                t.plan, charts, docx_t) for t in tasks):
            office.start_once()  # its start-up overlaps with rendering the other files
        renderers = {f: make_renderer(f, docx_t, pptx_t, cache)
                     for f in dict.fromkeys(t.format for t in tasks if not t.unchanged)}
        tasks = [dataclasses.replace(t, renderer=renderers.get(t.format)) for t in tasks]
        workers = worker_count(jobs, sum(not t.unchanged for t in tasks), office.started())

        def done(output: Output, task: _Task) -> None:
            if records and not output.unchanged and task.path.parent == out:
                records.put(task.path, made_from.recipe(task.format, task.plan, charts,
                                                        templates[task.format]))
            if on_file and _kept(output, fmts):
                on_file(output)

        written = _render(tasks, charts, workers, on_file=done)
        if soffice is not None:
            docx = [o for o in written if o.format == "docx"]
            for result in _convert_pdfs(soffice, docx, out, staging):
                written.append(result)
                if on_file:
                    on_file(result)
    finally:
        if staging is not None:
            office.remove_tree(staging)
    log.info("built %s in %.2f s (%s)", _n(len(written), "file"), time.perf_counter() - started,
             f"{_n(workers, 'process', 'es')}")
    return [o for o in written if _kept(o, fmts)]


#: The writer of each format, imported before it renders (python-docx, python-pptx).
_WRITERS = {"docx": "briefgen.render.docx.renderer", "pptx": "briefgen.render.pptx.renderer"}


def _import_writers(formats: Sequence[str]) -> None:
    for fmt in formats:
        if fmt in _WRITERS:
            importlib.import_module(_WRITERS[fmt])


def _lay_out_ahead(formats: Sequence[str], profiles: Sequence[Profile]) -> None:
    """Planning afresh (the brief or a profile changed), a document with contents will be laid
    out: LibreOffice starts now, and its start-up overlaps planning and rendering."""
    if "docx" in formats and made_from.wants_layouts(None) and any(
            p.document.toc for p in profiles):
        office.start_once()


def _convert_pdfs(soffice: str, docx: Sequence[Output], out: Path, staging: Path
                  ) -> list[Output]:
    """Convert ``docx`` files to PDFs in ``out`` with one LibreOffice run; return the PDFs.

    Each PDF is made in ``staging`` (inside ``out``) and renamed into place, so a reader never
    sees half a PDF.

    :raises RuntimeError: when LibreOffice fails or produces no PDF for a file.
    """
    if not docx:
        return []
    start = time.perf_counter()
    made_pdfs = office.to_pdfs(soffice, [o.path for o in docx], staging)
    each = (time.perf_counter() - start) / len(docx)
    results = []
    for item, made in zip(docx, made_pdfs):
        target = out / made.name
        os.chmod(made, 0o644)
        os.replace(made, target)
        results.append(Output(target, item.audience, "pdf", each))
    return results


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


def render_all_charts(plans: Sequence[DocPlan], formats: Sequence[str] = ("docx",),
                      folder: Path | None = None) -> dict[str, Path]:
    """Draw, once, every chart picture the files need: all charts of a plan whose profile asks
    for pictures in the DOCX (``document.charts: picture``). Otherwise every chart is drawn by
    the writers themselves (Word and PowerPoint charts, timelines as table or shapes), so a
    build never imports matplotlib.

    :param folder: where the pictures go (None: the chart cache, :func:`chart_cache_dir`).
    """
    if "docx" not in formats:
        return {}
    specs = {c.id: c for plan in plans if not plan.native_charts for c in plan.charts}
    if not specs:
        return {}
    from briefgen.charts.render import render_charts

    return render_charts(specs.values(), folder or chart_cache_dir(), plans[0].timeline)


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
    waits for it holds no lock: the files after it are rendered (staged) meanwhile, so the last
    one is ready the moment the layout is. Each file still takes its place in order, so a
    failure leaves the files after it untouched, as in a serial build.
    """
    waiting = [i for i, task in enumerate(tasks)
               if not task.unchanged and _cost(task)[0] == _LAYOUT]
    with ThreadPoolExecutor(max_workers=1) as background:
        pending = {i: background.submit(_timed_stage, tasks[i], charts) for i in waiting}
        staged: dict[int, tuple[Path, float]] = {}
        results: list[Output] = []

        def place_through(end: int, wait: bool) -> None:
            """Put the files before ``end`` in place, in order; without ``wait``, stop at
            one whose layout is still running."""
            while len(results) < end:
                i = len(results)
                if i in pending and not wait and not pending[i].done():
                    return
                task = tasks[i]
                results.append(_left_alone(task) if task.unchanged else
                               _place(task, pending.pop(i).result() if i in pending
                                      else staged.pop(i)))
                on_file(results[-1], task)

        try:
            for i, task in enumerate(tasks):
                if not task.unchanged and i not in pending:
                    staged[i] = _timed_stage(task, charts)
                place_through(i + 1, wait=False)
            place_through(len(tasks), wait=True)
            return results
        finally:
            for future in pending.values():
                future.cancel()
            background.shutdown(wait=True)  # its staged file is removed with the others


def plan_brief(brief: Path, audiences: Sequence[str], profile_files: Sequence[Path],
               workers: int | Callable[[], int] = 1, cache: bool = True,
               on_profiles: Callable[[Sequence[Profile]], None] | None = None,
               meanwhile: Callable[[], None] | None = None) -> list[DocPlan]:
    """Load the brief and profiles and plan each audience, or reuse the plans of an earlier
    build that read the same unchanged files (:mod:`briefgen.plan_cache`).

    :param on_profiles: told the profiles before planning starts (when it does).
    :param workers: processes to plan in, or what decides it once ``on_profiles`` was told
        (it may have started a LibreOffice, which keeps a CPU busy).
    :param meanwhile: work of this process that may run while another plans (with ``workers``
        of two or more); it runs whenever the brief is planned.
    """
    from briefgen.plan_cache import Dependencies, PlanCache, Request

    started = time.perf_counter()
    settings = current()
    store = PlanCache(settings.cache_dir("plans")) if cache and settings.cache else None
    request = Request.of(brief, audiences, profile_files, settings)
    if store and (plans := store.get(request)) is not None:
        log.info("reused the plans of an earlier build of %s (unchanged) in %.2f s", brief,
                 time.perf_counter() - started)
        return plans
    from briefgen.load.audiences import resolve_profiles
    from briefgen.load.brief import load_brief

    with reading() as reads:
        loaded = load_brief(brief)
        profiles = resolve_profiles(audiences, profile_files)
    log.info("loaded %s and %s in %.2f s", loaded.path, _n(len(profiles), "profile"),
             time.perf_counter() - started)
    if on_profiles:
        on_profiles(profiles)
    mark = time.perf_counter()
    plans = _plan(loaded, profiles, workers() if callable(workers) else workers, meanwhile)
    log.info("planned %s in %.2f s", _n(len(plans), "audience"), time.perf_counter() - mark)
    if store:
        photos = [loaded.path.parent / p.file for p in loaded.brief.photos if p.file]
        store.put(request, Dependencies.of(reads, photos), plans)
    return plans


#: Below this many paragraphs, planning all audiences takes less time than forking workers and
#: warming up the segmenter in each (the bundled brief, ~50 paragraphs: 0.1 s per audience).
PARALLEL_PLAN_PARAGRAPHS = 200


def _plan(loaded: LoadedBrief, profiles: Sequence[Profile], workers: int,
          meanwhile: Callable[[], None] | None = None) -> list[DocPlan]:
    """Each profile's plan. A big brief is planned in ``workers`` processes, one audience
    each; a small one in one, beside this process (which runs ``meanwhile``) when there is a
    worker to spare: for the bundled brief, loading the word cutter (0.17 s) and planning
    overlap with importing the writers (python-docx, python-pptx: 0.15 s)."""
    from briefgen.plan.audience import plan_for

    def plan_all() -> list[DocPlan]:
        return [plan_for(loaded, profile) for profile in profiles]

    if sum(len(s.paragraphs) for s in loaded.brief.sections) >= PARALLEL_PLAN_PARAGRAPHS:
        # Full-text, long-summary profiles take longest to plan: start them first.
        plans = in_order(lambda i: plan_for(loaded, profiles[i]), len(profiles), workers,
                         cost=lambda i: (profiles[i].document.section_text == "full",
                                         profiles[i].summary.zh))
    elif workers > 1 and meanwhile:
        return beside(plan_all, meanwhile)
    else:
        plans = plan_all()
    if meanwhile:
        meanwhile()
    return plans


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
