"""The raw-XML helpers of the DOCX writer: each does one thing, in schema order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from briefgen.render.docx import oxml as ox

DOCX_DIR = Path(ox.__file__).parents[1]


def children(el) -> list[str]:
    return [c.tag.split("}")[1] for c in el]


def ppr():
    return parse_xml(f'<w:pPr {nsdecls("w")}><w:pStyle w:val="X"/><w:jc w:val="left"/></w:pPr>')


def test_children_are_inserted_in_schema_order() -> None:
    el = ppr()
    ox.set_outline_level(el, 0)
    ox.set_first_line_chars(el, 200, 480)
    ox.set_borders(el, ("top", "bottom"), "1F3864")
    ox.set_shading(el, "EEF2F8")
    ox.set_numbering(el, 3)
    assert children(el) == ["pStyle", "numPr", "pBdr", "shd", "ind", "jc", "outlineLvl"]
    assert children(el.find(qn("w:pBdr"))) == ["top", "bottom"]
    ind = el.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "480"
    numpr = el.find(qn("w:numPr"))
    assert children(numpr) == ["ilvl", "numId"] and numpr[1].get(qn("w:val")) == "3"


def test_set_fonts_drops_theme_fonts_that_would_override_them() -> None:
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:rFonts w:asciiTheme="minorHAnsi" '
                    'w:eastAsiaTheme="minorEastAsia"/><w:b/></w:rPr>')
    ox.set_fonts(rpr, "Calibri", "Noto Sans CJK SC")
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Calibri"
    assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK SC"
    assert not [a for a in fonts.attrib if a.endswith(("Theme", "theme"))]


def test_east_asian_font_alone_keeps_the_latin_face() -> None:
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:rFonts w:ascii="Georgia" '
                    'w:eastAsiaTheme="minorEastAsia"/></w:rPr>')
    assert ox.east_asian_font(rpr) is None  # themed: Word would fall back to the theme's face
    ox.set_east_asian_font(rpr, "Noto Sans CJK SC")
    assert ox.east_asian_font(rpr) == "Noto Sans CJK SC"
    assert rpr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Georgia"


def test_language_goes_last_in_run_properties() -> None:
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:b/></w:rPr>')
    ox.set_language(rpr, "en-US", "zh-CN")
    ox.set_fonts(rpr, "A", "B")
    assert children(rpr) == ["rFonts", "b", "lang"]
    lang = rpr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "zh-CN")


def test_doc_defaults_rpr_is_created_first() -> None:
    styles = parse_xml(f'<w:styles {nsdecls("w")}><w:style w:styleId="Normal"/></w:styles>')
    rpr = ox.doc_defaults_rpr(styles)
    assert children(styles) == ["docDefaults", "style"]
    assert rpr is ox.doc_defaults_rpr(styles)


def test_list_definitions_get_fresh_ids_and_abstracts_precede_nums() -> None:
    numbering = Document().part.numbering_part.element
    ox.clear_numbering(numbering)
    first = ox.add_list_definition(numbering, ox.ListLevel("chineseCounting", "%1、",
                                                           suffix="nothing", style_id="Heading1"))
    second = ox.add_list_definition(numbering, ox.ListLevel("bullet", "•", 420, 420))
    assert (first, second) == (1, 2)
    assert children(numbering) == ["abstractNum", "abstractNum", "num", "num"]
    lvl = numbering.find(qn("w:abstractNum")).find(qn("w:lvl"))
    assert children(lvl) == ["start", "numFmt", "pStyle", "suff", "lvlText", "lvlJc", "pPr"]
    assert lvl.find(qn("w:lvlText")).get(qn("w:val")) == "%1、"


def test_complex_field_runs() -> None:
    p = parse_xml(f'<w:p {nsdecls("w")}/>')
    ox.append_field(p, "SEQ Table \\* ARABIC", "1")
    kinds = [r[0].get(qn("w:fldCharType")) or r[0].tag.split("}")[1] for r in p]
    assert kinds == ["begin", "instrText", "separate", "t", "end"]
    assert p.find(f".//{qn('w:instrText')}").text == " SEQ Table \\* ARABIC "


def test_update_fields_and_theme_font_lang_keep_settings_order() -> None:
    settings = Document().settings.element
    ox.set_update_fields(settings)
    ox.set_theme_font_lang(settings, "en-US", "zh-CN")
    names = children(settings)
    assert names.index("updateFields") < names.index("compat") < names.index("themeFontLang")
    assert names.count("themeFontLang") == 1


def test_table_row_flags_and_layout() -> None:
    table = Document().add_table(rows=2, cols=2)
    tr = ox.element_of(table.rows[0])
    ox.mark_header_row(tr)
    ox.keep_row_together(tr)
    ox.mark_header_row(tr)
    assert children(tr.find(qn("w:trPr"))) == ["tblHeader", "cantSplit"]
    tbl = ox.element_of(table)
    ox.set_table_layout(tbl, 100, "Key figures")
    tblpr = tbl.find(qn("w:tblPr"))
    assert tblpr.find(qn("w:tblW")).get(qn("w:w")) == "5000"
    assert children(tblpr)[-2:] == ["tblLook", "tblCaption"]


# ---------------------------------------------------------------------------- body content
# The writer builds paragraphs, runs and tables with these helpers instead of python-docx's
# proxies, for speed; the XML must stay what python-docx writes, so the files do not change.

TRICKY_TEXT = " lead\tafter a tab\nnext line\r\n\u3000全角 "


def test_paragraphs_and_runs_are_what_python_docx_writes() -> None:
    theirs = Document()
    theirs.add_paragraph(TRICKY_TEXT, style="Heading 1")
    p = theirs.add_paragraph(style="Normal")  # the default style: an empty w:pPr
    p.paragraph_format.page_break_before = True
    p.add_run("date", style="Strong")
    p.add_run("plain", style="Default Paragraph Font")
    p.add_run()
    theirs.sections[0].header.add_paragraph("title", style="Header")

    ours = Document()
    body = ours.element.body
    ox.add_paragraph(body, "Heading1", TRICKY_TEXT)
    p = ox.add_paragraph(body, None)
    ox.set_page_break_before(p)
    ox.set_run_style(ox.append_run(p, "date"), "Strong")
    ox.set_run_style(ox.append_run(p, "plain"), None)
    ox.append_run(p)
    ox.add_paragraph(ox.element_of(ours.sections[0].header), "Header", "title")

    assert body.xml == theirs.element.body.xml
    assert children(body)[-1] == "sectPr"
    header_xml = [ox.element_of(d.sections[0].header).xml for d in (ours, theirs)]
    assert header_xml[0] == header_xml[1]


def test_tables_are_what_python_docx_writes() -> None:
    widths, styles = (Cm(3), Cm(5)), ("Normal", "Heading 1")
    rows = (("a", " b"), ("c\td", ""))
    theirs = Document()
    table = theirs.add_table(rows=len(rows), cols=len(widths))
    table.style = "Table Grid"
    for col, width in zip(table.columns, widths):
        col.width = width
        for cell in col.cells:
            cell.width = width
    for row, texts in zip(table.rows, rows):
        for cell, style, text in zip(row.cells, styles, texts):
            cell.paragraphs[0].style = style
            cell.paragraphs[0].add_run(text)

    ours = Document()
    twips = [w.twips for w in widths]
    tbl = ox.add_table(ours.element.body, "TableGrid", twips)
    for texts in rows:
        ox.add_table_row(tbl, twips, (None, "Heading1"), texts)
    assert ours.element.body.xml == theirs.element.body.xml


def test_picture_inline_is_what_python_docx_writes(tmp_path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 10), "white").save(tmp_path / "a.png")
    theirs = Document().add_paragraph().add_run()
    theirs.add_picture(str(tmp_path / "a.png"), width=Cm(4))

    doc = Document()
    rid, image = doc.part.get_or_add_image(str(tmp_path / "a.png"))
    cx, cy = image.scaled_dimensions(Cm(4), None)
    ours = ox.append_run(ox.add_paragraph(doc.element.body, None))
    ox.add_picture_inline(ours, doc.part.next_id, rid, image.filename, cx, cy)
    assert ours.xml == ox.element_of(theirs).xml


def test_clear_story_keeps_the_section() -> None:
    doc = Document()
    doc.add_paragraph("x")
    doc.add_table(rows=1, cols=1)
    ox.clear_story(doc.element.body)
    assert children(doc.element.body) == ["sectPr"]


def test_picture_text_sets_alt_text(tmp_path) -> None:
    from PIL import Image

    Image.new("RGB", (20, 10), "white").save(tmp_path / "a.png")
    run = Document().add_paragraph().add_run()
    run.add_picture(str(tmp_path / "a.png"))
    ox.set_picture_text(ox.element_of(run), "chart.png", "Title", "A bar chart")
    doc_pr = next(ox.element_of(run).iter(qn("wp:docPr")))
    assert (doc_pr.get("name"), doc_pr.get("title"), doc_pr.get("descr")) == (
        "chart.png", "Title", "A bar chart")


def test_element_of_rejects_what_has_no_element() -> None:
    with pytest.raises(TypeError):
        ox.element_of(object())


@pytest.mark.parametrize("name", ["renderer.py", "reference.py", "charts.py", "toc.py"])
def test_raw_xml_lives_only_in_oxml(name: str) -> None:
    source = (DOCX_DIR / name).read_text("utf-8")
    for needle in ("lxml", "qn(", "OxmlElement", "parse_xml", "xpath"):
        assert needle not in source, f"{name} uses {needle}"
    assert not re.search(r"\._(element|p|r|tbl|tr|sectPr)\b", source), f"{name} reaches into XML"


# ---------------------------------------------------------------------------- contents


def test_style_numbering_follows_based_on_to_the_list_level() -> None:
    doc = Document()
    numbering = doc.part.numbering_part.element
    ox.clear_numbering(numbering)
    num_id = ox.add_list_definition(numbering, ox.ListLevel("chineseCounting", "%1、",
                                                            suffix="nothing", start=3))
    styles = parse_xml(
        f'<w:styles {nsdecls("w")}>'
        f'<w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="{num_id}"/></w:numPr>'
        '</w:pPr></w:style><w:style w:styleId="Mine"><w:basedOn w:val="H1"/></w:style>'
        '<w:style w:styleId="Plain"/></w:styles>')
    found = ox.style_numbering(styles, numbering, "Mine")
    assert found == (num_id, 0, {0: ox.ListLevel("chineseCounting", "%1、", suffix="nothing",
                                                  start=3)})
    assert ox.style_numbering(styles, numbering, "Plain") is None
    assert ox.style_numbering(styles, None, "H1") is None


def test_bookmark_wraps_the_content_and_hyperlink_runs_keep_tabs() -> None:
    p = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
                  '<w:r><w:t>摘要</w:t></w:r></w:p>')
    ox.add_bookmark(p, 4, "_Toc100000005")
    assert children(p) == ["pPr", "bookmarkStart", "r", "bookmarkEnd"]
    assert p[1].get(qn("w:name")) == "_Toc100000005" and p[3].get(qn("w:id")) == "4"
    link = ox.append_hyperlink(parse_xml(f'<w:p {nsdecls("w")}/>'), "_Toc100000005")
    ox.append_text(link, "1.\tAbstract")
    assert link.get(qn("w:anchor")) == "_Toc100000005"
    assert children(link[0]) == ["t", "tab", "t"]


# ---------------------------------------------------------------------------- charts


def chart_space_xml() -> bytes:
    return (
        b'<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        b'<c:date1904 val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:rPr>'
        b'<a:solidFill><a:srgbClr val="595959"/></a:solidFill><a:extLst/></a:rPr><a:t>u</a:t>'
        b'</a:r></a:p></c:rich></c:tx><c:spPr/></c:title><c:plotArea><c:barChart><c:dLbls>'
        b'<c:showVal val="1"/><c:showLeaderLines val="1"/></c:dLbls></c:barChart><c:catAx>'
        b'<c:txPr><a:bodyPr/></c:txPr></c:catAx><c:valAx/></c:plotArea></c:chart>'
        b'<c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr></a:p></c:txPr>'
        b"</c:chartSpace>")


def test_chart_space_gets_language_square_corners_and_no_frame_in_order() -> None:
    space = ox.chart_space(chart_space_xml())
    ox.frame_chart_space(space, "zh-CN")
    ox.frame_chart_space(space, "zh-CN")
    assert children(space) == ["date1904", "lang", "roundedCorners", "chart", "spPr", "txPr"]
    assert space.find(qn("c:lang")).get("val") == "zh-CN"
    assert children(space.find(qn("c:spPr"))) == ["noFill", "ln"]


def test_chart_fonts_go_after_the_fill_and_before_extensions() -> None:
    space = ox.chart_space(chart_space_xml())
    ox.set_chart_fonts(space, "Calibri", "Noto Sans CJK SC", "en-US", "zh-CN")
    ox.set_chart_fonts(space, "Calibri", "Noto Sans CJK SC", "en-US", "zh-CN")
    rpr = next(space.iter(qn("a:rPr")))
    assert children(rpr) == ["solidFill", "latin", "ea", "cs", "extLst"]
    defrpr = next(space.iter(qn("a:defRPr")))
    assert children(defrpr) == ["latin", "ea", "cs"]
    assert defrpr.find(qn("a:ea")).get("typeface") == "Noto Sans CJK SC"
    assert (defrpr.get("lang"), defrpr.get("altLang")) == ("en-US", "zh-CN")


def test_label_separator_title_position_and_wrapping_axis() -> None:
    space = ox.chart_space(chart_space_xml())
    labels = next(space.iter(qn("c:dLbls")))
    ox.set_label_separator(labels, "\n")
    assert children(labels) == ["showVal", "separator", "showLeaderLines"]
    title = next(space.iter(qn("c:title")))
    ox.place_chart_title(title, 0.005, 0.01)
    assert children(title) == ["tx", "layout", "overlay", "spPr"]
    manual = title.find(f"{qn('c:layout')}/{qn('c:manualLayout')}")
    assert [(c.tag.split("}")[1], c.get("val")) for c in manual] == [
        ("xMode", "edge"), ("yMode", "edge"), ("x", "0.005"), ("y", "0.01")]
    ox.wrap_axis_labels(next(space.iter(qn("c:catAx"))))
    body = next(space.iter(qn("c:catAx"))).find(f"{qn('c:txPr')}/{qn('a:bodyPr')}")
    assert dict(body.attrib) == {"rot": "0", "vert": "horz", "wrap": "square"}
    with pytest.raises(ValueError, match="tick label font"):
        ox.wrap_axis_labels(next(space.iter(qn("c:valAx"))))


def test_chart_inline_carries_alt_text_and_the_chart_reference() -> None:
    run = Document().add_paragraph().add_run()
    ox.add_chart_inline(ox.element_of(run), "rId9", 5_000_000, 2_800_000, 3, "trade-2016",
                        'Trade "2016"', "Exports 3.8 & imports 2.4")
    inline = ox.element_of(run).find(f"{qn('w:drawing')}/{qn('wp:inline')}")
    assert children(inline) == ["extent", "effectExtent", "docPr", "cNvGraphicFramePr", "graphic"]
    doc_pr = inline.find(qn("wp:docPr"))
    assert (doc_pr.get("id"), doc_pr.get("title"), doc_pr.get("descr")) == (
        "3", 'Trade "2016"', "Exports 3.8 & imports 2.4")
    chart = next(inline.iter(qn("c:chart")))
    assert chart.get(qn("r:id")) == "rId9"
    assert chart.getparent().get("uri") == "http://schemas.openxmlformats.org/drawingml/2006/chart"
