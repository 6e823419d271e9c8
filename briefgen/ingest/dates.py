"""Dates in text: the event's dates and year, and dated sentences for the timeline.

Chinese: 2013年, 2016年9月, 2016年底, 2011年以来, 2017年5月15日, and 5月14日 (which takes the
event year), 今年初 (the event year). English: ``in 2013``, ``since 2011``, ``September 2016``,
``14 May 2017``, ``May 14``, ``Oct. 17-18``, ``14 to 15 May``, ``17 and 18 October``,
``2023-10-18``; and, against a known day (a wire's dateline, a press release's date),
``on Wednesday`` (that weekday, on or before the known day), ``today`` and ``yesterday``. A year
inside a short quoted name (“2020年战略构想”) is a name, not a date.

English month and weekday names come from babel's CLDR data, through
:mod:`briefgen.text.lexicon.calendar_words`.
An English text often names its event's day without a year (``SHANGHAI, Oct. 18``):
``english_year`` takes the year from a full date, else from the weekday the text gives that day
(``closed on Wednesday``) near the latest year the text names as past.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefgen.text.lexicon.calendar_words import (
    EN_MONTH,
    EN_MONTH_NAMES,
    EN_WEEKDAY,
    MONTH_NUMBER,
    WEEKDAY_NUMBER,
)

_MON = rf"(?:{EN_MONTH})\.?"
_WEEKDAY = re.compile(rf"\b(?:on|by|since|last|this|from|until)?\s*(?P<w>{EN_WEEKDAY})\b(?:'s)?|"
                      r"\b(?P<rel>today|yesterday|tomorrow)\b")

_ZH_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?)?|"
    r"(?P<this>今年)|(?<![\d年])(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号])"
    r"(?:(?:至|到|-|—|～)(?:(?P<m3>\d{1,2})月)?(?P<d3>\d{1,2})[日号])?"
    r"(?P<tail>底|初|以来|年底|年初)?"
)
_EN_DATE = re.compile(
    r"\b(?P<iy>(?:19|20)\d{2})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b|"
    rf"(?P<d>\d{{1,2}})(?:\s*(?:-|–|to|and)\s*(?P<d3>\d{{1,2}}))?\s+(?P<mon>{_MON})(?:\s+(?P<y>\d{{4}}))?\b|"
    rf"(?P<mon2>{_MON})\s+(?P<d2>\d{{1,2}})(?:\s*(?:-|–)\s*(?P<d4>\d{{1,2}}))?(?:,\s*(?P<y2>\d{{4}}))?\b|"
    rf"(?P<mon3>{_MON})\s+(?P<y3>\d{{4}})\b|"
    r"\b(?P<lead>[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|end of|[Ee]arly in|[Ll]ate in|[Ss]tart of)\s+"
    r"(?P<y4>(?:19|20)\d{2})\b"
)
_SHORT_QUOTE = re.compile(r"“[^“”]{1,14}”|\"[^\"]{1,14}\"")


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence: ISO text as precise as written, and where it is."""

    iso: str
    start: int
    end: int
    end_iso: str | None = None  # the last day of a range (5月14日至15日)
    since: bool = False  # 2011年以来 / since 2011: a starting point, not an event


def find_dates(sentence: str, lang: str, year: int | None,
               anchor: dt.date | None = None) -> list[DateMention]:
    """Dates in ``sentence``; a day without a year takes ``year`` (skipped when None).

    With ``anchor`` (the day an English text is dated), weekdays, ``today`` and ``yesterday``
    are dates too."""
    quoted = [(m.start(), m.end()) for m in _SHORT_QUOTE.finditer(sentence)]
    pattern = _ZH_DATE if lang == "zh" else _EN_DATE
    out: list[DateMention] = []
    for m in pattern.finditer(sentence):
        if any(a < m.start() < b for a, b in quoted):
            continue
        mention = _zh_mention(m, year) if lang == "zh" else _en_mention(m, year)
        if mention:
            out.append(mention)
    if anchor is not None and lang == "en":
        taken = [(d.start, d.end) for d in out]
        out += [d for d in weekday_dates(sentence, anchor)
                if not any(a <= d.start < b for a, b in taken)]
        out.sort(key=lambda d: d.start)
    return out


def weekday_dates(sentence: str, anchor: dt.date) -> list[DateMention]:
    """``on Wednesday`` -> the last Wednesday on or before ``anchor`` (a news story reports the
    past week); ``today``/``yesterday``/``tomorrow`` -> anchor, the day before, the day after."""
    out: list[DateMention] = []
    for m in _WEEKDAY.finditer(sentence):
        if m.group("rel"):
            shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("rel")]
            day = anchor + dt.timedelta(days=shift)
        else:
            back = (anchor.weekday() - WEEKDAY_NUMBER[m.group("w").lower()]) % 7
            day = anchor - dt.timedelta(days=back)
        out.append(DateMention(day.isoformat(), m.start(), m.end()))
    return out


def weekday_of(text: str) -> int | None:
    """The first weekday named in ``text`` (Monday = 0), if any."""
    m = next((m for m in _WEEKDAY.finditer(text) if m.group("w")), None)
    return WEEKDAY_NUMBER[m.group("w").lower()] if m else None


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    if y is None:
        return None
    try:
        if d is not None and m is not None:
            return dt.date(y, m, d).isoformat()
    except ValueError:
        return None
    if m is not None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    return f"{y:04d}"


def _zh_mention(m: re.Match[str], year: int | None) -> DateMention | None:
    g = m.groupdict()
    if g["this"]:
        if year is None or not (g["tail"] or "").endswith(("初", "底")):
            return None
        iso = _iso(year)
    elif g["y"]:
        iso = _iso(int(g["y"]), int(g["m"]) if g["m"] else None, int(g["d"]) if g["d"] else None)
        year = int(g["y"])
    else:
        iso = _iso(year, int(g["m2"]), int(g["d2"]))
    if iso is None:
        return None
    end_iso = None
    if g["d3"]:
        month = int(g["m3"] or g["m"] or g["m2"] or 0)
        end_iso = _iso(year, month or None, int(g["d3"]))
    return DateMention(iso, m.start(), m.end(), end_iso, since=g["tail"] == "以来")


def _en_mention(m: re.Match[str], year: int | None) -> DateMention | None:
    g = m.groupdict()
    if g["iy"]:
        iso = _iso(int(g["iy"]), int(g["im"]), int(g["id"]))
        return DateMention(iso, m.start(), m.end()) if iso else None
    mon = g["mon"] or g["mon2"] or g["mon3"]
    month = MONTH_NUMBER.get(mon.lower().rstrip(".")) if mon else None
    y = g["y"] or g["y2"] or g["y3"] or g["y4"]
    y_int = int(y) if y else year
    day = g["d"] or g["d2"]
    iso = _iso(y_int, month, int(day) if day else None)
    if iso is None:
        return None
    last = g["d3"] or g["d4"]
    end_iso = _iso(y_int, month, int(last)) if last else None
    return DateMention(iso, m.start(), m.end(), end_iso,
                       since=(g["lead"] or "").lower() == "since")


def event_year(texts: list[str], lang: str) -> int | None:
    """The year of the event: that of the first full date, else the latest dated month, else
    the most mentioned year."""
    years: list[int] = []
    months: list[int] = []
    for text in texts:
        for d in find_dates(text, lang, None):
            y = int(d.iso[:4])
            if len(d.iso) == 10:
                return y
            (months if len(d.iso) == 7 else years).append(y)
    if months:
        return max(months)
    return max(set(years), key=lambda y: (years.count(y), y)) if years else None


_FUTURE = re.compile(r"\b(?:will|next|plan(?:s|ned)?|by|until|target|aims?)\b", re.IGNORECASE)


def english_year(texts: list[str], month_day: tuple[int, int] | None,
                 weekday: int | None) -> tuple[int | None, str]:
    """The event's year in an English text, and how it was found (for the ``# check`` note).

    A full date gives it. Else the latest year the text names outside future or target
    sentences (``in 2023`` but not ``by 2030``, ``next ... in 2025``) is the earliest the event
    can be; when the text gives the weekday of its dated day (``SHANGHAI, Oct. 18 ... on
    Wednesday``), the first year from there on whose calendar agrees is taken.
    """
    past: list[int] = []
    for text in texts:
        for d in find_dates(text, "en", None):
            if len(d.iso) == 10:
                return int(d.iso[:4]), "a full date in the text"
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if not _FUTURE.search(sentence):
                # a span's end (a 2024-2030 strategy) is a horizon, not a past year
                past += [int(y) for y in re.findall(r"(?<![\d–-])\b((?:19|20)\d{2})\b", sentence)]
    if not past:
        return None, ""
    base = max(past)
    if month_day and weekday is not None:
        for y in range(base, base + 7):
            try:
                if dt.date(y, *month_day).weekday() == weekday:
                    return y, f"the weekday it names for {_month_name(month_day[0])} " \
                              f"{month_day[1]}, on or after {base}"
            except ValueError:
                continue
    return base, f"the latest past year the text names, {base}"


def _month_name(month: int) -> str:
    return EN_MONTH_NAMES[month - 1]
