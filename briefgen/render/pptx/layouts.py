"""Which slide layout each slide kind uses, and the boxes content is placed in.

Layouts are looked up by name, so a user's template works when it names its layouts like
the default one ("Bullets", "Key Figures", ...). A kind whose layout is missing falls back
along a chain that ends in the generic PowerPoint names and finally in any layout with a title,
and the writer says once which layout it missed and what it used instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation
from pptx.shapes.placeholder import LayoutPlaceholder, MasterPlaceholder
from pptx.slide import SlideLayout
from pptx.util import Inches

from briefgen.render.pptx import oxml

LAYOUT_CHAINS: dict[str, tuple[str, ...]] = {
    "title": ("Title", "Title Slide", "Title Only"),
    "agenda": ("Agenda", "Bullets", "Title and Content", "Title Only"),
    "section": ("Section", "Section Header", "Title Only"),
    "bullets": ("Bullets", "Title and Content", "Title Only"),
    "kpi": ("Key Figures", "Title Only"),
    "chart": ("Chart", "Title Only"),
    "quote": ("Quote", "Title Only"),
    "timeline": ("Timeline", "Title Only"),
    "sources": ("Sources", "Bullets", "Title and Content", "Title Only"),
}
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


def has_title(layout: SlideLayout) -> bool:
    return _first_of_type(layout.placeholders, TITLE_TYPES) is not None


class LayoutPicker:
    """Finds the layout for a slide kind by name and records each fallback it had to take."""

    def __init__(self, prs: Presentation) -> None:
        self._by_name = {layout.name: layout for layout in prs.slide_layouts}
        self._last_resort = next((lay for lay in prs.slide_layouts if has_title(lay)), None)
        self.messages: list[str] = []
        self._missed: set[str] = set()
        self._info: dict[Any, LayoutInfo] = {}

    def info(self, layout: SlideLayout) -> LayoutInfo:
        """What slides on ``layout`` inherit, read once per layout and render."""
        found = self._info.get(layout.part)
        if found is None:
            found = self._info[layout.part] = LayoutInfo(layout)
        return found

    def peek(self, kind: str) -> SlideLayout:
        """The layout ``pick`` would give ``kind``, without recording a fallback."""
        chain = LAYOUT_CHAINS[kind]
        found = next((name for name in chain if name in self._by_name), None)
        layout = self._by_name[found] if found else self._last_resort
        if layout is None:
            raise ValueError("the template has no slide layout with a title placeholder")
        return layout

    def pick(self, kind: str) -> SlideLayout:
        """The layout for ``kind``; KeyError for a kind with no chain (an unknown kind)."""
        chain = LAYOUT_CHAINS[kind]
        layout = self.peek(kind)
        found = layout.name if layout.name in chain else None
        if found != chain[0] and chain[0] not in self._missed:
            self._missed.add(chain[0])
            self.messages.append(
                f"template has no slide layout named {chain[0]!r} (for {kind} slides); "
                f"using {layout.name!r} instead")
        return layout


class LayoutInfo:
    """What a slide on one layout inherits, read through python-pptx once instead of on every
    slide: the layout's placeholders by idx, their boxes and list text sizes, its and its
    master's slide-number placeholders, and the master's text-style sizes."""

    def __init__(self, layout: SlideLayout) -> None:
        self.layout = layout
        master = layout.slide_master
        self._master_element = master._element
        self._by_idx: dict[int, LayoutPlaceholder] = {}
        for ph in layout.placeholders:  # the first of an idx wins, as in placeholders.get(idx)
            self._by_idx.setdefault(ph.placeholder_format.idx, ph)
        self.title = _first_of_type(layout.placeholders, TITLE_TYPES)
        self.number = _first_of_type(layout.placeholders, (PP_PLACEHOLDER.SLIDE_NUMBER,))
        self._master_number: MasterPlaceholder | None = _first_of_type(
            master.placeholders, (PP_PLACEHOLDER.SLIDE_NUMBER,))
        self._regions: dict[int, Region] = {}
        self._list_sizes: dict[int, int | None] = {}
        self._style_sizes: dict[str, int | None] = {}

    def placeholder(self, idx: int) -> LayoutPlaceholder | None:
        """The layout placeholder a slide placeholder with ``idx`` inherits from."""
        return self._by_idx.get(idx)

    def region(self, idx: int) -> Region:
        """The box of the layout placeholder ``idx`` (inherited from the master where unset),
        which a slide placeholder not yet moved has too."""
        found = self._regions.get(idx)
        if found is None:
            found = self._regions[idx] = shape_region(self._by_idx[idx])
        return found

    @cached_property
    def number_region(self) -> Region:
        """The box of the layout's slide-number placeholder (there must be one)."""
        return shape_region(self.number)

    @cached_property
    def number_size(self) -> int | None:
        """The list text size (hundredths of a point) of the layout's slide-number placeholder,
        else of the master's."""
        master = self._master_number
        return oxml.list_size_hundredths(self.number._element) or (
            oxml.list_size_hundredths(master._element) if master is not None else None)

    def list_size(self, idx: int) -> int | None:
        """a:lvl1pPr/a:defRPr/@sz of the layout placeholder ``idx`` (hundredths of a point)."""
        if idx not in self._list_sizes:
            ph = self._by_idx.get(idx)
            self._list_sizes[idx] = oxml.list_size_hundredths(ph._element) if ph else None
        return self._list_sizes[idx]

    def style_size(self, style: str) -> int | None:
        """The master's p:txStyles size for ``style`` ("titleStyle", "bodyStyle")."""
        if style not in self._style_sizes:
            self._style_sizes[style] = oxml.master_style_size_hundredths(self._master_element,
                                                                         style)
        return self._style_sizes[style]


def _first_of_type(placeholders, types: tuple[PP_PLACEHOLDER, ...]):
    return next((p for p in placeholders if p.placeholder_format.type in types), None)


@dataclass(frozen=True)
class Region:
    """A rectangle on the slide, in EMU."""

    x: int
    y: int
    w: int
    h: int

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def top(self, height: int) -> Region:
        """The top ``height`` of this region."""
        return Region(self.x, self.y, self.w, min(height, self.h))

    def below(self, height: int, gap: int = 0) -> Region:
        """What is left under the top ``height`` plus ``gap``."""
        used = min(height + gap, self.h)
        return Region(self.x, self.y + used, self.w, self.h - used)

    def shrink(self, dx: int = 0, dy: int = 0) -> Region:
        return Region(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)

    def grid(self, count: int, columns: int, gap: int) -> Iterator[Region]:
        """``count`` equal cells, row by row, ``columns`` wide; a short last row is centred."""
        rows = -(-count // columns)
        cell_w = (self.w - gap * (columns - 1)) // columns
        cell_h = (self.h - gap * (rows - 1)) // rows
        for index in range(count):
            row, col = divmod(index, columns)
            in_row = min(columns, count - row * columns)
            offset = (self.w - in_row * cell_w - (in_row - 1) * gap) // 2
            yield Region(self.x + offset + col * (cell_w + gap), self.y + row * (cell_h + gap),
                         cell_w, cell_h)


GAP = Inches(0.25)
BOTTOM_MARGIN = Inches(0.5)


def shape_region(shape) -> Region:
    return Region(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


def content_region(title_region: Region, slide_height: int) -> Region:
    """The area under the title for drawn content (charts, figures, timelines), in the title's
    column, down to the bottom margin."""
    top = title_region.bottom + GAP
    return Region(title_region.x, top, title_region.w, slide_height - BOTTOM_MARGIN - top)


@dataclass(frozen=True)
class TimelineSlot:
    """Where one timeline event goes: its year above the line, its marker, its text below."""

    year: Region
    marker: Region
    text: Region


YEAR_H = Inches(0.75)
MARKER = Inches(0.32)


def timeline_line_y(area: Region) -> int:
    """The y of the timeline's rule: just under the row of years, so the events below get most
    of the height."""
    return area.y + YEAR_H + Inches(0.2)


def timeline_slots(area: Region, count: int) -> list[TimelineSlot]:
    """``count`` equal columns across ``area``: year box, marker on the rule, text box."""
    line_y = timeline_line_y(area)
    text_top = line_y + Inches(0.3)
    slots = []
    for cell in area.grid(count, count, int(Inches(0.2))):
        centre = cell.x + cell.w // 2
        slots.append(TimelineSlot(
            year=Region(cell.x, area.y, cell.w, int(YEAR_H)),
            marker=Region(centre - MARKER // 2, line_y - MARKER // 2, int(MARKER), int(MARKER)),
            text=Region(cell.x, int(text_top), cell.w, area.bottom - int(text_top))))
    return slots


def number_region(title_region: Region, slide_width: int, slide_height: int) -> Region:
    """A small box in the bottom margin, right-aligned with the title's column, for the slide
    number when the layout has no slide-number placeholder."""
    width, height = int(Inches(1.2)), int(Inches(0.35))
    right = min(title_region.x + title_region.w, slide_width - title_region.x)
    return Region(right - width, slide_height - BOTTOM_MARGIN, width, height)

