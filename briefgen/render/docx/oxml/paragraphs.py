"""Body content: paragraphs, runs, fields, bookmarks and hyperlinks, as python-docx writes them."""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from briefgen.render.docx.oxml.schema import get_or_add_child, local_name

# --------------------------------------------------------------------------- body and stories


def clear_story(story: etree._Element) -> None:
    """Remove the block content of w:body/w:hdr/w:ftr, keeping the body's final w:sectPr."""
    for el in list(story):
        if local_name(el) != "sectPr":
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
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Where a run's text breaks into w:t, w:tab and w:br pieces, as python-docx's Run.text does.
_RUN_BREAKS = re.compile(r"(\t|\r|\n)")


def append_block(story: etree._Element, tag: str) -> etree._Element:
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
    p = append_block(story, _W_P)
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
    get_or_add_child(p.find(_W_PPR), "pageBreakBefore")


def keep_with_next(p: etree._Element) -> None:
    """Set w:keepNext and w:keepLines on a w:p that has its w:pPr: the paragraph is never split
    across pages, nor parted from the paragraph after it (a quote from its attribution)."""
    ppr = p.find(_W_PPR)
    get_or_add_child(ppr, "keepNext")
    get_or_add_child(ppr, "keepLines")


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
