"""The bundled fonts and which one prints which character.

DejaVu Sans sets Latin, Cyrillic and Greek, Noto Naskh Arabic the Arabic script (Arabic,
Persian, Dari, Pashto, …), Noto Sans Ethiopic the Ge'ez script (Tigrinya, Amharic). A
character none of them has is an error before anything prints – a box in a name on an
official letter is worse than no letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.letters.pdfcache import cache_subsets
from app.resources import resource_path


class Script(StrEnum):
    LATIN = "latin"  # also Cyrillic, Greek, digits and punctuation
    ARABIC = "arabic"
    ETHIOPIC = "ethiopic"


@dataclass(frozen=True)
class FontPair:
    regular: str
    bold: str

    def pick(self, bold: bool) -> str:
        return self.bold if bold else self.regular


FONTS = {
    Script.LATIN: FontPair("LotseSans", "LotseSans-Bold"),
    Script.ARABIC: FontPair("LotseNaskh", "LotseNaskh-Bold"),
    Script.ETHIOPIC: FontPair("LotseEthiopic", "LotseEthiopic-Bold"),
}
_FILES = {
    "LotseSans": "DejaVuSans.ttf",
    "LotseSans-Bold": "DejaVuSans-Bold.ttf",
    "LotseNaskh": "NotoNaskhArabic-Regular.ttf",
    "LotseNaskh-Bold": "NotoNaskhArabic-Bold.ttf",
    "LotseEthiopic": "NotoSansEthiopic-Regular.ttf",
    "LotseEthiopic-Bold": "NotoSansEthiopic-Bold.ttf",
}
# Noto Naskh looks smaller than DejaVu Sans at the same size; lines of Arabic script drawn
# by the renderers themselves (right-to-left paragraphs, lines) are set this much larger.
SCALE = {"LotseNaskh": 1.2, "LotseNaskh-Bold": 1.2}
BODY = FONTS[Script.LATIN].regular
BOLD = FONTS[Script.LATIN].bold

ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ETHIOPIC_CHARS = "\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f"
_ARABIC = re.compile(f"[{ARABIC_CHARS}]")
_ETHIOPIC = re.compile(f"[{ETHIOPIC_CHARS}]")
_OTHER_SCRIPT = re.compile(f"[{ARABIC_CHARS}{ETHIOPIC_CHARS}]")
# Runs of one script with the spaces and marks between its words, so a name stays one unit.
_RUN = re.compile(
    f"[{ARABIC_CHARS}]+(?:[ \u00a0\\-'.]+[{ARABIC_CHARS}]+)*"
    f"|[{ETHIOPIC_CHARS}]+(?:[ \u00a0\\-]+[{ETHIOPIC_CHARS}]+)*"
)
# Bidi controls the renderers add themselves; never printed, never a missing glyph.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def font_files() -> dict[str, str]:
    """The bundled font files by the name letters use for them (for ``lotse doctor``)."""
    return dict(_FILES)


@cache
def register_fonts() -> None:
    """Load the fonts once per process (the first letter pays for it)."""
    for name, filename in _FILES.items():
        font = TTFont(name, str(resource_path("fonts", filename)))
        cache_subsets(font)
        pdfmetrics.registerFont(font)
    for pair in FONTS.values():
        pdfmetrics.registerFontFamily(pair.regular, normal=pair.regular, bold=pair.bold,
                                      italic=pair.regular, boldItalic=pair.bold)


def script_of(char: str) -> Script:
    if _ARABIC.match(char):
        return Script.ARABIC
    if _ETHIOPIC.match(char):
        return Script.ETHIOPIC
    return Script.LATIN


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def script_runs(text: str) -> list[tuple[Script, str]]:
    """The text cut into runs: Arabic and Ethiopic words (with the spaces between them) and
    everything else."""
    runs: list[tuple[Script, str]] = []
    position = 0
    for match in _RUN.finditer(text):
        if match.start() > position:
            runs.append((Script.LATIN, text[position:match.start()]))
        runs.append((script_of(match.group()[0]), match.group()))
        position = match.end()
    if position < len(text):
        runs.append((Script.LATIN, text[position:]))
    return runs


@lru_cache(maxsize=8192)
def font_segments(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """Consecutive characters set in the same font, as (font name, text) – for drawing."""
    if _OTHER_SCRIPT.search(text) is None:
        return ((FONTS[Script.LATIN].pick(bold), text),)
    segments: list[tuple[str, str]] = []
    for char in text:
        name = FONTS[script_of(char)].pick(bold)
        if segments and segments[-1][0] == name:
            segments[-1] = (name, segments[-1][1] + char)
        else:
            segments.append((name, char))
    return tuple(segments)


@lru_cache(maxsize=8192)
def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(float(pdfmetrics.stringWidth(part, name, size * SCALE.get(name, 1)))
               for name, part in font_segments(text, bold))


@lru_cache(maxsize=4096)
def missing_glyphs(text: str) -> str:
    """The characters of ``text`` that the font for their script cannot print."""
    return _missing_glyphs(text)


@cache
def _covered(name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


def _missing_glyphs(text: str) -> str:
    missing = []
    for char in text:
        if char in BIDI_CONTROLS or char in "\n\r\t":
            continue
        pair = FONTS[script_of(char)]
        if ord(char) not in _covered(pair.regular) or ord(char) not in _covered(pair.bold):
            missing.append(char)
    return "".join(dict.fromkeys(missing))
