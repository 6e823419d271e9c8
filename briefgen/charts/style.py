"""Chart look shared by the picture renderer (and usable by writers): sizes and the palette.

Importing this module is cheap: it holds constants only and never imports matplotlib.
"""

from __future__ import annotations

#: Picture size in inches and resolution: 16:9 at 200 dpi gives 1600 x 900 pixels, sharp at
#: DOCX text width (about 16 cm) and on a full slide.
FIG_SIZE_IN: tuple[float, float] = (8.0, 4.5)
DPI: int = 200
PIXEL_SIZE: tuple[int, int] = (round(FIG_SIZE_IN[0] * DPI), round(FIG_SIZE_IN[1] * DPI))

#: One accent palette, in the order series and slices take their colours.
PALETTE: tuple[str, ...] = (
    "#1F4E79",  # dark blue
    "#2E8B8B",  # teal
    "#C9A227",  # gold
    "#7F7F7F",  # grey
    "#5B8DB8",  # light blue
    "#86BDBD",  # light teal
    "#E0C56E",  # light gold
    "#BFBFBF",  # light grey
)

TEXT_COLOUR = "#262626"  # labels and value labels
MUTED_COLOUR = "#595959"  # unit label, tick labels
GRID_COLOUR = "#E3E3E3"  # light horizontal grid
AXIS_COLOUR = "#A6A6A6"  # left and bottom spines
