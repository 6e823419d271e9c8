"""Contents page numbers that survive a layout of the document that prints them.

The numbers go into the contents, the document is laid out, and the layout must agree with
them: a filled contents page could itself move a heading. The contents print every page number
under 100 two digits wide (a single digit gets a figure space, as wide as a digit, before it:
:func:`briefgen.render.docx.toc.printed_page`), so a document whose numbers are all under 100
lays out the same whatever they are: one layout, of the document with the placeholder numbers
or with the last build's, gives the pages for good. Only a document of 100 pages or more needs
layouts until the numbers repeat (at most :data:`MAX_PASSES`).
"""

from __future__ import annotations

import subprocess
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import office
from briefgen.contents import laid_out
from briefgen.contents.pdf_pages import heading_pages, need_poppler
from briefgen.render.docx.toc import Entry, LayOut

if TYPE_CHECKING:
    from briefgen.contents.page_cache import PageCache

MAX_PASSES = 3


class ContentsWarning(UserWarning):
    """The contents were written without page numbers, or with numbers that did not settle."""


def note(message: str) -> None:
    """Tell the user (on stderr, through warnings) why the contents lack page numbers."""
    warnings.warn(ContentsWarning(message), stacklevel=3)


class Layout:
    """Lays out DOCX bytes with LibreOffice in a temporary folder and finds the headings' pages;
    a LibreOffice started ahead (:func:`briefgen.office.start_office`) does the conversion when
    one waits."""

    def __init__(self, soffice: str, folder: Path) -> None:
        self.soffice, self.folder = soffice, folder

    def pdf(self, docx: bytes) -> Path:
        """Convert ``docx`` to PDF, with bookmarks as named destinations; return the PDF."""
        source = self.folder / "layout.docx"
        source.write_bytes(docx)
        [target] = office.lay_out(self.soffice, [source], self.folder)
        laid_out.remember(docx, target)  # when it is the document as written: a preview's PDF
        return target

    def pages(self, docx: bytes, entries: Sequence[Entry]) -> list[int]:
        """The page each entry's heading starts on (1 = first page, the cover)."""
        need_poppler()
        return heading_pages(self.pdf(docx), entries)


def settle(build: LayOut, soffice: str, cache: PageCache | None = None, name: str = "",
           source: str = "", entries: int | None = None) -> list[int] | None:
    """Page numbers that survive a layout of the document that prints them.

    :param build: the document's bytes with these page numbers in its contents (None: a
        placeholder number), and its contents entries.
    :param cache: where settled numbers of earlier builds are kept (None: lay out every time).
    :param name: what stays the same across versions of the document (its brief and
        headings): the numbers its last version settled on are tried first, so after an edit
        that moves no heading to another page one layout confirms them, instead of two.
    :param source: everything the document is made from, as text (plan, template, code): the
        key of its settled numbers, so a hit needs no document at all ("": nothing is kept).
    :param entries: how many entries the contents have, when known without building it (an
        entry of another length is a miss).
    :return: the numbers, or None (with a note on stderr) when the layout fails.
    """
    key = cache.key(source, soffice) if cache and source else ""
    if key and (known := cache.get(key)) is not None and (
            entries is None or len(known) == entries):
        return known
    first = build(None)
    count = len(first[1])
    last = cache.get(cache.name_key(name, soffice)) if cache and name else None
    pages: list[int] | None = last if last is not None and len(last) == count else None
    def settled(numbers: list[int]) -> list[int]:
        if key:
            cache.put(key, numbers)
        if cache and name:
            cache.put(cache.name_key(name, soffice), numbers)
        return numbers

    with tempfile.TemporaryDirectory(prefix="briefgen-toc-") as tmp:
        layout = Layout(soffice, Path(tmp))
        for _ in range(MAX_PASSES):
            try:
                found = layout.pages(*(first if pages is None else build(pages)))
            except (OSError, RuntimeError, LookupError, subprocess.SubprocessError) as exc:
                note(f"contents page numbers not filled: {office.failure(exc)}")
                return None
            if found == pages or fixed_width(found, pages):
                return settled(found)
            pages = found
    note(f"contents page numbers changed in each of {MAX_PASSES} layouts; the last ones are "
         "used and may be off by a page")
    return pages


def fixed_width(found: Sequence[int], shown: Sequence[int] | None) -> bool:
    """Whether the layout that found ``found`` holds for the document printing them: the one
    laid out printed ``shown`` (None: the placeholder, two digits), and both print every
    number two digits wide, so their contents lines, and so the pages, are the same."""
    return (bool(found) and min(found) > 0 and max(found) < 100
            and (shown is None or max(shown, default=0) < 100))
