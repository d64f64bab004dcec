"""Page geometry (DIN 5008 form B on A4) and the text styles of every letter."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 25 * mm  # text starts here (DIN 5008: 25 mm)
RIGHT = 20 * mm
BODY_WIDTH = PAGE_WIDTH - LEFT - RIGHT
BOTTOM = 18 * mm  # room for the page number below the frame

# The address field of form B: 45 mm from the top edge, 20 mm from the left, 85 × 45 mm.
# Its upper 17.7 mm hold the return address (Rücksendeangabe), the lower 27.3 mm the
# recipient (at most six lines).
ADDRESS_LEFT = 20 * mm
ADDRESS_TOP = 45 * mm
ADDRESS_WIDTH = 85 * mm
ADDRESS_HEIGHT = 45 * mm
RETURN_ZONE = 17.7 * mm
ADDRESS_INDENT = 5 * mm  # text inside the window, clear of its edge
INFO_LEFT = 125 * mm  # the information block beside the address field
INFO_TOP = 50 * mm
FIRST_BODY_TOP = 98.5 * mm  # the subject line starts below the address field
LATER_BODY_TOP = 22 * mm
SHEET_BODY_TOP = 38 * mm  # consent form, route sheet, the person's part: no address field

ACCENT = Color(0.11, 0.27, 0.45)
GREY = Color(0.35, 0.35, 0.35)


@dataclass(frozen=True)
class Style:
    """How a block of text looks; ``indent`` leaves room for a bullet or a box."""

    size: float
    leading: float
    bold: bool = False
    color: Color = black
    space_before: float = 0
    space_after: float = 0
    indent: float = 0
    keep_with_next: bool = False


BODY_STYLE = Style(9.5, 12, space_after=2.5)
SMALL = Style(8, 10, space_after=2, color=GREY)
TINY = Style(7, 8.5, color=GREY)
SUBJECT = Style(10.5, 13, True, space_after=5)
HEADING = Style(9.5, 12, True, ACCENT, space_before=3, space_after=1, keep_with_next=True)
TITLE = Style(14, 18, True, ACCENT, space_after=6)
LIST_ITEM = Style(9.5, 11.5, space_after=0.5, indent=10)
CELL = Style(9, 11)
CELL_LABEL = Style(8.5, 11, color=GREY)
CHECK_ITEM = Style(9, 11, space_after=3, indent=9 * mm)
