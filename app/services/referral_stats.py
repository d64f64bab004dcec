"""Figures for supervisors: referrals by agency kind, concern, municipality, office and month;
time to outcome; the share that reached their office – all under the same filters.

Built from one row per referral (:class:`ReferralFact`) that carries no name and nothing
else that identifies a person; the export writes the same rows.

- The *outcome* is the receiving office's first answer: arrived, completed, not reached or
  declined. A cancellation is our own decision, not an answer, and does not count.
- *Days to outcome* run from the day the referral was made to the day of that answer.
- *Reached* are the referrals now arrived or completed, among those with an outcome.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import ReferralStatus
from app.db.models import Concern, DirectoryOffice, Person, Referral, ReferralStatusChange
from app.security.permissions import Action, Actor, require
from app.services.referral_filters import ReferralFilter, filtered, office_of

S = ReferralStatus
ANSWERS = (S.ARRIVED.value, S.COMPLETED.value, S.NOT_REACHED.value, S.DECLINED.value)
REACHED = (S.ARRIVED.value, S.COMPLETED.value)
EVERYTHING = ReferralFilter()


@dataclass(frozen=True)
class ReferralFact:
    """One referral as figures and exports see it: no name, no personal data."""

    reference: str
    created_on: date
    office: str  # our office that made it (NE)
    recipient: str  # the receiving office's name
    agency_kind: str
    concern: str
    municipality: str  # the person's, "" when unknown or outside the district
    status: str
    outcome_on: date | None
    days_to_outcome: int | None

    @property
    def month(self) -> str:
        return f"{self.created_on:%Y-%m}"


@dataclass(frozen=True)
class ReferralStatistics:
    total: int
    by_agency_kind: dict[str, int]
    by_concern: dict[str, int]
    by_municipality: dict[str, int]
    by_office: dict[str, int]
    by_month: dict[str, int]  # "2026-11", in calendar order
    with_outcome: int
    reached: int
    median_days_to_outcome: float | None

    @property
    def reached_share(self) -> float | None:
        """Arrived or completed among those with an outcome; None without any outcome."""
        return self.reached / self.with_outcome if self.with_outcome else None


def referral_statistics(session: Session, *, actor: Actor,
                        where: ReferralFilter = EVERYTHING) -> ReferralStatistics:
    """The figures under the filters; RefusedActionError for a role that may not see them."""
    require(session, actor, Action.VIEW_STATISTICS)
    return statistics_of(referral_facts(session, where))


def statistics_of(facts: list[ReferralFact]) -> ReferralStatistics:
    answered = [fact for fact in facts if fact.outcome_on is not None]
    days = [fact.days_to_outcome for fact in answered if fact.days_to_outcome is not None]
    return ReferralStatistics(
        total=len(facts), by_agency_kind=_counts(f.agency_kind for f in facts),
        by_concern=_counts(f.concern for f in facts),
        by_municipality=_counts(f.municipality for f in facts),
        by_office=_counts(f.office for f in facts),
        by_month=dict(sorted(Counter(f.month for f in facts).items())),
        with_outcome=len(answered),
        reached=sum(1 for fact in answered if fact.status in REACHED),
        median_days_to_outcome=statistics.median(days) if days else None)


def referral_facts(session: Session, where: ReferralFilter = EVERYTHING) -> list[ReferralFact]:
    """One row per referral under the filters, oldest first."""
    answered = (select(ReferralStatusChange.referral_id,
                       func.min(ReferralStatusChange.changed_at).label("at"))
                .where(ReferralStatusChange.to_status.in_(ANSWERS))
                .group_by(ReferralStatusChange.referral_id).subquery())
    query = filtered(select(Referral, DirectoryOffice.name, Concern.code, Person.municipality,
                            answered.c.at), where)
    query = (query.join(Person, Person.id == Referral.person_id)
             .outerjoin(DirectoryOffice, DirectoryOffice.id == Referral.directory_office_id)
             .outerjoin(Concern, Concern.id == Referral.concern_id)
             .outerjoin(answered, answered.c.referral_id == Referral.id)
             .order_by(Referral.created_at, Referral.id))
    return [_fact(*columns) for columns in session.execute(query)]


def _fact(referral: Referral, recipient: str | None, concern: str | None,
          municipality: str | None, first_answer: datetime | None) -> ReferralFact:
    created = local_day(referral.created_at)
    outcome = _outcome_day(referral, first_answer)
    return ReferralFact(
        reference=referral.reference, created_on=created, office=office_of(referral.reference),
        recipient=recipient or "", agency_kind=referral.agency_kind, concern=concern or "",
        municipality=municipality or "", status=referral.status, outcome_on=outcome,
        days_to_outcome=None if outcome is None else (outcome - created).days)


def _outcome_day(referral: Referral, first_answer: datetime | None) -> date | None:
    if referral.status not in ANSWERS:
        return None  # still open, or cancelled: no answer from the office
    # Referrals answered before the history existed have only their status time.
    return local_day(first_answer or referral.status_changed_at)


def local_day(moment: datetime) -> date:
    """The local calendar day of a stored moment (UTC; SQLite hands it back without zone)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone().date()


def _counts(values: Iterable[str]) -> dict[str, int]:
    """Most frequent first, ties by name."""
    counted = Counter(values)
    return dict(sorted(counted.items(), key=lambda item: (-item[1], item[0])))
