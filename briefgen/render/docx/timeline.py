"""A timeline chart drawn in the document itself: a table of dates on a line, events under it.

The picture of a timeline (matplotlib) costs a build about half a second for the import alone
and is the only reason a default build would load matplotlib; it is also text nobody can edit
or search. So, as the PPTX writer draws its timeline with shapes, the DOCX writer lays the events
out as table cells: per band of events, a row of dates whose bottom borders form the line, then
a row with a marker and the event's label under each date. Word and LibreOffice both lay a table
out the same way, it reflows with the page, and its text keeps the document's styles.
Profiles that ask for pictures (``document.charts: picture``) still get the drawn picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefgen.plan.model import ChartSpec, TimelineItem
from briefgen.render.docx import oxml as ox

#: Events side by side in one band: as many as the plan puts on a timeline slide, for the same
#: reason (a label needs some width to stay readable).
MAX_PER_BAND = 6
MARKER = "●"
#: The line under the dates: 2.25 pt (eighths of a point), in the reference's heading colour.
LINE_SIZE = 18
#: Space above each band after the first, in points.
BAND_GAP_PT = 10


@dataclass(frozen=True)
class Event:
    """What one column of the timeline shows."""

    date: str
    label: str


@dataclass(frozen=True)
class TimelineLook:
    """Style ids and the line colour the table is drawn with (the document's own)."""

    text_style: str | None  # paragraph style of every cell ("Table Text")
    date_style: str | None  # character style of dates and markers ("Timeline Date")
    line_color: str


def events(spec: ChartSpec, timeline: Sequence[TimelineItem]) -> list[Event]:
    """The events of a timeline chart: the plan's milestones, else the chart's categories
    (what the picture draws too)."""
    if timeline:
        return [Event(t.date or t.year, t.label) for t in timeline]
    if spec.categories:
        return [Event("", c) for c in spec.categories]
    raise ValueError(f"chart {spec.id!r}: a timeline chart needs timeline items")


def bands(items: Sequence[Event], most: int = MAX_PER_BAND) -> list[list[Event]]:
    """``items`` in bands of at most ``most``, as even as possible (7 -> 4 + 3, not 6 + 1)."""
    if not items:
        return []
    count = -(-len(items) // most)
    size = -(-len(items) // count)
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def add_timeline(story: ox.Element, items: Sequence[Event], text_width: int, look: TimelineLook,
                 title: str, description: str,
                 first_paragraph: Callable[[ox.Element], None] = lambda p: None) -> ox.Element:
    """Append the timeline table of ``items`` to ``story``; return it.

    :param text_width: the text width in twips; the table fills it.
    :param first_paragraph: called with the table's first paragraph (a pending page break).
    """
    grouped = bands(items)
    columns = max(len(b) for b in grouped)
    widths = [text_width // columns] * columns
    table = ox.add_table(story, None, widths)
    ox.set_table_layout(table, 100, title)
    ox.set_table_description(table, description)
    styles = [look.text_style] * columns
    for number, band in enumerate(grouped):
        padded = band + [None] * (columns - len(band))
        dates = ox.add_table_row(table, widths, styles, [""] * columns)
        labels = ox.add_table_row(table, widths, styles, [e.label if e else "" for e in padded])
        for event, date_cell, label_cell in zip(padded, ox.table_cells(dates),
                                                ox.table_cells(labels), strict=True):
            _date_cell(date_cell, event, look, gap=number > 0)
            _label_cell(label_cell, event, look)
        for row in (dates, labels):
            ox.keep_row_together(row)
    first_paragraph(ox.cell_paragraph(ox.table_cells(ox.table_rows(table)[0])[0]))
    return table


def _date_cell(cell: ox.Element, event: Event | None, look: TimelineLook, gap: bool) -> None:
    """The date over the line; the cell's bottom border is the line's piece under it."""
    paragraph = ox.cell_paragraph(cell)
    ox.set_keep_next(paragraph)
    ox.set_alignment(paragraph, "center")
    if gap:
        ox.set_space_before(paragraph, BAND_GAP_PT)
    ox.set_cell_valign(cell, "bottom")
    if event is None:
        return
    if event.date:
        ox.set_run_style(ox.append_run(paragraph, event.date), look.date_style)
    ox.set_cell_border(cell, "bottom", look.line_color, LINE_SIZE)


def _label_cell(cell: ox.Element, event: Event | None, look: TimelineLook) -> None:
    """A marker under the line, then the label (already written by the row), centred."""
    paragraph = ox.cell_paragraph(cell)
    ox.set_keep_next(paragraph)
    ox.set_alignment(paragraph, "center")
    ox.set_cell_valign(cell, "top")
    if event is None:
        return
    marker = ox.add_paragraph_before(paragraph, look.text_style)
    ox.set_keep_next(marker)
    ox.set_alignment(marker, "center")
    ox.set_run_style(ox.append_run(marker, MARKER), look.date_style)
