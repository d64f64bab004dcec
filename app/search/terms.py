"""What a search looks for in the index: per typed token a group of keys, any of which may
hit; a person must be hit in every group.

The search widens in three steps and stops as soon as it has enough candidates, so the
common case – a name spelled as stored – costs one indexed look-up:

1. ``AS_WRITTEN``: the folded form; the last token by prefix (it is still being typed),
   the others as whole words.
2. ``SOUNDS_ALIKE``: every token by prefix, or the same consonant skeleton, or the same
   Kölner Phonetik code (Mohamad / Muhammad / محمد, Jusuf / Yusuf, Kowalenko / Kovalenko).
3. ``ONE_SLIP``: also the first or the last half of the token (a prefix of the folded or of
   the reversed form). One slip – a letter dropped, added, replaced or two swapped – leaves
   one half intact, so any single typo is found without a trigram scan (on PostgreSQL not
   in names of up to four letters, whose halves are single letters; see ``SHORTEST``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from app.search.keys import koelner, skeleton, variants
from app.search.query import DateFilter, ParsedQuery

MAX_TOKENS = 6  # more typed names narrow nothing further; they still count in the ranking
# The shortest prefix looked up. SQLite's FTS5 keeps ready-made lists down to one letter
# (migration 0003); PostgreSQL would merge the lists of every name with that letter, so
# there a single typed letter only counts in the ranking.
SHORTEST = {"sqlite": 1, "postgresql": 2}


class Step(IntEnum):
    AS_WRITTEN = 0
    SOUNDS_ALIKE = 1
    ONE_SLIP = 2


@dataclass(frozen=True, order=True)
class Key:
    text: str  # a key as stored: kind letter + key, only [a-z0-9]
    prefix: bool = False  # matches every stored key that starts with it


Group = frozenset[Key]  # any of these keys
Expression = tuple[Group, ...]  # every group


def _halves(form: str) -> tuple[int, int]:
    """Lengths of a beginning and an end of the word of which one slip – also two swapped
    letters – leaves at least one intact: together one letter shorter than the word. The
    beginning is the longer one: the first letter is the one least often mistyped."""
    end = (len(form) - 1) // 2
    return len(form) - 1 - end, end


def token_group(token: str, step: Step, *, last: bool, shortest: int) -> Group:
    """The keys one typed token may hit at the given step."""
    forms = [form for form in variants(token) if len(form) >= shortest]
    keys = {Key(f"f{form}", prefix=last or step > Step.AS_WRITTEN) for form in forms}
    if step >= Step.SOUNDS_ALIKE:
        keys |= {Key(f"s{skeleton(form)}") for form in forms if len(form) >= 3}
        keys |= {Key(f"k{koelner(form)}") for form in forms if len(form) >= 3 and koelner(form)}
    if step >= Step.ONE_SLIP:
        for form in forms:
            start, end = _halves(form)
            if start >= shortest:
                keys.add(Key(f"f{form[:start]}", prefix=True))
            if end >= shortest:
                keys.add(Key(f"r{form[::-1][:end]}", prefix=True))
    return frozenset(keys)


def date_group(birth: DateFilter) -> Group:
    """Stored dates that fit a typed date: the same year, month or day, and dates known
    less precisely (only the year, or a 01.01. placeholder) that may be the same."""
    year, month = birth.first.year, f"{birth.first.year}{birth.first.month:02d}"
    if birth.precision == "year":
        keys = {f"y{year}"}
    elif birth.precision == "month":
        keys = {f"m{month}", f"u{year}"}
    else:
        keys = {f"d{birth.first:%Y%m%d}", f"o{month}", f"u{year}"}
    return frozenset(Key(key) for key in keys)


def expression(parsed: ParsedQuery, step: Step, *, shortest: int) -> Expression:
    """Everything the typed text asks for at one step (empty: nothing to look up)."""
    names = parsed.names[:MAX_TOKENS]
    groups = [token_group(token, step, last=index == len(names) - 1, shortest=shortest)
              for index, token in enumerate(names)]
    if parsed.birth:
        groups.append(date_group(parsed.birth))
    return tuple(group for group in groups if group)


def asks_every_token(parsed: ParsedQuery, *, shortest: int) -> bool:
    """True if every typed name takes part in the look-up (none too short, not too many):
    then a hit at the first step has every typed name as written, and needs no ranking."""
    return len(parsed.names) <= MAX_TOKENS and all(
        any(len(form) >= shortest for form in variants(token)) for token in parsed.names)


def fts5_query(terms: Expression) -> str:
    """SQLite FTS5 syntax: ``(fmoh* OR smd) AND (y1990)``."""
    return " AND ".join(
        "(" + " OR ".join(key.text + ("*" if key.prefix else "") for key in sorted(group)) + ")"
        for group in terms)


def tsquery(terms: Expression) -> str:
    """PostgreSQL tsquery syntax: ``(fmoh:* | smd) & (y1990)``."""
    return " & ".join(
        "(" + " | ".join(key.text + (":*" if key.prefix else "") for key in sorted(group)) + ")"
        for group in terms)
