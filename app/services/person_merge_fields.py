"""Merging two saves of the same person field by field: what this user typed ("mine"), what
another workstation stored meanwhile ("theirs"), both against the version the user loaded
("base") – a three-way merge, as version control does it for lines.

Values are compared as the validation layer reads them, so ``14.03.1988`` typed and
``1988-03-14`` stored are the same date and only real differences are offered. A field only
one side changed defaults to that side; a field both changed to different values has no
default: the user decides. Nothing here writes; the caller saves the merged form data on top
of the stored version (its version as ``expected_version``), so a third save in between is
caught again.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.i18n import N_, _
from app.services.person_input import LABELS, PersonInput, PersonValidationError, as_raw, label
from app.services.person_input import validate as validate_person

Raw = Mapping[str, object]


class Side(StrEnum):
    MINE = "mine"  # what this user typed
    THEIRS = "theirs"  # what is stored now


# Fields the person form does not edit: the stored value always holds, and the dialog says so.
NOT_MERGED = ("household_id",)
HOUSEHOLD_NOTE = N_("Haushalt: Die Zuordnung zum Haushalt wird im Formular nicht geändert; es "
                    "gilt die gespeicherte. Neu eingetragene Haushaltsmitglieder werden "
                    "mitgespeichert.")
# Compared as a whole: merging single spellings could pair a family name with the wrong
# given names, so the user takes one list or the other.
NAMES_NOTE = N_("Namensvarianten werden als Ganzes übernommen: entweder Ihre Liste oder die "
                "gespeicherte.")
# A stand-in person that satisfies every rule spanning fields, so that reading one field
# alone can only fail for that field's own value.
_NEUTRAL = PersonInput(family_name="X", given_names="X", interpreter_language="ar",
                       household_id=uuid.UUID(int=0))
_MISSING = object()


@dataclass(frozen=True)
class FieldChoice:
    """One field whose value differs between the user's input and the stored version."""

    key: str
    label: str
    mine: object  # as typed
    theirs: object  # as stored (form data)
    default: Side | None  # None: both sides changed it, the user must choose

    @property
    def both_changed(self) -> bool:
        return self.default is None


class UnchosenFieldsError(ValueError):
    """A field both sides changed was left without a choice."""

    def __init__(self, keys: Sequence[str]) -> None:
        super().__init__(", ".join(keys))
        self.keys = list(keys)


def canonical(key: str, value: object) -> object:
    """The value as the validation layer reads it; text it cannot read is compared as typed
    (without surrounding blanks), so a typing error still counts as a change."""
    try:
        return as_raw(validate_person({key: value}, base=_NEUTRAL))[key]
    except PersonValidationError:
        return value.strip() if isinstance(value, str) else value


def three_way(base: Raw, mine: Raw, theirs: Raw) -> list[FieldChoice]:
    """The fields in which ``mine`` and ``theirs`` differ, in the order of the form, each
    with its default side. An empty ``base`` (the loaded version is not known, e.g. for a
    restored draft) makes every difference a field both changed."""
    choices = []
    for key in LABELS:
        if key in NOT_MERGED:
            continue
        choice = _choice(key, base.get(key, _MISSING), mine.get(key), theirs.get(key))
        if choice is not None:
            choices.append(choice)
    return choices


def _choice(key: str, base: object, mine: object, theirs: object) -> FieldChoice | None:
    typed, stored = canonical(key, mine), canonical(key, theirs)
    if typed == stored:
        return None
    loaded = _MISSING if base is _MISSING else canonical(key, base)
    mine_changed, theirs_changed = typed != loaded, stored != loaded
    default = (Side.MINE if mine_changed and not theirs_changed
               else Side.THEIRS if theirs_changed and not mine_changed else None)
    return FieldChoice(key, label(key), mine, theirs, default)


def merge_notes(mine: Raw, theirs: Raw, choices: Sequence[FieldChoice], *,
                new_members: bool) -> list[str]:
    """What the field choices do not cover, for the dialog to say."""
    notes = []
    if any(choice.key == "names" for choice in choices):
        notes.append(_(NAMES_NOTE))
    if new_members or canonical("household_id", mine.get("household_id")) != canonical(
            "household_id", theirs.get("household_id")):
        notes.append(_(HOUSEHOLD_NOTE))
    return notes


def merged(mine: Raw, theirs: Raw, choices: Sequence[FieldChoice],
           chosen: Mapping[str, Side]) -> dict[str, object]:
    """The form data to save: the user's input, with the stored value wherever the stored
    side was chosen (or is the default) and in the fields the form does not edit.
    UnchosenFieldsError names the fields both changed that have no choice."""
    missing = [c.key for c in choices if c.key not in chosen and c.default is None]
    if missing:
        raise UnchosenFieldsError(missing)
    result = dict(mine)
    result.update({key: theirs.get(key) for key in NOT_MERGED})
    for choice in choices:
        if chosen.get(choice.key, choice.default) == Side.THEIRS:
            result[choice.key] = theirs.get(choice.key)
    return result
