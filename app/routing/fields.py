"""Reading single values of a rules file: every problem is collected with its place, so that
one run names all of them (file, rule id, field, what is allowed)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date

from app.i18n import _
from app.routing.model import RulesetProblem

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Problems:
    """The problems found so far; ``file`` and ``rule_id`` say where reading is."""

    items: list[RulesetProblem] = field(default_factory=list)
    file: str = ""
    rule_id: str = ""

    def add(self, field_name: str, message: str) -> None:
        self.items.append(RulesetProblem(self.file, self.rule_id, field_name, message))


def allowed(values: Iterable[str]) -> str:
    return _("erlaubt: {values}").format(values=", ".join(values))


def text(problems: Problems, name: str, raw: object, *, required: bool = False) -> str:
    if raw is None or raw == "":
        if required:
            problems.add(name, _("Pflichtangabe fehlt."))
        return ""
    if not isinstance(raw, str):
        problems.add(name, _("„{value}“ ist kein Text.").format(value=raw))
        return ""
    return " ".join(raw.split())


def day(problems: Problems, name: str, raw: object, *, required: bool = False) -> date | None:
    """A date written as YYYY-MM-DD (read as text, so that 2025-02-30 is reported here)."""
    if raw is None or raw == "":
        if required:
            problems.add(name, _("Pflichtangabe fehlt; erwartet wird ein Datum JJJJ-MM-TT."))
        return None
    if isinstance(raw, str) and _ISO_DATE.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    problems.add(name, _("„{value}“ ist kein gültiges Datum; erwartet wird JJJJ-MM-TT, z. B. "
                         "2025-03-31.").format(value=raw))
    return None


def whole_number(problems: Problems, name: str, raw: object, low: int, high: int) -> int | None:
    if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
        problems.add(name, _("„{value}“: erwartet wird eine ganze Zahl von {low} bis "
                             "{high}.").format(value=raw, low=low, high=high))
        return None
    return raw


def flag(problems: Problems, name: str, raw: object) -> bool:
    if not isinstance(raw, bool):
        problems.add(name, _("„{value}“: erwartet wird true oder false.").format(value=raw))
        return False
    return raw


def codes(problems: Problems, name: str, raw: object, known: Collection[str], *,
          shown: Iterable[str] | None = None) -> tuple[str, ...]:
    """One code or a list of codes, each of ``known``; unknown ones are reported."""
    values = raw if isinstance(raw, list) else [raw]
    if not values or any(not isinstance(v, str) or not v for v in values):
        problems.add(name, _("Erwartet wird ein Code oder eine Liste von Codes; {allowed}.")
                     .format(allowed=allowed(shown or known)))
        return ()
    for value in values:
        if value not in known:
            problems.add(name, _("„{value}“ ist unbekannt; {allowed}.").format(
                value=value, allowed=allowed(shown or known)))
    return tuple(str(v) for v in values if v in known)


def text_list(problems: Problems, name: str, raw: object) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(v, str) and v.strip() for v in raw):
        problems.add(name, _("Erwartet wird eine Liste von Texten."))
        return ()
    return tuple(dict.fromkeys(" ".join(v.split()) for v in raw))


def mapping(problems: Problems, name: str, raw: object,
            keys: Collection[str]) -> dict[str, object]:
    """A mapping with only the given keys; anything else is reported and left out."""
    if not isinstance(raw, dict):
        problems.add(name, _("Erwartet wird eine Zuordnung mit {keys}.").format(
            keys=", ".join(keys)))
        return {}
    for key in raw:
        if key not in keys:
            problems.add(f"{name}.{key}" if name else str(key),
                         _("Unbekanntes Feld; {allowed}.").format(allowed=allowed(keys)))
    return {str(k): v for k, v in raw.items() if k in keys}
