"""Build the default deck template: ``python -m briefgen.render.pptx.theme`` writes
``templates/pptx/default.pptx``.

The template is generated rather than drawn by hand so that it can be reviewed as code and
rebuilt byte for byte: python-pptx's bundled template is reshaped to 16:9, given the briefgen
theme (dark blue, teal and gold; Calibri with Noto Sans CJK SC as the East Asian face) and the
named layouts the renderer looks up. Zip entries get a fixed time, so two builds are identical.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import SlideLayoutPart
from pptx.util import Emu, Inches

from briefgen.fonts import CJK_FAMILY, LATIN_FAMILY_EN
from briefgen.opc import ZIP_EPOCH, repacked
from briefgen.render.pptx import oxml
from briefgen.resources import data_dir

THEME_NAME = "Briefgen"
COLORS = {  # a:clrScheme slots; accent1 dark blue, accent2 teal, accent3 gold
    "dk1": "1A1A1A", "lt1": "FFFFFF", "dk2": "1F4E79", "lt2": "E8EEF4",
    "accent1": "1F4E79", "accent2": "1A7F7A", "accent3": "C9A227", "accent4": "5B8DB8",
    "accent5": "7BB3A9", "accent6": "8C8C8C", "hlink": "2A6EBB", "folHlink": "6B4E9B",
}
SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in, PowerPoint's 16:9
SLIDE_W_IN = SLIDE_W / 914400
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)

Box = tuple[int, int, int, int]


def _box(x: float, y: float, w: float, h: float) -> Box:
    return (Inches(x), Inches(y), Inches(w), Inches(h))


MARGIN = 0.6
CONTENT_W = SLIDE_W_IN - 2 * MARGIN
TITLE_BOX = _box(MARGIN, 0.35, CONTENT_W, 0.95)
RULE_BOX = _box(MARGIN, 1.36, 1.2, 0.05)
BODY_BOX = _box(MARGIN, 1.6, CONTENT_W, 5.3)
COVER_TITLE_BOX = _box(0.9, 1.9, 11.5, 2.0)
COVER_RULE_BOX = _box(0.9, 4.05, 2.4, 0.06)
COVER_BODY_BOX = _box(0.9, 4.3, 11.5, 1.8)
FOOTER_Y, FOOTER_H = 7.0, 0.35  # under the content area, which ends 0.5 in above the edge
NUMBER_BOX = _box(SLIDE_W_IN - MARGIN - 1.2, FOOTER_Y, 1.2, FOOTER_H)
NUMBER_IDX = 12  # PowerPoint's usual idx for a layout's slide-number placeholder


@dataclass(frozen=True)
class LayoutSpec:
    """One named layout: which placeholders it has, their text size, and its background."""

    name: str
    body_pt: int | None = None  # None: title only
    cover: bool = False  # big title on a coloured background
    background: str | None = None
    title_type: str = "title"
    body_type: str | None = None  # None: a body (bulleted) placeholder
    numbered: bool = True  # has a slide-number placeholder (not on the title slide)


LAYOUTS = (
    LayoutSpec("Title", body_pt=20, cover=True, background="tx2", title_type="ctrTitle",
               body_type="subTitle", numbered=False),
    LayoutSpec("Agenda", body_pt=24),
    LayoutSpec("Section", body_pt=20, cover=True, background="accent2"),
    LayoutSpec("Bullets", body_pt=24),
    LayoutSpec("Key Figures"),
    LayoutSpec("Chart"),
    LayoutSpec("Quote"),
    LayoutSpec("Timeline"),
    LayoutSpec("Sources", body_pt=16),
)


def _layout_shapes(spec: LayoutSpec) -> list[str]:
    """Placeholder and decoration XML for one layout."""
    title_box, rule_box, body_box = ((COVER_TITLE_BOX, COVER_RULE_BOX, COVER_BODY_BOX)
                                     if spec.cover else (TITLE_BOX, RULE_BOX, BODY_BOX))
    shapes = [
        oxml.placeholder_xml(2, "Title 1", spec.title_type, 0, title_box, anchor="b",
                             size_pt=40 if spec.cover else None,
                             color="bg1" if spec.cover else None),
        oxml.rule_xml(3, "Accent Rule 2", rule_box, "accent3" if spec.cover else "accent2"),
    ]
    if spec.body_pt:
        shapes.append(oxml.placeholder_xml(
            4, "Text 3", spec.body_type or "body", 1, body_box, size_pt=spec.body_pt,
            color="bg1" if spec.cover else None, bullets=not spec.cover))
    if spec.numbered:
        shapes.append(oxml.slide_number_placeholder_xml(
            5, "Slide Number 4", NUMBER_IDX, NUMBER_BOX, size_pt=12,
            color="bg1" if spec.cover else "accent6"))
    return shapes


def _add_layout(prs: Presentation, spec: LayoutSpec, layout_id: int) -> None:
    """Create a slide-layout part from ``spec`` and register it with the master."""
    package = prs.part.package
    master_part = prs.slide_master.part
    element = oxml.layout_element(spec.name, _layout_shapes(spec), spec.background)
    partname = package.next_partname("/ppt/slideLayouts/slideLayout%d.xml")
    part = SlideLayoutPart(partname, CT.PML_SLIDE_LAYOUT, package, element)
    part.relate_to(master_part, RT.SLIDE_MASTER)
    oxml.append_layout_id(prs.slide_master._element, layout_id,
                          master_part.relate_to(part, RT.SLIDE_LAYOUT))


def _place_master_placeholders(prs: Presentation) -> None:
    """Move the master's placeholders onto the 16:9 grid the layouts use."""
    footer_y, footer_h = Inches(FOOTER_Y), Inches(FOOTER_H)
    boxes = {0: TITLE_BOX, 1: BODY_BOX,
             2: (Inches(MARGIN), footer_y, Inches(2.8), footer_h),  # date
             3: (Inches(4.6), footer_y, Inches(4.1), footer_h),  # footer
             4: NUMBER_BOX}
    for placeholder in prs.slide_master.placeholders:
        x, y, cx, cy = boxes[placeholder.placeholder_format.idx]
        placeholder.left, placeholder.top = Emu(x), Emu(y)
        placeholder.width, placeholder.height = Emu(cx), Emu(cy)


def default_template() -> Path:
    """Where the default template lives: the writer reads it, :func:`main` writes it."""
    return data_dir("templates") / "pptx" / "default.pptx"


def build() -> bytes:
    """The template as bytes; identical on every run."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    master = prs.slide_master
    theme_part = master.part.part_related_by(RT.THEME)
    theme_part._blob = oxml.restyle_theme(  # a theme is a plain (blob) part in python-pptx
        theme_part.blob, THEME_NAME, COLORS, LATIN_FAMILY_EN, CJK_FAMILY)
    _place_master_placeholders(prs)
    oxml.style_master(master._element, title_pt=32, body_pts=(24, 20, 18, 16, 16))
    for layout in list(prs.slide_layouts):
        prs.slide_layouts.remove(layout)
    for number, spec in enumerate(LAYOUTS, start=1):
        _add_layout(prs, spec, 2147483648 + number)
    for rel in list(prs.part.package._rels.values()):
        if rel.reltype == RT.THUMBNAIL:  # the old 4:3 picture would mislead file browsers
            prs.part.package.drop_rel(rel.rId)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = oxml.APP_PROPERTIES_XML
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = "briefgen default", "briefgen", "briefgen"
    props.comments = "Built by python -m briefgen.render.pptx.theme"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    raw = io.BytesIO()
    prs.save(raw)
    return repacked(raw.getvalue(), ZIP_EPOCH)


def main(argv: list[str] | None = None) -> int:
    """Write the template to the given path, or to templates/pptx/default.pptx."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else default_template()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build())
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
