"""The parts every letter shares: the referral it is about, sender, recipient, staff.

Problems a letter must not print with – a referral without an office, a directory entry
without an address – are raised here as FieldsValidationError saying what to fix, before
anything is rendered.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import LETTER_LANGUAGES
from app.config import Settings
from app.db.models import DirectoryOffice, Office, Person, Referral, User, Visit
from app.errors import FieldError, FieldsValidationError, NotFoundError
from app.i18n import _
from app.letters.model import Letterhead, PostalAddress


def find_referral(session: Session, reference: str) -> Referral:
    """The referral with this readable reference; NotFoundError otherwise."""
    referral = session.scalars(select(Referral).where(
        Referral.reference == reference.strip(), Referral.deleted_at.is_(None))).first()
    if referral is None:
        raise NotFoundError(_("Eine Überleitung mit dem Aktenzeichen {reference} gibt es "
                              "nicht.").format(reference=reference))
    return referral


def letter_language(requested: str | None, referral: Referral) -> str:
    """The language asked for, else the referral's, else German; FieldsValidationError for a
    language letters are not written in."""
    language = requested or referral.language or "de"
    if language not in LETTER_LANGUAGES:
        raise FieldsValidationError([FieldError("language", _("Sprache"), _(
            "„{code}“ ist keine Briefsprache; erwartet wird einer der Codes {codes}").format(
            code=language, codes=", ".join(LETTER_LANGUAGES)))])
    return language


def recipient(referral: Referral) -> PostalAddress:
    """The referral's office as the address field names it, or an error saying what to fix."""
    office = referral.directory_office
    if office is None or office.is_deleted:
        raise FieldsValidationError([FieldError("directory_office", _("Stelle"), _(
            "Überleitung {reference} hat keine Stelle; erwartet wird eine Stelle aus dem "
            "Verzeichnis – bitte in der Überleitung eine Stelle wählen").format(
            reference=referral.reference))])
    missing = [label for label, value in ((_("Straße"), office.street),
                                          (_("Postleitzahl"), office.postal_code),
                                          (_("Ort"), office.city)) if not value.strip()]
    if missing:
        raise FieldsValidationError([FieldError("directory_office", _("Stelle"), _(
            "Im Verzeichniseintrag „{name}“ fehlt: {missing}; erwartet wird eine vollständige "
            "Anschrift – bitte den Verzeichniseintrag ergänzen").format(
            name=office.name, missing=", ".join(missing)))])
    return office_address(office)


def office_address(office: DirectoryOffice) -> PostalAddress:
    return PostalAddress(name=office.name, department=office.department, street=office.street,
                         postal_code=office.postal_code, city=office.city, phone=office.phone,
                         email=office.email, website=office.website,
                         opening_hours=office.opening_hours)


def sender(session: Session, referral: Referral, settings: Settings) -> Letterhead:
    """Our office that made the referral: the visit's, else the person's, else this
    workstation's office."""
    office = _sending_office(session, referral, settings)
    if office is None:
        return Letterhead(PostalAddress(name=_("Integration Point {office}").format(
            office=settings.office)))
    return Letterhead(PostalAddress(
        name=office.name, street=office.street, postal_code=office.postal_code,
        city=office.city, phone=office.phone, email=office.email,
        opening_hours=office.opening_hours))


def _sending_office(session: Session, referral: Referral, settings: Settings) -> Office | None:
    visit = None if referral.visit_id is None else session.get(Visit, referral.visit_id)
    person = session.get(Person, referral.person_id)
    for office_id in (visit.office_id if visit else None, person.office_id if person else None):
        if office_id is not None:
            return session.get(Office, office_id)
    return session.scalars(select(Office).where(Office.code == settings.office)).first()


def staff_name(session: Session, referral: Referral, settings: Settings) -> str:
    """Who made the referral (display name), else who prints it."""
    author = None if referral.created_by is None else session.get(User, referral.created_by)
    if author is not None:
        return author.display_name or author.username
    current = session.scalars(select(User).where(User.username == settings.user)).first()
    return (current.display_name or current.username) if current else settings.user


def local_time(moment: datetime | None) -> datetime | None:
    return None if moment is None else as_local(moment)


def as_local(moment: datetime) -> datetime:
    """A stored moment (UTC; SQLite hands it back without zone) in this machine's time."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()


def load_person(session: Session, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("Die Person dieser Überleitung gibt es nicht mehr."))
    return person
