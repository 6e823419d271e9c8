"""Source notes -> sources: ``（来源：新华社，科技日报，2017年5月15日）``,
``Source: Xinhua, 15 May 2017``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.ingest.clean import SOURCE_NOTE
from briefgen.ingest.dates import find_dates


@dataclass(frozen=True)
class SourceNote:
    """Names cited by one note, and the date it gives (ISO day), if any."""

    names: tuple[str, ...]
    date: str | None


def parse_note(text: str, lang: str) -> SourceNote:
    """Split a source note or a sources-list line into publisher names and a date."""
    body = SOURCE_NOTE.sub("", text.strip()).strip().rstrip("）)").strip()
    body = re.sub(r"^\[\d+\]\s*|^\d+[.)]\s*", "", body)
    dates = [d for d in find_dates(body, lang, None) if len(d.iso) == 10]
    date = dates[-1].iso if dates else None
    if dates:
        body = body[: dates[-1].start] + body[dates[-1].end:]
    parts = re.split(r"[，,、；;]|\s+and\s+|\t", body)
    names = tuple(dict.fromkeys(p.strip(" .。") for p in parts if _is_name(p.strip(" .。"))))
    return SourceNote(names, date)


def _is_name(text: str) -> bool:
    return bool(text) and len(text) <= 120 and not re.fullmatch(r"[\d\s年月日.-]*", text)
