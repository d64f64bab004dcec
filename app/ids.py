"""Keys and readable numbers.

Records are keyed by UUIDv7: created anywhere, offline too, and sortable by creation time.
People and letters also get a readable number that staff can read out or type:
``NE-2-2026-000417-3`` – office code, workstation number, year, counter, check digit – and
``P-NE-2-2026-000017-8`` for persons. The number is unique without asking a server because
office and workstation are part of it; the check digit (ISO 7064 MOD 11,10) catches every
mistyped digit and most swaps of two neighbouring digits.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import uuid6


def new_id() -> uuid.UUID:
    """A fresh UUIDv7 key."""
    return uuid.UUID(int=uuid6.uuid7().int)


def _digits(text: str) -> str:
    """Digits of a text, letters expanded to two digits (A=10 … Z=35), as in IBANs."""
    out = []
    for ch in text.upper():
        if ch.isdigit():
            out.append(ch)
        elif "A" <= ch <= "Z":
            out.append(str(ord(ch) - ord("A") + 10))
    return "".join(out)


def check_digit(text: str) -> str:
    """ISO 7064 MOD 11,10 check digit over the letters and digits of ``text``."""
    product = 10
    for ch in _digits(text):
        total = (int(ch) + product) % 10 or 10
        product = (total * 2) % 11
    return str((11 - product) % 10)


_NUMBER = re.compile(
    r"^(?:(?P<kind>P)-)?(?P<office>[A-Z]{2,4})-(?P<ws>\d{1,3})-(?P<year>\d{4})-(?P<counter>\d{6,})-(?P<check>\d)$"
)


@dataclass(frozen=True)
class ReadableNumber:
    """A readable number: ``[P-]OFFICE-WS-YEAR-COUNTER-CHECK``."""

    office: str
    workstation: int
    year: int
    counter: int
    person: bool = False

    @property
    def body(self) -> str:
        prefix = "P-" if self.person else ""
        return f"{prefix}{self.office}-{self.workstation}-{self.year}-{self.counter:06d}"

    def __str__(self) -> str:
        return f"{self.body}-{check_digit(self.body)}"


def parse_number(text: str) -> ReadableNumber | None:
    """Parse a typed or scanned number; None if it is malformed or its check digit is wrong."""
    cleaned = re.sub(r"\s+", "", text).upper()
    match = _NUMBER.match(cleaned)
    if not match:
        return None
    number = ReadableNumber(
        office=match["office"],
        workstation=int(match["ws"]),
        year=int(match["year"]),
        counter=int(match["counter"]),
        person=match["kind"] == "P",
    )
    # Only the canonical spelling counts: "2026" typed as "0026" is a typo, not a variant.
    return number if str(number) == cleaned else None
