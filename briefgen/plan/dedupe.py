"""One deck, no bullet said twice.

The bottom-line slide is a summary of the sections, so its bullets are often the sections' own
first sentences, word for word or nearly ("2016年，中国与…" and "中国与…"). A reader sees the same
line twice a few slides apart. This pass runs once, over the assembled deck: a bullet that is a
near-duplicate of an earlier one is dropped, a bullet slide left with nothing is dropped too
(its content was already shown), and a continuation slide whose first part went takes its
section's plain title back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefgen.plan.model import Slide
from briefgen.text.tokens import tokens

#: Two bullets are near-duplicates when at least this share of their content words is common
#: (Jaccard over text.tokens' stemmed, stop-word-free tokens). On the bundled briefs true
#: repeats score 0.86-1.0; the closest distinct pair ("论坛于5月14日至15日在北京举行" vs
#: "论坛5月15日在北京举行圆桌峰会") scores 0.69.
NEAR_DUPLICATE = 0.75


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two bullets' token sets say the same thing (empty sets never match)."""
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= NEAR_DUPLICATE


def _key(line: str) -> str:
    """Exact-repeat key for bullets without content words (a bare number, a symbol)."""
    return "".join(line.split()).casefold()


def dedupe_bullets(slides: Sequence[Slide], lang: str) -> tuple[Slide, ...]:
    """``slides`` with every near-duplicate bullet after its first occurrence removed."""
    seen: list[frozenset[str]] = []
    exact: set[str] = set()
    out: list[Slide] = []
    for slide in slides:
        if slide.kind != "bullets":
            out.append(slide)
            continue
        kept = []
        for line in slide.bullets:
            words = tokens(line, lang)
            if _key(line) in exact or any(near_duplicate(words, w) for w in seen):
                continue
            kept.append(line)
            seen.append(words)
            exact.add(_key(line))
        if kept:
            out.append(replace(slide, bullets=tuple(kept)))
    return tuple(_retitle_orphans(out))


def _retitle_orphans(slides: list[Slide]) -> list[Slide]:
    """A "(cont.)" slide whose first part was dropped is now the first: plain title again."""
    out: list[Slide] = []
    for slide in slides:
        mark = slide.continued_label
        if slide.kind == "bullets" and mark and slide.title.endswith(mark):
            base = slide.title[: -len(mark)]
            if not any(s.kind == "bullets" and s.title == base for s in out):
                slide = replace(slide, title=base)
        out.append(slide)
    return out
