"""Status changes on both engines: the referral, its history and the audit record change
together or not at all; a change made meanwhile at another counter is not overwritten."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.engine import unit_of_work
from app.db.models import Referral
from app.errors import ConflictError
from app.services.database import Database
from app.services.referral_lifecycle import ChangedBy, TransitionError, change_status, history
from tests.db.referral_scene import Supervision, add_supervision, audit, status, steps


@pytest.fixture
def office(database: Database) -> Supervision:
    return add_supervision(database)


def test_an_illegal_transition_names_the_field_and_writes_nothing(
        database: Database, office: Supervision) -> None:
    before = len(audit(database))
    with pytest.raises(TransitionError) as raised, unit_of_work(database.sessions) as session:
        referral = session.scalars(select(Referral).where(
            Referral.reference == office.scene.jobcenter)).one()
        change_status(session, referral, "completed", by=ChangedBy.of(office.desk))
    assert raised.value.errors[0].field == "status"
    assert "Entwurf" in raised.value.message and "Erledigt" in raised.value.message
    assert status(database, office.scene.jobcenter) == ("draft", "")
    assert steps(database, office.scene.jobcenter) == [] and len(audit(database)) == before


def test_a_change_keeps_who_when_and_why_on_the_referral_and_in_its_history(
        database: Database, office: Supervision) -> None:
    with unit_of_work(database.sessions) as session:
        referral = session.scalars(select(Referral).where(
            Referral.reference == office.scene.school)).one()
        step = change_status(session, referral, "cancelled", " doppelt angelegt ",
                             by=ChangedBy.of(office.desk))
    with database.sessions() as session:
        stored = session.get_one(Referral, step.referral_id)
        assert (stored.status, stored.status_reason, stored.status_changed_by,
                stored.origin) == ("cancelled", "doppelt angelegt", office.desk.user_id, "NE-1")
        [kept] = history(session, stored.id)
        assert (kept.workstation, kept.changed_by, kept.changed_at) == (
            "NE-1", office.desk.user_id, stored.status_changed_at)
    assert audit(database)[-1].details["reason"] == "doppelt angelegt"


def test_a_change_made_meanwhile_at_another_counter_is_a_conflict(
        database: Database, office: Supervision) -> None:
    with unit_of_work(database.sessions) as session:  # shown on one screen, as loaded
        shown = session.scalars(select(Referral).where(
            Referral.reference == office.jugendamt)).one()
    with unit_of_work(database.sessions) as other:  # approved at another counter
        change_status(other, other.get_one(Referral, shown.id), "approved",
                      by=ChangedBy.of(office.boss))
    with pytest.raises(ConflictError, match="anderen Arbeitsplatz"), \
            unit_of_work(database.sessions) as session:
        session.add(shown)
        change_status(session, shown, "cancelled", "weg", by=ChangedBy.of(office.desk))
    assert status(database, office.jugendamt)[0] == "approved"
    assert [step[1] for step in steps(database, office.jugendamt)] == ["approved"]
