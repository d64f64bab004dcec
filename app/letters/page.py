"""What every page carries besides the text: letterhead, address field, information block,
fold marks and, on a reprint, the "Zweitschrift" mark."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.letters.fonts import text_width
from app.letters.model import Letterhead, PostalAddress
from app.letters.rtl import draw_visual, ltr_visual
from app.letters.styles import (
    ACCENT,
    ADDRESS_INDENT,
    ADDRESS_LEFT,
    ADDRESS_TOP,
    ADDRESS_WIDTH,
    GREY,
    INFO_LEFT,
    INFO_TOP,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RETURN_ZONE,
    RIGHT,
)
from app.letters.textfit import fit_line, wrap_lines

COPY_MARK = "Zweitschrift"


def top(distance: float) -> float:
    """A y coordinate given as distance from the top edge (as DIN 5008 measures)."""
    return float(PAGE_HEIGHT - distance)


def draw_line(canvas: Canvas, x: float, y: float, text: str, size: float,
              bold: bool = False, width: float | None = None) -> None:
    """One line of any script, shortened with "…" when wider than ``width``."""
    shown = fit_line(text, width, size, bold) if width else text
    draw_visual(canvas, x, y, ltr_visual(shown), size, bold)


def draw_letterhead(canvas: Canvas, sender: Letterhead, compact: bool = False) -> None:
    office = sender.office
    canvas.setFillColor(ACCENT)
    draw_line(canvas, LEFT, top(16 * mm), office.name, 13, True, 120 * mm)
    canvas.setFillColor(GREY)
    lines = [office.department, _street_city(office),
             " · ".join(p for p in (office.phone, office.email, office.website) if p)]
    if office.opening_hours and not compact:
        lines.append(f"Öffnungszeiten: {office.opening_hours}")
    y = top(21 * mm)
    for line in (line for line in lines if line):
        draw_line(canvas, LEFT, y, line, 8, width=120 * mm)
        y -= 10
    _draw_logo(canvas, sender.logo_png)
    canvas.setFillColor("black")


def _street_city(address: PostalAddress) -> str:
    city = " ".join(p for p in (address.postal_code, address.city) if p)
    return ", ".join(p for p in (address.street, city) if p)


def _draw_logo(canvas: Canvas, logo: bytes | None) -> None:
    """The logo slot, top right: 40 × 22 mm, the image scaled to fit."""
    if not logo:
        return
    canvas.drawImage(ImageReader(BytesIO(logo)), PAGE_WIDTH - RIGHT - 40 * mm, top(32 * mm),
                     40 * mm, 22 * mm, preserveAspectRatio=True, anchor="ne", mask="auto")


def return_address(sender: PostalAddress) -> str:
    return " · ".join(p for p in (sender.name, _street_city(sender)) if p)


def fitted_return_address(sender: PostalAddress, width: float) -> tuple[str, float]:
    """The return line at the largest size from 6.5 down to 5.5 pt that fits; failing that,
    the sender's name is shortened – never the street and city, which the post needs."""
    text = return_address(sender)
    for size in (6.5, 6.0, 5.5):
        if text_width(text, size) <= width:
            return text, size
    tail = f" · {_street_city(sender)}"
    return fit_line(sender.name, width - text_width(tail, 5.5), 5.5) + tail, 5.5


def recipient_lines(recipient: PostalAddress, size: float, width: float) -> list[str]:
    """At most six lines; street and city always shown, name and department wrapped and
    shortened so they never leave the field."""
    tail = [line for line in (recipient.street,
                              " ".join(p for p in (recipient.postal_code, recipient.city) if p))
            if line]
    room = 6 - len(tail)
    name = wrap_lines(recipient.name, width, size, max(1, room - (1 if recipient.department
                                                                  else 0)), True)
    department = wrap_lines(recipient.department, width, size, room - len(name), False)
    return [*name, *department, *(fit_line(line, width, size) for line in tail)]


def draw_address_field(canvas: Canvas, sender: PostalAddress, recipient: PostalAddress) -> None:
    x = ADDRESS_LEFT + ADDRESS_INDENT
    width = ADDRESS_WIDTH - ADDRESS_INDENT - 2 * mm
    canvas.setFillColor(GREY)
    y = top(ADDRESS_TOP + RETURN_ZONE - 2 * mm)
    text, size = fitted_return_address(sender, width)
    draw_line(canvas, x, y, text, size)
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(GREY)
    canvas.line(x, y - 1.5, x + width, y - 1.5)
    canvas.setFillColor("black")
    y = top(ADDRESS_TOP + RETURN_ZONE + 4 * mm)
    for number, line in enumerate(recipient_lines(recipient, 10, width)):
        draw_visual(canvas, x, y, ltr_visual(line), 10, number == 0)
        y -= 12


@dataclass(frozen=True)
class InfoLine:
    label: str
    value: str


def draw_info_block(canvas: Canvas, lines: list[InfoLine]) -> None:
    y = top(INFO_TOP + 3 * mm)
    value_x = INFO_LEFT + 27 * mm
    width = PAGE_WIDTH - RIGHT - value_x
    for line in lines:
        canvas.setFillColor(GREY)
        draw_line(canvas, INFO_LEFT, y, line.label, 7.5)
        canvas.setFillColor("black")
        draw_line(canvas, value_x, y, line.value, 8.5, width=width)
        y -= 11.5


def draw_fold_marks(canvas: Canvas) -> None:
    """Fold marks at 105 and 210 mm and the punch mark at 148.5 mm (form B)."""
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.4)
    for distance, length in ((105 * mm, 5 * mm), (210 * mm, 5 * mm), (148.5 * mm, 7 * mm)):
        canvas.line(3 * mm, top(distance), 3 * mm + length, top(distance))


def draw_copy_mark(canvas: Canvas) -> None:
    """A reprint: a line at the top and a light diagonal watermark, on every page."""
    canvas.saveState()
    canvas.setFillColorRGB(0.75, 0.1, 0.1)
    text = f"{COPY_MARK.upper()} – nicht das Original"
    width = text_width(text, 9, True)
    draw_visual(canvas, (PAGE_WIDTH - width) / 2, top(7 * mm), text, 9, True)
    canvas.setFillColorRGB(0.88, 0.88, 0.88)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(45)
    draw_visual(canvas, -text_width(COPY_MARK, 90, True) / 2, -30, COPY_MARK, 90, True)
    canvas.restoreState()


def draw_later_header(canvas: Canvas, text: str) -> None:
    canvas.setFillColor(GREY)
    draw_line(canvas, LEFT, top(14 * mm), text, 8, width=PAGE_WIDTH - LEFT - RIGHT)
    canvas.setFillColor("black")

