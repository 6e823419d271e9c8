"""Native Word charts: chart parts with their workbook, styled, and shown inline with alt text."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from PIL import Image

from briefgen.charts.style import PALETTE
from briefgen.plan.model import ChartBlock, ChartSeries, ChartSpec
from briefgen.plan.present import caption_number, make_chart_spec
from briefgen.render.docx.renderer import DocxRenderer
from tests.fixtures.plans import labels as label_file
from tests.fixtures.plans import sample_plan

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def line_chart(lang: str) -> ChartSpec:
    years = ("2014", "2015", "2016")
    return make_chart_spec(
        id="trade-trend", kind="line", title="Trade trend", categories=years,
        series=(ChartSeries("Exports", (3.1, 3.5, 3.8)), ChartSeries("Imports", (2.0, 2.2, 2.4))),
        unit="万亿元" if lang == "zh" else "trillion yuan",
        value_labels=(("3.1", "3.5", "3.8"), ("2.0", "2.2", "2.4")), source="",
        caption=(caption := "图3 Trade trend" if lang == "zh" else "Figure 3 Trade trend"),
        caption_number=caption_number(caption, label_file(lang), "figure_caption"),
        alt_text="Trade trend, 2014-2016", language=lang)


def timeline_chart(lang: str) -> ChartSpec:
    return make_chart_spec(
        id="events", kind="timeline", title="Events", categories=("2013 A", "2017 B"), series=(),
        unit="", value_labels=(), source="",
        caption=(caption := "图4 Events" if lang == "zh" else "Figure 4 Events"),
        caption_number=caption_number(caption, label_file(lang), "figure_caption"),
        alt_text="Events: 2013 A; 2017 B", language=lang)


def chart_plan(lang: str):
    """The sample plan (a bar and a pie chart) plus a two-series line chart and a timeline."""
    plan = sample_plan(lang)
    extra = (ChartBlock(line_chart(lang)), ChartBlock(timeline_chart(lang)))
    return dataclasses.replace(plan, blocks=plan.blocks + extra,
                               charts=plan.charts + tuple(b.chart for b in extra))


def pictures(folder: Path, plan) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for chart in plan.charts:
        Image.new("RGB", (1600, 900), "white").save(folder / f"{chart.id}.png")
    return {c.id: folder / f"{c.id}.png" for c in plan.charts}


def render(folder: Path, plan, **options) -> Path:
    path = folder / "charts.docx"
    DocxRenderer(**options).render(plan, pictures(folder / "png", plan), path)
    return path


class Package:
    """A written DOCX read as parts and relationships."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as zf:
            self.blobs = {name: zf.read(name) for name in zf.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.blobs[name])

    def rels(self, name: str) -> dict[str, tuple[str, str]]:
        folder, _, base = name.rpartition("/")
        root = self.xml(f"{folder}/_rels/{base}.rels")
        return {r.get("Id"): (r.get("Type"), r.get("Target"))
                for r in root.findall("rel:Relationship", NS)}

    def content_type(self, name: str) -> str | None:
        types = self.xml("[Content_Types].xml")
        for override in types.findall("ct:Override", NS):
            if override.get("PartName") == "/" + name:
                return override.get("ContentType")
        ext = name.rsplit(".", 1)[-1]
        for default in types.findall("ct:Default", NS):
            if default.get("Extension") == ext:
                return default.get("ContentType")
        return None

    def charts(self) -> list[tuple[etree._Element, str, etree._Element]]:
        """(wp:inline, chart part name, c:chartSpace) for each chart in the body, in order."""
        rels = self.rels("word/document.xml")
        found = []
        for inline in self.xml("word/document.xml").iter(f"{{{NS['wp']}}}inline"):
            ref = inline.find(".//c:chart", NS)
            if ref is None:
                continue
            kind, target = rels[ref.get(f"{{{NS['r']}}}id")]
            assert kind == RT + "chart"
            name = "word/" + target
            found.append((inline, name, self.xml(name)))
        return found

    def workbook(self, chart_name: str) -> etree._Element:
        """The embedded workbook's first sheet, values resolved (shared strings inlined)."""
        space = self.xml(chart_name)
        rid = space.find("c:externalData", NS).get(f"{{{NS['r']}}}id")
        kind, target = self.rels(chart_name)[rid]
        assert kind == RT + "package"
        name = _join(chart_name, target)
        assert self.content_type(name) == XLSX_CT
        with zipfile.ZipFile(io.BytesIO(self.blobs[name])) as xlsx:
            sheet = etree.fromstring(xlsx.read("xl/worksheets/sheet1.xml"))
            strings = [si.findtext(".//x:t", namespaces=NS) for si in etree.fromstring(
                xlsx.read("xl/sharedStrings.xml")).findall("x:si", NS)]
        for cell in sheet.iter(f"{{{NS['x']}}}c"):
            if cell.get("t") == "s":
                cell.find("x:v", NS).text = strings[int(cell.findtext("x:v", namespaces=NS))]
        return sheet


def _join(part: str, target: str) -> str:
    """Resolve a relative relationship target against the folder of ``part``."""
    parts = part.split("/")[:-1]
    for piece in target.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def cells(sheet: etree._Element) -> dict[str, str]:
    return {c.get("r"): c.findtext("x:v", namespaces=NS) for c in sheet.iter(f"{{{NS['x']}}}c")}


def cache(ser: etree._Element, tag: str) -> list[str]:
    return [v.text for v in ser.findall(f"c:{tag}//c:pt/c:v", NS)]


@pytest.fixture(scope="module", params=["zh", "en"])
def written(request, tmp_path_factory):
    plan = chart_plan(request.param)
    path = render(tmp_path_factory.mktemp(f"charts-{request.param}"), plan)
    return plan, Package(path), path


def native_specs(plan) -> list[ChartSpec]:
    return [b.chart for b in plan.blocks if isinstance(b, ChartBlock)
            and b.chart.kind != "timeline"]


# ---------------------------------------------------------------------------- parts


def test_each_bar_line_pie_chart_is_a_chart_part_with_its_workbook(written) -> None:
    _, pkg, _ = written
    charts = pkg.charts()
    assert [name for _, name, _ in charts] == [f"word/charts/chart{n}.xml" for n in (1, 2, 3)]
    for n, (_, name, space) in enumerate(charts, start=1):
        assert pkg.content_type(name) == CHART_CT
        rels = pkg.rels(name)
        assert list(rels.values()) == [(RT + "package",
                                        f"../embeddings/Microsoft_Excel_Sheet{n}.xlsx")]
        assert space.find("c:externalData/c:autoUpdate", NS).get("val") == "0"
    kinds = [next(c.tag.split("}")[1] for c in space.find("c:chart/c:plotArea", NS)
                  if c.tag.endswith("Chart")) for *_, space in charts]
    assert kinds == ["barChart", "pieChart", "lineChart"]


def test_series_and_values_are_the_plans_in_the_chart_and_its_workbook(written) -> None:
    plan, pkg, _ = written
    for spec, (_, name, space) in zip(native_specs(plan), pkg.charts(), strict=True):
        series = space.findall(".//c:ser", NS)
        assert len(series) == len(spec.series)
        book = cells(pkg.workbook(name))
        for col, (ser, want) in enumerate(zip(series, spec.series, strict=True)):
            assert cache(ser, "tx") == [want.name]
            assert cache(ser, "cat") == list(spec.categories)
            assert [float(v) for v in cache(ser, "val")] == list(want.values)
            letter = "BCDEFG"[col]
            assert book[f"{letter}1"] == want.name
            assert [float(book[f"{letter}{r}"]) for r in range(2, 2 + len(want.values))] == \
                list(want.values)
        assert [book[f"A{r}"] for r in range(2, 2 + len(spec.categories))] == \
            list(spec.categories)


def test_timeline_is_a_table_not_a_picture(written) -> None:
    plan, pkg, _ = written
    doc_prs = list(pkg.xml("word/document.xml").iter(f"{{{NS['wp']}}}docPr"))
    assert not [d for d in doc_prs if d.get("name").endswith(".png")]
    assert not [n for n in pkg.blobs if n.startswith("word/media")]
    captions = [t.get(f"{{{NS['w']}}}val") for t in
                pkg.xml("word/document.xml").iter(f"{{{NS['w']}}}tblCaption")]
    assert timeline_chart(plan.meta.language).title in captions


def test_pictures_only_when_native_charts_are_off(tmp_path) -> None:
    plan = chart_plan("zh")
    pkg = Package(render(tmp_path, plan, native_charts=False))
    assert pkg.charts() == []
    assert not [n for n in pkg.blobs if n.startswith(("word/charts", "word/embeddings"))]
    names = [d.get("name") for d in pkg.xml("word/document.xml").iter(f"{{{NS['wp']}}}docPr")]
    assert names == [f"{c.id}.png" for c in plan.charts]


# ---------------------------------------------------------------------------- in the document


def test_inline_has_alt_text_width_caption_and_source(written) -> None:
    plan, pkg, path = written
    doc = Document(str(path))
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for spec, (inline, _, _) in zip(native_specs(plan), pkg.charts(), strict=True):
        doc_pr = inline.find("wp:docPr", NS)
        assert (doc_pr.get("descr"), doc_pr.get("title")) == (spec.alt_text, spec.title)
        extent = inline.find("wp:extent", NS)
        assert int(extent.get("cx")) == text_width
        assert int(extent.get("cy")) == text_width * 9 // 16
    ids = [d.get("id") for d in pkg.xml("word/document.xml").iter(f"{{{NS['wp']}}}docPr")]
    assert len(set(ids)) == len(ids)
    paragraphs = doc.paragraphs
    for n, p in enumerate(paragraphs):
        if p.style.name == "Figure":
            assert paragraphs[n + 1].style.name == "Caption"
            assert "SEQ Figure" in "".join(t.text for t in p._p.getnext().iter(
                f"{{{NS['w']}}}instrText"))
    sources = [p.text for p in paragraphs if p.style.name == "Source Note"]
    assert sources == [c.source for c in plan.charts if c.source]


# ---------------------------------------------------------------------------- look


def test_every_chart_text_names_both_faces_and_the_language(written) -> None:
    plan, pkg, _ = written
    for *_, space in pkg.charts():
        props = space.findall(".//a:defRPr", NS) + space.findall(".//a:rPr", NS)
        assert props
        for rpr in props:
            assert rpr.find("a:latin", NS).get("typeface") == plan.fonts.latin
            assert rpr.find("a:ea", NS).get("typeface") == plan.fonts.east_asian
            assert rpr.get("lang") == plan.fonts.lang
        assert space.find("c:lang", NS).get("val") == plan.fonts.lang
        assert space.find("c:roundedCorners", NS).get("val") == "0"


def test_palette_colours_value_labels_and_unit(written) -> None:
    plan, pkg, _ = written
    palette = [c.lstrip("#").upper() for c in PALETTE]
    for spec, (_, _, space) in zip(native_specs(plan), pkg.charts(), strict=True):
        labels = space.find(".//c:dLbls", NS)
        assert labels.find("c:showVal", NS).get("val") == "1"
        fmt = labels.find("c:numFmt", NS).get("formatCode")
        title = "".join(t.text for t in space.findall("c:chart/c:title//a:t", NS))
        assert title == spec.unit_line and (spec.kind == "pie") == (not title)
        if spec.kind == "pie":
            points = space.findall(".//c:dPt/c:spPr/a:solidFill/a:srgbClr", NS)
            assert [p.get("val") for p in points] == palette[:len(spec.categories)]
            assert fmt == spec.label_format and fmt.startswith(spec.number_format + '"')
            assert spec.unit in fmt
            assert labels.find("c:showCatName", NS).get("val") == "1"
        else:
            fills = [s.find("c:spPr/a:solidFill/a:srgbClr", NS) if spec.kind == "bar" else
                     s.find("c:spPr/a:ln/a:solidFill/a:srgbClr", NS)
                     for s in space.findall(".//c:ser", NS)]
            assert [f.get("val") for f in fills] == palette[:len(spec.series)]
            assert fmt == spec.number_format
            has_legend = space.find("c:chart/c:legend", NS) is not None
            assert has_legend == (len(spec.series) > 1)


def test_workbooks_are_byte_identical_across_builds(tmp_path) -> None:
    plan = chart_plan("en")
    first = Package(render(tmp_path / "a", plan)).blobs
    second = Package(render(tmp_path / "b", plan)).blobs
    embedded = [n for n in first if n.startswith(("word/charts", "word/embeddings"))]
    assert len(embedded) == 9  # three charts, their rels, three workbooks
    assert all(first[n] == second[n] for n in embedded)


# ---------------------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler-utils is not installed")
def test_libreoffice_draws_the_charts_with_their_labels(written, tmp_path) -> None:
    plan, _, path = written
    if plan.meta.language != "zh":
        pytest.skip("one layout is enough: the Chinese labels are the harder case")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", str(tmp_path / "charts.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    squashed = "".join(text.split())
    for spec in native_specs(plan):
        assert "".join((spec.unit_line or spec.unit).split()) in squashed
        for labels in spec.value_labels:
            for label in labels:
                assert label in text
    assert "Error" not in text and "错误" not in text
