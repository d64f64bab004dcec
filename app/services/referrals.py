"""Referrals from the front desk's decisions, and a visit saved together with them.

Everything runs in the caller's transaction (one unit of work per user action): the visit,
its concerns – the household members' too – and the referrals are written together or not at
all. Accepted and replaced recommendations become referrals in status ``draft``, each with
the next readable reference of this workstation (``NE-2-2026-000417-3``) and the engine's
explanation as it was when decided: reason, legal basis, rule id and ruleset version. A
replacement keeps that explanation (why the rules said otherwise) and adds the front desk's
reason in ``replacement_reason``; its documents are the concern's documents plus those of the
office chosen instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from app.codes import Concern as ConcernCode
from app.codes import ReferralStatus
from app.config import Settings
from app.db.models import Concern, Person, Referral, Visit
from app.errors import FieldError, FieldsValidationError, NotFoundError
from app.i18n import _
from app.ids import new_id
from app.security.audit import PERSON, AuditAction, record_by
from app.security.permissions import Action, Actor, require
from app.services.numbers import next_number
from app.services.persons import load_person
from app.services.referral_decisions import (
    CheckedDecision,
    Decision,
    DecisionAction,
    DecisionValidationError,
    check_decisions,
    decision_title,
)
from app.services.visits import VisitInput, VisitValidationError, record_visit, validate_visit

__all__ = ["Decision", "DecisionAction", "DecisionValidationError", "record_referrals",
           "record_visit_with_referrals"]


def record_referrals(session: Session, visit_id: uuid.UUID, decisions: Sequence[Decision], *,
                     actor: Actor, settings: Settings) -> list[Referral]:
    """A draft referral for every accepted or replaced recommendation of a stored visit, in
    the order given; DecisionValidationError (nothing written) if any decision does not fit,
    or is about a concern the visit does not have."""
    visit = _visit(session, visit_id)
    require(session, actor, Action.CREATE_REFERRAL, entity_type=PERSON, entity_id=visit.person_id)
    checked = check_decisions(session, decisions)
    concerns = {(c.person_id, c.code): c for c in visit.concerns if not c.is_deleted}
    errors = _concern_errors(decisions, set(concerns))
    if errors:
        raise DecisionValidationError(errors)
    persons = {pid: load_person(session, pid) for pid, _code in concerns}
    author = actor.user_id
    referrals = [_referral(session, entry, visit, concerns[_key(entry.decision)],
                           persons[entry.decision.person_id], author, settings)
                 for entry in checked]
    session.add_all(referrals)
    session.flush()
    for referral in referrals:
        record_by(session, actor, AuditAction.CREATE_REFERRAL, entity_type=PERSON,
                  entity_id=referral.person_id,
                  details={"reference": referral.reference, "agency_kind": referral.agency_kind})
    return referrals


def record_visit_with_referrals(session: Session, person_id: uuid.UUID, raw: Mapping[str, object],
                                decisions: Sequence[Decision], *, actor: Actor,
                                settings: Settings,
                                members: Mapping[uuid.UUID, Sequence[str]] | None = None,
                                ) -> Visit:
    """The visit of ``person_id`` (raw values as in app.services.visit_input), the concerns
    of the household ``members`` who came along, and the referrals – in the caller's
    transaction. The visit's and the decisions' problems are reported together, in one
    FieldsValidationError, before anything is written."""
    for action in (Action.RECORD_VISIT, Action.CREATE_REFERRAL):
        require(session, actor, action, entity_type=PERSON, entity_id=person_id)
    others = {pid: list(codes) for pid, codes in (members or {}).items()
              if codes and pid != person_id}
    visit_input, errors = _validated_visit(raw, has_others=bool(others))
    try:
        check_decisions(session, decisions)
    except DecisionValidationError as problem:
        errors += problem.errors
    errors += _member_errors(session, person_id, others)
    if visit_input is not None:
        errors += _concern_errors(decisions, _concern_keys(person_id, visit_input, others))
    if errors or visit_input is None:
        raise FieldsValidationError(errors)
    visit = record_visit(session, person_id, visit_input, actor=actor, settings=settings)
    _add_member_concerns(session, visit, others, settings.origin)
    record_referrals(session, visit.id, decisions, actor=actor, settings=settings)
    return visit


def _validated_visit(raw: Mapping[str, object], *,
                     has_others: bool) -> tuple[VisitInput | None, list[FieldError]]:
    """The visit; it may come without concerns of its own when household members brought
    theirs (a mother for her child's school)."""
    own = raw.get("concerns")
    lent = has_others and not own
    try:
        typed = validate_visit({**raw, "concerns": ["social_participation"]} if lent else raw)
    except VisitValidationError as problem:
        return None, list(problem.errors)
    return (replace(typed, concerns=()) if lent else typed), []


def _member_errors(session: Session, person_id: uuid.UUID,
                   others: Mapping[uuid.UUID, Sequence[str]]) -> list[FieldError]:
    """Members of another household (or none), and concern codes that are not a list of
    distinct known codes."""
    if not others:
        return []
    household = load_person(session, person_id).household_id
    errors = [FieldError(f"members[{pid}]", _("Haushaltsmitglied"), _(
        "gehört nicht zum Haushalt dieser Person; erwartet wird ein Mitglied ihres Haushalts"))
        for pid in others
        if household is None or _household_of(session, pid) != household]
    return errors + [FieldError(f"members[{pid}]", _("Haushaltsmitglied"), _(
        "erwartet werden Anliegen-Codes ({codes}), jedes einmal").format(
        codes=", ".join(ConcernCode)))
        for pid, codes in others.items()
        if len(set(codes)) != len(codes) or not set(codes) <= set(ConcernCode)]


def _household_of(session: Session, person_id: uuid.UUID) -> uuid.UUID | None:
    person = session.get(Person, person_id)
    return None if person is None or person.is_deleted else person.household_id


def _add_member_concerns(session: Session, visit: Visit,
                         others: Mapping[uuid.UUID, Sequence[str]], origin: str) -> None:
    for person_id, codes in others.items():
        for code in codes:  # ids in the order given, as record_visit does
            visit.concerns.append(Concern(id=new_id(), person_id=person_id, code=code,
                                          origin=origin))
    session.flush()


def _visit(session: Session, visit_id: uuid.UUID) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.is_deleted:
        raise NotFoundError(_("Einen Besuch mit der Kennung {id} gibt es nicht.").format(
            id=visit_id))
    return visit


def _concern_keys(person_id: uuid.UUID, visit: VisitInput,
                  others: Mapping[uuid.UUID, Sequence[str]]) -> set[tuple[uuid.UUID, str]]:
    own = {(person_id, concern.code) for concern in visit.concerns}
    return own | {(pid, code) for pid, codes in others.items() for code in codes}


def _concern_errors(decisions: Sequence[Decision],
                    concerns: set[tuple[uuid.UUID, str]]) -> list[FieldError]:
    """Decisions about a concern the visit does not have (unchecked after routing)."""
    return [FieldError(f"decisions[{index}].action", decision_title(decision), _(
        "dieses Anliegen gehört nicht zu diesem Besuch; erwartet wird ein Anliegen des "
        "Besuchs"))
        for index, decision in enumerate(decisions)
        if decision.action != DecisionAction.DROP and _key(decision) not in concerns]


def _key(decision: Decision) -> tuple[uuid.UUID, str]:
    return decision.person_id, decision.concern


def _referral(session: Session, entry: CheckedDecision, visit: Visit, concern: Concern,
              person: Person, author: uuid.UUID | None, settings: Settings) -> Referral:
    recommendation = entry.decision.recommendation
    return Referral(
        reference=next_number(session, office=settings.office,
                              workstation=settings.workstation, person=False),
        person_id=person.id, visit_id=visit.id, concern_id=concern.id,
        directory_office_id=None if entry.office is None else entry.office.id,
        agency_kind=entry.agency_kind, role=recommendation.role,
        status=ReferralStatus.DRAFT.value, routing_reason=recommendation.reason,
        legal_basis=recommendation.legal_basis, rule_id=recommendation.rule_id,
        ruleset_version=recommendation.ruleset_version, replacement_reason=entry.reason,
        documents=_documents(entry), language=person.letter_language or "de",
        created_by=author, status_changed_by=author, origin=settings.origin)


def _documents(entry: CheckedDecision) -> list[str]:
    """The recommendation's documents; for a replacement, the recommended office's own are
    swapped for those of the office chosen instead."""
    recommendation = entry.decision.recommendation
    if entry.decision.action != DecisionAction.REPLACE:
        return list(recommendation.documents)
    old_office = set(recommendation.office.documents if recommendation.office else ())
    concern_documents = [doc for doc in recommendation.documents if doc not in old_office]
    new_office = list(entry.office.documents or ()) if entry.office else []
    return list(dict.fromkeys([*concern_documents, *new_office]))

