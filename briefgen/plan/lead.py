"""Leads: what a press lead, a bottom line or an abstract opens with, the facts it must give,
and a body that does not repeat it.

A news section is written as an inverted pyramid: its first sentence says who did what, where
and when, the next ones how many. So a press lead is that topic sentence and the sentences
after it that carry numbers (:func:`news_lead`); a bottom line is the most important section's
topic sentence, then the best of every chosen section (:func:`topic_first`).

A reader of a lead (or of a bottom line, or of an abstract) needs who, what, when and where
before anything else. An extractive summary usually has them, because a brief's first sentence
says them; when it names neither place nor time (a summary that picked the numbers instead),
the plan prepends the event, place and date as the label file words them (``event_facts``),
in a form that reads well whatever the title is: "2026年11月20日，商务部例行新闻发布会（北京）。".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from babel.dates import format_date

from briefgen.load.schema import Meta
from briefgen.plan import formatting as fmt
from briefgen.plan.labels import fill
from briefgen.plan.summarize import FigureTerms, Priors, gist, summarize
from briefgen.text.compress import compressions, finish, is_aside
from briefgen.text.lexicon.script import HAN
from briefgen.text.measure import measure, norm_lang
from briefgen.text.segment import sentences
from briefgen.text.tokens import tokens

_DIGIT = re.compile(r"\d")
_DEFAULT_PRIORS = Priors()  # Priors is frozen, so one shared default is safe

HAN_RUN = re.compile(f"[{HAN}]+")
#: A body sentence repeats a lead sentence when this share of the shorter one's content words
#: is in the other (the lead may hold a shortened form of the sentence).
REPEAT_SHARE = 0.8


def _place_names(place: str) -> list[str]:
    """"Beijing, China" -> ["beijing", "china"]; "北京" -> ["北京"]."""
    return [p.strip().lower() for p in re.split(r"[,，、/]", place) if p.strip()]


def says_where(text: str, meta: Meta) -> bool:
    """Whether the text names the place, or its last part ("杭州" for "浙江杭州")."""
    low = text.lower()
    names = _place_names(meta.place)
    names += [n[-2:] for n in names if len(n) > 2 and HAN_RUN.fullmatch(n)]
    return any(name in low for name in names)


def says_when(text: str, meta: Meta, labels: Mapping[str, str]) -> bool:
    """Whether the text dates the event: its year, or the month it took place in."""
    days = {meta.dates.start, meta.dates.end}
    if any(str(d.year) in text for d in days):
        return True
    locale = labels.get("locale", "en_GB")
    return any(_month(d, locale) in text for d in days)


def _month(day: dt.date, locale: str) -> str:
    return format_date(day, "MMMM" if not locale.startswith("zh") else "M月", locale=locale)


def facts_sentence(meta: Meta, labels: Mapping[str, str]) -> str:
    """What took place, where and when, in the label file's words."""
    return fill(labels, "event_facts", title=meta.title, place=meta.place,
                date=fmt.format_range(meta.dates.start, meta.dates.end, labels))


def needs_facts(summary: Sequence[str], meta: Meta, labels: Mapping[str, str]) -> bool:
    """Whether the summary names neither the place nor the time of the event."""
    text = " ".join(summary)
    return not (says_where(text, meta) or says_when(text, meta, labels))


def without_repeats(paragraphs: Sequence[str], lead: Sequence[str], lang: str) -> list[str]:
    """The paragraphs without the sentences the lead already says (whole or shortened), so the
    first body paragraph of a press release does not repeat its lead word for word."""
    said = [tokens(s, lang) for s in lead]
    out = []
    for para in paragraphs:
        kept = [s for s in sentences(para, lang)
                if not any(_overlap(tokens(s, lang), t) >= REPEAT_SHARE for t in said)]
        if kept:
            out.append(("" if lang == "zh" else " ").join(kept))
    return out


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))

def topic_first(
    paragraphs: Sequence[str],
    lang: str,
    budget: int,
    priors: Priors = _DEFAULT_PRIORS,
    wanted_terms: Sequence[str] | FigureTerms = (),
) -> tuple[str, ...]:
    """A summary that opens with the text's first (topic) sentence, whole or in its longest
    complete form that fits, then the best of the rest in the budget left: a news lead says
    who did what, where and when first, and a brief's news section opens with exactly that.
    """
    lang = norm_lang(lang)
    sents, paras = _split(paragraphs, lang)
    if not sents or budget <= 0:
        return ()
    topic = finish(sents[0], lang)
    if measure(topic, lang) > budget:
        fitting = [c for c in compressions(sents[0], lang) if measure(c, lang) <= budget]
        if not fitting:
            return gist(paragraphs, lang, budget, priors, wanted_terms)
        topic = fitting[0]
    rest: list[str] = []
    for k, (sent, para) in enumerate(zip(sents[1:], paras[1:]), start=1):
        if k == 1 or para != paras[k - 1]:
            rest.append(sent)
        else:
            rest[-1] += ("" if lang == "zh" else " ") + sent
    room = budget - measure(topic, lang)
    return (topic, *summarize(rest, lang, room, priors, wanted_terms))


def news_lead(paragraphs: Sequence[str], lang: str, budget: int) -> tuple[str, ...]:
    """A news lead: the topic sentence, then the sentences after it that carry numbers, in
    order (the inverted pyramid a news section is written in: who, what, then how many), each
    whole while it fits, else its longest complete form that fits. Without numbers after the
    topic, the next sentences in order. A topic sentence with no form short enough falls back
    to :func:`gist`.
    """
    lang = norm_lang(lang)
    sents, _ = _split(paragraphs, lang)
    sents = [s for s in sents if not is_aside(s)]
    if not sents:
        return ()
    rest = sents[1:]
    numbered = [s for s in rest if _DIGIT.search(s)]
    out: list[str] = []
    room = budget
    for sent in [sents[0], *(numbered or rest)]:
        whole = finish(sent, lang)
        fitting = [whole] if measure(whole, lang) <= room else [
            c for c in compressions(sent, lang) if measure(c, lang) <= room]
        if not fitting:
            if not out:
                break
            continue
        out.append(fitting[0])
        room -= measure(fitting[0], lang)
    return tuple(out) or gist(paragraphs, lang, budget)


def _split(paragraphs: Sequence[str], lang: str) -> tuple[list[str], list[int]]:
    """The sentences of the paragraphs, and the paragraph each comes from."""
    sents: list[str] = []
    paras: list[int] = []
    for k, para in enumerate(p for p in paragraphs if p and p.strip()):
        for sent in sentences(para, lang):
            sents.append(sent)
            paras.append(k)
    return sents, paras
