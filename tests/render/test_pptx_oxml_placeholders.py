"""The PPTX writer's direct placeholder and position helpers (render/pptx/oxml.py) against the
python-pptx calls they stand in for."""

from __future__ import annotations

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu, Inches

from briefgen.render.pptx import oxml


@pytest.fixture
def slide():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])  # title and content
    slide.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    return slide


def test_placeholders_are_the_ones_python_pptx_lists(slide) -> None:
    tree = slide.shapes._spTree
    assert [s for s, _ in oxml.placeholders(tree)] == [p._element for p in slide.placeholders]
    assert [ph.idx for _, ph in oxml.placeholders(tree, by_idx=False)] == \
        [p.placeholder_format.idx for p in slide.placeholders]
    assert oxml.title_shape(tree) is slide.shapes.title._element


def test_a_text_box_is_no_placeholder(slide) -> None:
    box = slide.shapes[-1]
    assert not box.is_placeholder and oxml.placeholder_of(box._element) is None


def test_blank_placeholders_go_and_filled_ones_stay(slide) -> None:
    slide.shapes.title.text_frame.text = "Title"
    slide.placeholders[1].text_frame.text = " \n\v "
    oxml.remove_blank_placeholders(slide.shapes._spTree)
    assert [p.placeholder_format.idx for p in slide.placeholders] == [0]


@pytest.mark.parametrize("index", [0, 1, 2])  # new title, new body, existing text box
def test_set_position_writes_what_the_shape_setters_write(index) -> None:
    def shape():
        prs = Presentation()
        built = prs.slides.add_slide(prs.slide_layouts[1])
        built.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
        return list(built.shapes)[index]

    expected, got = shape(), shape()
    expected.left, expected.top, expected.width, expected.height = (
        Emu(-5), Emu(7), Emu(100), Emu(200))
    oxml.set_position(got._element, -5, 7, 100, 200)
    assert etree.tostring(got._element) == etree.tostring(expected._element)
