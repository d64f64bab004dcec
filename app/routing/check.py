"""Contradictions: two primary rules of different agency kinds that fire for the same case on
the same date at the same priority. The front desk could not tell which office is right, so
such a ruleset is refused on load."""

from __future__ import annotations

from itertools import combinations

from app.codes import Concern
from app.i18n import _
from app.routing.model import PRIMARY, RulesetProblem
from app.routing.ruleset import Rule, Ruleset
from app.routing.space import Footprint, Space, describe, spaces


def contradictions(ruleset: Ruleset) -> list[RulesetProblem]:
    """Every contradicting pair once, with an example case where both rules fire."""
    found: dict[tuple[str, str], RulesetProblem] = {}
    for space in spaces(ruleset):
        for concern in Concern:
            for first, second in _competing(ruleset.rules_for(concern), space):
                key = (first.id, second.id)
                if key not in found:
                    found[key] = _problem(first, second, concern, space)
    return list(found.values())


def _competing(rules: tuple[Rule, ...], space: Space) -> list[tuple[Rule, Rule]]:
    primaries = [rule for rule in rules
                 if rule.role == PRIMARY and rule.id in space.footprints]
    return [(a, b) for a, b in combinations(primaries, 2)
            if a.priority == b.priority and a.agency_kind != b.agency_kind
            and space.footprints[a.id].meets(space.footprints[b.id])]


def _problem(first: Rule, second: Rule, concern: str, space: Space) -> RulesetProblem:
    example = _example(space.footprints[first.id], space.footprints[second.id], space)
    return RulesetProblem(second.file, second.id, "", _(
        "widerspricht Regel {other} ({file}): beide nennen für {concern} mit Vorrang "
        "{priority} eine andere Stelle als zuständig ({kind} / {other_kind}), z. B. für "
        "{example}. Bedingungen enger fassen oder einer Regel einen höheren Vorrang "
        "(priority) geben.").format(
        other=first.id, file=first.file, concern=concern, priority=first.priority,
        kind=second.agency_kind, other_kind=first.agency_kind, example=example))


def _example(a: Footprint, b: Footprint, space: Space) -> str:
    status, permit = min(a.status_permit & b.status_permit)
    return describe(space, status, permit, min(a.bands & b.bands),
                    _first(a.employable & b.employable), min(a.unaccompanied & b.unaccompanied),
                    min(a.municipalities & b.municipalities))


def _first(values: frozenset[bool | None]) -> bool | None:
    return next(v for v in (True, False, None) if v in values)
