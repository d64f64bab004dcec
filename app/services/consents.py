"""Recorded consents (Einwilligungen): which data a person lets go to which recipient.

A consent is written, names the data categories, the recipient (an agency kind, or one
office of it) and the purpose, and can be withdrawn (DSGVO Art. 7 Abs. 3) – a withdrawn
consent stays on record with its date, it is never deleted. Under 15 the guardians consent
(DOMAIN.md section 4). Each call is one unit of work in the caller's transaction; every
problem is reported, naming the field, before anything is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import AgencyKind
from app.config import Settings
from app.db.models import Consent, DirectoryOffice, Person
from app.errors import FieldError, FieldsValidationError, NotFoundError
from app.i18n import _
from app.letters.model import DataCategory
from app.security.audit import PERSON, AuditAction, record_by
from app.security.permissions import Action, Actor, require
from app.services.ages import age_range
from app.services.persons import load_person

GIVEN_BY = ("person", "guardian")
GUARDIAN_AGE = 15  # below this the guardians consent


@dataclass(frozen=True)
class ConsentRow:
    consent_id: uuid.UUID
    agency_kind: str
    office_name: str  # "" when the consent covers every office of the kind
    categories: tuple[str, ...]
    purpose: str
    given_on: date
    given_by: str
    withdrawn_on: date | None
    guardian_name: str = ""


def record_consent(session: Session, person_id: uuid.UUID, *, agency_kind: str,
                   directory_office_id: uuid.UUID | None, categories: Sequence[str],
                   purpose: str, given_by: str = "person", guardian_name: str = "",
                   given_on: date | None = None, actor: Actor,
                   settings: Settings) -> Consent:
    """Store a consent; FieldsValidationError naming every field that does not fit."""
    person = load_person(session, person_id)
    require(session, actor, Action.RECORD_CONSENT, entity_type=PERSON, entity_id=person.id)
    day = given_on or date.today()
    errors = [*_recipient_errors(session, agency_kind, directory_office_id),
              *_category_errors(categories),
              *_giver_errors(person, given_by, guardian_name.strip(), day)]
    if not purpose.strip():
        errors.append(FieldError("purpose", _("Zweck"), _(
            "erwartet wird der Zweck der Übermittlung (z. B. „Antrag auf Leistungen“)")))
    if day > date.today():
        errors.append(FieldError("given_on", _("Erteilt am"), _(
            "erwartet wird ein Datum bis heute, nicht in der Zukunft")))
    if errors:
        raise FieldsValidationError(errors)
    consent = Consent(
        person_id=person.id, agency_kind=agency_kind, directory_office_id=directory_office_id,
        data_categories=[c for c in DataCategory if c.value in set(categories)],
        purpose=purpose.strip(), given_at=datetime.combine(day, time(12), tzinfo=UTC),
        given_by=given_by, guardian_name=guardian_name.strip() if given_by == "guardian" else "",
        recorded_by=actor.user_id, origin=settings.origin)
    session.add(consent)
    session.flush()
    _audit(session, actor, AuditAction.RECORD_CONSENT, consent)
    return consent


def withdraw_consent(session: Session, consent_id: uuid.UUID, *, actor: Actor,
                     settings: Settings) -> None:
    """Mark a consent withdrawn from now on; a consent withdrawn before keeps its date."""
    consent = session.get(Consent, consent_id)
    if consent is None or consent.is_deleted:
        raise NotFoundError(_("Eine Einwilligung mit der Kennung {id} gibt es nicht.").format(
            id=consent_id))
    require(session, actor, Action.RECORD_CONSENT, entity_type=PERSON,
            entity_id=consent.person_id)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = datetime.now(UTC)
        consent.origin = settings.origin
        session.flush()
        _audit(session, actor, AuditAction.WITHDRAW_CONSENT, consent)


def _audit(session: Session, actor: Actor, action: AuditAction, consent: Consent) -> None:
    """Filed under the person: to whom and which data categories, not the purpose text."""
    record_by(session, actor, action, entity_type=PERSON, entity_id=consent.person_id,
              details={"agency_kind": consent.agency_kind,
                       "categories": [str(c) for c in consent.data_categories]})


def consent_rows(session: Session, person_id: uuid.UUID) -> list[ConsentRow]:
    """The person's consents, newest first, withdrawn ones included."""
    query = (select(Consent, DirectoryOffice.name)
             .outerjoin(DirectoryOffice, DirectoryOffice.id == Consent.directory_office_id)
             .where(Consent.person_id == person_id, Consent.deleted_at.is_(None))
             .order_by(Consent.given_at.desc(), Consent.id.desc()))
    return [_row(consent, name or "") for consent, name in session.execute(query)]


def _row(consent: Consent, office_name: str) -> ConsentRow:
    withdrawn = consent.withdrawn_at
    return ConsentRow(consent.id, consent.agency_kind, office_name,
                      tuple(consent.data_categories), consent.purpose, consent.given_at.date(),
                      consent.given_by, None if withdrawn is None else withdrawn.date(),
                      consent.guardian_name)


def _recipient_errors(session: Session, agency_kind: str,
                      office_id: uuid.UUID | None) -> list[FieldError]:
    if agency_kind not in set(AgencyKind):
        return [FieldError("agency_kind", _("Empfänger"), _(
            "erwartet wird eine Stellenart ({kinds})").format(kinds=", ".join(AgencyKind)))]
    office = None if office_id is None else session.get(DirectoryOffice, office_id)
    if office_id is not None and (office is None or office.is_deleted
                                  or office.agency_kind != agency_kind):
        return [FieldError("directory_office_id", _("Stelle"), _(
            "erwartet wird eine Stelle dieser Stellenart aus dem Verzeichnis, oder keine "
            "(dann gilt die Einwilligung für jede Stelle dieser Art)"))]
    return []


def _category_errors(categories: Sequence[str]) -> list[FieldError]:
    known = ", ".join(DataCategory)
    if not categories:
        return [FieldError("categories", _("Daten"), _(
            "erwartet wird mindestens eine Datenart ({codes})").format(codes=known))]
    unknown = [c for c in categories if c not in set(DataCategory)]
    if unknown or len(set(categories)) != len(categories):
        return [FieldError("categories", _("Daten"), _(
            "erwartet werden bekannte Datenarten ({codes}), jede einmal").format(codes=known))]
    return []


def _giver_errors(person: Person, given_by: str, guardian_name: str,
                  day: date) -> list[FieldError]:
    if given_by not in GIVEN_BY:
        return [FieldError("given_by", _("Erteilt von"), _(
            "erwartet wird person oder guardian (Sorgeberechtigte)"))]
    if given_by == "guardian" and not guardian_name:
        return [FieldError("guardian_name", _("Name der Sorgeberechtigten"), _(
            "erwartet wird der Name der Person, die als Sorgeberechtigte einwilligt"))]
    if given_by == "person" and needs_guardian(person, day):
        return [FieldError("given_by", _("Erteilt von"), _(
            "die Person kann am {day} jünger als 15 sein; erwartet wird die Einwilligung der "
            "Sorgeberechtigten").format(day=day.strftime("%d.%m.%Y")))]
    return []


def needs_guardian(person: Person, day: date) -> bool:
    """True if the person may be under 15 on ``day`` (a birth date known only to the year
    counts the younger possible age: the guardians' signature is the safe side)."""
    if person.birth_date is None:
        return False
    return age_range(person.birth_date, person.birth_date_precision, day).youngest < GUARDIAN_AGE
