"""Hypothesis strategies: valid briefs as plain data, and mutations that make them invalid.

A valid brief mixes what real briefs hold and what breaks naive code: Chinese, emoji, Arabic and
Hebrew (right to left), combining marks and bidi controls, words hundreds of letters long,
values from 1e-9 to 1e15 with every scale, negative figures and changes, random tags, and
anything from one section to two hundred (large briefs are drawn rarely, to keep CI quick).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from briefgen.load.glyphs import undrawable

ID = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,15}\Z")
TAGS = ["news", "trade", "background", "finance", "aid", "connectivity", "communique",
        "headline", "key", "culture"]
SCALES = [None, "万", "亿", "万亿", "thousand", "million", "billion", "trillion"]
UNITS = ["", "%", "元", "美元", "个国家", "名", "yuan", "km", "people", "TEU", "😀"]


def _chars(lo: int, hi: int) -> st.SearchStrategy[str]:
    return st.characters(min_codepoint=lo, max_codepoint=hi)


#: Word alphabets: CJK, Latin, Arabic, Hebrew, emoji, and (rarely) almost anything printable.
_WORD = st.one_of(
    st.text(_chars(0x4E00, 0x9FFF), min_size=1, max_size=6),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), min_size=1,
            max_size=12),
    st.text(_chars(0x0621, 0x064A), min_size=1, max_size=8),
    st.text(_chars(0x05D0, 0x05EA), min_size=1, max_size=8),
    st.text(_chars(0x1F300, 0x1FAFF), min_size=1, max_size=3),
    st.sampled_from(["6.3万亿", "1,234.5", "130多", "—", "“一带一路”", "R&D", "<b>", "&amp;",
                     "{{ n }}", "{PAGE}", "e\u0301", "\u202eRLO", "\u200d", "\ufeff", "x\ty",
                     "%s", "\\", "'", '"', "''", "null", "yes", "~", "#", "- a", ": b"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
            max_size=6).filter(lambda s: s.strip() != ""),
    st.tuples(st.sampled_from(["a", "长", "ab", "🙂"]), st.integers(60, 300)).map(
        lambda t: t[0] * t[1]),  # one very long word
)
_END = st.sampled_from(["。", "！", "？", ".", "!", "?", "；", "", "…"])


@st.composite
def sentence(draw: st.DrawFn, lang: str, max_chars: int = 400) -> str:
    words = draw(st.lists(_WORD, min_size=1, max_size=8))
    text = ("" if lang == "zh" else " ").join(words)[: max_chars - 1] + draw(_END)
    return text if text.strip() else "x"


def line(lang: str, max_chars: int) -> st.SearchStrategy[str]:
    """Short text that survives whitespace stripping and stays under ``max_chars``."""
    return sentence(lang, max_chars).map(lambda s: ("a" + s)[:max_chars].strip() or "a")


@st.composite
def paragraph(draw: st.DrawFn, lang: str) -> str:
    sentences = draw(st.lists(sentence(lang), min_size=1, max_size=4))
    return ("" if lang == "zh" else " ").join(sentences)


def value() -> st.SearchStrategy[float]:
    magnitude = st.one_of(st.floats(1e-9, 1e15), st.integers(0, 10**15).map(float),
                          st.sampled_from([1e-9, 1e15, 0.5, 1.0, 130.0]))
    return st.tuples(magnitude, st.booleans()).map(lambda t: -t[0] if t[1] else t[0])


def day() -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


def partial_date() -> st.SearchStrategy[str]:
    return day().flatmap(lambda d: st.sampled_from([f"{d:%Y}", f"{d:%Y-%m}", d.isoformat()]))


def section_count() -> st.SearchStrategy[int]:
    """Mostly 1-5 sections; one draw in twenty is a large brief of 20-200."""
    return st.integers(0, 19).flatmap(
        lambda r: st.integers(20, 200) if r == 0 else st.integers(1, 5))


@st.composite
def briefs(draw: st.DrawFn, max_sections: int | None = None) -> dict[str, Any]:
    """A valid brief as the dict ``yaml.safe_dump`` writes to brief.yaml."""
    lang = draw(st.sampled_from(["zh", "en"]))
    start = draw(day())
    n_sections = draw(section_count())
    if max_sections is not None:
        n_sections = min(n_sections, max_sections)
    # One drawn prefix per collection; ids are unique within a collection, as the schema asks.
    pre = {k: draw(ID) for k in ("source", "figure", "chart", "quote", "section")}

    def ids(kind: str, n: int) -> list[str]:
        return [f"{pre[kind]}{k}" for k in range(n)]

    source_ids = ids("source", draw(st.integers(1, 4)))
    sources = [{"id": i, "name": draw(line(lang, 300)),
                **({"date": draw(day())} if draw(st.booleans()) else {}),
                **({"url": "https://example.org/" + i} if draw(st.booleans()) else {})}
               for i in source_ids]
    figures = []
    for i in ids("figure", draw(st.integers(0, 8))):
        fig: dict[str, Any] = {"id": i, "label": draw(line(lang, 200)), "value": draw(value()),
                               "unit": draw(st.sampled_from(UNITS)),
                               "source": draw(st.sampled_from(source_ids)),
                               "tags": draw(st.lists(st.sampled_from(TAGS), max_size=3))}
        scale = draw(st.sampled_from(SCALES))
        if scale:
            fig["scale"] = scale
        if draw(st.booleans()):
            fig["change_pct"] = draw(st.floats(-1e6, 1e6))
        if draw(st.booleans()):
            fig["qualifier"] = draw(st.sampled_from(["more_than", "over", "nearly", "about"]))
        if draw(st.booleans()):
            fig["period"] = draw(st.sampled_from(["2016", "2013-2016", "2017年1-4月", "FY24"]))
        figures.append(fig)
    # Timeline labels are drawn into the timeline chart picture: only characters a chart font
    # has (the loader refuses others with a located message; see test_error_corpus).
    timeline = [{"date": draw(partial_date()),
                 "label": draw(line(lang, 120).filter(lambda t: not undrawable(t))),
                 **({"detail": draw(line(lang, 500))} if draw(st.booleans()) else {})}
                for _ in range(draw(st.integers(0, 8)))]
    charts = [draw(chart(i, lang, figures, source_ids, bool(timeline)))
              for i in ids("chart", draw(st.integers(0, 4)))]
    quotes = [{"id": i, "text": draw(line(lang, 2000)), "speaker": draw(line(lang, 200)),
               "source": draw(st.sampled_from(source_ids))}
              for i in ids("quote", draw(st.integers(0, 3)))]
    fig_ids = [f["id"] for f in figures]
    chart_ids = [c["id"] for c in charts]
    quote_ids = [q["id"] for q in quotes]
    section_ids = ids("section", n_sections)
    sections = []
    for k, sid in enumerate(section_ids):
        big = k >= 5  # keep large briefs' extra sections cheap to draw
        sections.append({
            "id": sid, "title": draw(line(lang, 200)),
            "tags": draw(st.lists(st.sampled_from(TAGS), max_size=3)),
            "paragraphs": draw(st.lists(paragraph(lang), min_size=1, max_size=1 if big else 3)),
            "key_points": draw(st.lists(line(lang, 120), max_size=0 if big else 3)),
            "figures": draw(st.lists(st.sampled_from(fig_ids), max_size=4, unique=True))
            if fig_ids else [],
            "charts": draw(st.lists(st.sampled_from(chart_ids), max_size=2, unique=True))
            if chart_ids else [],
            "quotes": draw(st.lists(st.sampled_from(quote_ids), max_size=2, unique=True))
            if quote_ids else [],
            "sources": draw(st.lists(st.sampled_from(source_ids), max_size=2, unique=True)),
        })
    meta: dict[str, Any] = {
        "id": draw(ID), "title": draw(line(lang, 200)), "language": lang,
        "dates": {"start": start, "end": start + dt.timedelta(days=draw(st.integers(0, 30)))},
        "place": draw(line(lang, 200)), "organiser": draw(line(lang, 200)),
        "published": draw(day()),
        "keywords": draw(st.lists(line(lang, 30), max_size=12)),
    }
    if draw(st.booleans()):
        meta["subtitle"] = draw(line(lang, 255))
    if draw(st.booleans()):
        meta["about"] = draw(line(lang, 2000))
    participants = [{"name": draw(line(lang, 200)),
                     **({"role": draw(line(lang, 200))} if draw(st.booleans()) else {}),
                     **({"figure": draw(st.sampled_from(fig_ids))} if fig_ids and draw(
                         st.booleans()) else {})}
                    for _ in range(draw(st.integers(0, 3)))]
    photos = [{"caption": draw(line(lang, 300)),
               **({"section": draw(st.sampled_from(section_ids))} if draw(st.booleans()) else {})}
              for _ in range(draw(st.integers(0, 2)))]
    brief = {"meta": meta, "sections": sections, "figures": figures, "charts": charts,
             "quotes": quotes, "timeline": timeline, "participants": participants,
             "photos": photos, "sources": sources}
    return {k: v for k, v in brief.items() if v or k in ("meta", "sections", "sources")}


@st.composite
def chart(draw: st.DrawFn, cid: str, lang: str, figures: list[dict[str, Any]],
          source_ids: list[str], has_timeline: bool) -> dict[str, Any]:
    kinds = ["bar", "line", "pie", "kpi"] + (["timeline"] if has_timeline else [])
    kind = draw(st.sampled_from(kinds))
    out: dict[str, Any] = {"id": cid, "kind": kind, "title": draw(line(lang, 200)),
                           "tags": draw(st.lists(st.sampled_from(TAGS), max_size=2))}
    if draw(st.booleans()):
        out["source"] = draw(st.sampled_from(source_ids))
    if kind == "timeline":
        return out
    use_figures = figures and draw(st.booleans())
    if use_figures:
        first = draw(st.sampled_from(figures))
        same = [f for f in figures if (f["unit"], f.get("scale")) == (first["unit"],
                                                                      first.get("scale"))]
        if kind == "pie":
            same = [f for f in same if f["value"] >= 0]
            if not any(f["value"] > 0 for f in same):
                out["kind"] = kind = "bar"
                same = [f for f in figures if (f["unit"], f.get("scale")) == (
                    first["unit"], first.get("scale"))]
        chosen = draw(st.lists(st.sampled_from(same), min_size=1, max_size=6,
                               unique_by=lambda f: f["id"]))
        out["figures"] = [f["id"] for f in chosen]
        return out
    n = draw(st.integers(1, 8))
    out["categories"] = draw(st.lists(line(lang, 40), min_size=n, max_size=n))
    n_series = 1 if kind == "pie" else draw(st.integers(1, 3))
    series = []
    for _ in range(n_series):
        values = draw(st.lists(value(), min_size=n, max_size=n))
        if kind == "pie":
            values = [abs(v) for v in values]
            if not sum(values) > 0:
                values[0] = 1.0
        series.append({"name": draw(line(lang, 100)), "values": values})
    out["series"] = series
    if draw(st.booleans()):
        out["unit"] = draw(st.sampled_from(UNITS))
    return out


# --------------------------------------------------------------------------- mutations

Mutation = Callable[[dict[str, Any]], str]

REQUIRED = {
    "brief": ["meta", "sections", "sources"],
    "meta": ["id", "title", "language", "dates", "place", "organiser", "published"],
    "sections": ["id", "title", "paragraphs"],
    "figures": ["id", "label", "value", "source"],
    "charts": ["id", "kind", "title"],
    "quotes": ["id", "text", "speaker", "source"],
    "timeline": ["date", "label"],
    "sources": ["id", "name"],
    "participants": ["name"],
    "photos": ["caption"],
}
#: Field -> values of a type pydantic will not coerce into it.
WRONG = {
    "text": [5, 1.5, True, ["a"], {"a": 1}],
    "number": ["many", [1], {"v": 1}, True, "1e5x"],
    "list": ["a, b", 5, {"a": 1}],
    "date": ["yesterday", 2017, [2017], "2017-13-01"],
}
FIELDS = {
    ("meta", "title"): "text", ("meta", "place"): "text", ("meta", "published"): "date",
    ("meta", "keywords"): "list", ("sections", "title"): "text", ("sections", "paragraphs"): "list",
    ("sections", "figures"): "list", ("figures", "value"): "number", ("figures", "label"): "text",
    ("figures", "change_pct"): "number", ("quotes", "text"): "text", ("sources", "name"): "text",
    ("charts", "title"): "text", ("timeline", "label"): "text",
}
CONTROL = [chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]]


def _items(brief: dict[str, Any], key: str) -> list[dict[str, Any]]:
    if key == "brief":
        return [brief]
    return [brief[key]] if key == "meta" else brief.get(key, [])


@st.composite
def invalid_briefs(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid brief with one mutation that makes it invalid, and what the mutation was."""
    brief = copy.deepcopy(draw(briefs(max_sections=5)))
    kind = draw(st.sampled_from(["delete", "wrong-type", "dangling", "duplicate", "control"]))
    if kind == "delete":
        key = draw(st.sampled_from([k for k in REQUIRED if _items(brief, k)]))
        item = draw(st.sampled_from(_items(brief, key)))
        field = draw(st.sampled_from(REQUIRED[key]))
        del item[field]
        return brief, f"delete {key}.{field}"
    if kind == "wrong-type":
        (key, field), sort = draw(st.sampled_from(
            [kf for kf in FIELDS.items() if _items(brief, kf[0][0])]))
        item = draw(st.sampled_from(_items(brief, key)))
        item[field] = draw(st.sampled_from(WRONG[sort]))
        return brief, f"wrong type {key}.{field} = {item[field]!r}"
    if kind == "dangling":
        ghost = "ghost-" + draw(ID) + "-x"  # drawn ids are prefix + number: never this
        targets = [("sections", "figures"), ("sections", "sources"), ("sections", "charts"),
                   ("sections", "quotes"), ("figures", "source"), ("quotes", "source"),
                   ("photos", "section"), ("participants", "figure"), ("charts", "figures")]
        key, field = draw(st.sampled_from([t for t in targets if _items(brief, t[0])]))
        item = draw(st.sampled_from(_items(brief, key)))
        if field in ("figures", "sources", "charts", "quotes"):
            item[field] = [*item.get(field, []), ghost]
        else:
            item[field] = ghost
        return brief, f"dangling {key}.{field} -> {ghost}"
    if kind == "duplicate":
        key = draw(st.sampled_from([k for k in ("sections", "figures", "charts", "quotes",
                                                "sources") if brief.get(k)]))
        items = brief[key]
        twin = copy.deepcopy(draw(st.sampled_from(items)))
        items.insert(draw(st.integers(0, len(items))), twin)
        return brief, f"duplicate {key} id {twin['id']}"
    char = draw(st.sampled_from(CONTROL))
    holders = [(k, f) for k, fields in {"meta": ["title", "place", "organiser"],
                                        "sections": ["title"], "sources": ["name"],
                                        "figures": ["label"], "quotes": ["text"]}.items()
               if _items(brief, k) for f in fields]
    key, field = draw(st.sampled_from(holders))
    item = draw(st.sampled_from(_items(brief, key)))
    at = draw(st.integers(0, len(item[field])))
    item[field] = item[field][:at] + char + item[field][at:]
    return brief, f"control U+{ord(char):04X} in {key}.{field}"
