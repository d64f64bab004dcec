"""What merging two records of one person does to the fields of the one kept.

Pure: two persons as form data in, the fields that differ and the changes to the kept one
out. A field the kept record leaves empty is filled from the other; where both hold a value,
the kept one stays unless the supervisor chose the other (``choices``: key → "keep" or
"merge"). The other record's names become additional spellings of the kept one, so the
search still finds the person by them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from app.codes import NATIONALITY_UNCLEAR, HouseholdRole, LegalStatus, Sex
from app.errors import FieldError
from app.i18n import _
from app.iso_codes import country_name, language_name
from app.services.partial_dates import PartialDate
from app.services.person_input import (
    LABELS,
    NameVariant,
    PersonInput,
    PersonValidationError,
    as_raw,
    label,
)


class Side(StrEnum):
    KEEP = "keep"
    MERGE = "merge"


# Merged apart: the name variants are combined; the role goes with the household.
NOT_CHOSEN = ("names", "household_role")
# Values that say nothing is known: the kept record is "empty" there.
_UNKNOWN: dict[str, object] = {"sex": Sex.UNKNOWN.value, "nationality": NATIONALITY_UNCLEAR,
                               "status": LegalStatus.UNKNOWN.value}


@dataclass(frozen=True)
class FieldDifference:
    """One field the two records hold differently, each value as the dialog shows it."""

    key: str
    label: str
    keep: str
    merge: str
    default: Side


def is_empty(key: str, value: object) -> bool:
    return value in (None, "", ()) or _UNKNOWN.get(key, ...) == value


def differences(keep: PersonInput, merge: PersonInput) -> list[FieldDifference]:
    """The fields that differ, in the order of the person form, with the side taken unless
    the supervisor chooses otherwise."""
    return [FieldDifference(key, label(key), value_text(key, getattr(keep, key)),
                            value_text(key, getattr(merge, key)), default_side(key, keep, merge))
            for key in LABELS if key not in NOT_CHOSEN
            and getattr(keep, key) != getattr(merge, key)]


def default_side(key: str, keep: PersonInput, merge: PersonInput) -> Side:
    return Side.MERGE if is_empty(key, getattr(keep, key)) \
        and not is_empty(key, getattr(merge, key)) else Side.KEEP


def changes(keep: PersonInput, merge: PersonInput,
            choices: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Raw changes to the kept person (as :func:`app.services.person_input.validate` reads
    them): the fields taken from the other record, and the combined name variants."""
    chosen = _checked_choices(choices or {})
    taken = [d.key for d in differences(keep, merge)
             if Side(chosen.get(d.key, d.default)) is Side.MERGE]
    if "household_id" in taken:
        taken.append("household_role")
    raw, merged = as_raw(merge), {key: as_raw(merge)[key] for key in taken}
    names = combined_names(keep, merge)
    if names != keep.names:
        merged["names"] = [{"family_name": n.family_name, "given_names": n.given_names,
                            "kind": n.kind} for n in names]
    return {key: value for key, value in merged.items() if key in raw}


def combined_names(keep: PersonInput, merge: PersonInput) -> tuple[NameVariant, ...]:
    """The kept spellings, then the other record's name and its spellings not yet there."""
    own = (keep.family_name, keep.given_names)
    names = list(keep.names)
    for name in (NameVariant(merge.family_name, merge.given_names), *merge.names):
        known = {(n.family_name, n.given_names) for n in names}
        if (name.family_name, name.given_names) not in known | {own}:
            names.append(name)
    return tuple(names)


def _checked_choices(choices: Mapping[str, str]) -> dict[str, str]:
    wrong = [FieldError(key, label(key), _("erwartet wird „keep“ oder „merge“"))
             for key, side in choices.items()
             if key not in LABELS or key in NOT_CHOSEN or side not in set(Side)]
    if wrong:
        raise PersonValidationError(wrong)
    return dict(choices)


def value_text(key: str, value: object) -> str:
    """A value as a supervisor reads it: codes by their German names, dates as dd.mm.yyyy."""
    if value is None or value in ("", ()):
        return _("(leer)")
    if isinstance(value, PartialDate):
        return _birth_text(value)
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    return _code_text(key, value)


def _birth_text(born: PartialDate) -> str:
    formats = {"year": "%Y", "month": "%m.%Y"}
    return born.value.strftime(formats.get(born.precision, "%d.%m.%Y"))


def _code_text(key: str, value: object) -> str:
    if key == "nationality":
        return country_name(str(value))
    if key in ("languages", "interpreter_language", "letter_language"):
        codes = value if isinstance(value, tuple) else (value,)
        return ", ".join(language_name(str(code)) for code in codes)
    kinds: dict[str, type[Sex] | type[LegalStatus] | type[HouseholdRole]] = {
        "sex": Sex, "status": LegalStatus, "household_role": HouseholdRole}
    kind = kinds.get(key)
    if kind is not None and str(value) in set(kind):
        return str(kind(str(value)).label)
    return str(value)
