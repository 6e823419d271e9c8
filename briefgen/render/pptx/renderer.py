"""The PPTX writer: turns a DocPlan's slides into a 16:9 deck a speaker can present as it is.

Every slide kind has a ``_render_<kind>`` method; an unknown kind fails loudly. Text is measured
before it is placed (fit.py): bullet lists that do not fit become continuation slides, titles
step down in size, and no text frame relies on autofit. Charts are native PowerPoint charts,
so they stay editable and screen readers get their data; the PNG is used only for chart kinds
PowerPoint has no chart type for. Every run names the Latin and East Asian faces and the
language, so Chinese text gets Simplified Chinese glyphs in PowerPoint and LibreOffice alike.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar, Literal, TypeVar

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt, lazyproperty

from briefgen.plan.model import ChartSpec, DocPlan, Slide
from briefgen.render.pptx import fit, oxml
from briefgen.render.pptx.layouts import (
    BODY_TYPES,
    TITLE_TYPES,
    LayoutPicker,
    Region,
    content_region,
    shape_region,
)

_ROOT = Path(__file__).resolve().parents[3]
_TEMPLATE_PLACES = (_ROOT / "templates/pptx/default.pptx",
                    Path(__file__).resolve().parents[2] / "_data/templates/pptx/default.pptx")
T = TypeVar("T")
ACCENTS = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_3,
           MSO_THEME_COLOR.ACCENT_4, MSO_THEME_COLOR.ACCENT_5, MSO_THEME_COLOR.ACCENT_6)
NATIVE_CHARTS = {"bar": XL_CHART_TYPE.COLUMN_CLUSTERED, "line": XL_CHART_TYPE.LINE_MARKERS,
                 "pie": XL_CHART_TYPE.PIE}
TITLE_FLOOR_PT = 20
MAX_PER_SLIDE = {"kpi": 6, "timeline": 6}


class LayoutFallbackWarning(UserWarning):
    """A template lacks a named layout, and the writer used another one."""


class TextFitWarning(UserWarning):
    """Text did not fit even at its minimum size, so its box was made taller."""


# --------------------------------------------------------------------------- charts' workbook


class _FixedTimeWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx embeds each chart's data as an xlsx written by xlsxwriter, which stamps
    docProps/core.xml with the current time; this writer stamps a fixed one instead."""

    created: ClassVar[dt.datetime] = dt.datetime(2000, 1, 1)

    @contextmanager
    def _open_worksheet(self, xlsx_file):  # noqa: ANN001, ANN202 - python-pptx's signature
        with super()._open_worksheet(xlsx_file) as (workbook, worksheet):
            workbook.set_properties({"created": self._chart_data.created})
            yield workbook, worksheet


class _ChartData(CategoryChartData):
    """CategoryChartData whose embedded workbook carries ``created`` (the plan's timestamp)."""

    def __init__(self, created: dt.datetime, number_format: str) -> None:
        super().__init__(number_format)
        self.created = created

    @lazyproperty
    def _workbook_writer(self) -> _FixedTimeWorkbookWriter:
        return _FixedTimeWorkbookWriter(self)


# --------------------------------------------------------------------------- text


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

    @property
    def indent(self) -> int:
        """Hanging indent (a:pPr/@marL) a list marker takes, in EMU."""
        factor = {"bullet": 1.3, "number": 1.9}.get(self.listing, 0.0)
        return int(Pt(self.size * factor))


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    """python-pptx writes datetimes as given with a Z suffix, so hand it naive UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def _default_template() -> Path | None:
    return next((path for path in _TEMPLATE_PLACES if path.exists()), None)


def open_template(template: Path | None) -> Presentation:
    """The template as a presentation with no slides; .potx files are read as .pptx."""
    path = template or _default_template()
    if path is None:  # a checkout where the template was not built yet
        from briefgen.render.pptx import theme

        blob = theme.build()
    else:
        blob = Path(path).read_bytes()
    if str(path).lower().endswith(".potx"):
        blob = oxml.potx_as_pptx(blob)
    prs = Presentation(io.BytesIO(blob))
    oxml.remove_slides(prs.part)
    return prs


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
        deck = _Deck(prs, plan, charts)
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
    props.created = props.modified = props.last_printed = _naive_utc(meta.timestamp)


class _Deck:
    """One render: the presentation, the plan's fonts and the layout picker."""

    def __init__(self, prs: Presentation, plan: DocPlan, charts: Mapping[str, Path]) -> None:
        self.prs, self.plan, self.charts = prs, plan, charts
        self.picker = LayoutPicker(prs)
        self.messages = self.picker.messages
        self.fonts = plan.fonts
        self.alt_lang = "en-US" if plan.fonts.lang.lower().startswith("zh") else "zh-CN"
        self.slide = None  # the python-pptx slide being drawn

    # ------------------------------------------------------------------ slides

    def add(self, spec: Slide) -> None:
        """Draw one plan slide (maybe as several); an unknown kind raises ValueError."""
        draw = getattr(self, f"_render_{spec.kind}", None)
        if draw is None:
            raise ValueError(f"pptx: no renderer for slide kind {spec.kind!r}")
        draw(spec)

    def _new_slide(self, spec: Slide, continued: bool = False) -> Region:
        """Add a slide for ``spec`` with its fitted title and notes; returns the title's box."""
        self.slide = self.prs.slides.add_slide(self.picker.pick(spec.kind))
        title = spec.title
        if continued:
            title += spec.continued_label or self.plan.labels.get("continued", "")
        if spec.kind != "title" or spec.notes:
            self._notes(spec)
        return self._title(" ".join(title.split()))

    def _finish(self) -> None:
        """Remove placeholders left empty, so no 'Click to add text' remains."""
        for ph in list(self.slide.placeholders):
            if ph.has_text_frame and not ph.text_frame.text.strip():
                oxml.remove_shape(ph._element)

    def _title(self, text: str) -> Region:
        """Fill the title placeholder: the template's size, stepping down to a floor, wrapping
        as measured; if even that overflows, the box grows down and a warning says so."""
        ph = next(p for p in self.slide.placeholders if p.placeholder_format.type in TITLE_TYPES)
        region = shape_region(ph)
        start = self._inherited_size(ph, "titleStyle", 40.0)
        box = self._box(region, start)
        size, ok = fit.fit_size([text], box, TITLE_FLOOR_PT)
        if not ok:
            needed = box.at(size).height_pt([text]) * fit.EMU_PER_PT
            region = Region(region.x, region.y, region.w,
                            int(needed) + box.insets.top + box.insets.bottom + 1)
            warnings.warn(f"title {text!r} needs {size} pt on more lines; its box grew",
                          TextFitWarning, stacklevel=3)
        self._place(ph, region)
        self._write(ph, [text], Style(size))
        return region

    def _body(self, fallback: Region) -> tuple[object, Region]:
        """The layout's body placeholder and its box, or a new text box over ``fallback``."""
        ph = next((p for p in self.slide.placeholders
                   if p.placeholder_format.type in BODY_TYPES and p.placeholder_format.idx),
                  None)
        if ph is not None:
            return ph, shape_region(ph)
        return self._textbox(fallback), fallback

    def _listed(self, spec: Slide, items: Sequence[str], listing: str,
                default_size: float) -> None:
        """A (numbered) list, split over continuation slides where it does not fit; numbers
        run on across them."""
        items = [" ".join(item.split("\n")) for item in items]
        pending: list[tuple[str, ...]] | None = None
        number = 1
        while pending is None or pending:
            title = self._new_slide(spec, continued=pending is not None)
            frame, region = self._body(content_region(title, self.prs.slide_height))
            size = self._inherited_size(frame, "bodyStyle", default_size)
            style = Style(size, listing=listing, start_at=number, space_before=size * 0.5)
            if pending is None:
                pending = fit.split_to_fit(items, self._box(region, size, style))
            chunk = pending.pop(0) if pending else ()
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
        for index, chunk in enumerate(_chunks(spec.kpis, MAX_PER_SLIDE["kpi"])):
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
            self._row([[k.number] for k in chunk], numbers, Style(
                54, MSO_THEME_COLOR.ACCENT_1, bold=True, align=PP_ALIGN.CENTER,
                anchor=MSO_ANCHOR.BOTTOM), floor=24)
            self._row([[k.caption] for k in chunk], captions, Style(
                20, MSO_THEME_COLOR.TEXT_1, align=PP_ALIGN.CENTER), floor=12)
            self._finish()

    def _render_chart(self, spec: Slide) -> None:
        chart = _required(spec.chart, spec)
        area = content_region(self._new_slide(spec), self.prs.slide_height)
        source_h = int(Inches(0.45))
        plot = Region(area.x, area.y, area.w, area.h - source_h)
        if chart.kind in NATIVE_CHARTS:
            frame = self._native_chart(chart, plot)
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
        box = self._box(text_box, 32)
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
            dash = "——" if self.fonts.lang.lower().startswith("zh") else "— "
            self._fit_write(self._textbox(byline), byline, [dash + quote.speaker], 22,
                            color=MSO_THEME_COLOR.ACCENT_1, align=PP_ALIGN.RIGHT)
            if quote.source:
                source = Region(byline.x, byline.bottom, byline.w, int(Inches(0.5)))
                self._fit_write(self._textbox(source), source, [quote.source], 14,
                                align=PP_ALIGN.RIGHT)
            self._finish()

    def _render_timeline(self, spec: Slide) -> None:
        for index, chunk in enumerate(_chunks(spec.timeline, MAX_PER_SLIDE["timeline"])):
            area = content_region(self._new_slide(spec, index > 0), self.prs.slide_height)
            line_y = area.y + int(area.h * 0.42)
            line = self.slide.shapes.add_connector(
                MSO_CONNECTOR.STRAIGHT, area.x, line_y, area.x + area.w, line_y)
            line.line.color.theme_color = MSO_THEME_COLOR.ACCENT_1
            line.line.width = Pt(3)
            oxml.remove_shape_style(line._element)
            oxml.mark_decorative(line._element)
            cells = list(area.grid(len(chunk), len(chunk), int(Inches(0.2))))
            marker = int(Inches(0.32))
            for cell, colour in zip(cells, _cycle(ACCENTS[1:3], len(cells)), strict=True):
                centre = cell.x + cell.w // 2
                self._shape(MSO_SHAPE.OVAL, Region(centre - marker // 2, line_y - marker // 2,
                                                   marker, marker), colour)
            years = [Region(c.x, line_y - int(Inches(1.05)), c.w, int(Inches(0.8)))
                     for c in cells]
            below = [Region(c.x, line_y + int(Inches(0.35)), c.w,
                            area.bottom - line_y - int(Inches(0.35))) for c in cells]
            self._row([[item.year] for item in chunk], years, Style(
                32, MSO_THEME_COLOR.ACCENT_1, bold=True, align=PP_ALIGN.CENTER,
                anchor=MSO_ANCHOR.BOTTOM), floor=16)
            self._row([_event_text(item) for item in chunk], below, Style(
                20, MSO_THEME_COLOR.TEXT_1, align=PP_ALIGN.CENTER), floor=12)
            self._finish()

    # ------------------------------------------------------------------ drawing helpers

    def _native_chart(self, chart: ChartSpec, region: Region):  # noqa: ANN202
        """A native bar/line/pie chart with value labels, theme colours and both faces."""
        data = _ChartData(_naive_utc(self.plan.meta.timestamp), _number_format(chart))
        data.categories = chart.categories
        for series in chart.series:
            data.add_series(series.name, series.values)
        frame = self.slide.shapes.add_chart(NATIVE_CHARTS[chart.kind], region.x, region.y,
                                            region.w, region.h, data)
        _style_chart(frame.chart, chart)
        frame.chart.has_title = chart.title != self.slide.shapes.title.text
        if frame.chart.has_title:
            frame.chart.chart_title.text_frame.text = chart.title
        frame.chart.font.size = Pt(16)
        oxml.style_chart_text(frame.chart._chartSpace, self.fonts.latin,
                              self.fonts.east_asian, self.fonts.lang, self.alt_lang)
        return frame

    def _picture(self, png: Path, region: Region):  # noqa: ANN202
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

    def _shape(self, kind: MSO_SHAPE, region: Region, colour: MSO_THEME_COLOR):  # noqa: ANN202
        shape = self.slide.shapes.add_shape(kind, region.x, region.y, region.w, region.h)
        shape.fill.solid()
        shape.fill.fore_color.theme_color = colour
        shape.line.fill.background()
        oxml.remove_shape_style(shape._element)
        oxml.mark_decorative(shape._element)
        return shape

    def _row(self, texts: Sequence[Sequence[str]], regions: Sequence[Region], style: Style,
             floor: float) -> None:
        """Text boxes side by side (paragraphs each), all at the largest size at which every
        one fits, so a row of figures looks even."""
        size = min(fit.fit_size(t, self._box(r, style.size, style), floor)[0]
                   for t, r in zip(texts, regions, strict=True))
        for text, region in zip(texts, regions, strict=True):
            self._fit_write(self._textbox(region), region, text, size, floor,
                            **_style_args(style))

    def _fit_write(self, frame, region: Region, paragraphs: Sequence[str],  # noqa: ANN001
                   size: float, floor: float = 12, **style: object) -> None:
        """Write at the largest size from ``size`` down to ``floor`` that fits; below the floor
        the box grows (with a warning) rather than the text being cut."""
        base = Style(size, **style)  # type: ignore[arg-type]
        box = self._box(region, size, base)
        fitted, ok = fit.fit_size(paragraphs, box, min(floor, size))
        if not ok:
            warnings.warn(f"text {paragraphs[0][:30]!r} does not fit at {fitted} pt; box grew",
                          TextFitWarning, stacklevel=3)
            needed = int(box.at(fitted).height_pt(paragraphs) * fit.EMU_PER_PT)
            region = Region(region.x, region.y, region.w,
                            needed + box.insets.top + box.insets.bottom + 1)
            self._place(frame, region)
        self._write(frame, paragraphs, replace(base, size=fitted))

    def _textbox(self, region: Region):  # noqa: ANN202
        return self.slide.shapes.add_textbox(region.x, region.y, region.w, region.h)

    @staticmethod
    def _place(shape, region: Region) -> None:  # noqa: ANN001
        shape.left, shape.top = Emu(region.x), Emu(region.y)
        shape.width, shape.height = Emu(region.w), Emu(region.h)

    def _box(self, region: Region, size: float, style: Style | None = None) -> fit.Box:
        """The fit.py view of a text frame this writer fills (insets are always explicit)."""
        style = style or Style(size)
        return fit.Box(region.w, region.h, size, style.space_before, style.indent,
                       latin_face=self.fonts.latin, bold=style.bold)

    def _layout_placeholder(self, shape):  # noqa: ANN001, ANN202
        """The layout placeholder a slide placeholder inherits from, or None."""
        if not getattr(shape, "is_placeholder", False):
            return None
        return self.slide.slide_layout.placeholders.get(shape.placeholder_format.idx)

    def _inherited_size(self, shape, style: str, default: float) -> float:  # noqa: ANN001
        """The font size a placeholder gets from its layout or master (hundredths of a pt)."""
        if not getattr(shape, "is_placeholder", False):
            return default
        layout_ph = self._layout_placeholder(shape)
        found = oxml.list_size_hundredths(layout_ph._element) if layout_ph is not None else None
        if found is None:
            master = self.slide.slide_layout.slide_master._element
            found = oxml.master_style_size_hundredths(master, style)
        return found / 100 if found else default

    def _write(self, shape, paragraphs: Iterable[str], style: Style) -> None:  # noqa: ANN001
        """Replace a shape's text: explicit size, exact line height, no autofit, insets, list
        markers, and on every run the Latin and East Asian faces and the language."""
        frame = shape.text_frame
        frame.clear()
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        insets = fit.DEFAULT_INSETS
        frame.margin_left, frame.margin_top = Emu(insets.left), Emu(insets.top)
        frame.margin_right, frame.margin_bottom = Emu(insets.right), Emu(insets.bottom)
        if style.anchor is not None:
            frame.vertical_anchor = style.anchor
        fill_from = self._layout_placeholder(shape) if style.color is None else None
        for index, text in enumerate(paragraphs):
            para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            para.line_spacing = Pt(style.size * fit.LINE_FACTOR)
            para.space_before = Pt(style.space_before if index else 0)
            para.space_after = Pt(0)
            if style.align is not None:
                para.alignment = style.align
            self._marker(para._p.get_or_add_pPr(), style, index)
            run = para.add_run()
            self._run(run, text, style)
            if fill_from is not None:
                oxml.copy_list_fill(fill_from._element, run._r.get_or_add_rPr())

    @staticmethod
    def _marker(pPr, style: Style, index: int) -> None:  # noqa: ANN001
        if style.listing == "bullet":
            oxml.set_bullet_char(pPr, "•", style.indent)
        elif style.listing == "number":
            oxml.set_auto_number(pPr, style.start_at, style.indent)
        elif style.listing == "none":
            oxml.set_no_bullet(pPr)

    def _run(self, run, text: str, style: Style | None) -> None:  # noqa: ANN001
        run.text = text
        font = run.font
        font.name = self.fonts.latin
        if style is not None:
            font.size = Pt(style.size)
            font.bold = style.bold or None
            if style.color is not None:
                font.color.theme_color = style.color
        rPr = run._r.get_or_add_rPr()
        oxml.set_east_asian_font(rPr, self.fonts.east_asian)
        oxml.set_run_language(rPr, self.fonts.lang, self.alt_lang)

    def _notes(self, spec: Slide) -> None:
        """Speaker notes from the plan (paragraphs split by blank lines); a slide without notes
        gets its own title, so the notes pane is never empty."""
        texts = list(spec.notes) or [spec.title]
        frame = self.slide.notes_slide.notes_text_frame
        frame.clear()
        paragraphs = [line for text in texts for line in (*text.split("\n"), "")][:-1]
        for index, text in enumerate(paragraphs):
            para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            self._run(para.add_run(), text, None)


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
            "anchor": style.anchor}


def _event_text(item) -> list[str]:  # noqa: ANN001 - TimelineItem
    """The paragraphs under a timeline marker: the date when it says more than the year, the
    label, and the detail."""
    says_more = item.date.replace(item.year, "").strip(" 年")
    parts = [item.date] if says_more else []
    parts.append(item.label)
    if item.detail:
        parts.append(item.detail)
    return parts


def _number_format(chart: ChartSpec) -> str:
    """An Excel number format with as many decimals as the plan's formatted labels show."""
    decimals = max((len(m.group(1)) for row in chart.value_labels for label in row
                    if (m := re.search(r"\d\.(\d+)", label))), default=0)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _style_chart(chart, spec: ChartSpec) -> None:  # noqa: ANN001
    """Value labels, theme accent colours, the unit, and a legend only where it says more."""
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = _number_format(spec)
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(16)
    if spec.kind == "pie":
        unit = spec.unit if spec.language == "zh" else " " + spec.unit
        labels.number_format = f'{_number_format(spec)}"{unit}"' if spec.unit else \
            labels.number_format
        labels.show_category_name = True
        oxml.set_label_separator(labels._element, "\n")
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        for index, point in enumerate(chart.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.theme_color = ACCENTS[index % len(ACCENTS)]
        chart.has_legend = False
        return
    labels.position = XL_LABEL_POSITION.OUTSIDE_END if spec.kind == "bar" else \
        XL_LABEL_POSITION.ABOVE
    for index, series in enumerate(chart.series):
        colour = ACCENTS[index % len(ACCENTS)]
        if spec.kind == "bar":
            series.format.fill.solid()
            series.format.fill.fore_color.theme_color = colour
        else:
            series.format.line.color.theme_color = colour
            series.format.line.width = Pt(3)
    if spec.kind == "bar":
        plot.gap_width = 80
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    axis = chart.value_axis
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
    axis.tick_labels.number_format = _number_format(spec)
    axis.tick_labels.number_format_is_linked = False
    if spec.unit:
        axis.has_title = True
        axis.axis_title.text_frame.text = spec.unit
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
