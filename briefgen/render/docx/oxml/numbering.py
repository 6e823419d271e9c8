"""The numbering part: single-level list definitions, and the list a paragraph style uses."""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from briefgen.render.docx.oxml.schema import insert_before_any

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
    insert_before_any(numbering, abstract, ("num", "numIdMacAtCleanup"))
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                    f'<w:abstractNumId w:val="{abstract_id}"/></w:num>')
    insert_before_any(numbering, num, ("numIdMacAtCleanup",))
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
