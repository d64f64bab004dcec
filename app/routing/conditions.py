"""The conditions a rule (or a status group's membership) can set, and when they hold.

Every predicate here is a plain function of the case's values and the reference date, so the
engine, the contradiction check and the coverage report all decide the same way.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

Bound = int | str  # whole years, or the name of an age limit that depends on the date


@dataclass(frozen=True)
class AgeLimit:
    """An age that changes with the law over time (the Regelaltersgrenze): the first age in
    whole years at which the limit counts as reached, per period."""

    name: str
    label: str
    values: tuple[tuple[int, date, date | None], ...]  # (age, valid_from, valid_to)

    def at(self, day: date) -> int | None:
        return next((age for age, start, end in self.values if in_force(start, end, day)), None)


@dataclass(frozen=True)
class AgeCondition:
    """``min`` and ``max`` inclusive, ``under`` exclusive; ``or_unknown`` also matches an
    unknown age, ``only_unknown`` matches nothing else."""

    min: Bound | None = None
    max: Bound | None = None
    under: Bound | None = None
    or_unknown: bool = False
    only_unknown: bool = False

    def bounds(self) -> tuple[Bound, ...]:
        return tuple(b for b in (self.min, self.max, self.under) if b is not None)


@dataclass(frozen=True)
class PermitCondition:
    """When the first permit was issued: absolute cut-offs (``until`` inclusive, ``after``)
    and time since issue (``months_ago_under``, ``months_ago_min``) on the reference date."""

    until: date | None = None
    after: date | None = None
    months_ago_under: int | None = None
    months_ago_min: int | None = None
    or_unknown: bool = False
    only_unknown: bool = False


@dataclass(frozen=True)
class Membership:
    """Who belongs to a status group: these statuses, if the permit and the date fit."""

    statuses: frozenset[str]
    permit: PermitCondition | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True)
class StatusGroup:
    name: str
    label: str
    members: tuple[Membership, ...]

    def contains(self, status: str, permit: date | None, day: date) -> bool:
        return any(status in m.statuses and in_force(m.valid_from, m.valid_to, day)
                   and (m.permit is None or permit_holds(m.permit, permit, day))
                   for m in self.members)


def in_force(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day if it has no such day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def resolve(bound: Bound, day: date, limits: Mapping[str, AgeLimit]) -> int | None:
    return bound if isinstance(bound, int) else limits[bound].at(day)


def age_holds(condition: AgeCondition, age: int | None, day: date,
              limits: Mapping[str, AgeLimit]) -> bool:
    if age is None:
        return condition.or_unknown or condition.only_unknown
    if condition.only_unknown:
        return False
    low = None if condition.min is None else resolve(condition.min, day, limits)
    high = None if condition.max is None else resolve(condition.max, day, limits)
    under = None if condition.under is None else resolve(condition.under, day, limits)
    return ((low is None or age >= low) and (high is None or age <= high)
            and (under is None or age < under))


def permit_holds(condition: PermitCondition, permit: date | None, day: date) -> bool:
    if permit is None:
        return condition.or_unknown or condition.only_unknown
    if condition.only_unknown:
        return False
    return ((condition.until is None or permit <= condition.until)
            and (condition.after is None or permit > condition.after)
            and (condition.months_ago_under is None
                 or permit > months_before(day, condition.months_ago_under))
            and (condition.months_ago_min is None
                 or permit <= months_before(day, condition.months_ago_min)))


def status_match(names: tuple[str, ...], groups: Mapping[str, StatusGroup], status: str,
                 permit: date | None, day: date) -> str | None:
    """The first name (a status code or a group) the case's status fits, else None."""
    for name in names:
        group = groups.get(name)
        if group is None and name == status:
            return name
        if group is not None and group.contains(status, permit, day):
            return name
    return None
