"""Style definitions and document settings: fonts, language, paragraph properties of a style,
table styles and w:settings flags (what the reference builder and the writer set on styles)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from briefgen.render.docx.oxml.schema import get_or_add_child, insert_before_any

_SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)
_SETTINGS_AFTER_THEME_FONT_LANG = _SETTINGS_AFTER_UPDATE_FIELDS[9:]
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

# --------------------------------------------------------------------------- fonts and language


def doc_defaults_rpr(styles: etree._Element) -> etree._Element:
    """Return w:docDefaults/w:rPrDefault/w:rPr, creating it; docDefaults must come first."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    return get_or_add_child(rpr_default, "rPr")


def style_rpr(style: etree._Element) -> etree._Element:
    """Return the style's w:rPr, creating it in schema order."""
    return get_or_add_child(style, "rPr")


def style_ppr(style: etree._Element) -> etree._Element:
    """Return the style's w:pPr, creating it in schema order."""
    return get_or_add_child(style, "pPr")


def set_fonts(rPr: etree._Element, latin: str, east_asian: str) -> None:
    """Set w:rFonts ascii/hAnsi/cs and eastAsia; drops the theme attributes that would win."""
    fonts = get_or_add_child(rPr, "rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn("w:" + attr), None)
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(qn("w:" + attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def set_east_asian_font(rPr: etree._Element, name: str) -> None:
    """Set w:rFonts/@w:eastAsia; python-docx's Font.name writes only ascii/hAnsi."""
    fonts = get_or_add_child(rPr, "rFonts")
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
    fonts.set(qn("w:eastAsia"), name)


def east_asian_font(rPr: etree._Element | None) -> str | None:
    """The explicit w:rFonts/@w:eastAsia of ``rPr`` (None when absent or only themed)."""
    fonts = None if rPr is None else rPr.find(qn("w:rFonts"))
    if fonts is None or fonts.get(qn("w:eastAsiaTheme")):
        return None
    return fonts.get(qn("w:eastAsia"))


def set_language(rPr: etree._Element, lang: str, east_asia: str) -> None:
    """Set w:lang/@w:val and @w:eastAsia, which pick spelling, line breaking and CJK glyph forms."""
    el = get_or_add_child(rPr, "lang")
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), east_asia)


def set_theme_font_lang(settings: etree._Element, lang: str, east_asia: str) -> None:
    """Set w:settings/w:themeFontLang, so themed East Asian text resolves to Chinese fonts."""
    el = settings.find(qn("w:themeFontLang"))
    if el is None:
        el = OxmlElement("w:themeFontLang")
        insert_before_any(settings, el, _SETTINGS_AFTER_THEME_FONT_LANG)
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), east_asia)


# --------------------------------------------------------------------------- paragraph style parts


def set_first_line_chars(pPr: etree._Element, hundredths: int, twips: int) -> None:
    """Set w:ind/@w:firstLineChars (200 = two characters) with @w:firstLine as the fallback."""
    ind = get_or_add_child(pPr, "ind")
    ind.set(qn("w:firstLineChars"), str(hundredths))
    ind.set(qn("w:firstLine"), str(twips))


def set_borders(pPr: etree._Element, sides: Sequence[str], color: str, size: int = 8,
                space: int = 4) -> None:
    """Set w:pBdr lines on ``sides`` (top/left/bottom/right); size in eighths of a point."""
    pbdr = get_or_add_child(pPr, "pBdr")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            line = get_or_add_child(pbdr, side)
            for key, val in (("val", "single"), ("sz", str(size)), ("space", str(space)),
                             ("color", color)):
                line.set(qn("w:" + key), val)


def set_shading(pPr: etree._Element, fill: str) -> None:
    """Set w:shd as a solid background fill (paragraph or cell properties)."""
    shd = get_or_add_child(pPr, "shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def set_outline_level(pPr: etree._Element, level: int) -> None:
    """Set w:outlineLvl (0-based), which puts the style into TOC \\u and the navigation pane."""
    get_or_add_child(pPr, "outlineLvl").set(qn("w:val"), str(level))


def set_numbering(pPr: etree._Element, num_id: int, level: int = 0) -> None:
    """Set w:numPr (ilvl, numId) so every paragraph of the style is numbered or bulleted."""
    numpr = get_or_add_child(pPr, "numPr")
    for tag, val in (("ilvl", level), ("numId", num_id)):
        el = numpr.find(qn("w:" + tag))
        if el is None:
            el = OxmlElement("w:" + tag)
            numpr.append(el)
        el.set(qn("w:val"), str(val))

# --------------------------------------------------------------------------- styles part


def keep_only_styles(styles: etree._Element, style_ids: Iterable[str]) -> None:
    """Remove every w:style whose styleId is not in ``style_ids`` (docDefaults and latent stay)."""
    keep = set(style_ids)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles.remove(style)


def define_table_style(style: etree._Element, border: str, header_fill: str, header_text: str,
                       band_fill: str) -> None:
    """Fill a table w:style: tblPr borders and margins, w:tblStylePr for firstRow and band1Horz."""
    for tag in ("tblPr", "trPr", "tcPr", "tblStylePr"):
        for old in style.findall(qn("w:" + tag)):
            style.remove(old)
    line = f'w:val="single" w:sz="4" w:space="0" w:color="{border}"'
    tblpr = parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblStyleRowBandSize w:val="1"/>'
        f'<w:tblBorders><w:top {line}/><w:bottom {line}/><w:insideH {line}/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
    )
    first = parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/><w:bCs/>'
        f'<w:color w:val="{header_text}"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/></w:tcPr>'
        "</w:tblStylePr>"
    )
    band = parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="band1Horz">'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{band_fill}"/></w:tcPr>'
        "</w:tblStylePr>"
    )
    rpr = style.find(qn("w:rPr"))
    anchor = rpr if rpr is not None else style.find(qn("w:pPr"))
    if anchor is not None:
        anchor.addnext(tblpr)
    else:
        style.append(tblpr)
    tblpr.addnext(first)
    first.addnext(band)


# --------------------------------------------------------------------------- settings


def set_update_fields(settings: etree._Element) -> None:
    """Set w:updateFields, so Word offers to refresh the TOC and page references on opening."""
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        insert_before_any(settings, el, _SETTINGS_AFTER_UPDATE_FIELDS)
    el.set(qn("w:val"), "true")
