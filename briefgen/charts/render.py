"""Chart pictures: each ChartSpec is drawn once per build to a PNG shared by all writers.

Pictures are cached in a folder by a content hash (:mod:`briefgen.cache`: the installation,
so a change to the drawing code needs no version bump, the matplotlib and font versions, the
spec), so a second build with the same charts draws nothing and does not even import matplotlib.
The drawing itself lives in :mod:`briefgen.charts.draw`, which is imported only when a picture
is actually drawn.

The same spec always gives the same bytes (no software/time metadata in the PNG), and every file
is stored atomically, so a concurrent build never reads half a picture.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import BinaryIO

from briefgen import cache
from briefgen.plan.model import ChartSpec, TimelineItem

__all__ = ["cache_key", "render_charts"]

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _toolchain() -> str:
    """Versions that change the pixels, read without importing matplotlib."""
    parts = []
    for dist in ("matplotlib", "noto-cjk-sans-otc"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    return ";".join(parts)


def cache_key(spec: ChartSpec, timeline: Sequence[TimelineItem] = ()) -> str:
    """Hex content hash naming the picture of ``spec``.

    Built from ``spec.key``, briefgen's installation and the matplotlib/font versions; a
    timeline chart also hashes the items it draws (``spec.key`` does not contain them).
    """
    drawn = repr(tuple((t.date, t.year, t.label) for t in timeline))
    return cache.key("chart", _toolchain(), spec.key, drawn if spec.kind == "timeline" else "")


def _draw_png(spec: ChartSpec, timeline: Sequence[TimelineItem], out: BinaryIO) -> None:
    """Draw one picture into ``out``; the only place that pulls in matplotlib."""
    from briefgen.charts import draw  # lazy: imports matplotlib

    draw.draw_png(spec, timeline, out)


def render_charts(
    specs: Iterable[ChartSpec], cache_dir: Path, timeline: Sequence[TimelineItem] = ()
) -> dict[str, Path]:
    """Draw each chart once to a PNG (chart id -> path).

    Pictures are cached in ``cache_dir`` by :func:`cache_key`, so a second build draws
    nothing (a build without caches passes a folder of its own). Specs with the same id are drawn
    once; two different specs under one id are an error. Charts of kind ``timeline`` draw the
    ``timeline`` items given.

    :raises ValueError: for a spec that cannot be drawn (see :mod:`briefgen.charts.draw`) or two
        different specs sharing one id.
    """
    store = cache.Store(cache_dir, ".png")
    timeline = tuple(timeline)
    by_id: dict[str, ChartSpec] = {}
    for spec in specs:
        seen = by_id.setdefault(spec.id, spec)
        if seen is not spec and seen.key != spec.key:
            raise ValueError(f"two different charts share the id {spec.id!r}")

    result: dict[str, Path] = {}
    drawn = 0
    for chart_id, spec in by_id.items():
        name = f"chart-{cache_key(spec, timeline)[:32]}"
        path = store.path(name)
        if not path.is_file():
            picture = io.BytesIO()
            _draw_png(spec, timeline, picture)
            if not store.write(name, picture.getvalue()):
                raise OSError(f"cannot write the chart picture {path}")
            drawn += 1
        result[chart_id] = path
    log.debug("charts: %d drawn, %d from cache in %s", drawn, len(result) - drawn, cache_dir)
    return result
