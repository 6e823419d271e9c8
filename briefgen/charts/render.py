"""Chart pictures: each ChartSpec is drawn once per build to a PNG shared by all writers.

Pictures are cached in a folder by a content hash, so a second build with the same charts draws
nothing and does not even import matplotlib. The drawing itself lives in
:mod:`briefgen.charts.draw`, which is imported only when a picture is actually drawn.

The same spec always gives the same bytes (no software/time metadata in the PNG), and every file
is written to a temporary name in the cache folder and renamed into place, so a concurrent build
never reads half a picture.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import BinaryIO

from briefgen.plan.model import ChartSpec, TimelineItem

__all__ = ["RENDERER_VERSION", "cache_key", "render_charts"]

log = logging.getLogger(__name__)

#: Bump when the drawing code changes the pictures, so stale cached files are not reused.
RENDERER_VERSION = "3"  # 3: chart labels wrap with the lexicon's line-break sets


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

    Built from ``spec.key``, the renderer version and the matplotlib/font versions; a timeline
    chart also hashes the items it draws (``spec.key`` does not contain them).
    """
    text = f"briefgen-chart\0{RENDERER_VERSION}\0{_toolchain()}\0{spec.key}"
    if spec.kind == "timeline":
        text += "\0" + repr(tuple((t.date, t.year, t.label) for t in timeline))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _draw_png(spec: ChartSpec, timeline: Sequence[TimelineItem], out: BinaryIO) -> None:
    """Draw one picture into ``out``; the only place that pulls in matplotlib."""
    from briefgen.charts import draw  # lazy: imports matplotlib

    draw.draw_png(spec, timeline, out)


def _write_atomically(path: Path, spec: ChartSpec, timeline: Sequence[TimelineItem]) -> None:
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".chart-", suffix=".png.tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            _draw_png(spec, timeline, out)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def render_charts(
    specs: Iterable[ChartSpec], cache_dir: Path, timeline: Sequence[TimelineItem] = ()
) -> dict[str, Path]:
    """Draw each chart once to a PNG (chart id -> path).

    Pictures are cached in ``cache_dir`` by a content hash of ``spec.key`` (plus a renderer
    version constant), so a second build draws nothing. Specs with the same id are drawn once;
    two different specs under one id are an error. Charts of kind ``timeline`` draw the
    ``timeline`` items given.

    :raises ValueError: for a spec that cannot be drawn (see :mod:`briefgen.charts.draw`) or two
        different specs sharing one id.
    """
    cache_dir = Path(cache_dir)
    timeline = tuple(timeline)
    by_id: dict[str, ChartSpec] = {}
    for spec in specs:
        seen = by_id.setdefault(spec.id, spec)
        if seen is not spec and seen.key != spec.key:
            raise ValueError(f"two different charts share the id {spec.id!r}")

    result: dict[str, Path] = {}
    drawn = 0
    if by_id:
        cache_dir.mkdir(parents=True, exist_ok=True)
    for chart_id, spec in by_id.items():
        path = cache_dir / f"chart-{cache_key(spec, timeline)[:32]}.png"
        if not path.is_file():
            _write_atomically(path, spec, timeline)
            drawn += 1
        result[chart_id] = path
    log.debug("charts: %d drawn, %d from cache in %s", drawn, len(result) - drawn, cache_dir)
    return result
