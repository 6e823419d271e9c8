"""Word tokens for sentence similarity, and cheap entity counts for the press prior.

Chinese is cut with ``rjieba`` (a Rust port of jieba: ~80 ms import with its dictionary, ~3 µs
per sentence) and falls back to ``jieba`` (~0.5-0.7 s to load its dictionary on first cut, ~70 µs
per sentence) when rjieba is not installed or ``BRIEFGEN_ZH_CUTTER=jieba`` is set. The cutter is
loaded on first use, once per process.
Part-of-speech tags from the same cut give people/places/organisations (nr*/ns*/nt*).

English is tokenised with a regex and stemmed with the Snowball English stemmer
(``snowballstemmer``), so "exports"/"exported" and "cooperation"/"cooperative" meet; without
it a crude suffix stripper stands in.

Stopwords come from ``data/stopwords-zh.txt`` and ``data/stopwords-en.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from briefgen import settings
from briefgen.text.lexicon.calendar_words import EN_MONTH, EN_WEEKDAY
from briefgen.text.lexicon.script import HAN_ALL
from briefgen.text.measure import norm_lang

__all__ = ["tokens", "entity_count", "stopwords", "tag_zh", "backend"]

_CJK_OR_ALNUM = re.compile(f"[{HAN_ALL}A-Za-z0-9]")
_EN_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)*")
_ZH_DATE = re.compile(
    r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*\d{1,2}\s*日|"
    r"[一二三四五六七八九十]+月[一二三四五六七八九十]+日|今年|去年|明年"
)
_EN_DATE = re.compile(
    rf"\b(?:(?:{EN_MONTH})\.?\s+\d{{1,2}}(?:[-–]\d{{1,2}})?(?:,\s*\d{{4}})?|\d{{1,2}}(?:[-–]\d{{1,2}})?\s+(?:{EN_MONTH})\b\.?(?:\s+\d{{4}})?|"
    rf"(?:1[89]|20)\d{{2}}s?|{EN_WEEKDAY})\b"
)


@lru_cache(maxsize=2)
def stopwords(lang: str) -> frozenset[str]:
    """The stopword list for ``lang`` (lower-cased for English)."""
    name = f"stopwords-{norm_lang(lang)}.txt"
    text = resources.files("briefgen.text").joinpath("data", name).read_text(encoding="utf-8")
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line.lower())
    return frozenset(words)


# ----------------------------------------------------------------------------- Chinese cutter


@lru_cache(maxsize=1)
def _zh_tagger() -> tuple[str, Callable[[str], list[tuple[str, str]]]]:
    try:
        if settings.current().zh_cutter == "jieba":
            raise ImportError("jieba asked for")
        import rjieba

        return "rjieba", rjieba.tag
    except ImportError:  # pragma: no cover - depends on the environment
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)

        def tag(text: str) -> list[tuple[str, str]]:
            return [(p.word, p.flag) for p in jieba.posseg.cut(text)]

        return "jieba", tag


def backend() -> str:
    """Name of the Chinese word cutter in use: ``"rjieba"`` or ``"jieba"`` (loads it)."""
    return _zh_tagger()[0]


@lru_cache(maxsize=8192)
def tag_zh(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech) pairs for Chinese text, whitespace tokens dropped."""
    return tuple((w, f) for w, f in _zh_tagger()[1](text) if w.strip())


# ----------------------------------------------------------------------------- English stemmer


@lru_cache(maxsize=1)
def _en_stemmer() -> Callable[[str], str]:
    try:
        import snowballstemmer

        return snowballstemmer.stemmer("english").stemWord
    except ImportError:  # pragma: no cover - depends on the environment
        return _crude_stem


_CRUDE_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "ed",
    "es",
    "er",
    "ly",
    "s",
)


def _crude_stem(word: str) -> str:
    """Suffix stripping used only when snowballstemmer is not installed."""
    for suf in _CRUDE_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    return _en_stemmer()(word)


# ----------------------------------------------------------------------------- public


def tokens(text: str, lang: str) -> frozenset[str]:
    """Content-word tokens of ``text`` (stopwords and punctuation removed, English stemmed)."""
    return _tokens_cached(text, norm_lang(lang))


@lru_cache(maxsize=8192)
def _tokens_cached(text: str, lang: str) -> frozenset[str]:
    stop = stopwords(lang)
    if lang == "zh":
        out = set()
        for word, flag in tag_zh(text):
            w = word.strip().lower()
            if not w or flag == "x" or w in stop or not _CJK_OR_ALNUM.search(w):
                continue
            out.add(w)
        return frozenset(out)
    out = set()
    for m in _EN_WORD.finditer(text):
        w = m.group(0).lower().replace("’", "'")
        if w in stop or (len(w) == 1 and not w.isdigit()):
            continue
        out.add(w if w[0].isdigit() else _stem(w))
    return frozenset(out)


def entity_count(text: str, lang: str) -> int:
    """How many distinct people, places, organisations and dates ``text`` names."""
    return _entities_cached(text, norm_lang(lang))


@lru_cache(maxsize=8192)
def _entities_cached(text: str, lang: str) -> int:
    found: set[str] = set()
    if lang == "zh":
        for word, flag in tag_zh(text):
            if flag[:2] in ("nr", "ns", "nt") and len(word) >= 2:
                found.add(word)
        for m in _ZH_DATE.finditer(text):
            found.add(re.sub(r"\s", "", m.group(0)))
        return len(found)
    for m in _EN_DATE.finditer(text):
        found.add(m.group(0))
    stop = stopwords("en")
    for m in _EN_NAME.finditer(text):
        words = m.group(0).split()
        # a capitalised stopword or opener only starts the name ("The Belt and Road Forum")
        while words and (words[0].lower() in stop or words[0] in _EN_SENTENCE_OPENERS):
            words.pop(0)
        while words and words[-1].lower() in _EN_NAME_JOINERS:
            words.pop()
        name = re.sub(r"['’]s$", "", " ".join(words))
        if name and not re.fullmatch(EN_MONTH, name.rstrip(".")):
            found.add(name)
    return len(found)


# A name is a run of capitalised words, joined by "of", "and", "for", "the": "Belt and Road
# Forum for International Cooperation" is one name, not four.
_EN_NAME_JOINERS = frozenset("of and for the on in".split())
_EN_NAME = re.compile(
    r"(?<![\w.])[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|for|the|on|in)\s+)*[A-Z][\w'’.-]*)*"
)
_EN_SENTENCE_OPENERS = frozenset(
    "The A An It This That These Those They He She We I There Then But And However In On At For As "
    "After Before While When Since Although Meanwhile Moreover Also First Second Third Fourth "
    "Fifth Finally Over Under To From By With Of Since Early Late".split()
)
