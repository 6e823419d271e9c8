"""Ids (lower-case letters, digits and hyphens, as the brief schema asks) made from free text."""

from __future__ import annotations

import re


def slug(text: str, fallback: str, limit: int = 48, whole_words: bool = True,
         shortest: int = 3) -> str:
    """An ASCII id from ``text`` (``Belt and Road Forum`` -> ``belt-and-road-forum``).

    :param limit: the longest id; a longer one is cut at the last hyphen within it if
        ``whole_words`` (no "...-cooperation-de"), else after ``limit`` characters.
    :param shortest: an id shorter than this (Chinese text gives none) becomes ``fallback``.
    """
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(s) > limit:
        head = s[:limit + 1]
        s = head.rsplit("-", 1)[0] if whole_words and "-" in head else s[:limit]
    s = s.strip("-")
    return s if len(s) >= shortest else fallback
