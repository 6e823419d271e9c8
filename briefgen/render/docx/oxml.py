"""Every raw WordprocessingML edit the DOCX writer needs and python-docx has no API for.

This is the only module that touches lxml, ``qn()`` or ``OxmlElement``: the renderer and the
reference builder call these helpers by what they do. Child elements are inserted in schema order
(python-docx drops its ``_tag_seq`` tables after class creation, so the orders are kept here),
because Word refuses a part whose children are out of order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.shape import CT_Inline
from docx.shared import Emu
from lxml import etree

#: The element type the helpers take and return, for type hints outside this module.
Element = etree._Element

# --------------------------------------------------------------------------- schema orders

_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
)
_TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
    "tblLook", "tblCaption", "tblDescription",
)
_STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)
_SETTINGS_AFTER_THEME_FONT_LANG = _SETTINGS_AFTER_UPDATE_FIELDS[9:]
_TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
_ORDERS = {"pPr": _PPR_ORDER, "rPr": _RPR_ORDER, "tblPr": _TBLPR_ORDER, "style": _STYLE_ORDER,
           "tcPr": _TCPR_ORDER}
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _child(parent: etree._Element, tag: str) -> etree._Element:
    """Return ``parent``'s ``w:tag`` child, inserting it in schema order when missing."""
    found = parent.find(qn("w:" + tag))
    if found is not None:
        return found
    new = OxmlElement("w:" + tag)
    order = _ORDERS.get(_local(parent), ())
    if tag in order:
        later = set(order[order.index(tag) + 1:])
        for sibling in parent:
            if _local(sibling) in later:
                sibling.addprevious(new)
                return new
    parent.append(new)
    return new


def _insert_before_any(parent: etree._Element, new: etree._Element, later: Iterable[str]) -> None:
    """Insert ``new`` before the first child named in ``later`` (any namespace), else append."""
    names = set(later)
    for sibling in parent:
        if isinstance(sibling.tag, str) and _local(sibling) in names:
            sibling.addprevious(new)
            return
    parent.append(new)


def element_of(proxy: object) -> etree._Element:
    """The lxml element behind a python-docx proxy (Paragraph, Run, Table, _Row, Section...)."""
    for attr in ("_element", "_tr", "_sectPr"):
        el = getattr(proxy, attr, None)
        if el is not None:
            return el
    raise TypeError(f"no XML element behind {type(proxy).__name__}")


# --------------------------------------------------------------------------- fonts and language


def doc_defaults_rpr(styles: etree._Element) -> etree._Element:
    """Return w:docDefaults/w:rPrDefault/w:rPr, creating it; docDefaults must come first."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    return _child(rpr_default, "rPr")


def style_rpr(style: etree._Element) -> etree._Element:
    """Return the style's w:rPr, creating it in schema order."""
    return _child(style, "rPr")


def style_ppr(style: etree._Element) -> etree._Element:
    """Return the style's w:pPr, creating it in schema order."""
    return _child(style, "pPr")


def set_fonts(rPr: etree._Element, latin: str, east_asian: str) -> None:
    """Set w:rFonts ascii/hAnsi/cs and eastAsia; drops the theme attributes that would win."""
    fonts = _child(rPr, "rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn("w:" + attr), None)
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(qn("w:" + attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def set_east_asian_font(rPr: etree._Element, name: str) -> None:
    """Set w:rFonts/@w:eastAsia; python-docx's Font.name writes only ascii/hAnsi."""
    fonts = _child(rPr, "rFonts")
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
    fonts.set(qn("w:eastAsia"), name)


def east_asian_font(rPr: etree._Element | None) -> str | None:
    """The explicit w:rFonts/@w:eastAsia of ``rPr`` (None when absent or only themed)."""
    fonts = None if rPr is None else rPr.find(qn("w:rFonts"))
    if fonts is None or fonts.get(qn("w:eastAsiaTheme")):
        return None
    return fonts.get(qn("w:eastAsia"))


def set_language(rPr: etree._Element, lang: str, east_asia: str) -> None:
    """Set w:lang/@w:val and @w:eastAsia, which pick spelling, line breaking and CJK glyph forms."""
    el = _child(rPr, "lang")
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), east_asia)


def set_theme_font_lang(settings: etree._Element, lang: str, east_asia: str) -> None:
    """Set w:settings/w:themeFontLang, so themed East Asian text resolves to Chinese fonts."""
    el = settings.find(qn("w:themeFontLang"))
    if el is None:
        el = OxmlElement("w:themeFontLang")
        _insert_before_any(settings, el, _SETTINGS_AFTER_THEME_FONT_LANG)
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), east_asia)


# --------------------------------------------------------------------------- paragraph style parts


def set_first_line_chars(pPr: etree._Element, hundredths: int, twips: int) -> None:
    """Set w:ind/@w:firstLineChars (200 = two characters) with @w:firstLine as the fallback."""
    ind = _child(pPr, "ind")
    ind.set(qn("w:firstLineChars"), str(hundredths))
    ind.set(qn("w:firstLine"), str(twips))


def set_borders(pPr: etree._Element, sides: Sequence[str], color: str, size: int = 8,
                space: int = 4) -> None:
    """Set w:pBdr lines on ``sides`` (top/left/bottom/right); size in eighths of a point."""
    pbdr = _child(pPr, "pBdr")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            line = _child(pbdr, side)
            for key, val in (("val", "single"), ("sz", str(size)), ("space", str(space)),
                             ("color", color)):
                line.set(qn("w:" + key), val)


def set_shading(pPr: etree._Element, fill: str) -> None:
    """Set w:shd as a solid background fill (paragraph or cell properties)."""
    shd = _child(pPr, "shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def set_outline_level(pPr: etree._Element, level: int) -> None:
    """Set w:outlineLvl (0-based), which puts the style into TOC \\u and the navigation pane."""
    _child(pPr, "outlineLvl").set(qn("w:val"), str(level))


def set_numbering(pPr: etree._Element, num_id: int, level: int = 0) -> None:
    """Set w:numPr (ilvl, numId) so every paragraph of the style is numbered or bulleted."""
    numpr = _child(pPr, "numPr")
    for tag, val in (("ilvl", level), ("numId", num_id)):
        el = numpr.find(qn("w:" + tag))
        if el is None:
            el = OxmlElement("w:" + tag)
            numpr.append(el)
        el.set(qn("w:val"), str(val))


# --------------------------------------------------------------------------- numbering part


@dataclass(frozen=True)
class ListLevel:
    """One w:lvl of a list definition."""

    fmt: str  # decimal, chineseCounting, bullet
    text: str  # "%1." / "%1、" / "•"
    left: int = 0  # twips
    hanging: int = 0  # twips
    suffix: str = "tab"  # tab, space, nothing
    style_id: str | None = None  # w:pStyle linking the level to a paragraph style
    start: int = 1


def clear_numbering(numbering: etree._Element) -> None:
    """Remove every w:abstractNum, w:num and w:numPicBullet from the numbering part."""
    for el in list(numbering):
        numbering.remove(el)


def add_list_definition(numbering: etree._Element, level: ListLevel) -> int:
    """Add a single-level w:abstractNum and a w:num pointing at it; return the new numId."""
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iter(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.iter(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    pstyle = f'<w:pStyle w:val="{level.style_id}"/>' if level.style_id else ""
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{0x2B1E0000 + abstract_id:08X}"/>'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="{level.start}"/><w:numFmt w:val="{level.fmt}"/>{pstyle}'
        f'<w:suff w:val="{level.suffix}"/><w:lvlText w:val="{level.text}"/>'
        '<w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{level.left}" w:hanging="{level.hanging}"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
    )
    _insert_before_any(numbering, abstract, ("num", "numIdMacAtCleanup"))
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                    f'<w:abstractNumId w:val="{abstract_id}"/></w:num>')
    _insert_before_any(numbering, num, ("numIdMacAtCleanup",))
    return num_id


def style_numbering(styles: etree._Element, numbering: etree._Element | None,
                    style_id: str) -> tuple[int, int, dict[int, ListLevel]] | None:
    """The list a paragraph style numbers with: (numId, ilvl, the definition's levels by ilvl).

    Follows w:basedOn to the w:numPr that applies and w:num to its w:abstractNum (a
    w:numStyleLink is not followed). None when the style is not numbered.
    """
    by_id = {s.get(qn("w:styleId")): s for s in styles.iter(qn("w:style"))}
    style, seen = by_id.get(style_id), set()
    numpr = None
    while style is not None and style_id not in seen and numpr is None:
        seen.add(style_id)
        numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else ""
        style = by_id.get(style_id)
    if numpr is None or numbering is None:
        return None
    num_el, ilvl_el = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
    num_id = int(num_el.get(qn("w:val"))) if num_el is not None else 0
    ilvl = int(ilvl_el.get(qn("w:val"))) if ilvl_el is not None else 0
    num = next((n for n in numbering.iter(qn("w:num"))
                if n.get(qn("w:numId")) == str(num_id)), None)
    if num_id == 0 or num is None:
        return None
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next((a for a in numbering.iter(qn("w:abstractNum"))
                     if a.get(qn("w:abstractNumId")) == abstract_id), None)
    if abstract is None:
        return None

    def val(lvl: etree._Element, tag: str, default: str) -> str:
        el = lvl.find(qn("w:" + tag))
        return el.get(qn("w:val"), default) if el is not None else default

    levels = {int(lvl.get(qn("w:ilvl"))): ListLevel(
        fmt=val(lvl, "numFmt", "decimal"), text=val(lvl, "lvlText", ""),
        suffix=val(lvl, "suff", "tab"), start=int(val(lvl, "start", "1")))
        for lvl in abstract.findall(qn("w:lvl"))}
    return num_id, ilvl, levels


# --------------------------------------------------------------------------- styles part


def keep_only_styles(styles: etree._Element, style_ids: Iterable[str]) -> None:
    """Remove every w:style whose styleId is not in ``style_ids`` (docDefaults and latent stay)."""
    keep = set(style_ids)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles.remove(style)


def define_table_style(style: etree._Element, border: str, header_fill: str, header_text: str,
                       band_fill: str) -> None:
    """Fill a table w:style: tblPr borders and margins, w:tblStylePr for firstRow and band1Horz."""
    for tag in ("tblPr", "trPr", "tcPr", "tblStylePr"):
        for old in style.findall(qn("w:" + tag)):
            style.remove(old)
    line = f'w:val="single" w:sz="4" w:space="0" w:color="{border}"'
    tblpr = parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblStyleRowBandSize w:val="1"/>'
        f'<w:tblBorders><w:top {line}/><w:bottom {line}/><w:insideH {line}/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
    )
    first = parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/><w:bCs/>'
        f'<w:color w:val="{header_text}"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/></w:tcPr>'
        "</w:tblStylePr>"
    )
    band = parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="band1Horz">'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{band_fill}"/></w:tcPr>'
        "</w:tblStylePr>"
    )
    rpr = style.find(qn("w:rPr"))
    anchor = rpr if rpr is not None else style.find(qn("w:pPr"))
    if anchor is not None:
        anchor.addnext(tblpr)
    else:
        style.append(tblpr)
    tblpr.addnext(first)
    first.addnext(band)


# --------------------------------------------------------------------------- settings


def set_update_fields(settings: etree._Element) -> None:
    """Set w:updateFields, so Word offers to refresh the TOC and page references on opening."""
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        _insert_before_any(settings, el, _SETTINGS_AFTER_UPDATE_FIELDS)
    el.set(qn("w:val"), "true")


# --------------------------------------------------------------------------- body and stories


def clear_story(story: etree._Element) -> None:
    """Remove the block content of w:body/w:hdr/w:ftr, keeping the body's final w:sectPr."""
    for el in list(story):
        if _local(el) != "sectPr":
            story.remove(el)


# --------------------------------------------------------------------------- paragraphs and runs
# The writer builds body content with these rather than python-docx's proxies: setting
# ``Paragraph.style`` scans every style twice per paragraph, ``add_paragraph`` searches the whole
# body for w:sectPr (a cost that grew with the square of the document), and table cells are
# found by walking the whole table. The XML is what python-docx writes, element for element and
# attribute for attribute, so the files are byte for byte the same.

_W_P, _W_PPR, _W_PSTYLE = qn("w:p"), qn("w:pPr"), qn("w:pStyle")
_W_R, _W_RPR, _W_RSTYLE = qn("w:r"), qn("w:rPr"), qn("w:rStyle")
_W_T, _W_TAB, _W_BR = qn("w:t"), qn("w:tab"), qn("w:br")
_W_VAL, _W_SECTPR = qn("w:val"), qn("w:sectPr")
_W_TR, _W_TC, _W_TCPR, _W_TCW = qn("w:tr"), qn("w:tc"), qn("w:tcPr"), qn("w:tcW")
_W_TYPE, _W_W = qn("w:type"), qn("w:w")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Where a run's text breaks into w:t, w:tab and w:br pieces, as python-docx's Run.text does.
_RUN_BREAKS = re.compile(r"(\t|\r|\n)")


def _append_block(story: etree._Element, tag: str) -> etree._Element:
    """Add an empty block (w:p, w:tbl) at the end of w:body/w:hdr/w:ftr, before a final w:sectPr.

    Only the last child is looked at: w:sectPr closes w:body, and a search from the start would
    make each block cost as much as the document so far.
    """
    block = etree.SubElement(story, tag)
    last = block.getprevious()
    if last is not None and last.tag == _W_SECTPR:
        last.addprevious(block)
    return block


def add_paragraph(story: etree._Element, style_id: str | None, text: str = "") -> etree._Element:
    """Add and return a w:p in ``style_id`` with ``text`` in one run, as python-docx writes it."""
    p = _append_block(story, _W_P)
    set_paragraph_style(p, style_id)
    if text:
        append_run(p, text)
    return p


def set_paragraph_style(p: etree._Element, style_id: str | None) -> None:
    """Insert w:pPr with w:pStyle first in an unstyled w:p.

    None is the default paragraph style, which python-docx writes as an empty w:pPr.
    """
    ppr = etree.SubElement(p, _W_PPR)  # in the tree: no stray xmlns
    p.insert(0, ppr)
    if style_id is not None:
        etree.SubElement(ppr, _W_PSTYLE).set(_W_VAL, style_id)


def set_page_break_before(p: etree._Element) -> None:
    """Set w:pPr/w:pageBreakBefore, in schema order, on a w:p that has its w:pPr."""
    _child(p.find(_W_PPR), "pageBreakBefore")


def keep_with_next(p: etree._Element) -> None:
    """Set w:keepNext and w:keepLines on a w:p that has its w:pPr: the paragraph is never split
    across pages, nor parted from the paragraph after it (a quote from its attribution)."""
    ppr = p.find(_W_PPR)
    _child(ppr, "keepNext")
    _child(ppr, "keepLines")


def append_run(parent: etree._Element, text: str = "") -> etree._Element:
    """Append and return a w:r holding ``text`` as python-docx's ``Run.text`` writes it.

    Tabs become w:tab, line breaks w:br, the rest w:t (xml:space="preserve" when the piece
    starts or ends with white space).
    """
    run = etree.SubElement(parent, _W_R)
    if text:
        for piece in _RUN_BREAKS.split(text):
            if piece == "\t":
                etree.SubElement(run, _W_TAB)
            elif piece in ("\r", "\n"):
                etree.SubElement(run, _W_BR)
            elif piece:
                t = etree.SubElement(run, _W_T)
                t.text = piece
                if len(piece.strip()) < len(piece):
                    t.set(_XML_SPACE, "preserve")
    return run


def set_run_style(run: etree._Element, style_id: str | None) -> None:
    """Insert w:rPr with w:rStyle first in an unstyled w:r (None: the default character style,
    an empty w:rPr, as python-docx writes it)."""
    rpr = etree.SubElement(run, _W_RPR)  # in the tree: no stray xmlns
    run.insert(0, rpr)
    if style_id is not None:
        etree.SubElement(rpr, _W_RSTYLE).set(_W_VAL, style_id)


# --------------------------------------------------------------------------- fields


def _run(*children: etree._Element) -> etree._Element:
    run = OxmlElement("w:r")
    for child in children:
        run.append(child)
    return run


def _fld_char(kind: str, dirty: bool = False) -> etree._Element:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    if dirty:
        el.set(qn("w:dirty"), "true")
    return el


def _text(text: str, tag: str = "w:t") -> etree._Element:
    el = OxmlElement(tag)
    el.text = text
    el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el


def begin_field(p: etree._Element, instr: str, dirty: bool = False) -> None:
    """Append w:fldChar begin, w:instrText and w:fldChar separate runs to a paragraph."""
    p.append(_run(_fld_char("begin", dirty)))
    p.append(_run(_text(f" {instr} ", "w:instrText")))
    p.append(_run(_fld_char("separate")))


def end_field(p: etree._Element) -> None:
    """Append the w:fldChar end run that closes a field opened by :func:`begin_field`."""
    p.append(_run(_fld_char("end")))


def append_field(p: etree._Element, instr: str, result: str) -> None:
    """Append a complete complex field (PAGE, SEQ...) whose cached result is ``result``."""
    begin_field(p, instr)
    p.append(_run(_text(result)))
    end_field(p)


def append_text(parent: etree._Element, text: str) -> None:
    """Append a w:r holding ``text`` (w:t runs, with w:tab for each tab character)."""
    run = OxmlElement("w:r")
    for n, piece in enumerate(text.split("\t")):
        if n:
            run.append(OxmlElement("w:tab"))
        if piece:
            run.append(_text(piece))
    parent.append(run)


def add_bookmark(p: etree._Element, bookmark_id: int, name: str) -> None:
    """Wrap the paragraph's content in w:bookmarkStart/w:bookmarkEnd named ``name``."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def append_hyperlink(p: etree._Element, anchor: str) -> etree._Element:
    """Append and return a w:hyperlink to the bookmark ``anchor``, to put runs in."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    p.append(link)
    return link


# --------------------------------------------------------------------------- tables


def add_table(story: etree._Element, style_id: str | None, widths: Sequence[int]) -> etree._Element:
    """Add and return a w:tbl without rows in ``style_id``, its w:tblGrid ``widths`` (twips).

    w:tblPr is what python-docx's ``add_table`` writes: auto width and its default w:tblLook.
    """
    tbl = _append_block(story, qn("w:tbl"))
    tblpr = etree.SubElement(tbl, qn("w:tblPr"))
    if style_id is not None:
        etree.SubElement(tblpr, qn("w:tblStyle")).set(_W_VAL, style_id)
    _set_attrs(etree.SubElement(tblpr, qn("w:tblW")), type="auto", w="0")
    _set_attrs(etree.SubElement(tblpr, qn("w:tblLook")), firstColumn="1", firstRow="1",
               lastColumn="0", lastRow="0", noHBand="0", noVBand="1", val="04A0")
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for width in widths:
        etree.SubElement(grid, qn("w:gridCol")).set(_W_W, str(width))
    return tbl


def add_table_row(tbl: etree._Element, widths: Sequence[int], style_ids: Sequence[str | None],
                  texts: Sequence[str]) -> etree._Element:
    """Append and return a w:tr: per cell its w:tcW (twips) and one w:p in its style and text."""
    tr = etree.SubElement(tbl, _W_TR)
    for width, style_id, text in zip(widths, style_ids, texts, strict=True):
        tc = etree.SubElement(tr, _W_TC)
        tc_w = etree.SubElement(etree.SubElement(tc, _W_TCPR), _W_TCW)
        tc_w.set(_W_TYPE, "dxa")
        tc_w.set(_W_W, str(width))
        p = etree.SubElement(tc, _W_P)
        set_paragraph_style(p, style_id)
        append_run(p, text)
    return tr


def _set_attrs(el: etree._Element, **values: str) -> None:
    """Set w: attributes in the order given (the order they are written in)."""
    for key, value in values.items():
        el.set(qn("w:" + key), value)


def set_table_layout(tbl: etree._Element, width_pct: int, caption: str) -> None:
    """Set w:tblW to a percentage, w:tblLook to header row + banded rows, and w:tblCaption."""
    tblpr = tbl.find(qn("w:tblPr"))
    width = _child(tblpr, "tblW")
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), str(width_pct * 50))
    look = _child(tblpr, "tblLook")
    look.attrib.clear()
    for key, val in (("val", "0420"), ("firstRow", "1"), ("lastRow", "0"), ("firstColumn", "0"),
                     ("lastColumn", "0"), ("noHBand", "0"), ("noVBand", "1")):
        look.set(qn("w:" + key), val)
    _child(tblpr, "tblCaption").set(qn("w:val"), caption)


def mark_header_row(tr: etree._Element) -> None:
    """Set w:trPr/w:tblHeader so the row repeats at the top of every page the table spans."""
    _tr_flag(tr, "tblHeader")


def keep_row_together(tr: etree._Element) -> None:
    """Set w:trPr/w:cantSplit so a row never breaks across pages."""
    _tr_flag(tr, "cantSplit")


def _tr_flag(tr: etree._Element, tag: str) -> None:
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tblprex = tr.find(qn("w:tblPrEx"))
        if tblprex is not None:
            tblprex.addnext(trpr)
        else:
            tr.insert(0, trpr)
    if trpr.find(qn("w:" + tag)) is None:
        trpr.append(OxmlElement("w:" + tag))


def table_cells(tr: etree._Element) -> list[etree._Element]:
    """The w:tc cells of a row, in order."""
    return tr.findall(_W_TC)


def table_rows(tbl: etree._Element) -> list[etree._Element]:
    """The w:tr rows of a table, in order."""
    return tbl.findall(_W_TR)


def add_paragraph_before(p: etree._Element, style_id: str | None) -> etree._Element:
    """Insert and return an empty w:p in ``style_id`` just before ``p`` (same story or cell)."""
    new = OxmlElement("w:p")
    p.addprevious(new)
    set_paragraph_style(new, style_id)
    return new


def set_space_before(p: etree._Element, points: float) -> None:
    """w:spacing/@w:before of a styled paragraph, in points."""
    _child(p.find(_W_PPR), "spacing").set(qn("w:before"), str(round(points * 20)))


def cell_paragraph(tc: etree._Element) -> etree._Element:
    """The first w:p of a cell (every cell :func:`add_table_row` writes has one)."""
    return tc.find(_W_P)


def set_cell_border(tc: etree._Element, side: str, color: str, size: int) -> None:
    """A single line on one side (top/left/bottom/right) of a cell; size in eighths of a point."""
    line = _child(_child(tc.find(_W_TCPR), "tcBorders"), side)
    _set_attrs(line, val="single", sz=str(size), space="0", color=color)


def set_cell_valign(tc: etree._Element, where: str) -> None:
    """w:vAlign of a cell: top, center or bottom."""
    _child(tc.find(_W_TCPR), "vAlign").set(_W_VAL, where)


def set_alignment(p: etree._Element, where: str) -> None:
    """w:jc of a styled paragraph (left, center, right, both)."""
    _child(p.find(_W_PPR), "jc").set(_W_VAL, where)


def set_keep_next(p: etree._Element) -> None:
    """w:keepNext: the paragraph stays on the page of the next one (in a table: the whole table
    stays with what follows it, as Word keeps a table whose rows all keep with the next)."""
    _child(p.find(_W_PPR), "keepNext")


def set_table_description(tbl: etree._Element, text: str) -> None:
    """w:tblDescription, the table's alternative text for screen readers."""
    _child(tbl.find(qn("w:tblPr")), "tblDescription").set(_W_VAL, text)


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
            _insert_before_any(chart_space, found,
                               ("roundedCorners", *_AFTER_ROUNDED) if tag == "lang"
                               else _AFTER_ROUNDED)
        found.set("val", value)
    sp_pr = chart_space.find(qn("c:spPr"))
    if sp_pr is not None:
        chart_space.remove(sp_pr)
    sp_pr = etree.Element(qn("c:spPr"))
    etree.SubElement(sp_pr, qn("a:noFill"))
    etree.SubElement(etree.SubElement(sp_pr, qn("a:ln")), qn("a:noFill"))
    _insert_before_any(chart_space, sp_pr, _AFTER_SPACE_SPPR)


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
                _insert_before_any(rpr, face_el, _AFTER_FACES)
            rpr.set("lang", lang)
            rpr.set("altLang", alt_lang)


def set_label_separator(d_lbls: etree._Element, separator: str) -> None:
    """Set c:dLbls/c:separator (between category name and value); python-pptx has no API."""
    for old in d_lbls.findall(qn("c:separator")):
        d_lbls.remove(old)
    node = etree.Element(qn("c:separator"))
    node.text = separator
    _insert_before_any(d_lbls, node, ("showLeaderLines", "leaderLines", "extLst"))


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
    _insert_before_any(title, layout, ("overlay", "spPr", "txPr", "extLst"))
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
