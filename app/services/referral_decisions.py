"""What the front desk decided about each recommendation: accept it, drop it, or replace it
with another office (with a reason, which is kept) – and the check of those decisions.

Field keys are ``decisions[i].action``, ``decisions[i].agency_kind``, ``decisions[i].office``
and ``decisions[i].reason``, ``i`` counting every decision handed in (dropped ones too), so
that a form can put each message next to its input.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import AgencyKind
from app.db.models import DirectoryOffice
from app.errors import FieldError, FieldsValidationError
from app.i18n import N_, _
from app.routing import Recommendation
from app.services import field_text
from app.services.field_text import FieldProblem
from app.services.routing_cases import concern_label

MAX_REASON_LENGTH = 1000
_Fail = Callable[[str, str], None]  # field key, what is expected


class DecisionAction(StrEnum):
    ACCEPT = "accept"
    DROP = "drop"
    REPLACE = "replace"


@dataclass(frozen=True)
class Decision:
    """The front desk's decision about one recommendation for one concern of one person.

    ``agency_kind``, ``office_code`` (a directory office's code) and ``reason`` are the
    replacement; they are read only when ``action`` is ``replace``."""

    person_id: uuid.UUID
    concern: str
    recommendation: Recommendation
    action: str = DecisionAction.ACCEPT
    agency_kind: str = ""
    office_code: str = ""
    reason: str = ""


@dataclass(frozen=True)
class CheckedDecision:
    """A decision that passed the check, with the directory row the referral goes to."""

    decision: Decision
    office: DirectoryOffice | None
    reason: str = ""

    @property
    def agency_kind(self) -> str:
        if self.decision.action == DecisionAction.REPLACE:
            return self.decision.agency_kind
        return self.decision.recommendation.agency_kind


class DecisionValidationError(FieldsValidationError):
    """Decisions that do not fit; ``errors`` lists each one's fields."""


_LABELS = {
    "action": N_("Entscheidung"),
    "agency_kind": N_("Andere Stellenart"),
    "office": N_("Andere Stelle"),
    "reason": N_("Begründung des Ersatzes"),
}


def decision_title(decision: Decision) -> str:
    """Which recommendation a decision is about ("Wohnen – Jobcenter")."""
    return f"{concern_label(decision.concern)} – {decision.recommendation.agency_label}"


def check_decisions(session: Session, decisions: Sequence[Decision]) -> list[CheckedDecision]:
    """The decisions with their offices; DecisionValidationError naming every field that does
    not fit (nothing is written either way). Dropped ones are checked and left out."""
    offices = _live_offices(session)
    errors: list[FieldError] = []
    checked = [_check(index, decision, offices, errors)
               for index, decision in enumerate(decisions)]
    if errors:
        raise DecisionValidationError(errors)
    return [entry for entry in checked if entry is not None]


def _check(index: int, decision: Decision, offices: dict[str, DirectoryOffice],
           errors: list[FieldError]) -> CheckedDecision | None:
    def fail(key: str, expected: str) -> None:
        errors.append(FieldError(f"decisions[{index}].{key}",
                                 f"{decision_title(decision)}: {_(_LABELS[key])}", expected))

    if decision.action == DecisionAction.DROP:
        return None
    if decision.action == DecisionAction.ACCEPT:
        return _accepted(decision, offices, fail)
    if decision.action == DecisionAction.REPLACE:
        return _replaced(decision, offices, fail)
    fail("action", _("erwartet wird accept (übernehmen), drop (verwerfen) oder replace "
                     "(ersetzen)"))
    return None


def _accepted(decision: Decision, offices: dict[str, DirectoryOffice],
              fail: _Fail) -> CheckedDecision | None:
    office = decision.recommendation.office
    if office is None:
        return CheckedDecision(decision, None)
    row = offices.get(office.code)
    if row is None:
        fail("action", _("„{office}“ steht nicht mehr im Verzeichnis; erwartet wird eine "
                         "andere Stelle (ersetzen) oder verwerfen").format(office=office.name))
        return None
    return CheckedDecision(decision, row)


def _replaced(decision: Decision, offices: dict[str, DirectoryOffice],
              fail: _Fail) -> CheckedDecision | None:
    reason = _reason(decision.reason, fail)
    kind = decision.agency_kind
    if kind not in set(AgencyKind):
        fail("agency_kind", _("erwartet wird eine Stellenart aus dem Verzeichnis (z. B. "
                              "jobcenter, sozialamt)"))
        return None
    row = offices.get(decision.office_code)
    if row is None or row.agency_kind != kind:
        fail("office", _("erwartet wird eine Stelle der Art „{kind}“ aus dem Verzeichnis")
             .format(kind=AgencyKind(kind).label))
        return None
    recommended = decision.recommendation.office
    if recommended is not None and recommended.code == row.code:
        fail("office", _("das ist die vorgeschlagene Stelle; erwartet wird eine andere – oder "
                         "den Vorschlag übernehmen"))
        return None
    return None if reason is None else CheckedDecision(decision, row, reason)


def _reason(value: str, fail: _Fail) -> str | None:
    try:
        reason = field_text.multi_line(MAX_REASON_LENGTH)(value).strip()
    except FieldProblem as problem:
        fail("reason", str(problem))
        return None
    if not reason:
        fail("reason", _("angeben, warum statt des Vorschlags diese Stelle gewählt wird"))
        return None
    return reason


def _live_offices(session: Session) -> dict[str, DirectoryOffice]:
    query = select(DirectoryOffice).where(DirectoryOffice.deleted_at.is_(None))
    return {office.code: office for office in session.scalars(query)}
