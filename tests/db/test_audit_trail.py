"""What the services audit today, in their own transaction – registering, changing, a family,
a printed letter – and the person's audit trail: a supervisor reads it newest first, with
the details in German; the front desk is refused, and the refusal is on the record."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from app.codes import Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import AuditEvent, Referral, User
from app.errors import ConflictError
from app.letters.model import LetterKind
from app.security.audit import AuditAction, record
from app.security.audit_text import details_text
from app.security.audit_trail import TrailEntry, person_audit_trail
from app.security.audit_verify import verify_chain
from app.security.permissions import Actor, RefusedActionError
from app.services.database import Database
from app.services.households import add_household_members, register_household
from app.services.person_input import validate
from app.services.persons import register_person, update_person
from app.services.print_log import LetterSubject, Printed, record_print
from tests.db.letter_scene import SETTINGS as LETTER_SITE
from tests.db.letter_scene import add_scene

SITE = Settings(office="NE", workstation=2, user="m.weber")
DESK = Actor(None, "m.weber", Role.FRONT_DESK, "NE-2")
BOSS = Actor(None, "s.kaya", Role.SUPERVISOR, "NE-1")
LETTER_DESK = Actor(None, "a.becker", Role.FRONT_DESK, "NE-1")
AMIRA = {"family_name": "Haddad", "given_names": "Amira", "birth_date": "1994-07-02",
         "sex": "f", "nationality": "SY"}


def register(database: Database, raw: dict[str, Any] = AMIRA) -> uuid.UUID:
    with unit_of_work(database.sessions) as session:
        return register_person(session, validate(raw), actor=DESK, settings=SITE).id


def trail(database: Database, person_id: uuid.UUID, *, actor: Actor = BOSS,
          **options: Any) -> list[TrailEntry]:
    with database.sessions() as session:
        return person_audit_trail(session, person_id, actor=actor, **options)


def entry_count(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def test_registering_and_changing_a_person_is_in_their_trail(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        weber = User(username="m.weber", role="front_desk")
        session.add(weber)
        session.flush()
        desk = Actor(weber.id, "m.weber", Role.FRONT_DESK, "NE-2")
        person_id = register_person(session, validate(AMIRA), actor=desk, settings=SITE).id
    with unit_of_work(database.sessions) as session:
        update_person(session, person_id, {"phone": "0151 1234567", "street": "Markt 1"},
                      actor=desk, settings=SITE)
    changed, registered = trail(database, person_id)
    assert (registered.action, registered.username, registered.workstation) == (
        AuditAction.REGISTER_PERSON, "m.weber", "NE-2")
    assert registered.details["person_number"].startswith("P-NE-2-")
    assert changed.action is AuditAction.CHANGE_PERSON
    assert changed.details["fields"] == ["phone", "street"]
    assert "Markt 1" not in str(changed.details)  # which fields, not their values
    assert changed.occurred_at >= registered.occurred_at and changed.occurred_at.tzinfo
    with database.sessions() as session:
        user_ids = set(session.scalars(select(AuditEvent.user_id)))
        assert None not in user_ids and len(user_ids) == 1


def test_a_refused_change_writes_no_entry(database: Database) -> None:
    person_id = register(database)
    with pytest.raises(ConflictError), unit_of_work(database.sessions) as session:
        update_person(session, person_id, {"phone": "1"}, actor=DESK, settings=SITE,
                      expected_version=7)
    assert entry_count(database) == 1


def test_a_family_is_registered_with_an_entry_per_member(database: Database) -> None:
    family = [dict(AMIRA, household_role="head"),
              dict(AMIRA, given_names="Yusuf", birth_date="2019", household_role="child")]
    with unit_of_work(database.sessions) as session:
        members = register_household(session, family, actor=DESK, settings=SITE)
    for member in members:
        [entry] = trail(database, member.id)
        assert entry.action is AuditAction.REGISTER_PERSON
    with unit_of_work(database.sessions) as session:
        add_household_members(session, members[1].id, [dict(AMIRA, given_names="Lina",
                                                            birth_date="2021",
                                                            household_role="child")],
                              actor=DESK, settings=SITE)
    assert [entry.action for entry in trail(database, members[1].id)] == [
        AuditAction.REGISTER_PERSON]  # already in the household: nothing changed
    with database.sessions() as session:
        assert verify_chain(session).checked == 3


def test_a_person_who_joins_a_household_has_the_change_audited(database: Database) -> None:
    person_id = register(database)
    with unit_of_work(database.sessions) as session:
        add_household_members(session, person_id, [dict(AMIRA, given_names="Yusuf",
                                                         birth_date="2019",
                                                         household_role="child")],
                              actor=DESK, settings=SITE, role="head")
    latest = trail(database, person_id)[0]
    assert latest.action is AuditAction.CHANGE_PERSON
    assert latest.details["fields"] == ["household_id", "household_role"]


def test_a_printed_letter_is_in_the_trail_of_its_person(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        scene = add_scene(session)
        jobcenter = session.scalars(select(Referral).where(
            Referral.reference == scene.jobcenter)).one()
        record_print(session, LetterSubject(LetterKind.REFERRAL, jobcenter.id),
                     Printed("ab" * 32, "1", "pdf", "ar", True), actor=LETTER_DESK,
                     settings=LETTER_SITE)
    [printed] = trail(database, scene.mother)
    assert printed.action is AuditAction.PRINT
    assert (printed.username, printed.workstation) == ("a.becker", "NE-1")
    assert printed.details == {"reference": scene.jobcenter, "kind": "referral",
                               "copy": True, "sha256": "ab" * 32, "channel": "pdf"}
    assert trail(database, scene.son) == []


def test_the_trail_is_newest_first_and_bounded(database: Database) -> None:
    person_id = register(database)
    with unit_of_work(database.sessions) as session:
        for n in range(5):
            record(session, AuditAction.VIEW_PERSON, username=f"sicht{n}", entity_type="person",
                   entity_id=person_id)
        record(session, AuditAction.VIEW_PERSON, username="fremd", entity_type="person",
               entity_id=uuid.uuid4())
    newest = trail(database, person_id, limit=3)
    assert [entry.username for entry in newest] == ["sicht4", "sicht3", "sicht2"]
    assert len(trail(database, person_id)) == 6


def test_the_front_desk_is_refused_the_trail_and_the_refusal_is_on_record(
        database: Database) -> None:
    person_id = register(database)
    with pytest.raises(RefusedActionError) as refused, database.sessions() as session:
        person_audit_trail(session, person_id, actor=DESK)
    assert refused.value.exit_code == 4
    assert "Protokoll einer Person ansehen" in refused.value.message
    assert "Teamleitung" in refused.value.hint
    refusal = trail(database, person_id)[0]
    assert (refusal.action, refusal.username, refusal.workstation) == (
        AuditAction.REFUSED, "m.weber", "NE-2")
    assert details_text(refusal.details) == (
        "Aktion: Protokoll einer Person ansehen; Rolle: Empfang")


def test_a_supervisor_reads_the_details_in_german(database: Database) -> None:
    person_id = register(database)
    with unit_of_work(database.sessions) as session:
        update_person(session, person_id, {"names": [], "birth_date": "1994-07-03"},
                      actor=DESK, settings=SITE)
    changed, registered = trail(database, person_id)
    number = registered.details["person_number"]
    assert details_text(registered.details) == f"Personennummer: {number}"
    assert details_text(changed.details) == (
        f"Personennummer: {number}; Geänderte Felder: Namensvarianten, Geburtsdatum; "
        "Version: 2")
