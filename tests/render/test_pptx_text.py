"""Text frames of the PPTX writer (render/pptx/text.py): paragraphs copied from an earlier,
identically styled one must be the XML python-pptx builds for them."""

from __future__ import annotations

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Inches

from briefgen.plan.model import Fonts
from briefgen.render.pptx import text
from briefgen.render.pptx.text import Style, TextWriter

FONTS = Fonts("Calibri", "Noto Sans CJK SC", "zh-CN")
STYLES = [Style(24, listing="bullet", space_before=12),
          Style(20, MSO_THEME_COLOR.ACCENT_1, bold=True, anchor=MSO_ANCHOR.BOTTOM),
          Style(16, listing="number", start_at=4, bold_index=1)]


def _box(slide):
    return slide.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(2))


def _xml(shape) -> bytes:
    return etree.tostring(shape.text_frame._txBody)


@pytest.fixture
def slide(monkeypatch):
    monkeypatch.setattr(text, "_BUILT", {})  # start with nothing built
    prs = Presentation()
    return prs.slides.add_slide(prs.slide_layouts[6])


@pytest.mark.parametrize("style", STYLES)
def test_a_copied_paragraph_is_the_one_python_pptx_builds(slide, style) -> None:
    writer = TextWriter(FONTS)
    paragraphs = ["第一段", "second, with a bell \x07", "третий"]
    built, copied = _box(slide), _box(slide)
    writer.write(built, paragraphs, style)
    writer.write(copied, paragraphs, style)
    assert _xml(copied) == _xml(built)
    assert "_x0007_" in copied.text_frame.text  # escaped as python-pptx's run.text does


def test_repeated_notes_are_copied_whole(slide) -> None:
    writer = TextWriter(FONTS)
    first, second, other = _box(slide), _box(slide), _box(slide)
    notes = ["a", "", "b"]
    writer.write_plain(first.text_frame, notes)
    writer.write_plain(second.text_frame, notes)
    writer.write_plain(other.text_frame, ["c"])
    assert _xml(second) == _xml(first)
    assert [p.text for p in second.text_frame.paragraphs] == notes
    assert other.text_frame.text == "c"


def test_slide_numbers_differ_only_in_their_number(slide) -> None:
    writer = TextWriter(FONTS)
    seven, twelve = _box(slide), _box(slide)
    writer.slide_number(seven, 7, Style(12))
    writer.slide_number(twelve, 12, Style(12))
    assert _xml(twelve) == _xml(seven).replace(b"<a:t>7</a:t>", b"<a:t>12</a:t>")
