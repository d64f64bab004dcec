"""A canvas that numbers the pages of each part of a letter ("Seite 2 von 3").

The total is known only when a part ends, so finished pages wait (their drawing operations,
nothing else) until then; a part of one page gets no number. Many letters share one canvas
(:func:`app.letters.render_letters`): each letter's pages are written out when it ends, so
memory holds one letter, not the whole batch.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from app.letters.fonts import BODY, BOLD, register_fonts, text_width
from app.letters.pdfcache import seed_subsets
from app.letters.rtl import draw_visual, is_rtl, shaped, visual

PageLabel = Callable[[int, int], str]  # (page, pages) -> "Seite 1 von 2"
_OWN = frozenset({"_waiting", "_labels", "pages_written"})  # not part of a page's state


def german_page_label(page: int, pages: int) -> str:
    return f"Seite {page} von {pages}"


class LetterCanvas(Canvas):  # type: ignore[misc]
    """Holds back the pages of the current part until its page count is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        super().__init__(*args, **kwargs)
        self._waiting: list[dict[str, Any]] = []
        self._labels: list[tuple[PageLabel, str]] = []
        self.label: PageLabel = german_page_label
        self.label_language = "de"
        self.pages_written = 0

    def showPage(self) -> None:
        self._waiting.append({k: v for k, v in self.__dict__.items() if k not in _OWN})
        self._labels.append((self.label, self.label_language))
        self._startPage()

    def end_part(self) -> None:
        """Write out the waiting pages, numbered when there are several."""
        waiting, labels = self._waiting, self._labels
        self._waiting, self._labels = [], []
        for number, (state, (label, language)) in enumerate(zip(waiting, labels, strict=True), 1):
            self.__dict__.update(state)
            if len(waiting) > 1:
                self._draw_number(label(number, len(waiting)), language)
            Canvas.showPage(self)
            self._compress_last_page()
            self.pages_written += 1

    def _compress_last_page(self) -> None:
        """Compress the page's drawing now rather than when the file is saved: a batch then
        holds about 2 KB per written page instead of its uncompressed operators (~17 KB).
        Same bytes as reportlab's own compression at save, so output stays identical."""
        page = self._doc.Pages.pages[-1]
        if not (page.compression and isinstance(page.stream, str)):
            return
        contents = PDFStream(content=zlib.compress(page.stream.encode("utf8")))
        contents.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        contents.__Comment__ = "page stream"
        page.Contents, page.stream = contents, None

    def _draw_number(self, text: str, language: str) -> None:
        size = 8
        line = visual(shaped(text)) if is_rtl(language) else text
        x = self._pagesize[0] - 20 * mm - text_width(line, size)
        self.setFillGray(0.25)
        draw_visual(self, x, 10 * mm, line, size)

    def save(self) -> None:
        self.end_part()
        super().save()


def fresh_canvas(out: Any) -> LetterCanvas:
    canvas = LetterCanvas(out, invariant=1, pageCompression=1, initialFontName=BODY)
    canvas.setAuthor("Lotse")
    canvas.setCreator("Lotse")
    canvas.setProducer("Lotse")
    seed_subsets(canvas._doc, (BODY, BOLD))
    return canvas
