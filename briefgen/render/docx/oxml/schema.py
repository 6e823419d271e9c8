"""Schema order of WordprocessingML children, and finding or adding a child in that order.

Word refuses a part whose children are out of order. python-docx drops its ``_tag_seq`` tables
after class creation, so the orders the helpers need are kept here.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

#: The element type the helpers take and return, for type hints outside this package.
Element = etree._Element


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
_TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
_ORDERS = {"pPr": _PPR_ORDER, "rPr": _RPR_ORDER, "tblPr": _TBLPR_ORDER, "style": _STYLE_ORDER,
           "tcPr": _TCPR_ORDER}


def local_name(el: etree._Element) -> str:
    return etree.QName(el).localname


def get_or_add_child(parent: etree._Element, tag: str) -> etree._Element:
    """Return ``parent``'s ``w:tag`` child, inserting it in schema order when missing."""
    found = parent.find(qn("w:" + tag))
    if found is not None:
        return found
    new = OxmlElement("w:" + tag)
    order = _ORDERS.get(local_name(parent), ())
    if tag in order:
        later = set(order[order.index(tag) + 1:])
        for sibling in parent:
            if local_name(sibling) in later:
                sibling.addprevious(new)
                return new
    parent.append(new)
    return new


def insert_before_any(parent: etree._Element, new: etree._Element, later: Iterable[str]) -> None:
    """Insert ``new`` before the first child named in ``later`` (any namespace), else append."""
    names = set(later)
    for sibling in parent:
        if isinstance(sibling.tag, str) and local_name(sibling) in names:
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
