"""Tables: w:tbl with its grid and rows, table and cell properties, as python-docx writes them."""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from briefgen.render.docx.oxml.paragraphs import append_block, append_run, set_paragraph_style
from briefgen.render.docx.oxml.schema import get_or_add_child

_W_P, _W_PPR, _W_VAL = qn("w:p"), qn("w:pPr"), qn("w:val")
_W_TR, _W_TC, _W_TCPR, _W_TCW = qn("w:tr"), qn("w:tc"), qn("w:tcPr"), qn("w:tcW")
_W_TYPE, _W_W = qn("w:type"), qn("w:w")


# --------------------------------------------------------------------------- tables


def add_table(story: etree._Element, style_id: str | None, widths: Sequence[int]) -> etree._Element:
    """Add and return a w:tbl without rows in ``style_id``, its w:tblGrid ``widths`` (twips).

    w:tblPr is what python-docx's ``add_table`` writes: auto width and its default w:tblLook.
    """
    tbl = append_block(story, qn("w:tbl"))
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
    width = get_or_add_child(tblpr, "tblW")
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), str(width_pct * 50))
    look = get_or_add_child(tblpr, "tblLook")
    look.attrib.clear()
    for key, val in (("val", "0420"), ("firstRow", "1"), ("lastRow", "0"), ("firstColumn", "0"),
                     ("lastColumn", "0"), ("noHBand", "0"), ("noVBand", "1")):
        look.set(qn("w:" + key), val)
    get_or_add_child(tblpr, "tblCaption").set(qn("w:val"), caption)


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
    get_or_add_child(p.find(_W_PPR), "spacing").set(qn("w:before"), str(round(points * 20)))


def cell_paragraph(tc: etree._Element) -> etree._Element:
    """The first w:p of a cell (every cell :func:`add_table_row` writes has one)."""
    return tc.find(_W_P)


def set_cell_border(tc: etree._Element, side: str, color: str, size: int) -> None:
    """A single line on one side (top/left/bottom/right) of a cell; size in eighths of a point."""
    line = get_or_add_child(get_or_add_child(tc.find(_W_TCPR), "tcBorders"), side)
    _set_attrs(line, val="single", sz=str(size), space="0", color=color)


def set_cell_valign(tc: etree._Element, where: str) -> None:
    """w:vAlign of a cell: top, center or bottom."""
    get_or_add_child(tc.find(_W_TCPR), "vAlign").set(_W_VAL, where)


def set_alignment(p: etree._Element, where: str) -> None:
    """w:jc of a styled paragraph (left, center, right, both)."""
    get_or_add_child(p.find(_W_PPR), "jc").set(_W_VAL, where)


def set_keep_next(p: etree._Element) -> None:
    """w:keepNext: the paragraph stays on the page of the next one (in a table: the whole table
    stays with what follows it, as Word keeps a table whose rows all keep with the next)."""
    get_or_add_child(p.find(_W_PPR), "keepNext")


def set_table_description(tbl: etree._Element, text: str) -> None:
    """w:tblDescription, the table's alternative text for screen readers."""
    get_or_add_child(tbl.find(qn("w:tblPr")), "tblDescription").set(_W_VAL, text)
