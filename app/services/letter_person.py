"""What a letter may say about a person to one recipient: consent ∪ law, nothing more.

A part of the person's data goes into the letter only if a recorded, not withdrawn consent
for this recipient names it (a consent for the agency kind without an office covers every
office of that kind; one for an office covers that office), or if the data protection rules
allow it for the agency kind without consent. Every other part arrives as ``None`` and is
named in ``withheld``; the letter then says so instead of printing it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from app.db.models import Consent, Person, PersonName
from app.letters.model import (
    BirthDate,
    Contact,
    DataCategory,
    HouseholdMember,
    Identity,
    Languages,
    PersonData,
    Residence,
    TransferBasis,
)
from app.services.data_protection import DataProtectionRules


@dataclass(frozen=True)
class Recipient:
    agency_kind: str
    directory_office_id: uuid.UUID | None


@dataclass(frozen=True)
class Disclosure:
    """What may be printed for one recipient, and why."""

    allowed: frozenset[DataCategory]
    basis: TransferBasis


def covering_consents(session: Session, person_id: uuid.UUID,
                      recipient: Recipient) -> list[Consent]:
    """The person's valid consents that cover this recipient, newest first."""
    office: ColumnElement[bool] = Consent.directory_office_id.is_(None)
    if recipient.directory_office_id is not None:
        office = or_(office, Consent.directory_office_id == recipient.directory_office_id)
    query = (select(Consent)
             .where(Consent.person_id == person_id, Consent.agency_kind == recipient.agency_kind,
                    Consent.withdrawn_at.is_(None), Consent.deleted_at.is_(None), office)
             .order_by(Consent.given_at.desc(), Consent.id.desc()))
    return list(session.scalars(query))


def disclosure(session: Session, person_id: uuid.UUID, recipient: Recipient,
               rules: DataProtectionRules) -> Disclosure:
    law = rules.without_consent(recipient.agency_kind)
    consents = covering_consents(session, person_id, recipient)
    consented = {DataCategory(code) for c in consents for code in c.data_categories
                 if code in set(DataCategory)}
    by_law = set(law.categories)
    # Where the law allows it anyway, it is the firmer basis (it survives a withdrawal).
    only_consent = tuple(c for c in DataCategory if c in consented - by_law)
    latest = next((c for c in consents if set(c.data_categories) & set(only_consent)), None)
    basis = TransferBasis(
        consented=only_consent,
        consent_given_on=None if latest is None else latest.given_at.date(),
        consent_given_by=latest.given_by if latest is not None else "person",
        by_law=law.categories, legal_basis=law.basis)
    return Disclosure(frozenset(consented | by_law), basis)


def person_data(session: Session, person: Person,
                allowed: frozenset[DataCategory]) -> PersonData:
    """The person as far as ``allowed`` reaches; the rest withheld."""
    return PersonData(
        identity=identity(session, person) if DataCategory.IDENTITY in allowed else None,
        contact=_contact(person) if DataCategory.CONTACT in allowed else None,
        residence=_residence(person) if DataCategory.RESIDENCE in allowed else None,
        languages=_languages(person) if DataCategory.LANGUAGE in allowed else None,
        household=_household(session, person) if DataCategory.HOUSEHOLD in allowed else None,
        withheld=tuple(c for c in DataCategory if c not in allowed))


def identity(session: Session, person: Person) -> Identity:
    return Identity(family_name=person.family_name, given_names=person.given_names,
                    original_name=original_name(session, person.id),
                    birth_date=birth_date(person))


def original_name(session: Session, person_id: uuid.UUID) -> str:
    """The name in its own script (family name first, as the papers write it), or ""."""
    query = (select(PersonName).where(PersonName.person_id == person_id,
                                      PersonName.kind == "original",
                                      PersonName.deleted_at.is_(None))
             .order_by(PersonName.position).limit(1))
    name = session.scalars(query).first()
    return "" if name is None else " ".join(p for p in (name.family_name, name.given_names) if p)


def birth_date(person: Person) -> BirthDate | None:
    if person.birth_date is None:
        return None
    return BirthDate(person.birth_date, person.birth_date_precision or "day")


def _contact(person: Person) -> Contact:
    return Contact(street=person.street, postal_code=person.postal_code, city=person.city,
                   phone=person.phone, email=person.email)


def _residence(person: Person) -> Residence:
    return Residence(legal_status=person.legal_status, status_document=person.status_document,
                     document_number=person.document_number,
                     document_valid_until=person.document_valid_until,
                     bamf_file_number=person.bamf_file_number, azr_number=person.azr_number)


def _languages(person: Person) -> Languages:
    interpreter = person.interpreter_language if person.interpreter_needed else ""
    return Languages(spoken=tuple(person.languages), interpreter_language=interpreter)


def _household(session: Session, person: Person) -> tuple[HouseholdMember, ...]:
    if person.household_id is None:
        return ()
    query = (select(Person).where(Person.household_id == person.household_id,
                                  Person.id != person.id, Person.deleted_at.is_(None))
             .order_by(Person.id))  # UUIDv7: the order they were registered
    return tuple(HouseholdMember(name=member.display_name,
                                 relationship=member.household_role or "other",
                                 birth_date=birth_date(member))
                 for member in session.scalars(query))
