"""Age in whole years from a birth date that may be known only to the month or the year.

A birth date stored with precision ``year`` (unknown parts stored as 1) may be any day of that
year, so on a given day the person may be one of two ages; the range says which.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from app.codes import DatePrecision


@dataclass(frozen=True)
class AgeRange:
    """The youngest and oldest age a person can be on a day, and the birth date as known."""

    youngest: int
    oldest: int
    known: str  # the birth date as far as it is known: 14.03.1988, 03.1988 or 1988

    @property
    def certain(self) -> bool:
        return self.youngest == self.oldest


def whole_years(born: date, on: date) -> int:
    """Completed years of life on ``on``; someone born on 29 February is a year older on
    1 March in years without that day."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_range(born: date, precision: str, on: date) -> AgeRange:
    """The possible ages on ``on`` of someone born on ``born`` as far as ``precision`` says;
    never below 0 (a reference day before the birth counts as age 0)."""
    latest = _latest_birth(born, precision)
    return AgeRange(youngest=max(0, whole_years(latest, on)),
                    oldest=max(0, whole_years(born, on)), known=_known(born, precision))


def _latest_birth(born: date, precision: str) -> date:
    if precision == DatePrecision.YEAR:
        return date(born.year, 12, 31)
    if precision == DatePrecision.MONTH:
        return date(born.year, born.month, calendar.monthrange(born.year, born.month)[1])
    return born


def _known(born: date, precision: str) -> str:
    if precision == DatePrecision.YEAR:
        return f"{born.year}"
    if precision == DatePrecision.MONTH:
        return f"{born.month:02d}.{born.year}"
    return born.strftime("%d.%m.%Y")
