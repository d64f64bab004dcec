"""From letter values to PDF bytes: one letter, or many into one print-ready PDF."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from io import BytesIO
from typing import BinaryIO

from app.letters.canvas import LetterCanvas, fresh_canvas
from app.letters.check import raise_if_invalid
from app.letters.consent import consent_flowables
from app.letters.document import PartLayout, build_part
from app.letters.model import ConsentForm, Letter, ReferralLetter, RouteSheet
from app.letters.person_part import person_part_flowables
from app.letters.referral import info_lines, referral_flowables
from app.letters.route_sheet import route_sheet_flowables

# Goes into the print log with the SHA-256: same data + same template version = same bytes.
TEMPLATE_VERSION = "2026.1"


def render_letter(letter: Letter) -> bytes:
    """One letter as PDF; raises :class:`LetterError` before anything is drawn."""
    raise_if_invalid(letter)
    out = BytesIO()
    canvas = fresh_canvas(out)
    draw_letter(canvas, letter)
    canvas.save()
    return out.getvalue()


def render_letters(letters: Iterable[Letter], out: BinaryIO,
                   progress: Callable[[int], None] | None = None) -> int:
    """Many letters (any kinds) into one PDF, each on new pages with its own numbering.

    All letters are checked first, so a bad one stops the batch before a page is written;
    then they are laid out one by one onto the same canvas, so memory holds one letter's
    drawing plus the compressed pages written so far. ``progress`` hears the number of
    letters drawn after each one. Returns the number of pages.
    """
    batch = list(letters)
    for index, letter in enumerate(batch):
        raise_if_invalid(letter, f"letters[{index}].")
    canvas = fresh_canvas(out)
    for drawn, letter in enumerate(batch, 1):
        draw_letter(canvas, letter)
        if progress is not None:
            progress(drawn)
    canvas.save()
    return canvas.pages_written


def draw_letter(canvas: LetterCanvas, letter: Letter) -> None:
    if isinstance(letter, ReferralLetter):
        _draw_referral(canvas, letter)
    elif isinstance(letter, ConsentForm):
        _draw_consent(canvas, letter)
    else:
        _draw_route_sheet(canvas, letter)


def _header(letter: Letter, what: str) -> str:
    copy = " · Zweitschrift" if letter.copy else ""
    return f"{what} {letter.reference} · {letter.sender.office.name}{copy}"


def _draw_referral(canvas: LetterCanvas, letter: ReferralLetter) -> None:
    layout = PartLayout(letter.sender, _header(letter, "Überleitung"), letter.copy,
                        f"Überleitung {letter.reference}", recipient=letter.recipient,
                        info=info_lines(letter))
    build_part(canvas, layout, referral_flowables(letter))
    texts, story = person_part_flowables(letter)
    person_layout = PartLayout(letter.sender, _header(letter, "Überleitung"), letter.copy,
                               layout.title, page_label=texts.page_label,
                               label_language=texts.language)
    build_part(canvas, person_layout, story)


def _draw_consent(canvas: LetterCanvas, form: ConsentForm) -> None:
    layout = PartLayout(form.sender, _header(form, "Einwilligungserklärung"), form.copy,
                        f"Einwilligungserklärung {form.reference}")
    build_part(canvas, layout, consent_flowables(form, german=True))
    if form.language != "de":
        build_part(canvas, layout, consent_flowables(form, german=False))


def _draw_route_sheet(canvas: LetterCanvas, sheet: RouteSheet) -> None:
    _, story = route_sheet_flowables(sheet)
    layout = PartLayout(sheet.sender, _header(sheet, "Laufzettel"), sheet.copy,
                        f"Laufzettel {sheet.reference}")
    build_part(canvas, layout, story)
