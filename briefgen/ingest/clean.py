"""Repair text extracted from a PDF: broken lines, spaced glyphs, running headers, page numbers.

PDF extraction leaves layout behind in the text. What this module undoes, in order:

1. Characters: full-width digits and letters become ASCII (``第７１届`` -> ``第71届``), odd spaces
   become plain ones, and spaces the PDF put between glyphs go (``于 5 月 14 日`` -> ``于5月14日``,
   ``中国 - 蒙古`` -> ``中国-蒙古``); spaces between Latin words stay.
2. Page furniture: page numbers (``12``, ``- 3 -``, ``第 4 页 共 21 页``, ``Page 6 of 23``) and
   running headers: a short line without end punctuation that recurs. Its first occurrence is
   kept (a running header usually repeats the section title, so the first one *is* the heading),
   unless it sits at a page edge after page one; the repeats go. A line that opens or closes
   two or more pages of a PDF, page numbers aside (``BRIEFING NOTES  page 3``), is page
   furniture everywhere, its first occurrence too; so are a press release's markers
   (``FOR IMMEDIATE RELEASE``, ``NEWS RELEASE``, ``###``, ``-ends-``, ``Media contact: …``).
3. Line joins: a line break is a layout break unless the line ends a sentence and is visibly
   shorter than its neighbours. Double-spaced extracts (a blank line after every line, as in the
   seed) are recognised: there a single blank line is a line break and a wider gap is a real one.
4. Roles: headings (short, no end punctuation, after a real break; or numbered ``一、``
   ``（一）`` ``1.``), photo captions (short lines naming a photo: 合影, 摄, Photo), source notes
   (``（来源：…）``), list items (``一是…`` ``（一）`` ``1.`` ``•``) kept as their own paragraphs.
5. Order: a run of numbered items that came out of order (1-2-3-5-4, text boxes read out of
   order) is sorted, and the sentence that announces it (ending in ``：``) is put back first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import cn2an

from briefgen.ingest.read import PAGE_BREAK, Block
from briefgen.ingest.titles import is_capitals
from briefgen.text.lexicon.script import CJK_PUNCT, CLOSERS, HAN_ALL, HAN_ALL_CHAR

_FULLWIDTH = {c: chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                           *range(0xFF41, 0xFF5B))}
_FULLWIDTH.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ",
                   0x200B: "", 0xFEFF: ""})
# space between two "tight" characters (CJK, CJK punctuation, digits and . % -), one side CJK
_TIGHT = rf"[{HAN_ALL}{CJK_PUNCT}]"
_SPACE_CJK = re.compile(rf"(?<={_TIGHT})[ \t]+(?=[{HAN_ALL}{CJK_PUNCT}\d.%\-])|"
                        rf"(?<=[{HAN_ALL}{CJK_PUNCT}\d.%\-])[ \t]+(?={_TIGHT})")
_SPACE_DASH = re.compile(rf"(?<=[{HAN_ALL}])\s*-\s*(?=[{HAN_ALL}])")
#: A line that ends, or a line that starts, with one of these joins the next without a space.
_JOINS_TIGHT = re.compile(rf"[{CJK_PUNCT}\-]")

END_PUNCT = "。！？；：.!?;:…"
_NO_HEADING_END = END_PUNCT + "，、,"

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]?\s*\d{1,4}\s*[-–—]?|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|"
    r"(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*/\s*\d+)\s*$", re.IGNORECASE)
_CAPTION = re.compile(r"合影|摄影?[:：]|（图|图为|图片|照片|^图\s*\d|^photo\b|^figure\s+\d+\b|"
                      r"\bpictured\b|\(photo\b|photo:", re.IGNORECASE)
SOURCE_NOTE = re.compile(r"^[（(]?\s*(?:资料)?(?:来源|出处|sources?)\s*[:：]", re.IGNORECASE)
_NUMBERED_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十\d]+[章节部分篇]|"
    r"(?:\d{1,2}\.){1,3}\s*(?!\d)|[IVX]{1,4}\.\s)")
ITEM = re.compile(
    r"^\s*(?P<m>(?P<zh>[一二三四五六七八九十]{1,3})是|[（(](?P<p>[一二三四五六七八九十\d]{1,3})[）)]|"
    r"(?P<d>\d{1,2})[.．、](?!\d)|(?P<c>[①-⑳])|[•·▪●◦\-–*])")


_BULLET = re.compile(r"^[•·▪●◦\-–*]\s*")


_PAGE_WORD = re.compile(r"\s*(?:[-–—|]\s*)?(?:page|p\.|第)?\s*\d+"
                        r"(?:\s*(?:of|/|页)\s*\d+)?\s*页?\s*$", re.IGNORECASE)
_PRESS_MARKS = re.compile(r"^(?:for immediate release|(?:news|press|media) release|"
                          r"embargoed\b.*|#{3}|-+\s*ends?\s*-+|ends|"
                          r"(?:media|press) (?:contacts?|enquiries|inquiries)\b.*|"
                          r"for (?:more|further) information\b.*)$", re.IGNORECASE)


@dataclass
class _Line:
    text: str
    gap_before: int  # blank lines before it
    page_top: bool  # first non-blank line of a page after page one
    repeated: bool = False  # first occurrence of a running header
    page: int = -1  # page number from 0 in a PDF; -1 for text without page breaks


def normalize(text: str) -> str:
    """Full-width digits/letters to ASCII, odd spaces to plain ones, spaces between glyphs gone."""
    text = text.translate(_FULLWIDTH).replace("\t", " ")
    text = _SPACE_DASH.sub("-", text)
    return _SPACE_CJK.sub("", text).strip()


def fix_quotes(text: str) -> str:
    """Close a ‘ or “ that the PDF closed with an ASCII ' or " (``‘一带一路 '`` ->
    ``‘一带一路’``)."""
    text = re.sub(r"(‘[^‘’'\n]{1,40}?)\s*'", r"\1’", text)
    return re.sub(r"(“[^“”\"\n]{1,200}?)\s*\"", r"\1”", text)


def width(text: str) -> float:
    """Display width: a CJK character counts 1, anything else half."""
    cjk = len(HAN_ALL_CHAR.findall(text))
    return cjk + (len(text) - cjk) / 2


def is_cjk(text: str) -> bool:
    """At least a fifth of the letters are Chinese characters."""
    letters = sum(ch.isalpha() for ch in text)
    return bool(letters) and len(HAN_ALL_CHAR.findall(text)) / letters > 0.2


def blocks_from_lines(blocks: Sequence[Block]) -> list[Block]:
    """Turn raw ``line`` blocks into typed paragraphs; typed blocks pass through (normalized)."""
    out: list[Block] = []
    run: list[str] = []
    for block in blocks:
        if block.kind == "line":
            run.append(block.text)
            continue
        out += _clean_run(run)
        run = []
        out.append(Block(fix_quotes(normalize(block.text)), block.kind, block.level))
    out += _clean_run(run)
    return reorder_items([b for b in out if b.text])


def _clean_run(raw: list[str]) -> list[Block]:
    lines = _join_capitals(_drop_furniture(_to_lines(raw)))
    if not lines:
        return []
    soft = _soft_gap(lines)
    blank_structure = any(ln.gap_before > soft for ln in lines[1:])
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(_para_block(_join(para)))
            para.clear()

    for i, ln in enumerate(lines):
        local = _local_width(lines, i)
        strong = i == 0 or ln.gap_before > soft or ln.page_top
        prev_end = i > 0 and _ends_sentence(lines[i - 1].text)
        kind = _line_role(ln, local, strong, prev_end, blank_structure)
        if kind:
            flush()
            blocks.append(Block(ln.text, kind))
            continue
        if para and (strong and ln.gap_before > soft or _own_item(ln.text, para[-1])
                     or _ends_paragraph(para[-1], _local_width(lines, i - 1))):
            flush()
        para.append(ln.text)
    flush()
    return blocks


def _to_lines(raw: list[str]) -> list[_Line]:
    lines: list[_Line] = []
    gap, page, seen_page = 0, False, False
    number = 0 if PAGE_BREAK in raw else -1
    for text in raw:
        if text == PAGE_BREAK:
            page, seen_page = True, True
            number += 1
            continue
        clean = normalize(text)
        if not clean:
            gap += 1
            continue
        lines.append(_Line(clean, gap, page and seen_page, page=number))
        gap, page = 0, False
    return lines


def _drop_furniture(lines: list[_Line]) -> list[_Line]:
    """Page numbers out; running headers out except their first occurrence (see module doc)."""
    edges = _page_edge_furniture(lines)
    lines = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text)
             and not _PRESS_MARKS.match(ln.text) and _PAGE_WORD.sub("", ln.text) not in edges]
    counts = Counter(ln.text for ln in lines if _header_like(ln.text))
    kept: list[_Line] = []
    seen: set[str] = set()
    carry = 0  # a dropped header's gap moves to the line after it: the break was real
    for ln in lines:
        if counts.get(ln.text, 0) >= 2:
            first = ln.text not in seen
            seen.add(ln.text)
            if not first or ln.page_top:
                carry = max(carry, ln.gap_before)
                continue
            ln.repeated = True
        ln.gap_before = max(ln.gap_before, carry)
        carry = 0
        kept.append(ln)
    return kept


def _join_capitals(lines: list[_Line]) -> list[_Line]:
    """Consecutive capitals-only lines with no blank line between are one heading (a title
    broken over lines: ``THIRD FORUM ON DIGITAL`` / ``TRADE COOPERATION``)."""
    out: list[_Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev and ln.gap_before == 0 and is_capitals(prev.text) and is_capitals(ln.text)
                and not _ends_sentence(prev.text) and prev.page == ln.page):
            prev.text = f"{prev.text} {ln.text}"
            continue
        out.append(ln)
    return out


def _page_edge_furniture(lines: list[_Line]) -> set[str]:
    """PDF page furniture, page numbers aside: lines that close two or more pages (footers),
    and lines that open two or more pages and carry or sit beside a page number (a running
    header: ``BRIEFING NOTES  page 3``). A line that only opens pages may be the title that a
    header repeats, so its first occurrence is left to the running-header rule."""
    numbers = [bool(_PAGE_NUMBER.match(ln.text)) for ln in lines]
    body = [i for i, ln in enumerate(lines) if ln.page >= 0 and not numbers[i]]
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i in body:
        first.setdefault(lines[i].page, i)
        last[lines[i].page] = i

    def numbered(i: int) -> bool:
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j].page == lines[i].page]
        return _PAGE_WORD.sub("", lines[i].text) != lines[i].text or any(numbers[j] for j in near)

    tops: dict[str, set[int]] = {}
    bottoms: dict[str, set[int]] = {}
    for group, ends, need_number in ((tops, first, True), (bottoms, last, False)):
        for i in ends.values():
            key = _PAGE_WORD.sub("", lines[i].text)
            if key and _header_like(key) and (numbered(i) or not need_number):
                group.setdefault(key, set()).add(lines[i].page)
    return {k for group in (tops, bottoms) for k, pages in group.items() if len(pages) >= 2}


def _header_like(text: str) -> bool:
    return width(text) <= 40 and text[-1] not in _NO_HEADING_END and not _starts_item(text)


def _soft_gap(lines: list[_Line]) -> int:
    """Blank lines that only break a line: the usual gap, when most lines stop mid-sentence."""
    gaps = Counter(ln.gap_before for ln in lines[1:])
    if not gaps:
        return 0
    usual = gaps.most_common(1)[0][0]
    broken = sum(not _ends_sentence(ln.text) for ln in lines) / len(lines)
    return usual if usual >= 1 and broken >= 0.4 else 0


def _local_width(lines: list[_Line], i: int) -> float:
    """Widest of the neighbouring lines: the column width around line ``i``."""
    around = [width(ln.text) for ln in lines[max(0, i - 3): i + 4]]
    return max(around) if around else 0.0


def _ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS)[-1:] in END_PUNCT if text.rstrip(CLOSERS) else False


def _ends_paragraph(text: str, local: float) -> bool:
    """A sentence ends the line and the line is short of the column width.

    A colon does not count: ``…四方面成果：`` usually runs on into its list.
    """
    if not _ends_sentence(text) or text.rstrip(CLOSERS).endswith(("：", ":")):
        return False
    return width(text) < (0.95 if is_cjk(text) else 0.85) * local


def _own_item(text: str, before: str) -> bool:
    """A list item that starts its own paragraph: not ``…成果：一是…；二是…`` run inline."""
    if not _starts_item(text):
        return False
    inline = before.endswith(("：", ":")) and len(ITEM.findall(text)) + len(
        re.findall(r"[；;][一二三四五六七八九十]{1,3}是", text)) > 1
    return not inline


def _starts_item(text: str) -> bool:
    m = ITEM.match(text)
    return bool(m) and (m.group("zh") is None or len(text) > 4)


def _line_role(ln: _Line, local: float, strong: bool, prev_end: bool,
               blank_structure: bool) -> str | None:
    """``heading``, ``caption`` or ``source`` for a line that stands alone, else None."""
    text = ln.text
    if SOURCE_NOTE.match(text):
        return "source"
    if text[-1] in _NO_HEADING_END or width(text) > 40 or _BULLET.match(text):
        return None
    if _CAPTION.search(text):
        return "caption"
    if _NUMBERED_HEADING.match(text) and width(text) <= 30:
        return "heading"
    after_break = strong if blank_structure else (strong or prev_end)
    if ln.repeated or (after_break and width(text) <= 0.8 * max(local, 1)):
        return "heading"
    return None


def _joins_tight(ch: str) -> bool:
    """Whether a line break at ``ch`` (CJK punctuation, a hyphen, or nothing) takes no space."""
    return not ch or bool(_JOINS_TIGHT.match(ch))


def _join(parts: list[str]) -> str:
    """Join broken lines: no space between CJK, a space between words, hyphenation undone."""
    text = parts[0]
    for part in parts[1:]:
        if re.search(r"[a-z]-$", text) and part[:1].islower():
            # coun-/tries is one word; e-/commerce and co-/operation keep their hyphen
            text = text + part if re.search(r"\b[a-z]{1,2}-$", text) else text[:-1] + part
        elif is_cjk(text[-1:] + part[:1]) or _joins_tight(text[-1:]) or _joins_tight(part[:1]):
            text += part
        else:
            text += " " + part
    return fix_quotes(normalize(text))


def _para_block(text: str) -> Block:
    """A bulleted paragraph (``• …``) is an item without its bullet; numbered ones stay text."""
    m = _BULLET.match(text)
    return Block(text[m.end():], "item") if m else Block(text, "para")


# ----------------------------------------------------------------------------- order


def item_number(text: str) -> int | None:
    """The number of a numbered item (一是 -> 1, （三） -> 3, 2. -> 2, ② -> 2), else None."""
    m = ITEM.match(text)
    if not m:
        return None
    if m.group("c"):
        return ord(m.group("c")) - ord("①") + 1
    raw = m.group("zh") or m.group("p") or m.group("d")
    if raw is None:
        return None
    try:
        return int(raw) if raw.isdigit() else int(cn2an.cn2an(raw, "smart"))
    except ValueError:
        return None


def reorder_items(blocks: list[Block]) -> list[Block]:
    """Sort runs of numbered paragraphs that came out of order; put their lead-in line first."""
    out = list(blocks)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].kind == "para" and item_number(out[j].text) is not None:
            j += 1
        if j - i >= 3:
            nums = [item_number(b.text) for b in out[i:j]]
            if sorted(nums) == list(range(1, len(nums) + 1)) and nums != sorted(nums):
                out[i:j] = sorted(out[i:j], key=lambda b: item_number(b.text))
            if (j < len(out) and out[j].kind == "para" and out[j].text.endswith(("：", ":"))
                    and (i == 0 or not out[i - 1].text.endswith(("：", ":")))):
                out.insert(i, out.pop(j))
                j += 1
        i = max(j, i + 1)
    return out
