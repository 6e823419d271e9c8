"""Drawing chart pictures with matplotlib (Agg, no pyplot).

Imported lazily by :mod:`briefgen.charts.render`; importing this module imports matplotlib.
Every picture is a :class:`~matplotlib.figure.Figure` on its own ``FigureCanvasAgg``, so no
pyplot state is shared between pictures. Style settings are applied in an ``rc_context`` under a
lock and restored afterwards.

The CJK face is the Simplified Chinese face of the Noto Sans CJK collection shipped by the
``noto-cjk-sans-otc`` wheel. It is registered once per process under a private family alias that
points at that exact file and face, so a system-wide Noto CJK install cannot change the pixels and
a machine without one draws the same pictures.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Sequence
from typing import BinaryIO

import matplotlib
from matplotlib import font_manager, ft2font, patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, MaxNLocator

from briefgen.charts.style import (
    AXIS_COLOUR,
    DPI,
    FIG_SIZE_IN,
    GRID_COLOUR,
    MUTED_COLOUR,
    PALETTE,
    TEXT_COLOUR,
)
from briefgen.fonts import CJK_FAMILY, CJK_TTC_INDEX_SC, cjk_font_path
from briefgen.plan.model import ChartSpec, TimelineItem
from briefgen.text.lexicon.script import NO_BREAK_AFTER, NO_BREAK_BEFORE, is_wide

#: Family name under which the wheel's SC face is registered (see module docstring).
CJK_ALIAS = "briefgen Noto Sans CJK SC"
#: Font fallback list: CJK face first (it has Latin too), DejaVu Sans (bundled) for the rest.
FONT_FAMILY = [CJK_ALIAS, "DejaVu Sans"]

_LOCK = threading.RLock()
_fonts_ready = False

_BASE_SIZE = 11.0  # pt, tick and category labels
_VALUE_SIZE = 10.0  # pt, value labels

_RC = {
    "font.family": FONT_FAMILY,
    "font.size": _BASE_SIZE,
    "text.parse_math": False,  # "US$5 and $3" is text, not mathtext
    "text.color": TEXT_COLOUR,
    "axes.edgecolor": AXIS_COLOUR,
    "axes.linewidth": 0.8,
    "axes.labelcolor": MUTED_COLOUR,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
    "axes.titlecolor": MUTED_COLOUR,
    "axes.titlesize": _VALUE_SIZE,
    "xtick.color": AXIS_COLOUR,
    "xtick.labelcolor": TEXT_COLOUR,
    "ytick.color": AXIS_COLOUR,
    "ytick.labelcolor": MUTED_COLOUR,
    "xtick.labelsize": _BASE_SIZE,
    "ytick.labelsize": _VALUE_SIZE,
    "legend.frameon": False,
    "legend.fontsize": _VALUE_SIZE,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}


# --------------------------------------------------------------------------- fonts


def ensure_fonts() -> None:
    """Register the wheel's Noto Sans CJK collection with matplotlib, once per process."""
    global _fonts_ready
    if _fonts_ready:
        return
    with _LOCK:
        if _fonts_ready:
            return
        path = os.fsdecode(cjk_font_path())
        face = ft2font.FT2Font(path, face_index=CJK_TTC_INDEX_SC)
        entry = font_manager.ttfFontProperty(face)
        if entry.name != CJK_FAMILY:
            raise RuntimeError(f"face {CJK_TTC_INDEX_SC} of {path} is {entry.name!r}, "
                               f"not {CJK_FAMILY!r}")
        manager = font_manager.fontManager
        manager.ttflist.append(dataclasses.replace(entry, name=CJK_ALIAS))
        manager.addfont(path)  # all faces under their own names; also clears the lookup cache
        _fonts_ready = True


# --------------------------------------------------------------------------- text helpers


def _em(ch: str) -> float:
    """Rough advance of one character in em: wide East Asian characters 1, others about 0.55."""
    return 1.0 if is_wide(ch) else 0.56


def _tokens(text: str) -> list[str]:
    """Break points: each wide character alone, Latin words whole, punctuation kept with its
    neighbour (no line starts with a closing mark or ends with an opening one)."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ch.isspace():
            if word:
                out.append(word)
                word = ""
            out.append(" ")
        elif _em(ch) == 1.0:
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    merged: list[str] = []
    for tok in out:
        if merged and merged[-1] != " " and (tok[0] in NO_BREAK_BEFORE or merged[-1][-1] in
                                               NO_BREAK_AFTER) and tok != " ":
            merged[-1] += tok
        else:
            merged.append(tok)
    return merged


def _wrap_lines(text: str, max_em: float) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        line, width = "", 0.0
        for tok in _tokens(para):
            w = sum(_em(c) for c in tok)
            if tok == " ":
                if line:
                    line, width = line + " ", width + w
                continue
            if line and width + w > max_em:
                lines.append(line.rstrip())
                line, width = "", 0.0
            line, width = line + tok, width + w
        lines.append(line.rstrip())
    return lines


def wrap(text: str, max_em: float, max_lines: int | None = None, balance: bool = True) -> str:
    """Wrap ``text`` (Chinese or English) to lines of at most ``max_em`` em.

    With ``balance`` the lines are evened out (no one-character last line); after ``max_lines``
    the text is cut with an ellipsis. Existing line breaks are kept.
    """
    lines = _wrap_lines(text, max_em)
    if balance and len(lines) > 1 and (max_lines is None or len(lines) <= max_lines):
        width = max_em
        while width > 1.0 and len(_wrap_lines(text, width - 0.5)) == len(lines):
            width -= 0.5
        lines = _wrap_lines(text, width)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and sum(_em(c) for c in last) + 1 > max_em:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return "\n".join(lines)


def _fmt_number(v: float, grouped: bool) -> str:
    """Plain value label where the plan gave none; minus sign as on the axis (U+2212)."""
    sep = "," if grouped else ""
    text = f"{int(v):{sep}}" if float(v).is_integer() else f"{v:{sep}.2f}".rstrip("0").rstrip(".")
    return text.replace("-", "\N{MINUS SIGN}")


def _value_labels(spec: ChartSpec, i: int, values: Sequence[float]) -> list[str]:
    """Formatted value labels of series ``i``; plain numbers where the plan gave none."""
    given = spec.value_labels[i] if i < len(spec.value_labels) else ()
    return [given[j] if j < len(given) else _fmt_number(v, spec.grouped)
            for j, v in enumerate(values)]


class _PlainFormatter(Formatter):
    """Axis numbers as the value labels write them: no offset or exponent, thousands
    separators where the plan says so, the same number of decimals on every tick, U+2212
    minus."""

    decimals = 0

    def __init__(self, grouped: bool) -> None:
        self.separator = "," if grouped else ""

    def set_locs(self, locs):
        super().set_locs(locs)
        for d in range(7):
            if all(abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v)) for v in locs):
                break
        self.decimals = d

    def __call__(self, x, pos=None):
        text = f"{x:{self.separator}.{self.decimals}f}"
        if float(text.replace(",", "")) == 0:
            text = text.lstrip("-")
        return text.replace("-", "\N{MINUS SIGN}")


# --------------------------------------------------------------------------- validation


def _check(spec: ChartSpec) -> None:
    if spec.kind not in ("bar", "line", "pie", "timeline"):
        raise ValueError(f"chart {spec.id!r}: unknown kind {spec.kind!r}")
    if spec.kind == "timeline":
        return
    if not spec.series or not spec.categories:
        raise ValueError(f"chart {spec.id!r}: a {spec.kind} chart needs categories and series")
    for s in spec.series:
        if len(s.values) != len(spec.categories):
            raise ValueError(f"chart {spec.id!r}: series {s.name!r} has {len(s.values)} values "
                             f"for {len(spec.categories)} categories")
    if spec.kind == "pie":
        if len(spec.series) != 1:
            raise ValueError(f"chart {spec.id!r}: a pie chart draws exactly one series")
        values = spec.series[0].values
        if any(v < 0 for v in values) or sum(values) <= 0:
            raise ValueError(f"chart {spec.id!r}: pie values must be >= 0 with a positive sum")


# --------------------------------------------------------------------------- the kinds


def _style_value_axis(ax, spec: ChartSpec) -> None:
    ax.yaxis.grid(True, color=GRID_COLOUR, linewidth=0.8)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.yaxis.set_major_formatter(_PlainFormatter(spec.grouped))
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", length=0, pad=6)
    ax.spines["left"].set_visible(False)
    if spec.unit_line:
        ax.set_title(spec.unit_line, loc="left", pad=10)


def _category_ticks(ax, spec: ChartSpec) -> None:
    n = len(spec.categories)
    max_em = max(4.0, 0.9 * (FIG_SIZE_IN[0] - 0.8) * 72 / _BASE_SIZE / n)
    ax.set_xticks(range(n), [wrap(c, max_em, max_lines=3) for c in spec.categories])


def _legend(ax, spec: ChartSpec) -> None:
    if len(spec.series) > 1:
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=len(spec.series),
                  borderaxespad=0.2, handlelength=1.2, columnspacing=1.2)


def _draw_bar(fig: Figure, spec: ChartSpec) -> None:
    ax = fig.add_subplot()
    n_series = len(spec.series)
    group = 0.62 if n_series == 1 else 0.8
    width = group / n_series
    for i, s in enumerate(spec.series):
        offset = (i - (n_series - 1) / 2) * width
        xs = [x + offset for x in range(len(s.values))]
        colour = PALETTE[i % len(PALETTE)]
        bars = ax.bar(xs, s.values, width * (0.9 if n_series > 1 else 1.0), color=colour,
                      label=s.name, zorder=2)
        size = _VALUE_SIZE if n_series <= 2 else _VALUE_SIZE - 1
        ax.bar_label(bars, labels=_value_labels(spec, i, s.values), padding=3, fontsize=size,
                     color=TEXT_COLOUR)
    ax.axhline(0, color=AXIS_COLOUR, linewidth=0.8, zorder=3)
    ax.margins(x=0.04, y=0.14)
    _style_value_axis(ax, spec)
    _category_ticks(ax, spec)
    _legend(ax, spec)


def _draw_line(fig: Figure, spec: ChartSpec) -> None:
    ax = fig.add_subplot()
    n_points = len(spec.categories)
    label_all = n_points <= 12 and len(spec.series) <= 3
    halo = patheffects.withStroke(linewidth=3, foreground="white")
    for i, s in enumerate(spec.series):
        colour = PALETTE[i % len(PALETTE)]
        xs = range(len(s.values))
        ax.plot(xs, s.values, color=colour, linewidth=2.2, marker="o", markersize=5,
                label=s.name, zorder=3)
        labels = _value_labels(spec, i, s.values)
        points = range(n_points) if label_all else [n_points - 1]
        for j in points:
            ax.annotate(labels[j], (j, s.values[j]), textcoords="offset points", xytext=(0, 7),
                        ha="center", va="bottom", fontsize=_VALUE_SIZE - (i > 0),
                        color=colour if len(spec.series) > 1 else TEXT_COLOUR,
                        path_effects=[halo], zorder=4)
    ax.margins(x=0.06, y=0.18)
    low = min(min(s.values) for s in spec.series)
    high = max(max(s.values) for s in spec.series)
    if 0 <= low <= 0.5 * high:  # start at zero unless that would flatten the line
        ax.set_ylim(bottom=0)
    _style_value_axis(ax, spec)
    _category_ticks(ax, spec)
    _legend(ax, spec)


def _draw_pie(fig: Figure, spec: ChartSpec) -> None:
    ax = fig.add_subplot()
    values = spec.series[0].values
    shown = _value_labels(spec, 0, values)
    labels = [f"{wrap(cat, 12, max_lines=2)}\n{text}{share}"
              for cat, text, share in zip(spec.categories, shown, spec.share_labels)]
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(values))]
    if len(values) > len(PALETTE) and len(values) % len(PALETTE) == 1:
        colours[-1] = PALETTE[1]  # first and last slice touch: keep them apart
    ax.pie(values, labels=labels, colors=colours, startangle=90, counterclock=False,
           labeldistance=1.12, radius=1.0,
           wedgeprops={"edgecolor": "white", "linewidth": 1.5},
           textprops={"fontsize": _VALUE_SIZE, "color": TEXT_COLOUR, "linespacing": 1.3})
    ax.set_aspect("equal")


def _timeline_items(spec: ChartSpec, timeline: Sequence[TimelineItem]) -> list[tuple[str, str]]:
    if timeline:
        return [(t.date or t.year, t.label) for t in timeline]
    if spec.categories:  # a plan may carry the milestones as categories
        return [("", c) for c in spec.categories]
    raise ValueError(f"chart {spec.id!r}: a timeline chart needs timeline items")


def _draw_timeline(fig: Figure, spec: ChartSpec, timeline: Sequence[TimelineItem]) -> None:
    items = _timeline_items(spec, timeline)
    n = len(items)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_ylim(-1.0, 1.0)
    ax.plot([-0.5, n - 0.5], [0, 0], color=PALETTE[0], linewidth=2.5, solid_capstyle="butt",
            zorder=1)
    label_size = _VALUE_SIZE if n <= 8 else _VALUE_SIZE - 1
    slot_em = (FIG_SIZE_IN[0] - 0.6) * 72 / label_size / n
    # Labels alternate above and below the line, so each may use almost two slots.
    max_em = min(14.0, max(4.0, (1.8 if n > 1 else 1.0) * slot_em))
    for i, (date, label) in enumerate(items):
        up = i % 2 == 0
        sign, va = (1, "bottom") if up else (-1, "top")
        ax.plot([i, i], [0, sign * 0.12], color=AXIS_COLOUR, linewidth=1, zorder=1)
        ax.plot([i], [0], marker="o", markersize=9, markerfacecolor="white",
                markeredgecolor=PALETTE[2 if i == n - 1 else 0], markeredgewidth=2.4, zorder=3)
        gap = 0
        if date:
            ax.annotate(date, (i, sign * 0.12), textcoords="offset points",
                        xytext=(0, sign * 4), ha="center", va=va, fontsize=_BASE_SIZE,
                        color=PALETTE[0])
            gap = _BASE_SIZE * 1.5
        ax.annotate(wrap(label, max_em, max_lines=4), (i, sign * 0.12),
                    textcoords="offset points", xytext=(0, sign * (4 + gap)), ha="center",
                    va=va, fontsize=label_size, color=TEXT_COLOUR, linespacing=1.35)


# --------------------------------------------------------------------------- entry point


def draw_png(spec: ChartSpec, timeline: Sequence[TimelineItem], out: BinaryIO) -> None:
    """Draw ``spec`` as a PNG of :data:`~briefgen.charts.style.PIXEL_SIZE` into ``out``.

    No title and no source line: the writers set caption and source as text.

    :raises ValueError: if the spec cannot be drawn (no data, series and categories of different
        length, a pie with several series or negative values, a timeline without items).
    """
    _check(spec)
    ensure_fonts()
    with _LOCK, matplotlib.rc_context(_RC):
        fig = Figure(figsize=FIG_SIZE_IN, dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)
        fig.get_layout_engine().set(w_pad=0.12, h_pad=0.1)
        if spec.kind == "bar":
            _draw_bar(fig, spec)
        elif spec.kind == "line":
            _draw_line(fig, spec)
        elif spec.kind == "pie":
            _draw_pie(fig, spec)
        else:
            _draw_timeline(fig, spec, timeline)
        fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
