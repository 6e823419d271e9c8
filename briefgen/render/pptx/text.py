"""Writing measured text into a shape: one size per frame, exact line height, no autofit.

Every run the writer makes names the Latin and East Asian faces and the language (python-pptx's
``font.name`` writes only ``a:latin``), so Chinese text gets Simplified Chinese glyphs in
PowerPoint and LibreOffice alike, and fit.py measures exactly what is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.text.text import Font
from pptx.util import Emu, Pt

from briefgen.plan.model import Fonts
from briefgen.render.pptx import fit, oxml
from briefgen.render.pptx.layouts import Region


@dataclass(frozen=True)
class Style:
    """How one text frame sets its paragraphs; one size per frame, so fit.py can measure it."""

    size: float
    color: MSO_THEME_COLOR | None = None
    bold: bool = False
    align: PP_ALIGN | None = None
    listing: Literal["none", "bullet", "number", "inherit"] = "none"
    start_at: int = 1
    space_before: float = 0.0
    anchor: MSO_ANCHOR | None = None
    bold_index: int | None = None  # one paragraph set bold (a timeline event's label)

    @property
    def indent(self) -> int:
        """Hanging indent (a:pPr/@marL) a list marker takes, in EMU."""
        factor = {"bullet": 1.3, "number": 1.9}.get(self.listing, 0.0)
        return int(Pt(self.size * factor))

    def box(self, region: Region, latin_face: str) -> fit.Box:
        """The fit.py view of a frame over ``region`` set in this style (insets are explicit)."""
        return fit.Box(region.w, region.h, self.size, self.space_before, self.indent,
                       latin_face=latin_face, bold=self.bold, bold_index=self.bold_index)


class TextWriter:
    """Writes paragraphs and runs in a deck's faces and language."""

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self.alt_lang = "en-US" if fonts.lang.lower().startswith("zh") else "zh-CN"

    def write(self, shape, paragraphs: Iterable[str], style: Style,
              fill_from=None) -> None:
        """Replace a shape's text: explicit size, exact line height, no autofit, insets, list
        markers, and on every run the faces and the language.

        :param fill_from: a layout placeholder whose text colour the runs copy (for LibreOffice).
        """
        frame = shape.text_frame
        frame.clear()
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        insets = fit.DEFAULT_INSETS
        frame.margin_left, frame.margin_top = Emu(insets.left), Emu(insets.top)
        frame.margin_right, frame.margin_bottom = Emu(insets.right), Emu(insets.bottom)
        if style.anchor is not None:
            frame.vertical_anchor = style.anchor
        for index, text in enumerate(paragraphs):
            para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            para.line_spacing = Pt(style.size * fit.LINE_FACTOR)
            para.space_before = Pt(style.space_before if index else 0)
            para.space_after = Pt(0)
            if style.align is not None:
                para.alignment = style.align
            _marker(para._p.get_or_add_pPr(), style, index)
            run = para.add_run()
            self.run(run, text, style, bold=style.bold or style.bold_index == index)
            if fill_from is not None and style.color is None:
                oxml.copy_list_fill(fill_from._element, run._r.get_or_add_rPr())

    def run(self, run, text: str, style: Style | None, bold: bool = False) -> None:
        """Set a run's text, faces and language, and the style's size and colour if given."""
        run.text = text
        font = run.font
        if style is not None:
            font.size = Pt(style.size)
            font.bold = bold or None
            if style.color is not None:
                font.color.theme_color = style.color
        self.tag(run._r.get_or_add_rPr())

    def tag(self, rPr) -> None:
        """Name both faces and the language on an a:rPr."""
        oxml.set_typefaces(rPr, self.fonts.latin, self.fonts.east_asian)
        oxml.set_run_language(rPr, self.fonts.lang, self.alt_lang)

    def slide_number(self, shape, number: int, style: Style) -> None:
        """Make ``shape`` hold just a slide-number field, set in ``style``."""
        frame = shape.text_frame
        frame.clear()
        frame.word_wrap = False
        frame.auto_size = MSO_AUTO_SIZE.NONE
        insets = fit.DEFAULT_INSETS
        frame.margin_left, frame.margin_top = Emu(insets.left), Emu(insets.top)
        frame.margin_right, frame.margin_bottom = Emu(insets.right), Emu(insets.bottom)
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        para = frame.paragraphs[0]
        para.alignment = PP_ALIGN.RIGHT
        oxml.set_no_bullet(para._p.get_or_add_pPr())
        rPr = oxml.add_slide_number_field(para._p, number)
        font = Font(rPr)
        font.size = Pt(style.size)
        if style.color is not None:
            font.color.theme_color = style.color
        self.tag(rPr)


def _marker(pPr, style: Style, index: int) -> None:
    if style.listing == "bullet":
        oxml.set_bullet_char(pPr, "•", style.indent)
    elif style.listing == "number":
        oxml.set_auto_number(pPr, style.start_at, style.indent)
    elif style.listing == "none":
        oxml.set_no_bullet(pPr)


def written_fit(shape, latin_face: str) -> tuple[list[str], fit.Box]:
    """Read back a text frame this writer filled: its paragraphs and the fit.py box they are set
    in (size, spacing, indent and insets as written), so a test can measure the file itself.

    :raises ValueError: when the frame mixes sizes or has a run without a size.
    """
    frame = shape.text_frame
    paragraphs = list(frame.paragraphs)
    props = oxml.text_run_properties(frame._txBody)
    sizes = {rPr.get("sz") for rPr in props}
    if len(sizes) != 1 or None in sizes:
        raise ValueError(f"{shape.name}: one explicit size per frame expected, got {sizes}")
    bold_at = [i for i, p in enumerate(paragraphs)
               if any(oxml.is_bold(rPr) for rPr in oxml.text_run_properties(p._p))]
    bold = bool(bold_at) and len(bold_at) == len(paragraphs)
    bold_index = bold_at[0] if len(bold_at) == 1 and not bold else None
    if len(bold_at) > 1 and not bold:
        raise ValueError(f"{shape.name}: at most one bold paragraph unless all are bold")
    space = paragraphs[1].space_before.pt if len(paragraphs) > 1 and \
        paragraphs[1].space_before is not None else 0.0
    insets = fit.Insets(*(int(m) for m in (frame.margin_left, frame.margin_top,
                                            frame.margin_right, frame.margin_bottom)))
    box = fit.Box(int(shape.width), int(shape.height), int(sizes.pop()) / 100, space,
                  oxml.paragraph_margin_left(paragraphs[0]._p.pPr), insets, latin_face, bold,
                  bold_index)
    return [p.text for p in paragraphs], box


def written_text_fits(shape, latin_face: str) -> bool:
    """True if a frame this writer filled holds its text without overflowing, as measured."""
    paragraphs, box = written_fit(shape, latin_face)
    return box.fits(paragraphs)
