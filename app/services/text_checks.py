"""What may be typed into a name and into other text fields, and in which script.

Names are accepted in any script – Latin with diacritics, Arabic (with ZWNJ and tatweel, as
Persian and Pashto names need), Cyrillic, Ethiopic, … – but one name part is written in one
script. A name part that mixes scripts is refused: at the counter it is nearly always a
keyboard layout switched in mid-word (``Ivanоv`` with a Cyrillic о looks right and is found
by nobody), and a name in its own script belongs in a name variant, where search, letters and
right-to-left display treat it as what it is. Japanese (Han + Kana) and Korean (Hangul + Han)
count as one script each.

Names are NFKC-normalised (full-width letters, Arabic presentation forms and ligatures become
the plain letters search and letters expect); other text is NFC-normalised. Invisible control
characters, emoji and other symbols are refused with a message that names the character.
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import cache

import pycountry

from app.i18n import _, current_language

# Characters that belong to no script but are part of names: "Al-Hassan", "O'Brien", "Abd."
_NAME_PUNCTUATION = frozenset(" -'\u2010\u2019.")
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: Persian, Pashto, Indic names need them


def _is_variation_selector(ch: str) -> bool:  # invisible, only ever part of an emoji here
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"

_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_COMPATIBLE_SCRIPTS = (frozenset({"Hani", "Hira", "Kana"}), frozenset({"Hang", "Hani"}))
_SCRIPT_BY_NAME_PREFIX = {
    "LATIN": "Latn", "CYRILLIC": "Cyrl", "ARABIC": "Arab", "GREEK": "Grek", "HEBREW": "Hebr",
    "ARMENIAN": "Armn", "GEORGIAN": "Geor", "ETHIOPIC": "Ethi", "DEVANAGARI": "Deva",
    "BENGALI": "Beng", "GURMUKHI": "Guru", "GUJARATI": "Gujr", "ORIYA": "Orya", "TAMIL": "Taml",
    "TELUGU": "Telu", "KANNADA": "Knda", "MALAYALAM": "Mlym", "SINHALA": "Sinh", "THAI": "Thai",
    "LAO": "Laoo", "TIBETAN": "Tibt", "MYANMAR": "Mymr", "KHMER": "Khmr", "HANGUL": "Hang",
    "HIRAGANA": "Hira", "KATAKANA": "Kana", "CJK": "Hani", "SYRIAC": "Syrc", "THAANA": "Thaa",
    "MONGOLIAN": "Mong", "TIFINAGH": "Tfng", "NKO": "Nkoo",
}
_SCRIPT_NEUTRAL_PREFIXES = frozenset({"MODIFIER", "COMBINING"})


def normalize_name(text: str) -> str:
    """NFKC, trimmed, runs of spaces collapsed to one."""
    return _single_spaced(unicodedata.normalize("NFKC", text))


def normalize_text(text: str, *, multiline: bool = False) -> str:
    """NFC and trimmed; single-line text also loses doubled spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").strip()
    return text if multiline else _single_spaced(text)


def _single_spaced(text: str) -> str:
    return " ".join(part for part in text.split(" ") if part).strip()


def show_character(ch: str) -> str:
    """A character as a message can show it: visible ones quoted, all with their code point."""
    code = f"U+{ord(ch):04X}"
    if unicodedata.category(ch)[0] in "CZM" and ch != " ":
        return code
    return f"„{ch}“ ({code})"


def printable(text: str) -> str:
    """Typed text as a message can echo it: invisible characters as their code point."""
    return "".join(ch if ch.isprintable() else f"U+{ord(ch):04X}" for ch in text)


def character_script(ch: str) -> str | None:
    """The ISO 15924 code of a letter's script; None for marks and script-neutral letters."""
    if unicodedata.category(ch)[0] != "L":
        return None
    prefix = unicodedata.name(ch, "").split(" ", 1)[0]
    if prefix in _SCRIPT_NEUTRAL_PREFIXES:
        return None
    return _SCRIPT_BY_NAME_PREFIX.get(prefix) or _script_named(prefix)


@cache
def _script_named(prefix: str) -> str:
    """A script not in the table, looked up by name; ``Zzzz`` (uncoded) if unknown."""
    script = pycountry.scripts.get(name=prefix.title()) if prefix else None
    return str(script.alpha_4) if script is not None else "Zzzz"


def scripts_of(text: str) -> set[str]:
    return {script for ch in text if (script := character_script(ch)) is not None}


def main_script(text: str) -> str:
    """The script a name is written in (``Latn`` if it has no letters of its own)."""
    found = sorted(scripts_of(text))
    if len(found) > 1:
        for group, alias in zip(_COMPATIBLE_SCRIPTS, ("Jpan", "Kore"), strict=True):
            if set(found) <= group:
                return alias
    return found[0] if found else "Latn"


def script_name(code: str) -> str:
    """The name of a script in the user interface language (``Arab`` → "Arabisch")."""
    script = pycountry.scripts.get(alpha_4=code)
    if script is None:
        return code
    return _script_catalog(current_language()).gettext(str(script.name)).split(" (", 1)[0]


def name_problem(text: str) -> str | None:
    """Why a (normalised) name part is not acceptable, or None."""
    for ch in text:
        problem = _name_character_problem(ch)
        if problem:
            return problem
    if text and not any(unicodedata.category(ch)[0] == "L" for ch in text):
        return _("enthält keinen Buchstaben; erwartet wird ein Name")
    return _mixed_scripts_problem(text)


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """Why a (normalised) free text is not acceptable, or None."""
    for ch in text:
        if multiline and ch in "\n\t":
            continue
        if unicodedata.category(ch) in _REFUSED_CATEGORIES or ch in "\r\n\t":
            return _("enthält das unsichtbare Steuerzeichen {char}; bitte entfernen").format(
                char=show_character(ch))
        if unicodedata.category(ch) == "So" and not multiline:
            return _("enthält das Symbol {char} (z. B. ein Emoji); erwartet wird Text aus "
                     "Buchstaben, Ziffern und Satzzeichen").format(char=show_character(ch))
    return None


def _name_character_problem(ch: str) -> str | None:
    category = unicodedata.category(ch)
    if _is_variation_selector(ch):
        category = "Cf"
    elif (category[0] in "LM" and category != "Me") or ch in _NAME_PUNCTUATION or ch in _JOINERS:
        return None
    if category in _REFUSED_CATEGORIES or category[0] == "Z":
        return _("enthält das unsichtbare Steuerzeichen {char}; bitte entfernen").format(
            char=show_character(ch))
    if category[0] == "N":
        return _("enthält die Ziffer {char}; in Namen werden nur Buchstaben, Leerzeichen, "
                 "Bindestrich und Apostroph erwartet").format(char=show_character(ch))
    return _("enthält das Zeichen {char}, das in Namen nicht vorkommt (z. B. ein Emoji "
             "oder Symbol); erwartet werden Buchstaben, Leerzeichen, Bindestrich und "
             "Apostroph").format(char=show_character(ch))


def _mixed_scripts_problem(text: str) -> str | None:
    found = scripts_of(text)
    if len(found) <= 1 or any(found <= group for group in _COMPATIBLE_SCRIPTS):
        return None
    return _("mischt die Schriften {scripts}; ein Namensteil wird in einer Schrift "
             "geschrieben – die Schreibweise in einer anderen Schrift bitte als "
             "Namensvariante erfassen").format(
        scripts=", ".join(script_name(code) for code in sorted(found)))


@cache
def _script_catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso15924", pycountry.LOCALES_DIR, languages=[language],
                               fallback=True)
