"""Right-to-left text without reportlab's own bidi (rlbidi is not available).

Arabic letters are joined into their presentation forms (arabic-reshaper), then each line is
put into visual order (python-bidi). Lines are broken FIRST, in logical order, and only then
reordered one by one: reordering a whole paragraph before breaking it prints its lines
bottom-up. Values that read left to right (reference numbers, phone numbers, addresses)
are wrapped in a left-to-right embedding so that an Arabic sentence around them cannot turn
"02131 928-0" into "928-0 02131".
"""

from __future__ import annotations

from functools import lru_cache

from arabic_reshaper import reshape
from bidi import get_display
from bidi.algorithm import get_display as get_display_mirrored
from reportlab.pdfgen.canvas import Canvas

from app.letters.fonts import (
    BIDI_CONTROLS,
    SCALE,
    Script,
    font_segments,
    has_arabic,
    script_runs,
)

LRE, PDF = "\u202a", "\u202c"  # embeddings: both bidi implementations know them
RLM = "\u200f"  # after a value: two values side by side ("{office}, {phone}") stay apart
RTL_LANGUAGES = frozenset({"ar", "fa", "fa-AF", "ps", "ur", "ckb"})
_STRIP = str.maketrans("", "", BIDI_CONTROLS)


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


def isolate(value: str) -> str:
    """A value that keeps its own left-to-right order inside a right-to-left sentence."""
    if has_arabic(value) or value.startswith(LRE) or not value:
        return value
    return f"{LRE}{value}{PDF}{RLM}"


def strip_controls(text: str) -> str:
    return text.translate(_STRIP)


@lru_cache(maxsize=4096)
def shaped(text: str) -> str:
    """Arabic letters in their joined forms, still in logical order."""
    return reshape(text) if has_arabic(text) else text


_BRACKETS = frozenset("()[]{}<>«»‹›")


@lru_cache(maxsize=4096)
def visual(line: str, base: str = "R") -> str:
    """One shaped line in the order it is drawn from left to right.

    The fast (Rust) implementation does not mirror brackets, so a line with brackets goes
    through python-bidi's own algorithm, which does: "(إن وجدت)" must not print as ")…(".
    """
    if _BRACKETS.isdisjoint(line):
        return str(get_display(line, base_dir=base)).translate(_STRIP)
    return str(get_display_mirrored(line, base_dir=base)).translate(_STRIP)


def inline_run(text: str) -> str:
    """An Arabic-script run (a name) inside a left-to-right line: shaped, reordered as a unit
    and glued with non-breaking spaces so it never breaks across lines."""
    return visual(shaped(text)).replace(" ", "\u00a0")


@lru_cache(maxsize=4096)
def ltr_visual(text: str) -> str:
    """A left-to-right line with its Arabic-script runs in visual order."""
    if not has_arabic(text):
        return text
    return "".join(inline_run(run) if script is Script.ARABIC else run
                   for script, run in script_runs(text))


def draw_visual(canvas: Canvas, x: float, y: float, text: str, size: float,
                bold: bool = False) -> None:
    """Draw a line already in visual order, each character in the font of its script."""
    for name, part in font_segments(text, bold):
        scaled = size * SCALE.get(name, 1)
        canvas.setFont(name, scaled)
        canvas.drawString(x, y, part)
        x += canvas.stringWidth(part, name, scaled)
