"""English month and weekday names, kept once for every stage that reads or writes a date.

Dates are found in English text by name (``Oct. 18``, ``18 October 2024``, ``on Wednesday``);
every stage that looks for them (tokens, figures, sentence splitting, the ingest's dates, the
new-brief scaffold) takes the names from here so they agree on what a month is. The names are
written out rather than read from babel's CLDR data at import, which would load a locale (50 to
100 ms) on every build; ``tests/text/test_lexicon.py`` checks them against CLDR.
"""

from __future__ import annotations

#: January ... December; ``EN_MONTH_NAMES[m - 1]`` is month ``m``.
EN_MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December")
#: CLDR's abbreviations (the first three letters), without May, which is not shortened, and
#: with "Sept", common in news copy.
EN_MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(
    name[:3] for name in EN_MONTH_NAMES if name != "May") + ("Sept",)
#: Month number of every name and abbreviation, lower-cased: ``{"january": 1, "sept": 9, ...}``.
MONTH_NUMBER: dict[str, int] = {
    **{name.lower(): m for m, name in enumerate(EN_MONTH_NAMES, 1)},
    **{name[:3].lower(): m for m, name in enumerate(EN_MONTH_NAMES, 1)},
    "sept": 9,
}
#: Regex alternation of the full month names (no group, no boundaries: the caller adds them).
EN_MONTH_FULL = "|".join(EN_MONTH_NAMES)
#: Regex alternation of month names and abbreviations, longest first ("Sept" before "Sep").
EN_MONTH = "|".join(sorted((*EN_MONTH_NAMES, *EN_MONTH_ABBREVIATIONS), key=len, reverse=True))

#: Monday ... Sunday; ``EN_WEEKDAY_NAMES[d.weekday()]`` names day ``d``.
EN_WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Weekday number of every name, lower-cased, as ``date.weekday()`` counts (Monday = 0).
WEEKDAY_NUMBER: dict[str, int] = {name.lower(): i for i, name in enumerate(EN_WEEKDAY_NAMES)}
#: Regex alternation of the weekday names.
EN_WEEKDAY = "|".join(EN_WEEKDAY_NAMES)
