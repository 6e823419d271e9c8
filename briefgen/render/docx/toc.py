"""Page numbers for the contents: lay the document out with LibreOffice, read where headings fell.

A TOC field is only as good as its cached result, and LibreOffice prints that result as it is
(``docs/dev/analysis/docx-toc.md``). So the writer fills the result itself: it builds the document
with a bookmark on each heading, has LibreOffice (headless, private profile, temporary folder)
convert it to PDF, and reads each bookmark's page from the PDF's named destinations
(``pdfinfo -dests``). Where a destination is missing (LibreOffice before 7.4 takes no export
options on the command line) the heading's text is looked up page by page (``pdftotext``).
The numbers go into the contents, the document is laid out again, and the two layouts must agree:
a filled contents page can itself move a heading (at most :data:`MAX_PASSES` layouts).

Laying out takes LibreOffice seconds, and a brief is built again and again while it is being
written; so the settled numbers are kept (:class:`PageCache`) under a hash of what the document
is made from and of the LibreOffice installation and fonts. The same document on the same
LibreOffice lays out the same way, so a hit is exact; any change to the document misses.

The heading numbers ("一、", "1.") are computed here as Word computes them from the heading
styles' list definitions, so the cached entries read as Word would write them.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from briefgen.fingerprint import file_stat
from briefgen.render.docx import laid_out
from briefgen.render.docx.oxml import ListLevel
from briefgen.write import store

MAX_PASSES = 3
#: Page number the first layout prints while the real ones are unknown: two digits, the width
#: most numbers of a document long enough for contents take.
PLACEHOLDER_PAGE = 10
SOFFICE_TIMEOUT = 180  # seconds; a first start on a slow machine takes about 10 s
_PDF_OPTIONS = '{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
_DEST = re.compile(r'^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$')
_LEADER = re.compile(r"(\.\s?){4,}|…{2,}|·{4,}")


class ContentsWarning(UserWarning):
    """The contents were written without page numbers, or with numbers that did not settle."""


def note(message: str) -> None:
    """Tell the user (on stderr, through warnings) why the contents lack page numbers."""
    warnings.warn(ContentsWarning(message), stacklevel=3)


def find_soffice() -> str | None:
    """The LibreOffice command on PATH (``soffice``, else ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


# --------------------------------------------------------------------------- heading numbers


@dataclass(frozen=True)
class StyleList:
    """The list a heading style numbers its paragraphs with: w:numPr of the style."""

    num_id: int
    level: int  # w:ilvl
    levels: Mapping[int, ListLevel]  # the list definition's levels, by w:ilvl


_DIGITS_ZH = "零一二三四五六七八九"


def chinese_counting(n: int) -> str:
    """一, 二 ... 十, 十一 ... 二十 ... 一百零五, 一千零五十, 一万零一十: Word's ``chineseCounting``."""
    if n < 10:
        return _DIGITS_ZH[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS_ZH[tens]) + "十" + (_DIGITS_ZH[ones] if ones else "")
    for value, unit in ((10**8, "亿"), (10**4, "万"), (1000, "千"), (100, "百")):
        if n >= value:
            head, rest = divmod(n, value)
            return chinese_counting(head) + unit + _counting_rest(rest, value)
    raise AssertionError("unreachable")


def _counting_rest(rest: int, unit: int) -> str:
    """What follows a unit: 零 where a lower unit is skipped; 十 inside a number reads 一十."""
    if rest == 0:
        return ""
    gap = "零" if rest < unit // 10 else ""
    return gap + ("一" if 10 <= rest < 20 else "") + chinese_counting(rest)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += numeral * count
    return out


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """``n`` written in the w:numFmt ``fmt``; unknown formats fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional"):
        return chinese_counting(n)
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        return _letter(n) if fmt == "upperLetter" else _letter(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class HeadingNumbers:
    """Numbers headings in document order the way Word numbers their styles' lists.

    :param lists: heading style name -> the list it numbers with (styles without one are absent).
    """

    def __init__(self, lists: Mapping[str, StyleList]) -> None:
        self.lists = lists
        self.counters: dict[int, dict[int, int]] = {}

    def next(self, style: str) -> tuple[str, str]:
        """The number text and the separator after it ("一、", "" / "1.", "\\t") of a heading."""
        found = self.lists.get(style)
        if found is None or found.level not in found.levels:
            return "", ""
        counts = self.counters.setdefault(found.num_id, {})
        level = found.levels[found.level]
        counts[found.level] = counts.get(found.level, level.start - 1) + 1
        for deeper in [k for k in counts if k > found.level]:
            del counts[deeper]

        def value(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            at = found.levels.get(index, ListLevel("decimal", ""))
            return format_number(counts.get(index, at.start), at.fmt)

        text = re.sub(r"%([1-9])", value, level.text)
        if not text:
            return "", ""
        return text, {"tab": "\t", "space": " "}.get(level.suffix, "")


# --------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Entry:
    """A contents entry as the layout needs it: its bookmark and the text its heading shows."""

    bookmark: str
    text: str  # number and heading text, as printed ("一、摘要", "1. Bottom line")


def _squash(text: str) -> str:
    return "".join(text.split())


def pdf_name(bookmark: str) -> str:
    """The named destination LibreOffice writes for a bookmark: other than [A-Za-z0-9-], each
    UTF-8 byte becomes two hex digits ("_Toc1" -> "5FToc1")."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch == "-") else
                   ch.encode("utf-8").hex().upper() for ch in bookmark)


class Layout:
    """Lays out DOCX bytes with LibreOffice in a temporary folder and finds the headings' pages."""

    def __init__(self, soffice: str, folder: Path) -> None:
        self.soffice, self.folder = soffice, folder
        self.profile = (folder / "profile").as_uri()  # a running LibreOffice keeps its own

    def pdf(self, docx: bytes) -> Path:
        """Convert ``docx`` to PDF, with bookmarks as named destinations; return the PDF."""
        source = self.folder / "layout.docx"
        source.write_bytes(docx)
        target = source.with_suffix(".pdf")
        target.unlink(missing_ok=True)
        subprocess.run([self.soffice, f"-env:UserInstallation={self.profile}", "--headless",
                        "--convert-to", f"pdf:writer_pdf_Export:{_PDF_OPTIONS}",
                        "--outdir", str(self.folder), str(source)],
                       check=True, capture_output=True, timeout=SOFFICE_TIMEOUT)
        if not target.exists():
            raise RuntimeError("LibreOffice wrote no PDF")
        laid_out.remember(docx, target)  # the last one is the document as written: a preview
        return target

    def pages(self, docx: bytes, entries: Sequence[Entry]) -> list[int]:
        """The page each entry's heading starts on (1 = first page, the cover)."""
        if not (shutil.which("pdfinfo") or shutil.which("pdftotext")):
            raise RuntimeError("pdfinfo and pdftotext (poppler-utils) not found")
        pdf = self.pdf(docx)
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


def settle(build: Callable[[Sequence[int] | None], tuple[bytes, Sequence[Entry]]],
           soffice: str, cache: PageCache | None = None, name: str = "",
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
    with tempfile.TemporaryDirectory(prefix="briefgen-toc-") as tmp:
        layout = Layout(soffice, Path(tmp))
        for _ in range(MAX_PASSES):
            try:
                found = layout.pages(*(first if pages is None else build(pages)))
            except (OSError, RuntimeError, LookupError, subprocess.SubprocessError) as exc:
                note(f"contents page numbers not filled: {_reason(exc)}")
                return None
            if found == pages:
                if key:
                    cache.put(key, pages)
                if cache and name:
                    cache.put(cache.name_key(name, soffice), pages)
                return pages
            pages = found
    note(f"contents page numbers changed in each of {MAX_PASSES} layouts; the last ones are "
         "used and may be off by a page")
    return pages


class PageCache:
    """Settled contents page numbers, one small JSON file per document and LibreOffice.

    A cache that cannot be read or written is only a slower build: every failure is a miss.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(source: str, soffice: str) -> str:
        """Where the numbers of the document made from ``source`` are kept: a hash of it and
        of the LibreOffice (program and fonts) that lays it out."""
        return _hash("source", source, soffice)

    @staticmethod
    def name_key(name: str, soffice: str) -> str:
        """Where the last settled numbers of documents called ``name`` are kept (a hint only:
        a layout always confirms them)."""
        return "last-" + _hash("name", name, soffice)

    def get(self, key: str) -> list[int] | None:
        try:
            pages = json.loads((self.folder / f"{key}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if isinstance(pages, list) and all(type(p) is int and p > 0 for p in pages):
            return pages
        return None

    def put(self, key: str, pages: Sequence[int]) -> None:
        store(self.folder / f"{key}.json", json.dumps(list(pages)).encode())


def _hash(kind: str, text: str, soffice: str) -> str:
    whole = f"{kind}\0{text}\0{_installation(soffice)}"
    return hashlib.sha256(whole.encode("utf-8", "surrogateescape")).hexdigest()


def _installation(soffice: str) -> str:
    """The LibreOffice program behind ``soffice`` and when it was installed or upgraded, and
    the state of the system's fonts (a font added or removed moves page breaks)."""
    program = Path(shutil.which(soffice) or soffice).resolve()
    return f"{program}:{file_stat(program)}\n{_fonts()}"


#: Where fonts and fontconfig's caches live: installing or removing a font changes a time here
#: (package managers and fc-cache rewrite the caches).
_FONT_PLACES = ("/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts", "/var/cache/fontconfig",
                "~/.fonts", "~/.local/share/fonts", "~/.cache/fontconfig")


@cache
def _fonts() -> str:
    return "\n".join(f"{place}:{file_stat(Path(place).expanduser())}" for place in _FONT_PLACES)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"LibreOffice took longer than {SOFFICE_TIMEOUT} s"
    if isinstance(exc, subprocess.CalledProcessError):
        err = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"LibreOffice failed ({err[-1] if err else 'exit ' + str(exc.returncode)})"
    return str(exc)
