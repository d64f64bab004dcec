"""Registering and changing persons: validated input in, rows out, in the caller's transaction.

Callers run these inside one ``unit_of_work``: the person, its name variants, its number and
its search keys are written together or not at all. A change is based on the version the
caller saw; if someone else saved in between, nothing is overwritten (ConflictError).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.codes import HouseholdRole
from app.config import Settings
from app.db.base import utcnow
from app.db.models import Household, Office, Person, PersonName
from app.errors import ConflictError, NotFoundError
from app.i18n import _
from app.ids import parse_number
from app.search import index_person
from app.security.audit import PERSON, AuditAction, record_by
from app.security.permissions import Action, Actor, require
from app.services.numbers import next_number
from app.services.partial_dates import PartialDate
from app.services.person_input import (
    NameVariant,
    PersonInput,
    PersonValidationError,
    field_error,
    validate,
)
from app.services.text_checks import printable

# PersonInput fields stored under another column name; the birth date and the name variants
# are stored in more than one column or row and are mapped by hand.
_COLUMNS = {"postcode": "postal_code", "status": "legal_status"}
_BY_HAND = ("names", "birth_date", "languages")
MAX_MERGE_CHAIN = 20


def register_person(session: Session, data: PersonInput, *, actor: Actor,
                    settings: Settings) -> Person:
    """A new person with the next person number of this workstation; flushed and indexed."""
    require(session, actor, Action.REGISTER_PERSON)
    _require_household(session, data.household_id, data.household_role)
    person = Person(
        person_number=next_number(session, office=settings.office,
                                  workstation=settings.workstation, person=True),
        office_id=_office_id(session, settings.office), origin=settings.origin,
        **_columns(data))
    person.names = _name_rows(person, data.names, settings.origin)
    session.add(person)
    session.flush()
    index_person(session, person)
    record_by(session, actor, AuditAction.REGISTER_PERSON, entity_type=PERSON,
              entity_id=person.id, details={"person_number": person.person_number})
    return person


def register_persons(session: Session, batch: Sequence[PersonInput], *, actor: Actor,
                     settings: Settings) -> list[Person]:
    """Several persons in the caller's transaction (a family, an import)."""
    return [register_person(session, data, actor=actor, settings=settings) for data in batch]


def update_person(session: Session, person_id: uuid.UUID | str, changes: Mapping[str, object],
                  *, actor: Actor, settings: Settings,
                  expected_version: int | None = None) -> Person:
    """Apply ``changes`` (keys as in app.services.person_input) to a stored person.

    Only the given keys are read; the others keep their stored values, and the rules that
    span fields are checked on the result. ``expected_version`` is the version the editor
    loaded: if the person was saved since, ConflictError. Returns the person with its new
    version (unchanged if nothing changed)."""
    person = load_person(session, person_id)
    require(session, actor, Action.CHANGE_PERSON, entity_type=PERSON, entity_id=person.id)
    if expected_version is not None and person.version != expected_version:
        raise _conflict(person.person_number)
    data = validate(changes, base=input_from_person(person))
    if "household_id" in changes or "household_role" in changes:
        _require_household(session, data.household_id, data.household_role,
                           person_id=person.id)
    number = person.person_number  # a failed flush expires the person
    if _apply(person, data, settings.origin):
        try:
            session.flush()
        except StaleDataError:
            raise _conflict(number) from None
        index_person(session, person)
        audit_change(session, person, sorted(str(key) for key in changes), actor=actor)
    return person


def audit_change(session: Session, person: Person, fields: Sequence[str], *,
                 actor: Actor) -> None:
    """Which fields changed, not their values: the log does not copy personal data."""
    record_by(session, actor, AuditAction.CHANGE_PERSON, entity_type=PERSON,
              entity_id=person.id, details={"person_number": person.person_number,
                                            "fields": list(fields), "version": person.version})


def load_person(session: Session, key: uuid.UUID | str) -> Person:
    """A person by id (UUID) or person number (``P-NE-1-2026-000017-8``). The id or number
    of a duplicate merged into another person leads to the person kept: numbers on letters
    and papers the person still carries keep working."""
    person = session.get(Person, key) if isinstance(key, uuid.UUID) else _by_text(session, key)
    person = _kept(session, person)
    if person is None or person.is_deleted:
        raise NotFoundError(
            _("Eine Person „{key}“ gibt es nicht.").format(key=printable(str(key)[:60])),
            hint=_("Erwartet wird die Kennung (UUID) oder die Personennummer, "
                   "z. B. P-NE-1-2026-000017-8."))
    return person


def _kept(session: Session, person: Person | None) -> Person | None:
    """The person a merged duplicate was merged into (and so on, if that one was merged
    later too); a bounded walk, so a damaged chain cannot loop."""
    for _step in range(MAX_MERGE_CHAIN):
        if person is None or person.merged_into_id is None:
            return person
        person = session.get(Person, person.merged_into_id)
    return None


def input_from_person(person: Person) -> PersonInput:
    """The stored person as form data (to show it, or as the base of a change)."""
    values: dict[str, Any] = {field.name: getattr(person, _COLUMNS.get(field.name, field.name))
                              for field in fields(PersonInput) if field.name not in _BY_HAND}
    born = person.birth_date
    return PersonInput(
        **values, languages=tuple(person.languages),
        birth_date=PartialDate(born, person.birth_date_precision) if born else None,
        names=_variants(person))


def _variants(person: Person) -> tuple[NameVariant, ...]:
    return tuple(NameVariant(name.family_name, name.given_names, name.kind, name.script)
                 for name in person.names)


def _by_text(session: Session, text: str) -> Person | None:
    number = parse_number(text)
    if number is not None:
        query = select(Person).where(Person.person_number == str(number))
        return session.scalars(query).first()
    try:
        return session.get(Person, uuid.UUID(text.strip()))
    except ValueError:
        return None


def _columns(data: PersonInput) -> dict[str, Any]:
    columns = {_COLUMNS.get(field.name, field.name): getattr(data, field.name)
               for field in fields(data) if field.name not in _BY_HAND}
    born = data.birth_date
    columns["birth_date"] = born.value if born else None
    if born:
        columns["birth_date_precision"] = born.precision
    columns["languages"] = list(data.languages)
    return columns


def _name_rows(person: Person, variants: Sequence[NameVariant], origin: str) -> list[PersonName]:
    """Rows for the variants; rows of unchanged variants are kept, so they keep their ids."""
    kept = {(row.family_name, row.given_names, row.kind): row for row in person.names}
    rows = []
    for position, variant in enumerate(variants):
        row = kept.pop((variant.family_name, variant.given_names, variant.kind), None)
        if row is None:
            row = PersonName(family_name=variant.family_name, given_names=variant.given_names,
                             kind=variant.kind, origin=origin)
        row.position, row.script = position, variant.script
        rows.append(row)
    return rows


def _apply(person: Person, data: PersonInput, origin: str) -> bool:
    """Copy what differs onto the person; True if anything did."""
    changed = False
    for column, value in _columns(data).items():
        if getattr(person, column) != value:
            setattr(person, column, value)
            changed = True
    if _variants(person) != data.names:
        person.names = _name_rows(person, data.names, origin)
        changed = True
    if changed:  # also bumps the version when only the name variants changed
        person.origin, person.updated_at = origin, utcnow()
    return changed


def _require_household(session: Session, household_id: uuid.UUID | None, role: str, *,
                       person_id: uuid.UUID | None = None) -> None:
    """The household exists, and it has at most one head."""
    if household_id is None:
        return
    household = session.get(Household, household_id)
    if household is None or household.is_deleted:
        raise PersonValidationError([field_error("household_id", _(
            "einen Haushalt mit dieser Kennung gibt es nicht; erwartet wird die Kennung eines "
            "gespeicherten Haushalts"))])
    if role == HouseholdRole.HEAD and any(
            member.household_role == HouseholdRole.HEAD and member.id != person_id
            and not member.is_deleted for member in household.members):
        raise PersonValidationError([field_error("household_role", _(
            "dieser Haushalt hat schon einen Haushaltsvorstand; erwartet wird eine andere "
            "Rolle"))])


def _office_id(session: Session, code: str) -> uuid.UUID | None:
    return session.scalars(select(Office.id).where(Office.code == code)).first()


def _conflict(person_number: str) -> ConflictError:
    return ConflictError(
        _("Die Person {number} wurde inzwischen an einem anderen Arbeitsplatz gespeichert; "
          "nichts wurde überschrieben.").format(number=person_number),
        hint=_("Die Person neu laden und die Änderung noch einmal eintragen."))
