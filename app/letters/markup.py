"""Paragraphs in the direction of their language.

Any value can hold a name in Arabic or Ethiopic script (a person, a household member, an
office's translation); the line layout (:mod:`app.letters.lines`) sets each run in the font
that has its glyphs and, for Arabic script, shapes and reorders it as one unit.
"""

from __future__ import annotations

from app.letters.blocks import Text, TextBlock
from app.letters.fonts import Script, script_of
from app.letters.rtl import is_rtl
from app.letters.styles import Style


def starts_rtl(text: str) -> bool:
    """Whether the first letter of ``text`` is Arabic script (a sentence, not just a name)."""
    first = next((char for char in text if char.isalpha()), "")
    return script_of(first) is Script.ARABIC if first else False


def text(value: str, style: Style, language: str = "de") -> Text:
    """A paragraph in the direction of ``language`` – or right to left in any part when the
    text itself is Arabic script (a note, a document name)."""
    return Text(value, style, is_rtl(language) or starts_rtl(value))


def para(value: str, style: Style, language: str = "de", marker: str = "") -> TextBlock:
    return TextBlock(text(value, style, language), marker)


def labelled(label: str, value: str, style: Style) -> TextBlock:
    """"Label: value" with the label in bold (German parts only)."""
    return TextBlock(Text(value, style, lead=label))
