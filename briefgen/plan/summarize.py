"""Extractive summaries that fit exact length budgets, bullet lines and short slide titles.

Ranking is TextRank: a graph of the section's sentences weighted by the cosine of their content
word sets (stopwords removed; Chinese cut with rjieba, English Snowball-stemmed), ranked by
PageRank personalised with the audience priors, so the random walk restarts at the sentences the
profile favours. A sentence's score is its centrality (scaled to [0, 1]) plus the profile's
weighted features (position, figures, entities, causal; each feature in [0, 1]), so a weight of
1.0 counts as much as being the most central sentence. Sentences are then picked greedily by
maximal marginal relevance (score minus similarity to what is already picked) while they fit the
budget; a sentence too long for the room left is compressed at a clause boundary (asides in
（…）/(…) dropped, trailing clauses dropped) when that leaves a complete sentence. If the greedy
pass fills less than 80% of the budget, an exact multiple-choice knapsack over the same
candidates (each sentence: left out, whole, or one of its compressions) finds the best-scoring
selection that fills 80-100%.

Guarantees: the total measure never exceeds the budget; it reaches 80% whenever the source is at
least as long as the budget and some combination of whole sentences and clause prefixes can
reach it; sentences come back in source order; every sentence ends with end punctuation (。！？
or . ! ?), never with an ellipsis, except that a sentence ending in ；/： keeps it when the next
source sentence follows it in the summary ("其中出口3.8万亿元，增长0.7%；进口2.4万亿元……");
no randomness (ties go to the earlier sentence), so the same input gives the same bytes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.text.measure import measure, norm_lang
from briefgen.text.segment import CLOSERS, bracket_pairs, clauses, drop_parentheticals, sentences
from briefgen.text.tokens import entity_count, tag_zh, tokens

__all__ = ["Priors", "summarize", "bullets", "short_title", "compressions", "candidates", "finish"]


@dataclass(frozen=True)
class Priors:
    """Ranking weights from the audience profile (data, not code branches)."""

    position: float = 1.0  # favour early sentences of a section
    figures: float = 0.0  # favour sentences with a wanted figure term or any number
    entities: float = 0.0  # favour sentences naming people, places, organisations, dates
    causal: float = 0.0  # favour cause/effect and sourcing sentences


# ----------------------------------------------------------------------------- constants

_DAMPING = 0.85
_MMR_LAMBDA = 0.7
_DUPLICATE_SIM = 0.85
_PRIOR_BASE = 0.25
_FILL = 0.8
_KNAPSACK_POOL = 40
_FILLER_MIN = 0.15

_CAUSAL = {
    "zh": re.compile(
        r"因此|为了|旨在|由于|因为|所以|从而|以便|以期|导致|致使|使得|得益于|有助于|来源|据|根据|数据显示|表明"
    ),
    "en": re.compile(
        r"\b(?:because|so that|according to|therefore|thus|hence|as a result|due to|in order to|"
        r"aims? to|aimed at|led to|leads to|caused?|sources?|reported by|data show|owing to)\b",
        re.I,
    ),
}
_DIGIT = re.compile(r"\d")
_ZH_END = "。！？"
_EN_END = ".!?"
_ELLIPSIS_END = re.compile(r"(?:…+|⋯+|\.{2,}|。{2,})$")
# Openers that point back at the sentence before.
_ANAPHORIC = {
    "zh": re.compile(
        r"\s*(?:其中|其|这|该|此|上述|以上|他们|它们|他|她|另外|此外|同时|但|但是|然而|而)"
    ),
    "en": re.compile(
        r"\s*(?:This|These|That|Those|It|Its|They|Their|He|She|Such|However|But|Also)\b"
    ),
}
_LIST_INTRO = re.compile(r"以下|如下|下列|\bfollowing\b|\bas follows\b", re.I)

# Chinese clause openers that make a clause an adverbial/subordinate lead-in, not a main clause.
_ZH_LEAD_WORDS = frozenset(
    """为了 为 随着 在 由于 如同 截至 截止 面对 针对 通过 根据 按照 依据 依照 据 对于 关于 鉴于 基于
    自从 自 当 经过 作为 除了 除 凭借 借助 围绕 虽然 虽 尽管 如果 假如 即使 只要 只有 若 因为 一旦
    无论 不管 从 趁 伴随 立足 着眼 本着 为此 于是 此外 同时 另外 首先 其次 最后 总之 其中 然而
    但是 但 不过 而且 并且 并 以及 因此 所以 例如 比如 诸如 即 乃至 甚至 还有 与此同时""".split()
)
_ZH_LEAD_WHOLE = re.compile(
    r"^(?:目前|当前|如今|现在|近年来|近期|今年初|今年|去年|明年|下一步|截至目前|可以说|据悉|据了解|"
    r"据介绍|数据显示|纵观世界|具体来说|具体而言|换言之|也就是说|总的来看|总体来看|一般来说|事实上|"
    r"实际上|特别是|尤其是|(?:[\d\s]+|[一二三四五六七八九十两]+)多?年多?(?:底|初|末|中|以来|来|前|后|内|间)?|"
    r"[\d\s]+年[\d\s]+月(?:[\d\s]+日)?|"
    r"[\d\s]+月[\d\s]+日|应.{0,14}(?:邀请|之邀|要求|请求)|"
    r".*(?:以来|年多?来|月多?来|之后|之前|以后|期间|之际|当中|之中|的时候|情况下|背景下|前提下|基础上|框架下))$"
)
# Prepositions whose noun-phrase object may run over several clauses: "面对A，B，C的挑战，…".
_ZH_SCOPE_PREPS = frozenset(
    "面对 在 针对 对于 鉴于 基于 围绕 按照 根据 依据 凭借 借助 经过 当 伴随".split()
)
_ZH_SCOPE_CLOSE = re.compile(r"(?:的[^，的“”]{1,4}|下|中|上|时|之际|期间|方面)$")
# "国家级联合实验室的建设，…" / "该联盟的成立，…": a nominalised subject, not a clause.
_ZH_NOMINAL_END = re.compile(r"^(?P<head>[^，的]{1,24})的[^，的“”]{1,4}$")
# "由中国发起的“丝路书香”工程，…": a subject noun phrase, not a clause of its own.
_ZH_NP_SUBJECT = re.compile(r"^(?:由|经|被).{1,24}的[^，。、的]{1,14}$")
_ZH_REPORTING_END = re.compile(
    r"(?:显示|表示|指出|认为|强调|称|说|介绍|透露|宣布|说明|看来|来看|而言|来说|表明|提出|是)$"
)
_ZH_DANGLING_END = re.compile(
    r"(?:的|和|与|及|或|把|被|对|向|将|从|在|为|等于|以及|包括|即|身份|名义)$"
)
_ZH_CORRELATIVE = re.compile(
    r"虽然|虽|尽管|不仅|不但|不只|如果|假如|即使|只要|只有|一方面|因为|由于|一旦|无论|不管|除了|与其|宁可|既"
)
_ZH_LIST_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]?|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
    r"[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|[①-⑳])\s*"
)

_EN_LEAD_WORDS = frozenset(
    """in on at for with by as since after before when while although though if because despite
    according under over during following to from amid among unlike like given through across
    within without once until unless whereas throughout upon beyond besides however meanwhile
    moreover furthermore also still yet thus therefore hence indeed overall today yesterday last
    next earlier later now then first second third finally instead nevertheless nonetheless and
    but or so which who whom where whose including such not""".split()
)
_EN_APPOSITIVE = frozenset("a an the who which whose whom one its his her their".split())
_EN_DANGLING = frozenset(
    "the a an of to and or for in with by that than as from at on into its their his her".split()
)
_EN_REPORTING_END = re.compile(
    r"\b(?:said|says|say|noted|added|stated|announced|reported|told \w+|explained)$", re.I
)
_EN_LIST_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[•·\-–—*])\s+")


# ----------------------------------------------------------------------------- sentence endings


def _core_end(text: str) -> int:
    """Index just past the last character that is not a closing mark or whitespace."""
    k = len(text)
    while k > 0 and (text[k - 1] in CLOSERS or text[k - 1].isspace()):
        k -= 1
    return k


def _is_aside(text: str) -> bool:
    """Whether the whole text is one parenthetical such as （来源：新华社，2017年5月15日）."""
    s = text.strip()
    return bool(s) and s[0] in "（(" and (0, len(s) - 1) in bracket_pairs(s)


def finish(text: str, lang: str) -> str:
    """``text`` as a stand-alone sentence: ends with 。！？ (or . ! ?), never with an ellipsis.

    A trailing ，；：、 becomes 。/. ; an ellipsis is replaced by 。/. ; text with no end mark gets
    one after any closing quote. A sentence that is wholly an aside in brackets is left as is.
    """
    lang = norm_lang(lang)
    s = text.strip()
    if not s or _is_aside(s):
        return s
    stop = "。" if lang == "zh" else "."
    ends = _ZH_END + "!?" if lang == "zh" else _EN_END + "。！？"
    k = _core_end(s)
    core, tail = s[:k], s[k:]
    m = _ELLIPSIS_END.search(core)
    if m:
        core = core[: m.start()].rstrip()
        if core and core[-1] in "，、；：,;:":
            core = core[:-1]
        if not core:
            return s
        return core + stop + tail
    if not core:
        return s
    last = core[-1]
    if last in ends:
        return s
    if last in "，、；：,;:—–-":
        kept = core[:-1].rstrip()
        if not kept:
            return s
        if kept[-1] in ends:  # "totalled $14.5 bn.," -> "totalled $14.5 bn."
            return kept + tail
        return kept + stop + tail
    return core + tail + stop


def _soft_end(text: str, lang: str) -> bool:
    """Whether the sentence ends with ； or ： (kept when the next sentence follows it)."""
    s = text.strip()
    k = _core_end(s)
    return k == len(s) and k > 0 and s[k - 1] in "；：;:"


# ----------------------------------------------------------------------------- clause rules


def _clause_core(clause: str) -> str:
    return clause.strip().rstrip("，、；：,;:。！？.!?").strip()


@lru_cache(maxsize=16384)
def _zh_lead(clause: str) -> bool:
    """Whether a Chinese clause is a lead-in (time, place, purpose, condition), no main clause."""
    c = re.sub(r"\s+", "", _clause_core(clause))
    c = _ZH_LIST_MARKER.sub("", c)
    if not c:
        return True
    if _ZH_LEAD_WHOLE.match(c) or _ZH_REPORTING_END.search(c):
        return True
    if _ZH_NP_SUBJECT.match(c):
        return True
    words = tag_zh(c)
    if words and words[0][0] in _ZH_LEAD_WORDS:
        return True
    m = _ZH_NOMINAL_END.match(c)
    if m and (words[-1][1] == "vn" or not any(_is_verb(f) for _, f in tag_zh(m.group("head")))):
        return True
    # "科技创新合作作为…的重要组成部分，…": 作为 without 将/把/以 before it is a lead-in
    return "作为" in c and not re.search(r"[将把以].*作为", c)


def _is_verb(flag: str) -> bool:
    return flag[:1] == "v" and flag != "vn"


def _zh_major(pieces: Sequence[str]) -> list[str]:
    """Clause pieces merged so that an enumeration (A、B、C，) stays one clause."""
    out: list[str] = []
    buf = ""
    for p in pieces:
        buf += p
        if not p.rstrip().endswith("、"):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def _zh_scope_end(pieces: Sequence[str]) -> int:
    """Index of the clause that closes a leading preposition's object (-1 if none)."""
    first = _ZH_LIST_MARKER.sub("", re.sub(r"\s+", "", _clause_core(pieces[0])))
    words = tag_zh(first) if first else ()
    if not words or words[0][0] not in _ZH_SCOPE_PREPS or _ZH_SCOPE_CLOSE.search(first):
        return 0 if words and words[0][0] in _ZH_LEAD_WORDS else -1
    for e in range(1, min(len(pieces), 5)):
        if _ZH_SCOPE_CLOSE.search(re.sub(r"\s+", "", _clause_core(pieces[e]))):
            return e
    return 0


@lru_cache(maxsize=16384)
def _en_lead(clause: str) -> bool:
    c = _clause_core(clause)
    words = c.split()
    if len(words) <= 2:
        return True
    raw = words[0].strip("\"'“‘(")
    first = raw.lower()
    if first in _EN_LEAD_WORDS or _EN_REPORTING_END.search(c):
        return True
    # a participle phrase: "launched in 2013", "linking 25 cities"
    return raw.islower() and len(raw) > 4 and raw.endswith(("ed", "ing"))


def _en_scope_end(pieces: Sequence[str]) -> int:
    """Index of the last clause of a subject + appositive lead ("Dr. Li, a researcher, said")."""
    if len(pieces) > 1 and len(pieces[0].split()) <= 5 and not _en_lead(pieces[0]):
        nxt = pieces[1].split()
        if nxt and nxt[0].strip("\"'“‘(").lower() in _EN_APPOSITIVE:
            return 1
    return -1


def _valid_cut(pieces: Sequence[str], k: int, lang: str) -> bool:
    """Whether ``pieces[:k]`` is a complete sentence once its last separator becomes 。/. ."""
    head, last = pieces[:k], pieces[k - 1].rstrip()
    if not last:
        return False
    sep = last[-1]
    core = _clause_core(last)
    if not core or _ELLIPSIS_END.search(core):
        return False
    prefix = "".join(head)
    if lang == "zh":
        if sep not in "，；,;。！？":
            return False
        if measure(prefix, "zh") < 6:
            return False
        if _zh_lead(last) or _ZH_DANGLING_END.search(core) or _ZH_CORRELATIVE.search(core):
            return False
        if re.search(r"不仅|不但|一方面", prefix) and not re.search(
            r"而且|并且|也|还|另一方面", "".join(head[1:]) if len(head) > 1 else ""
        ):
            return False
        if any(p.rstrip()[-1:] in "：:" for p in head):
            return False  # what follows a colon is what the sentence announces
        short = [len(_clause_core(p)) <= 5 for p in pieces[k - 1 : k + 2]]
        opens_list = k < len(pieces) and re.match(
            r"\s*(?:即|包括|例如|比如|诸如|分别是|也就是)", pieces[k]
        )
        in_list = (len(short) >= 2 and short[0] and short[1]) or (
            len(short) == 3 and short[1] and short[2] and not opens_list
        )
        if in_list:
            return False  # inside a list written with ，: "和平合作，开放包容，互学互鉴，互利共赢"
        scope = _zh_scope_end(pieces)
        if k - 1 <= scope:
            return False
        return any(not _zh_lead(p) for p in head[scope + 1 :])
    if sep not in ",;":
        return False
    if measure(prefix, "en") < 4:
        return False
    if _en_lead(last):
        return False
    words = core.split()
    if words and words[-1].lower().strip("\"'”’)") in _EN_DANGLING:
        return False
    rest = pieces[k] if k < len(pieces) else ""
    rest_words = _clause_core(rest).split()
    if (
        sep == ","
        and len(rest_words) <= 4
        and (len(words) <= 4 or (rest_words and rest_words[0].lower() in ("and", "or")))
    ):
        return False  # inside a list: "A, B, and C"
    if re.search(r"\bnot only\b", prefix, re.I) and not re.search(r"\bbut\b", prefix, re.I):
        return False
    scope = _en_scope_end(pieces)
    if k - 1 <= scope:
        return False
    return any(not _en_lead(p) for p in head[scope + 1 :])


@lru_cache(maxsize=8192)
def _compressions(sentence: str, lang: str) -> tuple[str, ...]:
    out: list[str] = []
    seen = {finish(sentence, lang)}
    bases = [sentence]
    bare = drop_parentheticals(sentence, lang)
    if bare != sentence:
        bases.append(bare)
    for base in bases:
        whole = finish(base, lang)
        if whole not in seen:
            seen.add(whole)
            out.append(whole)
        pieces = clauses(base, lang)
        if lang == "zh":
            pieces = _zh_major(pieces)
        for k in range(len(pieces) - 1, 0, -1):
            if _valid_cut(pieces, k, lang):
                text = finish("".join(pieces[:k]), lang)
                if text not in seen:
                    seen.add(text)
                    out.append(text)
    out.sort(key=lambda t: -measure(t, lang))  # stable: ties keep generation order
    return tuple(out)


def compressions(sentence: str, lang: str) -> tuple[str, ...]:
    """Shorter complete forms of ``sentence``, longest first (not including the sentence itself).

    Each is the sentence, or the sentence without its （…） asides, cut after a clause whose
    separator (，；,;) becomes 。/. — only where the kept part has a main clause and does not end
    on a lead-in (在…情况下，), a reporting verb (数据显示，), a dangling word or half of a
    correlative pair (虽然…，), and never inside a list.
    """
    return _compressions(sentence.strip(), norm_lang(lang))


# ----------------------------------------------------------------------------- units and ranking


@dataclass
class _Unit:
    index: int
    para: int
    pos: int
    text: str
    variants: tuple[tuple[str, int], ...]  # (text, measure); [0] is the whole sentence
    soft: bool  # ends with ；/： : kept as is when the next sentence follows
    eligible: bool
    toks: frozenset[str]


def _build_units(paragraphs: Sequence[str], lang: str) -> list[_Unit]:
    units: list[_Unit] = []
    for p, para in enumerate(paragraphs):
        for j, sent in enumerate(sentences(para, lang)):
            whole = finish(sent, lang)
            variants = [(whole, measure(whole, lang))]
            variants += [(t, measure(t, lang)) for t in _compressions(sent, lang)]
            variants = [v for v in variants if v[1] > 0] or [(whole, measure(whole, lang))]
            eligible = (
                variants[0][1] > 0
                and not _is_aside(sent)
                and not (
                    _soft_end(sent, lang)
                    and sent.rstrip()[-1:] in "：:"
                    and _LIST_INTRO.search(sent)
                )
            )
            units.append(
                _Unit(
                    len(units),
                    p,
                    j,
                    sent,
                    tuple(variants),
                    _soft_end(sent, lang),
                    eligible,
                    tokens(sent, lang),
                )
            )
    # A sentence repeated verbatim is ranked once; a compression that equals another sentence of
    # the section is dropped (that sentence can be chosen itself).
    whole_texts: dict[str, int] = {}
    for u in units:
        key = _plain(u.variants[0][0])
        if u.eligible and key in whole_texts:
            u.eligible = False
        whole_texts.setdefault(key, u.index)
    for u in units:
        kept = [u.variants[0]] + [v for v in u.variants[1:] if _plain(v[0]) not in whole_texts]
        u.variants = tuple(kept)
    return units


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / math.sqrt(len(a) * len(b)) if inter else 0.0


def _prior_boost(
    units: Sequence[_Unit], lang: str, priors: Priors, wanted: Sequence[str]
) -> list[float]:
    """Sum of prior weight x feature per sentence; every feature is in [0, 1].

    position: 1 for a section's first sentence, 1/(1+j) for the j-th sentence of a paragraph,
    later paragraphs' leads a little less; figures: 1 with a wanted figure term, 0.5 with any
    number; entities: distinct people/places/organisations/dates, 3 or more counting 1; causal:
    1 with a cause/effect or sourcing marker.
    """
    wanted_n = [re.sub(r"\s+", "", w) for w in wanted if w and w.strip()]
    causal = _CAUSAL[lang]
    out = []
    for u in units:
        flat = re.sub(r"\s+", "", u.text)
        pos = (0.6 + 0.4 / (1 + u.para)) / (1 + u.pos)
        if any(w in flat for w in wanted_n):
            fig = 1.0
        elif _DIGIT.search(u.text):
            fig = 0.5
        else:
            fig = 0.0
        ent = min(entity_count(u.text, lang), 3) / 3 if priors.entities > 0 else 0.0
        cau = 1.0 if causal.search(u.text) else 0.0
        out.append(
            max(priors.position, 0.0) * pos
            + max(priors.figures, 0.0) * fig
            + max(priors.entities, 0.0) * ent
            + max(priors.causal, 0.0) * cau
        )
    return out


def _pagerank(sim: list[list[float]], personal: list[float]) -> list[float]:
    n = len(personal)
    total = sum(personal)
    p = [x / total for x in personal]
    rows = [sum(r) for r in sim]
    r = p[:]
    for _ in range(100):
        dangling = sum(r[i] for i in range(n) if rows[i] == 0.0)
        nxt = [(1 - _DAMPING) * p[j] + _DAMPING * dangling * p[j] for j in range(n)]
        for i in range(n):
            if rows[i] == 0.0 or r[i] == 0.0:
                continue
            f = _DAMPING * r[i] / rows[i]
            row = sim[i]
            for j in range(n):
                if row[j]:
                    nxt[j] += f * row[j]
        diff = sum(abs(a - b) for a, b in zip(nxt, r))
        r = nxt
        if diff < 1e-12:
            break
    return r


def _scores(
    units: Sequence[_Unit], lang: str, priors: Priors, wanted: Sequence[str]
) -> tuple[list[float], list[list[float]]]:
    n = len(units)
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            s = _cosine(units[i].toks, units[j].toks)
            sim[i][j] = sim[j][i] = s
    boost = _prior_boost(units, lang, priors, wanted)
    # TextRank centrality, personalised: the random walk restarts at sentences the profile favours
    pr = _pagerank(sim, [_PRIOR_BASE + b for b in boost])
    top_pr = max(pr) or 1.0
    raw = []
    for u, r, b in zip(units, pr, boost):
        x = r / top_pr + b  # centrality in [0, 1] plus the profile's weighted features
        if u.soft and u.text.rstrip()[-1:] in "：:":
            x *= 0.5  # a list lead-in says little on its own
        raw.append(x)
    top = max(raw) or 1.0
    return [round(x / top, 12) for x in raw], sim


# ----------------------------------------------------------------------------- selection


def _greedy(
    units: Sequence[_Unit], score: Sequence[float], lang: str, budget: int
) -> dict[int, int]:
    """MMR selection: unit index -> variant index.

    Redundancy is measured on the forms actually chosen, so a compressed sentence that repeats a
    sentence already taken counts as a repeat.
    """
    chosen: dict[int, int] = {}
    taken: list[frozenset[str]] = []
    texts: set[str] = set()
    room = budget
    while True:
        best: tuple[float, int, int] | None = None
        for u in units:
            if not u.eligible or u.index in chosen:
                continue
            vi = next((k for k, (_, m) in enumerate(u.variants) if m <= room), None)
            if vi is None:
                continue
            text = u.variants[vi][0]
            if _plain(text) in texts:
                continue
            toks = u.toks if vi == 0 else tokens(text, lang)
            red = max((_cosine(toks, t) for t in taken), default=0.0)
            if red >= _DUPLICATE_SIM:
                continue
            val = _MMR_LAMBDA * score[u.index] - (1 - _MMR_LAMBDA) * red
            if vi:  # a compressed form carries less of the sentence
                val *= 0.5 + 0.5 * u.variants[vi][1] / u.variants[0][1]
            prev = units[u.index - 1] if u.index else None
            orphan = (
                prev is not None
                and prev.index not in chosen
                and prev.para == u.para
                and (prev.soft or bool(_ANAPHORIC[lang].match(u.text)))
            )
            if orphan:
                val *= 0.6  # "其中出口……" / "This ..." reads badly without the sentence before it
            if (vi or orphan) and room <= budget * (1 - _FILL) and val < _FILLER_MIN:
                continue  # 80% is filled: no low-value scraps just to use the last characters
            if best is None or val > best[0]:
                best = (val, u.index, vi)
        if best is None:
            return chosen
        _, i, vi = best
        chosen[i] = vi
        text = units[i].variants[vi][0]
        texts.add(_plain(text))
        taken.append(units[i].toks if vi == 0 else tokens(text, lang))
        room -= units[i].variants[vi][1]


def _plain(text: str) -> str:
    return re.sub(r"[\s。！？.!?；;，,：:]+", "", text)


def _knapsack(
    units: Sequence[_Unit], score: Sequence[float], budget: int, target: int
) -> dict[int, int] | None:
    """Best-scoring selection with target <= measure <= budget (or the fullest one if none)."""
    NEG = float("-inf")
    best = [NEG] * (budget + 1)
    best[0] = 0.0
    # back[m] = (unit, variant, previous m, previous back node) as an immutable chain
    back: list[tuple | None] = [None] * (budget + 1)
    # the best-ranked sentences only, so a long section stays fast; source order for stable ties
    pool = sorted(
        u.index
        for u in sorted((u for u in units if u.eligible), key=lambda u: (-score[u.index], u.index))[
            :_KNAPSACK_POOL
        ]
    )
    for u in (units[i] for i in pool):
        full = u.variants[0][1]
        opts = [
            (vi, m, score[u.index] * (0.5 + 0.5 * m / full))
            for vi, (_, m) in enumerate(u.variants)
            if 0 < m <= budget
        ]
        if not opts:
            continue
        new_best = best[:]
        new_back = back[:]
        for m0 in range(budget + 1):
            v0 = best[m0]
            if v0 == NEG:
                continue
            for vi, m, v in opts:
                m1 = m0 + m
                if m1 > budget:
                    continue
                if v0 + v > new_best[m1] + 1e-12:
                    new_best[m1] = v0 + v
                    new_back[m1] = (u.index, vi, back[m0])
        best, back = new_best, new_back
    pick = None
    for m in range(budget, target - 1, -1):
        if best[m] != NEG and (pick is None or best[m] > best[pick] + 1e-12):
            pick = m
    if pick is None:
        pick = max((m for m in range(budget + 1) if best[m] != NEG), default=0)
    chain = back[pick]
    if chain is None:
        return None
    chosen: dict[int, int] = {}
    while chain is not None:
        i, vi, chain = chain
        chosen[i] = vi
    return chosen


def _render(units: Sequence[_Unit], chosen: dict[int, int]) -> tuple[str, ...]:
    out = []
    for i in sorted(chosen):
        u = units[i]
        vi = chosen[i]
        text = u.variants[vi][0]
        nxt = i + 1
        if vi == 0 and u.soft and nxt in chosen and units[nxt].para == u.para:
            text = u.text.strip()  # "其中出口3.8万亿元，增长0.7%；进口2.4万亿元……" reads on
        out.append(text)
    return tuple(out)


def summarize(
    paragraphs: Sequence[str],
    lang: str,
    budget: int,
    priors: Priors = Priors(),
    wanted_terms: Sequence[str] = (),
) -> tuple[str, ...]:
    """Sentences chosen by rank, returned in source order; total measure <= budget; >= 80% of budget whenever the source is long enough; compress a too-long sentence at clause boundaries (drop parentheticals（…）, trailing subordinate clauses) rather than cut mid-clause; never end with an ellipsis; a compressed sentence still ends with proper end punctuation (。 or .)."""
    lang = norm_lang(lang)
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    if budget <= 0:
        return ()
    units = _build_units([p for p in paragraphs if p and p.strip()], lang)
    if not units:
        return ()
    total = sum(u.variants[0][1] for u in units)
    if total <= budget:
        return _render(units, {u.index: 0 for u in units})
    if not any(u.eligible for u in units):
        return ()
    score, _ = _scores(units, lang, priors, tuple(wanted_terms))
    chosen = _greedy(units, score, lang, budget)
    target = math.ceil(_FILL * budget)
    filled = sum(units[i].variants[v][1] for i, v in chosen.items())
    if filled < target:
        alt = _knapsack(units, score, budget, target)
        if alt is not None:
            alt_filled = sum(units[i].variants[v][1] for i, v in alt.items())
            if alt_filled > filled:
                chosen = alt
    return _render(units, chosen)


def candidates(paragraphs: Sequence[str], lang: str) -> tuple[tuple[str, ...], ...]:
    """The forms each rankable sentence may take in a summary, in source order: the whole
    sentence first (end mark fixed by :func:`finish`), then its :func:`compressions`.
    Sentences that are wholly an aside in brackets are not rankable and are left out."""
    lang = norm_lang(lang)
    units = _build_units([p for p in paragraphs if p and p.strip()], lang)
    return tuple(tuple(t for t, _ in u.variants) for u in units if u.eligible)


# ----------------------------------------------------------------------------- bullets


def _strip_end(text: str, lang: str) -> str:
    """A bullet line: the sentence without its trailing 。/. (abbreviations such as U.S. kept)."""
    s = text.strip()
    if lang == "en" and s.endswith("."):
        last = s.split()[-1]
        if re.fullmatch(r"(?:[A-Za-z]\.){2,}", last) or last[:-1].lower() in _EN_KEEP_DOT:
            return s
    return s.rstrip("。.；;，,：:、 ")


_EN_KEEP_DOT = frozenset("etc inc ltd co corp jr sr bn mn approx".split())


def _droppable_lead(piece: str, lang: str) -> bool:
    """A lead-in a bullet may drop: time, place, purpose, condition ("2016年，", "In 2016,")."""
    if lang == "en":
        words = _clause_core(piece).split()
        first = words[0].strip("\"'“‘(") if words else ""
        return first.lower() in _EN_LEAD_WORDS or (
            first.islower() and len(first) > 4 and first.endswith(("ed", "ing"))
        )
    c = _ZH_LIST_MARKER.sub("", re.sub(r"\s+", "", _clause_core(piece)))
    words = tag_zh(c) if c else ()
    return bool(
        _ZH_LEAD_WHOLE.match(c)
        or _ZH_REPORTING_END.search(c)
        or (words and words[0][0] in _ZH_LEAD_WORDS)
    )


def _bullet_forms(sentence: str, lang: str) -> list[str]:
    s = sentence.strip()
    marker = _ZH_LIST_MARKER if lang == "zh" else _EN_LIST_MARKER
    s = marker.sub("", s, count=1) or s
    bare = drop_parentheticals(s, lang)
    forms = [finish(bare, lang), finish(s, lang), *_compressions(s, lang)]
    pieces = clauses(bare, lang)
    if lang == "zh":
        pieces = _zh_major(pieces)
    lead = 0
    if lang == "zh":
        lead = _zh_scope_end(pieces) + 1
    while lead < len(pieces) - 1 and _droppable_lead(pieces[lead], lang):
        lead += 1
    if 0 < lead < len(pieces):
        rest = "".join(pieces[lead:])
        if lang == "en" and rest[:1].islower():
            rest = rest[0].upper() + rest[1:]
        forms += [finish(rest, lang), *_compressions(rest, lang)]
    return forms


def bullets(sentences: Sequence[str], lang: str, max_len: int, limit: int) -> tuple[str, ...]:
    """Up to `limit` bullet lines, each a complete phrase of measure <= max_len, derived from the sentences (take the leading clause(s) that fit; drop a trailing 。; no ellipsis)."""
    lang = norm_lang(lang)
    out: list[str] = []
    if max_len <= 0 or limit <= 0:
        return ()
    for sent in sentences:
        if len(out) >= limit:
            break
        if not sent or not sent.strip() or _is_aside(sent):
            continue
        fitting = None
        for form in _bullet_forms(sent, lang):
            line = _strip_end(form, lang)
            if line and measure(line, lang) <= max_len:
                fitting = line
                break
        if fitting and fitting not in out:
            out.append(fitting)
    return tuple(out)


# ----------------------------------------------------------------------------- titles

_ZH_QUOTES = "“”‘’「」『』\"'"
_ZH_TITLE_ADVERBS = re.compile(r"已经|正在|将会|不断|进一步|成功|顺利|隆重|圆满")
_ZH_LEAD_QUALIFIER = re.compile(r"^(?:关于|有关|对于)")
_ZH_QUOTED_QUALIFIER = re.compile(
    r"^[“「『\"]([^”」』\"]{1,12})[”」』\"](?:倡议|战略|计划|工程|项目|框架|建设)?(?:的)?"
)
_EN_TITLE_LEAD = re.compile(
    r"^(?:on|about|regarding|concerning|re:|report on|note on|briefing on)\s+", re.I
)
_EN_TITLE_CUT = frozenset(
    "in at on for with by to from of during after before under over as amid via held and or".split()
)


def _fit(text: str, lang: str, max_len: int) -> bool:
    return bool(text.strip()) and measure(text, lang) <= max_len


def _balanced(text: str) -> bool:
    return all(
        text.count(a) == text.count(b)
        for a, b in ("“”", "《》", "（）", "()", "「」", "『』", "‘’")
    )


def _zh_book_heads(text: str) -> str:
    """《推进“一带一路”建设科技创新合作专项规划》 -> 专项规划 (a document title's genre)."""

    def head(m: re.Match[str]) -> str:
        words = [w for w, f in tag_zh(re.sub(f"[{_ZH_QUOTES}]", "", m.group(1))) if f != "x"]
        tail = (
            "".join(words[-2:]) if len(words) >= 2 and len(words[-1]) < 3 else "".join(words[-1:])
        )
        return tail or m.group(0)

    return re.sub(r"《([^》]+)》", head, text)


def _zh_phrase_prefix(text: str, max_len: int) -> tuple[str | None, str | None]:
    """Longest word prefixes that fit: (a whole noun phrase, followed by a verb or the end;
    any prefix ending on a noun)."""
    words = tag_zh(text)
    acc = ""
    clean = nounish = None
    for i, (word, flag) in enumerate(words):
        acc += word
        if measure(acc, "zh") > max_len:
            break
        if not _balanced(acc):
            continue
        if flag[:1] == "n" or flag in ("vn", "j", "l", "i") or word in "”》":
            nounish = acc
            nxt = words[i + 1][1] if i + 1 < len(words) else ""
            if not nxt or not (nxt[:1] == "n" or nxt in ("vn", "j")):
                clean = acc
    return clean, nounish


def _en_phrase_prefix(text: str, max_len: int) -> str | None:
    words = text.split()
    clean = nondangling = None
    for k in range(1, min(len(words), max_len) + 1):
        last = words[k - 1].lower().strip(",:;\"'")
        if last in _EN_DANGLING or last in _EN_TITLE_CUT:
            continue
        cand = " ".join(words[:k]).rstrip(",:;")
        if not _balanced(cand):
            continue
        nondangling = cand
        nxt = words[k].lower().strip(",:;") if k < len(words) else ""
        if k == len(words) or nxt in _EN_TITLE_CUT or words[k - 1][-1:] in ",:;":
            clean = cand
    if clean and len(clean.split()) * 2 >= max_len:
        return clean
    return nondangling or clean


def short_title(title: str, lang: str, max_len: int) -> str:
    """A slide title no longer than max_len, a complete phrase (strip quotes/brackets wisely; for Chinese, drop leading 关于/“一带一路”倡议 style qualifiers only if needed to fit)."""
    lang = norm_lang(lang)
    t = re.sub(r"\s+", " ", title).strip()
    if lang == "zh":
        t = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", t)
    t = t.rstrip("。.；;，,：:")
    if max_len <= 0 or not t:
        return ""
    if _fit(t, lang, max_len):
        return t
    # Each step shortens a little more; the first form that fits wins.
    steps: list[str] = []
    if lang == "zh":
        cur = drop_parentheticals(t, lang).strip()
        steps.append(cur)
        cur = re.sub(f"[{_ZH_QUOTES}]", "", cur)
        steps.append(cur)
        cur = _ZH_TITLE_ADVERBS.sub("", cur)
        steps.append(cur)
        subject = cur
        cur = _ZH_LEAD_QUALIFIER.sub("", cur)
        steps.append(cur)
        steps.append(_zh_book_heads(cur))
        unqualified = _ZH_QUOTED_QUALIFIER.sub(
            "",
            _ZH_LEAD_QUALIFIER.sub("", _ZH_TITLE_ADVERBS.sub("", drop_parentheticals(t, lang))),
            count=1,
        )
        unqualified = re.sub(f"[{_ZH_QUOTES}]", "", unqualified)
        if len(unqualified) >= 2:
            steps.append(unqualified)
            steps.append(_zh_book_heads(unqualified))
        steps += re.split(r"[：:]|——", subject)
        for s in steps:
            s = s.strip().rstrip("。.；;，,：:、")
            if _fit(s, lang, max_len) and _balanced(s):
                return s
        found = [
            _zh_phrase_prefix(b, max_len)
            for b in (_zh_book_heads(subject), _zh_book_heads(unqualified))
        ]
        for clean, _ in found:
            if clean and measure(clean, "zh") * 2 >= max_len:
                return clean
        options = [x for pair in found for x in pair if x]
        if options:
            return max(options, key=lambda x: measure(x, "zh"))  # first of the longest
        acc = ""
        for word, _ in tag_zh(_zh_book_heads(subject)):
            if measure(acc + word, "zh") > max_len:
                break
            acc += word
        return acc or subject[:max_len]
    cur = drop_parentheticals(t, lang).strip()
    steps.append(cur)
    cur = re.sub(r"[\"“”]", "", cur)
    steps.append(cur)
    cur = _EN_TITLE_LEAD.sub("", cur)
    cur = cur[:1].upper() + cur[1:]
    steps.append(cur)
    parts = re.split(r":\s+|\s+[—–-]\s+", cur)
    steps += [p[:1].upper() + p[1:] for p in parts]
    for s in steps:
        s = s.strip().rstrip(",;:")
        if _fit(s, lang, max_len) and _balanced(s):
            return s
    p = _en_phrase_prefix(parts[0], max_len) or _en_phrase_prefix(cur, max_len)
    if p:
        return p
    return " ".join(cur.split()[:max_len])
