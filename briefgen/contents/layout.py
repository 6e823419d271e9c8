"""Contents page numbers that survive a layout of the document that prints them.

The numbers go into the contents, the document is laid out again, and the two layouts must
agree: a filled contents page can itself move a heading (at most :data:`MAX_PASSES` layouts).
The first layout lays out two versions of the document at once, with the widest and the
narrowest numbers; when both put every heading on the same page, any real numbers will too
(:func:`bracketed`), and one LibreOffice start has settled them.
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
        return self.pdfs([docx])[0]

    def pdfs(self, documents: Sequence[bytes]) -> list[Path]:
        """Convert the documents to PDFs in one LibreOffice run (one start for all)."""
        sources = []
        for number, docx in enumerate(documents, 1):
            source = self.folder / f"layout-{number}.docx"
            source.write_bytes(docx)
            sources.append(source)
        targets = office.lay_out(self.soffice, sources, self.folder)
        for docx, target in zip(documents, targets):
            laid_out.remember(docx, target)  # the last one is the document as written: a preview
        return targets

    def pages(self, docx: bytes, entries: Sequence[Entry]) -> list[int]:
        """The page each entry's heading starts on (1 = first page, the cover)."""
        need_poppler()
        return heading_pages(self.pdf(docx), entries)

    def pages_together(self, documents: Sequence[tuple[bytes, Sequence[Entry]]]
                       ) -> list[list[int]]:
        """:meth:`pages` of several documents, laid out in one LibreOffice run."""
        need_poppler()
        pdfs = self.pdfs([docx for docx, _ in documents])
        return [heading_pages(pdf, entries) for pdf, (_, entries) in zip(pdfs, documents)]


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
                if pages is None:
                    found, narrow = layout.pages_together([first, build([1] * count)])
                    if bracketed(found, narrow):
                        return settled(found)
                else:
                    found = layout.pages(*build(pages))
            except (OSError, RuntimeError, LookupError, subprocess.SubprocessError) as exc:
                note(f"contents page numbers not filled: {office.failure(exc)}")
                return None
            if found == pages:
                return settled(pages)
            pages = found
    note(f"contents page numbers changed in each of {MAX_PASSES} layouts; the last ones are "
         "used and may be off by a page")
    return pages


def bracketed(wide: Sequence[int], narrow: Sequence[int]) -> bool:
    """Whether the headings' pages hold for any page numbers of at most two digits, from two
    layouts of the document: with every number two digits wide (the placeholder) and one.

    The contents end with a page break, so the body is laid out the same whenever the contents
    take the same number of pages. An entry's lines only grow with its number's width (digits
    are all as wide as each other in a document's faces), so if the narrowest and the widest
    numbers put every heading on the same page, so do the real ones, when none of them is wider
    than two digits: the second layout that would confirm them is not needed. Both layouts run
    in one LibreOffice start.
    """
    return list(wide) == list(narrow) and bool(wide) and max(wide) < 100 and min(wide) > 0
