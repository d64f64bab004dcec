"""Approval on both engines: which referrals need it, the queue, approve and reject, the
front desk refused (audited), and the gate that keeps an unapproved original from printing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.codes import Role
from app.config import load_settings, user_config_file
from app.db.engine import unit_of_work
from app.errors import ConfigError
from app.letters.model import LetterKind
from app.security.permissions import Actor, RefusedActionError
from app.services.approval import ApprovalRequiredError, approval_queue, approve, reject
from app.services.approval_rules import current_rules
from app.services.consents import record_consent
from app.services.database import Database
from app.services.letters import RenderedLetter, issue_letter, preview_letter
from app.services.referral_lifecycle import TransitionError
from tests.actors import desk
from tests.db.referral_scene import (
    HERE,
    SETTINGS,
    Supervision,
    add_referral,
    add_supervision,
    audit,
    originals,
    status,
    steps,
)

BOSS = Actor(None, "leitung", Role.SUPERVISOR, HERE)


@pytest.fixture
def office(database: Database) -> Supervision:
    return add_supervision(database)


def issue(database: Database, reference: str) -> RenderedLetter:
    with unit_of_work(database.sessions) as session:
        return issue_letter(session, reference, actor=desk(SETTINGS), settings=SETTINGS,
                            language="de")


def queue(database: Database, **filters: object) -> list[str]:
    with database.sessions() as session:
        return [row.reference for row in approval_queue(session, actor=BOSS, settings=SETTINGS,
                                                        **filters)]  # type: ignore[arg-type]


def consent_to_share_the_note(database: Database, office: Supervision) -> None:
    with unit_of_work(database.sessions) as session:
        record_consent(session, office.scene.mother, agency_kind="auslaenderbehoerde",
                       directory_office_id=office.scene.residence_office,
                       categories=["identity", "concern"], purpose="Verlängerung",
                       given_on=date(2026, 11, 20), actor=desk(SETTINGS), settings=SETTINGS)


def test_the_queue_holds_the_jugendamt_and_referrals_that_would_print_a_note(
        database: Database, office: Supervision) -> None:
    assert queue(database) == [office.jugendamt]
    consent_to_share_the_note(database, office)  # "Duldung läuft ab" would now be printed
    assert queue(database) == [office.scene.residence, office.jugendamt]
    with database.sessions() as session:
        rows = {row.reference: row for row in approval_queue(session, actor=BOSS,
                                                             settings=SETTINGS)}
    assert "Jugendamt" in rows[office.jugendamt].reasons[0]
    assert "Notiz zum Anliegen" in rows[office.scene.residence].reasons[0]
    assert rows[office.jugendamt].person_name == "Al-Hassan, Omar"


def test_an_empty_note_is_nothing_sensitive(database: Database, office: Supervision) -> None:
    with unit_of_work(database.sessions) as session:
        record_consent(session, office.scene.son, agency_kind="kommunales_integrationszentrum",
                       directory_office_id=None, categories=["concern"], purpose="Schule",
                       given_by="guardian", guardian_name="Fatima Al-Hassan",
                       given_on=date(2026, 11, 20), actor=desk(SETTINGS), settings=SETTINGS)
    assert office.scene.school not in queue(database)  # the son's school concern has no note


def test_the_queue_filters_by_office_date_kind_and_status(
        database: Database, office: Supervision) -> None:
    with unit_of_work(database.sessions) as session:
        old = add_referral(session, office.scene, "childcare_family", "jugendamt", "JA Kaarst",
                           created=datetime(2025, 6, 1, 10, tzinfo=UTC))
        other = add_referral(session, office.scene, "childcare_family", "jugendamt",
                             "JA Grevenbroich", reference_office="GV")
    assert queue(database) == [old, office.jugendamt, other]
    assert queue(database, office="GV") == [other]
    assert queue(database, since=date(2026, 1, 1)) == [office.jugendamt, other]
    assert queue(database, until=date(2025, 6, 1)) == [old]
    assert queue(database, agency_kind="jobcenter") == []
    with unit_of_work(database.sessions) as session:
        approve(session, old, actor=office.boss)
    assert queue(database) == [office.jugendamt, other]
    assert queue(database, status="approved") == [old]
    assert queue(database, status=None) == [old, office.jugendamt, other]


def test_a_supervisor_approves_and_the_step_is_kept_and_audited(
        database: Database, office: Supervision) -> None:
    with unit_of_work(database.sessions) as session:
        approve(session, office.jugendamt, actor=office.boss)
    assert status(database, office.jugendamt) == ("approved", "")
    assert steps(database, office.jugendamt) == [("draft", "approved", "", "leitung")]
    last = audit(database)[-1]
    assert (last.action, last.username, last.entity_id) == ("approve", "leitung",
                                                            office.scene.son)
    assert last.details["reference"] == office.jugendamt


def test_a_rejection_needs_a_reason_and_then_the_original_never_prints(
        database: Database, office: Supervision) -> None:
    with pytest.raises(TransitionError, match="Begründung"), \
            unit_of_work(database.sessions) as session:
        reject(session, office.jugendamt, "", actor=office.boss)
    assert status(database, office.jugendamt) == ("draft", "")
    with unit_of_work(database.sessions) as session:
        reject(session, office.jugendamt, "Kita-Platz ist schon beantragt", actor=office.boss)
    assert status(database, office.jugendamt) == ("rejected", "Kita-Platz ist schon beantragt")
    assert audit(database)[-1].action == "reject"
    with pytest.raises(ApprovalRequiredError):
        issue(database, office.jugendamt)
    with pytest.raises(TransitionError), unit_of_work(database.sessions) as session:
        approve(session, office.jugendamt, actor=office.boss)  # rejected is final


def test_the_front_desk_may_not_approve_nothing_changes_and_the_refusal_is_audited(
        database: Database, office: Supervision) -> None:
    for act in (lambda s: approve(s, office.jugendamt, actor=office.desk),
                lambda s: reject(s, office.jugendamt, "nein", actor=office.desk)):
        with pytest.raises(RefusedActionError, match="Teamleitung") as raised, \
                unit_of_work(database.sessions) as session:
            act(session)
        assert raised.value.exit_code == 4
        refusal = audit(database)[-1]
        assert (refusal.action, refusal.username, refusal.entity_id) == (
            "refused", "a.becker", office.scene.son)
    assert status(database, office.jugendamt) == ("draft", "")
    assert steps(database, office.jugendamt) == []


def test_the_original_waits_for_approval_previews_do_not(
        database: Database, office: Supervision) -> None:
    with database.sessions() as session:
        preview = preview_letter(session, office.jugendamt, actor=desk(SETTINGS), settings=SETTINGS,
                                 language="de")
    with pytest.raises(ApprovalRequiredError, match="Freigabe") as raised:
        issue(database, office.jugendamt)
    assert "Teamleitung" in raised.value.hint and raised.value.exit_code == 4
    assert originals(database) == [] and status(database, office.jugendamt)[0] == "draft"
    refusal = audit(database)[-1]
    assert refusal.action == "refused" and refusal.details["reference"] == office.jugendamt
    with unit_of_work(database.sessions) as session:
        approve(session, office.jugendamt, actor=office.boss)
    assert issue(database, office.jugendamt).pdf == preview.pdf
    assert status(database, office.jugendamt)[0] == "issued"
    assert [step[1] for step in steps(database, office.jugendamt)] == ["approved", "issued"]


def test_copies_stay_possible_and_referrals_without_need_print_at_once(
        database: Database, office: Supervision) -> None:
    assert not issue(database, office.scene.residence).copy  # nothing sensitive yet
    consent_to_share_the_note(database, office)
    assert issue(database, office.scene.residence).copy  # a copy is no new original
    with unit_of_work(database.sessions) as session:  # other kinds of letter are not gated
        issue_letter(session, office.jugendamt, kind=LetterKind.CONSENT, actor=desk(SETTINGS),
                     settings=SETTINGS)
    assert steps(database, office.scene.residence) == [("draft", "issued", "", "a.becker")]


def queue_as_configured(database: Database) -> list[str]:
    """The queue with the settings of the installation: files and environment."""
    settings = load_settings(database_url=database.settings.database_url)
    with database.sessions() as session:
        return [row.reference for row in approval_queue(session, actor=BOSS, settings=settings)]


def jobcenter_rules(path: Path, kinds: str = "[jobcenter]") -> Path:
    path.write_text(f"format: lotse-approval/1\nagency_kinds: {kinds}\n"
                    "sensitive_categories: []\n", encoding="utf-8")
    return path


def test_an_administrator_can_name_other_rules_in_the_config_file(
        database: Database, office: Supervision, tmp_path: Path) -> None:
    rules = jobcenter_rules(tmp_path / "freigabe.yaml")
    user_config_file().parent.mkdir(parents=True, exist_ok=True)
    user_config_file().write_text(f'[referrals]\napproval_rules = "{rules.as_posix()}"\n',
                                  encoding="utf-8")
    assert queue_as_configured(database) == [office.scene.jobcenter]
    assert current_rules(replace(SETTINGS, approval_rules=rules)).source == str(rules)
    assert current_rules(SETTINGS).source.endswith("approval.yaml")  # the bundled file
    assert current_rules(SETTINGS).source != str(rules)


def test_an_administrator_can_name_other_rules_in_the_environment(
        database: Database, office: Supervision, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rules = jobcenter_rules(tmp_path / "approval.yaml")
    monkeypatch.setenv("LOTSE_APPROVAL_RULES", str(rules))
    assert queue_as_configured(database) == [office.scene.jobcenter]
    jobcenter_rules(rules, "[jobcentre]")
    with pytest.raises(ConfigError, match="jobcentre"):
        queue_as_configured(database)
