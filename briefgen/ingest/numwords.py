"""English numbers written as words: ``Thirty-seven heads of state``, ``twelve``, ``a hundred``.

The pattern finds a number word or a hyphenated compound; ``text2num`` (kept by Allo-Media,
used in their speech products) turns it into a value, so ``ninety-nine`` or ``one hundred
twenty`` need no table of our own. ``one`` alone is left out: ``one of the``, ``one forum``
name no amount a brief would cite.
"""

from __future__ import annotations

import re

from text_to_num import text2num

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: A number in words, longest forms first; one word or ``tens-units`` (not ``one`` alone).
NUMBER_WORDS = (rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|"
                rf"(?:{_UNITS}|a) hundred"
                rf"(?: (?:and )?(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|{_UNITS}))?|"
                r"two|three|four|five|six|seven|eight|nine|dozen)")
_WORD_RE = re.compile(rf"(?i:{NUMBER_WORDS})")


def word_value(text: str) -> float | None:
    """``"Thirty-seven"`` -> 37.0, ``"a hundred"`` -> 100.0, ``"dozen"`` -> 12.0; else None."""
    low = text.lower().strip()
    if low == "dozen":
        return 12.0
    if not _WORD_RE.fullmatch(low):
        return None
    try:
        return float(text2num(low.replace("a hundred", "one hundred"), "en"))
    except ValueError:
        return None
