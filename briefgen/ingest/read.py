"""Read a source file into blocks of text: .txt, .md, .docx and .pdf.

Two shapes come out. Word files and Markdown already know their paragraphs and headings, so they
arrive as typed blocks. Plain text and PDF text arrive as raw lines (``Block.kind == "line"``),
in which a line break may be a PDF layout break in mid-sentence; ``clean.blocks_from_lines``
decides which breaks are real.

PDF text comes from pypdf: pure Python with no dependencies, and kept by the py-pdf project.
pdfminer.six groups lines into layout boxes, but it pulls in ``cryptography``, and the cleaning
step has to rejoin broken lines anyway for .txt extracts, so boxes would add little.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import InputError
from briefgen.load.yaml_source import read_capped

MAX_BYTES = 50_000_000
PAGE_BREAK = "\f"
SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf")


@dataclass(frozen=True)
class Block:
    """One piece of the source: a raw line, or a paragraph whose role the source already knows.

    Kinds: ``line`` (raw text line, maybe broken), ``title``, ``subtitle``, ``heading``, ``para``,
    ``item`` (bullet), ``quote``, ``attribution`` (who said the quote above), ``caption``,
    ``row`` (a table row, cells joined by `` | ``), ``meta`` (cover lines such as date, place).
    """

    text: str
    kind: str = "para"
    level: int = 0


def read_source(path: Path) -> list[Block]:
    """The blocks of ``path``; raise InputError with a one-line reason when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError.single(path, f"cannot ingest {suffix or 'a file without suffix'}",
                                hint="use a .txt, .md, .docx or .pdf file")
    raw = _read_bytes(path)
    if suffix == ".docx":
        return _docx_blocks(path, raw)
    if suffix == ".pdf":
        return [Block(line, "line") for line in _pdf_lines(path, raw)]
    text = decode_text(path, raw)
    if suffix in (".md", ".markdown"):
        return _markdown_blocks(text)
    return [Block(line, "line") for line in text.splitlines()]


def _read_bytes(path: Path) -> bytes:
    raw = read_capped(path, MAX_BYTES)
    if not raw.strip():
        raise InputError.single(path, "file is empty", hint="nothing to ingest")
    return raw


def decode_text(path: Path, raw: bytes) -> str:
    """Text of a .txt/.md file: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Like ``yaml_source.read_text`` but for ingest: UTF-16 with a byte-order mark is decoded
    (Windows editors save "Unicode" text that way and the mark makes it unambiguous), while
    UTF-16 without one, binary data and legacy encodings such as GBK are refused.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError.single(path, "file is broken UTF-16 text",
                                    hint="save it as UTF-8") from None
    if b"\x00" in raw:
        if _looks_utf16(raw):
            raise InputError.single(path, "file is UTF-16 text without a byte-order mark",
                                    hint="save it as UTF-8")
        raise InputError.single(path, "file is binary, not text",
                                hint="give a .txt, .md, .docx or .pdf file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(path, "file is not UTF-8 text (GBK or another legacy encoding?)",
                                line=line, hint="save it as UTF-8") from None
    if not text.strip():
        raise InputError.single(path, "file is empty", hint="nothing to ingest")
    return text


def _looks_utf16(raw: bytes) -> bool:
    """Most even (or most odd) bytes are NUL: ASCII or CJK text saved as UTF-16 with no mark."""
    even, odd = raw[0::2], raw[1::2]
    return max(even.count(0) / max(len(even), 1), odd.count(0) / max(len(odd), 1)) > 0.3


# ----------------------------------------------------------------------------- Markdown

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_MD_INLINE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[*_`]{1,3}")


def _markdown_blocks(text: str) -> list[Block]:
    """Headings, items, quotes and paragraphs of a Markdown file; inline markup dropped.

    Only block structure matters for a draft, so a few regular expressions do instead of a
    Markdown library; lines inside a paragraph are returned as raw lines so that cleaning
    joins them the same way as plain text.
    """
    blocks: list[Block] = []
    for line in text.splitlines():
        plain = _MD_INLINE.sub(lambda m: m.group(1) or m.group(2) or "", line)
        if m := _MD_HEADING.match(plain):
            kind = "title" if len(m.group(1)) == 1 and not any(
                b.kind in ("title", "heading") for b in blocks) else "heading"
            blocks += [Block("", "line"), Block(m.group(2), kind, len(m.group(1))),
                       Block("", "line")]
        elif m := _MD_ITEM.match(plain):
            blocks.append(Block(m.group(1).strip(), "item"))
        elif plain.lstrip().startswith(">"):
            blocks.append(Block(plain.lstrip()[1:].strip(), "line"))
        else:
            blocks.append(Block(plain, "line"))
    return blocks


# ----------------------------------------------------------------------------- Word

#: Word paragraph style names (lower case) and the block kind they mean.
_DOCX_STYLES = {
    "title": "title",
    "subtitle": "subtitle",
    "quote": "quote",
    "intense quote": "quote",
    "quote attribution": "attribution",
    "caption": "caption",
    "list bullet": "item",
    "list paragraph": "item",
    "cover date": "meta",
    "cover detail": "meta",
}
#: Styles that are navigation or decoration, not content.
_DOCX_SKIP = re.compile(r"^(toc\b|toc heading|cover marking|header|footer|figure$)", re.IGNORECASE)


def _docx_blocks(path: Path, raw: bytes) -> list[Block]:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if not raw.startswith(b"PK"):
        raise InputError.single(path, "file is not a Word .docx file (not a zip package)",
                                hint="save it from Word as .docx")
    try:
        doc = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError.single(path, f"cannot open as .docx: {exc}".splitlines()[0],
                                hint="save it from Word as .docx") from None
    blocks = list(_docx_body(doc))
    if not any(b.text.strip() for b in blocks):
        raise InputError.single(path, "document has no text", hint="nothing to ingest")
    return blocks


def _docx_body(doc) -> Iterator[Block]:
    """Body paragraphs and table rows in reading order, typed by paragraph style."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            for row in Table(el, doc).rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells))
                yield Block(" | ".join(c for c in cells if c), "row")
        elif tag == "p":
            para = Paragraph(el, doc)
            text = para.text.strip()
            style = (para.style.name if para.style is not None else "").strip()
            if not text or _DOCX_SKIP.match(style):
                continue
            low = style.lower()
            if m := re.match(r"heading (\d)", low):
                yield Block(text, "heading", int(m.group(1)))
            elif low in _DOCX_STYLES:
                yield Block(text, _DOCX_STYLES[low])
            elif low.startswith("list"):
                yield Block(text, "item")
            else:
                # a tab or line break inside one paragraph separates fields, not sentences
                for part in text.split("\n"):
                    if part.strip():
                        yield Block(part.strip(), "para")


# ----------------------------------------------------------------------------- PDF


def _pdf_lines(path: Path, raw: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not raw.lstrip()[:5] == b"%PDF-":
        raise InputError.single(path, "file is not a PDF (no %PDF- header)")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise InputError.single(path, "PDF is encrypted", hint="save an unprotected copy")
        lines: list[str] = []
        for page in reader.pages:
            # a page break marker: clean.py knows which lines sit at the top of a page
            lines += (page.extract_text() or "").splitlines() + [PAGE_BREAK]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError.single(path, f"cannot read the PDF: {exc}".splitlines()[0]) from None
    if not any(line.strip() for line in lines):
        raise InputError.single(path, "PDF has no text layer (a scan?)",
                                hint="run OCR on it first")
    return lines
