"""Signature lines: room to sign, a line, and who signs below it – and the closing block of
the referral letter (greeting, signature lines, the QR code), which never splits."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.letters.lines import draw_lines, ltr_lines
from app.letters.qr import draw_qr
from app.letters.styles import BODY_STYLE, GREY, SMALL
from app.letters.textfit import fit_line

CAPTION = 7
ROOM = 12 * mm


def draw_signature_lines(canvas: object, captions: list[str], width: float,
                         gap: float = 8 * mm) -> None:
    """Lines side by side from (0, 10), ``gap`` apart, together ``width`` wide."""
    each = (width - gap * (len(captions) - 1)) / len(captions)
    canvas.setLineWidth(0.5)  # type: ignore[attr-defined]
    for index, caption in enumerate(captions):
        x = index * (each + gap)
        canvas.line(x, 10, x + each, 10)  # type: ignore[attr-defined]
        shown = ltr_lines(fit_line(caption, each, CAPTION), 10_000, CAPTION)
        draw_lines(canvas, shown, x, 2, each, CAPTION, CAPTION, GREY)


class SignatureRow(Flowable):  # type: ignore[misc]
    def __init__(self, captions: list[str], width: float) -> None:
        super().__init__()
        self.captions, self.width, self.height = captions, width, ROOM + 10

    def draw(self) -> None:
        draw_signature_lines(self.canv, self.captions, self.width)


class ClosingBlock(Flowable):  # type: ignore[misc]
    """"Mit freundlichen Grüßen", the signature lines and, at the right, the QR code with the
    reference below it: one unit, so the closing never stands alone on a page."""

    QR = 22 * mm

    def __init__(self, captions: list[str], reference: str, width: float) -> None:
        super().__init__()
        self.captions, self.reference = captions, reference
        self.width, self.height = width, self.QR + 10
        self.spaceBefore = 2 * mm

    def draw(self) -> None:
        canvas, size = self.canv, BODY_STYLE.size
        greeting = ltr_lines("Mit freundlichen Grüßen", 10_000, size)
        draw_lines(canvas, greeting, 0, self.height - size - 2, self.width, size, size)
        draw_signature_lines(canvas, self.captions, self.width - 50 * mm)
        left = self.width - self.QR
        draw_qr(canvas, self.reference, left, 10, self.QR)
        label = ltr_lines(self.reference, 10_000, SMALL.size)
        draw_lines(canvas, label, left, 2, self.QR, SMALL.size, SMALL.leading, GREY, right=True)
