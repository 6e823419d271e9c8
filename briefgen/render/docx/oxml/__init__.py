"""Every raw WordprocessingML edit the DOCX writer needs and python-docx has no API for.

This package is the only code that touches lxml, ``qn()`` or ``OxmlElement``: the renderer and the
reference builder call these helpers by what they do (``ox.add_paragraph``), and each module
holds one part of the format: :mod:`.schema` (child order, which Word enforces), :mod:`.styles`
(style definitions and settings), :mod:`.numbering`, :mod:`.paragraphs` (body text, fields,
bookmarks), :mod:`.tables` and :mod:`.drawings` (pictures and charts).
"""

from __future__ import annotations

from briefgen.render.docx.oxml.drawings import (
    add_chart_inline,
    add_picture_inline,
    chart_space,
    frame_chart_space,
    place_chart_title,
    set_chart_fonts,
    set_label_separator,
    set_picture_text,
    wrap_axis_labels,
)
from briefgen.render.docx.oxml.numbering import (
    ListLevel,
    add_list_definition,
    clear_numbering,
    style_numbering,
)
from briefgen.render.docx.oxml.paragraphs import (
    add_bookmark,
    add_paragraph,
    append_field,
    append_hyperlink,
    append_run,
    append_text,
    begin_field,
    clear_story,
    end_field,
    keep_with_next,
    set_page_break_before,
    set_paragraph_style,
    set_run_style,
)
from briefgen.render.docx.oxml.schema import (
    Element,
    element_of,
)
from briefgen.render.docx.oxml.styles import (
    define_table_style,
    doc_defaults_rpr,
    east_asian_font,
    keep_only_styles,
    set_borders,
    set_east_asian_font,
    set_first_line_chars,
    set_fonts,
    set_language,
    set_numbering,
    set_outline_level,
    set_shading,
    set_theme_font_lang,
    set_update_fields,
    style_ppr,
    style_rpr,
)
from briefgen.render.docx.oxml.tables import (
    add_paragraph_before,
    add_table,
    add_table_row,
    cell_paragraph,
    keep_row_together,
    mark_header_row,
    set_alignment,
    set_cell_border,
    set_cell_valign,
    set_keep_next,
    set_space_before,
    set_table_description,
    set_table_layout,
    table_cells,
    table_rows,
)

__all__ = [
    "Element", "ListLevel", "add_bookmark", "add_chart_inline", "add_list_definition",
    "add_paragraph", "add_paragraph_before", "add_picture_inline", "add_table", "add_table_row",
    "append_field", "append_hyperlink", "append_run", "append_text", "begin_field",
    "cell_paragraph", "chart_space", "clear_numbering", "clear_story", "define_table_style",
    "doc_defaults_rpr", "east_asian_font", "element_of", "end_field", "frame_chart_space",
    "keep_only_styles", "keep_row_together", "keep_with_next", "mark_header_row",
    "place_chart_title", "set_alignment", "set_borders", "set_cell_border", "set_cell_valign",
    "set_chart_fonts", "set_east_asian_font", "set_first_line_chars", "set_fonts", "set_keep_next",
    "set_label_separator", "set_language", "set_numbering", "set_outline_level",
    "set_page_break_before", "set_paragraph_style", "set_picture_text", "set_run_style",
    "set_shading", "set_space_before", "set_table_description", "set_table_layout",
    "set_theme_font_lang", "set_update_fields", "style_numbering", "style_ppr", "style_rpr",
    "table_cells", "table_rows", "wrap_axis_labels",
]
