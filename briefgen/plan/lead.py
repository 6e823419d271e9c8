"""The facts a lead or an abstract must give, and a body that does not repeat its lead.

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
from briefgen.plan import format as fmt
from briefgen.plan.labels import fill
from briefgen.text.segment import sentences
from briefgen.text.tokens import tokens

HAN = re.compile(r"[\u4e00-\u9fff]+")
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
    names += [n[-2:] for n in names if len(n) > 2 and HAN.fullmatch(n)]
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
