"""Comparisons in English: ``1,800 delegates, up from 1,200``, ``doubled to 12 million``,
``a 28 percent increase on last year``.

The number a figure is compared with is not a fact of its own: ``up from 1,200`` becomes the
figure's ``change_pct`` (+50.0), and the 1,200 is not listed. Shares are compared in points, not
per cent (``30 percent, up from 17 percent``), so a share gets no change_pct, only a check note.
``doubled/tripled/halved to N`` give +100/+200/-50, and ``N percent increase/rise/drop`` after
a figure is that figure's change, as ``up 0.6%`` already is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefgen.ingest.found import Found

_FROM = re.compile(r"[,;]?\s*\b(?:up|down|rising|falling|compared with|against|from)\s+"
                   r"(?:from\s+)?(?:just\s+|only\s+)?$", re.IGNORECASE)
_TIMES = re.compile(r"\b(?P<verb>doubled|tripled|trebled|quadrupled|halved)\s+to\s+$",
                    re.IGNORECASE)
_TIMES_PCT = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0,
              "halved": -50.0}
_PCT_CHANGE = re.compile(r"^\s*(?:an?\s+)?(?P<dir>increase|rise|growth|jump|gain|drop|fall|"
                         r"decline|decrease|cut)\b", re.IGNORECASE)
_DOWN = ("drop", "fall", "decline", "decrease", "cut")
_FACTOR = {None: 1.0, **{v: 10.0 ** e for v, e in (("thousand", 3), ("million", 6),
                                                     ("billion", 9), ("trillion", 12))}}


def apply_comparisons(found: list[Found], sentence: str) -> list[Found]:
    """Fold comparison bases and percentage changes into the figure they compare."""
    out: list[Found] = []
    for f in found:
        before = sentence[: f.start]
        prev = out[-1] if out else None
        if prev is not None and _FROM.search(before[prev.end:]) and _comparable(prev, f) \
                and before[prev.end:].count(" ") <= 12:
            out[-1] = _with_base(prev, f)
            continue
        if f.unit == "%" and prev is not None and prev.change_pct is None and \
                _PCT_CHANGE.match(sentence[f.end:]) and "ordinal" not in prev.tags:
            down = _PCT_CHANGE.match(sentence[f.end:]).group("dir").lower() in _DOWN
            out[-1] = replace(prev, change_pct=-f.value if down else f.value)
            continue
        if (m := _TIMES.search(before)) and f.change_pct is None:
            f = replace(f, change_pct=_TIMES_PCT[m.group("verb").lower()],
                        extra={**f.extra, "compared": m.group("verb").lower()})
        out.append(f)
    return out


def _comparable(f: Found, base: Found) -> bool:
    """The base is in the figure's terms: same unit, or no unit of its own."""
    return not base.tags and (base.unit in ("", f.unit) or _head(base.unit) == _head(f.unit))


def _head(unit: str) -> str:
    return unit.split()[-1].lower() if unit.split() else ""


def _with_base(f: Found, base: Found) -> Found:
    note = f"compared with {base.text.strip()}"
    if f.unit == "%" or base.value == 0 or f.change_pct is not None:
        return replace(f, extra={**f.extra, "compared": note})
    now = f.value * _FACTOR[f.scale]
    then = base.value * _FACTOR[base.scale if base.scale else f.scale]
    change = round((now - then) / then * 100, 1)
    return replace(f, change_pct=change, extra={**f.extra, "compared": note})

