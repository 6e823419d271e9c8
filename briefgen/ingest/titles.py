"""English titles: ALL-CAPS lines told apart and put in title case.

A PDF or press release often sets its title in capitals (``THIRD FORUM ON DIGITAL TRADE``); a
brief's title is printed in the profile's own style, so the draft carries it in title case:
every word capitalised except short function words after the first, words with digits kept as
written, and acronyms (no vowel, or a known short one such as UN, EU, US) kept in capitals.
The draft marks the title ``# check: title (was in capitals)``, since a name's own casing
(``iPhone``, ``McKinsey``) cannot be known from capitals.
"""

from __future__ import annotations

import re

_SMALL = frozenset("a an the and or but nor of in on at to for by with from as via vs per".split())
_ACRONYMS = frozenset("UN EU US UK USA UAE ASEAN APEC OECD WTO WHO IMF G7 G20 BRICS NATO CEO "
                      "AI ICT GDP SME SMES NGO NGOS ESG COP".split())


def is_capitals(text: str) -> bool:
    """An English line in capitals only: at least four letters, all ASCII upper case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() and c.isascii() for c in letters)


def title_case(text: str) -> str:
    """``FACT SHEET: CORAL TRIANGLE OCEAN CONFERENCE 2022`` -> ``Fact Sheet: Coral Triangle
    Ocean Conference 2022``; text that is not all capitals is returned as it is."""
    if not is_capitals(text):
        return text
    words = text.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        out.append(_word(word, first=i == 0 or out[-1].endswith((":", "-", "—"))))
    return " ".join(out)


def _word(word: str, first: bool) -> str:
    core = re.sub(r"[^A-Za-z0-9]", "", word)
    if not core or any(c.isdigit() for c in core) or core in _ACRONYMS or (
            len(core) > 1 and not re.search(r"[AEIOUY]", core)):
        return word
    if core.lower() in _SMALL and not first:
        return word.lower()
    parts = word.split("-")
    return "-".join(part.lower() if j and part.lower() in _SMALL else part[:1] + part[1:].lower()
                    for j, part in enumerate(parts))
