"""What the start page shows: how much is in the database and where the database is.

Read-only. Every function takes the session of the caller's unit of work; tombstones
(soft-deleted records) are never counted or listed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.codes import AgencyKind, ReferralStatus
from app.db.base import Replicated
from app.db.engine import mask, sqlite_path
from app.db.models import (
    DEMO_SETTING,
    DirectoryOffice,
    Household,
    Person,
    Referral,
    Setting,
    Visit,
)
from app.i18n import _

# A referral is open until it reaches one of the final states.
OPEN_REFERRAL_STATUSES = (
    ReferralStatus.DRAFT,
    ReferralStatus.APPROVED,
    ReferralStatus.ISSUED,
    ReferralStatus.ARRIVED,
)

@dataclass(frozen=True)
class OverviewCounts:
    persons: int
    households: int
    visits: int
    open_referrals: int
    directory_offices: int
    is_demo: bool


@dataclass(frozen=True)
class DatabaseLocation:
    """How the status bar and the start page name a database, with the password masked."""

    backend: str  # "SQLite" or "PostgreSQL"
    short: str  # file name, or host/database
    full: str  # full path, or the masked URL


def _live_count(session: Session, model: type[Replicated]) -> int:
    statement = select(func.count()).select_from(model).where(model.deleted_at.is_(None))
    return int(session.execute(statement).scalar_one())


def open_referral_count(session: Session) -> int:
    statement = select(func.count()).select_from(Referral).where(
        Referral.deleted_at.is_(None),
        Referral.status.in_([status.value for status in OPEN_REFERRAL_STATUSES]),
    )
    return int(session.execute(statement).scalar_one())


def is_demo_database(session: Session) -> bool:
    """True if this database was filled with invented demo data (setting ``lotse.demo``)."""
    value = session.execute(
        select(Setting.value).where(Setting.key == DEMO_SETTING)
    ).scalar_one_or_none()
    return (value or "").strip().lower() == "true"


def overview_counts(session: Session) -> OverviewCounts:
    return OverviewCounts(
        persons=_live_count(session, Person),
        households=_live_count(session, Household),
        visits=_live_count(session, Visit),
        open_referrals=open_referral_count(session),
        directory_offices=_live_count(session, DirectoryOffice),
        is_demo=is_demo_database(session),
    )


def mode_label(mode: str) -> str:
    """The German name of a deployment mode (local, shared, branch)."""
    labels = {"local": _("Lokal"), "shared": _("Gemeinsame Datenbank"),
              "branch": _("Außenstelle")}
    return labels.get(mode, mode)


def describe_database(url: str) -> DatabaseLocation:
    """SQLite as its file name (full path in ``full``), PostgreSQL as host/database."""
    parsed = make_url(url)
    path = sqlite_path(parsed)
    if parsed.get_backend_name() == "sqlite":
        if path is None:
            return DatabaseLocation("SQLite", _("im Arbeitsspeicher"), mask(parsed))
        return DatabaseLocation("SQLite", path.name, str(Path(path).resolve()))
    host = parsed.host or "localhost"
    if parsed.port:
        host = f"{host}:{parsed.port}"
    return DatabaseLocation("PostgreSQL", f"{host}/{parsed.database or ''}", mask(parsed))


def agency_kind_label(code: str) -> str:
    """The German label of an agency kind; an unknown code is shown as it is."""
    try:
        return AgencyKind(code).label
    except ValueError:
        return code


def directory_office_ids(session: Session) -> list[uuid.UUID]:
    """The ids of all directory offices, ordered by agency kind, then name."""
    statement = (
        select(DirectoryOffice.id)
        .where(DirectoryOffice.deleted_at.is_(None))
        .order_by(DirectoryOffice.agency_kind, DirectoryOffice.name, DirectoryOffice.code)
    )
    return list(session.execute(statement).scalars())
