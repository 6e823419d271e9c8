"""A news dateline: ``SHANGHAI, Oct. 18 (Meridian Wire) --`` or ``Singapore, 25 April 2024 -``.

It opens a wire story or a press release and says where the text was filed (the event's place,
nearly always), on which day, and for which agency. The draft takes place, day and agency from
it and drops it from the paragraph, where a brief's reader would not expect it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.ingest.dates import find_dates
from briefgen.ingest.titles import title_case

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?,\s+"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)"
    r"\s*(?:\((?P<agency>[^()]{2,60})\))?\s*(?:--|—|–|-|:)\s+")


@dataclass(frozen=True)
class Dateline:
    """What a dateline says; ``month``/``day`` always, ``year`` only when written."""

    place: str
    month: int
    day: int
    year: int | None
    agency: str | None
    length: int  # characters the dateline takes at the start of its paragraph


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, or None."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    dates = find_dates(m.group("date"), "en", 2000)
    if not dates or len(dates[0].iso) != 10:
        return None
    year = re.search(r"\d{4}", m.group("date"))
    place = title_case(m.group("place").strip())
    return Dateline(place=place, month=int(dates[0].iso[5:7]), day=int(dates[0].iso[8:10]),
                    year=int(year.group(0)) if year else None,
                    agency=(m.group("agency") or "").strip() or None, length=m.end())
