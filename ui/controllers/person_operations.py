"""The database side of the person area, as operations for the background worker.

Each function here takes a session and returns plain data for the GUI thread; nothing in
here touches a widget. Saving a new person first looks for likely duplicates and writes
nothing if there are any; only the front desk's "new person" decision saves without looking.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import Person
from app.errors import ValidationError
from app.security.permissions import Actor
from app.services.duplicates import Duplicate, find_duplicates
from app.services.households import (
    HouseholdMember,
    add_household_members,
    household_members,
    register_household,
)
from app.services.person_input import PersonInput, as_raw, validate
from app.services.persons import input_from_person, load_person, register_person, update_person

Raw = Mapping[str, object]
_HOUSEHOLD_KEYS = ("household_id", "household_role")


@dataclass(frozen=True)
class LoadedPerson:
    """A stored person as the form shows it."""

    person_id: uuid.UUID
    person_number: str
    version: int
    name: str
    raw: dict[str, Any]
    household: list[HouseholdMember] = field(default_factory=list)


@dataclass(frozen=True)
class SaveOutcome:
    """Either the saved person, or the likely duplicates found instead of saving."""

    saved: LoadedPerson | None = None
    duplicates: list[tuple[str, Duplicate]] = field(default_factory=list)


def display_name(family_name: object, given_names: object) -> str:
    return ", ".join(str(part) for part in (family_name, given_names) if part)


def loaded(session: Session, person: Person) -> LoadedPerson:
    household = (household_members(session, person.household_id)
                 if person.household_id else [])
    return LoadedPerson(person.id, person.person_number, person.version,
                        display_name(person.family_name, person.given_names),
                        as_raw(input_from_person(person)), household)


def load(person_id: uuid.UUID) -> Any:
    def operation(session: Session) -> LoadedPerson:
        return loaded(session, load_person(session, person_id))
    return operation


def save_new(raw: Raw, members: Sequence[Raw], *, actor: Actor, settings: Settings,
             check_duplicates: bool) -> Any:
    """Register the person (and the new household members with them)."""
    def operation(session: Session) -> SaveOutcome:
        if check_duplicates:
            found = _likely_duplicates(session, [raw, *members], actor)
            if found:
                return SaveOutcome(duplicates=found)
        if members:
            persons = register_household(session, [raw, *members], actor=actor,
                                         settings=settings)
            return SaveOutcome(saved=loaded(session, persons[0]))
        return SaveOutcome(saved=loaded(session, register_person(
            session, validate(raw), actor=actor, settings=settings)))
    return operation


def save_changes(person_id: uuid.UUID, version: int, raw: Raw, members: Sequence[Raw], *,
                 actor: Actor, settings: Settings) -> Any:
    """Store the changed person based on ``version``, and add new household members."""
    def operation(session: Session) -> SaveOutcome:
        # The household itself is not typed; new members may be what creates it.
        left_out = _HOUSEHOLD_KEYS if members else ("household_id",)
        changes = {key: value for key, value in raw.items() if key not in left_out}
        person = update_person(session, person_id, changes, actor=actor, settings=settings,
                               expected_version=version)
        if members:
            role = raw.get("household_role")
            add_household_members(session, person.id, members, actor=actor,
                                  settings=settings, role=str(role) if role else None)
            session.flush()
        return SaveOutcome(saved=loaded(session, person))
    return operation


def _likely_duplicates(session: Session, entries: Sequence[Raw],
                       actor: Actor) -> list[tuple[str, Duplicate]]:
    """Duplicates of every typed person; typing errors are left to the save that follows."""
    found: list[tuple[str, Duplicate]] = []
    typed = [_typed(entry) for entry in entries]
    if any(person is None for person in typed):
        return []
    for person in typed:
        assert person is not None
        name = display_name(person.family_name, person.given_names)
        found += [(name, duplicate) for duplicate in find_duplicates(session, person, actor=actor)]
    return found


def _typed(raw: Raw) -> PersonInput | None:
    """The person data without the household, which is only created by the save."""
    try:
        return validate({k: v for k, v in raw.items() if k not in _HOUSEHOLD_KEYS})
    except ValidationError:
        return None
