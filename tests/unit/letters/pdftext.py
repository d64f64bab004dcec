"""Reading letters back: text lines with their position (pdfminer.six), QR codes (pdfium +
zxing-cpp), and Arabic script turned from drawn (visual) back into reading order."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from io import BytesIO

import pypdfium2
import zxingcpp
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

_ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_LETTER = "0-9A-Za-z\u00c0-\u024f\u0400-\u04ff"
# A left-to-right run: from a Latin letter or digit to the last one before Arabic script.
_LTR_RUN = re.compile(f"[{_LETTER}](?:[^\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]*[{_LETTER}])?")
MM = 72 / 25.4
PAGE_HEIGHT_MM = 297


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x0: float  # millimetres from the left edge
    x1: float
    top: float  # millimetres from the top edge
    bottom: float

    @property
    def logical(self) -> str:
        """The line in reading order for right-to-left text: characters right to left, runs
        that read left to right (numbers, Latin names) back in their order, then
        presentation forms back to letters. A line without Arabic script stays as it is."""
        if not _ARABIC.search(self.text):
            return self.text
        flipped = _LTR_RUN.sub(lambda run: run.group()[::-1], self.text[::-1])
        return unicodedata.normalize("NFKC", flipped)


def _lines(container: object, page: int) -> list[Line]:
    found = []
    for item in container:  # type: ignore[attr-defined]
        if isinstance(item, LTTextLine):
            x0, y0, x1, y1 = item.bbox
            found.append(Line(page, item.get_text().strip(), x0 / MM, x1 / MM,
                              PAGE_HEIGHT_MM - y1 / MM, PAGE_HEIGHT_MM - y0 / MM))
        elif isinstance(item, LTTextContainer):
            found += _lines(item, page)
    return found


def pdf_lines(pdf: bytes) -> list[Line]:
    params = LAParams(char_margin=1.0, line_margin=0.2, boxes_flow=None)
    lines = []
    for number, page in enumerate(extract_pages(BytesIO(pdf), laparams=params), 1):
        lines += _lines(page, number)
    return lines


def page_texts(pdf: bytes) -> list[str]:
    pages: dict[int, list[str]] = {}
    for line in pdf_lines(pdf):
        pages.setdefault(line.page, []).append(line.text)
    return ["\n".join(pages[p]) for p in sorted(pages)]


def logical_text(pdf: bytes) -> str:
    """All lines, Arabic ones turned into reading order (NFKC), for "contains" checks."""
    return "\n".join(f"{line.text}\n{line.logical}" for line in pdf_lines(pdf))


def qr_codes(pdf: bytes, page: int = 0) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    image = document[page].render(scale=4).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]
