"""Every raw XML edit the PPTX writer needs, for what python-pptx has no API for.

Each helper names the element it writes and takes the lxml element behind a python-pptx object
(``shape._element``); the other modules write no element themselves. Two still reach below
python-pptx's public API: :mod:`.package` adds slides and parts through python-pptx's internals,
copying slides python-pptx prepared (constant time per slide), and :mod:`.theme` swaps the theme
and app-properties blobs of the default template it builds. Zips are re-packed by
:mod:`briefgen.opc`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_RPR_AFTER_EA = ("a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")
_PPR_AFTER_BULLET = ("a:tabLst", "a:defRPr", "a:extLst")
_BULLET_TAGS = ("a:buClrTx", "a:buClr", "a:buSzTx", "a:buSzPct", "a:buSzPts", "a:buFontTx",
                "a:buFont", "a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip")


def _insert_before(parent: Any, child: Any, successors: Iterable[str]) -> Any:
    """Insert ``child`` before the first of ``successors`` present (schema order), else append."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return child
    parent.append(child)
    return child


def _remove_children(parent: Any, tags: Iterable[str]) -> None:
    for tag in tags:
        for old in parent.findall(qn(tag)):
            parent.remove(old)


# --------------------------------------------------------------------------- runs


def set_east_asian_font(rPr: Any, typeface: str) -> None:
    """Add or replace a:ea; python-pptx's font.name sets only a:latin."""
    _remove_children(rPr, ["a:ea"])
    ea = etree.SubElement(rPr, qn("a:ea"))
    ea.set("typeface", typeface)
    latin = rPr.find(qn("a:latin"))
    if latin is not None:
        latin.addnext(ea)
    else:
        _insert_before(rPr, ea, _RPR_AFTER_EA)


def set_run_language(rPr: Any, lang: str, alt_lang: str) -> None:
    """Set a:rPr/@lang and @altLang (BCP 47), which pick spelling and CJK glyph variants."""
    rPr.set("lang", lang)
    rPr.set("altLang", alt_lang)


def set_typefaces(rPr: Any, latin: str, east_asian: str) -> None:
    """Add or replace a:latin and a:ea in a:rPr or a:defRPr (chart text has no font API for ea)."""
    _remove_children(rPr, ["a:latin"])
    node = etree.SubElement(rPr, qn("a:latin"))
    node.set("typeface", latin)
    _insert_before(rPr, node, ("a:ea", *_RPR_AFTER_EA))
    set_east_asian_font(rPr, east_asian)


def style_chart_text(chart_space: Any, latin: str, east_asian: str, lang: str,
                     alt_lang: str) -> None:
    """Give every a:defRPr and a:rPr in a c:chartSpace (its c:txPr and rich text) both faces
    and the language."""
    for tag in ("a:defRPr", "a:rPr"):
        for rPr in chart_space.iter(qn(tag)):
            set_typefaces(rPr, latin, east_asian)
            set_run_language(rPr, lang, alt_lang)


def list_fill(layout_sp: Any) -> Any | None:
    """A placeholder's p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/a:solidFill, if it has one."""
    found = layout_sp.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/a:solidFill")
    return found[0] if found else None


def copy_list_fill(layout_sp: Any, rPr: Any) -> None:
    """Copy a layout placeholder's a:lstStyle/a:lvl1pPr/a:defRPr/a:solidFill into a:rPr.

    PowerPoint inherits it anyway; LibreOffice takes title colours from the master instead, so
    a white title on a dark layout would come out dark without the explicit copy.
    """
    found = list_fill(layout_sp)
    if found is None or rPr.find(qn("a:solidFill")) is not None:
        return
    _insert_before(rPr, copy.deepcopy(found), (
        "a:effectLst", "a:effectDag", "a:highlight", "a:uLnTx", "a:uLn", "a:uFillTx", "a:uFill",
        "a:latin", "a:ea", *_RPR_AFTER_EA))


def set_label_separator(dLbls: Any, separator: str) -> None:
    """Add or replace c:separator in c:dLbls (python-pptx has no API for it)."""
    _remove_children(dLbls, ["c:separator"])
    node = etree.Element(qn("c:separator"))
    node.text = separator
    _insert_before(dLbls, node, ("c:showLeaderLines", "c:leaderLines", "c:extLst"))


def set_leader_lines(dLbls: Any, show: bool) -> None:
    """Add or replace c:showLeaderLines in c:dLbls: lines from pie labels moved off their slice."""
    _remove_children(dLbls, ["c:showLeaderLines"])
    node = etree.Element(qn("c:showLeaderLines"))
    node.set("val", "1" if show else "0")
    _insert_before(dLbls, node, ("c:leaderLines", "c:extLst"))


def set_first_slice_angle(pie_chart: Any, degrees: int) -> None:
    """Add or replace c:firstSliceAng in c:pieChart: where, clockwise from 12 o'clock, the first
    slice starts."""
    _remove_children(pie_chart, ["c:firstSliceAng"])
    node = etree.Element(qn("c:firstSliceAng"))
    node.set("val", str(degrees % 360))
    _insert_before(pie_chart, node, ("c:extLst",))


# --------------------------------------------------------------------------- paragraphs


def _reset_bullet(pPr: Any, mar_l: int, indent: int) -> None:
    _remove_children(pPr, _BULLET_TAGS)
    pPr.set("marL", str(mar_l))
    pPr.set("indent", str(indent))


def set_no_bullet(pPr: Any) -> None:
    """Write a:buNone with marL=indent=0, so body placeholders do not inherit list bullets."""
    _reset_bullet(pPr, 0, 0)
    _insert_before(pPr, etree.Element(qn("a:buNone")), _PPR_AFTER_BULLET)


def set_bullet_char(pPr: Any, char: str, mar_l: int) -> None:
    """Write a:buFont + a:buChar with a hanging indent of ``mar_l`` EMU."""
    _reset_bullet(pPr, mar_l, -mar_l)
    font = etree.Element(qn("a:buFont"))
    font.set("typeface", "Arial")
    _insert_before(pPr, font, _PPR_AFTER_BULLET)
    bullet = etree.Element(qn("a:buChar"))
    bullet.set("char", char)
    _insert_before(pPr, bullet, _PPR_AFTER_BULLET)


def set_auto_number(pPr: Any, start_at: int, mar_l: int, scheme: str = "arabicPeriod") -> None:
    """Write a:buAutoNum (1. 2. 3.) starting at ``start_at``, for numbered lists split across
    slides."""
    _reset_bullet(pPr, mar_l, -mar_l)
    number = etree.Element(qn("a:buAutoNum"))
    number.set("type", scheme)
    if start_at != 1:
        number.set("startAt", str(start_at))
    _insert_before(pPr, number, _PPR_AFTER_BULLET)


SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # fixed: identical renders


def add_slide_number_field(p: Any, number: int) -> Any:
    """Append an a:fld of type slidenum showing ``number`` to a:p (before a:endParaRPr); return
    its a:rPr. PowerPoint and LibreOffice both recompute the number when slides move."""
    field = etree.Element(qn("a:fld"))
    field.set("id", SLIDE_NUMBER_FIELD_ID)
    field.set("type", "slidenum")
    rPr = OxmlElement("a:rPr")  # python-pptx's class, so pptx.text.text.Font can wrap it
    field.append(rPr)
    etree.SubElement(field, qn("a:t")).text = str(number)
    _insert_before(p, field, ("a:endParaRPr",))
    return rPr


_A_R, _A_FLD, _A_T, _A_BR = qn("a:r"), qn("a:fld"), qn("a:t"), qn("a:br")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")  # what python-pptx's run.text escapes


def set_paragraph_text(p: Any, text: str) -> None:
    """Set the a:t of the first a:r, else of the first a:fld, of an a:p; run text with control
    characters goes through python-pptx's ``run.text``, which escapes them ("_x0007_"). A
    vertical tab is a line break (a:br), as in python-pptx's ``TextFrame.text``."""
    run = p.find(_A_R)
    for extra in p.findall(_A_BR) + p.findall(_A_R)[1:]:  # a copy of a broken paragraph's
        p.remove(extra)
    if run is not None and "\v" in text:
        first, *rest = text.split("\v")
        set_paragraph_text(p, first)
        at = p.index(run)
        for line in rest:
            brk = OxmlElement("a:br")
            properties = run.find(qn("a:rPr"))
            if properties is not None:
                brk.append(clone(properties))
            copy = clone(run)
            copy.find(_A_T).text = line
            p.insert(at + 1, brk)
            p.insert(at + 2, copy)
            at += 2
        return
    if run is not None and _CONTROL.search(text):
        run.text = text
    else:
        (run if run is not None else p.find(_A_FLD)).find(_A_T).text = text


def is_empty(element: Any) -> bool:
    """True for an element with no children and no attributes (a new ``<a:p/>``)."""
    return len(element) == 0 and not element.attrib


def add_paragraph_copy(tx_body: Any, prototype: Any, replacing: Any | None = None) -> Any:
    """Put a copy of the a:p ``prototype`` in place of ``replacing``, or else at the end of
    p:txBody (where python-pptx's ``add_p`` puts a new a:p); return the copy."""
    copied = clone(prototype)
    if replacing is None:
        tx_body.append(copied)
    else:
        tx_body.replace(replacing, copied)
    return copied


def replace_with_copy(old: Any, prototype: Any) -> None:
    """Put a copy of ``prototype`` where ``old`` is (a whole a:bodyPr or p:txBody)."""
    old.getparent().replace(old, clone(prototype))


def xml_key(element: Any) -> bytes:
    """``element`` serialized: equal bytes, equal XML (a key for what was built from it)."""
    return etree.tostring(element)


def clone(element: Any) -> Any:
    """A deep copy of ``element``; lxml's ``__copy__`` copies the whole subtree, without the
    memo bookkeeping ``copy.deepcopy`` does on every call (it shows when notes run to thousands
    of paragraphs)."""
    return element.__copy__()


def text_run_properties(element: Any) -> list[Any]:
    """The a:rPr of every a:r and a:fld in a p:txBody or one a:p (what sets each piece of
    text)."""
    if element.tag == qn("a:p"):
        return element.xpath("./a:r/a:rPr | ./a:fld/a:rPr")
    return element.xpath("./a:p/a:r/a:rPr | ./a:p/a:fld/a:rPr")


def is_bold(rPr: Any) -> bool:
    """True if an a:rPr sets @b."""
    return rPr.get("b") in ("1", "true")


def paragraph_margin_left(pPr: Any | None) -> int:
    """a:pPr/@marL in EMU (0 when absent): the indent a bullet takes from the line width."""
    return int(pPr.get("marL", "0")) if pPr is not None else 0


# --------------------------------------------------------------------------- shapes and parts


def set_alt_text(shape_element: Any, text: str) -> None:
    """Set p:cNvPr/@descr, the alt text screen readers announce for a picture or chart."""
    shape_element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


_DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def mark_decorative(shape_element: Any) -> None:
    """Add the adec:decorative extension to p:cNvPr, so screen readers skip a card, rule or
    marker and PowerPoint's accessibility checker does not ask for its alt text."""
    c_nv_pr = shape_element.xpath("./*[1]/p:cNvPr")[0]
    ext_list = c_nv_pr.find(qn("a:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(c_nv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"))
    ext.set("uri", _DECORATIVE_EXT)
    flag = etree.SubElement(ext, f"{{{_DECORATIVE_NS}}}decorative", nsmap={"adec": _DECORATIVE_NS})
    flag.set("val", "1")


def remove_shape_style(shape_element: Any) -> None:
    """Remove p:style from an autoshape: its theme effect reference draws a shadow that an empty
    a:effectLst does not switch off in LibreOffice; fill and line are set explicitly instead."""
    _remove_children(shape_element, ["p:style"])


def move_to_front(shape_element: Any) -> None:
    """Make a shape the first one in its p:spTree (after p:nvGrpSpPr and p:grpSpPr), so screen
    readers, which follow the tree's order, read it first."""
    tree = shape_element.getparent()
    tree.remove(shape_element)
    tree.find(qn("p:grpSpPr")).addnext(shape_element)


_SHAPE_TAGS = frozenset(qn(tag) for tag in ("p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp",
                                             "p:pic", "p:contentPart"))
_NV_PR, _PH, _SP_PR, _XFRM = qn("p:nvPr"), qn("p:ph"), qn("p:spPr"), qn("a:xfrm")
_P_SP, _OFF, _EXT = qn("p:sp"), qn("a:off"), qn("a:ext")


def placeholder_of(shape_element: Any) -> Any | None:
    """The p:ph of a shape (``./*[1]/p:nvPr/p:ph``), found without XPath: python-pptx's
    ``has_ph_elm`` runs an XPath query per shape, the writer's main cost before this."""
    first = shape_element.find("*")
    if first is None:
        return None
    for nv_pr in first.iterchildren(_NV_PR):
        ph = nv_pr.find(_PH)
        if ph is not None:
            return ph
    return None


def placeholders(sp_tree: Any, by_idx: bool = True) -> list[tuple[Any, Any]]:
    """(shape, p:ph) for each placeholder shape in a p:spTree, in document order or, with
    ``by_idx``, ordered by p:ph/@idx (document order among equals) as python-pptx's
    ``slide.placeholders`` iterates them."""
    found = [(shape, ph) for shape in sp_tree.iterchildren()
             if shape.tag in _SHAPE_TAGS and (ph := placeholder_of(shape)) is not None]
    return sorted(found, key=lambda pair: pair[1].idx) if by_idx else found


def set_position(sp: Any, x: int, y: int, cx: int, cy: int) -> None:
    """Set a:off/@x, @y and a:ext/@cx, @cy of a p:sp's a:xfrm (adding what is missing), as
    setting ``shape.left``, ``top``, ``width`` and ``height`` does.

    A placeholder just cloned has an empty p:spPr, where python-pptx appends the a:xfrm it
    builds; that case is written directly, the others go through python-pptx once each.
    """
    sp_pr = sp.find(_SP_PR)
    if sp_pr is not None and len(sp_pr) == 0 and cx >= 0 and cy >= 0:
        xfrm = etree.SubElement(sp_pr, _XFRM)
        off = etree.SubElement(xfrm, _OFF)
        off.set("x", str(x))
        off.set("y", str(y))
        ext = etree.SubElement(xfrm, _EXT)
        ext.set("cx", str(cx))
        ext.set("cy", str(cy))
        return
    xfrm = sp.get_or_add_xfrm()
    off = xfrm.get_or_add_off()
    off.x, off.y = Emu(x), Emu(y)
    ext = xfrm.get_or_add_ext()
    ext.cx, ext.cy = Emu(cx), Emu(cy)


def has_xfrm(shape_element: Any) -> bool:
    """True if a shape has its own p:spPr/a:xfrm (else a placeholder inherits its box)."""
    sp_pr = shape_element.find(_SP_PR)
    return sp_pr is not None and sp_pr.find(_XFRM) is not None


def frame_text(tx_body: Any) -> str:
    """The text of a p:txBody as python-pptx's ``TextFrame.text`` gives it."""
    return "\n".join(p.text for p in tx_body.p_lst)


def remove_blank_placeholders(sp_tree: Any) -> None:
    """Remove each placeholder p:sp of a p:spTree whose p:txBody holds only white space (what
    python-pptx calls a placeholder with a text frame and no text), so no slide shows "Click to
    add text"."""
    for shape, _ in placeholders(sp_tree):
        if shape.tag == _P_SP and shape.txBody is not None and \
                not frame_text(shape.txBody).strip():
            remove_shape(shape)


def title_shape(sp_tree: Any) -> Any:
    """The first placeholder with p:ph/@idx 0 in a p:spTree (python-pptx's ``shapes.title``).

    :raises StopIteration: when there is none.
    """
    return next(shape for shape, ph in placeholders(sp_tree, by_idx=False) if ph.idx == 0)


def remove_shape(shape_element: Any) -> None:
    """Remove a p:sp (e.g. an unused placeholder) from its p:spTree."""
    shape_element.getparent().remove(shape_element)


def remove_slides(presentation_part: Any) -> None:
    """Drop every p:sldId and its relationship, so a template contributes no slides."""
    id_list = presentation_part._element.get_or_add_sldIdLst()
    for sld_id in list(id_list):
        presentation_part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)


def slide_id_list(presentation_part: Any) -> Any:
    """The presentation's p:sldIdLst (added if missing)."""
    return presentation_part._element.get_or_add_sldIdLst()


def next_slide_id(id_list: Any) -> int:
    """The p:sldId/@id python-pptx gives the next slide: one more than the largest in use."""
    return id_list._next_id


def append_slide_id(id_list: Any, slide_id: int, rId: str) -> None:
    """Append p:sldId (id, r:id) to p:sldIdLst, as python-pptx's ``add_sldId`` does."""
    id_list._add_sldId(id=slide_id, rId=rId)


def notes_body(sp_tree: Any) -> Any | None:
    """The first placeholder of type body in a notes slide's p:spTree (python-pptx's
    ``notes_placeholder``), or None."""
    return next((shape for shape, ph in placeholders(sp_tree, by_idx=False)
                 if ph.type == PP_PLACEHOLDER.BODY), None)


def list_size_hundredths(sp_element: Any) -> int | None:
    """a:lstStyle/a:lvl1pPr/a:defRPr/@sz of a placeholder (hundredths of a point), if set."""
    found = sp_element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz")
    return int(found[0]) if found else None


def master_style_size_hundredths(master_element: Any, style: str) -> int | None:
    """p:txStyles/p:{style}/a:lvl1pPr/a:defRPr/@sz of a slide master, if set."""
    found = master_element.xpath(f"./p:txStyles/p:{style}/a:lvl1pPr/a:defRPr/@sz")
    return int(found[0]) if found else None


# --------------------------------------------------------------------------- template building


def restyle_theme(blob: bytes, name: str, colors: Mapping[str, str], latin: str,
                  east_asian: str) -> bytes:
    """Rewrite a:theme: its name, a:clrScheme slots as srgbClr, and the major and minor
    a:fontScheme faces (a:latin, a:ea and the "Hans" script font)."""
    theme = etree.fromstring(blob)
    theme.set("name", name)
    scheme = theme.find(f".//{{{_A}}}clrScheme")
    scheme.set("name", name)
    for slot, rgb in colors.items():
        holder = scheme.find(qn(f"a:{slot}"))
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, qn("a:srgbClr")).set("val", rgb)
    font_scheme = theme.find(f".//{{{_A}}}fontScheme")
    font_scheme.set("name", name)
    for group in ("a:majorFont", "a:minorFont"):
        fonts = font_scheme.find(qn(group))
        fonts.find(qn("a:latin")).set("typeface", latin)
        fonts.find(qn("a:ea")).set("typeface", east_asian)
        for script in fonts.findall(qn("a:font")):
            if script.get("script") == "Hans":
                script.set("typeface", east_asian)
    return etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def theme_minor_latin(blob: bytes) -> str | None:
    """The a:fontScheme/a:minorFont/a:latin typeface of a theme part (its body font), if set."""
    found = etree.fromstring(blob).xpath("//a:fontScheme/a:minorFont/a:latin/@typeface",
                                         namespaces={"a": _A})
    return str(found[0]) if found and found[0] else None


def style_master(master_element: Any, title_pt: int, body_pts: tuple[int, ...]) -> None:
    """Set p:titleStyle (left, tx2 colour) and p:bodyStyle sizes, and swap every a:normAutofit
    in the master for a:noAutofit."""
    title = master_element.xpath("./p:txStyles/p:titleStyle/a:lvl1pPr")[0]
    title.set("algn", "l")
    title_rpr = title.find(qn("a:defRPr"))
    title_rpr.set("sz", str(title_pt * 100))
    title_rpr.xpath("./a:solidFill/a:schemeClr")[0].set("val", "tx2")
    for level, size in enumerate(body_pts, start=1):
        for rpr in master_element.xpath(f"./p:txStyles/p:bodyStyle/a:lvl{level}pPr/a:defRPr"):
            rpr.set("sz", str(size * 100))
    for auto in master_element.iter(qn("a:normAutofit")):
        auto.addprevious(etree.Element(qn("a:noAutofit")))
        auto.getparent().remove(auto)


def placeholder_xml(shape_id: int, name: str, ph_type: str | None, idx: int,
                    box: tuple[int, int, int, int], *, size_pt: int | None = None,
                    color: str | None = None, anchor: str = "t", bullets: bool = True) -> str:
    """A p:sp placeholder (p:ph type/idx) for a slide layout, with its own a:lstStyle."""
    x, y, cx, cy = box
    ph = f'<p:ph type="{ph_type}" idx="{idx}"/>' if ph_type else f'<p:ph idx="{idx}"/>'
    fill = f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill>' if color else ""
    size = f' sz="{size_pt * 100}"' if size_pt else ""
    bullet = "" if bullets else "<a:buNone/>"
    margin = "" if bullets else ' marL="0" indent="0"'
    return (
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm></p:spPr>'
        f'<p:txBody><a:bodyPr anchor="{anchor}"><a:noAutofit/></a:bodyPr><a:lstStyle>'
        f'<a:lvl1pPr{margin}>{bullet}<a:defRPr{size}>{fill}</a:defRPr></a:lvl1pPr></a:lstStyle>'
        f'<a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>'
    )


def slide_number_placeholder_xml(shape_id: int, name: str, idx: int,
                                 box: tuple[int, int, int, int], *, size_pt: int,
                                 color: str) -> str:
    """A layout's p:sp slide-number placeholder (p:ph type="sldNum"), right-aligned, holding an
    a:fld of type slidenum."""
    x, y, cx, cy = box
    return (
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>'
        f'<p:ph type="sldNum" sz="quarter" idx="{idx}"/></p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm></p:spPr>'
        f'<p:txBody><a:bodyPr anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle>'
        f'<a:lvl1pPr algn="r"><a:defRPr sz="{size_pt * 100}"><a:solidFill>'
        f'<a:schemeClr val="{color}"/></a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>'
        f'<a:p><a:fld id="{SLIDE_NUMBER_FIELD_ID}" type="slidenum"><a:rPr lang="en-US"/>'
        f'<a:t>\u2039#\u203a</a:t></a:fld><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>'
    )


def rule_xml(shape_id: int, name: str, box: tuple[int, int, int, int], color: str) -> str:
    """A filled p:sp rectangle in a theme colour: the accent rule under a layout's title."""
    x, y, cx, cy = box
    return (
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f'<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f'</p:spPr></p:sp>'
    )


def layout_element(name: str, shapes: Iterable[str], background: str | None = None) -> Any:
    """A whole p:sldLayout named ``name`` (p:cSld/@name) holding ``shapes``, with an optional
    solid p:bg in a theme colour."""
    bg = (f'<p:bg><p:bgPr><a:solidFill><a:schemeClr val="{background}"/></a:solidFill>'
          f'<a:effectLst/></p:bgPr></p:bg>') if background else ""
    xml = (
        f'<p:sldLayout {nsdecls("a", "p", "r")} preserve="1"><p:cSld name="{name}">{bg}'
        f'<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        f'<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr></p:spTree></p:cSld>'
        f'<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>'
    )
    layout = parse_xml(xml)
    tree = layout.find(qn("p:cSld")).find(qn("p:spTree"))
    for shape in shapes:
        tree.append(parse_xml(shape))
    return layout


APP_PROPERTIES_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties"><Application>briefgen</Application>'
    b'<PresentationFormat>Widescreen</PresentationFormat></Properties>'
)  # docProps/app.xml: no stale slide counts or 4:3 format from the bundled template


def append_layout_id(master_element: Any, layout_id: int, rId: str) -> None:
    """Append p:sldLayoutId (id, r:id) to the master's p:sldLayoutIdLst."""
    id_list = master_element.find(qn("p:sldLayoutIdLst"))
    entry = etree.SubElement(id_list, qn("p:sldLayoutId"))
    entry.set("id", str(layout_id))
    entry.set(qn("r:id"), rId)
