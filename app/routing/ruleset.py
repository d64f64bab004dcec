"""A checked ruleset: the rules, the status groups and the age limits, indexed by concern."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.routing.conditions import (
    AgeCondition,
    AgeLimit,
    PermitCondition,
    StatusGroup,
    in_force,
)


@dataclass(frozen=True)
class When:
    """A rule's conditions; ``None`` means the rule does not care."""

    statuses: tuple[str, ...] | None = None  # status codes and group names
    age: AgeCondition | None = None
    employable: frozenset[bool | None] | None = None  # None inside = unknown
    unaccompanied_minor: bool | None = None
    permit: PermitCondition | None = None
    municipalities: frozenset[str] | None = None  # "" = outside the district


@dataclass(frozen=True)
class Rule:
    id: str
    file: str
    concerns: frozenset[str]
    when: When
    valid_from: date
    valid_to: date | None
    priority: int
    role: str
    agency_kind: str
    office: str  # preferred directory office code ("" = any office of the kind)
    reason: str
    legal_basis: str
    documents: tuple[str, ...]

    def in_force(self, day: date) -> bool:
        return in_force(self.valid_from, self.valid_to, day)


@dataclass(frozen=True, eq=False)
class Ruleset:
    version: str
    valid_from: date  # the first reference date the ruleset answers for
    folder: Path
    files: tuple[str, ...]
    groups: Mapping[str, StatusGroup]
    limits: Mapping[str, AgeLimit]
    rules: tuple[Rule, ...]
    by_concern: Mapping[str, tuple[Rule, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for concern in rule.concerns:
                index.setdefault(concern, []).append(rule)
        object.__setattr__(self, "by_concern", {k: tuple(v) for k, v in index.items()})

    def rules_for(self, concern: str) -> tuple[Rule, ...]:
        """The rules of one concern, in file order."""
        return self.by_concern.get(concern, ())
