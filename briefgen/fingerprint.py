"""What this installation of briefgen is, as one string: part of every cache key.

A cached plan or page list is only valid for the code and data that made it. Hashing every file
on every build would cost more than some of what the caches save, so files are fingerprinted by
size and modification time (what ``make`` trusts): briefgen's own files and data folders, and
the top-level file of each library a build uses. An upgrade or an edit changes at least one.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import cache
from pathlib import Path

from briefgen import __version__
from briefgen.resources import data_dir

#: Libraries whose behaviour shapes a plan or a document.
LIBRARIES = ("rjieba", "jieba", "snowballstemmer", "babel", "jinja2", "yaml", "pydantic",
             "pydantic_core", "cn2an", "docx", "pptx", "lxml", "xlsxwriter", "PIL",
             "noto_cjk_sans_otc")
_PACKAGE = Path(__file__).resolve().parent


@cache
def installation() -> str:
    """briefgen's version, files and data, the libraries' locations and times, Python's version.

    Computed once per process: a build does not expect its own code to change under it.
    """
    rows = [__version__, sys.version, _tree(_PACKAGE)]
    for name in ("templates", "briefs"):
        try:
            rows.append(_tree(data_dir(name)))
        except FileNotFoundError:
            rows.append(f"{name} missing")
    rows += [f"{name}:{_library(name)}" for name in LIBRARIES]
    return "\n".join(rows)


def file_stat(path: Path) -> str:
    """``size:mtime_ns`` of ``path``, or ``missing``."""
    try:
        info = path.stat()
    except OSError:
        return "missing"
    return f"{info.st_size}:{info.st_mtime_ns}"


def _tree(folder: Path) -> str:
    """Every file under ``folder`` but compiled Python: relative path, size, time."""
    rows = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(root, name)
            rows.append(f"{os.path.relpath(path, folder)}:{file_stat(Path(path))}")
    return f"{folder}\n" + "\n".join(rows)


def _library(name: str) -> str:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return "missing"
    if spec is None or not spec.origin:
        return "missing"
    return f"{spec.origin}:{file_stat(Path(spec.origin))}"
