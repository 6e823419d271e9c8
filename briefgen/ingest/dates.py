"""Dates in text: the event's dates and year, and dated sentences for the timeline.

Chinese: 2013年, 2016年9月, 2016年底, 2011年以来, 2017年5月15日, and 5月14日 (which takes the
event year), 今年初 (the event year). English: ``in 2013``, ``since 2011``, ``September 2016``,
``14 May 2017``, ``May 14``, ``14 to 15 May``. A year inside a short quoted name (“2020年战略构想”)
is a name, not a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
       r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"

_ZH_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?)?|"
    r"(?P<this>今年)|(?<![\d年])(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号])"
    r"(?:(?:至|到|-|—|～)(?:(?P<m3>\d{1,2})月)?(?P<d3>\d{1,2})[日号])?"
    r"(?P<tail>底|初|以来|年底|年初)?"
)
_EN_DATE = re.compile(
    rf"(?P<d>\d{{1,2}})(?:\s*(?:-|–|to)\s*(?P<d3>\d{{1,2}}))?\s+(?P<mon>{_MON})(?:\s+(?P<y>\d{{4}}))?\b|"
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


def find_dates(sentence: str, lang: str, year: int | None) -> list[DateMention]:
    """Dates in ``sentence``; a day without a year takes ``year`` (skipped when None)."""
    quoted = [(m.start(), m.end()) for m in _SHORT_QUOTE.finditer(sentence)]
    pattern = _ZH_DATE if lang == "zh" else _EN_DATE
    out: list[DateMention] = []
    for m in pattern.finditer(sentence):
        if any(a < m.start() < b for a, b in quoted):
            continue
        mention = _zh_mention(m, year) if lang == "zh" else _en_mention(m, year)
        if mention:
            out.append(mention)
    return out


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
    mon = g["mon"] or g["mon2"] or g["mon3"]
    month = _MONTHS.get(mon.lower().rstrip(".")) if mon else None
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
