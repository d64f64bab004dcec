"""What staff type to find a planted target (bench/search_targets.py), one kind at a time:

- ``spelling``: another transliteration of each name part (recorded or not);
- ``misspelling``: one slip in one part – a spelling habit (Mohammed → Mohamed,
  Hassan → Hasan, Yusuf → Jusuf, Kovalenko → Kowalenko) or a typo (a neighbouring key,
  a letter dropped, doubled or two swapped);
- ``order``: the family name first, sometimes with a comma;
- ``script``: the name in its original script (Arabic, Cyrillic, …);
- ``date``: one given name and the family name with a partial or full birth date, as far
  as staff know it.
"""

from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass

from bench.search_targets import Target

KINDS = ("spelling", "misspelling", "order", "script", "date")
SLIPS = (("mm", "m"), ("ss", "s"), ("ll", "l"), ("nn", "n"), ("dd", "d"), ("rr", "r"),
         ("m", "mm"), ("s", "ss"), ("l", "ll"), ("^Y", "J"), ("^J", "Y"), ("v", "w"),
         ("w", "v"), ("k", "c"), ("c", "k"), ("ph", "f"), ("kh", "ch"), ("sh", "sch"),
         ("ch", "tsch"), ("ou", "u"), ("u", "ou"), ("ei", "ai"), ("ie", "i"), ("y", "i"),
         ("i", "y"), ("e", "a"), ("a", "e"), ("o", "u"))
KEYBOARD = ("qwertzuiopü", "asdfghjklöä", "yxcvbnm")


@dataclass(frozen=True)
class Query:
    text: str
    person_id: uuid.UUID
    kind: str


def _neighbour(rng: random.Random, letter: str) -> str:
    for row in KEYBOARD:
        if (at := row.find(letter.lower())) >= 0:
            keys = [row[i] for i in (at - 1, at + 1) if 0 <= i < len(row)]
            return rng.choice(keys)
    return letter


def typo(rng: random.Random, word: str) -> str:
    """A typing slip inside the word (the first letter is rarely mistyped)."""
    at = rng.randrange(1, len(word) - 1)
    how = rng.randrange(4)
    if how == 0:
        return word[:at] + _neighbour(rng, word[at]) + word[at + 1:]
    if how == 1:
        return word[:at] + word[at + 1:]
    if how == 2:
        return word[:at] + word[at] + word[at:]
    return word[:at] + word[at + 1] + word[at] + word[at + 2:]


def misspell(rng: random.Random, word: str) -> str:
    """One slip: a spelling habit where one applies (half the time), else a typo."""
    habits = [(old, new) for old, new in SLIPS
              if re.search(old if old.startswith("^") else re.escape(old), word)]
    if habits and rng.random() < 0.5:
        old, new = rng.choice(habits)
        pattern = old if old.startswith("^") else re.escape(old)
        spots = [m.start() for m in re.finditer(pattern, word)]
        at = rng.choice(spots)
        width = len(old.lstrip("^"))
        return word[:at] + new + word[at + width:]
    return typo(rng, word) if len(word) >= 4 else word


def _other(rng: random.Random, target: Target, part: int) -> str:
    forms, stored = target.parts[part], target.spelling[part]
    others = [latin for i, latin in enumerate(forms.latin) if i != stored]
    return rng.choice(others) if others else forms.latin[stored]


def _stored(target: Target) -> list[str]:
    return [forms.latin[i] for forms, i in zip(target.parts, target.spelling, strict=True)]


def _date(rng: random.Random, target: Target) -> str:
    born, precision = target.person.birth_date, target.person.birth_date_precision
    if precision == "year":
        return str(born.year) if rng.random() < 0.7 else f"{rng.randint(1, 28):02d}.06.{born.year}"
    if precision == "month" or rng.random() < 0.5:
        return f"{born.month:02d}.{born.year}"
    return f"{born.day:02d}.{born.month:02d}.{born.year}"


def query_text(rng: random.Random, target: Target, kind: str) -> str:
    given, second, family = _stored(target)
    if kind == "spelling":
        return " ".join(_other(rng, target, part) for part in range(3))
    if kind == "misspelling":
        words = [given, second, family]
        part = rng.randrange(3)
        words[part] = misspell(rng, words[part])
        return " ".join(words)
    if kind == "order":
        return f"{family}{',' if rng.random() < 0.3 else ''} {given} {second}"
    if kind == "script":
        parts = target.parts
        return f"{parts[0].original} {parts[1].original} {parts[2].original}"
    first = given if rng.random() < 0.6 else _other(rng, target, 0)
    return f"{first} {family} {_date(rng, target)}"


def make_queries(targets: list[Target], count: int, seed: int = 11) -> list[Query]:
    """``count`` queries, the kinds in turn; the original script only for targets that have
    one."""
    rng, queries = random.Random(seed), []
    with_script = [t for t in targets if all(forms.original for forms in t.parts)]
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        target = rng.choice(with_script if kind == "script" else targets)
        queries.append(Query(query_text(rng, target, kind), target.person.id, kind))
    return queries
