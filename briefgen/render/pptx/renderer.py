"""The PPTX writer: turns a DocPlan's slides into a 16:9 deck a speaker can present as it is.

Every slide kind has a ``_render_<kind>`` method; an unknown kind fails loudly. Text is measured
before it is placed (fit.py): bullet lists and timelines that do not fit become continuation
slides, titles step down in size, and no text frame relies on autofit. Charts are native
PowerPoint charts (charts.py), so they stay editable and screen readers get their data; the PNG
is used only for chart kinds PowerPoint has no chart type for. Every run names the Latin and East
Asian faces and the language (text.py). Every slide but the first carries its number, and its
title is the first shape screen readers meet.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar, TypeVar

from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.shapes.shared import CT_Placeholder
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.text.text import TextFrame
from pptx.util import Inches, Pt

from briefgen import opc
from briefgen.plan.model import DocPlan, Fonts, Slide, TimelineItem
from briefgen.render.chartdata import naive_utc
from briefgen.render.pptx import charts, compiled_xpath, fit, oxml, theme
from briefgen.render.pptx.charts import ACCENTS, NATIVE_CHARTS
from briefgen.render.pptx.layouts import (
    BODY_TYPES,
    TITLE_TYPES,
    LayoutInfo,
    LayoutPicker,
    Region,
    content_region,
    number_region,
    shape_region,
    timeline_line_y,
    timeline_slots,
)
from briefgen.render.pptx.package import SlideMaker
from briefgen.render.pptx.text import Style, TextWriter

compiled_xpath.install()  # python-pptx compiles its XPath once per expression, not per call

T = TypeVar("T")
TITLE_FLOOR_PT = 20
MAX_KPIS_PER_SLIDE = 6
EVENT_PT, EVENT_GOOD_PT, EVENT_FLOOR_PT = 20, 16, 14  # timeline events: start, preferred floor,
# and the smallest size allowed (more slides are taken to stay at or above the preferred one)


class LayoutFallbackWarning(UserWarning):
    """A template lacks a named layout, and the writer used another one."""


class TextFitWarning(UserWarning):
    """Text did not fit even at its minimum size, so its box was made taller."""


def open_template(template: Path | None) -> Presentation:
    """The template as a presentation with no slides; .potx files are read as .pptx."""
    path = Path(template or theme.default_template())
    # theme.build(): a checkout where the default template was not built yet
    blob = theme.build() if template is None and not path.exists() else path.read_bytes()
    prs = Presentation(io.BytesIO(opc.as_document(blob)))
    oxml.remove_slides(prs.part)
    return prs


def deck_fonts(prs: Presentation, plan: DocPlan, user_template: bool) -> Fonts:
    """The faces runs name: the plan's, except that a user's template gives the Latin face (its
    theme's body font). The East Asian face stays the plan's, which is known to have Han
    glyphs; a template's East Asian font may not (or may be a Japanese face)."""
    if not user_template:
        return plan.fonts
    latin = oxml.theme_minor_latin(prs.slide_master.part.part_related_by(_THEME_REL).blob)
    return replace(plan.fonts, latin=latin) if latin else plan.fonts


_THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


class PptxRenderer:
    """Writes a plan's slides to a .pptx, using a template's layouts by name."""

    name: ClassVar[str] = "pptx"
    suffix: ClassVar[str] = ".pptx"

    def __init__(self, template: Path | None = None) -> None:
        self.template = template
        self.messages: list[str] = []

    def render(self, plan: DocPlan, charts: Mapping[str, Path], path: Path) -> None:
        """Write ``plan`` to ``path``. Layouts the template lacks are listed in
        ``self.messages`` (one line each) and in a single LayoutFallbackWarning."""
        prs = open_template(self.template)
        deck = _Deck(prs, plan, charts, deck_fonts(prs, plan, self.template is not None))
        for slide in plan.slides:
            deck.add(slide)
        _set_properties(prs, plan)
        self.messages = deck.messages
        if deck.messages:  # one warning per render, listing every missing layout
            warnings.warn("; ".join(deck.messages), LayoutFallbackWarning, stacklevel=2)
        prs.save(str(path))


def _set_properties(prs: Presentation, plan: DocPlan) -> None:
    """Core properties from the plan only, so two renders are identical."""
    meta, props = plan.meta, prs.core_properties
    props.title = meta.title
    props.subject = meta.subtitle or ""
    props.keywords = meta.keywords_text
    props.language = meta.language
    props.author = props.last_modified_by = meta.organiser
    props.comments = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = naive_utc(meta.timestamp)


@dataclass(frozen=True)
class _Row:
    """One row of side-by-side text boxes: texts (paragraphs each), boxes and styles per
    column, the smallest size allowed, and at most how many lines a paragraph may take."""

    texts: Sequence[Sequence[str]]
    regions: Sequence[Region]
    styles: Sequence[Style]
    floor: float
    max_lines: int | None = None


class _Deck:
    """One render: the presentation, the plan, the faces and the layout picker."""

    def __init__(self, prs: Presentation, plan: DocPlan, charts: Mapping[str, Path],
                 fonts: Fonts) -> None:
        self.prs, self.plan, self.charts = prs, plan, charts
        self.picker = LayoutPicker(prs)
        self.maker = SlideMaker(prs)
        self.messages = self.picker.messages
        self.fonts = fonts
        self.text = TextWriter(fonts)
        self.slide = None  # the python-pptx slide being drawn
        self.info: LayoutInfo | None = None  # what its layout gives it
        self.kind = ""  # its plan slide kind

    # ------------------------------------------------------------------ slides

    def add(self, spec: Slide) -> None:
        """Draw one plan slide (maybe as several); an unknown kind raises ValueError."""
        draw = getattr(self, f"_render_{spec.kind}", None)
        if draw is None:
            raise ValueError(f"pptx: no renderer for slide kind {spec.kind!r}")
        draw(spec)

    def _new_slide(self, spec: Slide, continued: bool = False, notes: bool = True) -> Region:
        """Add a slide for ``spec`` with its fitted title and (unless ``notes`` is False, when
        the caller writes them) its notes; returns the title's box."""
        layout = self.picker.pick(spec.kind)
        self.slide = self.maker.add_slide(layout)
        self.info = self.picker.info(layout)
        self.kind = spec.kind
        title = spec.title
        label = spec.continued_label
        if continued and not title.endswith(label):  # the plan may have continued it already
            title += label
        if notes and (spec.kind != "title" or spec.notes):
            self._notes(spec.notes or (spec.title,))
        return self._title(" ".join(title.split()))

    def _finish(self) -> None:
        """Close a slide: remove placeholders left empty (no 'Click to add text' remains), put
        the title first in reading order, and number every slide but the title slide."""
        tree = self.slide.shapes._spTree
        oxml.remove_blank_placeholders(tree)
        oxml.move_to_front(oxml.title_shape(tree))
        if self.kind != "title":
            self._slide_number(self.maker.count)

    def _slide_number(self, number: int) -> None:
        """The layout's slide-number placeholder with a slidenum field, or a small text box in
        the bottom margin when the layout has none."""
        layout_ph = self.info.number
        if layout_ph is None:
            title = shape_region(self.slide.shapes.title)
            region = number_region(title, self.prs.slide_width, self.prs.slide_height)
            box = self._textbox(region)
            self.text.slide_number(box, number, Style(12, MSO_THEME_COLOR.TEXT_1))
            return
        self.slide.shapes.clone_placeholder(layout_ph)
        idx = layout_ph.placeholder_format.idx
        shape = self._placeholder(lambda ph: ph.idx == idx, by_idx=False)
        region = self.info.number_region
        self._place(shape, region)
        found = self.info.number_size
        size, _ = fit.fit_size([str(number)], self._box(region, Style(found / 100 if found
                                                                      else 12)), 8)
        self.text.slide_number(shape, number, Style(size))
        oxml.copy_list_fill(layout_ph._element, oxml.text_run_properties(
            shape.text_frame._txBody)[0])

    def _title(self, text: str) -> Region:
        """Fill the title placeholder: the template's size, stepping down to a floor, wrapping
        as measured; if even that overflows, the box grows down and a warning says so."""
        ph = self._placeholder(lambda ph: ph.type in TITLE_TYPES)
        if ph is None:
            raise ValueError(f"slide layout {self.info.layout.name!r} has no title placeholder")
        region = self._region(ph)
        start = self._inherited_size(ph, "titleStyle", 40.0)
        box = self._box(region, Style(start))
        size, ok = fit.fit_size([text], box, TITLE_FLOOR_PT)
        if not ok:
            needed = box.at(size).height_pt([text]) * fit.EMU_PER_PT
            region = Region(region.x, region.y, region.w,
                            int(needed) + box.insets.top + box.insets.bottom + 1)
            warnings.warn(f"title {text!r} needs {size} pt on more lines; its box grew",
                          TextFitWarning, stacklevel=3)
        self._place(ph, region)
        self._write(ph, [self._balanced(text, box.at(size))], Style(size))
        return region

    @staticmethod
    def _balanced(text: str, box: fit.Box) -> str:
        """``text`` with line breaks where its lines come out about equally wide, when the
        wrap would leave its last line short (see :func:`fit.balanced`)."""
        lines = fit.balanced(text, box.line_width_pt, box.size_pt, box.latin_face, box.bold)
        if lines == box.lines(text):
            return text
        return "\v".join(line.rstrip(" ") for line in lines)

    def _body(self, fallback: Region) -> tuple[object, Region]:
        """The layout's body placeholder and its box, or a new text box over ``fallback``."""
        ph = self._placeholder(lambda ph: ph.type in BODY_TYPES and ph.idx)
        if ph is not None:
            return ph, self._region(ph)
        return self._textbox(fallback), fallback

    def _listed(self, spec: Slide, items: Sequence[str], listing: str,
                default_size: float) -> None:
        """A (numbered) list, split over continuation slides where it does not fit; numbers
        run on across them."""
        # Notes that repeat the list (agenda, sources) follow it: each slide gets its own part,
        # not the whole list again on every continuation slide.
        notes_follow = bool(spec.notes) and tuple(spec.notes) == tuple(items)
        items = [" ".join(item.split("\n")) for item in items]
        pending: list[tuple[str, ...]] | None = None
        number = 1
        while pending is None or pending:
            title = self._new_slide(spec, continued=pending is not None, notes=not notes_follow)
            frame, region = self._body(content_region(title, self.prs.slide_height))
            size = self._inherited_size(frame, "bodyStyle", default_size)
            style = Style(size, listing=listing, start_at=number, space_before=size * 0.5)
            if pending is None:
                pending = fit.split_to_fit(items, self._box(region, style))
            chunk = pending.pop(0) if pending else ()
            if notes_follow:
                self._notes(spec.notes[number - 1:number - 1 + len(chunk)] or (spec.title,))
            if chunk:
                self._write(frame, chunk, style)
            number += len(chunk)
            self._finish()

    def _render_title(self, spec: Slide) -> None:
        title = self._new_slide(spec)
        frame, region = self._body(content_region(title, self.prs.slide_height))
        lines = [line for line in (spec.subtitle or "").split("\n") if line.strip()]
        if lines:
            self._fit_write(frame, region, lines, self._inherited_size(frame, "bodyStyle", 20))
        self._finish()

    def _render_section(self, spec: Slide) -> None:
        title = self._new_slide(spec)
        if spec.subtitle:
            frame, region = self._body(content_region(title, self.prs.slide_height))
            self._fit_write(frame, region, [spec.subtitle],
                            self._inherited_size(frame, "bodyStyle", 20))
        self._finish()

    def _render_agenda(self, spec: Slide) -> None:
        self._listed(spec, spec.bullets, "number", 24)

    def _render_bullets(self, spec: Slide) -> None:
        self._listed(spec, spec.bullets, "bullet", 24)

    def _render_sources(self, spec: Slide) -> None:
        self._listed(spec, spec.bullets, "number", 16)

    def _render_kpi(self, spec: Slide) -> None:
        for index, chunk in enumerate(_chunks(spec.kpis, MAX_KPIS_PER_SLIDE)):
            area = content_region(self._new_slide(spec, index > 0), self.prs.slide_height)
            columns = len(chunk) if len(chunk) <= 4 else -(-len(chunk) // 2)
            rows = -(-len(chunk) // columns)
            height = min(area.h, Inches(2.6) * rows + Inches(0.3) * (rows - 1))
            area = Region(area.x, area.y + (area.h - height) // 2, area.w, height)
            cells = list(area.grid(len(chunk), columns, int(Inches(0.3))))
            inner = [cell.shrink(int(Inches(0.15)), int(Inches(0.15))) for cell in cells]
            numbers = [box.top(int(box.h * 0.55)) for box in inner]
            captions = [box.below(int(box.h * 0.55)) for box in inner]
            for cell in cells:
                self._card(cell)
            number = Style(54, MSO_THEME_COLOR.ACCENT_1, bold=True, align=PP_ALIGN.CENTER,
                           anchor=MSO_ANCHOR.BOTTOM)
            caption = Style(20, MSO_THEME_COLOR.TEXT_1, align=PP_ALIGN.CENTER)
            self._columns([
                _Row([[k.number] for k in chunk], numbers, [number] * len(chunk), 24, 1),
                _Row([[k.caption] for k in chunk], captions, [caption] * len(chunk), 12)])
            self._finish()

    def _render_chart(self, spec: Slide) -> None:
        chart = _required(spec.chart, spec)
        title = self._new_slide(spec)
        area = content_region(title, self.prs.slide_height)
        source_h = int(Inches(0.45)) if chart.source else 0
        plot = Region(area.x, area.y, area.w, area.h - source_h)
        slide_title = self.slide.shapes.title.text_frame.text
        if chart.slide_unit and chart.kind in NATIVE_CHARTS:
            label = plot.top(int(Inches(0.45)))
            plot = plot.below(label.h)
            self._fit_write(self._textbox(label), label, [chart.slide_unit], 16,
                            color=MSO_THEME_COLOR.TEXT_1)
        if chart.kind in NATIVE_CHARTS:
            frame = charts.add_native_chart(
                self.slide.shapes, chart, plot, self.fonts, self.text.alt_lang,
                naive_utc(self.plan.meta.timestamp), show_title=chart.title != slide_title)
        elif chart.id in self.charts:
            frame = self._picture(self.charts[chart.id], plot)
        else:
            raise ValueError(f"chart {chart.id!r} ({chart.kind}) has no native chart type "
                             "and no rendered picture")
        oxml.set_alt_text(frame._element, chart.alt_text)
        if chart.source:
            source = Region(area.x, plot.bottom, area.w, source_h)
            self._fit_write(self._textbox(source), source, [chart.source], 14,
                            color=MSO_THEME_COLOR.TEXT_1)
        self._finish()

    def _render_quote(self, spec: Slide) -> None:
        quote = _required(spec.quote, spec)
        first = self._new_slide(spec)
        area = content_region(first, self.prs.slide_height)
        text_box = Region(area.x + int(Inches(0.45)), area.y, area.w - int(Inches(0.45)),
                          int(area.h * 0.68))
        box = self._box(text_box, Style(32))
        size, ok = fit.fit_size([quote.text], box, 18)
        parts = fit.split_to_fit([quote.text], box.at(size)) if not ok else [(quote.text,)]
        for index, part in enumerate(parts):
            if index:
                self._new_slide(spec, continued=True)
            self._shape(MSO_SHAPE.RECTANGLE, Region(area.x, text_box.y, int(Inches(0.1)),
                                                    text_box.h), MSO_THEME_COLOR.ACCENT_2)
            self._write(self._textbox(text_box), part, Style(size, anchor=MSO_ANCHOR.MIDDLE))
            byline = Region(text_box.x, text_box.bottom + int(Inches(0.2)), text_box.w,
                            int(Inches(0.6)))
            self._fit_write(self._textbox(byline), byline, [quote.byline], 22,
                            color=MSO_THEME_COLOR.ACCENT_1, align=PP_ALIGN.RIGHT)
            if quote.source:
                source = Region(byline.x, byline.bottom, byline.w, int(Inches(0.5)))
                self._fit_write(self._textbox(source), source, [quote.source], 14,
                                align=PP_ALIGN.RIGHT)
            self._finish()

    def _render_timeline(self, spec: Slide) -> None:
        """Events on a rule, year above, date, label (bold) and detail below; as many events
        per slide as fit at the floor size, the rest on continuation slides."""
        event = Style(EVENT_PT, MSO_THEME_COLOR.TEXT_1, align=PP_ALIGN.CENTER)
        for index, chunk in enumerate(self._timeline_chunks(spec.timeline, event)):
            area = content_region(self._new_slide(spec, index > 0), self.prs.slide_height)
            line_y = timeline_line_y(area)
            line = self.slide.shapes.add_connector(
                MSO_CONNECTOR.STRAIGHT, area.x, line_y, area.x + area.w, line_y)
            line.line.color.theme_color = MSO_THEME_COLOR.ACCENT_1
            line.line.width = Pt(3)
            oxml.remove_shape_style(line._element)
            oxml.mark_decorative(line._element)
            slots = timeline_slots(area, len(chunk))
            for slot, colour in zip(slots, _cycle(ACCENTS[1:3], len(slots)), strict=True):
                self._shape(MSO_SHAPE.OVAL, slot.marker, colour)
            year = Style(32, MSO_THEME_COLOR.ACCENT_1, bold=True, align=PP_ALIGN.CENTER,
                         anchor=MSO_ANCHOR.BOTTOM)
            events = [_event_text(item) for item in chunk]
            self._columns([
                _Row([[item.year] for item in chunk], [s.year for s in slots],
                     [year] * len(chunk), 16),
                _Row([texts for texts, _ in events], [s.text for s in slots],
                     [replace(event, bold_index=at) for _, at in events], EVENT_FLOOR_PT)])
            self._finish()

    def _timeline_chunks(self, items: Sequence[TimelineItem],
                         event: Style) -> list[Sequence[TimelineItem]]:
        """Even runs of events, as many per slide as fit at the floor size (measured on the
        layout's content area); one event per slide is the last resort."""
        title = self.picker.info(self.picker.peek("timeline")).title
        area = content_region(shape_region(title), self.prs.slide_height)
        for floor in (EVENT_GOOD_PT, EVENT_FLOOR_PT):  # a comfortable size first
            for most in range(len(items), 1, -1):  # the plan's count, or fewer
                chunks = _chunks(items, most)
                if all(self._events_fit(chunk, area, event, floor) for chunk in chunks):
                    return chunks
        return _chunks(items, 1)

    def _events_fit(self, chunk: Sequence[TimelineItem], area: Region, event: Style,
                    size: float) -> bool:
        for item, slot in zip(chunk, timeline_slots(area, len(chunk)), strict=True):
            texts, label_at = _event_text(item)
            box = self._box(slot.text, replace(event, bold_index=label_at))
            if not box.at(size).fits(texts):
                return False
        return True

    # ------------------------------------------------------------------ drawing helpers

    def _picture(self, png: Path, region: Region):
        """The rendered PNG, scaled to fit ``region`` and centred, keeping its aspect ratio."""
        pic = self.slide.shapes.add_picture(str(png), region.x, region.y)
        scale = min(region.w / pic.width, region.h / pic.height)
        pic.width, pic.height = int(pic.width * scale), int(pic.height * scale)
        pic.left = region.x + (region.w - pic.width) // 2
        pic.top = region.y + (region.h - pic.height) // 2
        return pic

    def _card(self, cell: Region) -> None:
        """A light background card with an accent bar on top, behind one key figure."""
        self._shape(MSO_SHAPE.RECTANGLE, cell, MSO_THEME_COLOR.BACKGROUND_2)
        self._shape(MSO_SHAPE.RECTANGLE, cell.top(int(Inches(0.08))), MSO_THEME_COLOR.ACCENT_2)

    def _shape(self, kind: MSO_SHAPE, region: Region, colour: MSO_THEME_COLOR):
        shape = self.slide.shapes.add_shape(kind, region.x, region.y, region.w, region.h)
        shape.fill.solid()
        shape.fill.fore_color.theme_color = colour
        shape.line.fill.background()
        oxml.remove_shape_style(shape._element)
        oxml.mark_decorative(shape._element)
        return shape

    def _row_size(self, texts: Sequence[Sequence[str]], regions: Sequence[Region],
                  styles: Sequence[Style], floor: float, max_lines: int | None = None) -> float:
        """The largest size at which every text of a row fits its box, so the row looks even."""
        return min(fit.fit_size(t, self._box(r, s), floor, max_lines=max_lines)[0]
                   for t, r, s in zip(texts, regions, styles, strict=True))

    def _columns(self, rows: Sequence[_Row]) -> None:
        """Rows of text boxes side by side (a figure over its caption, a year over its event),
        each row at one size, written column by column so a screen reader reads each figure
        with its caption."""
        sizes = [self._row_size(r.texts, r.regions, r.styles, r.floor, r.max_lines)
                 for r in rows]
        for column in range(len(rows[0].texts)):
            for row, size in zip(rows, sizes, strict=True):
                region = row.regions[column]
                self._fit_write(self._textbox(region), region, row.texts[column], size,
                                row.floor, **_style_args(row.styles[column]))

    def _fit_write(self, frame, region: Region, paragraphs: Sequence[str],
                   size: float, floor: float = 12, **style: object) -> None:
        """Write at the largest size from ``size`` down to ``floor`` that fits; below the floor
        the box grows (with a warning) rather than the text being cut."""
        base = Style(size, **style)  # type: ignore[arg-type]
        box = self._box(region, base)
        fitted, ok = fit.fit_size(paragraphs, box, min(floor, size))
        if not ok:
            warnings.warn(f"text {paragraphs[0][:30]!r} does not fit at {fitted} pt; box grew",
                          TextFitWarning, stacklevel=3)
            needed = int(box.at(fitted).height_pt(paragraphs) * fit.EMU_PER_PT)
            region = Region(region.x, region.y, region.w,
                            needed + box.insets.top + box.insets.bottom + 1)
            self._place(frame, region)
        self._write(frame, paragraphs, replace(base, size=fitted))

    def _textbox(self, region: Region):
        return self.slide.shapes.add_textbox(region.x, region.y, region.w, region.h)

    @staticmethod
    def _place(shape, region: Region) -> None:
        oxml.set_position(shape._element, region.x, region.y, region.w, region.h)

    def _box(self, region: Region, style: Style) -> fit.Box:
        return style.box(region, self.fonts.latin)

    def _placeholder(self, match: Callable[[CT_Placeholder], bool], by_idx: bool = True):
        """The first placeholder on the slide whose p:ph ``match`` accepts, in idx order (as
        ``slide.placeholders`` iterates) or, with ``by_idx`` False, in document order (as
        ``slide.placeholders[idx]`` looks up); None if there is none."""
        found = oxml.placeholders(self.slide.shapes._spTree, by_idx)
        shape = next((shape for shape, ph in found if match(ph)), None)
        return None if shape is None else SlideShapeFactory(shape, self.slide.placeholders)

    def _region(self, ph) -> Region:
        """A slide placeholder's box: its own once placed, else its layout placeholder's."""
        if oxml.has_xfrm(ph._element):
            return shape_region(ph)
        return self.info.region(ph.placeholder_format.idx)

    def _layout_placeholder(self, shape):
        """The layout p:sp a slide placeholder inherits from, or None."""
        ph = oxml.placeholder_of(shape._element)
        layout_ph = None if ph is None else self.info.placeholder(ph.idx)
        return None if layout_ph is None else layout_ph._element

    def _inherited_size(self, shape, style: str, default: float) -> float:
        """The font size a placeholder gets from its layout or master (hundredths of a pt)."""
        ph = oxml.placeholder_of(shape._element)
        if ph is None:
            return default
        found = self.info.list_size(ph.idx)
        if found is None:
            found = self.info.style_size(style)
        return found / 100 if found else default

    def _write(self, shape, paragraphs: Sequence[str], style: Style) -> None:
        self.text.write(shape, paragraphs, style, fill_from=self._layout_placeholder(shape))

    def _notes(self, texts: Sequence[str]) -> None:
        """Speaker notes from the plan (paragraphs split by blank lines); a slide without notes
        is given its title by the caller, so the notes pane is never empty."""
        _, body = self.maker.add_notes_slide(self.slide)
        paragraphs = [line for text in texts for line in (*text.split("\n"), "")][:-1]
        self.text.write_plain(TextFrame(body.get_or_add_txBody(), None), paragraphs)


# --------------------------------------------------------------------------- small helpers


def _required(value: T | None, spec: Slide) -> T:
    """The slide's chart or quote; a plan that leaves it out is a bug upstream."""
    if value is None:
        raise ValueError(f"{spec.kind} slide {spec.title!r} has no {spec.kind}")
    return value


def _chunks(items: Sequence, most: int) -> list[Sequence]:
    """Even runs of at most ``most`` items (8 by 6 gives 4 + 4, not 6 + 2)."""
    count = max(-(-len(items) // most), 1)
    size = max(-(-len(items) // count), 1)
    return [items[i:i + size] for i in range(0, len(items), size)] or [items]


def _cycle(values: Sequence, count: int) -> list:
    return [values[i % len(values)] for i in range(count)]


def _style_args(style: Style) -> dict[str, object]:
    return {"color": style.color, "bold": style.bold, "align": style.align,
            "anchor": style.anchor, "bold_index": style.bold_index}


def _event_text(item: TimelineItem) -> tuple[list[str], int]:
    """The paragraphs under a timeline marker (the plan's date under the year, the label, the
    detail) and the index of the label, set bold."""
    parts = [item.below_year] if item.below_year else []
    label_at = len(parts)
    parts.append(item.label)
    if item.detail:
        parts.append(item.detail)
    return parts, label_at
