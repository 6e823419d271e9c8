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


#: Where fonts and fontconfig's caches live: installing or removing a font changes a time here
#: (package managers and fc-cache rewrite the caches). LibreOffice lays out with these.
FONT_PLACES = ("/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts", "/var/cache/fontconfig",
               "~/.fonts", "~/.local/share/fonts", "~/.cache/fontconfig")
#: The font files briefgen itself measures text with (PPTX fitting): (package, file in it).
MEASURING_FONTS = (("noto_cjk_sans_otc", "NotoSansCJK-Regular.ttc"),
                   ("matplotlib", "mpl-data/fonts/ttf/DejaVuSans.ttf"),
                   ("matplotlib", "mpl-data/fonts/ttf/DejaVuSans-Bold.ttf"))


def system_fonts() -> str:
    """The state of the system's font folders: a font added or removed moves page breaks.

    Read on every call (a few stats): a long-running caller may install a font in between.
    """
    return "\n".join(f"{place}:{file_stat(Path(place).expanduser())}" for place in FONT_PLACES)


def font_state() -> str:
    """The system's fonts and the files briefgen measures text with, found without importing
    their packages (matplotlib's import alone takes half a second)."""
    rows = [system_fonts()]
    for package, name in MEASURING_FONTS:
        folder = _package_folder(package)
        rows.append(f"{package}/{name}:" + (file_stat(folder / name) if folder else "missing"))
    return "\n".join(rows)


@cache
def _package_folder(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))
