"""Plans kept between builds, so a rebuild of an unchanged brief goes straight to rendering.

Loading and planning (YAML, validation, Chinese word segmentation, summaries) is a pure function
of the files a build reads, briefgen's own code and data, a few libraries and the settings
planning reads. Like Sphinx's pickled environment, the plans of a build are stored with the list of
files it read and their content hashes; the next build with the same request checks those hashes
and, if nothing changed, unpickles the plans instead of loading and planning again. It then
never imports the loader's libraries (pydantic, the word cutter) at all.

What decides a hit:

* the request: the brief's path, the audiences and profile files asked for;
* a fingerprint of the installation: every file of the briefgen package and of its data folders
  (size and modification time), the libraries planning uses, the Python version;
* the settings planning reads (:meth:`briefgen.settings.Settings.planning`:
  ``SOURCE_DATE_EPOCH``, ``BRIEFGEN_ZH_CUTTER``);
* the content (SHA-256) of every file the build read (brief, profiles; see
  :func:`briefgen.resources.reading`) and the size and time of every photo the brief names.

Keys and entries follow :mod:`briefgen.cache`: a cache entry that cannot be read is a miss;
deleting the folder is always safe. The cache is the user's own (``~/.cache/briefgen/plans``);
pickles are only read from there.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import cache
from briefgen.fingerprint import file_stat
from briefgen.settings import Settings, current

if TYPE_CHECKING:
    from briefgen.plan.model import DocPlan

#: Raised whenever the entry layout changes, so old entries are misses.
FORMAT = 1
#: Entries kept; the least recently used go first (each code or brief version makes new ones).
KEEP = 32


@dataclass(frozen=True)
class Request:
    """What a build asks for, and the fingerprint of everything it reads that is not a file."""

    key: str

    @classmethod
    def of(cls, brief: Path, audiences: Sequence[str], profile_files: Sequence[Path],
           settings: Settings | None = None) -> Request:
        """:param settings: the build's (None: the environment's)."""
        settings = settings or current()
        return cls(cache.key("plans", f"format {FORMAT}", os.path.abspath(brief),
                             *audiences, "|", *(os.path.abspath(p) for p in profile_files), "|",
                             settings.planning()))


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


@dataclass(frozen=True)
class Dependencies:
    """The files a build read (by content) and the files it only named (by size and time)."""

    read: tuple[tuple[str, str], ...]
    named: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, read: Iterable[tuple[Path, str]], named: Iterable[Path]) -> Dependencies:
        """``read``: files and the SHA-256 of what was read; ``named``: files only named (by
        absolute path, with what they lead to: a symlink changed to point out of the brief's
        folder must be checked again)."""
        paths = dict.fromkeys(os.path.abspath(p) for p in named)
        return cls(tuple((str(p), digest) for p, digest in dict.fromkeys(read)),
                   tuple((p, _named_state(p)) for p in paths))

    def unchanged(self) -> bool:
        return (all(_sha256(Path(p)) == h for p, h in self.read)
                and all(_named_state(p) == s for p, s in self.named))


def _named_state(path: str) -> str:
    return f"{os.path.realpath(path)}:{file_stat(Path(path))}"


class PlanCache:
    """Plans by :class:`Request`, valid while their :class:`Dependencies` are unchanged."""

    def __init__(self, folder: Path) -> None:
        self.store = cache.Store(folder, ".pickle", keep=KEEP)

    def get(self, request: Request) -> list[DocPlan] | None:
        data = self.store.read(request.key)
        if data is None:
            return None
        try:
            stored_format, deps, plans = _Unpickler(io.BytesIO(data)).load()
        except Exception:  # noqa: BLE001 - a cache entry that cannot be read is a miss
            return None
        if stored_format != FORMAT or not isinstance(deps, Dependencies) or not deps.unchanged():
            return None
        self.store.used(request.key)  # recently used: pruned last
        return plans

    def put(self, request: Request, deps: Dependencies, plans: Sequence[DocPlan]) -> None:
        buffer = io.BytesIO()
        _Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump((FORMAT, deps, list(plans)))
        self.store.write(request.key, buffer.getvalue())


def rebuild_proxy(data: dict[str, object]) -> types.MappingProxyType[str, object]:
    return types.MappingProxyType(data)


def reduce_proxy(proxy: types.MappingProxyType[str, object]) -> tuple[object, ...]:
    """How a plan's read-only label mapping (a mappingproxy, which pickle refuses) pickles:
    as a dict, made read-only again. Used here and for results coming back from workers."""
    return rebuild_proxy, (dict(proxy),)


class _Pickler(pickle.Pickler):
    """Pickles plans, label mappings included (:func:`reduce_proxy`)."""

    def reducer_override(self, obj: object) -> object:
        if isinstance(obj, types.MappingProxyType):
            return reduce_proxy(obj)
        return NotImplemented


#: What a plan is made of besides the classes of briefgen.plan.model.
_PLAIN = {("datetime", n) for n in ("datetime", "date", "time", "timedelta", "timezone")}
_PLAIN |= {("pathlib", n) for n in ("Path", "PosixPath", "WindowsPath", "PurePosixPath",
                                    "PureWindowsPath")}
_PLAIN |= {(__name__, "rebuild_proxy"), (__name__, "Dependencies")}


class _Unpickler(pickle.Unpickler):
    """Finds only the classes of a plan (briefgen.plan.model, by plain name: pickle would
    follow a dotted one such as ``os.system`` through a module's imports) and the few plain
    types it holds: an entry cannot call anything else, whoever wrote it."""

    def find_class(self, module: str, name: str) -> object:
        if module == "briefgen.plan.model" and name.isidentifier():
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        elif (module, name) in _PLAIN:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a plan")
