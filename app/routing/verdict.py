"""Whether one rule fires for a case, and why (German), condition by condition."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.i18n import _
from app.routing.conditions import (
    AgeCondition,
    AgeLimit,
    PermitCondition,
    age_holds,
    permit_holds,
    resolve,
    status_match,
)
from app.routing.model import Case
from app.routing.ruleset import Rule, Ruleset, When
from app.routing.space import yes_no


@dataclass(frozen=True)
class Verdict:
    fired: bool
    why: str  # the first condition that failed, or the conditions that held


def judge(rule: Rule, case: Case, ruleset: Ruleset) -> Verdict:
    day = case.reference_date
    if not rule.in_force(day):
        return Verdict(False, _in_force_text(rule, day))
    held: list[str] = []
    for check in (_status, _age, _employable, _unaccompanied, _permit, _municipality):
        outcome = check(rule.when, case, ruleset)
        if outcome is None:
            continue
        holds, text = outcome
        if not holds:
            return Verdict(False, text)
        held.append(text)
    return Verdict(True, "; ".join(held) or _("keine Bedingung außer dem Anliegen"))


def _in_force_text(rule: Rule, day: date) -> str:
    if day < rule.valid_from:
        return _("gilt erst ab {day}").format(day=german(rule.valid_from))
    return _("galt nur bis {day}").format(day=german(rule.valid_to or day))


Outcome = tuple[bool, str] | None


def _status(when: When, case: Case, ruleset: Ruleset) -> Outcome:
    if when.statuses is None:
        return None
    found = status_match(when.statuses, ruleset.groups, case.status, case.permit_date,
                         case.reference_date)
    if found is None:
        return False, _("Status {status}: erwartet {names}").format(
            status=case.status, names=", ".join(when.statuses))
    group = ruleset.groups.get(found)
    if group is None:
        return True, _("Status {status}").format(status=case.status)
    return True, _("Status {status} gehört zur Gruppe {group} ({label})").format(
        status=case.status, group=found, label=group.label or found)


def _age(when: When, case: Case, ruleset: Ruleset) -> Outcome:
    if when.age is None:
        return None
    wanted = age_text(when.age, case.reference_date, ruleset.limits)
    known = _("unbekannt") if case.age is None else str(case.age)
    holds = age_holds(when.age, case.age, case.reference_date, ruleset.limits)
    pattern = _("Alter {age}: passt zu {wanted}") if holds else _(
        "Alter {age}: erwartet {wanted}")
    return holds, pattern.format(age=known, wanted=wanted)


def age_text(condition: AgeCondition, day: date, limits: Mapping[str, AgeLimit]) -> str:
    """The ages a condition accepts on ``day``, e.g. "15 bis 65 oder unbekannt"."""
    if condition.only_unknown:
        return _("unbekannt")
    low, high = condition.min, condition.max
    top = None if high is None else resolve(high, day, limits)
    if condition.under is not None:
        under = resolve(condition.under, day, limits)
        top = None if under is None else under - 1 if top is None else min(top, under - 1)
    bottom = None if low is None else resolve(low, day, limits)
    text = (_("{low} bis {high}") if bottom is not None and top is not None
            else _("ab {low}") if bottom is not None else _("bis {high}")).format(
        low=bottom, high=top)
    return _("{ages} oder unbekannt").format(ages=text) if condition.or_unknown else text


def _employable(when: When, case: Case, ruleset: Ruleset) -> Outcome:
    if when.employable is None:
        return None
    wanted = ", ".join(yes_no(v) for v in (True, False, None) if v in when.employable)
    holds = case.employable in when.employable
    pattern = _("erwerbsfähig {value}") if holds else _(
        "erwerbsfähig {value}, erwartet {wanted}")
    return holds, pattern.format(value=yes_no(case.employable), wanted=wanted)


def _unaccompanied(when: When, case: Case, ruleset: Ruleset) -> Outcome:
    if when.unaccompanied_minor is None:
        return None
    holds = case.unaccompanied_minor == when.unaccompanied_minor
    return holds, _("unbegleitet minderjährig: {value}").format(
        value=yes_no(case.unaccompanied_minor))


def _permit(when: When, case: Case, ruleset: Ruleset) -> Outcome:
    if when.permit is None:
        return None
    holds = permit_holds(when.permit, case.permit_date, case.reference_date)
    issued = german(case.permit_date) if case.permit_date else _("unbekannt")
    pattern = _("Erteilungsdatum {issued}: passt zu {wanted}") if holds else _(
        "Erteilungsdatum {issued}: erwartet {wanted}")
    return holds, pattern.format(issued=issued, wanted=permit_text(when.permit))


def permit_text(condition: PermitCondition) -> str:
    if condition.only_unknown:
        return _("unbekannt")
    parts = [text.format(value=value) for text, value in (
        (_("bis {value}"), condition.until and german(condition.until)),
        (_("nach {value}"), condition.after and german(condition.after)),
        (_("vor weniger als {value} Monaten"), condition.months_ago_under),
        (_("vor mindestens {value} Monaten"), condition.months_ago_min)) if value]
    text = ", ".join(parts)
    return _("{text} oder unbekannt").format(text=text) if condition.or_unknown else text


def _municipality(when: When, case: Case, ruleset: Ruleset) -> Outcome:
    if when.municipalities is None:
        return None
    place = case.municipality or _("außerhalb des Kreises")
    holds = case.municipality in when.municipalities
    return holds, _("Wohnort {place}").format(place=place) if holds else _(
        "Wohnort {place} gehört nicht zu {names}").format(
        place=place, names=", ".join(sorted(m or _("außerhalb") for m in when.municipalities)))


def german(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""
