"""Routing stored persons and turning the front desk's decisions into referrals, on both
engines: the case is built from the person as stored (an age known only by the year counts
as the younger one, and says so), offices come from the live directory, accepted and
replaced recommendations become draft referrals with their explanation, and a decision that
does not fit writes nothing at all."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Concern, DirectoryOffice, Referral, Visit
from app.errors import FieldsValidationError
from app.routing import Recommendation
from app.services.database import Database
from app.services.directory import default_directory_path, import_directory, read_directory
from app.services.households import register_household
from app.services.numbers import peek_scope
from app.services.person_input import validate
from app.services.persons import load_person, register_person
from app.services.referrals import (
    Decision,
    DecisionAction,
    record_referrals,
    record_visit_with_referrals,
)
from app.services.routing_cases import (
    PersonRouting,
    case_for,
    directory_entries,
    route_concerns,
    route_household,
)
from app.services.visits import record_visit, validate_visit
from tests.actors import DESK, desk

SITE = Settings(office="NE", workstation=2, user="a.becker")
ON = date(2026, 3, 2)  # before the changes planned for 01.07.2026
REFERENCE = re.compile(r"^NE-2-20[0-9]{2}-[0-9]{6}-[0-9]$")
ADULT = {"family_name": "Al-Hassan", "given_names": "Mohammed", "birth_date": "1988-03-14",
         "status": "protected", "municipality": "Grevenbroich", "employable": True,
         "letter_language": "ar"}


@pytest.fixture
def directory(database: Database) -> Database:
    with unit_of_work(database.sessions) as session:
        import_directory(session, read_directory(default_directory_path()), origin="NE-2")
    return database


def a_person(database: Database, **raw: object) -> uuid.UUID:
    with unit_of_work(database.sessions) as session:
        return register_person(session, validate({**ADULT, **raw}), actor=desk(SITE),
                               settings=SITE).id


def routed(database: Database, person: uuid.UUID, *concerns: str) -> PersonRouting:
    with database.sessions() as session:
        return route_concerns(session, person, concerns, on=ON, actor=DESK)


def primary(routing: PersonRouting, concern: str) -> Recommendation:
    found = next(c for c in routing.concerns if c.concern == concern)
    return next(rec for rec in found.recommendations if rec.role == "primary")


def decisions_for(routing: PersonRouting, **by_kind: Decision) -> list[Decision]:
    """Accept every recommendation, except those named by agency kind."""
    return [by_kind.get(rec.agency_kind, Decision(routing.person_id, concern.concern, rec))
            for concern in routing.concerns for rec in concern.recommendations]


def counts(database: Database) -> tuple[int, int, int]:
    with database.sessions() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (Visit, Concern, Referral))  # type: ignore[return-value]


def test_the_jobcenter_office_follows_the_municipality(directory: Database) -> None:
    for municipality, office in (("Grevenbroich", "jobcenter-grevenbroich"),
                                 ("Kaarst", "jobcenter-neuss"),
                                 ("Dormagen", "jobcenter-dormagen")):
        person = a_person(directory, municipality=municipality)
        recommendation = primary(routed(directory, person, "benefits"), "benefits")
        assert recommendation.agency_kind == "jobcenter"
        assert recommendation.office is not None and recommendation.office.code == office


def test_an_age_known_only_by_the_year_counts_as_the_younger_and_says_so(
        directory: Database) -> None:
    person = a_person(directory, birth_date="2008", unaccompanied_minor=True,
                      employable=None)
    with directory.sessions() as session:
        stored = load_person(session, person)
        assert case_for(stored, "housing", ON).age == 17  # 17 or 18 on 2 March 2026
        assert case_for(stored, "housing", ON, oldest=True).age == 18
    routing = routed(directory, person, "housing")
    assert "2008" in routing.age_note and "17 oder 18" in routing.age_note
    assert primary(routing, "housing").agency_kind == "jugendamt"  # still protected as a minor
    [housing] = routing.concerns
    [note] = housing.notes  # and the front desk learns where an adult would go
    assert note.startswith("Wäre die Person schon 18 Jahre alt, wären zuständig: Jobcenter")


def test_a_known_birth_date_needs_no_note(directory: Database) -> None:
    assert routed(directory, a_person(directory), "work").age_note == ""


def test_retired_offices_are_not_offered(directory: Database) -> None:
    with unit_of_work(directory.sessions) as session:
        office = session.scalars(select(DirectoryOffice).where(
            DirectoryOffice.code == "jobcenter-grevenbroich")).one()
        office.deleted_at = datetime.now(UTC)
    with directory.sessions() as session:
        codes = {entry.code for entry in directory_entries(session)}
    assert "jobcenter-grevenbroich" not in codes and "jobcenter-neuss" in codes
    recommendation = primary(routed(directory, a_person(directory), "benefits"), "benefits")
    assert recommendation.office is None  # no live office; never the retired one


def test_a_whole_household_is_routed_in_one_go(directory: Database) -> None:
    with unit_of_work(directory.sessions) as session:
        family = register_household(session, [
            {**ADULT, "household_role": "head"},
            {**ADULT, "given_names": "Yusuf", "birth_date": "2015-05-20",
             "employable": None, "household_role": "child"},
            {**ADULT, "given_names": "Lina", "birth_date": "2019",
             "employable": None, "household_role": "child"}], actor=desk(SITE), settings=SITE)
        father, son, daughter = (member.id for member in family)
    with directory.sessions() as session:
        routings = route_household(session, {father: ["work"], son: ["school"], daughter: []},
                                   on=ON, actor=DESK)
    assert [(r.person_id, [c.concern for c in r.concerns]) for r in routings] == [
        (father, ["work"]), (son, ["school"])]
    assert all(c.recommendations or c.problem for r in routings for c in r.concerns)


def test_accepted_and_replaced_recommendations_become_draft_referrals(
        directory: Database) -> None:
    person = a_person(directory)
    routing = routed(directory, person, "benefits", "housing")
    housing = primary(routing, "housing")
    replacement = Decision(person, "housing", housing, DecisionAction.REPLACE,
                           agency_kind="sozialamt", office_code="sozialamt-grevenbroich",
                           reason="Notunterkunft der Stadt, Jobcenter nicht zuständig")
    decisions = [replacement if d.recommendation == housing else d
                 for d in decisions_for(routing)]
    dropped = next(d for d in decisions if d.recommendation.role == "secondary")
    decisions[decisions.index(dropped)] = replace(dropped, action=DecisionAction.DROP)
    with unit_of_work(directory.sessions) as session:
        visit = record_visit_with_referrals(session, person, {"concerns": ["benefits",
                                                                           "housing"]},
                                            decisions, actor=desk(SITE), settings=SITE)
        visit_id = visit.id
    with directory.sessions() as session:
        referrals = session.scalars(select(Referral).order_by(Referral.reference)).all()
        assert len(referrals) == len(decisions) - 1
        assert all(REFERENCE.match(r.reference) and r.status == "draft"
                   and r.visit_id == visit_id and r.person_id == person
                   and r.language == "ar" and r.origin == "NE-2" for r in referrals)
        replaced = next(r for r in referrals if r.replacement_reason)
        assert replaced.replacement_reason == replacement.reason
        assert (replaced.agency_kind, replaced.directory_office.code, replaced.role) == (
            "sozialamt", "sozialamt-grevenbroich", "primary")
        assert (replaced.rule_id, replaced.routing_reason) == (housing.rule_id, housing.reason)
        accepted = next(r for r in referrals if r.concern.code == "benefits"
                        and r.role == "primary")
        benefits = primary(routing, "benefits")
        assert (accepted.agency_kind, accepted.legal_basis, accepted.ruleset_version,
                accepted.documents) == (benefits.agency_kind, benefits.legal_basis,
                                        benefits.ruleset_version, list(benefits.documents))
        assert benefits.office is not None
        assert accepted.directory_office.code == benefits.office.code
    assert peek_scope_now(directory) == len(referrals)


def peek_scope_now(database: Database) -> int:
    with database.sessions() as session:
        return peek_scope(session, f"R:NE-2-{date.today().year}")


def test_a_replacement_without_reason_writes_nothing(directory: Database) -> None:
    person = a_person(directory)
    routing = routed(directory, person, "benefits", "work")
    work = primary(routing, "work")
    decisions = [Decision(person, "work", work, DecisionAction.REPLACE,
                          agency_kind="agentur_fuer_arbeit",
                          office_code="agentur-moenchengladbach", reason="  ")
                 if d.recommendation == work else d for d in decisions_for(routing)]
    with pytest.raises(FieldsValidationError) as caught, \
            unit_of_work(directory.sessions) as session:
        record_visit_with_referrals(session, person, {"concerns": ["benefits", "work"]},
                                    decisions, actor=desk(SITE), settings=SITE)
    index = decisions.index(next(d for d in decisions if d.action == "replace"))
    [error] = caught.value.errors
    assert error.field == f"decisions[{index}].reason"
    assert error.message.startswith(
        f"Arbeit/Vermittlung – {work.agency_label}: Begründung des Ersatzes: angeben, warum")
    assert "warum" in error.expected
    assert counts(directory) == (0, 0, 0)
    assert peek_scope_now(directory) == 0


@pytest.mark.parametrize(("kind", "office", "field", "expected"), [
    ("", "", "agency_kind", "Stellenart"),
    ("teleport", "sozialamt-neuss", "agency_kind", "Stellenart"),
    ("sozialamt", "jobcenter-neuss", "office", "Sozialamt"),
    ("sozialamt", "gibt-es-nicht", "office", "Verzeichnis"),
])
def test_a_replacement_needs_an_office_of_its_kind_from_the_directory(
        directory: Database, kind: str, office: str, field: str, expected: str) -> None:
    person = a_person(directory)
    benefits = primary(routed(directory, person, "benefits"), "benefits")
    decision = Decision(person, "benefits", benefits, DecisionAction.REPLACE, agency_kind=kind,
                        office_code=office, reason="Wunsch der Person")
    with pytest.raises(FieldsValidationError) as caught, \
            unit_of_work(directory.sessions) as session:
        record_visit_with_referrals(session, person, {"concerns": ["benefits"]}, [decision],
                                    actor=desk(SITE), settings=SITE)
    assert [e.field for e in caught.value.errors] == [f"decisions[0].{field}"]
    assert expected in caught.value.errors[0].expected
    assert counts(directory) == (0, 0, 0)


def test_visit_and_decision_problems_are_reported_together(directory: Database) -> None:
    person = a_person(directory)
    benefits = primary(routed(directory, person, "benefits"), "benefits")
    decision = Decision(person, "benefits", benefits, DecisionAction.REPLACE,
                        agency_kind="sozialamt", office_code="sozialamt-grevenbroich")
    with pytest.raises(FieldsValidationError) as caught, \
            unit_of_work(directory.sessions) as session:
        record_visit_with_referrals(session, person, {"concerns": ["benefits"],
                                                      "interpreter_used": True},
                                    [decision], actor=desk(SITE), settings=SITE)
    assert {e.field for e in caught.value.errors} == {"interpreter_language",
                                                      "decisions[0].reason"}
    assert counts(directory) == (0, 0, 0)


def test_household_members_concerns_are_stored_in_the_same_visit(directory: Database) -> None:
    with unit_of_work(directory.sessions) as session:
        mother, child = (p.id for p in register_household(session, [
            {**ADULT, "given_names": "Fatima", "household_role": "head"},
            {**ADULT, "given_names": "Yusuf", "birth_date": "2015-05-20",
             "employable": None, "household_role": "child"}], actor=desk(SITE), settings=SITE))
        stranger = register_person(session, validate(ADULT), actor=desk(SITE), settings=SITE).id
    with directory.sessions() as session:
        [routing] = route_household(session, {child: ["school"]}, on=ON, actor=DESK)
    decisions = decisions_for(routing)
    with unit_of_work(directory.sessions) as session:  # the mother brings no concern of hers
        visit_id = record_visit_with_referrals(session, mother, {"concerns": []}, decisions,
                                               actor=desk(SITE), settings=SITE,
                                               members={child: ["school"]}).id
    with directory.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert visit.person_id == mother
        assert [(c.person_id, c.code) for c in visit.concerns] == [(child, "school")]
        referrals = session.scalars(select(Referral)).all()
        assert {(r.person_id, r.concern.code) for r in referrals} == {(child, "school")}
        assert len(referrals) == len(decisions)
    with pytest.raises(FieldsValidationError) as caught, \
            unit_of_work(directory.sessions) as session:
        record_visit_with_referrals(session, mother, {"concerns": ["work"]}, [],
                                    actor=desk(SITE), settings=SITE, members={stranger: ["work"]})
    assert "Haushalt" in caught.value.errors[0].expected
    with pytest.raises(FieldsValidationError) as caught, \
            unit_of_work(directory.sessions) as session:
        record_visit_with_referrals(session, mother, {"concerns": ["work"]}, [],
                                    actor=desk(SITE), settings=SITE, members={child: ["school",
                                                                                      "flying"]})
    assert "Anliegen-Codes" in caught.value.errors[0].expected
    assert counts(directory)[0] == 1  # only the visit stored above


def test_decisions_about_concerns_the_visit_lacks_are_refused(directory: Database) -> None:
    person = a_person(directory)
    routing = routed(directory, person, "benefits", "work")
    with unit_of_work(directory.sessions) as session:
        visit_id = record_visit(session, person, validate_visit({"concerns": ["benefits"]}),
                                actor=desk(SITE), settings=SITE).id
    with pytest.raises(FieldsValidationError) as caught, \
            unit_of_work(directory.sessions) as session:
        record_referrals(session, visit_id, decisions_for(routing), actor=desk(SITE), settings=SITE)
    assert all("nicht zu diesem Besuch" in e.expected for e in caught.value.errors)
    assert {e.message.split(":")[0].split(" – ")[0] for e in caught.value.errors} == {
        "Arbeit/Vermittlung"}
    assert counts(directory)[2] == 0


def test_an_office_retired_after_routing_cannot_be_accepted(directory: Database) -> None:
    person = a_person(directory)
    routing = routed(directory, person, "benefits")
    benefits = primary(routing, "benefits")
    assert benefits.office is not None
    with unit_of_work(directory.sessions) as session:
        office = session.scalars(select(DirectoryOffice).where(
            DirectoryOffice.code == benefits.office.code)).one()
        office.deleted_at = datetime.now(UTC)
    with pytest.raises(FieldsValidationError) as caught, \
            unit_of_work(directory.sessions) as session:
        record_visit_with_referrals(session, person, {"concerns": ["benefits"]},
                                    [Decision(person, "benefits",
                                              benefits)], actor=desk(SITE), settings=SITE)
    assert "nicht mehr im Verzeichnis" in caught.value.errors[0].expected
    assert counts(directory) == (0, 0, 0)
