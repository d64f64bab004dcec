"""Every action, as every role, through the service that does it – on both engines (issue 6).

tests/unit/test_permissions.py states who may do what; this file proves the services keep to
it. Each action is done through its real service on the supervision scene (a mother and her
son with referrals, a front desk and a supervisor account). An allowed role gets it done; a
refused one gets RefusedActionError (exit code 4), nothing is written, and the refusal – and
only the refusal – is added to the audit log, naming the action.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.codes import Role
from app.db.engine import unit_of_work
from app.db.models import (
    AuditEvent,
    Consent,
    DirectoryOffice,
    Person,
    PrintEvent,
    ReferralStatusChange,
    User,
    Visit,
)
from app.security.accounts import add_user
from app.security.audit_trail import person_audit_trail
from app.security.audit_verify import check_audit_log
from app.security.permissions import Action, Actor, RefusedActionError, allowed
from app.services.approval import approve, reject
from app.services.batch_print import batch_print
from app.services.consents import record_consent
from app.services.database import Database
from app.services.directory_edit import save_office
from app.services.letters import issue_letter, preview_letter, referral_rows
from app.services.outcomes import record_outcome
from app.services.person_input import validate
from app.services.person_merge import merge_persons
from app.services.person_search import search_persons
from app.services.person_view import view_person
from app.services.persons import register_person, update_person
from app.services.referral_create import create_referrals
from app.services.referral_export import export_referrals
from app.services.referral_stats import referral_statistics
from app.services.routing_cases import route_concerns
from app.services.visit_input import validate_visit
from app.services.visits import record_visit
from app.sync.conflicts import open_conflicts
from tests.db.referral_scene import HERE, SETTINGS, Supervision, add_supervision

Attempt = Callable[[Database, Supervision, Actor, Path], object]
COUNTED = (Person, Visit, Consent, PrintEvent, ReferralStatusChange, DirectoryOffice, User)


def in_unit(database: Database, work: Callable[..., object], *args: object,
            **options: object) -> object:
    """One unit of work, as the app runs every user action."""
    with unit_of_work(database.sessions) as session:
        return work(session, *args, **options)


def issued(database: Database, scene: Supervision) -> str:
    """The Jobcenter referral, its original printed by the front desk: open for an outcome."""
    in_unit(database, issue_letter, scene.scene.jobcenter, actor=scene.desk, settings=SETTINGS,
            language="de")
    return scene.scene.jobcenter


def new_office() -> dict[str, object]:
    return {"code": "vhs-kaarst", "agency_kind": "integration_course_provider",
            "name": "Volkshochschule Kaarst", "street": "Am Schulzentrum 16",
            "postal_code": "41564", "city": "Kaarst", "municipalities": ["Kaarst"]}


ATTEMPTS: dict[Action, Attempt] = {
    Action.SEARCH: lambda db, s, actor, _: in_unit(
        db, search_persons, "Fatima", actor=actor),
    Action.VIEW_PERSON: lambda db, s, actor, _: in_unit(
        db, view_person, s.scene.mother, actor=actor),
    Action.REGISTER_PERSON: lambda db, s, actor, _: in_unit(
        db, register_person, validate({"family_name": "Haddad", "given_names": "Rami"}),
        actor=actor, settings=SETTINGS),
    Action.CHANGE_PERSON: lambda db, s, actor, _: in_unit(
        db, update_person, s.scene.mother, {"phone": "02131 12345"}, actor=actor,
        settings=SETTINGS),
    Action.RECORD_VISIT: lambda db, s, actor, _: in_unit(
        db, record_visit, s.scene.mother, validate_visit({"concerns": ["work"]}), actor=actor,
        settings=SETTINGS),
    Action.ROUTE: lambda db, s, actor, _: in_unit(
        db, route_concerns, s.scene.mother, ["work"], actor=actor),
    Action.CREATE_REFERRAL: lambda db, s, actor, _: in_unit(
        db, create_referrals, s.scene.son, "childcare_family", actor=actor, settings=SETTINGS),
    Action.LIST_REFERRALS: lambda db, s, actor, _: in_unit(
        db, referral_rows, actor=actor, person_id=s.scene.mother),
    Action.CANCEL_REFERRAL: lambda db, s, actor, _: in_unit(
        db, record_outcome, s.scene.school, "cancelled", "Termin abgesagt", actor=actor),
    Action.PREVIEW_LETTER: lambda db, s, actor, _: in_unit(
        db, preview_letter, s.scene.jobcenter, actor=actor, settings=SETTINGS, language="de"),
    Action.PRINT_ORIGINAL: lambda db, s, actor, _: in_unit(
        db, issue_letter, s.scene.jobcenter, actor=actor, settings=SETTINGS, language="de"),
    Action.PRINT_COPY: lambda db, s, actor, _: in_unit(
        db, issue_letter, issued(db, s), actor=actor, settings=SETTINGS, language="de"),
    Action.RECORD_CONSENT: lambda db, s, actor, _: in_unit(
        db, record_consent, s.scene.mother, agency_kind="auslaenderbehoerde",
        directory_office_id=s.scene.residence_office, categories=["identity"],
        purpose="Verlängerung der Duldung", actor=actor, settings=SETTINGS),
    Action.RECORD_OUTCOME: lambda db, s, actor, _: in_unit(
        db, record_outcome, issued(db, s), "arrived", actor=actor),
    Action.APPROVE_REFERRAL: lambda db, s, actor, _: in_unit(
        db, approve, s.jugendamt, actor=actor),
    Action.REJECT_REFERRAL: lambda db, s, actor, _: in_unit(
        db, reject, s.jugendamt, "Bitte erst mit der Familie sprechen", actor=actor),
    Action.BATCH_PRINT: lambda db, s, actor, _: batch_print(
        db.sessions, actor=actor, settings=SETTINGS),
    Action.VIEW_STATISTICS: lambda db, s, actor, _: in_unit(
        db, referral_statistics, actor=actor),
    Action.EXPORT: lambda db, s, actor, folder: in_unit(
        db, export_referrals, folder / "ueberleitungen.csv", actor=actor),
    Action.VIEW_AUDIT_TRAIL: lambda db, s, actor, _: in_unit(
        db, person_audit_trail, s.scene.mother, actor=actor),
    Action.VERIFY_AUDIT: lambda db, s, actor, _: in_unit(db, check_audit_log, actor=actor),
    Action.EDIT_DIRECTORY: lambda db, s, actor, _: in_unit(
        db, save_office, new_office(), actor=actor, settings=SETTINGS),
    Action.MANAGE_USERS: lambda db, s, actor, _: in_unit(
        db, add_user, "s.neumann", role="frontdesk", password="Sommer2026!", actor=actor),
    Action.REVIEW_CONFLICTS: lambda db, s, actor, _: in_unit(db, open_conflicts, actor=actor),
    Action.MERGE_PERSONS: lambda db, s, actor, _: in_unit(
        db, merge_persons, s.scene.mother, s.scene.son, actor=actor, settings=SETTINGS),
}
CASES = [(role, action) for action in Action for role in Role]


@pytest.fixture
def scene(database: Database) -> Supervision:
    return add_supervision(database)


def acting(scene: Supervision, role: Role) -> Actor:
    """The scene's account of that role; the administrator acts without a user row."""
    if role is Role.FRONT_DESK:
        return scene.desk
    if role is Role.SUPERVISOR:
        return scene.boss
    return Actor(None, "admin", Role.ADMIN, HERE)


def counts(database: Database) -> dict[str, int]:
    with database.sessions() as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in COUNTED}


def audit_entries(database: Database) -> list[AuditEvent]:
    with database.sessions() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def test_every_action_has_a_service_here() -> None:
    assert set(ATTEMPTS) == set(Action)


@pytest.mark.parametrize(("role", "action"), CASES, ids=[f"{r}-{a}" for r, a in CASES])
def test_the_service_keeps_to_the_role(database: Database, scene: Supervision, role: Role,
                                       action: Action, tmp_path: Path) -> None:
    actor = acting(scene, role)
    if allowed(role, action):
        ATTEMPTS[action](database, scene, actor, tmp_path)
        return
    before, logged = counts(database), len(audit_entries(database))
    with pytest.raises(RefusedActionError) as refused:
        ATTEMPTS[action](database, scene, actor, tmp_path)
    assert refused.value.exit_code == 4
    assert f"„{action.label}“ ist für die Rolle {role.label} nicht erlaubt" in str(
        refused.value.message)
    assert counts(database) == before
    assert not (tmp_path / "ueberleitungen.csv").exists()
    entries = audit_entries(database)
    assert len(entries) == logged + 1
    assert (entries[-1].action, entries[-1].username, entries[-1].details["action"]) == (
        "refused", actor.username, action.value)
