"""Search keys for names written in many ways, and for birth dates.

A name reaches the counter in several transliterations (Mohammed / Muhammad / Mohamad /
محمد, Al-Hassan / Alhasan / Hasan / الحسن, Oleksandr / Aleksandr / Олександр) and with
German spelling habits (Meier / Mayer). Each name token gets four keys, written as one word
each (a letter for the kind, then the key), so that the full-text indexes of both engines
(SQLite FTS5, PostgreSQL tsvector) take them as they are:

- ``f`` the folded form – any script transliterated to ASCII (anyascii), lower case,
  letters only – matched by prefix while the user types;
- ``r`` the folded form reversed: a misspelt name still has its first or its last half
  right, so a prefix of either half finds it (one slip, see app/search/terms.py);
- ``s`` a consonant skeleton – the first sound, then the consonants without h/w/y, with
  common digraphs unified and doubled letters collapsed. Arabic script is written without
  short vowels, so comparing consonants is what makes ``mhmd`` meet ``Muhammad``;
- ``k`` the Kölner Phonetik code, the German standard for names that sound alike.

The Arabic article (al-, el-, ال) is indexed both with and without it. A birth date gets
keys for its year, month and day as far as they are known (``date_keys``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import cologne_phonetics
from anyascii import anyascii

_ARABIC_ARTICLE = "\u0627\u0644"  # ال
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ul)-", re.IGNORECASE)
_NON_LETTERS = re.compile(r"[^a-z]+")
_SPLIT = re.compile(r"[\s,;/]+")
_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("th", "t"),
             ("dh", "d"), ("ph", "f"), ("zh", "j"), ("dj", "j"), ("dsch", "j"), ("tsch", "s"),
             ("ck", "k"), ("x", "ks"), ("q", "k"), ("c", "k"), ("z", "s"), ("v", "f"))
_VOWELS = set("aeiouy")
_SILENT = set("aeiouyhw")


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """Any script to plain lower-case ASCII letters: ``Hüseyin`` → ``huseyin``,
    ``محمد`` → ``mhmd``, ``Олександр`` → ``oleksandr``. Symbols and emoji are dropped
    before transliteration (anyascii would spell them out)."""
    letters = "".join(ch for ch in token if unicodedata.category(ch)[0] in "LM")
    return _NON_LETTERS.sub("", anyascii(letters).lower())


@lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """The consonant skeleton of a folded token: ``muhammad``, ``mohamed``, ``mhmd`` → ``md``;
    ``yusuf``, ``youssef``, ``ywsf`` → ``ysf``; ``oleksandr``, ``aleksandr`` → ``vlksndr``."""
    if not folded:
        return ""
    text = folded
    for digraph, sound in _DIGRAPHS:
        text = text.replace(digraph, sound)
    first = "v" if text[0] in _VOWELS else text[0]
    rest = [ch for ch in text[1:] if ch not in _SILENT]
    collapsed: list[str] = []
    for ch in [first, *rest]:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    return "".join(collapsed)


@lru_cache(maxsize=65536)
def koelner(folded: str) -> str:
    """The Kölner Phonetik code of a folded token (``meier``, ``mayer`` → ``67``)."""
    if not folded:
        return ""
    return "".join(code for _word, code in cologne_phonetics.encode(folded))


@lru_cache(maxsize=65536)
def variants(token: str) -> tuple[str, ...]:
    """The folded forms a token stands for: itself and, for an Arabic article, the name
    without it (``Al-Hassan`` → ``alhassan``, ``hassan``)."""
    forms = [fold(token)]
    if token.startswith(_ARABIC_ARTICLE) and len(token) > 3:
        forms.append(fold(token[len(_ARABIC_ARTICLE):]))
    elif _LATIN_ARTICLE.match(token):
        forms.append(fold(token[3:]))
    elif forms[0].startswith(("al", "el")) and len(forms[0]) >= 6:
        forms.append(forms[0][2:])  # "Alhasan": written together, indexed both ways
    return tuple(form for form in dict.fromkeys(forms) if form)


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """The name tokens of a text: split on blanks, commas and slashes; hyphenated double
    names stay one token but are also indexed by their parts."""
    parts: list[str] = []
    for raw in _SPLIT.split(text.strip()):
        if not raw:
            continue
        parts.append(raw)
        if "-" in raw and not _LATIN_ARTICLE.match(raw):
            parts += [piece for piece in raw.split("-") if piece]
    return tuple(parts)


def token_keys(form: str) -> tuple[str, ...]:
    """The keys of one folded form of a name token."""
    code = koelner(form)
    return (f"f{form}", f"r{form[::-1]}", f"s{skeleton(form)}", *((f"k{code}",) if code else ()))


def name_keys(names: Iterable[str]) -> set[str]:
    """Every search key of the given name texts (family names, given names, variants)."""
    return {key for text in names for token in tokens(text) for form in variants(token)
            for key in token_keys(form)}


def date_keys(born: date | None, precision: str) -> set[str]:
    """Keys of a birth date: ``y`` the year, ``m`` the month if known, ``d`` the day if
    known, ``o`` a date known only to the month, ``u`` a date known only to the year or
    written as the 01.01. placeholder – those fit any typed date of that year."""
    if born is None:
        return set()
    month, day = f"{born.year}{born.month:02d}", f"{born:%Y%m%d}"
    keys = {f"y{born.year}"}
    if precision != "year":
        keys.add(f"m{month}")
    if precision == "month":
        keys.add(f"o{month}")
    if precision == "day":
        keys.add(f"d{day}")
    if precision == "year" or (precision == "day" and (born.month, born.day) == (1, 1)):
        keys.add(f"u{born.year}")
    return keys
