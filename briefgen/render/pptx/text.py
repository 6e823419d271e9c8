"""Writing measured text into a shape: one size per frame, exact line height, no autofit.

Every run the writer makes names the Latin and East Asian faces and the language (python-pptx's
``font.name`` writes only ``a:latin``), so Chinese text gets Simplified Chinese glyphs in
PowerPoint and LibreOffice alike, and fit.py measures exactly what is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.text.text import Font, _Paragraph
from pptx.util import Emu, Pt

from briefgen.plan.model import Fonts
from briefgen.render.pptx import fit, oxml
from briefgen.render.pptx.layouts import Region

_BUILT: dict[tuple, Any] = {}
"""a:bodyPr and a:p elements as python-pptx built them, by everything that shaped them (see
:class:`TextWriter`); shared by every deck a process renders. Sizes come in 2 pt steps from a
few starting sizes, so the keys are few."""


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
    """Writes paragraphs and runs in a deck's faces and language.

    Decks repeat a few paragraph styles hundreds of times, and python-pptx spends dozens of
    element look-ups on each paragraph it styles. So each a:bodyPr and a:p is built through
    python-pptx once per combination of everything that shapes it (the key), kept in
    :data:`_BUILT`, and copied for the next frame or paragraph with the same key, which then
    only gets its own text: the same XML for a fraction of the work.
    """

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self.alt_lang = "en-US" if fonts.lang.lower().startswith("zh") else "zh-CN"
        self._faces = (fonts, self.alt_lang)  # what every run this writer makes depends on
        self._fill_keys: dict[Any, bytes | None] = {}  # layout p:sp -> its list fill's XML
        self._last_plain: tuple[tuple, Any] | None = None  # (frame XML, paragraphs) -> p:txBody

    def write(self, shape, paragraphs: Iterable[str], style: Style,
              fill_from=None) -> None:
        """Replace a shape's text: explicit size, exact line height, no autofit, insets, list
        markers, and on every run the faces and the language.

        :param fill_from: a layout placeholder's p:sp whose text colour the runs copy (for
            LibreOffice).
        """
        frame = shape.text_frame
        frame.clear()
        self._frame(frame, True, style.anchor)
        fill = fill_from if style.color is None else None
        fill_key = self._fill_key(fill)
        for index, text in enumerate(paragraphs):
            bold = style.bold or style.bold_index == index
            self._paragraph(frame, index, text, ("text", style, index == 0, bold, fill_key),
                            partial(self._style, style=style, index=index, bold=bold, fill=fill))

    def write_plain(self, frame, paragraphs: Sequence[str]) -> None:
        """Replace a text frame's text with runs that name only the faces and the language (the
        notes pane).

        Continuation slides repeat their first slide's notes, which for a long agenda are
        thousands of paragraphs per slide; the frame the last call wrote is kept and copied
        whole when the next call starts from the same frame with the same paragraphs.
        """
        tx_body = frame._txBody
        key = (oxml.xml_key(tx_body), tuple(paragraphs))
        if self._last_plain is not None and self._last_plain[0] == key:
            oxml.replace_with_copy(tx_body, self._last_plain[1])
            return
        frame.clear()
        for index, text in enumerate(paragraphs):
            self._paragraph(frame, index, text, ("plain",),
                            lambda para: self.run(para.add_run(), "", None))
        self._last_plain = (key, oxml.clone(tx_body))

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
        self._frame(frame, False, MSO_ANCHOR.MIDDLE)
        self._paragraph(frame, 0, str(number), ("number", style),
                        lambda para: self._number(para, number, style))

    # ------------------------------------------------------------------ building, once per key

    def _frame(self, frame, wrap: bool, anchor: MSO_ANCHOR | None) -> None:
        """Set a:bodyPr: word wrap, no autofit, explicit insets and the anchor if given."""
        body_pr = frame._txBody.bodyPr
        key = ("bodyPr", oxml.xml_key(body_pr), wrap, anchor)
        built = _BUILT.get(key)
        if built is not None:
            oxml.replace_with_copy(body_pr, built)
            return
        frame.word_wrap = wrap
        frame.auto_size = MSO_AUTO_SIZE.NONE
        insets = fit.DEFAULT_INSETS
        frame.margin_left, frame.margin_top = Emu(insets.left), Emu(insets.top)
        frame.margin_right, frame.margin_bottom = Emu(insets.right), Emu(insets.bottom)
        if anchor is not None:
            frame.vertical_anchor = anchor
        _BUILT[key] = oxml.clone(frame._txBody.bodyPr)

    def _paragraph(self, frame, index: int, text: str, key: tuple,
                   build: Callable[[_Paragraph], None]) -> None:
        """Fill paragraph ``index`` of a cleared frame (a new one after the first) with
        ``text``, as ``build`` styles it; ``key`` names everything ``build`` depends on.

        Only an empty a:p turns into exactly what was built, so a copy stands in for the
        cleared first paragraph only when it is empty (a new one always is).
        """
        key = (*self._faces, *key)
        tx_body = frame._txBody
        p = tx_body.p_lst[0] if index == 0 else None
        built = _BUILT.get(key)
        if built is not None and (p is None or oxml.is_empty(p)):
            oxml.set_paragraph_text(oxml.add_paragraph_copy(tx_body, built, p), text)
            return
        p = tx_body.add_p() if p is None else p
        fresh = oxml.is_empty(p)
        build(_Paragraph(p, frame))
        oxml.set_paragraph_text(p, text)
        if fresh:
            _BUILT[key] = oxml.clone(p)

    def _fill_key(self, layout_sp) -> bytes | None:
        """What of ``layout_sp`` the runs copy (its list fill), as a key; None for nothing."""
        if layout_sp is None:
            return None
        if layout_sp not in self._fill_keys:
            fill = oxml.list_fill(layout_sp)
            self._fill_keys[layout_sp] = None if fill is None else oxml.xml_key(fill)
        return self._fill_keys[layout_sp]

    def _style(self, para: _Paragraph, style: Style, index: int, bold: bool, fill) -> None:
        """Line height, spacing, alignment, list marker and one styled run."""
        para.line_spacing = Pt(style.size * fit.LINE_FACTOR)
        para.space_before = Pt(style.space_before if index else 0)
        para.space_after = Pt(0)
        if style.align is not None:
            para.alignment = style.align
        _marker(para._p.get_or_add_pPr(), style, index)
        run = para.add_run()
        self.run(run, "", style, bold=bold)
        if fill is not None:
            oxml.copy_list_fill(fill, run._r.get_or_add_rPr())

    def _number(self, para: _Paragraph, number: int, style: Style) -> None:
        """Right-aligned, no bullet, one slide-number field in ``style``."""
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
