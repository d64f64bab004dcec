"""Households: a family that comes to the counter together is registered together.

Everything here runs in the caller's transaction (one unit of work per user action): every
member is validated by the one validation layer first, and only when all of them fit is
anything written. Errors name the member and the field (``members[2].birth_date``,
"Haushaltsmitglied 3 – Geburtsdatum"); the members are numbered from 1 in the order given,
and when members are added to a stored person, that person is member 1.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import HouseholdRole
from app.config import Settings
from app.db.base import utcnow
from app.db.models import Household, Person
from app.errors import FieldError
from app.i18n import _
from app.ids import new_id
from app.security.audit import PERSON
from app.security.permissions import Action, Actor, require
from app.services import person_fields
from app.services.field_text import FieldProblem
from app.services.partial_dates import PartialDate
from app.services.person_input import (
    PersonInput,
    PersonValidationError,
    field_error,
    validate,
)
from app.services.persons import audit_change, load_person, register_persons

_ROLE_ORDER = {role.value: position for position, role in enumerate(HouseholdRole)}


@dataclass(frozen=True)
class HouseholdMember:
    """One member of a stored household, as the person form lists it."""

    person_id: uuid.UUID
    person_number: str
    family_name: str
    given_names: str
    birth_date: PartialDate | None
    household_role: str


def register_household(session: Session, members: Sequence[Mapping[str, object]], *,
                       actor: Actor, settings: Settings,
                       household_id: uuid.UUID | None = None,
                       label: str = "") -> list[Person]:
    """Register ``members`` (raw person data, each with its ``household_role``) as one
    household: a new one (``label`` defaults to the first member's family name) or the
    stored ``household_id``. A member's own ``household_id`` is replaced by the household's.
    Raises one PersonValidationError for all members; then nothing is written."""
    require(session, actor, Action.REGISTER_PERSON)
    if not members:
        raise PersonValidationError([FieldError("members", _("Haushalt"), _(
            "mindestens ein Haushaltsmitglied angeben"))])
    target = household_id or new_id()
    heads = _heads(session, household_id) if household_id else 0
    typed = _validated(members, target, first=0, heads=heads)
    if household_id is None:
        _add_household(session, target, label or _name_of(typed[0]), settings.origin)
    return register_persons(session, typed, actor=actor, settings=settings)


def add_household_members(session: Session, person_id: uuid.UUID | str,
                          members: Sequence[Mapping[str, object]], *, actor: Actor,
                          settings: Settings, role: str | None = None) -> list[Person]:
    """Register ``members`` in the household of a stored person, creating the household
    (labelled with the person's family name) if the person has none yet. ``role``, if
    given, becomes the person's role in the household. The person is member 1 in errors,
    the new members are 2, 3, …"""
    person = load_person(session, person_id)
    require(session, actor, Action.CHANGE_PERSON, entity_type=PERSON, entity_id=person.id)
    require(session, actor, Action.REGISTER_PERSON, entity_type=PERSON, entity_id=person.id)
    own_role = _checked_role(person.household_role if role is None else role)
    others = _heads(session, person.household_id, without=person.id) if person.household_id \
        else 0
    target = person.household_id or new_id()
    typed = _validated(members, target, first=1,
                       heads=others + (own_role == HouseholdRole.HEAD))
    if person.household_id is None:
        _add_household(session, target, person.family_name or person.given_names,
                       settings.origin)
    joined = _join(person, target, own_role, settings.origin)
    session.flush()
    if joined:
        audit_change(session, person, ["household_id", "household_role"], actor=actor)
    return register_persons(session, typed, actor=actor, settings=settings)


def household_members(session: Session, household_id: uuid.UUID) -> list[HouseholdMember]:
    """The members of a household: the head first, then by role and age."""
    query = select(Person).where(Person.household_id == household_id,
                                 Person.deleted_at.is_(None))
    found = [_member(person) for person in session.scalars(query)]
    return sorted(found, key=_member_order)


# --- validation ------------------------------------------------------------------------------


def _validated(members: Sequence[Mapping[str, object]], household_id: uuid.UUID, *,
               first: int, heads: int) -> list[PersonInput]:
    """Every member read with the household set (so that its role has a household); one
    error listing every member's problems, including a second head."""
    typed: list[PersonInput] = []
    errors: list[FieldError] = []
    for offset, raw in enumerate(members):
        try:
            typed.append(_one_member(raw, household_id))
        except PersonValidationError as invalid:
            errors += [_member_error(first + offset, error) for error in invalid.errors]
    errors += _second_heads(members, first, heads)
    if errors:
        raise PersonValidationError(errors)
    return typed


def _one_member(raw: Mapping[str, object], household_id: uuid.UUID) -> PersonInput:
    if not isinstance(raw, Mapping):
        raise PersonValidationError([FieldError("", _("Haushaltsmitglied"), _(
            "erwartet wird ein Objekt mit den Angaben zur Person"))])
    return validate({**raw, "household_id": str(household_id)})


def _second_heads(members: Sequence[Mapping[str, object]], first: int,
                  heads: int) -> list[FieldError]:
    """Only one member can be the head of the household."""
    errors = []
    for offset, raw in enumerate(members):
        if isinstance(raw, Mapping) and _role_code(raw.get("household_role")) == "head":
            if heads:
                errors.append(_member_error(first + offset, field_error("household_role", _(
                    "nur ein Haushaltsmitglied kann Haushaltsvorstand sein; der Haushalt hat "
                    "schon einen"))))
            heads += 1
    return errors


def _role_code(value: object) -> str:
    try:
        return person_fields.household_role(value)
    except FieldProblem:
        return ""  # reported by the validation of the member


def _checked_role(value: str) -> str:
    try:
        return person_fields.household_role(value)
    except FieldProblem as problem:
        raise PersonValidationError([field_error("household_role", str(problem))]) from None


def _member_error(index: int, error: FieldError) -> FieldError:
    where = f"members[{index}]" + (f".{error.field}" if error.field else "")
    return FieldError(where, _("Haushaltsmitglied {number} – {label}").format(
        number=index + 1, label=error.label), error.expected)


# --- writing and reading -----------------------------------------------------------------------


def _heads(session: Session, household_id: uuid.UUID, *,
           without: uuid.UUID | None = None) -> int:
    """How many heads the stored household has (it must exist)."""
    household = session.get(Household, household_id)
    if household is None or household.is_deleted:
        raise PersonValidationError([field_error("household_id", _(
            "einen Haushalt mit dieser Kennung gibt es nicht; erwartet wird die Kennung eines "
            "gespeicherten Haushalts"))])
    return sum(member.household_role == HouseholdRole.HEAD and member.id != without
               and not member.is_deleted for member in household.members)


def _add_household(session: Session, household_id: uuid.UUID, name: str, origin: str) -> None:
    session.add(Household(id=household_id, label=name, origin=origin))
    session.flush()


def _join(person: Person, household_id: uuid.UUID, role: str, origin: str) -> bool:
    """Whether the person's household or role changed."""
    if (person.household_id, person.household_role) == (household_id, role):
        return False
    person.household_id, person.household_role = household_id, role
    person.origin, person.updated_at = origin, utcnow()
    return True


def _name_of(person: PersonInput) -> str:
    return person.family_name or person.given_names


def _member(person: Person) -> HouseholdMember:
    born = person.birth_date
    return HouseholdMember(
        person.id, person.person_number, person.family_name, person.given_names,
        PartialDate(born, person.birth_date_precision) if born else None,
        person.household_role)


def _member_order(member: HouseholdMember) -> tuple[int, str, str, str]:
    born = member.birth_date.value.isoformat() if member.birth_date else "9999"
    return (_ROLE_ORDER.get(member.household_role, len(_ROLE_ORDER)), born,
            member.family_name, member.given_names)

