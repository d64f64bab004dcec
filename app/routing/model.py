"""What goes into the routing engine and what comes out: plain, frozen data, no ORM objects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.errors import ConfigError, NotFoundError, ValidationError
from app.i18n import _

PRIMARY = "primary"
SECONDARY = "secondary"
ROLES = (PRIMARY, SECONDARY)

OLDEST_AGE = 120  # an age above this is a typing error, not a person


@dataclass(frozen=True)
class Case:
    """One concern of one person on a reference date, as the rules see it."""

    status: str  # LegalStatus code
    age: int | None  # whole years on reference_date; None = unknown
    municipality: str  # one of MUNICIPALITIES, or "" = outside the district / unknown
    concern: str  # Concern code
    employable: bool | None = None  # None = unknown
    unaccompanied_minor: bool = False
    # The first permit (for §25 Abs. 5: the decision suspending deportation); None = unknown.
    permit_date: date | None = None
    reference_date: date = field(default_factory=date.today)


@dataclass(frozen=True)
class OfficeEntry:
    """One directory office as the engine sees it (pure data)."""

    code: str
    agency_kind: str
    name: str
    department: str
    address: str
    phone: str
    email: str
    opening_hours: str
    languages: tuple[str, ...]
    municipalities: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True)
class Recommendation:
    role: str  # "primary" | "secondary"
    agency_kind: str
    agency_label: str  # German label of the kind
    office: OfficeEntry | None  # responsible for the municipality; None if the directory has none
    reason: str  # German, for people: why this office for this case
    legal_basis: str
    documents: tuple[str, ...]  # the rule's documents, then the office's, without repeats
    rule_id: str
    ruleset_version: str


@dataclass(frozen=True)
class RuleTrace:
    """For the administrators' "try it" screen: one rule of the concern and why it did or did
    not fire (German)."""

    rule_id: str
    fired: bool
    why: str


@dataclass(frozen=True)
class Routing:
    ruleset_version: str
    recommendations: tuple[Recommendation, ...]  # primary first
    trace: tuple[RuleTrace, ...]


@dataclass(frozen=True)
class RulesetProblem:
    """One thing wrong in a rules file: where (file, rule, field) and what is allowed."""

    file: str
    rule_id: str
    field: str
    message: str

    def __str__(self) -> str:
        where = [self.file or "?"]
        if self.rule_id:
            where.append(_("Regel {id}").format(id=self.rule_id))
        if self.field:
            where.append(_("Feld {field}").format(field=self.field))
        return f"{', '.join(where)}: {self.message}"


class RulesetError(ConfigError):
    """The ruleset cannot be used; ``problems`` lists every problem found, not just the first."""

    def __init__(self, folder: Path, problems: Sequence[RulesetProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(
            _("Das Regelwerk in {folder} hat {count} Fehler:\n{lines}").format(
                folder=folder, count=len(self.problems), lines=lines),
            hint=_("Die Regeln korrigieren (Format: docs/routing.md) und mit „lotse rules "
                   "check“ erneut prüfen."))


class CaseError(ValidationError):
    """Input that does not fit: names the value and the allowed ones (CLI exit code 2)."""


class NotCoveredError(NotFoundError):
    """No rule answers the case (CLI exit code 3); the message names the combination."""
