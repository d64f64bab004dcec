"""Closing the loop: what became of a referral, entered by scanning or typing the reference
from the letter's QR code, and the referrals still without an answer after N days.

A reference is checked before it is looked up: a mistyped digit breaks the check digit and
is reported as such, so the front desk never records an outcome on someone else's referral.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import ReferralStatus
from app.config import Settings
from app.db.models import DirectoryOffice, Person, Referral, ReferralStatusChange
from app.errors import FieldError, FieldsValidationError
from app.i18n import _
from app.ids import check_digit, parse_number
from app.security.audit import PERSON
from app.security.permissions import Action, Actor, require
from app.services.letter_parts import find_referral
from app.services.referral_filters import day_start
from app.services.referral_lifecycle import OUTCOMES, ChangedBy, change_status


@dataclass(frozen=True)
class OverdueRow:
    referral_id: uuid.UUID
    reference: str
    person_id: uuid.UUID
    person_name: str
    agency_kind: str
    office_name: str
    issued_at: datetime
    days_waiting: int
    status: str  # issued: an answer would have taken it off the list


def record_outcome(session: Session, reference_text: str, status: str, reason: str = "", *,
                   actor: Actor) -> ReferralStatusChange:
    """The outcome of the referral whose reference was typed or scanned: arrived, completed,
    not_reached, declined or cancelled (the last three with a reason), in the caller's
    transaction. FieldsValidationError naming the field for a malformed reference, a wrong
    check digit or a status that is not an outcome; NotFoundError for an unknown one."""
    reference = parse_reference(reference_text)
    wanted = _outcome(status)
    referral = find_referral(session, reference)
    action = Action.CANCEL_REFERRAL if wanted is ReferralStatus.CANCELLED \
        else Action.RECORD_OUTCOME
    require(session, actor, action, entity_type=PERSON, entity_id=referral.person_id)
    return change_status(session, referral, wanted.value, reason, by=ChangedBy.of(actor))


def parse_reference(text: str) -> str:
    """The canonical referral reference in a typed or scanned text; FieldsValidationError
    saying whether the form or the check digit is wrong."""
    number = parse_number(text)
    if number is not None and not number.person:
        return str(number)
    if number is not None:
        raise _reference_error(_("„{text}“ ist eine Personennummer; erwartet wird das "
                                 "Aktenzeichen einer Überleitung").format(text=text.strip()))
    if _only_check_digit_wrong(text):
        raise _reference_error(_("die Prüfziffer (letzte Stelle) von „{text}“ passt nicht – "
                                 "vermutlich vertippt; bitte das Aktenzeichen noch einmal "
                                 "vom Schreiben abschreiben oder den QR-Code scannen").format(
            text=text.strip()))
    raise _reference_error(_("„{text}“ ist kein Aktenzeichen; erwartet wird die Form "
                             "NE-2-2026-000417-3").format(text=text.strip()[:40]))


def overdue(session: Session, *, actor: Actor, settings: Settings, days: int | None = None,
            today: date | None = None) -> list[OverdueRow]:
    """Issued referrals without an outcome more than ``days`` days (default: the
    ``overdue_days`` setting) after they were issued, longest waiting first.
    RefusedActionError (audited) for a role that may not list referrals."""
    require(session, actor, Action.LIST_REFERRALS)
    limit = settings.overdue_days if days is None else days
    day = today or date.today()
    cutoff = day_start(day - timedelta(days=limit))
    query = (select(Referral, Person.id, Person.family_name, Person.given_names,
                    DirectoryOffice.name)
             .join(Person, Person.id == Referral.person_id)
             .outerjoin(DirectoryOffice, DirectoryOffice.id == Referral.directory_office_id)
             .where(Referral.deleted_at.is_(None),
                    Referral.status == ReferralStatus.ISSUED.value,
                    Referral.status_changed_at < cutoff)
             .order_by(Referral.status_changed_at, Referral.id))
    return [_overdue_row(day, *columns) for columns in session.execute(query)]


def _overdue_row(today: date, referral: Referral, person_id: uuid.UUID, family: str,
                 given: str, office: str | None) -> OverdueRow:
    issued = referral.status_changed_at
    issued = issued if issued.tzinfo else issued.replace(tzinfo=UTC)
    name = ", ".join(part for part in (family, given) if part)
    return OverdueRow(referral.id, referral.reference, person_id, name, referral.agency_kind,
                      office or "", issued, (today - issued.date()).days, referral.status)


def _outcome(status: str) -> ReferralStatus:
    if status not in {outcome.value for outcome in OUTCOMES}:
        raise FieldsValidationError([FieldError("status", _("Ergebnis"), _(
            "„{status}“ ist kein Ergebnis; erwartet wird einer von {codes}").format(
            status=status, codes=", ".join(OUTCOMES)))])
    return ReferralStatus(status)


def _only_check_digit_wrong(text: str) -> bool:
    body, _sep, _check = "".join(text.split()).upper().rpartition("-")
    return bool(body) and parse_number(f"{body}-{check_digit(body)}") is not None


def _reference_error(expected: str) -> FieldsValidationError:
    return FieldsValidationError([FieldError("reference", _("Aktenzeichen"), expected)])
