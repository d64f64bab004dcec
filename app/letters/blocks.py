"""Light flowables for the letters: a text block and label/value rows.

They lay out with :mod:`app.letters.lines` (cached, no markup) and draw each block as one
PDF text object; Platypus only places them on pages. A text block splits between lines, the
rows between rows, so a long letter runs over pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.letters.lines import Line, draw_lines, ltr_lines, rtl_lines
from app.letters.styles import GREY, Style


@dataclass(frozen=True)
class Text:
    """A paragraph before layout: its words, style and direction."""

    text: str
    style: Style
    rtl: bool = False
    lead: str = ""  # a bold start in a left-to-right text ("Rechtsgrundlage:")

    def lines(self, width: float) -> tuple[Line, ...]:
        st = self.style
        if self.rtl:
            return rtl_lines(self.text, width - st.indent, st.size, st.bold)
        return ltr_lines(self.text, width - st.indent, st.size, st.bold, self.lead)

    def height(self, width: float) -> float:
        return len(self.lines(width)) * self.style.leading


def draw_text(canvas: object, text: Text, lines: Sequence[Line], x: float, top: float,
              width: float) -> None:
    """``lines`` of ``text`` with the top of the first at ``top``."""
    st = text.style
    left = x if text.rtl else x + st.indent
    draw_lines(canvas, lines, left, top - st.size, width - st.indent, st.size,
               st.leading, st.color, right=text.rtl)


class TextBlock(Flowable):  # type: ignore[misc]
    """One paragraph; ``marker`` ("•" or "box") sits in the indent of the first line."""

    def __init__(self, text: Text, marker: str = "",
                 lines: tuple[Line, ...] | None = None) -> None:
        super().__init__()
        self.text, self.marker, self._lines = text, marker, lines
        style = text.style
        self.spaceBefore, self.spaceAfter = style.space_before, style.space_after
        self.keepWithNext = style.keep_with_next

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        if self._lines is None or getattr(self, "_laid_for", None) != availWidth:
            self._lines = self.text.lines(availWidth)
            self._laid_for = availWidth
        self.height = len(self._lines) * self.text.style.leading
        return availWidth, self.height

    def draw(self) -> None:
        assert self._lines is not None
        draw_text(self.canv, self.text, self._lines, 0, self.height, self.width)
        if self.marker:
            self._draw_marker()

    def _draw_marker(self) -> None:
        st, canvas = self.text.style, self.canv
        x = self.width - st.indent + 3 if self.text.rtl else 0
        if self.marker == "box":
            canvas.setLineWidth(0.8)
            canvas.rect(x, self.height - st.size - 1.5, 4 * mm, 4 * mm, stroke=1, fill=0)
            return
        draw_lines(canvas, ltr_lines(self.marker, st.indent, st.size), x,
                   self.height - st.size, st.indent, st.size, st.leading, st.color)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = int(availHeight // self.text.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return []
        head = TextBlock(self.text, self.marker, self._lines[:fit])
        tail = TextBlock(self.text, "", self._lines[fit:])
        head.spaceAfter = tail.spaceBefore = 0
        return [head, tail]


def block(text: str, style: Style, rtl: bool = False, marker: str = "",
          lead: str = "") -> TextBlock:
    return TextBlock(Text(text, style, rtl, lead), marker)


Cell = Sequence[Text]  # the paragraphs in one cell, one below the other


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]
    widths: Sequence[float]  # one per cell


class Rows(Flowable):  # type: ignore[misc]
    """Rows of cells side by side (label | value, or label | value | label | value), with an
    optional thin rule between the rows; splits between rows."""

    def __init__(self, rows: Sequence[Row], gap: float = 1, rules: bool = False) -> None:
        super().__init__()
        self.rows, self.gap, self.rules = list(rows), gap, rules
        self.pad = 2 if rules else 0

    def _row_height(self, row: Row) -> float:
        cells = (sum(t.height(w - 2 * self.pad) for t in cell)
                 for cell, w in zip(row.cells, row.widths, strict=True))
        return max(cells, default=0) + self.gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.heights = [self._row_height(row) for row in self.rows]
        self.width = max((sum(row.widths) for row in self.rows), default=0)
        self.height = sum(self.heights)
        return self.width, self.height

    def draw(self) -> None:
        top = self.height
        for row, height in zip(self.rows, self.heights, strict=True):
            self._draw_row(row, top)
            top -= height
            if self.rules and top > 0.5:
                self.canv.setStrokeColor(GREY)
                self.canv.setLineWidth(0.25)
                self.canv.line(0, top + 1, self.width, top + 1)

    def _draw_row(self, row: Row, top: float) -> None:
        x = 0.0
        for cell, width in zip(row.cells, row.widths, strict=True):
            y = top
            for text in cell:
                inner = width - 2 * self.pad
                draw_text(self.canv, text, text.lines(inner), x + self.pad, y, inner)
                y -= text.height(inner)
            x += width

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        used, fit = 0.0, 0
        while fit < len(self.rows) and used + self.heights[fit] <= availHeight:
            used += self.heights[fit]
            fit += 1
        if fit == 0 or fit == len(self.rows):
            return []
        return [Rows(self.rows[:fit], self.gap, self.rules),
                Rows(self.rows[fit:], self.gap, self.rules)]
