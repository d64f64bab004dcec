"""Routing one case: which rules fire, which offices that makes, and why.

Of the rules that fire, the highest priority among the primary ones wins: rules below it are
overridden (the unaccompanied-minor rule overrides everything else this way). The office of
each recommendation is the directory's office of that kind responsible for the municipality.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.codes import MUNICIPALITIES, AgencyKind
from app.i18n import _
from app.routing.case_input import check_case
from app.routing.model import (
    PRIMARY,
    Case,
    NotCoveredError,
    OfficeEntry,
    Recommendation,
    Routing,
    RuleTrace,
)
from app.routing.ruleset import Rule, Ruleset
from app.routing.verdict import Verdict, german, judge


def route_case(case: Case, ruleset: Ruleset, offices: Sequence[OfficeEntry]) -> Routing:
    """The recommendations for one case, primary first, with the trace of every rule of the
    concern. Raises CaseError for input the rules cannot judge, NotCoveredError if no
    primary rule answers."""
    check_case(case, ruleset)
    verdicts = [(rule, judge(rule, case, ruleset)) for rule in ruleset.rules_for(case.concern)]
    fired = [rule for rule, verdict in verdicts if verdict.fired]
    top = max((rule.priority for rule in fired if rule.role == PRIMARY), default=None)
    if top is None:
        raise _not_covered(case, ruleset, fired)
    chosen = [rule for rule in fired if rule.priority >= top]
    return Routing(ruleset.version, _recommendations(chosen, case, offices, ruleset.version),
                   tuple(_trace(rule, verdict, top) for rule, verdict in verdicts))


def _trace(rule: Rule, verdict: Verdict, top: int) -> RuleTrace:
    if verdict.fired and rule.priority < top:
        return RuleTrace(rule.id, False, _("{why}; übersteuert durch eine Regel mit Vorrang "
                                           "{top}").format(why=verdict.why, top=top))
    return RuleTrace(rule.id, verdict.fired, verdict.why)


def _recommendations(rules: list[Rule], case: Case, offices: Sequence[OfficeEntry],
                     version: str) -> tuple[Recommendation, ...]:
    ordered = sorted(rules, key=lambda rule: rule.role != PRIMARY)  # stable: file order kept
    seen: set[tuple[str, str]] = set()
    result = []
    for rule in ordered:
        office = responsible_office(rule.agency_kind, case.municipality, offices, rule.office)
        key = (rule.agency_kind, office.code if office else rule.office)
        if key not in seen:  # the same office twice (e.g. primary and secondary) says nothing
            seen.add(key)
            result.append(_recommendation(rule, office, case, version))
    return tuple(result)


def _recommendation(rule: Rule, office: OfficeEntry | None, case: Case,
                    version: str) -> Recommendation:
    reason = rule.reason
    if office is None and not case.municipality:
        reason = f"{reason} " + _("Der Wohnort liegt außerhalb des Kreises: zuständig ist die "
                                  "Stelle dieser Art am Wohnort.")
    documents = tuple(dict.fromkeys((*rule.documents, *(office.documents if office else ()))))
    return Recommendation(rule.role, rule.agency_kind, agency_label(rule.agency_kind), office,
                          reason, rule.legal_basis, documents, rule.id, version)


def responsible_office(kind: str, municipality: str, offices: Sequence[OfficeEntry],
                       preferred: str = "") -> OfficeEntry | None:
    """The office of ``kind`` responsible for the municipality (the preferred code if it is
    one of them); outside the district only an office for the whole district answers."""
    candidates = [office for office in offices if office.agency_kind == kind
                  and _responsible(office, municipality)]
    chosen = next((office for office in candidates if office.code == preferred), None)
    return chosen or (candidates[0] if candidates else None)


def _responsible(office: OfficeEntry, municipality: str) -> bool:
    if municipality:
        return municipality in office.municipalities
    return all(name in office.municipalities for name in MUNICIPALITIES)


def agency_label(kind: str) -> str:
    return AgencyKind(kind).label if kind in set(AgencyKind) else kind


def _not_covered(case: Case, ruleset: Ruleset, fired: list[Rule]) -> NotCoveredError:
    age = _("unbekannt") if case.age is None else str(case.age)
    message = _("Keine Regel beantwortet diesen Fall: Anliegen {concern}, Status {status}, Alter "
                "{age}, Stichtag {day} (Regelwerk {version}).").format(
        concern=case.concern, status=case.status, age=age,
        day=german(case.reference_date), version=ruleset.version)
    if fired:
        message += " " + _("Nur ergänzende Regeln greifen: {ids}.").format(
            ids=", ".join(rule.id for rule in fired))
    return NotCoveredError(message, hint=_("Die Regeln ergänzen; „lotse rules check“ zeigt alle "
                                           "Lücken."))
