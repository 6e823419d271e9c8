"""Scores of a draft brief against a hand-made one: figures, headings, character error rate.

* Figures match on value, scale and unit. Chinese units are compared after dropping the measure
  word 个 (个国家 = 国家, 个 = ""); English units by head noun: the reference unit's last word,
  stemmed, must be one of the draft unit's words (``countries and international organisations``
  matches ``countries and organisations``). Recall pairs reference and draft figures one to one.
  Precision counts a draft figure as right when some reference figure has its key: the reference
  cites one figure from several places (3年多来 three times), so a repeat is not an error.
  Reference figures tagged ``derived`` (counted by the editor from a list, e.g. four ministries
  named in a row) are not written as numbers, so the main recall leaves them out; the raw
  recall over all reference figures is reported beside it.
* Headings: a reference section title is *in the source* when it is a whole line of it
  (whitespace and an outline number such as 三、 ignored); recall is over those, and over all
  titles.
* CER: Levenshtein distance between the draft's section paragraphs and the reference's, joined
  (Chinese with nothing, English with a space, whitespace removed or collapsed), divided by the
  reference length. The raw text of the source, scored the same way, is the baseline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import snowballstemmer
from rapidfuzz.distance import Levenshtein

from briefgen.ingest.structure import strip_number

_STEM = snowballstemmer.stemmer("english").stemWord


@dataclass(frozen=True)
class FigureScore:
    recall: float
    recall_all: float
    precision: float
    matched: int
    reference: int
    reference_all: int
    extracted: int
    missed: list[str]
    wrong: list[str]


def unit_key(unit: str | None, lang: str) -> str:
    """The comparable form of a unit (see module doc)."""
    unit = (unit or "").strip()
    if lang == "zh":
        return unit.removeprefix("个")
    return unit.lower()


def _unit_match(ref: str | None, got: str | None, lang: str) -> bool:
    if lang == "zh":
        return unit_key(ref, lang) == unit_key(got, lang)
    ref_words = re.findall(r"[a-z%]+", (ref or "").lower())
    got_words = {_STEM(w) for w in re.findall(r"[a-z%]+", (got or "").lower())}
    if not ref_words:
        return not got_words
    return _STEM(ref_words[-1]) in got_words


def _same(ref: dict[str, Any], got: dict[str, Any], lang: str) -> bool:
    return (float(ref["value"]) == float(got["value"]) and ref.get("scale") == got.get("scale")
            and _unit_match(ref.get("unit"), got.get("unit"), lang))


def score_figures(ref: list[dict[str, Any]], got: list[dict[str, Any]], lang: str) -> FigureScore:
    """Recall (one to one) and precision (many to one) of ``got`` against ``ref``."""
    written = [r for r in ref if "derived" not in (r.get("tags") or [])]
    free = list(got)
    matched = 0
    missed: list[str] = []
    for r in written:
        hit = next((g for g in free if _same(r, g, lang)), None)
        if hit is None:
            missed.append(f"{r['id']} {r['value']} {r.get('scale') or ''}{r.get('unit') or ''}")
        else:
            free.remove(hit)
            matched += 1
    wrong = [f"{g['id']} {g['value']} {g.get('scale') or ''}{g.get('unit') or ''}"
             for g in got if not any(_same(r, g, lang) for r in ref)]
    return FigureScore(
        recall=matched / len(written) if written else 1.0,
        recall_all=matched / len(ref) if ref else 1.0,
        precision=(len(got) - len(wrong)) / len(got) if got else 0.0,
        matched=matched, reference=len(written), reference_all=len(ref), extracted=len(got),
        missed=missed, wrong=wrong)


def norm_line(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class HeadingScore:
    found_in_source: int
    in_source: int
    found: int
    reference: int
    precision: float


def score_headings(ref: list[str], got: list[str], source_lines: list[str]) -> HeadingScore:
    """Reference titles found among the draft's, counted over those the source prints."""
    lines = {norm_line(strip_number(x)) for x in source_lines}
    got_n = {norm_line(g) for g in got}
    ref_n = [norm_line(r) for r in ref]
    in_source = [r for r in ref_n if r in lines]
    return HeadingScore(
        found_in_source=sum(r in got_n for r in in_source), in_source=len(in_source),
        found=sum(r in got_n for r in ref_n), reference=len(ref_n),
        precision=sum(g in set(ref_n) for g in got_n) / len(got_n) if got_n else 0.0)


def joined(paragraphs: list[str], lang: str) -> str:
    """Paragraphs as one string for CER: no whitespace (zh) or single spaces (en)."""
    if lang == "zh":
        return re.sub(r"\s+", "", "".join(paragraphs))
    return re.sub(r"\s+", " ", " ".join(paragraphs)).strip()


def cer(got: str, ref: str) -> float:
    """Character error rate: edits to turn ``got`` into ``ref``, per reference character."""
    return Levenshtein.distance(got, ref) / max(len(ref), 1)


# ----------------------------------------------------------------------------- English texts

#: Words a label must not end with: articles, prepositions, conjunctions, auxiliaries.
FUNCTION_WORDS = frozenset(
    "a an the of in on at to from by with for and or but nor as than that which who whose "
    "into onto over under since across through per via about around between among during "
    "worth is are was were be been has have had will would can could may might shall should "
    "said says its their his her our it they he she we".split())
#: Finite verbs that make a label a clause, not a noun phrase. Past participles after the
#: noun (``Deals signed at the CEO conference``) are a noun phrase's modifier, so -ed forms are
#: not listed; a label that is only a noun and an -ed verb (``Companies signed``) fails below.
_FINITE = frozenset("is are was were has have had will would said says told drew serve serves "
                    "cover covers features include includes rose fell grew".split())


def is_noun_phrase(label: str) -> bool:
    """A label reads as a noun phrase (a heuristic, no parser): 1-9 words, no number, no quote
    mark or ellipsis, no finite verb of the kinds drafts leak (was, said, serves...), not just a
    noun and an -ed verb (``Companies signed``), not opening with a participle (``Endorsed by
    ministers``), and no function word at the end (``Backed by``, ``It drew delegations
    from``)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*", label)
    if not words or len(words) > 9 or re.search(r"[\"“”…]|\d", label):
        return False
    low = [w.lower() for w in words]
    if low[-1] in FUNCTION_WORDS or any(w in _FINITE for w in low) or low[0].endswith("ed"):
        return False  # ... or it opens with a participle: "Endorsed by ministers"
    return not (len(low) == 2 and low[1].endswith("ed"))


@dataclass(frozen=True)
class QuoteScore:
    found: int
    expected: int
    missed: list[str]


def score_quotes(expected: list[dict[str, str]], got: list[dict[str, Any]]) -> QuoteScore:
    """An expected quote is found when a draft quote starts with its words (case and
    punctuation aside) and its speaker contains the expected name."""
    def norm(s: str) -> str:
        return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
    missed = [e["text"] for e in expected
              if not any(norm(g["text"]).startswith(norm(e["text"]))
                         and norm(e["speaker"]) in norm(g["speaker"]) for g in got)]
    return QuoteScore(len(expected) - len(missed), len(expected), missed)
