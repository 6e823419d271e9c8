"""Checks on the English brief ``briefs/belt-and-road-forum-2017-en/brief.yaml``.

The English brief is a translation of the bundled Chinese brief. These tests hold it to its
Chinese twin: the same structure and ids, the same facts (every figure's absolute value,
qualifier, change, period, source and tags), the same number of paragraphs per section, no
Chinese text left over, and no number in the English text that the figures do not back.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from briefgen.load.brief import load_brief
from briefgen.load.schema import Brief, Figure

ROOT = Path(__file__).resolve().parents[1]
ZH_DIR = ROOT / "briefs" / "belt-and-road-forum-2017"
EN_DIR = ROOT / "briefs" / "belt-and-road-forum-2017-en"

COLLECTIONS = ("sections", "figures", "charts", "quotes", "sources")

#: Chinese and Japanese script, CJK punctuation and full-width forms.
CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)

#: Each Chinese period, as the English brief writes it. Years written in digits stay as they are.
PERIODS = {
    "倡议提出3年多来": "more than three years since the initiative was put forward",
    "2011年以来": "since 2011",
    "2016年9月": "September 2016",
    "未来5年": "over the next five years",
    "2017年4月12日": "12 April 2017",
    "2016年底": "end of 2016",
    "2017年初": "early 2017",
    "未来3年": "over the next three years",
    "2017年5月15日": "15 May 2017",
}

# Numbers in the English text that are not facts; each pattern is cut out before numbers are
# collected, and each must still occur (so the list cannot go stale).
NOT_FACTS = [
    # Calendar days: 14 to 15 May, 15 May, 12 April, 23 April.
    r"\b\d{1,2}(?: to \d{1,2})? (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b",
    # Years used as dates: since 2011, in 2013, June 2016, September 2016, end of 2016, in 2017.
    r"\b(?:2011|2013|2016|2017)\b",
    # Name of the Maritime Silk Road: the 21st-Century Maritime Silk Road.
    r"\b21st-Century\b",
    # Names of national strategies and programmes that carry a year or a number word.
    r"Vision 2025",  # Pakistan
    r"2020 Strategic Concept",  # Azerbaijan
    r"Vision 2030",  # Saudi Arabia
    r"Horizon 2020",  # the EU's research programme
    r"Two Corridors and One Economic Circle",  # Vietnam
]

#: Number words English news style uses for small numbers; they are checked like digits.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
WORD_OF = {v: k for k, v in NUMBER_WORDS.items()}
NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:st|nd|rd|th)?(?![\w,]*\d)"
    r"|\b(" + "|".join(NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)
QUALIFIER_WORDS = {"more_than": "more than", "over": "over", "nearly": "nearly", "about": "about"}
AMERICAN = re.compile(
    r"\b(?:organiz\w*|\w+ization|\w+izing|realiz\w*|program|programs|center|centers|labor|"
    r"favor\w*|color\w*|defense|catalog|traveled|modeled|fulfill)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def zh() -> Brief:
    return load_brief(ZH_DIR).brief


@pytest.fixture(scope="module")
def en() -> Brief:
    return load_brief(EN_DIR).brief


@pytest.fixture(scope="module")
def en_raw() -> str:
    return (EN_DIR / "brief.yaml").read_text(encoding="utf-8")


def numbers_in(text: str) -> list[float]:
    out = []
    for m in NUMBER.finditer(text):
        if m.group(1):
            out.append(float(m.group(1).replace(",", "")))
        else:
            out.append(float(NUMBER_WORDS[m.group(2).lower()]))
    return out


def english_number(value: float, identifier: bool = False) -> list[str]:
    """How the English text may write ``value``: 3,700 / 6.3 / three.

    An ``identifier`` (a figure without a unit, such as Resolution 2344) has no digit grouping.
    """
    if float(value).is_integer():
        n = int(value)
        forms = [str(n) if identifier else f"{n:,}"]
        if n in WORD_OF:
            forms.append(WORD_OF[n])
        return forms
    return [repr(value)]


def checked_text(brief: Brief) -> str:
    """The English prose whose numbers must be backed by figures."""
    parts = [p for s in brief.sections for p in (*s.paragraphs, *s.key_points)]
    parts += [t for e in brief.timeline for t in (e.label, e.detail or "")]
    return "\n".join(parts)


def test_english_brief_loads(en: Brief) -> None:
    assert en.meta.id == EN_DIR.name == "belt-and-road-forum-2017-en"
    assert en.meta.language.value == "en"
    assert en.meta.title == "Belt and Road Forum for International Cooperation"
    assert en.meta.place == "Beijing"
    assert en.meta.subtitle and en.meta.about and en.meta.organiser


def test_meta_dates_match(zh: Brief, en: Brief) -> None:
    assert en.meta.dates == zh.meta.dates
    assert en.meta.published == zh.meta.published
    assert len(en.meta.keywords) == len(zh.meta.keywords)
    # DOCX and PPTX core properties hold at most 255 characters; the writers join with ", ".
    assert len(", ".join(en.meta.keywords)) <= 255


@pytest.mark.parametrize("kind", COLLECTIONS)
def test_same_ids_in_same_order(zh: Brief, en: Brief, kind: str) -> None:
    assert [i.id for i in getattr(en, kind)] == [i.id for i in getattr(zh, kind)]


def test_sections_match(zh: Brief, en: Brief) -> None:
    for z, e in zip(zh.sections, en.sections, strict=True):
        assert e.tags == z.tags, e.id
        assert len(e.paragraphs) == len(z.paragraphs), e.id
        assert len(e.key_points) == len(z.key_points), e.id
        for kind in ("figures", "charts", "quotes", "sources"):
            assert getattr(e, kind) == getattr(z, kind), f"{e.id} {kind}"


def test_figures_state_the_same_facts(zh: Brief, en: Brief) -> None:
    for z, e in zip(zh.figures, en.figures, strict=True):
        assert math.isclose(e.absolute, z.absolute, rel_tol=1e-9), e.id
        assert e.qualifier == z.qualifier, e.id
        assert e.change_pct == z.change_pct, e.id
        assert e.source == z.source, e.id
        assert e.tags == z.tags, e.id
        if z.period is None:
            assert e.period is None, e.id
        elif re.fullmatch(r"\d{4}", z.period):
            assert e.period == z.period, e.id
        else:
            assert e.period == PERIODS[z.period], e.id


def test_english_scales_and_units(en: Brief) -> None:
    for f in en.figures:
        assert f.scale is None or f.scale.value in ("thousand", "million", "billion",
                                                    "trillion"), f.id
        assert not CJK.search(f.unit), f.id
    units = {f.unit for f in en.figures}
    assert {"yuan", "US dollars", "%", "countries", "delegates", "trains", "routes"} <= units


def test_charts_match(zh: Brief, en: Brief) -> None:
    for z, e in zip(zh.charts, en.charts, strict=True):
        assert (e.kind, e.figures, e.source, e.tags) == (z.kind, z.figures, z.source, z.tags), e.id
        assert len(e.categories) == len(z.categories), e.id
        assert [s.values for s in e.series] == [s.values for s in z.series], e.id
        assert e.title != z.title


def test_quotes_timeline_participants_photos_match(zh: Brief, en: Brief) -> None:
    assert [q.source for q in en.quotes] == [q.source for q in zh.quotes]
    assert [(t.date, t.source, t.detail is None) for t in en.timeline] == [
        (t.date, t.source, t.detail is None) for t in zh.timeline
    ]
    assert [(p.figure, p.role is None) for p in en.participants] == [
        (p.figure, p.role is None) for p in zh.participants
    ]
    assert [(p.section, p.file) for p in en.photos] == [(p.section, p.file) for p in zh.photos]
    for z, e in zip(zh.sources, en.sources, strict=True):
        assert e.date == z.date and e.url == z.url, e.id


def test_no_chinese_left(en_raw: str) -> None:
    found = [(n, line) for n, line in enumerate(en_raw.splitlines(), 1) if CJK.search(line)]
    assert not found, f"CJK characters in the English brief: {found[:5]}"


def test_british_spelling(en_raw: str) -> None:
    found = sorted({m.group() for m in AMERICAN.finditer(en_raw)})
    assert not found, f"American spellings: {found}"


def test_every_number_is_backed_by_a_figure(en: Brief) -> None:
    text = checked_text(en)
    for pattern in NOT_FACTS:
        assert re.search(pattern, text), f"stale allow-list entry: {pattern}"
        text = re.sub(pattern, "", text)
    numbers = numbers_in(text)
    assert len(numbers) >= 50
    known = [f.value for f in en.figures] + [f.absolute for f in en.figures]
    known += [f.change_pct for f in en.figures if f.change_pct is not None]
    missing = [n for n in numbers if not any(math.isclose(n, k) for k in known)]
    assert not missing, f"numbers in the English text without a figure: {missing}"


def _written(f: Figure, text: str) -> bool:
    """``f`` appears in ``text`` with its qualifier and scale ("more than 3,700",
    "14.5 billion")."""
    scale = rf" {f.scale.value}" if f.scale else r"(?! (?:thousand|million|billion|trillion))"
    for form in english_number(f.value, identifier=not f.unit):
        pattern = rf"(?<![\w.,]){re.escape(form)}(?:st|nd|rd|th)?(?!\w|[.,]\d){scale}"
        for m in re.finditer(pattern, text):
            before = text[: m.start()].rstrip().lower()
            has = [q for q, words in QUALIFIER_WORDS.items() if before.endswith(words)]
            if f.qualifier is None and not has:
                return True
            if f.qualifier is not None and has == [f.qualifier.value]:
                return True
    return False


def test_every_figure_is_written_in_the_paragraphs(en: Brief) -> None:
    """Each figure's number, qualifier and scale appear together in the section that cites it.

    Figures tagged ``derived`` are counted from lists (four ministries, five roads), as in Chinese.
    """
    for section in en.sections:
        text = " ".join(section.paragraphs)
        for ref in section.figures:
            f = next(f for f in en.figures if f.id == ref)
            if "derived" in f.tags:
                continue
            assert _written(f, text), f"figure {f.id} not written so in section {section.id}"
            if f.change_pct is not None:
                assert f"up {english_number(f.change_pct)[0]}%" in text, f.id


def test_derived_figures_are_lists_in_the_text(en: Brief) -> None:
    text = " ".join(p for s in en.sections for p in s.paragraphs)
    lists = {
        "plan-ministries": "the Ministry of Science and Technology, the National Development and "
        "Reform Commission, the Ministry of Foreign Affairs and the Ministry of Commerce",
        "five-roads": "a road of peace, a road of prosperity, a road of openness, a road of "
        "innovation and a road of civilisation",
        "roundtable-organisations": "the United Nations, the World Bank and the International "
        "Monetary Fund",
    }
    assert {f.id for f in en.figures if "derived" in f.tags} == set(lists)
    for fid, listed in lists.items():
        assert listed in text, fid


def test_canonical_terms(en: Brief) -> None:
    """The fixed English forms of the initiative's key terms are used."""
    text = " ".join(p for s in en.sections for p in s.paragraphs)
    for term in (
        "the Belt and Road Initiative",
        "the Silk Road Economic Belt and the 21st-Century Maritime Silk Road",
        "policy coordination, facilities connectivity, unimpeded trade, financial integration "
        "and people-to-people bonds",
        "extensive consultation, joint contribution and shared benefits",
        "a community with a shared future for mankind",
        "China-Europe freight trains",
        "Silk Road Fund",
        "6.3 trillion yuan",
        "14.5 billion US dollars",
        "40 billion US dollars",
        "180,000 jobs",
        "more than 130 countries",
        "nearly 1.1 billion US dollars",
    ):
        assert term in text, term
