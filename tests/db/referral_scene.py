"""The letter scene (a mother and her son, three referrals) plus what supervision needs: a
referral to the Jugendamt, a supervisor and a front-desk account, and helpers to read back
statuses, history and the audit record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Role
from app.db.engine import unit_of_work
from app.db.models import (
    AuditEvent,
    Concern,
    PrintEvent,
    Referral,
    ReferralStatusChange,
    User,
    Visit,
)
from app.security.permissions import Actor
from app.services.database import Database
from app.services.numbers import next_number
from tests.db.letter_scene import SETTINGS, Scene, add_scene, office

HERE = "NE-1"


@dataclass(frozen=True)
class Supervision:
    scene: Scene
    jugendamt: str  # reference of the son's referral to the Jugendamt: needs approval
    boss: Actor  # supervisor
    desk: Actor  # front desk (a.becker, who made the referrals)


def add_supervision(database: Database) -> Supervision:
    with unit_of_work(database.sessions) as session:
        scene = add_scene(session)
        boss = User(username="leitung", display_name="Lea Leitung", role=Role.SUPERVISOR.value)
        session.add(boss)
        session.flush()
        jugendamt = add_referral(session, scene, "childcare_family", "jugendamt",
                                 "Jugendamt Neuss")
        desk = session.scalars(select(User).where(User.username == "a.becker")).one()
        return Supervision(scene, jugendamt, Actor(boss.id, "leitung", Role.SUPERVISOR, HERE),
                           Actor(desk.id, "a.becker", Role.FRONT_DESK, HERE))


def add_referral(session: Session, scene: Scene, concern: str, kind: str, name: str, *,
                 note: str = "", created: datetime | None = None,
                 reference_office: str = "NE") -> str:
    """One more referral of the son's in the scene's visit, to a new office."""
    target = office(kind, name)
    session.add(target)
    visit = session.get_one(Visit, scene.visit)
    row = Concern(visit_id=visit.id, person_id=scene.son, code=concern, note=note)
    session.add(row)
    session.flush()
    reference = next_number(session, office=reference_office, workstation=1, person=False)
    session.add(Referral(reference=reference, person_id=scene.son, visit_id=visit.id,
                         concern_id=row.id, directory_office_id=target.id, agency_kind=kind,
                         routing_reason="Zuständig laut Regel", documents=["Pass"],
                         language="de", created_at=created or datetime.now(UTC)))
    session.flush()
    return reference


def status(database: Database, reference: str) -> tuple[str, str]:
    with database.sessions() as session:
        referral = session.scalars(select(Referral).where(Referral.reference == reference)).one()
        return referral.status, referral.status_reason


def steps(database: Database, reference: str) -> list[tuple[str, str, str, str]]:
    """(from, to, reason, username) of every status change, oldest first."""
    with database.sessions() as session:
        query = (select(ReferralStatusChange).join(Referral)
                 .where(Referral.reference == reference)
                 .order_by(ReferralStatusChange.changed_at, ReferralStatusChange.id))
        return [(s.from_status, s.to_status, s.reason, s.username)
                for s in session.scalars(query)]


def audit(database: Database) -> list[AuditEvent]:
    with database.sessions() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def originals(database: Database) -> list[str]:
    """References of every original referral letter in the print log."""
    with database.sessions() as session:
        query = (select(Referral.reference).join(PrintEvent,
                                                 PrintEvent.referral_id == Referral.id)
                 .where(PrintEvent.letter_kind == "referral", PrintEvent.copy.is_(False))
                 .order_by(PrintEvent.printed_at, PrintEvent.id))
        return list(session.scalars(query))


__all__ = ["SETTINGS", "Supervision", "add_referral", "add_supervision", "audit", "originals",
           "status", "steps"]
