"""Build the reference documents ``templates/docx/reference-zh.docx`` and ``reference-en.docx``.

Run ``python -m briefgen.render.docx.reference`` after changing a style here; the output is
byte-stable (fixed zip times, fixed core properties), so an unchanged build leaves git clean.

Why two files: Chinese and English briefings differ in more than fonts. Chinese body text has a
two-character first-line indent and 1.5 line spacing and Heading 1 numbers as 一、二、三、;
English has no indent, space after and 1. 2. 3. One reference would need the renderer to rewrite
those styles per language, hiding the conventions in code; two references keep each convention
where a designer can open and change it in Word. A ``--docx-template`` replaces both.

The style table (:func:`style_specs`) is also what the renderer adds to a user template that lacks
a style it needs, so a template only has to define what it wants to change.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Pt, RGBColor

from briefgen.fonts import CJK_FAMILY, LATIN_FAMILY_EN, LATIN_FAMILY_ZH
from briefgen.opc import ZIP_EPOCH, repacked
from briefgen.plan.model import Fonts
from briefgen.render.docx import oxml as ox
from briefgen.resources import data_dir

LANGUAGES = ("zh", "en")
#: Fixed metadata time of the reference files (their content, not their build, defines them).
REFERENCE_TIME = dt.datetime(2017, 5, 14, tzinfo=dt.UTC)

NAVY, INK, GREY, RULE = "1F3864", "262626", "595959", "A6A6A6"
BOX_FILL, BAND_FILL = "EEF2F8", "E9EEF6"
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}
_KIND = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER,
         "table": WD_STYLE_TYPE.TABLE}
#: Styles python-docx's default template must keep: the defaults Word expects to exist.
_DEFAULT_STYLE_IDS = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList")


@dataclass(frozen=True)
class StyleSpec:
    """One style of the reference, in points; None leaves the inherited value."""

    name: str
    base: str | None = "Normal"
    kind: str = "paragraph"
    builtin: bool = False  # a Word built-in name (Heading 1, Caption...), not a custom style
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    color: str | None = None
    align: str | None = None
    before: float | None = None
    after: float | None = None
    line: float | None = None  # multiple of single spacing
    left: float | None = None
    right: float | None = None
    hanging: float | None = None
    indent_chars: int | None = None  # first-line indent, hundredths of a character (200 = 2)
    keep_next: bool | None = None
    keep_lines: bool | None = None
    border: tuple[str, ...] = ()  # paragraph border sides, drawn in ``border_color``
    border_color: str = NAVY
    border_size: int = 8
    fill: str | None = None
    outline: int | None = None  # 0-based outline level
    numbering: str | None = None  # "heading" or "bullet": which list definition
    tab: float | None = None  # left tab stop
    toc_tab: bool = False  # right tab with dot leader at the text width


@dataclass(frozen=True)
class Conventions:
    """What differs between Chinese and English briefings."""

    size: float  # body text size
    line: float  # body line spacing
    after: float  # space after body paragraphs
    indent_chars: int | None  # first-line indent of body text
    heading_number: ox.ListLevel
    caption_size: float
    small: float  # header, footer, source notes
    date_width: float  # timeline date column ("2017年5月14日", "30 September 2017": full months)


def conventions(lang: str) -> Conventions:
    """zh: 小四 body, 1.5 lines, two-character indent, 一、 headings; en: 11 pt, 1. headings."""
    if lang.startswith("zh"):
        number = ox.ListLevel("chineseCounting", "%1、", suffix="nothing", style_id="Heading1")
        return Conventions(12, 1.5, 0, 200, number, 10.5, 9, 120)
    number = ox.ListLevel("decimal", "%1.", left=432, hanging=432, style_id="Heading1")
    return Conventions(11, 1.15, 8, None, number, 10, 8.5, 120)


def style_specs(lang: str) -> tuple[StyleSpec, ...]:
    """Every style the DOCX writer uses, each base before the styles derived from it."""
    c = conventions(lang)
    zh = lang.startswith("zh")
    s, S = c.size, StyleSpec
    chars2 = 2 * s  # two characters of body text, for zh indents
    single = {"line": 1.0}
    head = {"builtin": True, "bold": True, "color": NAVY, "line": 1.0, "keep_next": True,
            "keep_lines": True}
    toc = {"builtin": True, "after": 0, "line": 1.0, "toc_tab": True}
    small = {"size": c.small, "color": GREY, "line": 1.0}
    box = ("top", "left", "bottom", "right")
    return (
        S("Normal", base=None, builtin=True, size=s, before=0, after=c.after,
          line=1.0 if zh else c.line),
        S("Body Text", builtin=True, indent_chars=c.indent_chars, align="both" if zh else None,
          line=c.line, after=c.after),
        S("Title", builtin=True, size=22 if zh else 26, bold=True, color=NAVY, align="center",
          before=0, after=12, keep_next=True, **single),
        S("Subtitle", builtin=True, size=14, color=GREY, align="center", after=24, **single),
        S("Heading 1", size=16, before=18, after=6, outline=0, numbering="heading", **head),
        S("Heading 2", size=14 if zh else 13, before=12, after=4, outline=1, **head),
        S("Heading 3", size=12 if zh else 11.5, before=10, after=2, outline=2, **head),
        S("TOC Heading", builtin=True, size=16, bold=True, color=NAVY, before=0, after=12,
          align="center" if zh else None, keep_next=True, **single),
        # "1.<tab>Heading" as Word writes a tab-suffixed number; 一、 needs no tab ("nothing").
        S("toc 1", before=6, **toc) if zh else
        S("toc 1", before=6, tab=22, left=22, hanging=22, **toc),
        S("toc 2", before=2, left=chars2, **toc),
        S("toc 3", before=0, left=2 * chars2, **toc),
        S("Lead", base="Body Text", size=s + 1),
        S("Bottom Line", base="Body Text", border=box, fill=BOX_FILL, before=6, after=12,
          left=6, right=6),
        S("Dateline", bold=True, after=c.after or 6, keep_next=True),
        S("End Mark", align="center", before=12),
        S("Cover Marking", bold=True, size=s, align="right", after=110),
        S("Cover Date", size=14, align="center", before=150, after=6, **single),
        S("Cover Detail", size=14, align="center", after=6, **single),
        S("Memo Marking", bold=True, size=s, align="right", after=6, **single),
        S("Memo Detail", size=s, color=GREY, align="center", after=18, **single),
        S("Caption", builtin=True, size=c.caption_size, bold=True, color=INK, align="center",
          before=6, after=6, keep_next=True, **single),
        S("Figure", align="center", before=6, after=0, keep_next=True, **single),
        S("Source Note", before=0, after=12, **small),
        S("Note", base="Source Note"),
        S("Quote", builtin=True, italic=not zh, left=chars2, right=chars2, before=6, after=0,
          line=c.line, border=("left",), border_size=18),
        S("Quote Attribution", base="Quote", italic=False, align="right", after=12),
        S("List Bullet", builtin=True, numbering="bullet", after=0 if zh else 2, line=c.line),
        S("Timeline", left=c.date_width, hanging=c.date_width, tab=c.date_width, after=4,
          line=c.line),
        S("Timeline Date", kind="character", base=None, bold=True, color=NAVY),
        S("Source List", left=28, hanging=28, tab=28, after=4, line=c.line),
        S("Table Text", size=c.caption_size, before=0, after=0, **single),
        S("Table Number", base="Table Text", align="right"),
        S("Header", builtin=True, align="center", after=0, border=("bottom",), border_color=RULE,
          border_size=4, **small),
        S("Footer", builtin=True, align="center", after=0, **small),
        S("Key Figures", kind="table", base="Normal Table"),
    )


def list_definitions(lang: str) -> dict[str, ox.ListLevel]:
    """The numbering the styles link to: Heading 1 numbers and the bullet of List Bullet."""
    indent = 420 if lang.startswith("zh") else 360
    return {"heading": conventions(lang).heading_number,
            "bullet": ox.ListLevel("bullet", "•", left=indent, hanging=indent)}


def define_style(doc: DocumentObject, spec: StyleSpec, numbering: Mapping[str, int],
                 char_size: float, *, fallback: bool = False) -> None:
    """Create (or reset the listed properties of) the style ``spec`` describes.

    ``char_size`` is the body text size, for the twips twin of a character-based indent.
    ``fallback`` adds a style a user template lacks: it keeps the template's colours and line
    spacing (inherited from its Normal) and takes only sizes, spacing and layout from ``spec``.
    """
    styles = doc.styles
    style = (styles[spec.name] if spec.name in styles
             else styles.add_style(spec.name, _KIND[spec.kind], builtin=spec.builtin))
    if spec.base and spec.base in styles:
        style.base_style = styles[spec.base]
    elif spec.base and spec.kind == "paragraph":
        style.base_style = styles["Normal"]
    if spec.kind == "table":
        ox.define_table_style(style.element, RULE, NAVY, "FFFFFF", BAND_FILL)
        return
    style.quick_style = spec.kind == "paragraph" and not spec.name.startswith("toc")
    font = style.font
    if spec.size is not None:
        font.size = Pt(spec.size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    if spec.color is not None and not fallback:
        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.kind == "paragraph":
        _paragraph_format(doc, style, spec, numbering, char_size, fallback)


def _paragraph_format(doc: DocumentObject, style, spec: StyleSpec, numbering: Mapping[str, int],
                      char_size: float, fallback: bool) -> None:
    pf = style.paragraph_format
    for attr, value in (("space_before", spec.before), ("space_after", spec.after),
                        ("left_indent", spec.left), ("right_indent", spec.right)):
        if value is not None:
            setattr(pf, attr, Pt(value))
    if spec.line is not None and not fallback:
        pf.line_spacing = spec.line
    if spec.align is not None:
        pf.alignment = _ALIGN[spec.align]
    if spec.hanging is not None:
        pf.first_line_indent = Pt(-spec.hanging)
    if spec.keep_next is not None:
        pf.keep_with_next = spec.keep_next
    if spec.keep_lines is not None:
        pf.keep_together = spec.keep_lines
    if spec.tab is not None:
        pf.tab_stops.add_tab_stop(Pt(spec.tab))
    if spec.toc_tab:
        section = doc.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        pf.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    ppr = ox.style_ppr(style.element)
    if spec.indent_chars is not None:
        twips = round(spec.indent_chars / 100 * (spec.size or char_size) * 20)
        ox.set_first_line_chars(ppr, spec.indent_chars, twips)
    if spec.border:
        ox.set_borders(ppr, spec.border, spec.border_color, spec.border_size)
    if spec.fill:
        ox.set_shading(ppr, spec.fill)
    if spec.outline is not None:
        ox.set_outline_level(ppr, spec.outline)
    if spec.numbering and spec.numbering in numbering:
        ox.set_numbering(ppr, numbering[spec.numbering])


def _is_cjk(lang: str) -> bool:
    return lang.split("-")[0].lower() in ("zh", "ja", "ko")


def east_asian_lang(lang: str) -> str:
    """The w:lang/@w:eastAsia: ``lang`` itself for CJK, else zh-CN (our briefs' CJK is Chinese)."""
    return lang if _is_cjk(lang) else "zh-CN"


def latin_lang(lang: str) -> str:
    """The w:lang/@w:val, the language of Latin-script runs: en-US in a CJK document.

    That is what Chinese Word writes, and LibreOffice breaks "0.6%" after the point when Latin
    runs are tagged zh-CN.
    """
    return "en-US" if _is_cjk(lang) else lang


def apply_fonts(doc: DocumentObject, fonts: Fonts, *, override: bool) -> None:
    """Name the faces and language on docDefaults and every style.

    ``override`` (our own reference) writes the plan's Latin and East Asian faces everywhere and
    drops theme font references; without it (a user template) the template's faces stay and only a
    missing or themed East Asian face is filled in, so Word never falls back to MS Mincho.
    """
    ea_lang = east_asian_lang(fonts.lang)
    targets = [ox.doc_defaults_rpr(doc.styles.element)]
    targets += [ox.style_rpr(s.element) for s in doc.styles
                if s.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER,
                              WD_STYLE_TYPE.TABLE)]
    for rpr in targets:
        if override:
            ox.set_fonts(rpr, fonts.latin, fonts.east_asian)
        elif ox.east_asian_font(rpr) is None:
            ox.set_east_asian_font(rpr, fonts.east_asian)
        ox.set_language(rpr, latin_lang(fonts.lang), ea_lang)
    ox.set_theme_font_lang(doc.settings.element, latin_lang(fonts.lang), ea_lang)


def reference_fonts(lang: str) -> Fonts:
    """The faces the reference files name (the renderer re-applies the plan's own)."""
    if lang.startswith("zh"):
        return Fonts(latin=LATIN_FAMILY_ZH, east_asian=CJK_FAMILY, lang="zh-CN")
    return Fonts(latin=LATIN_FAMILY_EN, east_asian=CJK_FAMILY, lang="en-US")


# --------------------------------------------------------------------------- building


def _strip_default_template(doc: DocumentObject) -> None:
    """Drop what python-docx's default template carries that a reference should not."""
    part = doc.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML,) or rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)
    pkg_rels = part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]
    ox.keep_only_styles(doc.styles.element, _DEFAULT_STYLE_IDS)
    ox.clear_numbering(part.numbering_part.element)
    ox.clear_story(doc.element.body)


def build(lang: str) -> DocumentObject:
    """A reference document for ``lang``: A4, every style of :func:`style_specs`, sample text."""
    doc = Document()
    _strip_default_template(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(2.54)
    section.header_distance, section.footer_distance = Cm(1.5), Cm(1.5)
    numbering_el = doc.part.numbering_part.element
    numbering = {key: ox.add_list_definition(numbering_el, level)
                 for key, level in list_definitions(lang).items()}
    for spec in style_specs(lang):
        define_style(doc, spec, numbering, conventions(lang).size)
    apply_fonts(doc, reference_fonts(lang), override=True)
    for spec in style_specs(lang):
        if spec.kind == "paragraph":
            doc.add_paragraph(spec.name, style=spec.name)
    props = doc.core_properties
    props.title = f"briefgen reference ({lang})"
    props.author = props.last_modified_by = "briefgen"
    props.comments = props.subject = props.keywords = props.category = ""
    props.language = reference_fonts(lang).lang
    props.created = props.modified = props.last_printed = REFERENCE_TIME
    props.revision = 1
    return doc


def to_bytes(doc: DocumentObject) -> bytes:
    """Save ``doc`` as a zip with fixed member times, so equal content gives equal bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    return repacked(raw.getvalue(), ZIP_EPOCH)


def reference_path(lang: str) -> Path:
    """Where the reference for ``lang`` lives (English serves every non-Chinese language)."""
    name = "reference-zh.docx" if lang.startswith("zh") else "reference-en.docx"
    return data_dir("templates") / "docx" / name


def main(argv: list[str] | None = None) -> int:
    """Write both reference files (or into the folder given as the only argument)."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else data_dir("templates") / "docx"
    out_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        target = out_dir / reference_path(lang).name
        target.write_bytes(to_bytes(build(lang)))
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
