"""Titles of wide (CJK) characters broken into lines of about equal length, and lines of parts
("date · place · organiser") broken between parts.

A word processor fills a line and puts the rest on the next, so a Chinese title one character
longer than a line ends with that character alone ("…第二十六次会" / "议"). Every wide character
is one em, so where Word and LibreOffice break such a title is known without measuring; the
writer puts line breaks where the lines come out about equal instead. Text with narrow
characters (Latin letters, digits) is left to the word processor: its widths depend on faces
the writer does not measure.
"""

from __future__ import annotations

import math

from briefgen.text.lexicon.script import NO_BREAK_AFTER, NO_BREAK_BEFORE, is_wide

#: A last line shorter than this share of a full one is balanced.
SHORT_LAST_LINE = 0.5


def balanced(text: str, width_pt: float, size_pt: float) -> str:
    """``text`` with a line break ("\\n") between lines of about equal length when it is all
    wide characters and the word processor's wrap would leave its last line short; else as it
    is. One character less than fits is assumed per line: the faces' spacing varies a little."""
    per_line = int(width_pt // size_pt) - 1
    if per_line < 2 or len(text) <= per_line or not all(is_wide(ch) for ch in text):
        return text
    count = math.ceil(len(text) / per_line)
    if len(text) - (count - 1) * per_line >= SHORT_LAST_LINE * per_line:
        return text
    lines, start = [], 0
    for n in range(1, count):
        end = math.ceil(len(text) * n / count)  # the first lines take the odd character
        while start < end < len(text) - 1 and not _breakable(text, end):
            end += 1  # a closing mark stays with the character before it
        lines.append(text[start:end])
        start = end
    lines.append(text[start:])
    return "\n".join(lines) if all(len(line) <= per_line for line in lines) else text


def _breakable(text: str, at: int) -> bool:
    """Whether a line may end before ``text[at]``."""
    return text[at] not in NO_BREAK_BEFORE and text[at - 1] not in NO_BREAK_AFTER


#: Width of a narrow character (Latin letters, digits, spaces) in ems, leaning wide.
NARROW_EM = 0.6


def between_parts(parts: list[str], separator: str, width_pt: float, size_pt: float) -> str:
    """``parts`` joined by ``separator``, with a line break between two parts where the whole
    would not fit on one line (estimated: a wide character one em, others :data:`NARROW_EM`),
    so the word processor does not break inside the last part ("…吉尔吉斯共和国政" / "府")."""
    joined = separator.join(parts)
    if len(parts) < 2 or _ems(joined) * size_pt <= width_pt:
        return joined
    first = 1
    while first < len(parts) - 1 and _ems(separator.join(parts[: first + 1])) * size_pt <= width_pt:
        first += 1
    return separator.join(parts[:first]) + "\n" + separator.join(parts[first:])


def _ems(text: str) -> float:
    return sum(1.0 if is_wide(ch) else NARROW_EM for ch in text)
