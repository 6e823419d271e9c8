"""Outline -> draft brief: meta, sources, sections, figures, quotes, timeline, photos, charts.

The result is plain data in the order ``brief.yaml`` lists it, with the notes a person needs
(``Note``): the sentence each figure came from, and ``check:`` marks on every guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.ids import slug
from briefgen.ingest.chart_proposals import ChartFigure, ChartProposal, propose
from briefgen.ingest.dates import find_dates
from briefgen.ingest.figures import ZH_CURRENCIES, Found, find_figures
from briefgen.ingest.labels import label_for
from briefgen.ingest.quotes import find_english_quotes, find_quotes
from briefgen.ingest.sources import parse_note
from briefgen.ingest.structure import Outline
from briefgen.ingest.tags import figure_tags, section_tags
from briefgen.ingest.when import Timing, event_dates, event_place, timing
from briefgen.text.segment import sentences

_MAX = {"title": 200, "paragraph": 100_000, "quote": 2000, "about": 2000, "label": 120,
        "detail": 500}
_TBD = {"zh": "（待核实）", "en": "to be confirmed"}


@dataclass
class Note:
    """A value with YAML comments: lines before it, and one at the end of its line."""

    value: Any
    before: list[str] = field(default_factory=list)
    after: str | None = None


@dataclass
class _Fig:
    found: Found
    section: str
    source: str
    period: str | None
    summary: bool  # from a bullet, table row or figures table, not body text
    id: str = ""
    label: str = ""
    unit: str = ""
    checks: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # proposed tags (tags.figure_tags)


def brief_id(outline: Outline, path: Path, start: dt.date) -> str:
    """From the title; a Chinese title gives the file name, or ``brief-<date>``."""
    if outline.lang == "en":
        return slug(outline.title, f"brief-{start.isoformat()}")
    return slug(path.stem, f"brief-{start.isoformat()}")


def assemble(outline: Outline, path: Path) -> dict[str, Any]:
    """The draft brief as ordered data with Notes, ready for ``draft.to_yaml``."""
    lang = outline.lang
    when = timing(outline, path)
    sources, section_sources = _sources(outline, path, lang, when)
    section_ids = _section_ids(outline)
    figs = _figures(outline, lang, when, section_ids, section_sources)
    quotes = _quotes(outline, lang, section_ids, section_sources)
    timeline = _timeline(outline, lang, when, sources[0]["id"])
    charts = propose([ChartFigure(f.id, f.section, f.found.value, f.found.scale, f.unit,
                                  f.found.noun, f.found.tags) for f in figs], bool(timeline))
    start, end, date_check = event_dates(outline, when)
    meta = _meta(outline, path, lang, start, end, date_check, sources, event_place(outline, when),
                 when.anchor)
    sections = _sections(outline, section_ids, section_sources, figs, quotes, charts)
    photos = [Note({"caption": c[:300], "section": section_ids[i]})
              for i, s in enumerate(outline.sections) for c in s.captions]
    data: dict[str, Any] = {"schema_version": 1, "meta": meta,
                            "sources": [Note(s) for s in sources], "sections": sections}
    data["figures"] = [_figure_entry(f) for f in figs]
    data["charts"] = [_chart_entry(c, figs, outline, section_ids, lang) for c in charts]
    data["quotes"] = [Note(q, [f"from: {q.pop('_sentence')[:160]}"], None) for q in quotes]
    data["timeline"] = timeline
    data["photos"] = photos
    return data


# ----------------------------------------------------------------------------- meta


_ZH_ORG = re.compile(r"由([^，。；“”]{2,30}?)(?:共同)?(?:主办|举办|承办|发起)")
_EN_ORG = re.compile(r"\b(?i:organi[sz]ed|hosted|convened) by ((?:the )?[A-Z][\w'’ -]{2,80}?)"
                     r"(?:[,.;]| and [a-z]| (?:in|on|at|since|every|with) )")


def _meta(outline: Outline, path: Path, lang: str, start: dt.date, end: dt.date,
          date_check: str, sources: list[dict[str, Any]], place: str | None,
          dated: dt.date | None) -> dict[str, Any]:
    # the first section tells the event; later ones tell other events' places and hosts
    body = "\n".join(outline.sections[0].paragraphs) if outline.sections else ""
    org = _ZH_ORG if lang == "zh" else _EN_ORG
    # a press release names its organiser in the "About the ..." boilerplate
    om = org.search(body) or org.search(" ".join(outline.about))
    published = next((s["date"] for s in sources if s.get("date")), dated or end)
    about = " ".join(outline.about) if outline.about else (
        outline.sections[0].paragraphs[0] if outline.sections else "")
    meta: dict[str, Any] = {
        "id": Note(brief_id(outline, path, start), after="check: id (names the output files)"),
        "title": Note(outline.title[:200], after="check: title" + (
            " (was in capitals)" if outline.title_was_capitals else "")),
    }
    if outline.subtitle:
        meta["subtitle"] = outline.subtitle[:300]
    meta.update({
        "language": lang,
        "dates": Note({"start": start, "end": end}, [date_check]),
        "place": Note(place or _TBD[lang],
                      after="check: place" + ("" if place else " (not found in the text)")),
        "organiser": Note(re.sub(r"^the ", "", om.group(1).strip()) if om else _TBD[lang],
                          after="check: organiser" + ("" if om else " (not found in the text)")),
        "published": Note(published, after="check: published (the source's date)"),
        "keywords": [],
    })
    if about:
        meta["about"] = Note(_cut(about, _MAX["about"]),
                             ["check: about (the abstract, or the first paragraph)"])
    return meta


# ----------------------------------------------------------------------------- sources


def _sources(outline: Outline, path: Path, lang: str,
             when: Timing) -> tuple[list[dict[str, Any]], list[list[str]]]:
    """Sources from notes and sources lists; each section cites its own note, else the next
    section's, else the last one before it; with no note at all, the file itself."""
    by_name: dict[str, dict[str, Any]] = {}

    def add(names: tuple[str, ...], date: str | None) -> list[str]:
        ids = []
        for name in names:
            if name not in by_name:
                sid = slug(name, f"source-{len(by_name) + 1}") if lang == "en" \
                    else f"source-{len(by_name) + 1}"
                while any(s["id"] == sid for s in by_name.values()):
                    sid += "-2"
                entry: dict[str, Any] = {"id": sid, "name": name[:300]}
                if date:
                    entry["date"] = dt.date.fromisoformat(date)
                by_name[name] = entry
            ids.append(by_name[name]["id"])
        return ids

    own: list[list[str]] = []
    for s in outline.sections:
        ids: list[str] = []
        for note in s.source_notes:
            parsed = parse_note(note, lang)
            ids += add(parsed.names, parsed.date)
        own.append(list(dict.fromkeys(ids)))
    for line in outline.source_lines:
        parsed = parse_note(line, lang)
        add(parsed.names[:1], parsed.date)
    agency = when.dateline.agency if when.dateline else None
    if not by_name:
        add((agency or path.name,), when.anchor.isoformat() if agency and when.anchor else None)
    every = [s["id"] for s in by_name.values()]
    cited: list[list[str]] = []
    for i, ids in enumerate(own):
        later = next((x for x in own[i + 1:] if x), None)
        earlier = next((x for x in reversed(own[:i]) if x), None)
        cited.append(ids or later or earlier or every[:1])
    return list(by_name.values()), cited


# ----------------------------------------------------------------------------- sections


def _section_ids(outline: Outline) -> list[str]:
    ids: list[str] = []
    for i, s in enumerate(outline.sections, 1):
        base = slug(" ".join(s.title.split()[:6]), f"section-{i}") if outline.lang == "en" \
            else f"section-{i}"
        sid = base
        n = 2
        while sid in ids:
            sid, n = f"{base}-{n}", n + 1
        ids.append(sid)
    return ids


def _sections(outline: Outline, ids: list[str], cites: list[list[str]], figs: list[_Fig],
              quotes: list[dict[str, Any]], charts: list[ChartProposal]) -> list[Note]:
    out: list[Note] = []
    for i, s in enumerate(outline.sections):
        sid = ids[i]
        entry: dict[str, Any] = {"id": sid, "title": s.title[:200]}
        if tags := section_tags(s.title, s.paragraphs, outline.lang, first=i == 0):
            entry["tags"] = Note(tags, after="check: tags")
        entry["paragraphs"] = [_cut(p, _MAX["paragraph"]) for p in s.paragraphs]
        if s.items:
            entry["key_points"] = s.items
        fig_ids = list(dict.fromkeys(f.id for f in figs if f.section == sid))
        chart_ids = [c.id for c in charts if c.section == sid or (c.section is None and i == 0)]
        quote_ids = [q["id"] for q in quotes if q["_section"] == sid]
        for key, value in (("figures", fig_ids), ("charts", chart_ids), ("quotes", quote_ids)):
            if value:
                entry[key] = Note(value)
        entry["sources"] = Note(cites[i])
        before = ["check: title (no heading in the source; named after the document)"] \
            if s.from_title else []
        out.append(Note(entry, before))
    for q in quotes:
        q.pop("_section")
    return out


# ----------------------------------------------------------------------------- figures


def _figures(outline: Outline, lang: str, when: Timing, section_ids: list[str],
             cites: list[list[str]]) -> list[_Fig]:
    """Body figures first, then figures that only bullets and tables carry (deduplicated)."""
    currency = next((c for c in ZH_CURRENCIES[:-1] if "元" in c and c in outline.body), None)
    body: list[_Fig] = []
    summary: list[_Fig] = []
    for i, s in enumerate(outline.sections):
        src = cites[i][0]
        for para in s.paragraphs:
            body += _para_figures(para, lang, when, section_ids[i], src, False)
        for text in s.items + s.rows:
            summary += _para_figures(text, lang, when, section_ids[i], src, True)
    first_src = cites[0][0] if cites else "source-1"
    first_sec = section_ids[0] if section_ids else "section-1"
    for row in outline.figure_rows:
        summary += _para_figures(row.replace(" | ", "; "), lang, when, first_sec, first_src, True)
    seen = {_key(f) for f in body}
    for f in summary:
        if _key(f) not in seen:
            seen.add(_key(f))
            body.append(f)
    for n, f in enumerate(body, 1):
        f.id = f"figure-{n}"
        f.label = label_for(f.found, lang)[: _MAX["label"]] or f.found.text
        f.roles = [] if "ordinal" in f.found.tags else figure_tags(f.found.sentence, lang)
        f.unit = f.found.unit
        if len(f.unit) > 40:  # the schema's limit; keep the head noun at the end
            f.unit = f.unit[-40:].split(" ", 1)[-1]
            f.checks.append("unit (shortened)")
        if f.unit == "元" and currency and lang == "zh":
            f.unit = currency
            f.checks.append(f"unit (元 read as {currency}, named earlier in the text)")
    return body


def _key(f: _Fig) -> tuple[Any, ...]:
    return (f.found.value, f.found.scale, f.found.unit, f.found.qualifier)


def _para_figures(para: str, lang: str, when: Timing, section: str, source: str,
                  summary: bool) -> list[_Fig]:
    out: list[_Fig] = []
    period: str | None = None
    for sentence in sentences(para, lang):
        # the year in force: the last one named before the figure, in this paragraph
        dates = find_dates(sentence, lang, when.year, when.anchor)
        found = find_figures(sentence, lang)
        for f in found:
            before = [d for d in dates if d.start < f.start]
            if before:
                d = before[-1]
                period = _period_text(d.iso[:4], d.since, lang)
            out.append(_Fig(f, section, source, period, summary))
        if dates:
            d = dates[-1]
            period = _period_text(d.iso[:4], d.since, lang)
    return out


def _period_text(year: str, since: bool, lang: str) -> str:
    if not since:
        return year
    return f"{year}年以来" if lang == "zh" else f"since {year}"


def _figure_entry(f: _Fig) -> Note:
    x = f.found
    entry: dict[str, Any] = {"id": f.id,
                             "label": Note(f.label, after="check: label"),
                             "value": _number(x.value)}
    if x.scale:
        entry["scale"] = x.scale
    entry["unit"] = Note(f.unit, after="check: unit" if not f.unit or f.checks else None)
    if x.qualifier:
        entry["qualifier"] = x.qualifier
    if f.period:
        entry["period"] = Note(f.period, after="check: period (the year named before it)")
    if x.change_pct is not None:
        entry["change_pct"] = _number(x.change_pct)
    entry["source"] = f.source
    tags = f.roles + list(x.tags) + (["summary"] if f.summary else [])
    if tags:
        entry["tags"] = Note(tags, after="check: tags" if f.roles else None)
    before = [f"from: {_cut(x.sentence, 200)}"]
    if "ordinal" in x.tags:
        before.append("check: an ordinal (a session or resolution number), not an amount")
    if x.high is not None:
        before.append(f"check: a range, {_number(x.value)} to {_number(x.high)}; "
                      "value holds the low end")
    if x.extra.get("compared"):
        before.append(f"check: change_pct ({x.extra['compared']})")
    before += [f"check: {c}" for c in f.checks]
    if f.summary:
        before.append("check: found only in a bullet or table, not in the body text")
    return Note(entry, before)


def _number(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


# ----------------------------------------------------------------------------- quotes


def _quotes(outline: Outline, lang: str, section_ids: list[str],
            cites: list[list[str]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, s in enumerate(outline.sections):
        found: list[tuple[str, str, str]] = []
        last: str | None = None
        for para in s.paragraphs:
            if lang == "en":
                quoted = find_english_quotes(para, last)
                found += [(q.text, q.speaker, q.sentence) for q in quoted]
                last = quoted[-1].speaker if quoted else last
                continue
            for sentence in sentences(para, lang):
                found += [(q.text, q.speaker, sentence) for q in find_quotes(sentence, lang)]
        for text, attribution in s.quotes:
            speaker = re.split(r",\s|，", attribution, maxsplit=1)[0].strip() if attribution \
                else _TBD[lang]
            found.append((text, speaker, f"{text} — {attribution}"))
        for text, speaker, sentence in found:
            key = re.sub(r"\W", "", text)
            if key in seen:
                continue
            seen.add(key)
            out.append({"id": f"quote-{len(out) + 1}", "text": _cut(text, _MAX["quote"]),
                        "speaker": speaker[:200] or _TBD[lang], "source": cites[i][0],
                        "_section": section_ids[i], "_sentence": sentence})
    return out


# ----------------------------------------------------------------------------- timeline


def _timeline(outline: Outline, lang: str, when: Timing, source: str) -> list[Note]:
    """The source's own timeline if it has one, else one event per dated sentence."""
    events: list[tuple[str, str, str | None]] = []
    if outline.timeline_lines:
        for line in outline.timeline_lines:
            head, _, rest = line.partition("\t")
            dates = find_dates(head if rest else line, lang, when.year)
            if dates and rest.strip():
                events.append((dates[0].iso, rest.strip(), None))
            elif events and not dates:
                iso, label, _ = events[-1]
                events[-1] = (iso, label, line)
    else:
        for s in outline.sections:
            for para in s.paragraphs:
                for sentence in sentences(para, lang):
                    dates = find_dates(sentence, lang, when.year, when.anchor)
                    if dates and not (lang == "en" and sentence.lstrip()[:1] in "\"“"):
                        d = dates[0]  # (a quotation is someone's words, not an event)
                        events.append((d.iso, _event_label(sentence, d.end, lang), sentence))
    seen: set[tuple[str, str]] = set()
    out: list[Note] = []
    for iso, label, detail in sorted(events, key=lambda e: e[0]):
        if (iso, label) in seen or not label:
            continue
        seen.add((iso, label))
        entry: dict[str, Any] = {"date": iso, "label": _cut(label, _MAX["label"])}
        if detail and detail != label:
            entry["detail"] = _cut(detail, _MAX["detail"])
        entry["source"] = source
        out.append(Note(entry, ["check: label"] if not outline.timeline_lines else []))
    return out


_EN_ASIDE = re.compile(r",\s+(?:hosted|organi[sz]ed|held|led|chaired|backed|attended|the "
                       r"(?:first|second|third|fourth|fifth|\w+th)\b)[^,]*,")
_EN_SAID = re.compile(r",\s+(?:the )?[\w' ]{2,40}\s+(?:said|says|added)\s*$")


def _event_label(sentence: str, after_date: int, lang: str) -> str:
    """The sentence without its leading date, cut at the first clause mark past 12 characters.

    English: asides (``, hosted by …,``) and attributions (``, the organizers said``) go, and
    the label ends at the first comma past 40 characters, on a word boundary."""
    rest = sentence[after_date:].lstrip("，,、 ") if after_date < 12 else sentence
    rest = rest.rstrip("。.")
    if lang == "zh":
        return _cut(rest, 60)
    rest = _EN_SAID.sub("", _EN_ASIDE.sub("", rest))
    comma = rest.find(", ", 40)
    if comma > 0:
        rest = rest[:comma]
    if len(rest) > 110:
        rest = rest[:109].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
    return rest


# ----------------------------------------------------------------------------- charts


def _chart_entry(c: ChartProposal, figs: list[_Fig], outline: Outline, section_ids: list[str],
                 lang: str) -> Note:
    if c.kind == "timeline":
        title = "大事记" if lang == "zh" else "Timeline"
        return Note({"id": c.id, "kind": "timeline", "title": title},
                    ["check: chart (the dated sentences in order)"])
    labels = {f.id: f.label for f in figs}
    section_title = outline.sections[section_ids.index(c.section)].title if c.section else ""
    unit = f"{c.scale or ''}{c.unit}" if lang == "zh" else " ".join(
        x for x in (c.scale, c.unit) if x)
    title = f"{section_title}（{unit}）" if lang == "zh" else f"{section_title} ({unit})"
    entry = {"id": c.id, "kind": "bar", "title": Note(_cut(title, 200), after="check: title"),
             "figures": Note(list(c.figures))}
    return Note(entry, ["check: chart (figures with one unit in one section: "
                        + "; ".join(labels[i] for i in c.figures)[:150] + ")"])


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__ = ["Note", "assemble"]
