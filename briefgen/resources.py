"""Where briefgen's data folders are: inside the installed package, or at the top of a checkout.

The wheel ships ``templates/``, ``assets/`` and ``briefs/`` as ``briefgen/_data/...``; a checkout
(or an editable install) reads them from the repository root. One function decides, so nothing
else needs to know how briefgen was installed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from briefgen.settings import current

_PACKAGE = Path(__file__).resolve().parent
DEFAULT_BRIEF = "belt-and-road-forum-2017"


@cache
def data_dir(name: str) -> Path:
    """Folder ``templates``, ``assets`` or ``briefs``, wherever this installation keeps it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"briefgen data folder {name!r} is missing from this installation")


def default_brief() -> Path:
    """The bundled example brief, built when no ``--brief`` is given."""
    return data_dir("briefs") / DEFAULT_BRIEF / "brief.yaml"


def caching() -> bool:
    """Whether builds may reuse plans and contents page numbers of earlier builds: yes, unless
    the settings say ``BRIEFGEN_CACHE=0`` (``--no-cache`` turns them off for one build)."""
    return current().cache


def cache_dir(kind: str) -> Path:
    """``~/.cache/briefgen/KIND`` (or under ``$XDG_CACHE_HOME``): results worth keeping between
    builds, each stored under a hash of everything it depends on, so a stale entry is never hit.
    Deleting the folder is always safe."""
    return current().cache_dir(kind)


_READS: ContextVar[tuple[list[tuple[Path, str]], ...]] = ContextVar("briefgen_reads", default=())


@contextmanager
def reading() -> Iterator[list[tuple[Path, str]]]:
    """Collect the input files read while the block runs, each with the SHA-256 of the bytes
    read (see :func:`note_read`): a build keeps its plans with that list, and reuses them while
    those files still hold the same bytes."""
    log: list[tuple[Path, str]] = []
    token = _READS.set((*_READS.get(), log))
    try:
        yield log
    finally:
        _READS.reset(token)


def note_read(path: Path, data: bytes) -> None:
    """Record that an input file was read, and what it held (the loader calls this for every
    file it reads; hashing the bytes read, not the file later, misses no edit made meanwhile)."""
    logs = _READS.get()
    if logs:
        entry = (path.resolve(), hashlib.sha256(data).hexdigest())
        for log in logs:
            log.append(entry)
