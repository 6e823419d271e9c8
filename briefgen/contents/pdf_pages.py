"""Where headings fell in a laid-out PDF: by named destination, else by their text.

LibreOffice writes each bookmark as a named destination (``pdfinfo -dests``). Where one is
missing (LibreOffice before 7.4 takes no export options on the command line), the heading's
text is looked up page by page (``pdftotext``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from briefgen.render.docx.toc import Entry

_DEST = re.compile(r'^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$')
_LEADER = re.compile(r"(\.\s?){4,}|…{2,}|·{4,}")


def need_poppler() -> None:
    """:raises RuntimeError: when neither poppler tool is installed."""
    if not (shutil.which("pdfinfo") or shutil.which("pdftotext")):
        raise RuntimeError("pdfinfo and pdftotext (poppler-utils) not found")


def heading_pages(pdf: Path, entries: Sequence[Entry]) -> list[int]:
    """The page of each entry's heading in ``pdf``: by its named destination, else by text."""
    found = destinations(pdf)
    pages: list[int] = []
    texts: list[str] | None = None
    for entry in entries:
        page = found.get(pdf_name(entry.bookmark))
        if page is None:  # no destination: look for the heading's text, in order
            texts = page_texts(pdf) if texts is None else texts
            page = find_heading(texts, entry.text, after=pages[-1] if pages else 1)
        if page is None:
            raise LookupError(f"heading {entry.text!r} not found in the layout")
        pages.append(page)
    return pages


def pdf_name(bookmark: str) -> str:
    """The named destination LibreOffice writes for a bookmark: other than [A-Za-z0-9-], each
    UTF-8 byte becomes two hex digits ("_Toc1" -> "5FToc1")."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch == "-") else
                   ch.encode("utf-8").hex().upper() for ch in bookmark)


def destinations(pdf: Path) -> dict[str, int]:
    """Named destination -> page number, from ``pdfinfo -dests`` (empty without poppler)."""
    exe = shutil.which("pdfinfo")
    if exe is None:
        return {}
    out = subprocess.run([exe, "-dests", str(pdf)], check=True, capture_output=True,
                         text=True, timeout=60).stdout
    return {m.group(2): int(m.group(1)) for line in out.splitlines() if (m := _DEST.match(line))}


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (``pdftotext -layout``); empty without poppler."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return []
    out = subprocess.run([exe, "-layout", str(pdf), "-"], check=True, capture_output=True,
                         text=True, timeout=60).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def _squash(text: str) -> str:
    return "".join(text.split())


def find_heading(pages: Sequence[str], text: str, after: int = 1) -> int | None:
    """The first page from ``after`` on whose text holds ``text`` outside contents lines.

    Lines with leader dots are contents entries, not headings; whitespace is ignored, so a
    heading broken over two lines still matches.
    """
    wanted = _squash(text)
    for number in range(max(after, 1), len(pages) + 1):
        body = "".join(_squash(line) for line in pages[number - 1].splitlines()
                       if not _LEADER.search(line))
        if wanted in body:
            return number
    return None
