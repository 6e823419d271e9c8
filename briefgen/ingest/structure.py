"""Typed blocks -> the outline of a brief: title, sections, captions, source notes, extras.

A source's own furniture is recognised by heading name (English or Chinese) and routed to the
brief field it fills instead of becoming a section: a table of contents is dropped, an abstract
becomes ``meta.about``, a timeline's lines become timeline events, a sources list becomes
sources, and a figures table only supplies figures (a briefgen-built .docx has all four).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgen.ingest.clean import is_cjk
from briefgen.ingest.read import Block
from briefgen.ingest.titles import is_capitals, title_case

_SPECIAL = {
    "skip": ("contents", "table of contents", "目录", "目 录"),
    "about": ("abstract", "summary", "executive summary", "摘要", "内容提要", "概要", "提要"),
    "figures": ("figures", "key figures", "facts and figures", "data", "数据", "主要数据",
                "数字", "关键数据", "数据一览", "数据表"),
    "timeline": ("timeline", "chronology", "milestones", "大事记", "时间线", "大事年表"),
    "sources": ("sources", "references", "source", "来源", "资料来源", "参考资料", "参考文献"),
}


@dataclass
class SectionOutline:
    """One section as found: heading, body paragraphs, bullets, table rows, quotes, captions."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (text, attribution)
    captions: list[str] = field(default_factory=list)
    source_notes: list[str] = field(default_factory=list)
    from_title: bool = False  # no heading in the source: titled after the document


@dataclass
class Outline:
    """The whole source, arranged the way a brief is."""

    lang: str
    title: str
    subtitle: str | None = None
    meta_lines: list[str] = field(default_factory=list)
    sections: list[SectionOutline] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    figure_rows: list[str] = field(default_factory=list)
    timeline_lines: list[str] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)
    title_was_capitals: bool = False

    @property
    def body(self) -> str:
        """Every section paragraph, for language and date guesses."""
        return "\n".join(p for s in self.sections for p in s.paragraphs)


_HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|"
                             r"[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                             r"第[一二三四五六七八九十\d]+[章节部分篇]\s*|(?:\d{1,2}\.){1,3}\s*(?!\d)|"
                             r"[IVX]{1,4}\.\s+)")


def strip_number(title: str) -> str:
    """A heading without its outline number (``三、背景`` -> ``背景``,
    ``2.1 Trade`` -> ``Trade``)."""
    bare = _HEADING_NUMBER.sub("", title, count=1).strip()
    return bare or title


def special_kind(title: str) -> str | None:
    """``about``, ``figures``, ``timeline``, ``sources`` or ``skip`` for furniture headings."""
    key = re.sub(r"[\s:：]+", " ", strip_number(title)).strip().lower()
    if re.match(r"about (?:the|this|us\b)", key) or key.startswith("notes to editors"):
        return "about"  # a press release's boilerplate: "About the Summit"
    for kind, names in _SPECIAL.items():
        if key in names:
            return kind
    return None


def detect_language(blocks: list[Block]) -> str:
    """``zh`` when Chinese characters make up a fifth of the letters, else ``en``."""
    return "zh" if is_cjk("".join(b.text for b in blocks)[:20000]) else "en"


#: A wire's time stamp line: ``2023-10-18 19:42 GMT | Meridian Wire``, ``Published 5 May 2024``.
_STAMP = re.compile(r"^(?:published|posted|updated|released)?:?\s*(?:\d{4}-\d{2}-\d{2}|"
                    r"\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})\b[^.!?]{0,60}$",
                    re.IGNORECASE)


def _english_front(blocks: list[Block]) -> list[Block]:
    """Front matter of an English text file: a date stamp line is ``meta``, not a heading; the
    line right after a title that is followed by a heading (a cover's second line) is the
    ``subtitle``, not a section."""
    out = [Block(b.text, "meta") if b.kind in ("heading", "para") and _STAMP.match(b.text)
           else b for b in blocks]
    first = next((i for i, b in enumerate(out) if b.kind in ("title", "heading")), None)
    if first is None or first + 2 >= len(out) or out[first].kind == "title" and any(
            b.kind == "subtitle" for b in out):
        return out
    second, third = out[first + 1], out[first + 2]
    # a heading there is a subtitle only when it reads like one (a comma, a year, five words):
    # "Overview" over "Details" is two sections, the first of them empty
    cover_like = second.kind == "para" or "," in second.text or bool(
        re.search(r"\b(?:19|20)\d{2}\b", second.text)) or len(second.text.split()) >= 5
    if (cover_like and second.kind in ("heading", "para") and third.kind == "heading"
            and not _HEADING_NUMBER.match(second.text) and len(second.text) <= 160
            and second.text[-1:] not in ".!?:"):
        out[first + 1] = Block(second.text, "subtitle")
    return out


def outline(blocks: list[Block], fallback_title: str) -> Outline:
    """Arrange cleaned blocks into an outline; the first heading also titles the document."""
    lang = detect_language(blocks)
    capitals = False
    if lang == "en":
        blocks = _english_front(blocks)
        head = next((b for b in blocks if b.kind in ("title", "heading")), None)
        capitals = head is not None and is_capitals(head.text)
        blocks = [Block(title_case(b.text), b.kind, b.level) if b.kind in ("title", "heading")
                  else b for b in blocks]
    title_block = next((b for b in blocks if b.kind == "title"), None)
    first_heading = next((b for b in blocks if b.kind == "heading"), None)
    title = (title_block or first_heading or Block(fallback_title)).text
    out = Outline(lang=lang, title=title)
    out.title_was_capitals = capitals
    current: SectionOutline | None = None
    special: str | None = None
    pending: list[str] = []  # captions before the first section

    for b in blocks:
        if b.kind == "title":
            continue
        if b.kind == "subtitle":
            out.subtitle = out.subtitle or b.text
            continue
        if b.kind == "meta":
            out.meta_lines.append(b.text)
            continue
        if b.kind == "heading":
            special = special_kind(b.text)
            if special is None:
                current = SectionOutline(strip_number(b.text), captions=pending)
                pending = []
                out.sections.append(current)
            continue
        if special is not None:
            _route_special(out, special, b)
            continue
        if current is None:
            if b.kind == "caption":
                pending.append(b.text)
                continue
            current = SectionOutline(title, from_title=True, captions=pending)
            pending = []
            out.sections.append(current)
        _add(current, b)
    if pending and out.sections:
        out.sections[-1].captions += pending
    out.sections = _merge_empty(out.sections)
    return out


def _route_special(out: Outline, kind: str, b: Block) -> None:
    if kind == "about" and b.kind in ("para", "item", "quote"):
        out.about.append(b.text)
    elif kind == "figures" and b.kind in ("row", "para", "item"):
        out.figure_rows.append(b.text)
    elif kind == "timeline":
        out.timeline_lines.append(b.text)
    elif kind == "sources":
        out.source_lines.append(b.text)


#: A source note closing a paragraph: "... in 2028. Source: Kenya Ports Authority, 5 November
#: 2026." or "……。（来源：新华社）".
_TRAILING_SOURCE = re.compile(
    r"(?:(?<=[.!?])\s+|(?<=[。！？]))(?P<note>[（(]?\s*(?:资料)?(?:来源|出处|[Ss]ources?)\s*[:：].{2,160})$")


def _add(section: SectionOutline, b: Block) -> None:
    if b.kind == "para":
        trailing = _TRAILING_SOURCE.search(b.text)
        if trailing and trailing.start() > 0:  # the note is a source, not text to summarise
            section.paragraphs.append(b.text[: trailing.start()].rstrip())
            section.source_notes.append(trailing.group("note"))
            return
        section.paragraphs.append(b.text)
    elif b.kind == "item":
        section.items.append(b.text)
    elif b.kind == "row":
        section.rows.append(b.text)
    elif b.kind == "quote":
        section.quotes.append((b.text, ""))
    elif b.kind == "attribution" and section.quotes:
        text, _ = section.quotes[-1]
        section.quotes[-1] = (text, b.text.lstrip("—–- ").strip())
    elif b.kind == "caption":
        section.captions.append(b.text)
    elif b.kind == "source":
        section.source_notes.append(b.text)


def _merge_empty(sections: list[SectionOutline]) -> list[SectionOutline]:
    """A section needs a paragraph: bullets or rows stand in; a bare heading joins the next."""
    out: list[SectionOutline] = []
    carry: SectionOutline | None = None
    for s in sections:
        if carry is not None:
            s.captions = carry.captions + s.captions
            s.source_notes = carry.source_notes + s.source_notes
            carry = None
        if not s.paragraphs and (s.items or s.rows):
            s.paragraphs, s.items = (s.items or s.rows), ([] if s.items else s.items)
            if s.rows and s.paragraphs is s.rows:
                s.rows = []
        if not s.paragraphs:
            carry = s
            continue
        out.append(s)
    if carry is not None and out:
        out[-1].captions += carry.captions
        out[-1].source_notes += carry.source_notes
    return out
