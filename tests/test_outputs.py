"""End to end: build the bundled brief for every audience and read the files as a reader would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pptx import Presentation

from briefgen.load.brief import load_brief
from briefgen.pipeline import build
from briefgen.plan.formatting import figure_view
from briefgen.plan.labels import base_labels
from briefgen.resources import default_brief
from tests.fixtures.reading import slide_title as read_title

AUDIENCES = ("executive", "press", "academic")
A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    build(audiences=list(AUDIENCES), out=out)
    return {(o.stem.rsplit("-", 1)[1], o.suffix[1:]): o for o in out.iterdir()}


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def docx_headings(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name.startswith("Heading")]


def slide_titles(path: Path) -> list[str]:
    return [read_title(s) for s in Presentation(str(path)).slides]


def test_six_files_written(outputs):
    assert sorted(outputs) == sorted((a, f) for a in AUDIENCES for f in ("docx", "pptx"))


def test_documents_grow_from_executive_to_press_to_academic(outputs):
    lengths = [len(docx_text(outputs[(a, "docx")])) for a in AUDIENCES]
    assert lengths[0] < lengths[1] < lengths[2]
    slides = [len(Presentation(str(outputs[(a, "pptx")])).slides) for a in AUDIENCES]
    assert slides[0] <= 10 < slides[1] < slides[2]


def test_headings_follow_each_profile(outputs):
    brief = load_brief(default_brief()).brief
    titles = [s.title for s in brief.sections]
    executive = docx_headings(outputs[("executive", "docx")])
    academic = docx_headings(outputs[("academic", "docx")])
    assert executive[:2] == ["核心要点", "关键数据"]
    assert set(titles) <= set(academic)
    assert len(set(titles) & set(executive)) < len(titles)
    press = docx_headings(outputs[("press", "docx")])
    assert "背景资料" in press and press[-1] == "资料来源"


def test_every_figure_appears_in_the_academic_briefing(outputs):
    loaded = load_brief(default_brief()).brief
    text = docx_text(outputs[("academic", "docx")])
    sources = {s.id: s for s in loaded.sources}
    for fig in loaded.figures:
        view = figure_view(fig, sources, base_labels("zh"))
        assert view.display in text, fig.id


def test_deck_titles_per_audience(outputs):
    executive = slide_titles(outputs[("executive", "pptx")])
    press = slide_titles(outputs[("press", "pptx")])
    academic = slide_titles(outputs[("academic", "pptx")])
    assert executive[1] == "核心要点"
    assert press[1] == "新闻数据"
    assert academic[1] == "议程"
    assert executive[-1] == press[-1] == academic[-1] == "资料来源"


def test_notes_on_every_content_slide(outputs):
    for audience in AUDIENCES:
        prs = Presentation(str(outputs[(audience, "pptx")]))
        for n, slide in enumerate(list(prs.slides)[1:], start=2):
            assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), (
                audience, n)


def test_deck_has_a_native_chart_with_the_brief_numbers(outputs):
    prs = Presentation(str(outputs[("executive", "pptx")]))
    charts = [sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart]
    assert charts
    values = {v for c in charts for p in c.plots for s in p.series for v in s.values}
    assert {3.8, 2.4} <= values  # 2016 exports and imports, 万亿元


def test_east_asian_font_on_every_run_and_style(outputs):
    for audience in AUDIENCES:
        doc = Document(str(outputs[(audience, "docx")]))
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        fonts = defaults.find(".//" + qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK SC"
        lang = defaults.find(".//" + qn("w:lang"))
        assert lang.get(qn("w:eastAsia")) == "zh-CN"
        prs = Presentation(str(outputs[(audience, "pptx")]))
        for slide in prs.slides:
            for rpr in slide._element.iter(f"{A_NS}rPr"):
                ea = rpr.find(f"{A_NS}ea")
                assert ea is not None and ea.get("typeface") == "Noto Sans CJK SC"
                assert rpr.get("lang") == "zh-CN"


def test_pictures_in_the_briefing_have_alt_text(outputs):
    doc = Document(str(outputs[("academic", "docx")]))
    pics = doc.element.body.findall(".//" + qn("wp:docPr"))
    assert len(pics) >= 4
    assert all(p.get("descr") for p in pics)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
@pytest.mark.parametrize("fmt", ["docx", "pptx"])
def test_every_file_converts_to_pdf_with_libreoffice(outputs, tmp_path, fmt):
    files = [str(p) for (a, f), p in outputs.items() if f == fmt]  # one stem per folder
    run = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                          str(tmp_path), *files], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    for audience in AUDIENCES:
        pdf = tmp_path / (outputs[(audience, fmt)].stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 10_000, pdf.name
