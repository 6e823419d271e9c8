"""ROUGE-1, ROUGE-2 and ROUGE-L F1, written out so Chinese and English are scored alike.

Chinese is scored on characters (CJK characters, and each letter or digit run as one token;
punctuation and whitespace ignored), English on lower-cased words (runs of letters and digits,
as ``rouge-score`` tokenises without stemming). ROUGE-N counts clipped n-gram overlaps;
ROUGE-L is the longest common subsequence of the whole token sequences (``rougeL``, not the
sentence-split ``rougeLsum``). ``rouge-score`` is used only to cross-check the English numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["tokens", "rouge_n", "rouge_l", "scores"]

_ZH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z]+|\d+")
_EN = re.compile(r"[a-z0-9]+")


def tokens(text: str, lang: str) -> list[str]:
    """Characters for Chinese, lower-cased words for English; punctuation dropped."""
    if lang.startswith("zh"):
        return _ZH.findall(text)
    return _EN.findall(text.lower())


def _f1(overlap: int, cand: int, ref: int) -> float:
    if not overlap or not cand or not ref:
        return 0.0
    p, r = overlap / cand, overlap / ref
    return 2 * p * r / (p + r)


def rouge_n(cand: Sequence[str], ref: Sequence[str], n: int) -> float:
    """ROUGE-N F1 with clipped counts."""
    c = Counter(tuple(cand[i : i + n]) for i in range(len(cand) - n + 1))
    r = Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1))
    return _f1(sum((c & r).values()), sum(c.values()), sum(r.values()))


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(cand: Sequence[str], ref: Sequence[str]) -> float:
    """ROUGE-L F1 over the whole token sequences."""
    return _f1(_lcs(cand, ref), len(cand), len(ref))


def scores(candidate: str, reference: str, lang: str) -> tuple[float, float, float]:
    """(ROUGE-1, ROUGE-2, ROUGE-L) F1 of one candidate against one reference."""
    c, r = tokens(candidate, lang), tokens(reference, lang)
    return rouge_n(c, r, 1), rouge_n(c, r, 2), rouge_l(c, r)
