"""The raw XML helpers of the PPTX writer: small XML in, XML out, as python-pptx tests them."""

from __future__ import annotations

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from briefgen.render.pptx import oxml

A_P = nsdecls("a", "p")


def sp(name: str, shape_id: int) -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr/>'
            f'</p:nvSpPr><p:spPr/></p:sp>')


def test_move_to_front_puts_a_shape_first_after_the_group_properties() -> None:
    tree = parse_xml(f'<p:spTree {A_P}><p:nvGrpSpPr/><p:grpSpPr/>{sp("Body", 2)}{sp("Title", 3)}'
                     f'</p:spTree>')
    title = tree.xpath("./p:sp[2]")[0]
    oxml.move_to_front(title)
    assert [c.tag.rsplit("}", 1)[1] for c in tree] == ["nvGrpSpPr", "grpSpPr", "sp", "sp"]
    assert tree.xpath("./p:sp/p:nvSpPr/p:cNvPr/@name") == ["Title", "Body"]


def test_slide_number_field_goes_before_the_end_paragraph_properties() -> None:
    p = parse_xml(f'<a:p {A_P}><a:pPr/><a:endParaRPr lang="en-US"/></a:p>')
    rPr = oxml.add_slide_number_field(p, 7)
    assert [c.tag.rsplit("}", 1)[1] for c in p] == ["pPr", "fld", "endParaRPr"]
    field = p.find(qn("a:fld"))
    assert field.get("type") == "slidenum" and field.get("id") == oxml.SLIDE_NUMBER_FIELD_ID
    assert field.findtext(qn("a:t")) == "7" and rPr.getparent() is field
    assert oxml.text_run_properties(p) == [rPr]


def test_leader_lines_are_set_in_schema_order() -> None:
    dLbls = parse_xml(f'<c:dLbls {nsdecls("c")}><c:showVal val="1"/><c:showLeaderLines val="0"/>'
                      f'<c:extLst/></c:dLbls>')
    oxml.set_leader_lines(dLbls, True)
    assert [c.tag.rsplit("}", 1)[1] for c in dLbls] == ["showVal", "showLeaderLines", "extLst"]
    assert dLbls.xpath("./c:showLeaderLines/@val") == ["1"]


def test_theme_minor_latin_reads_the_body_font() -> None:
    theme = (f'<a:theme {nsdecls("a")} name="T"><a:themeElements><a:fontScheme name="F">'
             '<a:majorFont><a:latin typeface="Georgia"/><a:ea typeface=""/><a:cs typeface=""/>'
             '</a:majorFont><a:minorFont><a:latin typeface="Verdana"/><a:ea typeface=""/>'
             '<a:cs typeface=""/></a:minorFont></a:fontScheme></a:themeElements></a:theme>')
    assert oxml.theme_minor_latin(theme.encode()) == "Verdana"
    assert oxml.theme_minor_latin(theme.replace("Verdana", "").encode()) is None


def test_layout_slide_number_placeholder_holds_a_field() -> None:
    element = parse_xml(oxml.slide_number_placeholder_xml(5, "Slide Number 4", 12,
                                                          (1, 2, 3, 4), size_pt=12,
                                                          color="accent6"))
    assert element.xpath("./p:nvSpPr/p:nvPr/p:ph/@type") == ["sldNum"]
    assert element.xpath("./p:nvSpPr/p:nvPr/p:ph/@idx") == ["12"]
    assert element.xpath(".//a:fld/@type") == ["slidenum"]
    assert element.xpath(".//a:lvl1pPr/@algn") == ["r"]
