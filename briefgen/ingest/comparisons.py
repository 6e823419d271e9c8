"""Comparisons in English: ``1,800 delegates, up from 1,200``, ``doubled to 12 million``,
``a 28 percent increase on last year``.

The number a figure is compared with is not a fact of its own: ``up from 1,200`` becomes the
figure's ``change_pct`` (+50.0), and the 1,200 is not listed (unless another figure stands
between them: then the base is that one's). Shares are compared in points, not
per cent (``30 percent, up from 17 percent``), so a share gets no change_pct, only a check note.
``doubled/tripled/halved to N`` give +100/+200/-50, and ``N percent increase/rise/drop`` after
a figure is that figure's change, as ``up 0.6%`` already is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefgen.ingest.found import Found

#: ``, up from 1,200`` / ``compared with 900 million dollars`` after a figure: its base.
_BASE = re.compile(r"^[^.;!?]{0,100}?\b(?:up|down|rising|falling|rose|fell) from\s+|"
                   r"^[^.;!?]{0,100}?\bcompared (?:with|to)\s+")
_BASE_NUMBER = re.compile(r"(?:just |only |some |about )?(?:US\$|\$|€|£)?"
                          r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(?P<scale>thousand|million|"
                          r"billion|trillion))?(?:\s*(?P<pct>%|percent|per cent))?")
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
    bases: set[int] = set()  # where a base number starts: not a figure of its own
    for f in found:
        if f.start in bases or any(f.start <= b < f.end for b in bases):
            continue
        prev = out[-1] if out else None
        if f.unit == "%" and prev is not None and prev.change_pct is None and \
                _PCT_CHANGE.match(sentence[f.end:]) and "ordinal" not in prev.tags:
            down = _PCT_CHANGE.match(sentence[f.end:]).group("dir").lower() in _DOWN
            out[-1] = replace(prev, change_pct=-f.value if down else f.value)
            continue
        if (m := _TIMES.search(sentence[: f.start])) and f.change_pct is None:
            f = replace(f, change_pct=_TIMES_PCT[m.group("verb").lower()],
                        extra={**f.extra, "compared": m.group("verb").lower()})
        if (m := _BASE.match(sentence[f.end:])) and (n := _BASE_NUMBER.match(
                sentence, f.end + m.end())) and not _other_figure_between(found, f, n.start()):
            bases.add(n.start())
            f = _with_base(f, float(n.group("num").replace(",", "")), n.group("scale"),
                           bool(n.group("pct")), n.group(0).strip())
        out.append(f)
    return out


def _other_figure_between(found: list[Found], f: Found, at: int) -> bool:
    """Another figure stands between ``f`` and the base: the base is that one's."""
    return any(f.end <= g.start < at for g in found if g is not f)


def _with_base(f: Found, base: float, scale: str | None, share: bool, text: str) -> Found:
    """``f`` with its change on ``base``; shares (points, not per cent) only get the note."""
    note = f"compared with {text}"
    if f.unit == "%" or share or base == 0 or f.change_pct is not None:
        return replace(f, extra={**f.extra, "compared": note})
    now = f.value * _FACTOR[f.scale]
    then = base * _FACTOR[scale if scale else f.scale]
    change = round((now - then) / then * 100, 1)
    return replace(f, change_pct=change, extra={**f.extra, "compared": note})
