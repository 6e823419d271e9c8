"""The decks of the two real briefs (Chinese and English), every audience, slide by slide.

Each deck is built once (module fixture) the way the CLI builds it, then read back as a speaker,
a screen reader and LibreOffice would: text measured with the real fonts (fit.py) against its box,
shapes on the slide, no placeholder left empty, a title first on every slide, notes, native charts
holding the brief's own numbers, both faces and a language on every run, alt text. archforge (an
outside linter) checks CJK font fallback (E1) and off-slide or colliding text (W15/W16).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from briefgen.fonts import CJK_FAMILY
from briefgen.load.brief import load_brief
from briefgen.load.schema import Brief
from briefgen.pipeline import build
from briefgen.plan.labels import resolve_labels
from briefgen.render.pptx import oxml
from briefgen.render.pptx.renderer import LayoutFallbackWarning, TextFitWarning
from briefgen.render.pptx.text import written_text_fits
from tests.fixtures.reading import slide_title as read_title

ROOT = Path(__file__).resolve().parents[1]
BRIEFS = {"zh": ROOT / "briefs" / "belt-and-road-forum-2017",
          "en": ROOT / "briefs" / "belt-and-road-forum-2017-en"}
AUDIENCES = ("executive", "press", "academic")
LANG_TAGS = {"zh": "zh-CN", "en": "en-US"}
EXECUTIVE_MAX_SLIDES = 10  # the executive profile's slides.max_slides: one short meeting
THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
DECKS = [(lang, audience) for lang in BRIEFS for audience in AUDIENCES]
IDS = [f"{lang}-{audience}" for lang, audience in DECKS]


@dataclass(frozen=True)
class Deck:
    lang: str
    audience: str
    path: Path
    prs: Presentation
    brief: Brief
    seconds: float


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[dict[tuple[str, str], Deck], list[warnings.WarningMessage]]:
    """All six decks, rendered in this process (jobs=1) so their warnings can be caught."""
    out = tmp_path_factory.mktemp("decks")
    decks: dict[tuple[str, str], Deck] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for lang, folder in BRIEFS.items():
            brief = load_brief(folder).brief
            for result in build(brief=folder, audiences=["all"], formats=["pptx"], out=out,
                                jobs=1):
                decks[(lang, result.audience)] = Deck(
                    lang, result.audience, result.path, Presentation(str(result.path)), brief,
                    result.seconds)
    return decks, list(caught)


@pytest.fixture(scope="module")
def decks(built) -> dict[tuple[str, str], Deck]:
    return built[0]


@pytest.fixture(params=DECKS, ids=IDS)
def deck(request, decks) -> Deck:
    return decks[request.param]


def title_text(slide) -> str:
    return read_title(slide)


def latin_face(prs) -> str:
    """The Latin face the deck's runs name (they all name the same one)."""
    return next(prs.slides[0]._element.iter(qn("a:latin"))).get("typeface")


def labels(deck: Deck):
    return resolve_labels(deck.lang, {})


def data_charts(brief: Brief) -> list:
    """The brief's charts drawn as charts (KPI charts become key-figure slides, timelines
    become timeline slides)."""
    return [c for c in brief.charts if c.kind.value not in ("kpi", "timeline")]


def expected_values(chart, brief: Brief) -> list[tuple[float, ...]]:
    """The series values a chart must hold: its figures' values, or its inline series."""
    if chart.figures:
        figures = {f.id: f for f in brief.figures}
        return [tuple(float(figures[f].value) for f in chart.figures)]
    return [tuple(float(v) for v in s.values) for s in chart.series]


def chart_frames(prs):
    return [(number, slide, shape) for number, slide in enumerate(prs.slides, start=1)
            for shape in slide.shapes if shape.has_chart]


# --------------------------------------------------------------------------- the build


def test_six_decks_built_without_a_box_growing(built) -> None:
    decks, caught = built
    assert sorted(decks) == sorted(DECKS)
    grown = [str(w.message) for w in caught if issubclass(w.category, TextFitWarning)]
    assert grown == []  # every text found a size at or above its floor in its own box
    assert not [w for w in caught if issubclass(w.category, LayoutFallbackWarning)]


# --------------------------------------------------------------------------- geometry and text


def test_no_text_frame_overflows_its_box(deck) -> None:
    face = latin_face(deck.prs)
    for number, slide in enumerate(deck.prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert written_text_fits(shape, face), (
                    f"{deck.path.name} slide {number}: {shape.name} overflows: "
                    f"{shape.text_frame.text[:50]!r}")
                assert shape.text_frame._bodyPr.find(qn("a:normAutofit")) is None


def test_no_shape_outside_the_slide(deck) -> None:
    width, height = deck.prs.slide_width, deck.prs.slide_height
    for number, slide in enumerate(deck.prs.slides, start=1):
        for shape in slide.shapes:
            box = (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)
            assert box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height, (
                deck.path.name, number, shape.name, box)


def test_no_empty_placeholder_is_left(deck) -> None:
    for number, slide in enumerate(deck.prs.slides, start=1):
        for ph in slide.placeholders:
            assert ph.has_text_frame and ph.text_frame.text.strip(), (
                deck.path.name, number, ph.name)


def test_every_slide_has_a_title_read_first(deck) -> None:
    for number, slide in enumerate(deck.prs.slides, start=1):
        assert title_text(slide).strip(), f"{deck.path.name} slide {number} has no title"
        first = next(iter(slide.shapes))
        assert first.shape_id == slide.shapes.title.shape_id, (
            f"{deck.path.name} slide {number}: {first.name} is read before the title")


def test_every_content_slide_has_notes(deck) -> None:
    for number, slide in enumerate(list(deck.prs.slides)[1:], start=2):
        assert slide.has_notes_slide, (deck.path.name, number)
        assert slide.notes_slide.notes_text_frame.text.strip(), (deck.path.name, number)


def test_every_slide_but_the_first_shows_its_number(deck) -> None:
    for number, slide in enumerate(deck.prs.slides, start=1):
        fields = slide._element.xpath(".//a:fld[@type='slidenum']")
        if number == 1:
            assert fields == []
        else:
            assert [f.findtext(qn("a:t")) for f in fields] == [str(number)], (
                deck.path.name, number)


def run_properties(element) -> list:
    """Every a:rPr of a run or field under ``element`` (slide, notes or chart space)."""
    return element.xpath(".//a:r/a:rPr | .//a:fld/a:rPr")


def test_every_run_names_both_faces_and_its_language(deck) -> None:
    lang = LANG_TAGS[deck.lang]
    for number, slide in enumerate(deck.prs.slides, start=1):
        parts = [slide._element]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide._element)
        parts += [s.chart._chartSpace for s in slide.shapes if s.has_chart]
        for part in parts:
            props = run_properties(part)
            if part.tag == qn("c:chartSpace"):
                props += part.xpath(".//a:defRPr")
            for rPr in props:
                where = (deck.path.name, number, part.tag.rsplit("}", 1)[1])
                latin, ea = rPr.find(qn("a:latin")), rPr.find(qn("a:ea"))
                assert latin is not None and latin.get("typeface"), where
                assert ea is not None and ea.get("typeface") == CJK_FAMILY, where
                assert rPr.get("lang") == lang and rPr.get("altLang"), where


# --------------------------------------------------------------------------- charts


def test_every_chart_is_native_with_the_brief_figures(deck) -> None:
    by_title = {c.title: c for c in data_charts(deck.brief)}
    frames = chart_frames(deck.prs)
    assert frames, deck.path.name
    for number, slide, frame in frames:
        chart = frame.chart
        spec = by_title[title_text(slide)]  # the slide is titled with the chart's title
        assert chart.part.chart_workbook.xlsx_part is not None  # editable data travels along
        got = [tuple(series.values) for series in chart.plots[0].series]
        assert got == expected_values(spec, deck.brief), (deck.path.name, number, spec.id)
        assert len(list(chart.plots[0].categories)) == len(got[0])
        assert chart.plots[0].has_data_labels
        assert not chart.value_axis.has_title  # no sideways axis title: the unit is horizontal


def test_pictures_and_charts_have_alt_text(deck) -> None:
    for number, slide in enumerate(deck.prs.slides, start=1):
        for shape in slide.shapes:
            if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.CHART):
                descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
                assert descr and descr[0].strip(), (deck.path.name, number, shape.name)


def test_unit_is_shown_once_horizontally(decks) -> None:
    """Where the title does not name the unit, a label above the plot does ("（个/条）")."""
    deck = decks[("zh", "press")]
    slide = next(s for s in deck.prs.slides if title_text(s) == "中国与沿线国家的运输联通")
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert "（个/条）" in texts
    trade = next(s for s in deck.prs.slides if "万亿元人民币" in title_text(s))
    labels = [s for s in trade.shapes if s.has_text_frame and "（万亿" in s.text_frame.text
              and s.shape_id != trade.shapes.title.shape_id]
    assert labels == []  # the title names the unit already


# --------------------------------------------------------------------------- per audience


@pytest.mark.parametrize("lang", BRIEFS)
def test_executive_deck_has_at_most_ten_slides(decks, lang) -> None:
    prs = decks[(lang, "executive")].prs
    assert len(prs.slides) <= EXECUTIVE_MAX_SLIDES


@pytest.mark.parametrize("lang", BRIEFS)
def test_press_deck_opens_with_the_key_figures(decks, lang) -> None:
    deck = decks[(lang, "press")]
    second = deck.prs.slides[1]
    assert second.slide_layout.name == "Key Figures"
    cards = [s for s in second.shapes if s.has_text_frame and s.text_frame.text.strip()
             and s.shape_id != second.shapes.title.shape_id]
    assert len(cards) >= 6  # numbers and captions


@pytest.mark.parametrize("lang", BRIEFS)
def test_academic_deck_carries_every_data_chart(decks, lang) -> None:
    deck = decks[(lang, "academic")]
    titles = [title_text(slide) for _, slide, _ in chart_frames(deck.prs)]
    assert sorted(titles) == sorted(c.title for c in data_charts(deck.brief))


def test_plan_gives_every_bullet_slide_at_least_two_points(decks) -> None:
    """A bullet slide with one point (or none) reads as a gap: a plan (summariser) issue, not a
    writer one. Reported here so it is seen; it does not fail the build of the deck."""
    thin = []
    for (lang, audience), deck in decks.items():
        for number, slide in enumerate(deck.prs.slides, start=1):
            if slide.slide_layout.name != "Bullets":
                continue
            body = [p for ph in slide.placeholders if ph.placeholder_format.type in
                    (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT) for p in ph.text_frame.paragraphs]
            if len(body) < 2:
                thin.append(f"{lang}-{audience} {number} {title_text(slide)!r}: {len(body)}")
    if thin:
        pytest.xfail("plan: bullet slides with fewer than two points: " + "; ".join(thin))


# --------------------------------------------------------------------------- archforge


def archforge(path: Path) -> list[dict]:
    """archforge's findings for a deck (core profile, JSON schema 2, no config file)."""
    exe = shutil.which("archforge") or str(Path(sys.executable).with_name("archforge"))
    run = subprocess.run([exe, "--json", "--schema", "2", "--no-config", "--lang", "en",
                          str(path)], capture_output=True, text=True, timeout=120, check=False)
    report = json.loads(run.stdout)
    assert not report["summary"]["incomplete"], report["abstentions"]
    return report["findings"]


needs_archforge = pytest.mark.skipif(
    not (shutil.which("archforge") or Path(sys.executable).with_name("archforge").exists()),
    reason="archforge is not installed")


@needs_archforge
def test_archforge_finds_no_font_fallback_and_nothing_off_slide(deck) -> None:
    findings = archforge(deck.path)
    bad = [f for f in findings if f["code"] in ("E1", "W15", "W16")]
    assert bad == [], json.dumps(bad, ensure_ascii=False, indent=1)
    assert not [f for f in findings if f["severity"] == "error"]


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_every_deck_one_page_per_slide(decks, tmp_path) -> None:
    files = [str(d.path) for d in decks.values()]  # six different stems: one call
    profile = (tmp_path / "lo-profile").as_uri()  # its own profile: no clash with another soffice
    run = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), *files],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    for deck in decks.values():
        pdf = tmp_path / (deck.path.stem + ".pdf")
        assert pdf.exists(), deck.path.name
        assert pdf_pages(pdf) == len(deck.prs.slides), deck.path.name


def pdf_pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


# --------------------------------------------------------------------------- --pptx-template


def other_template(tmp_path: Path) -> Path:
    """python-pptx's own 4:3 template with other layout names, Georgia and a red accent."""
    prs = Presentation()
    renames = {"Title Slide": "Opening", "Section Header": "Divider",
               "Two Content": "Side by Side"}
    for layout in prs.slide_layouts:
        layout.name = renames.get(layout.name, layout.name)
    theme = prs.slide_master.part.part_related_by(THEME_REL)
    theme._blob = oxml.restyle_theme(theme.blob, "Other", {"accent1": "C00000", "dk2": "3A3A3A"},
                                     "Georgia", "SimSun")
    path = tmp_path / "other.pptx"
    buffer = io.BytesIO()
    prs.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("lang", BRIEFS)
def test_pptx_template_is_used_and_missing_layouts_are_named(tmp_path, lang) -> None:
    template = other_template(tmp_path)
    with pytest.warns(LayoutFallbackWarning) as caught:
        [result] = build(brief=BRIEFS[lang], audiences=["press"], formats=["pptx"],
                         out=tmp_path / "out", pptx_template=template, jobs=1)
    message = " ".join(str(w.message) for w in caught if w.category is LayoutFallbackWarning)
    assert ("template has no slide layout named 'Title' (for title slides); "
            "using 'Title Only' instead") in message
    assert "named 'Bullets' (for bullets slides); using 'Title and Content' instead" in message
    assert "named 'Key Figures' (for kpi slides); using 'Title Only' instead" in message
    prs = Presentation(str(result.path))
    assert prs.slide_width == 9144000  # the template's 4:3 page, not the default 16:9
    theme = prs.slide_master.part.part_related_by(THEME_REL).blob
    assert b'typeface="Georgia"' in theme and b'val="C00000"' in theme
    names = {layout.name for layout in Presentation(str(template)).slide_layouts}
    assert {s.slide_layout.name for s in prs.slides} <= names
    assert prs.slides[1].slide_layout.name == "Title Only"  # key figures
    for number, slide in enumerate(prs.slides, start=1):
        assert title_text(slide).strip()
        for rPr in run_properties(slide._element):
            assert rPr.find(qn("a:latin")).get("typeface") == "Georgia"  # the theme's face
            assert rPr.find(qn("a:ea")).get("typeface") == CJK_FAMILY  # known Han glyphs
        for shape in slide.shapes:
            assert shape.left + shape.width <= prs.slide_width, (number, shape.name)
            assert shape.top + shape.height <= prs.slide_height, (number, shape.name)
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert written_text_fits(shape, "Georgia"), (number, shape.name)
        if number > 1:  # the template's own slide-number placeholder, filled
            assert slide._element.xpath(".//p:ph[@type='sldNum']"), number
    if shutil.which("archforge") or Path(sys.executable).with_name("archforge").exists():
        codes = {f["code"] for f in archforge(result.path)}
        assert not codes & {"E1", "W15", "W16"}, codes
