"""Checks on the bundled brief ``briefs/belt-and-road-forum-2017/brief.yaml``.

The brief is the hand-cleaned content of a PDF extract (the seed). Besides validating it against
the schema, these tests hold it to the seed: every sentence and every number of the seed must be
reachable from the brief, and nothing in the brief's paragraphs may be missing from the seed.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from briefgen.load.schema import Brief, ChartKind

ROOT = Path(__file__).resolve().parents[1]
BRIEF_PATH = ROOT / "briefs" / "belt-and-road-forum-2017" / "brief.yaml"
SEED_PATH = Path(os.environ.get("BRIEFGEN_SEED", "/work/shared/seed/belt-and-road-forum-2017.txt"))

# The seed's headings. Each also appears as a running header at page tops, which is dropped.
SEED_HEADINGS = [
    "“一带一路”国际合作高峰论坛在北京举行",
    "提出“一带一路”倡议的背景",
    "“一带一路”倡议已经取得重要收获和成果",
    "“一带一路”倡议前途光明",
    "“一带一路”国际合作高峰论坛圆桌峰会发表联合公报",
]

# Photo captions: lines of the seed that belong in ``photos``, not in section text.
SEED_CAPTIONS = [
    "习近平主席同出席“一带一路”国际合作高峰论坛的代表们合影",
    "习近平主席同外方代表团团长及嘉宾在雁栖湖国际会议中心前合影",
]

# Seed sentences that the brief corrects on purpose (cleaned seed sentence -> brief sentence).
CORRECTED_SENTENCES = {
    # The extract has an ASCII apostrophe (after a stray space) instead of the closing ’.
    "论坛的主题是“加强国际合作，共建‘一带一路'，实现共赢发展”。":
        "论坛的主题是“加强国际合作，共建‘一带一路’，实现共赢发展”。",
}

# Numbers in the seed that are not facts; each pattern is cut out before numbers are collected.
NOT_FACTS = [
    # Calendar days: 5月14日至15日, 4月23日, 4月12日, 5月15日.
    r"\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?",
    # Years (and months) used as dates: 2011年以来, 2013年, 2016年9月, 2016年底, 2017年
    # (source lines).
    r"(?:2011|2013|2016|2017)年(?:\d{1,2}月)?",
    # Name of the Maritime Silk Road: 21世纪海上丝绸之路.
    r"21世纪",
    # Names of national strategies and programmes that carry a year.
    r"愿景2025",  # Pakistan
    r"2020年战略构想",  # Azerbaijan
    r"2030愿景",  # Saudi Arabia
    r"地平线2020",  # the EU's Horizon 2020
]

# Figures whose number the seed writes in Chinese numerals or as an exhaustive list, with the
# seed text that carries the count.
NOT_DIGIT_FIGURES = {
    "forum-outcomes": "四方面成果",
    "core-ideas": "四大理念",
    "priority-areas": "重点为以下五个方面",
    # Counted from exhaustive lists.
    "plan-ministries": "科技部、国家发展改革委、外交部、商务部联合出台",
    "five-roads": "和平之路，繁荣之路，开放之路，创新之路，文明之路",
    "roundtable-organisations": "联合国、世界银行、国际货币基金组织负责人",
}

QUALIFIER_PREFIX = {"over": "超过", "nearly": "近", "about": "约"}
ORDINALS = "一二三四五六七八九十"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
SENTENCE = re.compile(r"[^。！？]+(?:[。！？]+[”’」』]*)?")
NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def clean(text: str) -> str:
    """Return ``text`` with full-width digits made ASCII and all whitespace removed.

    The seed is Chinese without any Latin text, so no space in it is a real one.
    """
    return re.sub(r"\s+", "", text.translate(FULLWIDTH_DIGITS))


def sentences(text: str) -> list[str]:
    """Split cleaned text at 。！？, keeping closing quotes with the sentence they close."""
    return [s for s in SENTENCE.findall(text) if s.strip("“”‘’「」『』（）")]


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(BRIEF_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def brief(raw: dict) -> Brief:
    return Brief.model_validate(raw)


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    if not SEED_PATH.exists():
        pytest.skip(f"seed text not found at {SEED_PATH} (set BRIEFGEN_SEED)")
    lines = [clean(line) for line in SEED_PATH.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


@pytest.fixture(scope="module")
def seed_text(seed_lines: list[str]) -> str:
    return "".join(seed_lines)


@pytest.fixture(scope="module")
def seed_sentences(seed_lines: list[str]) -> list[str]:
    """Body sentences of the seed: lines rejoined, headings, captions and source lines dropped.

    A dropped line ends the text before it, so a heading never glues two sentences together.
    """
    blocks: list[str] = []
    current: list[str] = []
    for line in seed_lines:
        if line in SEED_HEADINGS or line in SEED_CAPTIONS or line.startswith("（来源："):
            blocks.append("".join(current))
            current = []
        else:
            current.append(line)
    blocks.append("".join(current))
    return [s for block in blocks for s in sentences(block)]


def brief_text(brief: Brief) -> str:
    parts = [p for s in brief.sections for p in s.paragraphs]
    parts += [q.text for q in brief.quotes] + [p.caption for p in brief.photos]
    return clean("".join(parts))


def test_brief_validates(raw: dict) -> None:
    brief = Brief.model_validate(raw)
    assert brief.meta.id == BRIEF_PATH.parent.name
    assert brief.meta.language.value == "zh"


def test_ids_are_unique(brief: Brief) -> None:
    for kind in ("sections", "figures", "charts", "quotes", "sources"):
        ids = Counter(item.id for item in getattr(brief, kind))
        assert not [i for i, n in ids.items() if n > 1], f"duplicate {kind} ids"


def test_references_resolve(brief: Brief) -> None:
    sections = {s.id for s in brief.sections}
    figures = {f.id for f in brief.figures}
    charts = {c.id for c in brief.charts}
    quotes = {q.id for q in brief.quotes}
    sources = {s.id for s in brief.sources}
    missing: list[str] = []

    def need(ref: str | None, known: set[str], where: str) -> None:
        if ref is not None and ref not in known:
            missing.append(f"{where} -> {ref}")

    for s in brief.sections:
        for ref in s.figures:
            need(ref, figures, f"section {s.id} figure")
        for ref in s.charts:
            need(ref, charts, f"section {s.id} chart")
        for ref in s.quotes:
            need(ref, quotes, f"section {s.id} quote")
        for ref in s.sources:
            need(ref, sources, f"section {s.id} source")
    for f in brief.figures:
        need(f.source, sources, f"figure {f.id} source")
    for c in brief.charts:
        for ref in c.figures:
            need(ref, figures, f"chart {c.id} figure")
        need(c.source, sources, f"chart {c.id} source")
    for q in brief.quotes:
        need(q.source, sources, f"quote {q.id} source")
    for e in brief.timeline:
        need(e.source, sources, f"timeline {e.date} source")
    for p in brief.participants:
        need(p.figure, figures, f"participant {p.name} figure")
    for p in brief.photos:
        need(p.section, sections, f"photo {p.caption} section")
    assert not missing


def test_every_figure_chart_and_quote_is_cited_by_a_section(brief: Brief) -> None:
    cited = {ref for s in brief.sections for ref in (*s.figures, *s.charts, *s.quotes)}
    for kind in ("figures", "charts", "quotes"):
        uncited = [item.id for item in getattr(brief, kind) if item.id not in cited]
        assert not uncited, f"{kind} no section cites: {uncited}"


def test_seed_headings_are_section_titles(brief: Brief, seed_lines: list[str]) -> None:
    titles = {s.title for s in brief.sections}
    for heading in SEED_HEADINGS:
        assert heading in seed_lines, f"not a line of the seed: {heading}"
        assert heading in titles


def test_sections_follow_seed_order(brief: Brief, seed_text: str) -> None:
    first = [seed_text.index(sentences(clean(s.paragraphs[0]))[0]) for s in brief.sections]
    assert first == sorted(first)


def test_enumerations_are_in_order(brief: Brief) -> None:
    """一是…五是 run in order (the extract put 五是 before 四是)."""
    for s in brief.sections:
        ordinals = [
            ORDINALS.index(p[0]) for p in s.paragraphs if p[1:2] == "是" and p[0] in ORDINALS
        ]
        assert ordinals == sorted(ordinals), s.id


def test_photos_are_the_seed_captions(brief: Brief, seed_lines: list[str]) -> None:
    for caption in SEED_CAPTIONS:
        assert caption in seed_lines
    assert [p.caption for p in brief.photos] == SEED_CAPTIONS
    assert all(p.file is None for p in brief.photos)


def test_seed_sources_are_sources(brief: Brief, seed_lines: list[str]) -> None:
    names = {s.name for s in brief.sources}
    cited = [line for line in seed_lines if line.startswith("（来源：")]
    assert cited
    for line in cited:
        for name in re.split(r"[，,]", line[len("（来源：") : -1]):
            if not re.match(r"\d{4}年", name):
                assert name in names, name


def test_at_least_55_figures(brief: Brief) -> None:
    assert len(brief.figures) >= 55


def test_charts(brief: Brief) -> None:
    by_id = {f.id: f for f in brief.figures}
    data_charts = [c for c in brief.charts if c.kind != ChartKind.timeline]
    timelines = [c for c in brief.charts if c.kind == ChartKind.timeline]
    assert len(data_charts) >= 4
    assert timelines and all(not c.figures and not c.series for c in timelines)
    assert len(brief.timeline) >= 8
    for c in data_charts:
        kinds = {(by_id[f].unit, by_id[f].scale) for f in c.figures}
        assert len(kinds) <= 1, f"chart {c.id} mixes units/scales: {kinds}"
        if c.series:
            assert c.unit, f"chart {c.id} draws inline series without a unit"


def test_every_seed_number_is_a_figure(brief: Brief, seed_text: str) -> None:
    text = seed_text
    for pattern in NOT_FACTS:
        assert re.search(pattern, text), f"stale allow-list entry: {pattern}"
        text = re.sub(pattern, "", text)
    numbers = [float(n) for n in NUMBER.findall(text)]
    assert len(numbers) >= 50
    known = [f.value for f in brief.figures]
    known += [f.change_pct for f in brief.figures if f.change_pct is not None]
    missing = [n for n in numbers if not any(math.isclose(n, k) for k in known)]
    assert not missing, f"seed numbers without a figure: {missing}"


def test_every_figure_is_written_in_the_seed(brief: Brief, seed_text: str) -> None:
    """Each figure's number, scale and qualifier appear together in the seed."""
    for f in brief.figures:
        if f.id in NOT_DIGIT_FIGURES:
            assert NOT_DIGIT_FIGURES[f.id] in seed_text, f.id
            continue
        num = re.escape(number_text(f.value))
        scale = re.escape(f.scale.value) if f.scale else r"(?![万亿])"
        if f.qualifier is None:
            pattern = rf"(?<!超过)(?<!近)(?<![\d.]){num}(?![\d.]){scale}(?![多余])"
        elif f.qualifier.value == "more_than":
            pattern = rf"(?<![\d.]){num}{scale}(?:[多余]|{re.escape(f.unit)}多)"
        else:
            pattern = rf"{QUALIFIER_PREFIX[f.qualifier.value]}{num}(?![\d.]){scale}"
        assert re.search(pattern, seed_text), f"figure {f.id} not written so in the seed"
        if f.change_pct is not None:
            assert f"增长{number_text(f.change_pct)}%" in seed_text, f.id


def test_every_seed_sentence_is_in_the_brief(brief: Brief, seed_sentences: list[str]) -> None:
    assert len(seed_sentences) >= 80
    text = brief_text(brief)
    missing = [s for s in seed_sentences if CORRECTED_SENTENCES.get(s, s) not in text]
    assert not missing, "seed sentences missing from the brief:\n" + "\n".join(missing)


def test_every_paragraph_sentence_is_from_the_seed(brief: Brief, seed_sentences: list[str]) -> None:
    known = {CORRECTED_SENTENCES.get(s, s) for s in seed_sentences}
    extra = [
        s
        for section in brief.sections
        for p in section.paragraphs
        for s in sentences(clean(p))
        if s not in known
    ]
    assert not extra, "paragraph text not in the seed:\n" + "\n".join(extra)
