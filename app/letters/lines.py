"""Breaking text into lines and drawing them – the light replacement for reportlab's
Paragraph: no markup to parse, greedy breaking with cached word widths, one PDF text object
per block.

A line is a tuple of words, each (text in visual order, bold). Arabic-script names inside a
left-to-right text are shaped and glued into one word; a right-to-left text is broken in
logical order first and only then put into visual order line by line, so a paragraph reads
top-down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from app.letters.fonts import SCALE, font_segments, has_arabic, text_width
from app.letters.rtl import ltr_visual, shaped, strip_controls, visual

Word = tuple[str, bool]  # (text as drawn, bold)


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]
    width: float


def _space(size: float, bold: bool) -> float:
    return text_width(" ", size, bold)


def _width(text: str, size: float, bold: bool) -> float:
    return text_width(strip_controls(text), size, bold)


def _cut(word: Word, width: float, size: float) -> list[Word]:
    """A word wider than the line (a long double name, a street with hyphens) cut after its
    hyphens, or where the line ends if there is no hyphen left, so nothing runs beyond the
    margin."""
    text, bold = word
    if _width(text, size, bold) <= width:
        return [word]
    pieces, current = [], ""
    for part in re.findall(r"[^-]*-|[^-]+", text):
        if _width(current + part, size, bold) <= width:
            current += part
            continue
        if current:
            pieces.append(current)
        while _width(part, size, bold) > width:
            cut = _fitting(part, width, size, bold)
            pieces.append(part[:cut])
            part = part[cut:]
        current = part
    return [(piece, bold) for piece in [*pieces, current] if piece]


def _fitting(text: str, width: float, size: float, bold: bool) -> int:
    """How many leading characters of ``text`` fit in ``width`` (at least one)."""
    for count in range(1, len(text) + 1):
        if _width(text[:count], size, bold) > width:
            return max(1, count - 1)
    return len(text)


def _greedy(words: Sequence[Word], width: float, size: float) -> list[list[Word]]:
    """Words into lines, each as full as ``width`` allows; a word wider than a line is cut."""
    lines: list[list[Word]] = [[]]
    used = 0.0
    for word in (piece for whole in words for piece in _cut(whole, width, size)):
        extent = text_width(strip_controls(word[0]), size, word[1])
        gap = _space(size, word[1]) if lines[-1] else 0.0
        if lines[-1] and used + gap + extent > width:
            lines.append([])
            used, gap = 0.0, 0.0
        lines[-1].append(word)
        used += gap + extent
    return lines


def _measure(words: Sequence[Word], size: float) -> float:
    widths = sum(text_width(text, size, bold) for text, bold in words)
    return widths + sum(_space(size, bold) for _, bold in words[1:])


@lru_cache(maxsize=4096)
def ltr_lines(text: str, width: float, size: float, bold: bool = False, lead: str = ""
              ) -> tuple[Line, ...]:
    """A left-to-right text (with a bold ``lead`` such as "Rechtsgrundlage:") in lines."""
    words = [(w, True) for w in lead.split()] + [(w, bold) for w in ltr_visual(text).split()]
    return tuple(Line(tuple(line), _measure(line, size))
                 for line in _greedy(words, width, size) if line)


@lru_cache(maxsize=4096)
def rtl_lines(text: str, width: float, size: float, bold: bool = False) -> tuple[Line, ...]:
    """A right-to-left text in lines, each in visual order. A text without Arabic script (an
    address line, an office name) keeps its own left-to-right order."""
    base = "R" if has_arabic(text) else "L"
    logical = [(w, bold) for w in shaped(text).split(" ") if w]
    lines = []
    for line in _greedy(logical, width, size):
        drawn = visual(" ".join(word for word, _ in line), base)
        lines.append(Line(((drawn, bold),), text_width(drawn, size, bold)))
    return tuple(lines) or (Line((), 0.0),)


def draw_lines(canvas: Canvas, lines: Iterable[Line], x: float, y: float, width: float,
               size: float, leading: float, color: Color | str = "black",
               right: bool = False) -> None:
    """Lines from the baseline ``y`` downwards, left- or right-aligned in ``width``."""
    text = canvas.beginText()
    text.setFillColor(color)
    current = ("", 0.0)
    for line in lines:
        text.setTextOrigin(x + (width - line.width if right else 0), y)
        for font, part in _segments(line.words):
            scaled = (font, size * SCALE.get(font, 1))
            if scaled != current:
                text.setFont(*scaled)
                current = scaled
            text.textOut(part)
        y -= leading
    canvas.drawText(text)


def _segments(words: Sequence[Word]) -> list[tuple[str, str]]:
    """The line as (font, text) pieces: words of the same weight joined by spaces."""
    pieces: list[tuple[str, str]] = []
    for index, (word, bold) in enumerate(words):
        shown = f" {word}" if index else word
        for font, part in font_segments(shown, bold):
            if pieces and pieces[-1][0] == font:
                pieces[-1] = (font, pieces[-1][1] + part)
            else:
                pieces.append((font, part))
    return pieces
