"""The finite case space the checks walk through.

Rules only compare values with thresholds, so between two thresholds every value behaves the
same: ages fall into bands cut at every age a rule names (limits at every value they take),
reference dates into periods cut where any rule, group membership or limit starts or ends, and
permit dates are represented by each cut-off and the day after it. On one reference date a
rule fires on a product of per-dimension sets (status and permit together, since a status
group can depend on the permit date): its *footprint*. Two rules can fire for the same case
exactly when their footprints meet in every dimension.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from app.codes import MUNICIPALITIES, LegalStatus
from app.i18n import _
from app.routing.conditions import (
    AgeCondition,
    PermitCondition,
    age_holds,
    months_before,
    permit_holds,
    status_match,
)
from app.routing.model import OLDEST_AGE
from app.routing.ruleset import Rule, Ruleset

EMPLOYABLE = (True, False, None)
UNACCOMPANIED = (False, True)
STATUSES = tuple(LegalStatus)


@dataclass(frozen=True)
class AgeBand:
    low: int | None  # None: the age is unknown
    high: int

    @property
    def label(self) -> str:
        if self.low is None:
            return _("unbekannt")
        if self.high >= OLDEST_AGE:
            return f"{self.low}+"
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


def age_bands(ruleset: Ruleset) -> tuple[AgeBand, ...]:
    cuts = {0}
    for condition in {rule.when.age for rule in ruleset.rules if rule.when.age}:
        for key, bound in (("min", condition.min), ("max", condition.max),
                           ("under", condition.under)):
            values = _bound_values(bound, ruleset)
            cuts.update(v + 1 if key == "max" else v for v in values)
    ordered = sorted(c for c in cuts if 0 <= c <= OLDEST_AGE)
    highs = [c - 1 for c in ordered[1:]] + [OLDEST_AGE]
    return (*(AgeBand(low, high) for low, high in zip(ordered, highs, strict=True)),
            AgeBand(None, OLDEST_AGE))


def _bound_values(bound: int | str | None, ruleset: Ruleset) -> list[int]:
    if bound is None:
        return []
    if isinstance(bound, int):
        return [bound]
    return [value for value, _start, _end in ruleset.limits[bound].values]


def _permit_conditions(ruleset: Ruleset) -> set[PermitCondition]:
    found = {rule.when.permit for rule in ruleset.rules if rule.when.permit}
    found.update(m.permit for g in ruleset.groups.values() for m in g.members if m.permit)
    return found


def reference_dates(ruleset: Ruleset) -> tuple[date, ...]:
    """The first day of every period in which all rules behave the same."""
    spans: list[tuple[date | None, date | None]] = [(r.valid_from, r.valid_to)
                                                     for r in ruleset.rules]
    spans += [(m.valid_from, m.valid_to) for g in ruleset.groups.values() for m in g.members]
    spans += [(s, e) for limit in ruleset.limits.values() for _a, s, e in limit.values]
    days = {ruleset.valid_from}
    for start, end in spans:
        days.update(d for d in (start, end and end + timedelta(days=1)) if d)
    days.update(_crossings(_permit_conditions(ruleset)))
    return tuple(sorted(d for d in days if d >= ruleset.valid_from))


def _crossings(conditions: set[PermitCondition]) -> Iterator[date]:
    """Days on which "issued N months ago" passes a fixed cut-off: the order of the two
    thresholds, and so the combinations of conditions that can hold, changes there."""
    fixed = {d for c in conditions for d in (c.until, c.after) if d}
    months = {m for c in conditions for m in (c.months_ago_under, c.months_ago_min) if m}
    for cutoff in fixed:
        for count in months:
            later = months_before(cutoff, -count)
            yield from (later - timedelta(days=1), later, later + timedelta(days=1))


def permit_dates(ruleset: Ruleset, day: date) -> tuple[date | None, ...]:
    conditions = _permit_conditions(ruleset)
    cuts = {d for c in conditions for d in (c.until, c.after) if d}
    cuts.update(months_before(day, m) for c in conditions
                for m in (c.months_ago_under, c.months_ago_min) if m)
    values = {day} | cuts | {cut + timedelta(days=1) for cut in cuts}
    return (None, *sorted(v for v in values if v <= day))


def municipality_classes(ruleset: Ruleset) -> tuple[str, ...]:
    named = {m for rule in ruleset.rules for m in rule.when.municipalities or ()}
    if not named:
        return (MUNICIPALITIES[0],)
    others = [m for m in MUNICIPALITIES if m not in named][:1]
    return (*sorted(named - {""}), *others, "")


@dataclass(frozen=True)
class Footprint:
    """Where a rule fires on one reference date, dimension by dimension (indices into the
    space's statuses, permits and bands)."""

    status_permit: frozenset[tuple[int, int]]
    bands: frozenset[int]
    employable: frozenset[bool | None]
    unaccompanied: frozenset[bool]
    municipalities: frozenset[str]

    @cached_property
    def permits_by_status(self) -> tuple[frozenset[int], ...]:
        """For each status index, the permit indices the rule fires for."""
        found: list[set[int]] = [set() for _status in STATUSES]
        for status, permit in self.status_permit:
            found[status].add(permit)
        return tuple(frozenset(permits) for permits in found)

    def meets(self, other: Footprint) -> bool:
        return bool(self.status_permit & other.status_permit and self.bands & other.bands
                    and self.employable & other.employable
                    and self.unaccompanied & other.unaccompanied
                    and self.municipalities & other.municipalities)


class Space:
    """The case space on one reference date, with the footprints of the rules in force."""

    def __init__(self, ruleset: Ruleset, day: date, bands: tuple[AgeBand, ...],
                 municipalities: tuple[str, ...]) -> None:
        self.ruleset, self.day, self.bands = ruleset, day, bands
        self.permits = permit_dates(ruleset, day)
        self.municipalities = frozenset(municipalities)
        self._status: dict[object, frozenset[tuple[int, int]]] = {}
        self._ages: dict[AgeCondition | None, frozenset[int]] = {}
        self.footprints = {rule.id: self._footprint(rule) for rule in ruleset.rules
                           if rule.in_force(day)}

    def _footprint(self, rule: Rule) -> Footprint:
        when = rule.when
        return Footprint(
            self._status_permit(when.statuses, when.permit), self._bands(when.age),
            frozenset(EMPLOYABLE) if when.employable is None else when.employable,
            frozenset(UNACCOMPANIED) if when.unaccompanied_minor is None
            else frozenset({when.unaccompanied_minor}),
            self.municipalities if when.municipalities is None
            else self.municipalities & when.municipalities)

    def _status_permit(self, names: tuple[str, ...] | None,
                       permit: PermitCondition | None) -> frozenset[tuple[int, int]]:
        key = (names, permit)
        if key not in self._status:
            groups, day = self.ruleset.groups, self.day
            self._status[key] = frozenset(
                (s, p) for s, status in enumerate(STATUSES)
                for p, issued in enumerate(self.permits)
                if (names is None or status_match(names, groups, status, issued, day))
                and (permit is None or permit_holds(permit, issued, day)))
        return self._status[key]

    def _bands(self, condition: AgeCondition | None) -> frozenset[int]:
        if condition not in self._ages:
            self._ages[condition] = frozenset(
                i for i, band in enumerate(self.bands)
                if condition is None or age_holds(condition, band.low, self.day,
                                                  self.ruleset.limits))
        return self._ages[condition]


def spaces(ruleset: Ruleset) -> Iterator[Space]:
    bands, municipalities = age_bands(ruleset), municipality_classes(ruleset)
    for day in reference_dates(ruleset):
        yield Space(ruleset, day, bands, municipalities)


def describe(space: Space, status: int, permit: int, band: int, employable: bool | None,
             unaccompanied: bool, municipality: str) -> str:
    """One example case of the space in German, for messages."""
    issued = space.permits[permit]
    return _("Status {status}, Alter {age}, erwerbsfähig {employable}, unbegleitet "
             "minderjährig {unaccompanied}, Erteilungsdatum {issued}, Wohnort {place}, "
             "Stichtag ab {day}").format(
        status=STATUSES[status], age=space.bands[band].label, employable=yes_no(employable),
        unaccompanied=yes_no(unaccompanied),
        issued=issued.strftime("%d.%m.%Y") if issued else _("unbekannt"),
        place=municipality or _("außerhalb"), day=space.day.strftime("%d.%m.%Y"))


def yes_no(value: bool | None) -> str:
    return _("unbekannt") if value is None else _("ja") if value else _("nein")
