"""When and where the event was: year, the day the text is dated, event dates and place.

Chinese texts write full dates (2017年5月14日), so the first full date decides. English news
texts lean on a dateline (``SHANGHAI, Oct. 18 (Meridian Wire) --``) and on weekdays
(``closed on Wednesday``), often with no year at all: the dateline gives the day that weekdays
are counted back from, and ``dates.english_year`` the year. With no year anywhere in the text,
the file's own date gives it, and the draft says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from briefgen.ingest.dateline import Dateline, find_dateline
from briefgen.ingest.dates import english_year, event_year, find_dates, weekday_of
from briefgen.ingest.structure import Outline
from briefgen.text.lexicon.script import HAN

_ZH_PLACE = re.compile(rf"在([{HAN}]{{2,8}}?)(?:隆重)?(?:举行|召开|举办|开幕|开展)")
_EN_PLACE = re.compile(
    r"\b(?:held|took place|convened|opened|opens|closed|closes|met|meets|gathered|began|"
    r"ended|opened today|is being held|was held|were held|takes place)"
    r"(?: (?:today|yesterday|on [A-Z][a-z]+day))? in (?P<p>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")
#: A line that opens with the place and then the dates: "Mombasa, 4 to 5 November 2026."
_PLACE_LINE = re.compile(r"^(?P<p>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}),\s+")
_FUTURE = re.compile(r"\b(?:will|next|plans?|planned|to be held)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Timing:
    """The year days without one take, and the day weekdays count back from."""

    year: int | None
    anchor: dt.date | None
    year_note: str  # how an English year was found; "" when a full date or Chinese text gave it
    dateline: Dateline | None


def timing(outline: Outline, path: Path) -> Timing:
    """Year and anchor day of ``outline``; an English dateline is cut from its paragraph."""
    notes = [n for s in outline.sections for n in s.source_notes]
    if outline.lang == "zh":
        return Timing(event_year(notes + outline.meta_lines + [outline.body], "zh"), None, "",
                      None)
    line = _take_dateline(outline)
    texts = notes + outline.meta_lines + [outline.subtitle or "", outline.body]
    if line and line.year:
        year, how = line.year, ""
    else:
        first = outline.sections[0].paragraphs[0] if outline.sections else ""
        year, how = english_year(texts, (line.month, line.day) if line else None,
                                 weekday_of(first))
        if how == "a full date in the text":
            how = ""
    if year is None:
        year = dt.date.fromtimestamp(path.stat().st_mtime).year
        how = f"the file's date, {year}: the text names no year"
    anchor = None
    if line:
        try:
            anchor = dt.date(year, line.month, line.day)
        except ValueError:
            anchor = None
    return Timing(year, anchor, how, line)


def _take_dateline(outline: Outline) -> Dateline | None:
    if not outline.sections or not outline.sections[0].paragraphs:
        return None
    paras = outline.sections[0].paragraphs
    line = find_dateline(paras[0])
    if line:
        rest = paras[0][line.length:].strip()
        paras[0] = rest[:1].upper() + rest[1:]
    return line


def event_dates(outline: Outline, when: Timing) -> tuple[dt.date, dt.date, str]:
    """Chinese: the first day-precise date (range) on the cover or in the first section.
    English: the first range (``Oct. 17-18``) in the subtitle or the first three paragraphs,
    else their first day (``closed on Wednesday`` counts), else the dateline's day."""
    lang = outline.lang
    first = outline.sections[0].paragraphs if outline.sections else []
    year_note = f"; year from {when.year_note}" if when.year_note else ""
    if lang == "en":
        texts = [outline.subtitle or ""] + first[:3]
        found = [d for t in texts for d in find_dates(t, lang, when.year, when.anchor)
                 if len(d.iso) == 10]
        ranges = [d for d in found if d.end_iso and len(d.end_iso) == 10]
        if ranges:
            d = ranges[0]
            return (dt.date.fromisoformat(d.iso), dt.date.fromisoformat(d.end_iso),
                    "check: dates (the first date range in the text" + year_note + ")")
        if found:
            day = dt.date.fromisoformat(found[0].iso)
            last = _until(texts, when, day)
            return day, last, "check: dates (the first dated day in the text" + (
                ", to the day it runs until" if last != day else "") + year_note + ")"
        if when.anchor:
            return when.anchor, when.anchor, "check: dates (the dateline's day" + year_note + ")"
    for text in outline.meta_lines + first[:2] + [outline.body]:
        for d in find_dates(text, lang, when.year):
            if len(d.iso) == 10:
                start = dt.date.fromisoformat(d.iso)
                end = dt.date.fromisoformat(d.end_iso) if d.end_iso and len(d.end_iso) == 10 \
                    else start
                return start, max(start, end), "check: dates (the first dated day in the text)"
    y = when.year or 2000
    return dt.date(y, 1, 1), dt.date(y, 1, 1), "check: dates (no day found in the text)"


_UNTIL = re.compile(r"\b(?:until|till|through|to)\s+(?:on\s+)?$")


def _until(texts: list[str], when: Timing, start: dt.date) -> dt.date:
    """``runs until 13 June``: the last day of an event whose first day is ``start``."""
    for text in texts:
        for d in find_dates(text, "en", when.year, when.anchor):
            if len(d.iso) == 10 and _UNTIL.search(text[: d.start]):
                day = dt.date.fromisoformat(d.iso)
                if start < day <= start + dt.timedelta(days=31):
                    return day
    return start


def event_place(outline: Outline, when: Timing) -> str | None:
    """The dateline's city, else ``held/met/opened in CITY`` in the first section (English: in
    the subtitle or first three paragraphs, not in a sentence about a future meeting)."""
    if when.dateline:
        return when.dateline.place
    first = outline.sections[0].paragraphs if outline.sections else []
    if outline.lang == "zh":
        m = _ZH_PLACE.search("\n".join(first))
        return m.group(1) if m else None
    for text in [*outline.meta_lines, *first[:1]]:  # "Mombasa, 4 to 5 November 2026."
        m = _PLACE_LINE.match(text)
        if m and any(d.start == 0 for d in find_dates(text[m.end():], "en", when.year)):
            return m.group("p")
    for text in [outline.subtitle or ""] + first[:3]:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            m = _EN_PLACE.search(sentence)
            if m and not _FUTURE.search(sentence):
                return m.group("p")
    return None
