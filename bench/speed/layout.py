"""What each change to the contents layout buys: the academic DOCX's page numbers settled by
LibreOffice on a first build, timed in three ways, interleaved, medians.

* two layouts, one start each (before issue 18): placeholder numbers, then the found ones
  to confirm them;
* both in one start: the first layout lays out the document with the widest and the narrowest
  numbers in one LibreOffice run, and when they agree no second layout is needed
  (``briefgen.contents.layout.bracketed``);
* and started ahead: as a build does, LibreOffice is started before the rest of the build's
  work (here ``--work`` seconds of CPU work in this process, standing in for planning and
  rendering the other files), and the layout hands its conversion to it.

Run: ``python bench/speed/layout.py [--reps N] [--work S]``. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefgen import office  # noqa: E402
from briefgen.contents import layout  # noqa: E402
from briefgen.render.docx import toc  # noqa: E402


def academic_document() -> Callable:
    """The bundled brief's academic DOCX as ``settle`` builds it (plan loaded once)."""
    import io

    from briefgen.pipeline import plan_brief
    from briefgen.render.docx.renderer import DocxRenderer, _toc_headings
    from briefgen.resources import default_brief

    (plan,) = plan_brief(default_brief(), ["academic"], [], cache=False)
    renderer = DocxRenderer()
    count = len(_toc_headings(plan))

    def build(pages):
        writer = renderer._write(plan, {}, pages or [toc.PLACEHOLDER_PAGE] * count)
        out = io.BytesIO()
        writer.doc.save(out)
        return out.getvalue(), writer.toc_entries

    return build


def busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


WAYS = ("two layouts, one start each", "both in one start", "both in one start, started ahead")


def run(build: Callable, way: str, work: float, soffice: str) -> float:
    start = time.perf_counter()
    saved = layout.bracketed
    if way == WAYS[0]:
        layout.bracketed = lambda wide, narrow: False  # type: ignore[assignment]
    try:
        if way == WAYS[2]:
            office.start_office(soffice)
        busy(work)
        pages = layout.settle(build, soffice)
    finally:
        layout.bracketed = saved  # type: ignore[assignment]
        office.stop_offices()
    assert pages, "no page numbers"
    return time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--work", type=float, default=0.6, help="seconds of other build work")
    args = p.parse_args()
    soffice = office.find_soffice()
    if soffice is None:
        raise SystemExit("LibreOffice is not installed")
    build = academic_document()
    ways = list(WAYS)
    times: dict[str, list[float]] = {w: [] for w in ways}
    for rep in range(args.reps):
        for way in ways if rep % 2 == 0 else reversed(ways):
            times[way].append(run(build, way, args.work, soffice))
        print(f"  repetition {rep + 1}/{args.reps}", file=sys.stderr)
    base = statistics.median(times[ways[0]])
    print(f"| academic DOCX: {args.work:.1f} s of other work, then its page numbers | median | "
          f"vs {ways[0]} |\n|---|---:|---:|")
    for way in ways:
        median = statistics.median(times[way])
        print(f"| {way} | {median:.2f} s | {median / base:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
