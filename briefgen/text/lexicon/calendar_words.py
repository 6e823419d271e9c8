"""English month and weekday names, from babel's CLDR data rather than hand-kept lists.

Dates are found in English text by name (``Oct. 18``, ``18 October 2024``, ``on Wednesday``);
every stage that looks for them (tokens, figures, the ingest's dates, the new-brief scaffold)
takes the names from here so they agree on what a month is.
"""

from __future__ import annotations

from babel.dates import get_day_names, get_month_names

_WIDE = get_month_names("wide", locale="en")
_SHORT = get_month_names("abbreviated", locale="en")

#: January ... December; ``EN_MONTH_NAMES[m - 1]`` is month ``m``.
EN_MONTH_NAMES: tuple[str, ...] = tuple(_WIDE[m] for m in range(1, 13))
#: Jan ... Dec and Sept, without the months too short to shorten (May).
EN_MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(
    _SHORT[m] for m in range(1, 13) if _SHORT[m] != _WIDE[m]) + ("Sept",)
#: Month number of every name and abbreviation, lower-cased: ``{"january": 1, "sept": 9, ...}``.
MONTH_NUMBER: dict[str, int] = {
    **{name.lower(): m for m, name in enumerate(EN_MONTH_NAMES, 1)},
    **{short.lower(): m for m, short in _SHORT.items()},
    "sept": 9,
}
#: Regex alternation of the full month names (no group, no boundaries: the caller adds them).
EN_MONTH_FULL = "|".join(EN_MONTH_NAMES)
#: Regex alternation of month names and abbreviations, longest first ("Sept" before "Sep").
EN_MONTH = "|".join(sorted((*EN_MONTH_NAMES, *EN_MONTH_ABBREVIATIONS), key=len, reverse=True))

#: Monday ... Sunday; ``EN_WEEKDAY_NAMES[d.weekday()]`` names day ``d``.
EN_WEEKDAY_NAMES: tuple[str, ...] = tuple(get_day_names("wide", locale="en")[i] for i in range(7))
#: Weekday number of every name, lower-cased, as ``date.weekday()`` counts (Monday = 0).
WEEKDAY_NUMBER: dict[str, int] = {name.lower(): i for i, name in enumerate(EN_WEEKDAY_NAMES)}
#: Regex alternation of the weekday names.
EN_WEEKDAY = "|".join(EN_WEEKDAY_NAMES)
