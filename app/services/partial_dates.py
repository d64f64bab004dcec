"""Dates as the front desk meets them: birth dates of which only the year or the month may
be known (stored as a date plus a precision), and the complete dates on documents."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.codes import DatePrecision
from app.i18n import _
from app.services.field_text import FieldProblem, code_text

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
_ISO_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")
_GERMAN_DATE = re.compile(r"^(?:([0-9]{1,2})\.)?([0-9]{1,2})\.([0-9]{4})$")


@dataclass(frozen=True)
class PartialDate:
    """A date of which only the year, or year and month, may be known; unknown parts are 1."""

    value: date
    precision: str = DatePrecision.DAY.value

    def __str__(self) -> str:
        """``1990``, ``1990-03`` or ``1990-03-14``, as typed and as the CLI prints it."""
        iso = self.value.isoformat()
        return {DatePrecision.YEAR: iso[:4], DatePrecision.MONTH: iso[:7]}.get(
            DatePrecision(self.precision), iso)


def birth_date(value: object) -> PartialDate | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (also ``TT.MM.JJJJ``, ``MM.JJJJ``); empty if
    unknown. Not before 1900, not in the future."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    typed = code_text(text)
    if not typed:
        return None
    parts = _date_parts(typed)
    if parts is None:
        raise FieldProblem(_("erwartet wird JJJJ, JJJJ-MM oder JJJJ-MM-TT (z. B. 1990 oder "
                             "1990-03), auch TT.MM.JJJJ"))
    year, month, day = parts
    precision = (DatePrecision.YEAR if month is None
                 else DatePrecision.MONTH if day is None else DatePrecision.DAY)
    born = _checked_date(year, month or 1, day or 1, latest_year=date.today().year)
    if born > date.today():
        raise FieldProblem(_("liegt in der Zukunft; erwartet wird ein Datum bis heute"))
    return PartialDate(born, precision.value)


def full_date(*, past_only: bool) -> Callable[[object], date | None]:
    """A reader for a complete date (``YYYY-MM-DD`` or ``TT.MM.JJJJ``), empty allowed."""
    def read(value: object) -> date | None:
        typed = code_text(value)
        if not typed:
            return None
        parts = _date_parts(typed)
        if parts is None or parts[1] is None or parts[2] is None:
            raise FieldProblem(_("erwartet wird ein Datum JJJJ-MM-TT oder TT.MM.JJJJ "
                                 "(z. B. 2025-03-31)"))
        latest = date.today().year if past_only else LATEST_YEAR
        found = _checked_date(parts[0], parts[1], parts[2], latest_year=latest)
        if past_only and found > date.today():
            raise FieldProblem(_("liegt in der Zukunft; erwartet wird ein Datum bis heute"))
        return found
    return read


def _date_parts(typed: str) -> tuple[int, int | None, int | None] | None:
    iso = _ISO_DATE.match(typed)
    if iso:
        return int(iso[1]), _number(iso[2]), _number(iso[3])
    german = _GERMAN_DATE.match(typed)
    if german:
        return int(german[3]), int(german[2]), _number(german[1])
    return None


def _number(text: str | None) -> int | None:
    return None if text is None else int(text)


def _checked_date(year: int, month: int, day: int, *, latest_year: int = LATEST_YEAR) -> date:
    if year > latest_year:
        raise FieldProblem(_("liegt in der Zukunft; erwartet wird ein Datum bis heute"))
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise FieldProblem(_("das Jahr {year} liegt außerhalb von {first} bis {last}").format(
            year=year, first=EARLIEST_YEAR, last=LATEST_YEAR))
    try:
        return date(year, month, day)
    except ValueError:
        raise FieldProblem(_("dieses Datum gibt es nicht (Monat 1–12, Tag passend zum "
                             "Monat)")) from None
