"""The Word writer: a DocPlan becomes a styled DOCX, a briefing or a ``press_release``.

Every paragraph carries a style name from the reference document (or ``--docx-template``) and no
run carries direct font formatting, so a designer restyles the output by editing styles. Each
block kind is drawn by a ``_render_<kind>`` method (like Sphinx's ``visit_`` methods); a block the
writer does not know fails loudly. The writer never looks at the audience: the plan has decided
the form, the TOC and the blocks. Raw XML lives in :mod:`briefgen.render.docx.oxml`.

Bar, line and pie charts are Word charts with their data (:mod:`.charts`); timelines are tables
of dates and events (:mod:`.timeline`); a profile may ask for pictures of all of them instead.
A contents page gets its page numbers from a function the pipeline passes in
(:class:`.toc.ContentsPages`: LibreOffice's layout of the finished document), so a PDF or preview
shows them without Word updating fields; the writer itself runs nothing and reads no cache.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import ClassVar

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Emu
from docx.styles.style import BaseStyle

from briefgen import opc
from briefgen.plan import model as m
from briefgen.render.docx import oxml as ox
from briefgen.render.docx import reference as ref
from briefgen.render.docx import timeline, toc
from briefgen.render.docx.balance import balanced, between_parts

ROLE_STYLES: Mapping[str, str] = {
    "body": "Body Text", "lead": "Lead", "bottom_line": "Bottom Line", "dateline": "Dateline",
    "note": "Note", "end_mark": "End Mark",
}
#: Widths of the key-figures columns, as shares of the text width (the columns shown share it).
FIGURE_COLUMNS = {"label": 32, "display": 22, "change": 12, "source": 34}
#: Key-figures columns set as numbers.
NUMBER_COLUMNS = frozenset({"display", "change"})
TOC_FIELD = 'TOC \\o "1-3" \\h \\z \\u'
#: A chart never takes more than this share of the text height (a square pie would fill a page).
MAX_CHART_HEIGHT = 0.45
#: Height of a native chart as a share of its width (the pictures' 16:9).
CHART_ASPECT = 9 / 16


@cache
def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _utc(stamp: dt.datetime) -> dt.datetime:
    """python-docx writes a 'Z' after the wall time, so hand it UTC (naive stamps are UTC)."""
    utc = dt.UTC
    return stamp.astimezone(utc) if stamp.tzinfo else stamp.replace(tzinfo=utc)


class DocxRenderer:
    """Writes a plan as DOCX from the bundled reference or a user template's styles.

    :param native_charts: bar, line and pie charts as Word charts with their data, timelines as
        tables (False: the rendered pictures).
    :param contents_pages: finds the page numbers of the contents, given a function that
        builds the document with given numbers (a build passes
        :class:`briefgen.contents.page_numbers.PageNumbers`); None leaves them out.
    """

    name: ClassVar[str] = "docx"
    suffix: ClassVar[str] = ".docx"

    def __init__(self, template: Path | None = None, *, native_charts: bool = True,
                 contents_pages: toc.ContentsPages | None = None) -> None:
        self.template = template
        self.native_charts = native_charts
        self.contents_pages = contents_pages

    def render(self, plan: m.DocPlan, charts: Mapping[str, Path], path: Path) -> None:
        """Write ``plan`` to ``path``; ``charts`` maps chart id to its PNG."""
        pages = self._contents_pages(plan, charts)
        self._write(plan, charts, pages).doc.save(str(path))

    def _write(self, plan: m.DocPlan, charts: Mapping[str, Path],
               toc_pages: Sequence[int] | None) -> _DocxWriter:
        doc = open_document(self.template or ref.reference_path(plan.fonts.lang))
        native = self.native_charts and plan.native_charts  # the profile's document.charts
        writer = _DocxWriter(doc, plan, charts, own_styles=self.template is None,
                             native_charts=native, toc_pages=toc_pages)
        writer.write()
        return writer

    def _contents_pages(self, plan: m.DocPlan, charts: Mapping[str, Path]) -> list[int] | None:
        """Page numbers for the contents, from the pipeline's function (None: leave them out)."""
        if self.contents_pages is None or not toc.lists_contents(plan):
            return None
        count = len(_toc_headings(plan))

        def laid_out(pages: Sequence[int] | None) -> tuple[bytes, list[toc.Entry]]:
            writer = self._write(plan, charts, pages or [toc.PLACEHOLDER_PAGE] * count)
            out = io.BytesIO()
            writer.doc.save(out)
            return out.getvalue(), writer.toc_entries

        return self.contents_pages(plan, charts, laid_out, count)


def _heading_style(heading: m.Heading) -> str:
    return f"Heading {min(max(heading.level, 1), 3)}"


def _toc_headings(plan: m.DocPlan) -> list[m.Heading]:
    """The headings the contents list: all of them, since every heading is written in a
    Heading 1-3 style and TOC \\o "1-3" collects those."""
    return [b for b in plan.blocks if isinstance(b, m.Heading)]


def open_document(source: Path) -> DocumentObject:
    """Open a .docx, or a .dotx retyped in memory: python-docx refuses the template content type."""
    return Document(io.BytesIO(opc.as_document(source.read_bytes())))


@dataclass(frozen=True)
class _TocItem:
    """A heading the contents list: where it links to and how it is numbered."""

    heading: m.Heading
    bookmark: str  # "_Toc100000001": Word's prefix for the bookmarks a TOC links to
    number: str  # "一、", "1." or "" (from the heading style's list)
    separator: str  # what follows the number: "\t", " " or ""

    @property
    def printed(self) -> str:
        return self.number + self.separator + self.heading.text


class _DocxWriter:
    """One render: the document being built and the counters the blocks share."""

    def __init__(self, doc: DocumentObject, plan: m.DocPlan, charts: Mapping[str, Path],
                 own_styles: bool, native_charts: bool = True,
                 toc_pages: Sequence[int] | None = None) -> None:
        self.doc, self.plan, self.charts, self.own_styles = doc, plan, charts, own_styles
        self.body = doc.element.body
        self.native_charts = native_charts
        self.toc_pages = toc_pages
        self.break_before_next = False  # the next paragraph starts a page (after cover / TOC)
        self.has_toc = any(isinstance(b, m.TocBlock) for b in plan.blocks)
        self.headings = _toc_headings(plan)
        self.toc_items: list[_TocItem] = []
        self.heading_count = 0  # headings written so far
        self.style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
        self.default_styles: dict[WD_STYLE_TYPE, BaseStyle | None] = {}
        self.last_shape_id: int | None = None  # wp:docPr/@id of the last picture or chart

    @property
    def toc_entries(self) -> list[toc.Entry]:
        """Each contents entry's bookmark and printed text, for finding it in a layout."""
        return [toc.Entry(item.bookmark, item.printed) for item in self.toc_items]

    # ------------------------------------------------------------------ document level

    def write(self) -> None:
        ox.clear_story(self.body)
        self._prepare_styles()
        if self.has_toc:
            self.toc_items = self._number_headings()
        self._properties()
        self._headers_and_footers()
        if self.plan.docx_form == "briefing":
            self._cover()
        elif self.plan.docx_form == "memo":
            self._memo_head()
        elif self.plan.docx_form == "press_release":
            self._masthead()
        else:
            raise ValueError(f"unknown docx_form {self.plan.docx_form!r}")
        for block in self.plan.blocks:
            self._dispatch(block)
        if self.has_toc:
            ox.set_update_fields(self.doc.settings.element)

    def _dispatch(self, block: m.Block) -> None:
        handler = getattr(self, f"_render_{_snake(type(block).__name__)}", None)
        if handler is None:
            raise TypeError(f"DocxRenderer has no _render_ method for {type(block).__name__}")
        handler(block)

    def _prepare_styles(self) -> None:
        """Add styles a user template lacks, then name the plan's faces and language on all."""
        lang = self.plan.fonts.lang
        if not self.own_styles:
            missing = [s for s in ref.style_specs(lang) if s.name not in self.doc.styles]
            wanted = {s.numbering for s in missing}
            numbering_part = self.doc.part.numbering_part.element if wanted - {None} else None
            numbering = {key: ox.add_list_definition(numbering_part, level)
                         for key, level in ref.list_definitions(lang).items() if key in wanted}
            for spec in missing:
                ref.define_style(self.doc, spec, numbering, ref.conventions(lang).size,
                                 fallback=True)
        ref.apply_fonts(self.doc, self.plan.fonts, override=self.own_styles)

    def _number_headings(self) -> list[_TocItem]:
        """Bookmark and number of each heading the contents list, numbered as Word would."""
        styles = self.doc.styles
        try:
            numbering = self.doc.part.part_related_by(RT.NUMBERING).element
        except KeyError:
            numbering = None
        lists = {}
        for level in (1, 2, 3):
            name = f"Heading {level}"
            found = (ox.style_numbering(styles.element, numbering, styles[name].style_id)
                     if name in styles else None)
            if found:
                lists[name] = toc.StyleList(*found)
        numbers = toc.HeadingNumbers(lists)
        return [_TocItem(h, f"_Toc{100000001 + i}", *numbers.next(_heading_style(h)))
                for i, h in enumerate(self.headings)]

    def _properties(self) -> None:
        meta, props = self.plan.meta, self.doc.core_properties
        stamp = _utc(meta.timestamp)
        props.title = meta.title
        props.subject = meta.subtitle or ""
        props.keywords = meta.keywords_text
        props.language = self.plan.fonts.lang
        props.author = props.last_modified_by = meta.organiser
        props.identifier = meta.brief_id
        props.comments = props.category = ""
        props.created = props.modified = props.last_printed = stamp
        props.revision = 1

    def _headers_and_footers(self) -> None:
        """Title in the header and page X of Y in the footer; the first page has its own pair.

        A briefing's first page is the cover (no header, no footer); the first page of a memo
        or a ``press_release`` carries the title, so it keeps the footer but not the repeated
        title.
        """
        self.doc.settings.odd_and_even_pages_header_footer = False
        section = self.doc.sections[-1]
        section.different_first_page_header_footer = True
        section.even_page_header.is_linked_to_previous = True
        section.even_page_footer.is_linked_to_previous = True
        stories = (section.header, section.footer, section.first_page_header,
                   section.first_page_footer)
        for story in stories:
            story.is_linked_to_previous = False
            ox.clear_story(ox.element_of(story))
        header, footer, first_header, first_footer = (ox.element_of(s) for s in stories)
        ox.add_paragraph(header, self._style_id("Header"), self.plan.meta.title)
        self._page_of(ox.add_paragraph(footer, self._style_id("Footer")))
        # A story needs one paragraph; Normal, not Header, so no header rule shows on page 1.
        ox.add_paragraph(first_header, self._style_id("Normal"))
        first_footer_p = ox.add_paragraph(first_footer, self._style_id("Footer"))
        if self.plan.docx_form != "briefing":
            self._page_of(first_footer_p)

    def _page_of(self, paragraph: ox.Element) -> None:
        """"第{PAGE}页 共{NUMPAGES}页": the plan's text in runs around PAGE/NUMPAGES fields."""
        for piece in re.split(r"(\{PAGE\}|\{NUMPAGES\})", self.plan.page_of):
            if piece in ("{PAGE}", "{NUMPAGES}"):
                ox.append_field(paragraph, piece.strip("{}"), "1")
            elif piece:
                ox.append_run(paragraph, piece)

    # ------------------------------------------------------------------ paragraphs

    def _style_id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """The id to write for style ``name``: None for the default style of its kind.

        What python-docx's ``Styles.get_style_id`` returns, resolved once per name and document:
        it scans every style by name and again for the default on each call, which was most of
        the writer's time.
        """
        key = (name, kind)
        if key not in self.style_ids:
            style = self.doc.styles[name]
            if style.type != kind:
                raise ValueError(f"style {name!r} is of type {style.type}, need type {kind}")
            self.style_ids[key] = None if style == self._default_style(kind) else style.style_id
        return self.style_ids[key]

    def _default_style(self, kind: WD_STYLE_TYPE) -> BaseStyle | None:
        """The document's default style of ``kind`` (python-docx finds it by scanning all)."""
        if kind not in self.default_styles:
            self.default_styles[kind] = self.doc.styles.default(kind)
        return self.default_styles[kind]

    def _para(self, style: str, text: str = "") -> ox.Element:
        """A body w:p in ``style`` (taking any pending page break); no run formatting."""
        paragraph = ox.add_paragraph(self.body, self._style_id(style), text)
        if self.break_before_next:
            ox.set_page_break_before(paragraph)
            self.break_before_next = False
        return paragraph

    def _cover(self) -> None:
        meta = self.plan.meta
        if meta.marking:
            self._para("Cover Marking", meta.marking)
        self._masthead()
        details = [t for t in (meta.date_text, meta.place, meta.organiser) if t]
        for i, text in enumerate(details):
            self._para("Cover Date" if i == 0 else "Cover Detail", text)
        self.break_before_next = True

    def _memo_head(self) -> None:
        """A memo's first lines: marking, title, subtitle and one line of when and where; the
        text follows on the same page (no cover)."""
        meta = self.plan.meta
        if meta.marking:
            self._para("Memo Marking", meta.marking)
        self._masthead()
        details = [t for t in (meta.date_text, meta.place, meta.organiser) if t]
        if details:
            size = self.doc.styles["Memo Detail"].font.size
            self._para("Memo Detail", between_parts(details, "  ·  ", Emu(self._text_width).pt,
                                                    size.pt if size else 12.0))

    def _masthead(self) -> None:
        """Title and subtitle, a Chinese one broken into lines of about equal length."""
        for style, text in (("Title", self.plan.meta.title), ("Subtitle", self.plan.meta.subtitle)):
            if text:
                size = self.doc.styles[style].font.size
                self._para(style, balanced(text, Emu(self._text_width).pt, size.pt) if size
                           else text)

    def _caption(self, text: str, number: tuple[int, int] | None, seq: str) -> None:
        """A Caption paragraph numbered by a SEQ field: "表1 主要数据" is "表", SEQ 1, " 主要数据".
        The plan says where the number is; a caption without one stays plain text."""
        paragraph = self._para("Caption")
        if number is None:
            ox.append_run(paragraph, text)
            return
        start, end = number
        if start:
            ox.append_run(paragraph, text[:start])
        ox.append_field(paragraph, f"SEQ {seq} \\* ARABIC", text[start:end])
        ox.append_run(paragraph, text[end:])

    # ------------------------------------------------------------------ blocks

    def _render_heading(self, block: m.Heading) -> None:
        paragraph = self._para(_heading_style(block), block.text)
        if self.has_toc:
            item = self.toc_items[self.heading_count]
            ox.add_bookmark(paragraph, self.heading_count, item.bookmark)
            self.heading_count += 1

    def _render_paragraph(self, block: m.Paragraph) -> None:
        if block.role not in ROLE_STYLES:
            raise ValueError(f"no DOCX style for paragraph role {block.role!r}")
        self._para(ROLE_STYLES[block.role], block.text)

    def _render_bullet_list(self, block: m.BulletList) -> None:
        for item in block.items:
            self._para("List Bullet", item)

    def _render_toc_block(self, block: m.TocBlock) -> None:
        """Heading plus a TOC field whose cached result is what Word would write.

        Each entry is the heading's number and text, linked to the heading's bookmark, then a
        tab (leader dots from the TOC style) and a PAGEREF field with the page number, when
        known. LibreOffice prints the cached result as it is, so page numbers come from its own
        layout (:mod:`briefgen.render.docx.toc`) or are left out; Word rebuilds the field on
        opening (w:dirty, w:updateFields) with its own pagination.
        """
        self._para("TOC Heading", block.title)
        pages = self.toc_pages
        if pages is not None and len(pages) != len(self.toc_items):
            raise ValueError(f"{len(pages)} page numbers for {len(self.toc_items)} entries")
        if not self.toc_items:
            paragraph = self._para("toc 1")
            ox.begin_field(paragraph, TOC_FIELD, dirty=True)
            ox.end_field(paragraph)
        for n, item in enumerate(self.toc_items):
            level = _heading_style(item.heading).split()[-1]
            paragraph = self._para(f"toc {level}")
            if n == 0:
                ox.begin_field(paragraph, TOC_FIELD, dirty=True)
            link = ox.append_hyperlink(paragraph, item.bookmark)
            ox.append_text(link, item.printed)
            if pages is not None:
                padding, number = toc.printed_page(pages[n])
                ox.append_text(link, "\t" + padding)
                ox.append_field(link, f"PAGEREF {item.bookmark} \\h", number)
            if n == len(self.toc_items) - 1:
                ox.end_field(paragraph)
        self.break_before_next = True

    def _render_figure_table(self, block: m.FigureTable) -> None:
        self._caption(block.caption, block.caption_number, "Table")
        shares = [FIGURE_COLUMNS[c] for c in block.columns]
        widths = [Emu(self._text_width * share // sum(shares)).twips for share in shares]
        table = ox.add_table(self.body, self._style_id("Key Figures", WD_STYLE_TYPE.TABLE),
                             widths)
        ox.set_table_layout(table, 100, block.caption)
        styles = [self._style_id("Table Number" if c in NUMBER_COLUMNS else "Table Text")
                  for c in block.columns]
        values = [block.header]
        values += [tuple(getattr(f, c) or "—" for c in block.columns) for f in block.rows]
        for n, texts in enumerate(values):
            row = ox.add_table_row(table, widths, styles, texts)
            if n == 0:
                ox.mark_header_row(row)
            ox.keep_row_together(row)

    def _render_chart_block(self, block: m.ChartBlock) -> None:
        """The chart (a Word chart, or the picture), its numbered caption and its source."""
        from briefgen.render.docx import charts  # imports python-pptx's chart writer

        chart = block.chart
        if self.native_charts and chart.kind == "timeline":
            self._native_timeline(chart)
        elif self.native_charts and charts.is_native(chart):
            self._native_chart(ox.append_run(self._para("Figure")), chart)
        else:
            self._picture(ox.append_run(self._para("Figure")), chart)
        self._caption(chart.caption, chart.caption_number, "Figure")
        if chart.source:
            self._para("Source Note", chart.source)

    def _native_chart(self, run: ox.Element, chart: m.ChartSpec) -> None:
        from briefgen.render.docx import charts

        lang = self.plan.fonts.lang
        alt_lang = ref.east_asian_lang(lang) if ref.latin_lang(lang) == lang \
            else ref.latin_lang(lang)
        look = charts.ChartLook(self.plan.fonts.latin, self.plan.fonts.east_asian, lang, alt_lang)
        rid = charts.add_chart(self.doc.part, chart, look, self.plan.meta.timestamp)
        width = self._text_width
        height = min(int(width * CHART_ASPECT), int(self._text_height * MAX_CHART_HEIGHT))
        ox.add_chart_inline(run, rid, width, height, self._next_shape_id(), chart.id,
                            chart.title, chart.alt_text)

    def _native_timeline(self, chart: m.ChartSpec) -> None:
        """The timeline as a table of dates on a line and events under it (:mod:`.timeline`)."""
        look = timeline.TimelineLook(
            self._style_id("Table Text"),
            self._style_id("Timeline Date", WD_STYLE_TYPE.CHARACTER), ref.NAVY)

        def take_break(paragraph: ox.Element) -> None:
            if self.break_before_next:
                ox.set_page_break_before(paragraph)
                self.break_before_next = False

        timeline.add_timeline(self.body, timeline.events(chart, self.plan.timeline),
                              Emu(self._text_width).twips, look, chart.title, chart.alt_text,
                              first_paragraph=take_break)

    def _picture(self, run: ox.Element, chart: m.ChartSpec) -> None:
        """The chart's picture at the text width, shrunk to fit MAX_CHART_HEIGHT."""
        if chart.id not in self.charts:
            raise KeyError(f"no rendered picture for chart {chart.id!r}")
        rid, image = self.doc.part.get_or_add_image(str(self.charts[chart.id]))
        cx, cy = image.scaled_dimensions(Emu(self._text_width), None)
        limit = int(self._text_height * MAX_CHART_HEIGHT)
        if cy > limit:
            cx, cy = cx * limit // cy, limit
        ox.add_picture_inline(run, self._next_shape_id(), rid, image.filename, cx, cy)
        ox.set_picture_text(run, f"{chart.id}.png", chart.title, chart.alt_text)

    def _next_shape_id(self) -> int:
        """The wp:docPr/@id of a new picture or chart: python-docx's ``next_id``, which searches
        the whole document, asked once; every later shape is this writer's own."""
        if self.last_shape_id is None:
            self.last_shape_id = self.doc.part.next_id
        else:
            self.last_shape_id += 1
        return self.last_shape_id

    def _render_quote_block(self, block: m.QuoteBlock) -> None:
        """The quote, then the plan's attribution line ("——speaker，source")."""
        words = self._para("Quote", block.quote.text)
        if block.quote.attribution:
            ox.keep_with_next(words)  # on paragraphs, not styles: a user template cannot lose it
            self._para("Quote Attribution", block.quote.attribution)

    def _render_timeline_block(self, block: m.TimelineBlock) -> None:
        for item in block.items:
            paragraph = self._para("Timeline")
            date = ox.append_run(paragraph, item.date)
            ox.set_run_style(date, self._style_id("Timeline Date", WD_STYLE_TYPE.CHARACTER))
            ox.append_run(paragraph, "\t" + (item.document_label or item.label))
            if item.detail:
                ox.append_run(paragraph, "\n")  # a line break, in a run of its own
                ox.append_run(paragraph, item.detail)

    def _render_sources_block(self, block: m.SourcesBlock) -> None:
        for source in block.sources:
            self._para("Source List", f"[{source.number}]\t{source.text}")

    # ------------------------------------------------------------------ geometry

    # Cached: finding the last section searches the whole body, and the page never changes.

    @cached_property
    def _text_width(self) -> int:
        section = self.doc.sections[-1]
        return int(section.page_width - section.left_margin - section.right_margin)

    @cached_property
    def _text_height(self) -> int:
        section = self.doc.sections[-1]
        return int(section.page_height - section.top_margin - section.bottom_margin)


__all__ = ["ROLE_STYLES", "DocxRenderer"]
