"""Build the brief, take pictures of its files, and write ``OUT/preview/index.html``.

Everything that can be wrong with the input (the brief, a profile, a template, no LibreOffice)
is found before anything is written; the page itself is written last and renamed into place, so
a reader (or the watch server) never sees half a page, and a failed build leaves the last good
page as it was.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
import warnings
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import office
from briefgen.errors import InputError, first_line
from briefgen.preview.facts import AudienceFacts, describe
from briefgen.preview.notes import speaker_notes
from briefgen.preview.page import render_page, version_of
from briefgen.preview.snapshots import Snapshot, Snapshotter, prune
from briefgen.resources import default_brief
from briefgen.write import store

if TYPE_CHECKING:
    from briefgen.pipeline import Output

log = logging.getLogger("briefgen")

MISSING = "needs LibreOffice to draw the pages, and soffice is not on PATH"
INSTALL = ("install it: apt-get install libreoffice-writer libreoffice-impress, "
           "or from libreoffice.org")
FOLDER = "preview"
#: In ``pages/``: the names of the last build's pictures, PDFs and manifests.
KEPT = "kept.json"


@dataclass(frozen=True)
class Options:
    """What to build: the same choices as ``briefgen build`` (see :func:`briefgen.build`)."""

    brief: Path | None = None
    audiences: Sequence[str] = ("all",)
    profile_files: Sequence[Path] = ()
    formats: Sequence[str] = ("docx", "pptx")
    out: Path = Path("out")
    docx_template: Path | None = None
    pptx_template: Path | None = None
    jobs: int | None = 1  # one process: warnings raised while rendering are caught here
    cache: bool = True

    @property
    def brief_path(self) -> Path:
        return self.brief or default_brief()

    @property
    def folder(self) -> Path:
        return self.out / FOLDER


@dataclass(frozen=True)
class FileView:
    """One written file on the page: its pictures and, for a deck, each slide's notes."""

    name: str
    format: str  # docx or pptx
    link: str  # relative to the preview folder
    pdf_link: str
    pages: tuple[str, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AudienceView:
    facts: AudienceFacts
    files: tuple[FileView, ...]

    def count(self, fmt: str) -> int:
        return sum(len(f.pages) for f in self.files if f.format == fmt)


@dataclass(frozen=True)
class Preview:
    """What the page shows, and where it was written."""

    title: str
    brief: str
    lang: str  # zh or en: the page speaks the brief's language
    audiences: tuple[AudienceView, ...]
    warnings: tuple[str, ...] = ()
    index: Path = field(default=Path(), compare=False)

    @property
    def version(self) -> str:
        """The version written in the page (a hash of its content): the watch page reloads
        when the served version differs from its own."""
        return version_of(self.index.read_text(encoding="utf-8"))


def find_soffice() -> str:
    """LibreOffice's command, or the one-line InputError saying how to install it."""
    soffice = office.find_soffice()
    if soffice is None:
        raise InputError.single("briefgen preview", MISSING, hint=INSTALL)
    return soffice


def make_preview(options: Options) -> Preview:
    """Build (reusing what earlier builds of the same files found), draw and write the page.

    :raises InputError: bad input or no LibreOffice; nothing is written then.
    """
    from briefgen.pipeline import build

    soffice = find_soffice()
    started = time.perf_counter()
    formats = [f for f in options.formats if f in ("docx", "pptx")] or ["docx", "pptx"]
    folder = options.folder
    with warnings.catch_warnings(record=True) as caught, \
            Snapshotter(soffice, folder) as snapper:
        warnings.simplefilter("always")
        outputs = build(
            brief=options.brief_path, audiences=options.audiences, formats=formats,
            out=options.out, profile_files=options.profile_files,
            docx_template=options.docx_template, pptx_template=options.pptx_template,
            jobs=options.jobs, cache=options.cache,
            on_file=lambda output: snapper.add(output.path))
        mark = time.perf_counter()
        shots = {s.source: s for s in snapper.finish()}
    log.info("preview: built in %.2f s; the last pictures %.2f s later", mark - started,
             time.perf_counter() - mark)
    shown = _shown_pictures(folder / "index.html")
    preview = describe_build(options, outputs, shots,
                             [_warning_text(w) for w in caught if _worth_showing(w)])
    written = write_page(preview, folder)
    _keep_two_builds(folder / "pages", shots.values(), shown)
    prune(folder / "files", {Path(link).name for view in preview.audiences
                             for f in view.files for link in (f.link, f.pdf_link)})
    return written


def describe_build(options: Options, outputs: Sequence[Output], shots: Mapping[Path, Snapshot],
                   raised: Sequence[str]) -> Preview:
    """What the page shows: each audience's facts (from its plan) and files (copied into the
    preview folder, with their pictures and notes), and the warnings the build ``raised``."""
    from briefgen.load.audiences import resolve_profiles
    from briefgen.load.brief import load_brief
    from briefgen.pipeline import plan_brief

    plans = plan_brief(options.brief_path, list(options.audiences), list(options.profile_files),
                       cache=options.cache)  # the build's plans, from the plan cache
    loaded = load_brief(options.brief_path)
    profiles = {p.id: p for p in resolve_profiles(list(options.audiences),
                                                   list(options.profile_files))}
    views = []
    for plan in plans:
        mine = [o for o in outputs if o.audience == plan.meta.audience]
        files = tuple(_file_view(shots[o.path], o.format, options.folder) for o in mine)
        views.append(AudienceView(describe(plan, profiles[plan.meta.audience], loaded.brief),
                                  files))
    return Preview(title=loaded.brief.meta.title, brief=_shown_path(loaded.path),
                   lang=loaded.brief.meta.language.value, audiences=tuple(views),
                   warnings=tuple(dict.fromkeys(raised)))


def _keep_two_builds(pages: Path, shots: Iterable[Snapshot], shown: AbstractSet[str]) -> None:
    """Remove pictures, PDFs and manifests of older builds, but keep the ``shown`` ones (the
    page just replaced may still be open and load pictures until it reloads) and the whole
    build before this one (undoing an edit finds its pictures)."""
    keep = {Path(p).name for s in shots for p in (*s.pages, s.pdf)}
    keep |= {f"{s.key}.json" for s in shots}
    previous = _names_in(pages / KEPT)
    if previous != keep:
        store(pages / KEPT, json.dumps(sorted(keep)).encode())
    prune(pages, keep | previous | shown | {KEPT})


def write_page(preview: Preview, folder: Path) -> Preview:
    """Render the page and rename it into place; the preview with its path."""
    index = folder / "index.html"
    if not store(index, render_page(preview).encode()):
        raise OSError(f"cannot write {index}")
    return replace(preview, index=index)


def _names_in(listing: Path) -> set[str]:
    """The names listed in a JSON file (none when it is missing or damaged)."""
    try:
        return {str(name) for name in json.loads(listing.read_text(encoding="utf-8"))}
    except (OSError, ValueError, TypeError):
        return set()


def _shown_path(path: Path) -> str:
    """``path`` as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _shown_pictures(index: Path) -> set[str]:
    """Names of the pictures the current page shows (none when there is no page)."""
    try:
        return set(re.findall(r'src="pages/([^"]+)"', index.read_text(encoding="utf-8")))
    except OSError:
        return set()


def _file_view(shot: Snapshot, fmt: str, folder: Path) -> FileView:
    """The file's pictures, and copies of the file and its PDF in ``folder/files`` (the folder
    is whole on its own: it can be zipped and sent, or opened from another disk)."""
    files = folder / "files"
    files.mkdir(parents=True, exist_ok=True)
    name = shot.source.name
    pdf_name = f"{shot.source.stem}{'' if fmt == 'docx' else '-slides'}.pdf"
    _replace_with_link(shot.source, files / name)
    _replace_with_link(folder / shot.pdf, files / pdf_name)
    notes = tuple(speaker_notes(shot.source)) if fmt == "pptx" else ()
    return FileView(name, fmt, f"files/{name}", f"files/{pdf_name}", shot.pages, notes)


def _replace_with_link(source: Path, target: Path) -> None:
    """``target`` becomes a hard link to ``source`` (a copy across file systems), atomically."""
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def _warning_text(caught: warnings.WarningMessage) -> str:
    return f"{caught.category.__name__}: {first_line(caught.message)}"  # type: ignore[arg-type]


def _worth_showing(caught: warnings.WarningMessage) -> bool:
    """The build's own warnings (text that grew its box, contents without page numbers), not
    libraries' deprecation notices."""
    return issubclass(caught.category, UserWarning)
