"""Reading the rules files of a folder: the header (version, status groups, age limits) and the
rules, with every problem collected rather than stopping at the first."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from app.codes import LegalStatus
from app.i18n import _
from app.resources import resource_path
from app.routing import fields as f
from app.routing.conditions import AgeLimit, Membership, StatusGroup
from app.routing.model import OLDEST_AGE, RulesetProblem
from app.routing.rule_reader import (
    Vocabulary,
    read_permit,
    read_rule,
    read_statuses,
    rule_label,
)
from app.routing.ruleset import Rule, Ruleset

FORMAT = "lotse-routing/1"
FILE_KEYS = ("format", "version", "valid_from", "status_groups", "age_limits", "rules")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class _Loader(yaml.CSafeLoader):
    """libyaml's safe loader, with dates left as text so a bad date is reported as such."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()}


def default_rules_path() -> Path:
    return resource_path("routing")


def read_ruleset(path: Path) -> tuple[Ruleset, list[RulesetProblem]]:
    """The ruleset in a folder of ``*.yaml`` files (or one file), and its problems."""
    problems = f.Problems()
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    documents = [(file.name, _document(file, problems)) for file in files]
    if not files:
        problems.file = path.name
        problems.add("", _("Keine Regeldateien (*.yaml) gefunden."))
    header = _header(path, documents, problems)
    vocabulary = Vocabulary(tuple(header["status_groups"]), tuple(header["age_limits"]))
    rules = [rule for name, document in documents
             for rule in _rules(name, document, vocabulary, problems)]
    _check_unique_ids(documents, problems)
    ruleset = Ruleset(header["version"], header["valid_from"], path,
                      tuple(name for name, _doc in documents), header["status_groups"],
                      header["age_limits"], tuple(rules))
    return ruleset, problems.items


def _document(file: Path, problems: f.Problems) -> dict[str, Any]:
    problems.file, problems.rule_id = file.name, ""
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError) as exc:
        problems.add("", _("Die Datei kann nicht gelesen werden ({error}).").format(error=exc))
        return {}
    except yaml.YAMLError as exc:
        problems.add("", _("Kein gültiges YAML: {error}").format(error=exc))
        return {}
    document = f.mapping(problems, "", data, FILE_KEYS)
    if document and document.get("format") != FORMAT:
        problems.add("format", _("„{found}“ ist unbekannt; erwartet wird {format}.").format(
            found=document.get("format", ""), format=FORMAT))
        return {}
    return document


def _header(path: Path, documents: list[tuple[str, dict[str, Any]]],
            problems: f.Problems) -> dict[str, Any]:
    heads = [(name, doc) for name, doc in documents if "version" in doc]
    if len(heads) != 1:
        problems.file, problems.rule_id = path.name, ""
        problems.add("version", _("Genau eine Datei muss version, valid_from und die "
                                  "Statusgruppen angeben; gefunden in: {files}.").format(
            files=", ".join(name for name, _doc in heads) or "–"))
    name, head = heads[0] if heads else ("", {})
    problems.file, problems.rule_id = name, ""
    start = f.day(problems, "valid_from", head.get("valid_from"), required=bool(heads))
    return {"version": f.text(problems, "version", head.get("version"), required=bool(heads)),
            "valid_from": start or date.min,
            "status_groups": _groups(head.get("status_groups", {}), problems),
            "age_limits": _limits(head.get("age_limits", {}), start, problems)}


def _groups(raw: object, problems: f.Problems) -> dict[str, StatusGroup]:
    groups: dict[str, StatusGroup] = {}
    for name, item in _named(raw, "status_groups", problems).items():
        problems.rule_id = _("Statusgruppe {name}").format(name=name)
        entry = f.mapping(problems, "", item, ("label", "members"))
        members = entry.get("members")
        if not isinstance(members, list) or not members:
            problems.add("members", _("Erwartet wird eine nicht leere Liste von Einträgen mit "
                                      "status, permit_issued, valid_from, valid_to."))
            members = []
        groups[name] = StatusGroup(name, f.text(problems, "label", entry.get("label")),
                                   tuple(_member(m, problems) for m in members))
    problems.rule_id = ""
    return groups


def _named(raw: object, what: str, problems: f.Problems) -> dict[str, object]:
    if not isinstance(raw, dict):
        problems.add(what, _("Erwartet wird eine Zuordnung Name → Angaben."))
        return {}
    for name in raw:
        if not isinstance(name, str) or not _NAME.match(name) or name in set(LegalStatus):
            problems.add(what, _("„{name}“ taugt nicht als Name: Kleinbuchstaben, Ziffern und "
                                 "_, und kein Status-Code.").format(name=name))
    return {str(k): v for k, v in raw.items() if isinstance(k, str) and _NAME.match(k)}


def _member(raw: object, problems: f.Problems) -> Membership:
    item = f.mapping(problems, "members", raw, ("status", "permit_issued", "valid_from",
                                                "valid_to"))
    start = f.day(problems, "members.valid_from", item.get("valid_from"))
    end = f.day(problems, "members.valid_to", item.get("valid_to"))
    if start and end and start > end:
        problems.add("members.valid_to", _("{end} liegt vor valid_from {start}.").format(
            end=end, start=start))
    statuses = read_statuses(problems, "members.status", item.get("status"), Vocabulary((), ()))
    permit = item.get("permit_issued")
    return Membership(frozenset(statuses),
                      None if permit is None else read_permit(problems, "members.permit_issued",
                                                              permit), start, end)


def _limits(raw: object, start: date | None, problems: f.Problems) -> dict[str, AgeLimit]:
    limits: dict[str, AgeLimit] = {}
    for name, item in _named(raw, "age_limits", problems).items():
        problems.rule_id = _("Altersgrenze {name}").format(name=name)
        entry = f.mapping(problems, "", item, ("label", "values"))
        values = entry.get("values")
        periods = [_limit_value(v, problems) for v in values] if isinstance(values, list) else []
        limits[name] = AgeLimit(name, f.text(problems, "label", entry.get("label")),
                                tuple(p for p in periods if p is not None))
        _check_periods(limits[name], start, problems)
    problems.rule_id = ""
    return limits


def _limit_value(raw: object, problems: f.Problems) -> tuple[int, date, date | None] | None:
    item = f.mapping(problems, "values", raw, ("age", "valid_from", "valid_to"))
    age = f.whole_number(problems, "values.age", item.get("age"), 0, OLDEST_AGE)
    start = f.day(problems, "values.valid_from", item.get("valid_from"), required=True)
    end = f.day(problems, "values.valid_to", item.get("valid_to"))
    if age is None or start is None or (end is not None and start > end):
        return None
    return age, start, end


def _check_periods(limit: AgeLimit, start: date | None, problems: f.Problems) -> None:
    """The periods must follow each other without gap or overlap, from the ruleset's start
    on and open at the end: otherwise some day would have no limit."""
    periods = sorted(limit.values, key=lambda value: value[1])
    expected = periods[0][1] if periods else None
    for _age, begin, end in periods:
        if begin != expected:
            problems.add("values", _("Lücke oder Überschneidung vor {day}.").format(day=begin))
        expected = None if end is None else end + timedelta(days=1)
    if not periods or expected is not None or (start and periods[0][1] > start):
        problems.add("values", _("Die Zeiträume müssen ab valid_from des Regelwerks lückenlos "
                                 "bis offen (ohne valid_to) reichen."))


def _rules(name: str, document: dict[str, Any], vocabulary: Vocabulary,
           problems: f.Problems) -> list[Rule]:
    problems.file, problems.rule_id = name, ""
    raw = document.get("rules", [])
    if not isinstance(raw, list):
        problems.add("rules", _("Erwartet wird eine Liste von Regeln."))
        return []
    found = [read_rule(item, n, vocabulary, problems) for n, item in enumerate(raw, start=1)]
    return [rule for rule in found if rule is not None]


def _check_unique_ids(documents: list[tuple[str, dict[str, Any]]],
                      problems: f.Problems) -> None:
    """Every id once across all files (counted before any rule is dropped for a problem)."""
    seen: dict[str, str] = {}
    for name, document in documents:
        raw = document.get("rules")
        for position, item in enumerate(raw if isinstance(raw, list) else [], start=1):
            rule_id = rule_label(item, position)
            if rule_id in seen and isinstance(item, dict) and item.get("id"):
                problems.items.append(RulesetProblem(name, rule_id, "id", _(
                    "Die Kennung kommt schon in {file} vor; jede Regel braucht eine "
                    "eigene.").format(file=seen[rule_id])))
            seen.setdefault(rule_id, name)
