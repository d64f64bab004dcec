"""The filters a supervisor sets once and every list, figure and export of referrals uses:
our office, a date range, an agency kind, a status.

"Office" is our own Integration Point office (``NE``) that made the referral: the first part
of its reference (``NE-2-2026-000417-3``), so it needs no join and survives a person moving.
Dates are the day the referral was made, both ends included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVarTuple

from sqlalchemy import Select

from app.db.models import Referral

Columns = TypeVarTuple("Columns")


@dataclass(frozen=True)
class ReferralFilter:
    office: str | None = None
    since: date | None = None
    until: date | None = None
    agency_kind: str | None = None
    status: str | None = None

    def details(self) -> dict[str, str]:
        """The filters that are set, as text (for the audit record)."""
        values = {"office": self.office, "since": self.since, "until": self.until,
                  "agency_kind": self.agency_kind, "status": self.status}
        return {key: str(value) for key, value in values.items() if value}


def filtered(query: Select[*Columns],
             where: ReferralFilter) -> Select[*Columns]:
    """``query`` (over referrals) narrowed to the filters that are set; tombstones left out."""
    query = query.where(Referral.deleted_at.is_(None))
    if where.office:
        query = query.where(Referral.reference.startswith(f"{where.office.upper()}-"))
    if where.since is not None:
        query = query.where(Referral.created_at >= day_start(where.since))
    if where.until is not None:
        query = query.where(Referral.created_at < day_start(where.until + timedelta(days=1)))
    if where.agency_kind:
        query = query.where(Referral.agency_kind == where.agency_kind)
    if where.status:
        query = query.where(Referral.status == where.status)
    return query


def day_start(day: date) -> datetime:
    """Midnight (UTC) at the start of ``day``: stored times are UTC."""
    return datetime.combine(day, time(), UTC)


def office_of(reference: str) -> str:
    """Our office that made a referral, read from its reference."""
    return reference.split("-", 1)[0]
