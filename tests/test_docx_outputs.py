"""The DOCX files of the bundled briefs (both editions, every audience), read as a checker would:
styles and fonts in the XML, fields, captions and alt text, native charts against the brief's
numbers, docx-integrity, and LibreOffice's pages (page counts, contents page numbers)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from briefgen.load.brief import load_brief
from briefgen.load.profile import load_profile
from briefgen.pipeline import build
from briefgen.plan.audience import plan_for
from briefgen.plan.model import ChartBlock, ChartSpec, DocPlan, Heading

ROOT = Path(__file__).resolve().parents[1]
BRIEFS = {"zh": ROOT / "briefs" / "belt-and-road-forum-2017",
          "en": ROOT / "briefs" / "belt-and-road-forum-2017-en"}
AUDIENCES = ("executive", "press", "academic")
#: Pages LibreOffice lays each audience out on (cover included), both editions. The executive
#: brief is a memo (no cover): measured 3 (zh) and 4 (en, DejaVu standing in for Calibri).
PAGES = {"executive": (2, 5), "press": (3, 8), "academic": (12, 40)}
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
W = NS["w"]
CASES = [(lang, audience) for lang in BRIEFS for audience in AUDIENCES]
HAS_LO = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every DOCX of both editions, built once (the academic contents filled when LibreOffice
    is installed)."""
    out = tmp_path_factory.mktemp("docx-outputs")
    files = {}
    with pytest.MonkeyPatch.context() as env:
        env.setenv("BRIEFGEN_TOC_PAGES", "1")  # whatever a conftest chose for other tests
        for lang, brief in BRIEFS.items():
            for result in build(brief=brief, audiences=["all"], formats=["docx"],
                                out=out / lang):
                files[(lang, result.audience)] = result.path
    assert sorted(files) == sorted(CASES)
    return files


@pytest.fixture(scope="module")
def plans():
    loaded = {lang: load_brief(path) for lang, path in BRIEFS.items()}
    return {(lang, a): plan_for(loaded[lang], load_profile(a)) for lang, a in CASES}


@pytest.fixture(scope="module")
def pdf_pages(built, tmp_path_factory) -> dict[tuple[str, str], list[str]]:
    """Each DOCX laid out by LibreOffice (one soffice run for all six): its pages' text."""
    if not HAS_LO:
        pytest.skip("LibreOffice or poppler-utils is not installed")
    folder = tmp_path_factory.mktemp("docx-pdf")
    assert len({p.stem for p in built.values()}) == len(built)  # one folder takes them all
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    *map(str, built.values())], check=True, capture_output=True, timeout=600)
    pages = {}
    for (lang, audience), path in built.items():
        pdf = folder / (path.stem + ".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        pages[(lang, audience)] = text.split("\f")[:-1]
    return pages


def xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def stories(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return [n for n in zf.namelist() if re.fullmatch(r"word/(document|header\d+|footer\d+)"
                                                          r"\.xml", n)]


def instructions(element: etree._Element) -> list[str]:
    return [" ".join(t.text.split()) for t in element.iter(w("instrText"))]


def squash(text: str) -> str:
    return "".join(text.split())


case = pytest.mark.parametrize("lang,audience", CASES, ids=[f"{lang}-{a}" for lang, a in CASES])


# ---------------------------------------------------------------------------- styles and fonts


@case
def test_every_paragraph_has_a_named_style_and_no_run_has_direct_fonts(built, lang,
                                                                       audience) -> None:
    path = built[(lang, audience)]
    styles = list(xml(path, "word/styles.xml").iter(w("style")))
    style_ids = {s.get(w("styleId")) for s in styles}
    default = next(s.get(w("styleId")) for s in styles
                   if s.get(w("type")) == "paragraph" and s.get(w("default")) == "1")
    assert default == "Normal"
    for story in stories(path):
        root = xml(path, story)
        for p in root.iter(w("p")):
            style = p.find("w:pPr/w:pStyle", NS)  # none: the default style (python-docx's way)
            name = style.get(w("val")) if style is not None else default
            assert name in style_ids, (story, "".join(p.itertext())[:60])
            assert style is not None or not "".join(p.itertext()), (story, "unstyled text")
        for rpr in root.iter(w("rPr")):
            if rpr.getparent().tag == w("r"):
                assert {c.tag.split("}")[1] for c in rpr} <= {"rStyle"}, story
        for rstyle in root.iter(w("rStyle")):
            assert rstyle.get(w("val")) in style_ids


@case
def test_east_asian_face_and_language_everywhere(built, plans, lang, audience) -> None:
    path, plan = built[(lang, audience)], plans[(lang, audience)]
    styles = xml(path, "word/styles.xml")
    targets = [styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)]
    targets += [s.find("w:rPr", NS) for s in styles.iter(w("style"))
                if s.get(w("type")) in ("paragraph", "character", "table")]
    for rpr in targets:
        assert rpr.find("w:rFonts", NS).get(w("eastAsia")) == plan.fonts.east_asian
        assert rpr.find("w:lang", NS).get(w("eastAsia")) == "zh-CN"
    settings = xml(path, "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"


# ---------------------------------------------------------------------------- fields



def docx_charts(plan: DocPlan) -> list[ChartSpec]:
    """The charts the DOCX shows (plan.charts also holds those only the deck shows: a memo
    that keeps to its pages shows fewer)."""
    return [b.chart for b in plan.blocks if isinstance(b, ChartBlock)]

@case
def test_fields_page_numpages_seq_and_toc_where_the_profile_wants_it(built, plans, lang,
                                                                     audience) -> None:
    path, plan = built[(lang, audience)], plans[(lang, audience)]
    footers = [instructions(xml(path, s)) for s in stories(path) if "footer" in s]
    assert ["PAGE", "NUMPAGES"] in footers
    body = xml(path, "word/document.xml")
    found = instructions(body)
    tocs = [i for i in found if i.startswith("TOC ")]
    assert tocs == (['TOC \\o "1-3" \\h \\z \\u'] if plan.toc else [])
    figures = sum(1 for i in found if i.startswith("SEQ Figure"))
    tables = sum(1 for i in found if i.startswith("SEQ Table"))
    shown = docx_charts(plan)
    assert figures == len(shown)
    timelines = sum(1 for c in shown if c.kind == "timeline")  # figures drawn as tables
    assert tables == len(body.findall(".//w:tbl", NS)) - timelines >= 1
    begins = [f.get(w("fldCharType")) for f in body.iter(w("fldChar"))]
    assert begins.count("begin") == begins.count("separate") == begins.count("end")


@case
def test_every_chart_and_picture_has_alt_text_and_a_numbered_caption(built, plans, lang,
                                                                     audience) -> None:
    path, plan = built[(lang, audience)], plans[(lang, audience)]
    doc = Document(str(path))
    body = xml(path, "word/document.xml")
    shown = docx_charts(plan)
    drawn = [c for c in shown if c.kind != "timeline"]
    doc_prs = list(body.iter(f"{{{NS['wp']}}}docPr"))
    assert [d.get("descr") for d in doc_prs] == [c.alt_text for c in drawn]
    assert all(d.get("descr") and d.get("title") for d in doc_prs)
    paragraphs = doc.paragraphs
    figures = [n for n, p in enumerate(paragraphs) if p.style.name == "Figure"]
    assert len(figures) == len(drawn)
    captions = [paragraphs[n + 1]._p for n in figures]
    for chart in shown:  # a timeline is a table of dates and events (its alt text: its own)
        if chart.kind == "timeline":
            table = timeline_table(body, chart.title)
            description = table.find("w:tblPr/w:tblDescription", NS).get(w("val"))
            assert description == chart.alt_text
            captions.append(table.getnext())
    for caption in captions:
        assert caption.find("w:pPr/w:pStyle", NS).get(w("val")) == "Caption"
        assert any(i.startswith("SEQ Figure") for i in instructions(caption))


def timeline_table(body, title: str):
    """The table a timeline chart is drawn as: the one whose w:tblCaption is its title."""
    (table,) = [t for t in body.findall(".//w:tbl", NS)
                if t.find("w:tblPr/w:tblCaption", NS).get(w("val")) == title]
    return table


@case
def test_table_header_repeats_and_rows_do_not_split(built, plans, lang, audience) -> None:
    body = xml(built[(lang, audience)], "word/document.xml")
    timelines = [timeline_table(body, c.title) for c in plans[(lang, audience)].charts
                 if c.kind == "timeline"]
    tables = [t for t in body.findall(".//w:tbl", NS) if t not in timelines]
    assert tables
    for table in timelines:  # a figure: no header row, caption after it, rows kept whole
        assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in table.findall("w:tr", NS))
    for table in tables:
        rows = table.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
        assert table.find("w:tblPr/w:tblCaption", NS) is not None
        assert table.getprevious().find("w:pPr/w:pStyle", NS).get(w("val")) == "Caption"


@pytest.mark.parametrize("lang", list(BRIEFS))
def test_press_edition_has_dateline_lead_and_end_mark(built, plans, lang) -> None:
    plan = plans[(lang, "press")]
    paragraphs = Document(str(built[(lang, "press")])).paragraphs
    assert [p.style.name for p in paragraphs[:4]] == ["Title", "Subtitle", "Dateline", "Lead"]
    assert paragraphs[2].text == plan.meta.dateline
    assert paragraphs[-1].style.name == "End Mark"
    assert paragraphs[-1].text == plan.labels["end_mark"]


@pytest.mark.parametrize("lang", list(BRIEFS))
def test_executive_memo_opens_with_its_head_and_the_bottom_line_on_page_one(built, plans,
                                                                          lang) -> None:
    """No cover: marking, title, subtitle and when/where, then the bottom line at once; page
    one keeps its page-X-of-Y footer and has no running header."""
    plan = plans[(lang, "executive")]
    doc = Document(str(built[(lang, "executive")]))
    paragraphs = doc.paragraphs
    assert [p.style.name for p in paragraphs[:5]] == [
        "Memo Marking", "Title", "Subtitle", "Memo Detail", "Heading 1"]
    assert paragraphs[0].text == plan.meta.marking and paragraphs[1].text == plan.meta.title
    assert paragraphs[4].text == plan.labels["bottom_line"]
    assert not [p for p in paragraphs[:6] if p.paragraph_format.page_break_before
                or p._p.xpath(".//w:br[@w:type='page']")]
    section = doc.sections[0]
    first_footer = section.first_page_footer._element
    assert first_footer.xpath(".//w:instrText[contains(., 'PAGE')]") or first_footer.xpath(
        ".//w:fldSimple[contains(@w:instr, 'PAGE')]")
    assert "".join(p.text for p in section.first_page_header.paragraphs).strip() == ""


# ---------------------------------------------------------------------------- charts vs brief


@pytest.mark.parametrize("lang", list(BRIEFS))
def test_chart_parts_hold_the_briefs_numbers(built, lang) -> None:
    brief = load_brief(BRIEFS[lang]).brief
    figures = {f.id: f for f in brief.figures}
    charts = {c.id: c for c in brief.charts}
    seen = set()
    for audience in AUDIENCES:
        path = built[(lang, audience)]
        rels = {r.get("Id"): r.get("Target") for r in xml(
            path, "word/_rels/document.xml.rels").findall("rel:Relationship", NS)}
        for inline in xml(path, "word/document.xml").iter(f"{{{NS['wp']}}}inline"):
            ref = inline.find(".//c:chart", NS)
            if ref is None:
                continue
            chart = charts[inline.find("wp:docPr", NS).get("name")]
            space = xml(path, "word/" + rels[ref.get(f"{{{NS['r']}}}id")])
            series = space.findall(".//c:ser", NS)
            values = [[float(v.text) for v in s.findall("c:val//c:pt/c:v", NS)] for s in series]
            names = [s.findtext("c:tx//c:v", namespaces=NS) for s in series]
            categories = [v.text for v in series[0].findall("c:cat//c:pt/c:v", NS)]
            if chart.figures:
                assert values == [[figures[f].value for f in chart.figures]]
                assert categories == [figures[f].label for f in chart.figures]
            else:
                assert values == [list(s.values) for s in chart.series]
                assert names == [s.name for s in chart.series]
                assert categories == list(chart.categories)
            assert space.find("c:externalData", NS) is not None
            seen.add(chart.id)
    native = {c.id for c in brief.charts if c.kind.value in ("bar", "line", "pie")}
    assert seen == native  # the academic edition shows every chart of the brief


# ---------------------------------------------------------------------------- outside checkers


@pytest.mark.skipif(shutil.which("docx-integrity") is None, reason="docx-integrity missing")
def test_docx_integrity_finds_nothing(built) -> None:
    run = subprocess.run(["docx-integrity", "check", "--json", "--no-config",
                          *map(str, built.values())], check=False, capture_output=True,
                         text=True, timeout=300)
    report = json.loads(run.stdout)
    assert len(report["files"]) == len(built)
    assert [(f.get("path"), x) for f in report["files"] for x in f["findings"]] == []
    assert run.returncode == 0


# ---------------------------------------------------------------------------- LibreOffice


@case
def test_page_counts_and_no_field_errors(pdf_pages, lang, audience) -> None:
    pages = pdf_pages[(lang, audience)]
    low, high = PAGES[audience]
    assert low <= len(pages) <= high, f"{lang} {audience}: {len(pages)} pages"
    text = "\f".join(pages)
    assert "Error!" not in text and "错误" not in text
    last = "".join(pages[-1].split())
    assert str(len(pages)) in last  # the footer's NUMPAGES, as LibreOffice computes it


@pytest.mark.parametrize("lang", list(BRIEFS))
def test_academic_contents_show_the_pages_libreoffice_lays_the_headings_on(
        built, plans, pdf_pages, lang) -> None:
    plan, pages = plans[(lang, "academic")], pdf_pages[(lang, "academic")]
    body = xml(built[(lang, "academic")], "word/document.xml")
    entries = []
    for link in body.iter(w("hyperlink")):
        instr = instructions(link)
        assert len(instr) == 1 and instr[0].startswith("PAGEREF _Toc")
        texts, page, in_field = [], None, False
        for node in link.iter(w("t"), w("tab"), w("fldChar")):
            tag = node.tag.split("}")[1]
            if tag == "fldChar":
                in_field = node.get(w("fldCharType")) != "end"
            elif in_field:
                page = int(node.text)
            elif tag == "t":
                texts.append(node.text)
        # A single digit is padded to two with a figure space after the tab: not the text.
        entries.append(("".join(texts).rstrip("\u2007"), page))
    headings = [b.text for b in plan.blocks if isinstance(b, Heading)]
    assert len(entries) == len(headings)
    first_body_page = 3  # cover, contents
    contents = squash("".join(pages[:first_body_page]))  # what pdftotext -l 3 shows
    after = first_body_page
    for (printed, page), heading in zip(entries, headings, strict=True):
        assert printed.endswith(heading)
        assert re.search(re.escape(squash(printed)) + r"[.…·]+" + str(page), contents), printed
        where = _heading_page(pages, printed, after)
        assert where == page, f"{printed!r}: contents say {page}, LibreOffice puts it on {where}"
        after = where


def _heading_page(pages: list[str], printed: str, after: int) -> int | None:
    """The first page from ``after`` whose text, outside lines with leader dots, holds it."""
    wanted = squash(printed)
    for number in range(after, len(pages) + 1):
        lines = [squash(line) for line in pages[number - 1].splitlines()
                 if not re.search(r"\.{4,}", line)]
        if wanted in "".join(lines):
            return number
    return None
