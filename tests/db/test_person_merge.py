"""A person registered twice, found as a pair and merged, on both engines (issue 7): after
the merge everything of both files is found under the kept one, nothing is lost, the merged
file is not found by the search, and a failed or refused merge changes nothing."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from app.codes import Role
from app.db.engine import unit_of_work
from app.db.models import AuditEvent, Consent, Person, PrintEvent, Referral, Visit
from app.errors import ConflictError, FieldsValidationError
from app.search import find_persons
from app.security.audit_trail import person_audit_trail
from app.security.permissions import RefusedActionError
from app.services import person_merge
from app.services.database import Database
from app.services.person_input import validate
from app.services.person_merge import (
    MergeReport,
    duplicate_pairs,
    merge_persons,
    merge_preview,
)
from app.services.persons import load_person, register_person
from tests.db.merge_scene import BRANCH, MergeScene, add_merge_scene
from tests.db.referral_scene import SETTINGS


@pytest.fixture
def scene(database: Database) -> MergeScene:
    return add_merge_scene(database)


def merge(database: Database, scene: MergeScene, **options: Any) -> MergeReport:
    with unit_of_work(database.sessions) as session:
        return merge_persons(session, scene.mother, scene.duplicate, actor=scene.office.boss,
                             settings=SETTINGS, **options)


def history(database: Database, person_id: uuid.UUID) -> dict[str, int]:
    """Rows under the person: visits, referrals, consents, printed letters."""
    with database.sessions() as session:
        referrals = select(Referral.id).where(Referral.person_id == person_id)
        return {model.__name__: session.scalar(select(func.count()).select_from(model).where(
            model.person_id == person_id)) or 0 for model in (Visit, Referral, Consent)} | {
            "PrintEvent": session.scalar(select(func.count()).select_from(PrintEvent).where(
                PrintEvent.referral_id.in_(referrals))) or 0}


def totals(database: Database) -> dict[str, int]:
    with database.sessions() as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (Person, Visit, Referral, Consent, PrintEvent, AuditEvent)}


def test_the_two_registrations_are_listed_as_a_pair(database: Database,
                                                    scene: MergeScene) -> None:
    with database.sessions() as session:
        pairs = duplicate_pairs(session, actor=scene.office.boss)
    assert len(pairs) == 1
    pair = pairs[0]
    assert (pair.first.person_id, pair.second.person_id) == (scene.mother, scene.duplicate)
    assert pair.strong
    assert pair.reasons[0] == "gleiches BAMF-Aktenzeichen 8123456-475"
    assert (pair.first.origin, pair.second.origin) == ("NE-1", "GV-2")
    assert (pair.second.visits, pair.second.referrals) == (1, 1)
    assert (pair.first.visits, pair.first.referrals) == (1, 2)


def test_a_similar_name_with_the_same_birth_date_is_a_pair_with_its_reasons(
        database: Database, scene: MergeScene) -> None:
    with unit_of_work(database.sessions) as session:
        for raw, site in (({"family_name": "Mansour", "given_names": "Firas",
                            "birth_date": "2007"}, SETTINGS),
                          ({"family_name": "Mansur", "given_names": "Firas",
                            "birth_date": "2007-07-20"}, BRANCH),
                          ({"family_name": "Mansur", "given_names": "Firas",
                            "birth_date": "2008-07-20"}, BRANCH)):
            register_person(session, validate(raw), actor=scene.office.desk, settings=site)
    with database.sessions() as session:
        pairs = [p for p in duplicate_pairs(session, actor=scene.office.boss) if not p.strong]
    assert [(p.first.family_name, p.second.family_name) for p in pairs] == [("Mansour",
                                                                           "Mansur")]
    assert pairs[0].reasons == (
        "Geburtsdatum kann dasselbe sein (2007 / 2007-07-20) und ähnlicher Name",
        "„Mansour“ ≈ „Mansur“ (gleiche Konsonanten)", "Name „Firas“")


def test_after_the_merge_everything_of_both_is_under_the_kept_person(
        database: Database, scene: MergeScene) -> None:
    before = totals(database)
    mother, duplicate = history(database, scene.mother), history(database, scene.duplicate)
    report = merge(database, scene)
    assert history(database, scene.mother) == {key: mother[key] + duplicate[key]
                                                for key in mother}
    assert history(database, scene.duplicate) == dict.fromkeys(duplicate, 0)
    assert totals(database) == before | {"AuditEvent": before["AuditEvent"] + 3}
    assert report.moved == {"visits": 1, "concerns": 1, "referrals": 1, "consents": 1}
    with database.sessions() as session:
        kept = session.get_one(Person, scene.mother)
        merged = session.get_one(Person, scene.duplicate)
        assert merged.is_deleted and merged.merged_into_id == kept.id
        assert kept.email == "fatma.alhasan@example.org"  # was empty: taken over
        assert kept.phone == "0151 2345678"  # both had one: the kept one's stays
        assert [(n.family_name, n.given_names) for n in kept.names] == [
            ("الحسن", "فاطمة"), ("Al-Hasan", "Fatma"), ("Alhasan", "Fatma")]


def test_the_kept_trail_holds_both_histories(database: Database, scene: MergeScene) -> None:
    merge(database, scene)
    with database.sessions() as session:
        trail = person_audit_trail(session, scene.mother, actor=scene.office.boss)
    actions = [str(entry.action) for entry in trail]
    assert actions[:3] == ["merge_persons", "merge_persons", "change_person"]
    numbers = {entry.details.get("person_number") for entry in trail}
    with database.sessions() as session:
        both = {session.get_one(Person, i).person_number for i in (scene.mother,
                                                                   scene.duplicate)}
    assert both <= numbers
    assert {"register_person", "print", "record_consent"} <= set(actions)
    merged = trail[0].details
    assert set(merged) >= {"kept", "merged", "fields"}
    assert "email" in merged["fields"]


def test_the_merged_file_is_not_found_and_its_number_leads_to_the_kept_one(
        database: Database, scene: MergeScene) -> None:
    with database.sessions() as session:
        number = session.get_one(Person, scene.duplicate).person_number
    merge(database, scene)
    with database.sessions() as session:
        found = {match.person_id for match in find_persons(session, "Al-Hasan Fatma")}
        assert scene.mother in found and scene.duplicate not in found
        assert load_person(session, number).id == scene.mother
        assert load_person(session, scene.duplicate).id == scene.mother
        assert duplicate_pairs(session, actor=scene.office.boss) == []


def test_the_supervisor_chooses_the_other_value(database: Database, scene: MergeScene) -> None:
    with database.sessions() as session:
        preview = merge_preview(session, scene.mother, scene.duplicate,
                                actor=scene.office.boss)
    shown = {d.key: (d.keep, d.merge, d.default.value) for d in preview.differences}
    assert shown["phone"] == ("0151 2345678", "0176 5556677", "keep")
    assert shown["email"] == ("(leer)", "fatma.alhasan@example.org", "merge")
    assert shown["household_id"] == ("Familie Al-Hassan (Haushaltsvorstand)", "(leer)", "keep")
    merge(database, scene, choices={"phone": "merge"}, expected_versions=preview.versions)
    with database.sessions() as session:
        assert session.get_one(Person, scene.mother).phone == "0176 5556677"


def test_a_record_changed_meanwhile_stops_the_merge(database: Database,
                                                    scene: MergeScene) -> None:
    with database.sessions() as session:
        versions = merge_preview(session, scene.mother, scene.duplicate,
                                 actor=scene.office.boss).versions
    with unit_of_work(database.sessions) as session:
        session.get_one(Person, scene.duplicate).phone = "0176 1111111"
    before = totals(database)
    with pytest.raises(ConflictError, match="nichts wurde zusammengeführt"):
        merge(database, scene, expected_versions=versions)
    assert totals(database) == before
    assert history(database, scene.duplicate)["Visit"] == 1


@pytest.mark.parametrize("case", ["itself", "merged", "choice"])
def test_a_wrong_pair_is_refused_naming_the_field(database: Database, scene: MergeScene,
                                                  case: str) -> None:
    if case == "merged":
        merge(database, scene)
    with pytest.raises(FieldsValidationError) as refused, \
            unit_of_work(database.sessions) as session:
        merge_persons(session, scene.mother,
                      scene.mother if case == "itself" else scene.duplicate,
                      actor=scene.office.boss, settings=SETTINGS,
                      choices={"phone": "both"} if case == "choice" else None)
    expected = {"itself": ("merge_id", "Zusammenzuführende Person: ist dieselbe Person"),
                "merged": ("merge_id", "Zusammenzuführende Person: P-GV-2-"),
                "choice": ("phone", "Telefon: erwartet wird „keep“ oder „merge“")}[case]
    assert refused.value.errors[0].field == expected[0]
    assert refused.value.message.startswith(expected[1])
    if case == "merged":
        assert "bereits mit P-NE-1-" in refused.value.message


def test_a_failure_midway_leaves_nothing_half_merged(database: Database, scene: MergeScene,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def power_cut(*_args: object) -> None:
        raise RuntimeError("power cut while re-indexing")

    before = (totals(database), history(database, scene.mother),
              history(database, scene.duplicate))
    monkeypatch.setattr(person_merge, "index_person", power_cut)
    with pytest.raises(RuntimeError):
        merge(database, scene)
    assert (totals(database), history(database, scene.mother),
            history(database, scene.duplicate)) == before
    with database.sessions() as session:
        assert not session.get_one(Person, scene.duplicate).is_deleted


def test_the_front_desk_may_not_merge_and_the_attempt_is_on_record(
        database: Database, scene: MergeScene) -> None:
    before = totals(database)
    with pytest.raises(RefusedActionError), unit_of_work(database.sessions) as session:
        merge_persons(session, scene.mother, scene.duplicate, actor=scene.office.desk,
                      settings=SETTINGS)
    with pytest.raises(RefusedActionError), database.sessions() as session:
        duplicate_pairs(session, actor=scene.office.desk)
    after = totals(database)
    assert after == before | {"AuditEvent": before["AuditEvent"] + 2}
    with database.sessions() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last is not None and last.details == {"action": "merge_persons",
                                                 "role": Role.FRONT_DESK.value}
