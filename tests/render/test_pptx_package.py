"""The PPTX writer's constant-time slide and part bookkeeping (render/pptx/package.py): every
slide, notes slide and partname must come out as python-pptx's own calls make them."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.package import OpcPackage
from pptx.opc.packuri import PackURI
from pptx.util import Inches

from briefgen.render.pptx.package import PartNames, SlideMaker
from briefgen.render.pptx.renderer import open_template


def _parts(prs: Presentation) -> dict[str, bytes | dict[str, bytes]]:
    """Every part of a saved deck by name, in the order python-pptx writes them; an embedded
    workbook as its members, less the times it was written at (python-pptx's xlsxwriter stamps
    the clock: two decks built across a second boundary differ there and only there)."""
    raw = io.BytesIO()
    prs.save(raw)
    reopened = Presentation(io.BytesIO(raw.getvalue()))
    return {str(p.partname): _untimed(p.blob) if str(p.partname).endswith(".xlsx") else p.blob
            for p in reopened.part.package.iter_parts()}


def _untimed(xlsx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
        return {name: book.read(name) for name in book.namelist() if name != "docProps/core.xml"}


class _PythonPptx:
    """Slides and notes slides added through python-pptx's API."""

    def __init__(self, prs: Presentation) -> None:
        self.prs = prs

    def add_slide(self, layout):
        return self.prs.slides.add_slide(layout)

    def notes(self, slide):
        return slide.notes_slide.notes_text_frame


class _Maker:
    """Slides and notes slides added through SlideMaker."""

    def __init__(self, prs: Presentation) -> None:
        self.maker = SlideMaker(prs)

    def add_slide(self, layout):
        return self.maker.add_slide(layout)

    def notes(self, slide):
        notes, _ = self.maker.add_notes_slide(slide)
        return notes.notes_text_frame


def _deck(adder, layouts: list[int]) -> dict[str, bytes]:
    """The parts of a deck from the default template with one slide per layout index, notes on
    every other slide and a chart on the third."""
    prs = open_template(None)
    add = adder(prs)
    for number, index in enumerate(layouts):
        slide = add.add_slide(prs.slide_layouts[index])
        if number % 2 == 0:
            add.notes(slide).text = f"notes {number}"
        if number == 2:
            data = CategoryChartData()
            data.categories = ["a", "b"]
            data.add_series("s", (1, 2))
            slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(4), Inches(3),
                                   data)
    return _parts(prs)


def test_slide_maker_builds_the_parts_python_pptx_builds() -> None:
    layouts = [0, 3, 5, 3, 3, 1, 8, 5]
    expected, got = _deck(_PythonPptx, layouts), _deck(_Maker, layouts)
    assert list(got) == list(expected)
    assert got == expected


def test_notes_body_is_the_notes_placeholder() -> None:
    prs = open_template(None)
    maker = SlideMaker(prs)
    notes, body = maker.add_notes_slide(maker.add_slide(prs.slide_layouts[3]))
    assert body is notes.notes_placeholder._element


def test_slides_on_one_layout_do_not_share_xml() -> None:
    prs = open_template(None)
    maker = SlideMaker(prs)
    first = maker.add_slide(prs.slide_layouts[3])
    second = maker.add_slide(prs.slide_layouts[3])
    first.shapes.title.text_frame.text = "changed"
    assert second.shapes.title.text_frame.text == ""


@dataclass
class _Part:
    partname: PackURI


@dataclass
class _Package:
    """Just enough of an OpcPackage for ``next_partname``: its parts."""

    parts: list[_Part] = field(default_factory=list)

    def iter_parts(self):
        return iter(self.parts)


@pytest.mark.parametrize("start", [[], [1], [1, 2, 3], [1, 3], [2, 5], [4]])
def test_part_names_are_the_ones_python_pptx_picks(start: list[int]) -> None:
    template = "/ppt/charts/chart%d.xml"
    ours = _Package([_Part(PackURI(template % n)) for n in start])
    theirs = _Package(list(ours.parts))
    names = PartNames(ours)
    for _ in range(5):
        expected = OpcPackage.next_partname(theirs, template)  # type: ignore[arg-type]
        got = names.next_partname(template)
        assert got == expected
        theirs.parts.append(_Part(expected))  # the new part is related before the next one
