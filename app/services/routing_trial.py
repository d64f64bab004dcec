"""The administrators' "try it": a case typed into the rules screen, read field by field, and
routed with the offices of the database's directory (or the bundled directory file while the
database has none), with the trace of which rules fired and why.

Keys of the raw case: ``status`` and ``concern`` (codes), ``age`` (whole years, empty =
unknown), ``municipality`` (empty = outside the district), ``employable`` (ja/nein, empty =
unknown), ``unaccompanied_minor`` (True/False), ``permit_date`` and ``reference_date``
(TT.MM.JJJJ or JJJJ-MM-TT; the reference date defaults to today). The engine reads and checks
them (the same reader as ``lotse route``); a refusal names its field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.errors import FieldError, FieldsValidationError
from app.i18n import N_, _
from app.routing import (
    Case,
    CaseError,
    CoverageReport,
    NotCoveredError,
    Routing,
    Ruleset,
    RuleTrace,
    case_from_text,
    coverage,
    offices_from_directory,
    route_case,
)
from app.services.directory import default_directory_path, read_directory
from app.services.routing_cases import current_ruleset, directory_entries

LABELS = {
    "status": N_("Aufenthaltsstatus"),
    "age": N_("Alter"),
    "municipality": N_("Gemeinde"),
    "concern": N_("Anliegen"),
    "employable": N_("Erwerbsfähig"),
    "unaccompanied_minor": N_("Unbegleitet minderjährig"),
    "permit_date": N_("Erste Erlaubnis am"),
    "reference_date": N_("Stichtag"),
}


class CaseInputError(FieldsValidationError):
    """A typed case that does not fit; ``errors`` names every field."""


@dataclass(frozen=True)
class RulesOverview:
    """The ruleset in use: its version, how many rules, and what no rule answers."""

    version: str
    valid_from: date
    rule_count: int
    coverage: CoverageReport


@dataclass(frozen=True)
class Trial:
    """The answer to a typed case: the routing, or why no rule answers it."""

    case: Case
    routing: Routing | None
    problem: str  # German; set when no rule answers
    offices_from_database: bool
    trace: tuple[RuleTrace, ...] = ()  # every rule of the concern: fired or not, and why


def rules_overview(ruleset: Ruleset | None = None) -> RulesOverview:
    rules = ruleset or current_ruleset()
    return RulesOverview(rules.version, rules.valid_from, len(rules.rules), coverage(rules))


def read_case(raw: Mapping[str, str | bool], *, today: date | None = None) -> Case:
    """The typed case (the engine's one reader, shared with ``lotse route``); a value that
    does not fit is a CaseInputError on its field."""
    try:
        return case_from_text(
            status=str(raw.get("status", "")), age=str(raw.get("age", "")),
            concern=str(raw.get("concern", "")), municipality=str(raw.get("municipality", "")),
            employable=str(raw.get("employable", "")),
            unaccompanied=raw.get("unaccompanied_minor") is True,
            permit_date=str(raw.get("permit_date", "")),
            reference_date=str(raw.get("reference_date", "")), today=today)
    except CaseError as error:
        raise _field_error(error) from error


def try_case(session: Session, raw: Mapping[str, str | bool], *,
             ruleset: Ruleset | None = None) -> Trial:
    """Route a typed case; a case the engine refuses becomes a CaseInputError on its field."""
    case = read_case(raw)
    offices = directory_entries(session)
    from_database = bool(offices)
    if not from_database:
        offices = tuple(offices_from_directory(read_directory(default_directory_path()).offices))
    try:
        routing = route_case(case, ruleset or current_ruleset(), offices)
    except CaseError as error:
        raise _field_error(error) from error
    except NotCoveredError as error:  # an answer, not a failure
        return Trial(case, None, error.message, from_database,
                     tuple(getattr(error, "trace", ())))
    return Trial(case, routing, "", from_database, routing.trace)


def _field_error(error: CaseError) -> CaseInputError:
    """The engine names the field as the case does (``age``, ``reference_date``, …)."""
    key = error.field if error.field in LABELS else ""
    expected = error.message.removeprefix(f"{error.field}: ")
    return CaseInputError([FieldError(key, _(LABELS[key]) if key else _("Fall"), expected)])
