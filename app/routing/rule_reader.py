"""One rule of a rules file into a :class:`Rule`, checking codes, dates and conditions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.codes import MUNICIPALITIES, AgencyKind, Concern, LegalStatus
from app.i18n import _
from app.routing import fields as f
from app.routing.conditions import AgeCondition, Bound, PermitCondition
from app.routing.model import OLDEST_AGE, ROLES
from app.routing.ruleset import Rule, When

RULE_KEYS = ("id", "concerns", "when", "valid_from", "valid_to", "priority", "role",
             "agency_kind", "office", "reason", "legal_basis", "documents")
WHEN_KEYS = ("status", "age", "employable", "unaccompanied_minor", "permit_issued",
             "municipality")
AGE_KEYS = ("min", "max", "under", "or_unknown")
PERMIT_KEYS = ("until", "after", "months_ago_under", "months_ago_min", "or_unknown")
UNKNOWN = "unknown"  # the value that matches only an unknown age, permit date, employability
OUTSIDE = "outside"  # the municipality value for "outside the district"
ALL = "all"  # every concern
_CONCERNS, _KINDS, _STATUSES = tuple(Concern), tuple(AgencyKind), tuple(LegalStatus)
_RULE_ID = re.compile(r"^[a-z0-9_]+(?:\.[a-z0-9_]+)*$")
_OFFICE_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Vocabulary:
    """The names a rule may use besides the fixed codes: status groups and age limits."""

    groups: tuple[str, ...]
    limits: tuple[str, ...]


def read_rule(raw: object, position: int, vocabulary: Vocabulary,
              problems: f.Problems) -> Rule | None:
    problems.rule_id = rule_label(raw, position)
    count = len(problems.items)
    item = f.mapping(problems, "", raw, RULE_KEYS)
    if not item:
        return None
    rule_id = f.text(problems, "id", item.get("id"), required=True)
    if rule_id and not _RULE_ID.match(rule_id):
        problems.add("id", _("„{id}“: erwartet werden Kleinbuchstaben, Ziffern und _, "
                             "durch Punkte gegliedert (z. B. benefits.asylblg).").format(
            id=rule_id))
    rule = _rule(item, rule_id, problems.file, vocabulary, problems)
    return rule if len(problems.items) == count else None


def rule_label(raw: object, position: int) -> str:
    """How problems name a rule: its id, or its position if it has none."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return str(raw["id"]).strip()
    return _("Nr. {position}").format(position=position)


def _rule(item: dict[str, object], rule_id: str, file: str, vocabulary: Vocabulary,
          problems: f.Problems) -> Rule:
    valid_from = f.day(problems, "valid_from", item.get("valid_from"), required=True)
    valid_to = f.day(problems, "valid_to", item.get("valid_to"))
    if valid_from and valid_to and valid_from > valid_to:
        problems.add("valid_to", _("{to} liegt vor valid_from {start}; erwartet wird ein "
                                   "Datum ab {start}.").format(to=valid_to, start=valid_from))
    return Rule(
        id=rule_id, file=file, concerns=_concerns(problems, item.get("concerns")),
        when=_when(problems, item.get("when", {}), vocabulary),
        valid_from=valid_from or date.min, valid_to=valid_to,
        priority=f.whole_number(problems, "priority", item.get("priority", 0), -99, 99) or 0,
        role=_choice(problems, "role", item.get("role"), ROLES),
        agency_kind=_choice(problems, "agency_kind", item.get("agency_kind"), _KINDS),
        office=_office(problems, item.get("office")),
        reason=f.text(problems, "reason", item.get("reason"), required=True),
        legal_basis=f.text(problems, "legal_basis", item.get("legal_basis"), required=True),
        documents=f.text_list(problems, "documents", item.get("documents")))


def _concerns(problems: f.Problems, raw: object) -> frozenset[str]:
    if raw == ALL:
        return frozenset(_CONCERNS)
    return frozenset(f.codes(problems, "concerns", raw, _CONCERNS, shown=(*_CONCERNS, ALL)))


def _choice(problems: f.Problems, name: str, raw: object, known: tuple[str, ...]) -> str:
    found = f.codes(problems, name, raw, known)
    if len(found) > 1:
        problems.add(name, _("Genau ein Wert; {allowed}.").format(allowed=f.allowed(known)))
    return found[0] if found else ""


def _office(problems: f.Problems, raw: object) -> str:
    code = f.text(problems, "office", raw)
    if code and not _OFFICE_CODE.match(code):
        problems.add("office", _("„{code}“ ist kein Kürzel eines Verzeichnisbüros (z. B. "
                                 "bezirksregierung-koeln).").format(code=code))
    return code


def _when(problems: f.Problems, raw: object, vocabulary: Vocabulary) -> When:
    item = f.mapping(problems, "when", raw, WHEN_KEYS)
    municipalities = item.get("municipality")
    return When(
        statuses=read_statuses(problems, "when.status", item["status"], vocabulary)
        if "status" in item else None,
        age=read_age(problems, item["age"], vocabulary) if "age" in item else None,
        employable=_employable(problems, item["employable"]) if "employable" in item else None,
        unaccompanied_minor=f.flag(problems, "when.unaccompanied_minor",
                                   item["unaccompanied_minor"])
        if "unaccompanied_minor" in item else None,
        permit=read_permit(problems, "when.permit_issued", item["permit_issued"])
        if "permit_issued" in item else None,
        municipalities=None if municipalities is None else frozenset(
            "" if name == OUTSIDE else name for name in f.codes(
                problems, "when.municipality", municipalities, (*MUNICIPALITIES, OUTSIDE))))


def read_statuses(problems: f.Problems, name: str, raw: object,
                  vocabulary: Vocabulary) -> tuple[str, ...]:
    return f.codes(problems, name, raw, (*_STATUSES, *vocabulary.groups))


def read_age(problems: f.Problems, raw: object, vocabulary: Vocabulary) -> AgeCondition:
    if raw == UNKNOWN:
        return AgeCondition(only_unknown=True)
    item = f.mapping(problems, "when.age", raw, AGE_KEYS)
    bounds = {key: _bound(problems, key, item[key], vocabulary)
              for key in ("min", "max", "under") if key in item}
    if not bounds:
        problems.add("when.age", _("Erwartet wird min, max oder under (oder „unknown“)."))
    low, high = bounds.get("min"), bounds.get("max", bounds.get("under"))
    if isinstance(low, int) and isinstance(high, int) and low > high:
        problems.add("when.age", _("min {low} ist größer als die Obergrenze {high}.").format(
            low=low, high=high))
    return AgeCondition(min=bounds.get("min"), max=bounds.get("max"),
                        under=bounds.get("under"),
                        or_unknown=f.flag(problems, "when.age.or_unknown",
                                          item.get("or_unknown", False)))


def _bound(problems: f.Problems, key: str, raw: object, vocabulary: Vocabulary) -> Bound:
    if isinstance(raw, str):
        if raw not in vocabulary.limits:
            problems.add(f"when.age.{key}", _("Altersgrenze „{name}“ ist unbekannt; erwartet "
                                              "wird eine Zahl oder eine von {limits}.").format(
                name=raw, limits=", ".join(vocabulary.limits) or "–"))
        return raw
    return f.whole_number(problems, f"when.age.{key}", raw, 0, OLDEST_AGE + 1) or 0


def _employable(problems: f.Problems, raw: object) -> frozenset[bool | None]:
    values = raw if isinstance(raw, list) else [raw]
    found: set[bool | None] = set()
    for value in values:
        if isinstance(value, bool) or value == UNKNOWN:
            found.add(None if value == UNKNOWN else bool(value))
        else:
            problems.add("when.employable", _("„{value}“: erlaubt sind true, false, unknown "
                                              "oder eine Liste davon.").format(value=value))
    return frozenset(found)


def read_permit(problems: f.Problems, name: str, raw: object) -> PermitCondition:
    if raw == UNKNOWN:
        return PermitCondition(only_unknown=True)
    item = f.mapping(problems, name, raw, PERMIT_KEYS)
    until = f.day(problems, f"{name}.until", item.get("until"))
    after = f.day(problems, f"{name}.after", item.get("after"))
    if until and after and after >= until:
        problems.add(name, _("after {after} liegt nicht vor until {until}: die Bedingung träfe "
                             "nie zu.").format(after=after, until=until))
    months = {key: f.whole_number(problems, f"{name}.{key}", item[key], 1, 1200)
              for key in ("months_ago_under", "months_ago_min") if key in item}
    if not (until or after or months):
        problems.add(name, _("Erwartet wird until, after, months_ago_under oder "
                             "months_ago_min (oder „unknown“)."))
    return PermitCondition(until=until, after=after,
                           months_ago_under=months.get("months_ago_under"),
                           months_ago_min=months.get("months_ago_min"),
                           or_unknown=f.flag(problems, f"{name}.or_unknown",
                                             item.get("or_unknown", False)))
