"""The three letters of a referral, built from the database as plain values.

Each builder takes the referral, the letter language, the issue date and whether it is a
copy; what the person's data may show is decided here (:mod:`app.services.letter_person`),
never in the renderer.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.codes import ReferralStatus
from app.config import Settings
from app.db.models import Concern, Person, Referral, Visit
from app.letters.model import (
    ConsentForm,
    DataCategory,
    Letter,
    LetterKind,
    ReferralLetter,
    RouteSheet,
    RouteStation,
)
from app.services.consents import needs_guardian
from app.services.data_protection import rules_for
from app.services.letter_parts import (
    as_local,
    load_person,
    local_time,
    recipient,
    sender,
    staff_name,
)
from app.services.letter_person import (
    Recipient,
    birth_date,
    disclosure,
    original_name,
    person_data,
)
from app.services.route_order import route_order

# Referrals that no longer send anyone anywhere stay off the route sheet.
_CLOSED = (ReferralStatus.CANCELLED.value, ReferralStatus.DECLINED.value,
           ReferralStatus.REJECTED.value)


@dataclass(frozen=True)
class Issue:
    """How this copy of a letter is issued."""

    language: str
    issued_on: date
    copy: bool


def build_letter(session: Session, referral: Referral, kind: LetterKind, issue: Issue, *,
                 settings: Settings) -> Letter:
    if kind is LetterKind.CONSENT:
        return consent_form(session, referral, issue, settings)
    if kind is LetterKind.ROUTE_SHEET:
        return route_sheet(session, referral, issue, settings)
    return referral_letter(session, referral, issue, settings)


def referral_letter(session: Session, referral: Referral, issue: Issue,
                    settings: Settings) -> ReferralLetter:
    address = recipient(referral)
    person = load_person(session, referral.person_id)
    shared = disclosure(session, person.id, _recipient(referral), rules_for(settings))
    concern = _concern(session, referral)
    return ReferralLetter(
        reference=referral.reference, issued_on=issue.issued_on,
        sender=sender(session, referral, settings),
        staff_name=staff_name(session, referral, settings), recipient=address,
        agency_kind=referral.agency_kind, concern=concern.code if concern else "",
        concern_note=(concern.note if concern else "")
        if DataCategory.CONCERN in shared.allowed else None,
        reason=referral.replacement_reason or referral.routing_reason,
        legal_basis=referral.legal_basis, person=person_data(session, person, shared.allowed),
        basis=shared.basis, language=issue.language,
        appointment=local_time(referral.appointment_at),
        appointment_note=referral.appointment_note, documents=tuple(referral.documents),
        copy=issue.copy)


def consent_form(session: Session, referral: Referral, issue: Issue,
                 settings: Settings) -> ConsentForm:
    """The consent asked for: every category the law does not already allow."""
    address = recipient(referral)
    person = load_person(session, referral.person_id)
    lawful = set(rules_for(settings).without_consent(referral.agency_kind).categories)
    return ConsentForm(
        reference=referral.reference, issued_on=issue.issued_on,
        sender=sender(session, referral, settings),
        staff_name=staff_name(session, referral, settings), recipient=address,
        agency_kind=referral.agency_kind, concerns=_concerns_for_office(session, referral),
        person_name=person.display_name, original_name=original_name(session, person.id),
        birth_date=birth_date(person),
        categories=tuple(c for c in DataCategory if c not in lawful),
        by_guardian=needs_guardian(person, issue.issued_on), language=issue.language,
        copy=issue.copy)


def route_sheet(session: Session, referral: Referral, issue: Issue,
                settings: Settings) -> RouteSheet:
    """Every open referral of the visit – the household members' too – as stations."""
    referrals = visit_referrals(session, referral)
    first = referrals[0]
    person = load_person(session, _visitor(session, referral))
    stations = [_station(session, group) for group in _by_office(referrals)]
    return RouteSheet(
        reference=first.reference, issued_on=issue.issued_on,
        sender=sender(session, first, settings),
        staff_name=staff_name(session, first, settings), person_name=person.display_name,
        stations=tuple(entry.station for entry in route_order(stations)),
        language=issue.language, copy=issue.copy)


def visit_referrals(session: Session, referral: Referral) -> list[Referral]:
    """The open referrals of the referral's visit in the order made (the referral alone
    when it belongs to no visit); the first one names the route sheet."""
    if referral.visit_id is None:
        return [referral]
    query = (select(Referral).where(Referral.visit_id == referral.visit_id,
                                    Referral.deleted_at.is_(None),
                                    Referral.status.not_in(_CLOSED))
             .options(selectinload(Referral.directory_office)).order_by(Referral.id))
    return list(session.scalars(query)) or [referral]


def _visitor(session: Session, referral: Referral) -> uuid.UUID:
    """Whose visit it was: the route sheet is in their name."""
    visit = None if referral.visit_id is None else session.get(Visit, referral.visit_id)
    return referral.person_id if visit is None else visit.person_id


def _by_office(referrals: list[Referral]) -> list[list[Referral]]:
    groups: dict[uuid.UUID | None, list[Referral]] = {}
    for referral in referrals:
        recipient(referral)  # every station needs an address: fail before anything renders
        groups.setdefault(referral.directory_office_id, []).append(referral)
    return list(groups.values())


def _station(session: Session, group: list[Referral]) -> RouteStation:
    appointments = sorted((as_local(r.appointment_at), r.appointment_note)
                          for r in group if r.appointment_at is not None)
    appointment, note = appointments[0] if appointments else (None, "")
    names = [_natural_name(load_person(session, r.person_id)) for r in group]
    concerns = [c.code for c in (_concern(session, r) for r in group) if c is not None]
    return RouteStation(
        recipient=recipient(group[0]), agency_kind=group[0].agency_kind,
        references=tuple(r.reference for r in group), persons=tuple(dict.fromkeys(names)),
        concerns=tuple(dict.fromkeys(concerns)),
        appointment=appointment, appointment_note=note,
        documents=tuple(dict.fromkeys(doc for r in group for doc in r.documents)))


def _natural_name(person: Person) -> str:
    """Given names first: a list of people reads "Omar Al-Hassan, Hala Khalil"."""
    return " ".join(part for part in (person.given_names, person.family_name) if part)


def _recipient(referral: Referral) -> Recipient:
    return Recipient(referral.agency_kind, referral.directory_office_id)


def _concern(session: Session, referral: Referral) -> Concern | None:
    return None if referral.concern_id is None else session.get(Concern, referral.concern_id)


def _concerns_for_office(session: Session, referral: Referral) -> tuple[str, ...]:
    """The purpose: every concern of this person's visit that goes to the same office."""
    same = [r for r in visit_referrals(session, referral)
            if r.person_id == referral.person_id
            and r.directory_office_id == referral.directory_office_id]
    codes = [c.code for c in (_concern(session, r) for r in same or [referral]) if c]
    return tuple(dict.fromkeys(codes))
