"""Extractive summaries that fit exact length budgets; bullets and slide titles re-exported.

Ranking is TextRank: a graph of the text's sentences weighted by the cosine of their content
word sets (stopwords removed; Chinese cut with rjieba, English Snowball-stemmed), ranked by
PageRank personalised with the audience priors, so the random walk restarts at the sentences the
profile favours. A sentence's score is its centrality (scaled to [0, 1]) plus the profile's
weighted features (position, figures, entities, causal; each in [0, 1]), so a weight of 1.0
counts as much as being the most central sentence.
The graph is never built as a matrix: PageRank's products go through the words the sentences
share, so ranking a whole brief for its bottom line takes time linear in its length.

Sentences are not picked one by one but in the groups of :mod:`briefgen.text.discourse`: a list
comes with its lead-in, a sentence that points back ("因此，…", "This …") with the sentence
before it or with its connective dropped. Each group offers forms (whole, shortened at a clause
boundary by :mod:`briefgen.text.compress`, list items dropped from the end); a form is worth the
scores of the sentences it covers, a shortened sentence counting for less. Forms are picked
greedily by maximal marginal relevance per unit of length (worth x (1 - overlap with what is
already picked) / length^r) while they fit the budget. If that fills less than 80% of the budget,
an exact multiple-choice knapsack over the same forms finds the best-scoring selection that fills
80-100%.

Guarantees: the total measure never exceeds the budget; it reaches 80% whenever the source is at
least as long as the budget and some choice of forms can reach it; sentences come back in source
order; every output sentence ends with end punctuation (。！？ or . ! ?), never with an ellipsis
(a sentence ending in ；/： runs on into the next one it is kept with); no randomness (ties go to
the earlier sentence), so the same input gives the same bytes.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.text.bullets import bullets
from briefgen.text.compress import compressions, finish, soft_end
from briefgen.text.discourse import Form, Group, groups, whole_text
from briefgen.text.measure import measure, norm_lang
from briefgen.text.segment import sentences
from briefgen.text.titles import short_title
from briefgen.text.tokens import entity_count, tokens

__all__ = [
    "Priors",
    "FigureTerms",
    "summarize",
    "bullets",
    "short_title",
    "compressions",
    "candidates",
    "finish",
    "text_scores",
    "gist",
]


@dataclass(frozen=True)
class Priors:
    """Ranking weights from the audience profile (data, not code branches)."""

    position: float = 1.0  # favour early sentences of a section
    figures: float = 0.0  # favour sentences with a wanted figure term or any number
    entities: float = 0.0  # favour sentences naming people, places, organisations, dates
    causal: float = 0.0  # favour cause/effect and sourcing sentences


# ----------------------------------------------------------------------------- constants

_DAMPING = 0.85
_CENTRALITY = 1.0
_MMR_LAMBDA = 0.7  # share of a form's worth kept when it wholly repeats what is picked
_CUT_FACTOR = 0.9  # a shortened sentence's worth per unit of length, relative to a whole one
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


# ----------------------------------------------------------------------------- ranking


@dataclass(frozen=True)
class _Sentence:
    index: int  # in the whole text
    para: int
    pos: int  # index within its paragraph
    text: str
    toks: frozenset[str]


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / math.sqrt(len(a) * len(b)) if inter else 0.0


def _prior_boost(
    sents: Sequence[_Sentence], lang: str, priors: Priors, wanted: FigureTerms
) -> list[float]:
    """Sum of prior weight x feature per sentence; every feature is in [0, 1].

    position: 1 for a text's first sentence, 1/(1+j) for the j-th sentence of a paragraph,
    later paragraphs' leads a little less; figures: 1 with a wanted figure term, 0.5 with any
    number; entities: distinct people/places/organisations/dates, 3 or more counting 1; causal:
    1 with a cause/effect or sourcing marker.
    """
    causal = _CAUSAL[lang]
    out = []
    for s in sents:
        flat = re.sub(r"\s+", "", s.text)
        pos = _position(s)
        if wanted.found_in(flat):
            fig = 1.0
        elif _DIGIT.search(s.text):
            fig = 0.5
        else:
            fig = 0.0
        ent = min(entity_count(s.text, lang), 3) / 3 if priors.entities > 0 else 0.0
        cau = 1.0 if causal.search(s.text) else 0.0
        out.append(
            max(priors.position, 0.0) * pos
            + max(priors.figures, 0.0) * fig
            + max(priors.entities, 0.0) * ent
            + max(priors.causal, 0.0) * cau
        )
    return out


def _position(s: _Sentence) -> float:
    """1 for the text's first sentence; a paragraph's j-th sentence 1/(1+j), later paragraphs'
    leads a little less (a section's paragraphs often each open with a topic sentence)."""
    return (0.6 + 0.4 / (1 + s.para)) / (1 + s.pos)


@dataclass(frozen=True)
class FigureTerms:
    """The figure terms a sentence is favoured for naming, as one pattern.

    Built once per plan and shared by every section: matching each sentence against the list of
    a long brief's figures would cost sentences x figures. Terms match as whole numbers ("100"
    is not in "1000", "6.3" not in "16.3"); one-digit terms match dates and counts alike, so are
    left out.
    """

    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, terms: Sequence[str]) -> FigureTerms:
        flat = {re.sub(r"\s+", "", t) for t in terms if t and t.strip()}
        flat = {t for t in flat if not re.fullmatch(r"\d", t)}
        if not flat:
            return cls(None)
        return cls(re.compile(rf"(?<![\d.,])(?:{_trie(flat)})(?![\d]|[.,]\d)"))

    def found_in(self, flat: str) -> bool:
        """Whether ``flat`` (text without whitespace) names one of the terms."""
        return self.pattern is not None and self.pattern.search(flat) is not None


def _trie(words: set[str]) -> str:
    """An alternation of ``words`` that shares their prefixes ("6(?:\\.3|00)"), so that trying it
    at a position costs the length of a term, not the number of terms."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _alternation(root)


def _alternation(node: dict[str, dict]) -> str:
    """The pattern of one trie node: its branches, optional where a word ends."""
    branches = [re.escape(ch) + _alternation(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = "|".join(branches)
    if "" in node:  # a word ends here: what follows is optional
        return f"(?:{body})?"
    return body if len(branches) == 1 else f"(?:{body})"


@dataclass(frozen=True)
class _Graph:
    """The sentence similarity graph, kept as token postings instead of a similarity matrix.

    The cosine of two token sets is ``|Ti & Tj| * w_i * w_j`` with ``w = 1/sqrt(|T|)``, so a
    product with the graph can go through the tokens: one step per (sentence, token) instead of
    one per pair of sentences, which keeps ranking a whole brief linear in its length. Only
    tokens that two or more sentences share link anything, so each sentence keeps just those.
    """

    links: tuple[tuple[int, ...], ...]  # per sentence: ids of its shared tokens
    postings: tuple[tuple[int, ...], ...]  # per shared token: the sentences that have it
    weight: tuple[float, ...]  # per sentence: 1 / sqrt(number of its tokens)

    @classmethod
    def of(cls, sets: Sequence[frozenset[str]]) -> _Graph:
        df = Counter(t for s in sets for t in s)
        ids: dict[str, int] = {}
        # sorted: the sums below then run in the same order in every process (string hashes,
        # and so set order, differ between processes)
        links = tuple(tuple(ids.setdefault(t, len(ids)) for t in sorted(s) if df[t] > 1)
                      for s in sets)
        postings: list[list[int]] = [[] for _ in ids]
        for i, ts in enumerate(links):
            for t in ts:
                postings[t].append(i)
        weight = tuple(1 / math.sqrt(len(s)) if s else 0.0 for s in sets)
        return cls(links, tuple(map(tuple, postings)), weight)

    def spread(self, x: Sequence[float]) -> list[float]:
        """``y[j] = sum(x[i] * cos(i, j) for i != j)``: what flows to each sentence from the
        rest."""
        xw = [a * w for a, w in zip(x, self.weight)]
        through = [sum(map(xw.__getitem__, p)) for p in self.postings]
        # each of j's tokens carries j's own share too: take it back out
        return [w * (sum(map(through.__getitem__, ts)) - len(ts) * own) if ts else 0.0
                for ts, w, own in zip(self.links, self.weight, xw)]


def _pagerank(graph: _Graph, personal: list[float]) -> list[float]:
    n = len(personal)
    total = sum(personal)
    p = [x / total for x in personal]
    restart = [(1 - _DAMPING) * x for x in p]
    rows = graph.spread([1.0] * n)
    passed = [_DAMPING / s if s else 0.0 for s in rows]  # of its rank, per unit of similarity
    dangling = [i for i in range(n) if rows[i] == 0.0]  # shares no token: its row sums to 0
    r = p[:]
    for _ in range(100):
        lost = _DAMPING * sum(r[i] for i in dangling)  # dangling rank restarts like the rest
        flow = graph.spread([a * b for a, b in zip(r, passed)])
        nxt = [a + lost * b + f for a, b, f in zip(restart, p, flow)]
        diff = sum(abs(a - b) for a, b in zip(nxt, r))
        r = nxt
        if diff < 1e-12:
            break
    return r


def _scores(
    sents: Sequence[_Sentence], lang: str, priors: Priors, wanted: FigureTerms
) -> list[float]:
    """Per sentence: centrality plus weighted priors, scaled so the best is 1."""
    boost = _prior_boost(sents, lang, priors, wanted)
    # TextRank centrality, personalised: the random walk restarts at sentences the profile favours
    pr = _pagerank(_Graph.of([s.toks for s in sents]), [_PRIOR_BASE + b for b in boost])
    top_pr = max(pr) or 1.0
    raw = []
    for s, r, b in zip(sents, pr, boost):
        x = _CENTRALITY * r / top_pr + b
        if soft_end(s.text) and s.text.rstrip()[-1:] in "：:":
            x *= 0.5  # a list lead-in says little on its own
        raw.append(x)
    top = max(raw) or 1.0
    return [round(x / top, 12) for x in raw]


# ----------------------------------------------------------------------------- selection


@dataclass(frozen=True)
class _Option:
    group: int
    form: Form
    worth: float
    toks: frozenset[str]
    plain: tuple[str, ...]  # the parts without spaces and punctuation, to spot repeats


def _worth(form: Form, score: Sequence[float], sizes: Sequence[int]) -> float:
    """Score x length of what a form keeps of each sentence: a sentence's score is a density,
    so a long strong sentence is worth more than a short one, and two sentences more than one.
    A shortened sentence counts a little less than its length says (it reads less well)."""
    total = 0.0
    for i, share in form.uses:
        total += score[i] * share * sizes[i] * (1.0 if share >= 0.999 else _CUT_FACTOR)
    return total * form.weight


def _options(
    grps: Sequence[Group], score: Sequence[float], sizes: Sequence[int], lang: str, budget: int
) -> list[list[_Option]]:
    out = []
    said: set[str] = set()  # what earlier groups' forms say: a later repeat is no option
    for g, grp in enumerate(grps):
        best: dict[int, _Option] = {}
        plains = [tuple(_plain(p) for p in f.parts) for f in grp.forms]
        for f, plain in zip(grp.forms, plains):
            if f.size > budget or said.intersection(plain):
                continue
            o = _Option(g, f, round(_worth(f, score, sizes), 12), tokens(" ".join(f.parts), lang),
                        plain)
            cur = best.get(f.size)
            if cur is None or o.worth > cur.worth + 1e-12:
                best[f.size] = o  # of forms of one size, the best is the only one worth trying
        out.append(sorted(best.values(), key=lambda o: -o.form.size))
        said.update(p for plain in plains for p in plain)
    return out


def _plain(text: str) -> str:
    return re.sub(r"[\s。！？.!?；;，,：:]+", "", text)


def _greedy(options: Sequence[Sequence[_Option]], budget: int) -> dict[int, _Option]:
    """MMR selection by worth per unit of length: group index -> option."""
    chosen: dict[int, _Option] = {}
    taken: list[frozenset[str]] = []
    texts: set[str] = set()
    room = budget
    while True:
        best: tuple[float, int, _Option] | None = None
        for g, opts in enumerate(options):
            if g in chosen:
                continue
            for o in opts:
                if o.form.size > room or any(p in texts for p in o.plain):
                    continue
                red = max((_cosine(o.toks, t) for t in taken), default=0.0)
                if red >= _DUPLICATE_SIM:
                    continue
                gain = o.worth * (1 - (1 - _MMR_LAMBDA) * red) / o.form.size
                if room <= budget * (1 - _FILL) and gain < _FILLER_MIN:
                    continue  # 80% is filled: no low-value scraps just to use the last characters
                if best is None or gain > best[0] + 1e-12:
                    best = (gain, g, o)
        if best is None:
            return chosen
        _, g, o = best
        chosen[g] = o
        texts.update(o.plain)
        taken.append(o.toks)
        room -= o.form.size


def _knapsack(
    options: Sequence[Sequence[_Option]], budget: int, target: int
) -> dict[int, _Option] | None:
    """Best-worth selection with target <= measure <= budget (or the fullest one if none)."""
    NEG = float("-inf")
    best = [NEG] * (budget + 1)
    best[0] = 0.0
    back: list[tuple | None] = [None] * (budget + 1)  # (option, previous chain), immutable
    # the best groups only, so a long text stays fast; source order for stable ties
    top = heapq.nsmallest(
        _KNAPSACK_POOL,
        (g for g, opts in enumerate(options) if opts),
        key=lambda g: (-max(o.worth for o in options[g]), g),
    )
    for g in sorted(top):
        new_best = best[:]
        new_back = back[:]
        for m0 in range(budget + 1):
            v0 = best[m0]
            if v0 == NEG:
                continue
            for o in options[g]:
                m1 = m0 + o.form.size
                if m1 > budget:
                    continue
                if v0 + o.worth > new_best[m1] + 1e-12:
                    new_best[m1] = v0 + o.worth
                    new_back[m1] = (o, back[m0])
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
    chosen: dict[int, _Option] = {}
    while chain is not None:
        o, chain = chain
        chosen[o.group] = o
    return chosen


def _size(chosen: dict[int, _Option]) -> int:
    return sum(o.form.size for o in chosen.values())


def _split(paragraphs: Sequence[str], lang: str) -> tuple[list[str], list[int]]:
    sents: list[str] = []
    paras: list[int] = []
    for p, para in enumerate(paragraphs):
        for s in sentences(para, lang):
            sents.append(s)
            paras.append(p)
    return sents, paras


def summarize(
    paragraphs: Sequence[str],
    lang: str,
    budget: int,
    priors: Priors = Priors(),
    wanted_terms: Sequence[str] | FigureTerms = (),
) -> tuple[str, ...]:
    """Sentences chosen by rank, returned in source order, that fit ``budget`` exactly.

    The total measure is <= budget and >= 80% of it whenever the source is long enough; a
    too-long sentence is shortened at a clause boundary, never mid-clause; every sentence ends
    with 。！？/.!?, never with an ellipsis; a list keeps its lead-in and a sentence that points
    back keeps its predecessor (or loses its connective).

    :param wanted_terms: figure terms to favour (the ``figures`` prior); a caller summarising
        many texts against the same figures builds one :class:`FigureTerms` and passes it.
    """
    lang = norm_lang(lang)
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    if budget <= 0:
        return ()
    sents, paras = _split([p for p in paragraphs if p and p.strip()], lang)
    if not sents:
        return ()
    whole = whole_text(sents, paras, lang)
    if sum(measure(s, lang) for s in whole) <= budget:  # measured finished: an end mark counts
        return whole
    grps = groups(sents, paras, lang)
    if not grps:
        return ()
    pos = [0] * len(sents)
    for k in range(1, len(sents)):
        pos[k] = pos[k - 1] + 1 if paras[k] == paras[k - 1] else 0
    info = [
        _Sentence(k, p, j, s, tokens(s, lang))
        for k, (s, p, j) in enumerate(zip(sents, paras, pos))
    ]
    if not isinstance(wanted_terms, FigureTerms):
        wanted_terms = FigureTerms.of(wanted_terms)
    score = _scores(info, lang, priors, wanted_terms)
    sizes = [measure(s, lang) for s in sents]
    options = _options(grps, score, sizes, lang, budget)
    chosen = _greedy(options, budget)
    target = math.ceil(_FILL * budget)
    if _size(chosen) < target:
        alt = _knapsack(options, budget, target)
        if alt is not None and _size(alt) > _size(chosen):
            chosen = alt
    return tuple(p for g in sorted(chosen) for p in chosen[g].form.parts)


def candidates(paragraphs: Sequence[str], lang: str) -> tuple[tuple[str, ...], ...]:
    """The forms each group of sentences may take in a summary, in source order, each as one
    text (its output sentences joined). A summary takes at most one form per group."""
    lang = norm_lang(lang)
    sents, paras = _split([p for p in paragraphs if p and p.strip()], lang)
    sep = "" if lang == "zh" else " "
    return tuple(tuple(sep.join(f.parts) for f in g.forms) for g in groups(sents, paras, lang))


def text_scores(
    texts: Sequence[Sequence[str]],
    lang: str,
    priors: Priors = Priors(),
    wanted_terms: FigureTerms = FigureTerms(None),
) -> list[float]:
    """Per text (a section's paragraphs), how strongly the summariser ranks it within all the
    texts together: the mean of its two best sentence scores (0 for a text without sentences).

    The planner ranks untagged sections with this: a section whose sentences are central to the
    whole brief and carry the profile's favoured features is one a summary would quote.
    """
    lang = norm_lang(lang)
    info: list[_Sentence] = []
    owner: list[int] = []
    for t, paragraphs in enumerate(texts):
        sents, paras = _split([p for p in paragraphs if p and p.strip()], lang)
        for k, (s, p) in enumerate(zip(sents, paras)):
            pos = 0 if k == 0 or paras[k - 1] != p else info[-1].pos + 1
            info.append(_Sentence(len(info), p, pos, s, tokens(s, lang)))
            owner.append(t)
    if not info:
        return [0.0] * len(texts)
    per: list[list[float]] = [[] for _ in texts]
    for t, x in zip(owner, _scores(info, lang, priors, wanted_terms)):
        per[t].append(x)
    return [sum(top := heapq.nlargest(2, xs)) / len(top) if xs else 0.0 for xs in per]


def gist(
    paragraphs: Sequence[str],
    lang: str,
    budget: int,
    priors: Priors = Priors(),
    wanted_terms: Sequence[str] | FigureTerms = (),
) -> tuple[str, ...]:
    """A summary that is never empty while the text has a sentence: a plan must not print a
    heading with nothing under it.

    :func:`summarize` first; when no form of any sentence fits the budget, the shortest complete
    form of the first (topic) sentence, even if it runs over; when the sentence has no shorter
    form, its first ``budget`` characters or words, finished as a sentence.
    """
    lang = norm_lang(lang)
    out = summarize(paragraphs, lang, budget, priors, wanted_terms)
    if out or budget <= 0:
        return out
    sents, _ = _split([p for p in paragraphs if p and p.strip()], lang)
    if not sents:
        return ()
    first = sents[0]
    shorter = compressions(first, lang)
    if shorter:
        return (shorter[-1],)
    if measure(first, lang) <= budget:
        return (finish(first, lang),)
    clipped = first.strip()[:budget] if lang == "zh" else " ".join(first.split()[:budget])
    return (finish(clipped, lang),)

