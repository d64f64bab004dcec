"""The routing engine: a case (status, age, municipality, concern, …) and the rules as data
give the responsible offices, each with its reason, legal basis and documents to bring.

Pure: no database, no Qt. The rules live in ``resources/routing/*.yaml`` (format in
docs/routing.md); the offices come from the agency directory as :class:`OfficeEntry`.
"""

from app.routing.case_input import case_from_text, check_case, closest
from app.routing.coverage import CoverageGap, CoverageReport, coverage
from app.routing.engine import agency_label, responsible_office, route_case
from app.routing.load import load_ruleset
from app.routing.model import (
    PRIMARY,
    SECONDARY,
    Case,
    CaseError,
    NotCoveredError,
    OfficeEntry,
    Recommendation,
    Routing,
    RulesetError,
    RulesetProblem,
    RuleTrace,
)
from app.routing.offices import OfficeRecord, offices_from_directory
from app.routing.reader import default_rules_path
from app.routing.ruleset import Rule, Ruleset

__all__ = [
    "PRIMARY",
    "SECONDARY",
    "Case",
    "CaseError",
    "CoverageGap",
    "CoverageReport",
    "NotCoveredError",
    "OfficeEntry",
    "OfficeRecord",
    "Recommendation",
    "Routing",
    "Rule",
    "RuleTrace",
    "Ruleset",
    "RulesetError",
    "RulesetProblem",
    "agency_label",
    "case_from_text",
    "check_case",
    "closest",
    "coverage",
    "default_rules_path",
    "load_ruleset",
    "offices_from_directory",
    "responsible_office",
    "route_case",
]
