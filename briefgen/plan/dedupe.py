"""One deck, no bullet said twice.

The bottom-line slide is a summary of the sections, so its bullets are often the sections' own
first sentences, word for word or nearly ("2016年，中国与…" and "中国与…"). A reader sees the same
line twice a few slides apart. This pass runs once, over the assembled deck: a bullet that is a
near-duplicate of an earlier one is dropped, and the slide takes the section's next line that
says something new instead (``refill``), so a section keeps as many bullets as it had.

A section whose text has nothing new left keeps its first line on its first slide (a section
slide with its title alone is worse than a repeat), and the earlier slide that showed the line
gives it up when it has others to show, unless the line opens it: a bottom line's or an
abstract's first line is its topic sentence (who did what, where, when), and the repeat is the
lesser evil. Emptied continuation slides go.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from briefgen.plan.model import Slide
from briefgen.text.segment import sentences
from briefgen.text.tokens import tokens

#: Two bullets are near-duplicates when at least this share of their content words is common
#: (Jaccard over text.tokens' stemmed, stop-word-free tokens). On the bundled briefs true
#: repeats score 0.86-1.0; the closest distinct pair ("论坛于5月14日至15日在北京举行" vs
#: "论坛5月15日在北京举行圆桌峰会") scores 0.69.
NEAR_DUPLICATE = 0.75
#: ...or when the shorter one's words are nearly all in the longer one: a sentence and its
#: compressed form ("双方同意扩大本币结算规模" in "双方同意扩大本币结算规模，支持…") score 1.0;
#: the distinct pair above 0.82.
CONTAINED = 0.9
#: Fewer content words than this, and containment says nothing ("Trade" is in many lines).
MIN_CONTAINED_WORDS = 3

#: A section's slide title -> its candidate bullet lines, best first (already fitted).
Refill = Callable[[str], Sequence[str]]


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two bullets' token sets say the same thing (empty sets never match)."""
    if not a or not b:
        return False
    common = len(a & b)
    if common / len(a | b) >= NEAR_DUPLICATE:
        return True
    shorter = min(len(a), len(b))
    return shorter >= MIN_CONTAINED_WORDS and common / shorter >= CONTAINED


def _key(line: str) -> str:
    """Exact-repeat key, for bullets without content words (a bare number, a symbol)."""
    return "".join(line.split()).casefold()


class _Said:
    """The bullets a deck has shown so far, and on which slide of the output each stands."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[tuple[frozenset[str], str, int]] = []  # tokens, key, slide index

    def earlier(self, line: str) -> int | None:
        """Index of the slide that already showed ``line`` or a near-duplicate, or None."""
        words, key = tokens(line, self.lang), _key(line)
        return next((at for w, k, at in self.lines if k == key or near_duplicate(words, w)),
                    None)

    def add(self, line: str, at: int) -> None:
        self.lines.append((tokens(line, self.lang), _key(line), at))

    def forget(self, at: int, line: str) -> None:
        self.lines = [e for e in self.lines if (e[1], e[2]) != (_key(line), at)]


def _base(slide: Slide) -> str:
    mark = slide.continued_label
    return slide.title[: -len(mark)] if mark and slide.title.endswith(mark) else slide.title


def dedupe_bullets(slides: Sequence[Slide], lang: str,
                   refill: Refill = lambda _title: ()) -> tuple[Slide, ...]:
    """``slides`` with every near-duplicate bullet after its first occurrence replaced by a new
    line of the same section (``refill``) or, when there is none, removed."""
    said = _Said(lang)
    planned: dict[str, set[str]] = {}  # lines each section's slides carry already
    for slide in slides:
        if slide.kind == "bullets":
            planned.setdefault(_base(slide), set()).update(slide.bullets)
    out: list[Slide] = []
    for slide in slides:
        if slide.kind != "bullets":
            out.append(slide)
            continue
        base, at = _base(slide), len(out)
        kept = []
        for line in slide.bullets:
            if said.earlier(line) is None:
                kept.append(line)
                said.add(line, at)
        if len(kept) < len(slide.bullets):
            for line in refill(base):
                if len(kept) >= len(slide.bullets):
                    break
                if line not in planned[base] and said.earlier(line) is None:
                    kept.append(line)
                    said.add(line, at)
                    planned[base].add(line)
        if not kept and slide.title == base:  # a section's first slide never goes empty:
            kept = [slide.bullets[0]]  # its line moves here from a slide that has others
            _take_back(out, said, kept[0])
            said.add(kept[0], at)
        if kept:
            out.append(replace(slide, bullets=tuple(kept)))
    return tuple(out)


def _take_back(out: list[Slide], said: _Said, line: str) -> None:
    """Remove the earlier showing of ``line`` (a summary slide's, say) when its slide keeps
    other bullets and the line does not open it; otherwise the repeat stands, as the lesser
    evil to an empty slide or a summary without its topic sentence."""
    at = said.earlier(line)
    if at is None or len(out[at].bullets) < 2:
        return
    earlier = out[at]
    words = tokens(line, said.lang)
    gone = next(b for b in earlier.bullets
                if _key(b) == _key(line) or near_duplicate(tokens(b, said.lang), words))
    if gone == earlier.bullets[0]:
        return
    out[at] = replace(earlier, bullets=tuple(b for b in earlier.bullets if b != gone))
    said.forget(at, gone)


def section_refill(sections: Sequence[tuple[str, Sequence[str]]], lang: str,
                   fit: Callable[[Sequence[str]], Sequence[str]]) -> Refill:
    """A Refill from (slide title, paragraphs) of each section: every sentence of the section,
    made bullet lines by ``fit``, worked out only for a section that needs it."""
    paragraphs = dict(reversed(sections))  # the first section of a title wins
    cache: dict[str, Sequence[str]] = {}

    def lines(title: str) -> Sequence[str]:
        if title not in cache:
            cache[title] = fit([s for p in paragraphs.get(title, ()) for s in sentences(p, lang)])
        return cache[title]

    return lines
