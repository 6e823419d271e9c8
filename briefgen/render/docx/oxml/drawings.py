"""Drawings: picture and chart inlines in a run, and the chart-space styling Word needs."""

from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.shape import CT_Inline
from docx.shared import Emu
from lxml import etree

from briefgen.render.docx.oxml.schema import insert_before_any

# --------------------------------------------------------------------------- pictures


def set_picture_text(run: etree._Element, name: str, title: str, descr: str) -> None:
    """Set wp:docPr name/title/descr (alt text) and pic:cNvPr name of the run's picture."""
    for doc_pr in run.iter(qn("wp:docPr")):
        doc_pr.set("name", name)
        doc_pr.set("title", title)
        doc_pr.set("descr", descr)
    for c_nv_pr in run.iter(qn("pic:cNvPr")):
        c_nv_pr.set("name", name)


def add_picture_inline(run: etree._Element, shape_id: int, rid: str, filename: str, cx: int,
                       cy: int) -> None:
    """Append a w:drawing with the wp:inline python-docx's ``Run.add_picture`` writes.

    The caller picks ``shape_id``, so it need not search the whole document for the highest id
    (python-docx's ``next_id``) for every picture.
    """
    drawing = etree.SubElement(run, qn("w:drawing"))
    drawing.append(CT_Inline.new_pic_inline(shape_id, rid, filename, Emu(cx), Emu(cy)))


# --------------------------------------------------------------------------- charts

_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
#: c:chartSpace children that follow c:roundedCorners and c:lang, and c:spPr, in schema order.
_AFTER_ROUNDED = ("AlternateContent", "style", "clrMapOvr", "pivotSource", "protection", "chart")
_AFTER_SPACE_SPPR = ("txPr", "externalData", "printSettings", "userShapes", "extLst")
#: a:defRPr / a:rPr children that follow the a:latin, a:ea, a:cs faces.
_AFTER_FACES = ("sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")


def chart_space(xml: bytes) -> etree._Element:
    """Parse chart XML into python-pptx's element classes (``CT_ChartSpace``), so python-pptx's
    chart objects can style it; imports python-pptx."""
    from pptx.oxml import parse_xml as parse_chart_xml

    return parse_chart_xml(xml)


def add_chart_inline(run: etree._Element, rid: str, cx: int, cy: int, shape_id: int, name: str,
                     title: str, descr: str) -> None:
    """Append a w:drawing/wp:inline whose a:graphicData holds c:chart r:id (the chart part).

    ``descr`` and ``title`` on wp:docPr are the alt text Word and screen readers show.
    """
    inline = parse_xml(
        f'<wp:inline {nsdecls("wp", "a", "c", "r")} distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name=""/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{_CHART_URI}"><c:chart r:id="{rid}"/></a:graphicData>'
        "</a:graphic></wp:inline>"
    )
    doc_pr = inline.find(qn("wp:docPr"))
    for key, value in (("name", name), ("title", title), ("descr", descr)):
        doc_pr.set(key, value)  # set here, so lxml escapes quotes and ampersands
    drawing = OxmlElement("w:drawing")
    drawing.append(inline)
    run.append(drawing)


def frame_chart_space(chart_space: etree._Element, lang: str) -> None:
    """Set c:lang and c:roundedCorners=0 and an empty c:spPr (no fill, no border).

    Word draws rounded corners when c:roundedCorners is absent, and a grey border around a chart
    space without c:spPr; python-pptx's chart XML writes neither.
    """
    for tag, value in (("lang", lang), ("roundedCorners", "0")):
        found = chart_space.find(qn("c:" + tag))
        if found is None:
            found = etree.Element(qn("c:" + tag))
            insert_before_any(chart_space, found,
                               ("roundedCorners", *_AFTER_ROUNDED) if tag == "lang"
                               else _AFTER_ROUNDED)
        found.set("val", value)
    sp_pr = chart_space.find(qn("c:spPr"))
    if sp_pr is not None:
        chart_space.remove(sp_pr)
    sp_pr = etree.Element(qn("c:spPr"))
    etree.SubElement(sp_pr, qn("a:noFill"))
    etree.SubElement(etree.SubElement(sp_pr, qn("a:ln")), qn("a:noFill"))
    insert_before_any(chart_space, sp_pr, _AFTER_SPACE_SPPR)


def set_chart_fonts(chart_space: etree._Element, latin: str, east_asian: str, lang: str,
                    alt_lang: str) -> None:
    """Name a:latin, a:ea and a:cs and set @lang/@altLang on every a:defRPr and a:rPr.

    python-pptx's ``font.name`` writes only a:latin; without a:ea Word and LibreOffice pick an
    East Asian face themselves (a Japanese one, in LibreOffice's case).
    """
    for tag in ("a:defRPr", "a:rPr"):
        for rpr in chart_space.iter(qn(tag)):
            for old in rpr.findall(qn("a:latin")) + rpr.findall(qn("a:ea")) + \
                    rpr.findall(qn("a:cs")):
                rpr.remove(old)
            for face_tag, face in (("a:latin", latin), ("a:ea", east_asian), ("a:cs", latin)):
                face_el = etree.Element(qn(face_tag))
                face_el.set("typeface", face)
                insert_before_any(rpr, face_el, _AFTER_FACES)
            rpr.set("lang", lang)
            rpr.set("altLang", alt_lang)


def set_label_separator(d_lbls: etree._Element, separator: str) -> None:
    """Set c:dLbls/c:separator (between category name and value); python-pptx has no API."""
    for old in d_lbls.findall(qn("c:separator")):
        d_lbls.remove(old)
    node = etree.Element(qn("c:separator"))
    node.text = separator
    insert_before_any(d_lbls, node, ("showLeaderLines", "leaderLines", "extLst"))


def place_chart_title(title: etree._Element, x: float, y: float) -> None:
    """Pin c:title at (x, y), fractions of the chart space, with c:overlay=0.

    The title then sits in the corner (where the unit goes) instead of centred on top.
    """
    for tag in ("layout", "overlay"):
        for old in title.findall(qn("c:" + tag)):
            title.remove(old)
    layout = etree.Element(qn("c:layout"))
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    for tag, value in (("xMode", "edge"), ("yMode", "edge"), ("x", repr(x)), ("y", repr(y))):
        etree.SubElement(manual, qn("c:" + tag)).set("val", value)
    overlay = etree.Element(qn("c:overlay"))
    overlay.set("val", "0")
    insert_before_any(title, layout, ("overlay", "spPr", "txPr", "extLst"))
    layout.addnext(overlay)


def wrap_axis_labels(axis: etree._Element) -> None:
    """Set c:txPr/a:bodyPr of an axis to horizontal, wrapping text (rot=0, wrap=square).

    Long category names then break into lines in LibreOffice too (it overlaps them otherwise),
    and Word wraps them instead of turning them 45 degrees.
    """
    tx_pr = axis.find(qn("c:txPr"))
    body = tx_pr.find(qn("a:bodyPr")) if tx_pr is not None else None
    if body is None:
        raise ValueError("the axis has no c:txPr/a:bodyPr; set its tick label font first")
    for key, value in (("rot", "0"), ("vert", "horz"), ("wrap", "square")):
        body.set(key, value)
