"""Reading what staff type into the one search field: names, dates, numbers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from app.ids import parse_number
from app.search.keys import fold

_YEAR = re.compile(r"^(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[./](\d{4})$|^(\d{4})-(\d{1,2})$")
_FULL_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BAMF = re.compile(r"^\d{6,9}-\d{3}$")
MAX_QUERY = 200


@dataclass(frozen=True)
class DateFilter:
    """A birth date as typed: ``precision`` says how much of it was given."""

    first: date
    last: date
    precision: str  # year | month | day

    def describe(self) -> str:
        if self.precision == "year":
            return f"{self.first.year}"
        if self.precision == "month":
            return f"{self.first.month:02d}.{self.first.year}"
        return f"{self.first.day:02d}.{self.first.month:02d}.{self.first.year}"


@dataclass
class ParsedQuery:
    names: list[str] = field(default_factory=list)
    birth: DateFilter | None = None
    person_number: str = ""
    reference: str = ""
    bamf_file_number: str = ""

    @property
    def empty(self) -> bool:
        return not (self.names or self.birth or self.person_number or self.reference
                    or self.bamf_file_number)


def _valid(year: int, month: int = 1, day: int = 1) -> bool:
    if not 1900 <= year <= 2100 or not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year, month)[1]


def parse_date(token: str) -> DateFilter | None:
    """``1990``, ``03.1990``, ``1990-03``, ``12.03.1990`` or ``1990-03-12``; None otherwise."""
    if (m := _YEAR.match(token)) and _valid(int(m[1])):
        year = int(m[1])
        return DateFilter(date(year, 1, 1), date(year, 12, 31), "year")
    if m := _MONTH_YEAR.match(token):
        month, year = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        if _valid(year, month):
            last = calendar.monthrange(year, month)[1]
            return DateFilter(date(year, month, 1), date(year, month, last), "month")
    if m := _FULL_DATE.match(token):
        day, month, year = ((int(m[1]), int(m[2]), int(m[3])) if m[1]
                            else (int(m[6]), int(m[5]), int(m[4])))
        if _valid(year, month, day):
            return DateFilter(date(year, month, day), date(year, month, day), "day")
    return None


def parse_query(text: str) -> ParsedQuery:
    """Split the search text into names, a birth date and numbers. Anything that is neither
    (emoji, punctuation) is ignored rather than refused: the search field never fails."""
    parsed = ParsedQuery()
    for raw in text[:MAX_QUERY].split():
        token = raw.strip(",;")
        number = parse_number(token)
        if number is not None:
            if number.person:
                parsed.person_number = str(number)
            else:
                parsed.reference = str(number)
        elif _BAMF.match(token):
            parsed.bamf_file_number = token
        elif (found := parse_date(token)) is not None:
            parsed.birth = found
        else:
            if fold(token):
                parsed.names.append(token)
    return parsed
