"""Which sentences lean on others: lists with their lead-in, and openers that refer back.

An extractive summary reads badly when it lifts a sentence that only makes sense after another
one: "一是凝聚更多共识。" without "论坛重点打造了四方面成果：", "因此，…" or "This project …"
without the sentence before. This module groups a text's sentences so that a summary takes them
together or not at all:

* a run of list items (一是/二是…, （一）…, 1. …, "First, … Second, …") and the sentence that
  leads into it form one unit; it may shed trailing items (or be cut down to each item's head,
  "一是政策沟通；二是设施联通……"), never its lead-in;
* a sentence that opens by pointing back (因此、所以、此外、同时、其中、但、然而、另外、对此、
  这、该; Therefore, However, Also, This, These, It, Such, Meanwhile, Of these) or that continues a
  sentence ending in ；/： comes only after its predecessor — unless the connective can be dropped
  and what is left is a complete sentence ("因此，X" -> "X"; "Therefore, X" -> "X").

:func:`groups` returns, for each such unit, every :class:`Form` a summary may use: which source
sentences it covers, how much of each, and the output sentences it renders to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from briefgen.text.compress import (
    clause_core,
    complete,
    compressions,
    en_lead,
    finish,
    is_aside,
    soft_end,
    zh_lead,
    zh_major,
    zh_scope_end,
)
from briefgen.text.lexicon.clause_words import (
    BACK_OPENER,
    CONNECTIVE,
    EN_LIST_MARKER,
    ZH_LEAD_WORDS,
    ZH_LIST_MARKER,
)
from briefgen.text.measure import measure, norm_lang
from briefgen.text.segment import clauses
from briefgen.text.tokens import tag_zh

__all__ = [
    "Form",
    "Group",
    "groups",
    "whole_text",
    "refers_back",
    "stand_alone",
    "list_marker",
    "item_head",
]

_ZH_REF_WORD = re.compile(r"这|此|该|上述|前述|以上")

_EN_REF_WORD = re.compile(r"\b(?:this|these|those|such)\b", re.I)

_LIST_INTRO = re.compile(r"以下|如下|下列|\bfollowing\b|\bas follows\b", re.I)
# A sentence that only continues the one before (its predecessor ends with ；/：) may stand alone,
# but counts for less: "进口2.4万亿元，增长0.5%。" has lost its "of which".
_CONTINUATION_WEIGHT = 0.6


@dataclass(frozen=True)
class Form:
    """One way to put a run of source sentences into a summary."""

    parts: tuple[str, ...]  # the output sentences, each ending with end punctuation
    uses: tuple[tuple[int, float], ...]  # (source sentence index, share of it kept, 0-1]
    size: int  # measure of all parts together
    weight: float = 1.0  # < 1 when the form has lost some context


@dataclass(frozen=True)
class Group:
    """Source sentences a summary takes together or not at all; ``forms`` are the choices."""

    first: int  # index of the group's first source sentence
    last: int
    forms: tuple[Form, ...]


# ----------------------------------------------------------------------------- sentence tests


def list_marker(sentence: str, lang: str) -> bool:
    """Whether the sentence opens with a list marker (一是, （一）, 1., First,)."""
    marker = ZH_LIST_MARKER if norm_lang(lang) == "zh" else EN_LIST_MARKER
    return bool(marker.match(sentence))


@lru_cache(maxsize=8192)
def _lead_refers(sentence: str, lang: str) -> int:
    """Length of a leading lead-in clause that points back ("在这一背景下，"), else 0."""
    pieces = clauses(sentence, lang)
    if len(pieces) < 2:
        return 0
    if lang == "zh":
        pieces = zh_major(pieces)
        end = max(zh_scope_end(pieces), 0)
        lead = "".join(pieces[: end + 1])
        words = tag_zh(lead.strip())
        # "在这一背景下，" is a lead-in; "该联盟的成立，" is the subject
        adverbial = bool(words) and words[0][0] in ZH_LEAD_WORDS
        if adverbial and all(zh_lead(p) for p in pieces[: end + 1]) and _ZH_REF_WORD.search(lead):
            return len(lead)
        return 0
    first = pieces[0]
    if en_lead(first) and _EN_REF_WORD.search(first) and not re.match(r"\s*Of\b", first):
        return len(first)
    return 0


def refers_back(sentence: str, lang: str) -> bool:
    """Whether the sentence opens by pointing at the one before (因此、这、However, This …)."""
    lang = norm_lang(lang)
    return bool(BACK_OPENER[lang].match(sentence)) or _lead_refers(sentence.strip(), lang) > 0


@lru_cache(maxsize=8192)
def _stand_alone(sentence: str, lang: str) -> str | None:
    m = CONNECTIVE[lang].match(sentence)
    if m:
        rest = sentence[m.end() :]
    else:
        n = _lead_refers(sentence, lang)
        if not n:
            return None
        rest = sentence[n:]
    rest = rest.strip()
    if lang == "en" and rest[:1].islower():
        rest = rest[0].upper() + rest[1:]
    if not rest or refers_back(rest, lang) or not complete(rest, lang):
        return None
    if measure(rest, lang) < (10 if lang == "zh" else 5):
        return None
    return rest


def stand_alone(sentence: str, lang: str) -> str | None:
    """The sentence without its back-pointing opener, if the rest is a complete sentence.

    "因此，“一带一路”倡议提出后得到了…支持。" -> "“一带一路”倡议提出后得到了…支持。";
    "其中出口3.8万亿元…" -> None (其中 cannot go); "在这一背景下，习近平…提出…倡议。" ->
    "习近平…提出…倡议。".
    """
    return _stand_alone(sentence.strip(), norm_lang(lang))


def item_head(item: str, lang: str) -> str | None:
    """A list item cut to its marker and first clause ("一是政策沟通，这是…" -> "一是政策沟通"),
    or None when the item is a single clause already."""
    lang = norm_lang(lang)
    pieces = clauses(item.strip(), lang)
    if lang == "zh":
        pieces = zh_major(pieces)
    take = 1
    marker = ZH_LIST_MARKER if lang == "zh" else EN_LIST_MARKER
    if not marker.sub("", pieces[0]).strip(" ，、,") and len(pieces) > 1:
        take = 2  # "第一，" / "First," on its own
    if take >= len(pieces):
        return None
    head = clause_core("".join(pieces[:take]))
    if not marker.sub("", head).strip():
        return None
    return head


# ----------------------------------------------------------------------------- atoms


@dataclass
class _Atom:
    """A sentence, or a list (lead-in + items), with the forms it may take."""

    first: int
    last: int
    raw: str  # the whole text as it reads when something follows it
    uses: tuple[tuple[int, float], ...]  # what the whole text covers
    own: list[Form]  # forms that may end a run (whole first); empty: it cannot end one
    dep: bool  # refers back to the atom before
    alone_raw: str | None = None  # the text without its back-pointing opener, if it may start
    alone_uses: tuple[tuple[int, float], ...] = ()
    alone: tuple[Form, ...] = ()  # forms when its predecessor is left out
    usable: bool = True  # False for asides and repeats: never taken


def _join(parts: Sequence[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(p.strip() for p in parts if p.strip())


def _form(parts: Sequence[str], uses, lang: str, weight: float = 1.0) -> Form:
    parts = tuple(p.strip() for p in parts if p.strip())
    return Form(parts, tuple(uses), sum(measure(p, lang) for p in parts), weight)


def _sentence_forms(i: int, text: str, lang: str, share: float = 1.0, weight: float = 1.0):
    """The sentence finished, then its compressions, each with the share of sentence ``i`` kept."""
    full = measure(text, lang) or 1
    out = [_form([finish(text, lang)], [(i, share)], lang, weight)]
    for c in compressions(text, lang):
        out.append(_form([c], [(i, share * measure(c, lang) / full)], lang, weight))
    return out


def _announces(sentence: str) -> bool:
    """A sentence ending in ：/: announces what follows and cannot end a summary's sentence."""
    return sentence.rstrip().rstrip("”’\"'").endswith(("：", ":"))


def _sentence_atom(i: int, sents: Sequence[str], paras: Sequence[int], lang: str) -> _Atom:
    s = sents[i]
    if is_aside(s):
        return _Atom(i, i, s, ((i, 1.0),), [], False, usable=False)
    own = [] if _announces(s) else _sentence_forms(i, s, lang)
    continues = i > 0 and paras[i - 1] == paras[i] and soft_end(sents[i - 1])
    pointer = refers_back(s, lang)
    atom = _Atom(i, i, s, ((i, 1.0),), own, pointer or continues)
    rest = stand_alone(s, lang) if pointer else None
    if rest is not None:
        share = measure(rest, lang) / max(measure(s, lang), 1)
        atom.alone_raw, atom.alone_uses = rest, ((i, share),)
        atom.alone = tuple([] if _announces(rest) else _sentence_forms(i, rest, lang, share))
    elif continues and not pointer:
        atom.alone_raw, atom.alone_uses = s, ((i, 1.0),)
        atom.alone = tuple(replace(f, weight=_CONTINUATION_WEIGHT) for f in own)
    return atom


def _list_atom(lead: int | None, items: list[int], sents: Sequence[str], lang: str) -> _Atom:
    """Lead-in + items[:k] for every k, and lead-in + every item's head."""
    first = items[0] if lead is None else lead
    lead_text = [] if lead is None else [sents[lead]]
    lead_use = [] if lead is None else [(lead, 1.0)]
    forms: list[Form] = []
    n = len(items)
    for k in range(n, 0, -1) if lead is not None else [n]:
        # a list cut short reads as less than the list: it counts for k/n of its items' worth
        body = [sents[j] for j in items[: k - 1]] + [finish(sents[items[k - 1]], lang)]
        uses = lead_use + [(j, 1.0) for j in items[:k]]
        forms.append(_form([_join(lead_text + body, lang)], uses, lang, k / n))
    heads = [item_head(sents[j], lang) for j in items]
    if lead is not None and _announces(sents[lead]) and any(heads):
        short = [h or clause_core(sents[j]) for h, j in zip(heads, items)]
        if lang == "zh":
            body_text = "；".join(short) + "。"
        else:  # "...five areas: first, policy coordination; second, ..."
            short = [re.sub(r"^\w+,", lambda m: m.group(0).lower(), h) for h in short]
            body_text = "; ".join(short) + "."
        uses = lead_use + [
            (j, measure(h, lang) / max(measure(sents[j], lang), 1)) for h, j in zip(short, items)
        ]
        forms.append(_form([_join([sents[lead], body_text], lang)], uses, lang))
    if lead is not None and not _announces(sents[lead]) and not _LIST_INTRO.search(sents[lead]):
        forms += _sentence_forms(lead, sents[lead], lang)
    raw = _join(lead_text + [sents[j] for j in items], lang)
    uses = tuple(lead_use + [(j, 1.0) for j in items])
    atom = _Atom(first, items[-1], raw, uses, forms, refers_back(sents[first], lang))
    rest = stand_alone(sents[lead], lang) if atom.dep and lead is not None else None
    if rest is not None:
        share = measure(rest, lang) / max(measure(sents[lead], lang), 1)
        atom.alone_raw = _join([rest] + [sents[j] for j in items], lang)
        atom.alone_uses = ((lead, share),) + uses[1:]
        atom.alone = (_form([finish(atom.alone_raw, lang)], atom.alone_uses, lang),)
    return atom


def _atoms(sents: Sequence[str], paras: Sequence[int], lang: str) -> list[_Atom]:
    marked = [list_marker(s, lang) for s in sents]
    atoms: list[_Atom] = []
    i, n = 0, len(sents)
    while i < n:
        if marked[i]:
            j = i
            while j + 1 < n and marked[j + 1]:
                j += 1
            lead = None
            prev = atoms[-1] if atoms else None
            if (prev is not None and prev.first == prev.last == i - 1 and prev.usable
                    and (paras[i - 1] == paras[i] or _announces(sents[i - 1]))):
                lead = i - 1
            if j > i or lead is not None:
                if lead is not None:
                    atoms.pop()
                atoms.append(_list_atom(lead, list(range(i, j + 1)), sents, lang))
                i = j + 1
                continue
            atom = _sentence_atom(i, sents, paras, lang)
            atom.usable = False  # a lone item with nothing leading into it: "一是…" out of nowhere
            atoms.append(atom)
            i += 1
            continue
        atoms.append(_sentence_atom(i, sents, paras, lang))
        i += 1
    return atoms


# ----------------------------------------------------------------------------- groups


def _plain(text: str) -> str:
    return re.sub(r"[\s。！？.!?；;，,：:]+", "", text)


def _merge(parts: Sequence[str], uses, lang: str, weight: float = 1.0) -> Form:
    """Parts ending in ；/： run on into the next part; every other part is finished (。/.)."""
    merged: list[str] = []
    run = ""
    for k, p in enumerate(parts):
        run = _join([run, p], lang) if run else p.strip()
        if k + 1 < len(parts) and soft_end(run):
            continue
        merged.append(finish(run, lang))
        run = ""
    return _form(merged, uses, lang, weight)


def _chain_forms(chain: Sequence[_Atom], lang: str) -> list[Form]:
    """Every run of the chain that starts where it may, goes on whole and ends in any form."""
    out: list[Form] = []
    for a, start in enumerate(chain):
        if not start.usable:
            continue
        if a == 0 and not start.dep:
            starts, raw, uses = start.own, start.raw, start.uses
        else:
            starts, raw, uses = start.alone, start.alone_raw, start.alone_uses
        out += starts
        if raw is None:
            continue
        weight = starts[0].weight if starts else 1.0
        parts, covered = [raw], list(uses)
        for b in range(a + 1, len(chain)):
            nxt = chain[b]
            if not nxt.usable:
                break
            for g in nxt.own:
                out.append(_merge(parts + list(g.parts), covered + list(g.uses), lang, weight))
            parts.append(nxt.raw)
            covered += nxt.uses
    return out


def groups(sents: Sequence[str], paras: Sequence[int], lang: str) -> list[Group]:
    """The text's sentences as groups a summary takes whole, shortened or not at all."""
    lang = norm_lang(lang)
    atoms = _atoms(sents, paras, lang)
    # A sentence repeated verbatim is offered once; a compression that equals another sentence
    # of the text is dropped (that sentence can be chosen itself).
    wholes: set[str] = set()
    for atom in atoms:
        key = _plain(atom.raw)
        if key in wholes:
            atom.usable = False
        wholes.add(key)
    for atom in atoms:
        atom.own = [
            f for k, f in enumerate(atom.own) if k == 0 or _plain(f.parts[-1]) not in wholes
        ]
    out: list[Group] = []
    chain: list[_Atom] = []
    for atom in [*atoms, None]:
        if chain and (atom is None or not atom.dep):
            forms = _dedupe(_chain_forms(chain, lang))
            if forms:
                out.append(Group(chain[0].first, chain[-1].last, tuple(forms)))
            chain = []
        if atom is not None:
            chain.append(atom)
    return out


def _dedupe(forms: Sequence[Form]) -> list[Form]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for f in forms:
        if f.size > 0 and f.parts not in seen:
            seen.add(f.parts)
            out.append(f)
    return out


def whole_text(sents: Sequence[str], paras: Sequence[int], lang: str) -> tuple[str, ...]:
    """All sentences as output sentences: finished, a list with its lead-in as one, and
    ；/：-ended ones run on into the next."""
    lang = norm_lang(lang)
    return _merge([a.raw for a in _atoms(sents, paras, lang)], (), lang).parts
