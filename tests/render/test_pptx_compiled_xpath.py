"""python-pptx's XPath through compiled expressions finds what lxml's own call finds."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import _nsmap

from briefgen.render.pptx import compiled_xpath

EXPRESSIONS = ("./*[1]/p:nvPr/p:ph", "./*[1]/p:cNvPr", "//p:cNvPr/@id", "./p:txBody/a:p",
               "count(.//a:p)", "./p:nvSpPr/p:nvPr/p:ph/@type")


def test_compiled_expressions_give_lxmls_results() -> None:
    compiled_xpath.install()
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Title"
    for shape in slide.shapes:
        element = shape._element
        for expr in EXPRESSIONS:
            assert element.xpath(expr) == etree.ElementBase.xpath(element, expr,
                                                                  namespaces=_nsmap), expr
    assert [s.placeholder_format.idx for s in slide.placeholders] == [0, 1]
