"""Page numbers for the contents: lay the document out with LibreOffice, read where headings fell.

A TOC field is only as good as its cached result, and LibreOffice prints that result as it is
(``docs/dev/analysis/docx-toc.md``). So the writer fills the result itself: it builds the document
with a bookmark on each heading, has LibreOffice (headless, private profile, temporary folder)
convert it to PDF, and reads each bookmark's page from the PDF's named destinations
(``pdfinfo -dests``). Where a destination is missing (LibreOffice before 7.4 takes no export
options on the command line) the heading's text is looked up page by page (``pdftotext``).
The numbers go into the contents, the document is laid out again, and the two layouts must agree:
a filled contents page can itself move a heading (at most :data:`MAX_PASSES` layouts). The first
layout lays out two versions of the document at once, with the widest and the narrowest numbers;
when both put every heading on the same page, any real numbers will too (:func:`bracketed`), and
one LibreOffice start has settled them.

Laying out takes LibreOffice seconds, and a brief is built again and again while it is being
written; so the settled numbers are kept (:class:`PageCache`) under a hash of what the document
is made from and of the LibreOffice installation and fonts. The same document on the same
LibreOffice lays out the same way, so a hit is exact; any change to the document misses.

The heading numbers ("一、", "1.") are computed here as Word computes them from the heading
styles' list definitions, so the cached entries read as Word would write them.
"""

from __future__ import annotations

import atexit
import glob
import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import resident_office
from briefgen.fingerprint import file_stat, system_fonts
from briefgen.render.docx import laid_out
from briefgen.write import store

if TYPE_CHECKING:  # oxml imports python-docx, which a build with nothing to render never needs
    from briefgen.render.docx.oxml import ListLevel

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
            at = found.levels.get(index)
            fmt, start = (at.fmt, at.start) if at else ("decimal", 1)
            return format_number(counts.get(index, start), fmt)

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


class Office:
    """A LibreOffice started ahead of a conversion, so its start-up (most of a layout's time)
    overlaps with other work: rendering the other files, or the previous layout's reading.

    It runs headless with a private profile and a UNO pipe whose socket file says when it is
    up. A conversion asked with the same profile is handed to it through LibreOffice's own
    single-instance pipe (the asking ``soffice`` finds it running and only forwards the
    request), which skips the start. LibreOffice quits once a forwarded conversion leaves it
    without an open document, so each one serves one conversion; should it have quit or failed
    to start, the asking ``soffice`` simply converts by itself.
    """

    def __init__(self, soffice: str) -> None:
        self.soffice, self.owner = soffice, os.getpid()
        self.folder = Path(tempfile.mkdtemp(prefix="briefgen-office-"))
        self.profile = (self.folder / "profile").as_uri()
        self.pipe = f"briefgen-{secrets.token_hex(8)}"
        self.process = subprocess.Popen(
            [soffice, f"-env:UserInstallation={self.profile}", "--headless", "--norestore",
             "--nologo", "--nodefault", f"--accept=pipe,name={self.pipe};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)

    def wait_until_up(self, timeout: float = SOFFICE_TIMEOUT) -> bool:
        """True once it listens; False when it quit, or did not come up in ``timeout``
        (then it is stopped, so it never races a conversion for its profile)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(glob.glob(f"{place}/OSL_PIPE_*_{self.pipe}") for place in _PIPE_PLACES):
                return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.02)
        self.close()
        return False

    def close(self) -> None:
        """Stop it (if this process started it) and remove its profile."""
        if os.getpid() != self.owner:
            return  # a forked worker's copy: the parent stops it
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


#: Where LibreOffice (osl) makes its pipes' socket files.
_PIPE_PLACES = ("/tmp", "/var/tmp")
#: Started LibreOffices not yet asked to convert, by ``soffice`` command.
_WAITING: dict[str, list[Office]] = {}
_LOCK = threading.Lock()


def start_office(soffice: str) -> Office:
    """Start a LibreOffice for the next layout now (see :class:`Office`)."""
    office = Office(soffice)
    with _LOCK:
        _WAITING.setdefault(soffice, []).append(office)
    return office


def office_waiting(soffice: str) -> bool:
    """Whether a started LibreOffice waits for a conversion."""
    with _LOCK:
        return bool(_WAITING.get(soffice))


def take_office(soffice: str) -> Office | None:
    """A started LibreOffice for a conversion now, if one waits."""
    with _LOCK:
        waiting = _WAITING.get(soffice) or []
        return waiting.pop(0) if waiting else None


def stop_offices() -> None:
    """Stop the started LibreOffices no conversion took."""
    with _LOCK:
        found = [o for offices in _WAITING.values() for o in offices]
        _WAITING.clear()
    for office in found:
        office.close()


atexit.register(stop_offices)


class Layout:
    """Lays out DOCX bytes with LibreOffice in a temporary folder and finds the headings' pages;
    a LibreOffice started ahead (:func:`start_office`) does the conversion when one waits."""

    def __init__(self, soffice: str, folder: Path) -> None:
        self.soffice, self.folder = soffice, folder
        self.profile = (folder / "profile").as_uri()  # a running LibreOffice keeps its own

    def pdf(self, docx: bytes) -> Path:
        """Convert ``docx`` to PDF, with bookmarks as named destinations; return the PDF."""
        return self.pdfs([docx])[0]

    def pdfs(self, documents: Sequence[bytes]) -> list[Path]:
        """Convert the documents to PDFs in one LibreOffice run (one start for all)."""
        sources = []
        for number, docx in enumerate(documents, 1):
            source = self.folder / f"layout-{number}.docx"
            source.write_bytes(docx)
            source.with_suffix(".pdf").unlink(missing_ok=True)
            sources.append(source)
        office = take_office(self.soffice)
        profile = office.profile if office and office.wait_until_up() else \
            resident_office.profile_for(self.soffice, self.profile)
        try:
            subprocess.run([self.soffice, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", f"pdf:writer_pdf_Export:{_PDF_OPTIONS}",
                            "--outdir", str(self.folder), *map(str, sources)],
                           check=True, capture_output=True, timeout=SOFFICE_TIMEOUT)
        finally:
            if office:
                office.close()
        targets = [source.with_suffix(".pdf") for source in sources]
        if not all(target.exists() for target in targets):
            raise RuntimeError("LibreOffice wrote no PDF")
        for docx, target in zip(documents, targets):
            laid_out.remember(docx, target)  # the last one is the document as written: a preview
        return targets

    def pages(self, docx: bytes, entries: Sequence[Entry]) -> list[int]:
        """The page each entry's heading starts on (1 = first page, the cover)."""
        _need_poppler()
        return _heading_pages(self.pdf(docx), entries)

    def pages_together(self, documents: Sequence[tuple[bytes, Sequence[Entry]]]
                       ) -> list[list[int]]:
        """:meth:`pages` of several documents, laid out in one LibreOffice run."""
        _need_poppler()
        pdfs = self.pdfs([docx for docx, _ in documents])
        return [_heading_pages(pdf, entries) for pdf, (_, entries) in zip(pdfs, documents)]


def _need_poppler() -> None:
    if not (shutil.which("pdfinfo") or shutil.which("pdftotext")):
        raise RuntimeError("pdfinfo and pdftotext (poppler-utils) not found")


def _heading_pages(pdf: Path, entries: Sequence[Entry]) -> list[int]:
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
                note(f"contents page numbers not filled: {_reason(exc)}")
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
    return f"{soffice_program(soffice)}\n{system_fonts()}"


def soffice_program(soffice: str) -> str:
    """Which LibreOffice program ``soffice`` runs, and when it was installed or upgraded."""
    program = Path(shutil.which(soffice) or soffice).resolve()
    return f"{program}:{file_stat(program)}"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"LibreOffice took longer than {SOFFICE_TIMEOUT} s"
    if isinstance(exc, subprocess.CalledProcessError):
        err = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"LibreOffice failed ({err[-1] if err else 'exit ' + str(exc.returncode)})"
    return str(exc)
