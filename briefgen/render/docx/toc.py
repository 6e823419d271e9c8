"""The writer's side of a contents page: heading numbers as Word computes them, and the entries
and page-number function a layout works with.

The heading numbers ("一、", "1.") are computed here as Word computes them from the heading
styles' list definitions, so the contents read as Word would write them. Finding the pages is
not the writer's job: the pipeline passes in a :class:`ContentsPages` function
(:class:`briefgen.contents.page_numbers.PageNumbers` lays the document out with LibreOffice).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from briefgen.plan import model as m

if TYPE_CHECKING:  # oxml imports python-docx, which a build with nothing to render never needs
    from briefgen.render.docx.oxml import ListLevel

#: Page number the first layout prints while the real ones are unknown: two digits, as wide as
#: every number under 100 is printed (:func:`printed_page`).
PLACEHOLDER_PAGE = 10
#: Digits every page number under 100 is printed with in the contents.
PAGE_DIGITS = 2
#: U+2007 FIGURE SPACE: as wide as a digit, and no line break at it.
FIGURE_SPACE = "\u2007"


@dataclass(frozen=True)
class Entry:
    """A contents entry as the layout needs it: its bookmark and the text its heading shows."""

    bookmark: str
    text: str  # number and heading text, as printed ("一、摘要", "1. Bottom line")


#: The document's bytes with these page numbers in its contents (None: the placeholder), and
#: its contents entries.
LayOut = Callable[[Sequence[int] | None], tuple[bytes, Sequence[Entry]]]


class ContentsPages(Protocol):
    """Page numbers for the contents of ``plan``'s document (None: leave them out), given the
    function that builds it with given numbers and how many entries it lists. The pipeline
    passes one in, so the writer never runs LibreOffice or opens a cache itself."""

    def __call__(self, plan: m.DocPlan, charts: Mapping[str, Path], lay_out: LayOut,
                 entries: int) -> list[int] | None: ...


def printed_page(page: int) -> tuple[str, str]:
    """The padding and the number a contents entry prints for ``page``: under 100, always two
    digits wide (a figure space before a single digit; right-aligned, it does not show), so the
    contents lay out alike whatever their numbers, and one layout settles them
    (:mod:`briefgen.contents.layout`)."""
    number = str(page)
    return FIGURE_SPACE * max(0, PAGE_DIGITS - len(number)), number


def lists_contents(plan: m.DocPlan) -> bool:
    """Whether ``plan``'s document has a contents page with headings to number."""
    return bool(plan.toc and any(isinstance(b, m.TocBlock) for b in plan.blocks)
                and any(isinstance(b, m.Heading) for b in plan.blocks))


# --------------------------------------------------------------------------- heading numbers


@dataclass(frozen=True)
class StyleList:
    """The list a heading style numbers its paragraphs with: w:numPr of the style."""

    num_id: int
    level: int  # w:ilvl
    levels: Mapping[int, ListLevel]  # the list definition's levels, by w:ilvl


_DIGITS_ZH = "零一二三四五六七八九"


def chinese_counting(n: int) -> str:
    """一, 二 ... 十, 十一 ... 二十 ... 一百零五, 一千零五十, 一万零一十: Word's
    ``chineseCounting``."""
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
