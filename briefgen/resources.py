"""Where briefgen's data folders are: inside the installed package, or at the top of a checkout.

The wheel ships ``templates/``, ``assets/`` and ``briefs/`` as ``briefgen/_data/...``; a checkout
(or an editable install) reads them from the repository root. One function decides, so nothing
else needs to know how briefgen was installed.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

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


def cache_dir(kind: str) -> Path:
    """``~/.cache/briefgen/KIND`` (or under ``$XDG_CACHE_HOME``): results worth keeping between
    builds, each stored under a hash of everything it depends on, so a stale entry is never hit.
    Deleting the folder is always safe."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefgen" / kind
