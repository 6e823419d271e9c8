"""Issue 14, item 5: layout details a reader of a new brief noticed, checked in the files built.

A quote stays on one page with its attribution; a document writes every date one way; a press
release has no numbered heading; a deck never shows the same bullet twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from pptx import Presentation
from rapidfuzz import fuzz

from briefgen.pipeline import build
from briefgen.plan.formatting import format_date_text, format_partial_date, format_range
from briefgen.plan.labels import base_labels
from briefgen.plan.model import QuoteBlock
from briefgen.plan.present import quote_view
from briefgen.render.docx.renderer import DocxRenderer
from briefgen.render.pptx.layouts import BODY_TYPES
from tests.fixtures.plans import sample_plan

ROOT = Path(__file__).resolve().parents[1]
TRADE_EXPO = ROOT / "tests" / "data" / "briefs" / "trade-expo-en"  # 15-18 September 2026
PRESS_CONFERENCE_ZH = ROOT / "tests" / "data" / "briefs" / "mofcom-press-conference-zh"
BUNDLED_ZH = ROOT / "briefs" / "belt-and-road-forum-2017"
HAS_LO = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
#: Any English month word, full or abbreviated ("Sept", "Oct.").
MONTH_WORD = re.compile(r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\b\.?")


@pytest.fixture(scope="module")
def expo(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every audience of the English trade-expo brief, DOCX and PPTX."""
    out = tmp_path_factory.mktemp("expo")
    return {(r.audience, r.path.suffix[1:]): r.path
            for r in build(brief=TRADE_EXPO, audiences=["all"], formats=["docx", "pptx"], out=out)}


def docx_text(path: Path) -> list[str]:
    """Every paragraph a reader sees: body, tables, headers and footers."""
    doc = Document(str(path))
    paragraphs = list(doc.paragraphs)
    paragraphs += [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    for section in doc.sections:
        for story in (section.header, section.footer, section.first_page_header,
                      section.first_page_footer):
            paragraphs += story.paragraphs
    return [p.text for p in paragraphs if p.text.strip()]


def bullet_texts(slide) -> list[str]:
    """The body text of a bullet slide (not its title or slide number)."""
    return [p.text for sh in slide.placeholders if sh.placeholder_format.type in BODY_TYPES
            and sh.placeholder_format.idx for p in sh.text_frame.paragraphs if p.text.strip()]


def pptx_text(path: Path) -> list[str]:
    return [p.text for s in Presentation(str(path)).slides for sh in s.shapes
            if sh.has_text_frame for p in sh.text_frame.paragraphs if p.text.strip()]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("month", range(1, 13))
def test_ranges_single_days_and_months_spell_the_month_alike(lang, month):
    labels = base_labels(lang)
    start, end = dt.date(2026, month, 14), dt.date(2026, month, 15)
    spelled = format_partial_date(f"2026-{month:02d}", labels).replace("2026", "").strip(" 年")
    word = re.compile(rf"(?<![A-Za-z0-9]){re.escape(spelled)}(?![A-Za-z])")  # Sept ≠ September
    across = format_range(dt.date(2026, month, 28), dt.date(2027, month % 12 + 1, 2), labels)
    for text in (format_range(start, end, labels), format_date_text(end, labels), across):
        assert word.search(text), (spelled, text)


def test_every_english_date_in_every_file_writes_its_month_in_full(expo):
    for (audience, ext), path in expo.items():
        text = "\n".join(docx_text(path) if ext == "docx" else pptx_text(path))
        words = {m.group(0) for m in MONTH_WORD.finditer(text)} - {"May"}
        assert words, f"{audience}.{ext} shows no date"
        assert words <= set(MONTHS), f"{audience}.{ext}: {sorted(words - set(MONTHS))}"
    memo = "\n".join(docx_text(expo[("executive", "docx")])).replace("\u2009", " ")
    assert "15 – 18 September 2026" in memo  # the event's days (CLDR puts thin spaces round –)


# --------------------------------------------------------------------------- press headings


def _numbered(paragraph, doc) -> bool:
    """Whether Word numbers this paragraph: its own w:numPr, else its styles' (numId 0 = none)."""
    num = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    style = paragraph.style
    while num is None and style is not None:
        num = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        style = style.base_style
    return num is not None and num.get(qn("w:val")) != "0"


def test_press_release_headings_carry_no_number_while_the_briefing_keeps_its_own(expo):
    press = Document(str(expo[("press", "docx")]))
    headings = [p for p in press.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) >= 2  # About, Sources and, today, "Charts" (was "1. Charts")
    assert [p.text for p in headings if _numbered(p, press)] == []
    assert len({p.style.name for p in headings}) == 1  # one level, as a release reads
    briefing = Document(str(expo[("academic", "docx")]))
    assert any(_numbered(p, briefing) for p in briefing.paragraphs
               if p.style.name == "Heading 1")


def test_chinese_press_release_has_no_numbered_heading_either(tmp_path):
    """Charts no section cites go under a heading of their own: "图表", never "一、图表"."""
    data = yaml.safe_load((PRESS_CONFERENCE_ZH / "brief.yaml").read_text("utf-8"))
    assert data["charts"]
    for section in data["sections"]:
        section.pop("charts", None)
    (tmp_path / "brief").mkdir()
    (tmp_path / "brief" / "brief.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                   "utf-8")
    (result,) = build(brief=tmp_path / "brief", audiences=["press"], formats=["docx"],
                      out=tmp_path)
    doc = Document(str(result.path))
    headings = [p for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "图表" in [p.text for p in headings]  # was "一、图表"
    assert [p.text for p in headings if _numbered(p, doc)] == []


@pytest.mark.skipif(not HAS_LO, reason="needs LibreOffice and poppler")
def test_press_release_as_laid_out_shows_no_heading_number(expo, tmp_path):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(expo[("press", "docx")])], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / expo[("press", "docx")].with_suffix(".pdf").name
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    headings = {p.text for p in Document(str(expo[("press", "docx")])).paragraphs
                if p.style.name.startswith("Heading")}
    lines = [line.strip() for line in text.splitlines()]
    assert any(line in headings for line in lines)  # headings print as written...
    assert not [line for line in lines if re.match(r"^\d+\.\s+(.*)$", line)
                and re.sub(r"^\d+\.\s+", "", line) in headings]  # ...with no number before


# --------------------------------------------------------------------------- quotes


def test_every_quote_with_an_attribution_is_kept_whole_and_with_it(expo):
    doc = Document(str(expo[("academic", "docx")]))
    paragraphs = doc.paragraphs
    quotes = [i for i, p in enumerate(paragraphs) if p.style.name == "Quote"]
    assert quotes
    for i in quotes:
        assert paragraphs[i + 1].style.name == "Quote Attribution"
        fmt = paragraphs[i].paragraph_format
        assert fmt.keep_with_next and fmt.keep_together, paragraphs[i].text


def _quote_plan(n: int):
    """A briefing of ``n`` quotes of one to four lines each, one after another."""
    plan = sample_plan("en")
    words = "Cooperation across borders has brought tangible benefits to our peoples. "
    labels = base_labels("en")
    blocks = tuple(QuoteBlock(quote_view(words * (1 + i % 7), f"Speaker {i}", "Agency", labels))
                   for i in range(n))
    return dataclasses.replace(plan, blocks=blocks, toc=False)


@pytest.mark.skipif(not HAS_LO, reason="needs LibreOffice and poppler")
def test_no_page_starts_with_an_attribution_torn_from_its_quote(tmp_path):
    path = tmp_path / "quotes.docx"
    DocxRenderer().render(_quote_plan(60), {}, path)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(path)], check=True, capture_output=True, timeout=180)
    pages = subprocess.run(["pdftotext", str(tmp_path / "quotes.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    bodies = [[ln.strip() for ln in page.splitlines() if ln.strip()] for page in pages]
    bodies = [b for b in bodies if b]
    assert len(bodies) >= 8  # enough page breaks that some would fall inside a quote
    for n, lines in enumerate(bodies[1:], start=2):
        first = next(ln for ln in lines if ln != sample_plan("en").meta.title)  # the header
        assert not first.startswith("—"), f"page {n} starts with {first!r}"


# --------------------------------------------------------------------------- bullets


def assert_no_bullet_twice(path: Path) -> int:
    """No two bullets of the deck at ``path`` nearly alike, no bullet slide emptied; returns
    how many bullets it has."""
    slides = [(n, s) for n, s in enumerate(Presentation(str(path)).slides, start=1)
              if s.slide_layout.name == "Bullets"]
    bullets = [(n, text) for n, s in slides for text in bullet_texts(s)]
    for i, (n, a) in enumerate(bullets):
        for m, b in bullets[i + 1:]:
            assert fuzz.ratio(a, b) < 90, f"{path.name}: slide {n} {a!r} ~ slide {m} {b!r}"
    assert all(bullet_texts(s) for _, s in slides)  # and no slide was emptied to get there
    return len(bullets)


@pytest.mark.parametrize("audience", ["executive", "press"])
def test_no_deck_shows_a_bullet_twice(audience, tmp_path):
    (result,) = build(brief=BUNDLED_ZH, audiences=[audience], formats=["pptx"], out=tmp_path)
    assert assert_no_bullet_twice(result.path) >= 6


def test_a_section_whose_only_line_the_abstract_had_still_says_it_once(expo):
    """The expo's 'Regional food trade' section has one line that fits a bullet, and the
    abstract shows it too: the section keeps it, the abstract gives it up."""
    for audience in ("academic", "press", "executive"):
        assert_no_bullet_twice(expo[(audience, "pptx")])
