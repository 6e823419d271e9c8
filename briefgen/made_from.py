"""What an output file is made from, as one hash, worked out without running its writer.

A build leaves an output alone when this hash and the file itself are as an earlier build left
them (:mod:`briefgen.output_records`), as make and Sphinx skip what is up to date. So the hash
covers everything a writer reads: the plan (its repr is complete and stable), the template,
the chart pictures, briefgen's code and libraries, the fonts text is measured and laid out with,
and for a DOCX with a contents page the LibreOffice that numbers it and the numbers it settled
on. Nothing here imports python-docx or python-pptx (0.15 s): a build with nothing to do never
loads them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

from briefgen import office
from briefgen.contents.page_cache import PageCache
from briefgen.fingerprint import file_stat, font_state, installation
from briefgen.plan import model as m
from briefgen.render.docx.toc import lists_contents
from briefgen.settings import current

#: Raised when what goes into the hash changes, so older records never match.
FORMAT = 1


def template_identity(template: Path | None) -> str:
    """A user's template by path and content; the bundled ones belong to the installation."""
    if template is None:
        return "bundled template"
    try:
        digest = hashlib.sha256(Path(template).read_bytes()).hexdigest()
    except OSError:
        digest = "missing"
    return f"{os.path.abspath(template)}:{digest}"


def document_source(plan: m.DocPlan, charts: Mapping[str, Path], template: Path | None,
                    native_charts: bool) -> str:
    """What the DOCX writer makes a document from, as text: also the key of the contents page
    numbers LibreOffice found for it (:class:`briefgen.contents.page_cache.PageCache`)."""
    pictures = sorted((k, str(v), file_stat(Path(v))) for k, v in charts.items())
    return "\n".join([repr(plan), template_identity(template), repr(pictures),
                      repr(native_charts), installation()])


def wants_contents_pages(plan: m.DocPlan, fill_toc: bool | None) -> bool:
    """Whether the DOCX writer lays ``plan`` out to number its contents.

    :param fill_toc: the writer's setting; None asks the environment (:func:`wants_layouts`).
    """
    return wants_layouts(fill_toc) and lists_contents(plan)


def wants_layouts(fill_toc: bool | None) -> bool:
    """The writer's setting, or (None) the build's settings: ``BRIEFGEN_TOC_PAGES=0`` lets test
    suites and CI skip the layouts."""
    return current().toc_pages if fill_toc is None else fill_toc


def recipe(fmt: str, plan: m.DocPlan, charts: Mapping[str, Path], template: Path | None,
           native_charts: bool = True, fill_toc: bool | None = None) -> str | None:
    """The hash of what the ``fmt`` file of ``plan`` is made from, as the writers of
    :func:`briefgen.pipeline.make_renderer` make it; None when that cannot be known before
    writing it (a contents page whose numbers no layout has settled yet)."""
    parts = [f"format {FORMAT}", fmt, font_state()]
    if fmt == "docx":
        source = document_source(plan, charts, template, native_charts)
        contents = _contents(plan, source, fill_toc)
        if contents is None:
            return None
        parts += [source, contents]
    elif fmt == "pptx":
        parts += [repr(plan), template_identity(template), installation()]
    else:
        return None
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _contents(plan: m.DocPlan, source: str, fill_toc: bool | None) -> str | None:
    """How the contents are numbered: not at all, or with the numbers LibreOffice settled on for
    this very document (None: no layout has settled them yet, or it failed)."""
    if not wants_contents_pages(plan, fill_toc):
        return "no page numbers"
    soffice = office.find_soffice()
    if soffice is None:
        return "no LibreOffice"
    settings = current()
    if not settings.cache:
        return None
    pages = PageCache(settings.cache_dir("toc")).get(PageCache.key(source, soffice))
    if pages is None:
        return None
    return f"{office.program(soffice)}\n{json.dumps(pages)}"


def needs_layout(plan: m.DocPlan, charts: Mapping[str, Path], template: Path | None,
                 native_charts: bool = True) -> bool:
    """Whether writing the DOCX of ``plan`` will have LibreOffice lay it out (its contents'
    numbers are wanted, LibreOffice is there, and no earlier layout settled them)."""
    if not wants_contents_pages(plan, None):
        return False
    source = document_source(plan, charts, template, native_charts)
    return office.find_soffice() is not None and _contents(plan, source, None) is None
