"""The DOCX writer, checked by opening what it writes with python-docx, lxml and LibreOffice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt, RGBColor
from lxml import etree
from PIL import Image, ImageDraw

from briefgen.plan.model import (
    ChartBlock,
    FigureTable,
    Heading,
    Paragraph,
    SourcesBlock,
    TimelineBlock,
)
from briefgen.render.docx import reference as ref
from briefgen.render.docx.renderer import ROLE_STYLES, DocxRenderer
from tests.fixtures.plans import sample_plan

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
CASES = [("zh", "briefing"), ("en", "briefing"), ("zh", "press_release"), ("en", "press_release")]


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def make_charts(folder: Path) -> dict[str, Path]:
    """Chart PNGs like the chart step draws: a wide bar chart and a square pie."""
    folder.mkdir(parents=True, exist_ok=True)
    charts = {}
    for chart_id, size in (("trade-2016", (1600, 900)), ("aid", (1000, 1000))):
        image = Image.new("RGB", size, "white")
        ImageDraw.Draw(image).rectangle([100, size[1] // 3, 300, size[1] - 60], fill="steelblue")
        charts[chart_id] = folder / f"{chart_id}.png"
        image.save(charts[chart_id])
    return charts


def render(folder: Path, plan, template: Path | None = None, name: str = "out.docx",
           **options) -> Path:
    """Render ``plan``; the contents stay without page numbers (no ``contents_pages``:
    LibreOffice layouts are tested in test_docx_toc.py)."""
    path = folder / name
    DocxRenderer(template, **options).render(plan, make_charts(folder / "charts"), path)
    return path


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def first(plan, kind):
    return next(b for b in plan.blocks if isinstance(b, kind))


def texts(paragraphs, style: str) -> list[str]:
    return [p.text for p in paragraphs if p.style.name == style]


@pytest.fixture(scope="module", params=CASES, ids=[f"{lang}-{form}" for lang, form in CASES])
def output(request, tmp_path_factory):
    lang, form = request.param
    plan = sample_plan(lang, form)
    path = render(tmp_path_factory.mktemp("docx"), plan)
    return plan, Document(str(path)), path


# ------------------------------------------------------------------------ styles, not formatting


def test_every_paragraph_names_an_existing_style(output) -> None:
    _, _, path = output
    body = part(path, "word/document.xml").find(w("body"))
    style_ids = {s.get(w("styleId")) for s in part(path, "word/styles.xml").iter(w("style"))}
    paragraphs = list(body.iter(w("p")))
    assert paragraphs
    for p in paragraphs:
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        assert style is not None, etree.tostring(p, encoding="unicode")[:200]
        assert style.get(w("val")) in style_ids


def test_runs_carry_no_direct_font_formatting(output) -> None:
    _, _, path = output
    with zipfile.ZipFile(path) as zf:
        stories = [n for n in zf.namelist() if n.startswith(("word/document", "word/header",
                                                              "word/footer"))]
    assert len(stories) == 5  # body, default and first-page header and footer
    for story in stories:
        root = part(path, story)
        for rpr in root.iter(w("rPr")):
            if rpr.getparent().tag != w("r"):
                continue  # paragraph-mark properties are not runs
            direct = {c.tag.split("}")[1] for c in rpr} - {"rStyle"}
            assert not direct, f"{story}: run with direct {direct}"


def test_east_asian_face_and_language_on_defaults_and_every_style(output) -> None:
    plan, _, path = output
    styles = part(path, "word/styles.xml")
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    assert defaults.find(w("rFonts")).get(w("eastAsia")) == plan.fonts.east_asian
    assert defaults.find(w("rFonts")).get(w("ascii")) == plan.fonts.latin
    lang = defaults.find(w("lang"))
    assert lang.get(w("eastAsia")) == "zh-CN"
    assert lang.get(w("val")) == "en-US"  # Latin runs; zh-CN there makes LibreOffice split "0.6%"
    for style in styles.iter(w("style")):
        if style.get(w("type")) in ("paragraph", "character", "table"):
            fonts = style.find(f"{w('rPr')}/{w('rFonts')}")
            assert fonts is not None and fonts.get(w("eastAsia")) == plan.fonts.east_asian
            assert not [a for a in fonts.attrib if "heme" in a]
            assert style.find(f"{w('rPr')}/{w('lang')}").get(w("eastAsia")) == "zh-CN"
    theme_lang = part(path, "word/settings.xml").find(w("themeFontLang"))
    assert theme_lang.get(w("eastAsia")) == "zh-CN"


def test_chinese_body_text_indents_two_characters(output) -> None:
    plan, doc, _ = output
    body = doc.styles["Body Text"]
    ind = body.element.find(f"{w('pPr')}/{w('ind')}")
    if plan.fonts.lang.startswith("zh"):
        assert ind.get(w("firstLineChars")) == "200"
        assert body.paragraph_format.line_spacing == 1.5
    else:
        assert ind is None or ind.get(w("firstLineChars")) is None
        assert body.paragraph_format.space_after is not None


def test_heading_1_is_numbered_from_the_style(output) -> None:
    plan, doc, path = output
    num_id = doc.styles["Heading 1"].element.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
    assert num_id is not None
    numbering = part(path, "word/numbering.xml")
    fmt = numbering.find(f".//{w('abstractNum')}/{w('lvl')}/{w('numFmt')}").get(w("val"))
    assert fmt == ("chineseCounting" if plan.fonts.lang.startswith("zh") else "decimal")


# ---------------------------------------------------------------------------- structure


def test_headings_are_the_plans(output) -> None:
    plan, doc, _ = output
    expected = [(f"Heading {b.level}", b.text) for b in plan.blocks if isinstance(b, Heading)]
    found = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert found == expected


def test_paragraph_roles_map_to_their_styles(output) -> None:
    plan, doc, _ = output
    for block in plan.blocks:
        if isinstance(block, Paragraph):
            assert block.text in texts(doc.paragraphs, ROLE_STYLES[block.role])


def test_briefing_has_cover_toc_and_title_page(output) -> None:
    plan, doc, path = output
    if plan.docx_form != "briefing":
        pytest.skip("briefing only")
    first = doc.paragraphs[:4]
    assert [p.style.name for p in first] == ["Cover Marking", "Title", "Subtitle", "Cover Date"]
    assert first[0].text == plan.meta.marking and first[1].text == plan.meta.title
    after_cover = doc.paragraphs[6]
    assert after_cover.style.name == "TOC Heading"
    assert after_cover.paragraph_format.page_break_before
    xml = etree.tostring(part(path, "word/document.xml"), encoding="unicode")
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml
    fld = [e.get(w("fldCharType")) for e in part(path, "word/document.xml").iter(w("fldChar"))]
    assert fld.count("begin") == fld.count("separate") == fld.count("end")
    assert part(path, "word/settings.xml").find(w("updateFields")).get(w("val")) == "true"
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    assert section.first_page_footer.paragraphs[0].text == ""


def test_press_release_has_masthead_dateline_lead_end_mark_and_no_toc(output) -> None:
    plan, doc, path = output
    if plan.docx_form != "press_release":
        pytest.skip("press release only")
    assert [p.style.name for p in doc.paragraphs[:2]] == ["Title", "Subtitle"]
    assert texts(doc.paragraphs, "Dateline") == [plan.meta.dateline]
    assert len(texts(doc.paragraphs, "Lead")) == 1
    assert texts(doc.paragraphs, "End Mark") == [plan.labels["end_mark"]]
    assert not texts(doc.paragraphs, "Cover Marking")
    assert "TOC \\o" not in etree.tostring(part(path, "word/document.xml"), encoding="unicode")
    assert part(path, "word/settings.xml").find(w("updateFields")) is None


def test_header_has_title_and_footer_page_x_of_y(output) -> None:
    plan, doc, _ = output
    section = doc.sections[0]
    assert section.header.paragraphs[0].text == plan.meta.title
    footer = section.footer.paragraphs[0]
    assert footer.style.name == "Footer"
    instr = [t.text.strip() for t in footer._p.iter(w("instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    label = plan.labels["page_of"]
    assert footer.text == label.replace("{PAGE}", "1").replace("{NUMPAGES}", "1")


def test_captions_number_with_seq_fields(output) -> None:
    plan, doc, _ = output
    if plan.docx_form != "briefing":
        pytest.skip("briefing only")
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    expected = [b.caption for b in plan.blocks if hasattr(b, "caption")]
    expected += [b.chart.caption for b in plan.blocks if isinstance(b, ChartBlock)]
    assert sorted(p.text for p in captions) == sorted(expected)
    seqs = [" ".join(t.text.split()[:2]) for p in captions for t in p._p.iter(w("instrText"))]
    assert sorted(seqs) == ["SEQ Figure", "SEQ Figure", "SEQ Table"]


def test_pictures_have_alt_text_and_fit_the_page(output) -> None:
    plan, doc, path = output
    charts = [b.chart for b in plan.blocks if isinstance(b, ChartBlock)]
    doc_prs = list(part(path, "word/document.xml").iter(f"{{{NS['wp']}}}docPr"))
    assert [d.get("descr") for d in doc_prs] == [c.alt_text for c in charts]
    assert all(d.get("descr") and d.get("title") for d in doc_prs)
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    for shape in doc.inline_shapes:
        assert shape.width <= width + 1
        assert shape.height <= (section.page_height - section.top_margin
                                - section.bottom_margin) / 2
    sources = texts(doc.paragraphs, "Source Note")
    assert sources == [c.source for c in charts]


def test_key_figures_table(output) -> None:
    plan, doc, _ = output
    if plan.docx_form != "briefing":
        assert not doc.tables
        return
    (table,) = doc.tables
    assert table.style.name == "Key Figures"
    header_row = table.rows[0]._tr
    assert header_row.find(f"{w('trPr')}/{w('tblHeader')}") is not None
    block = first(plan, FigureTable)
    assert [c.text for c in table.rows[0].cells] == list(block.header)
    rows = block.rows
    assert [c.text for c in table.rows[1].cells][:2] == [rows[0].label, rows[0].display]
    for row in table.rows:
        styles = [c.paragraphs[0].style.name for c in row.cells]
        assert styles == ["Table Text", "Table Number", "Table Number", "Table Text"]


def test_quote_timeline_sources(output) -> None:
    plan, doc, _ = output
    quote = next(b.quote for b in plan.blocks if hasattr(b, "quote"))
    assert texts(doc.paragraphs, "Quote") == [quote.text]
    (attribution,) = texts(doc.paragraphs, "Quote Attribution")
    assert quote.speaker in attribution and quote.source in attribution
    if plan.docx_form == "briefing":
        timeline = [p for p in doc.paragraphs if p.style.name == "Timeline"]
        dates = [i.date for i in first(plan, TimelineBlock).items]
        assert [p.runs[0].text for p in timeline] == dates
        assert all(p.runs[0].style.name == "Timeline Date" for p in timeline)
        source = first(plan, SourcesBlock).sources[0]
        assert texts(doc.paragraphs, "Source List") == [f"[{source.number}]\t{source.text}"]


def test_core_properties_come_from_the_plan(output) -> None:
    plan, doc, _ = output
    props = doc.core_properties
    stamp = plan.meta.timestamp.astimezone(dt.UTC)
    assert props.created == props.modified == props.last_printed == stamp
    assert props.revision == 1
    assert props.title == plan.meta.title
    assert props.author == props.last_modified_by == plan.meta.organiser
    assert props.language == plan.fonts.lang
    assert props.keywords == ", ".join(plan.meta.keywords)


def test_docx_integrity_finds_nothing(output) -> None:
    _, _, path = output
    exe = shutil.which("docx-integrity")
    if exe is None:
        pytest.skip("docx-integrity is not installed")
    run = subprocess.run([exe, "check", str(path), "--json", "--no-config"],
                         check=False, capture_output=True, text=True, timeout=120)
    report = json.loads(run.stdout)
    assert [f for file in report["files"] for f in file["findings"]] == []
    assert run.returncode == 0


# ------------------------------------------------------------------------ determinism and failure


@pytest.mark.parametrize("lang,form", CASES[:3])
def test_two_renders_are_identical(tmp_path, lang, form) -> None:
    plan = sample_plan(lang, form)
    first = render(tmp_path / "a", plan)
    second = render(tmp_path / "b", plan)  # charts at other paths, same pictures
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            assert a.read(name) == b.read(name), name


def test_unknown_block_fails_loudly(tmp_path) -> None:
    @dataclasses.dataclass(frozen=True)
    class Mystery:
        text: str

    plan = dataclasses.replace(sample_plan("en"), blocks=(Mystery("?"),))
    with pytest.raises(TypeError, match="Mystery"):
        render(tmp_path, plan)


def test_missing_chart_picture_fails_loudly(tmp_path) -> None:
    plan = sample_plan("zh")
    with pytest.raises(KeyError, match="trade-2016"):
        DocxRenderer(native_charts=False).render(plan, {}, tmp_path / "out.docx")


def test_unknown_paragraph_role_fails_loudly(tmp_path) -> None:
    plan = dataclasses.replace(sample_plan("en"), blocks=(Paragraph("x", "sidebar"),))
    with pytest.raises(ValueError, match="sidebar"):
        render(tmp_path, plan)


# ---------------------------------------------------------------------------- --docx-template


def user_template(path: Path) -> Path:
    """A template as an organisation would bring it: Word's defaults, a red Georgia Heading 1,
    leftover body text and header, and none of briefgen's own styles."""
    doc = Document()
    heading = doc.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    heading.font.size = Pt(20)
    doc.add_paragraph("template body to be cleared")
    doc.sections[0].header.add_paragraph("OLD HEADER")
    doc.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_template_styles_are_used_and_missing_ones_added(tmp_path, suffix) -> None:
    template = user_template(tmp_path / "org.docx")
    if suffix == ".dotx":
        dotx = tmp_path / "org.dotx"
        with zipfile.ZipFile(template) as src, zipfile.ZipFile(dotx, "w") as dst:
            for info in src.infolist():
                blob = src.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(b"document.main+xml", b"template.main+xml")
                dst.writestr(info, blob)
        template = dotx
    plan = sample_plan("zh")
    doc = Document(str(render(tmp_path, plan, template=template)))
    heading = doc.styles["Heading 1"]
    assert heading.font.name == "Georgia"
    assert heading.font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    fonts = heading.element.find(f"{w('rPr')}/{w('rFonts')}")
    assert fonts.get(w("eastAsia")) == plan.fonts.east_asian
    assert texts(doc.paragraphs, "Heading 1")[0] == first(plan, Heading).text
    assert "template body to be cleared" not in [p.text for p in doc.paragraphs]
    assert doc.sections[0].header.paragraphs[0].text == plan.meta.title
    for added in ("Bottom Line", "Cover Marking", "Table Number", "Source Note"):
        assert doc.styles[added].base_style is not None
    assert doc.styles["Table Number"].paragraph_format.alignment == 2  # right


# ---------------------------------------------------------------------------- reference documents


def test_reference_documents_are_reproducible_and_committed_current() -> None:
    for lang in ref.LANGUAGES:
        built = ref.to_bytes(ref.build(lang))
        assert built == ref.to_bytes(ref.build(lang))
        assert ref.reference_path(lang).read_bytes() == built, (
            "templates/docx is stale: run python -m briefgen.render.docx.reference")


# ---------------------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_libreoffice_converts_it_with_working_fields(tmp_path, lang) -> None:
    plan = sample_plan(lang)
    path = render(tmp_path, plan, name=f"brief-{lang}.docx")
    profile = (tmp_path / "lo-profile").as_uri()  # own profile: other soffice runs may be live
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=240)
    pdf = tmp_path / f"brief-{lang}.pdf"
    assert pdf.exists()
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "".join(plan.meta.title.split()) in "".join(text.split())
    assert "Error!" not in text and "错误" not in text
    pages = text.count("\f")
    last_footer = plan.labels["page_of"].replace("{PAGE}", str(pages)).replace(
        "{NUMPAGES}", str(pages))
    assert "".join(last_footer.split()) in "".join(text.split())
