"""What the environment says, read once when a build starts and passed down from there.

Every environment variable briefgen obeys is a field of :class:`Settings`, read in one place
(:meth:`Settings.from_environment`). A build reads them at its entry; what it plans with is part
of the plan cache's key as a whole (:meth:`Settings.planning`), so a setting added here is in
the key without a second list to keep in step.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_OFF = ("0", "no", "false")


@dataclass(frozen=True)
class Settings:
    """The environment's say in a build."""

    #: ``BRIEFGEN_CACHE``: builds may reuse what earlier builds kept (``0``: never).
    cache: bool = True
    #: ``BRIEFGEN_TOC_PAGES``: contents get page numbers from LibreOffice (``0``: test suites
    #: and CI that build academic documents many times skip the layouts).
    toc_pages: bool = True
    #: ``XDG_CACHE_HOME``: where caches live (None: ``~/.cache``).
    cache_home: Path | None = None
    #: ``SOURCE_DATE_EPOCH``: the files' time, for reproducible builds ("" : the brief's date).
    source_date_epoch: str = ""
    #: ``BRIEFGEN_ZH_CUTTER``: ``jieba`` cuts Chinese words with jieba instead of rjieba.
    zh_cutter: str = ""

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(cache=env.get("BRIEFGEN_CACHE", "1").strip().lower() not in _OFF,
                   toc_pages=env.get("BRIEFGEN_TOC_PAGES", "1").lower() not in _OFF,
                   cache_home=Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else None,
                   source_date_epoch=env.get("SOURCE_DATE_EPOCH", "").strip(),
                   zh_cutter=env.get("BRIEFGEN_ZH_CUTTER", "").lower())

    def planning(self) -> str:
        """What of these settings loading and planning may read, as text for cache keys: all
        but the switches of the build itself."""
        return repr((self.source_date_epoch, self.zh_cutter))

    def cache_dir(self, kind: str) -> Path:
        """``~/.cache/briefgen/KIND`` (or under ``$XDG_CACHE_HOME``)."""
        return (self.cache_home or Path.home() / ".cache") / "briefgen" / kind


_ACTIVE: list[Settings] = []


def current() -> Settings:
    """The settings of the build running now, else (a plan made outside a build) the
    environment's."""
    return _ACTIVE[-1] if _ACTIVE else Settings.from_environment()


@contextmanager
def active(settings: Settings) -> Iterator[Settings]:
    """Make ``settings`` what :func:`current` gives while a build runs."""
    _ACTIVE.append(settings)
    try:
        yield settings
    finally:
        _ACTIVE.remove(settings)
