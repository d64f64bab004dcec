"""The letters as values, built from the database: what each recipient may learn, who
sends, who signs, the route through the offices – before anything is rendered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from app.db.engine import unit_of_work
from app.db.models import DirectoryOffice, Referral
from app.errors import FieldsValidationError, NotFoundError
from app.letters.model import ConsentForm, DataCategory, LetterKind, ReferralLetter, RouteSheet
from app.services.consents import record_consent
from app.services.database import Database
from app.services.letter_builders import Issue, build_letter
from app.services.letter_parts import find_referral
from tests.actors import desk
from tests.db.letter_scene import SETTINGS, Scene, add_scene

ISSUE = Issue("ar", date(2026, 11, 27), copy=False)


@pytest.fixture
def scene(database: Database) -> Scene:
    with unit_of_work(database.sessions) as session:
        return add_scene(session)


def build(database: Database, reference: str, kind: LetterKind = LetterKind.REFERRAL,
          issue: Issue = ISSUE) -> object:
    with unit_of_work(database.sessions) as session:
        return build_letter(session, find_referral(session, reference), kind, issue,
                            settings=SETTINGS)


def test_the_jobcenter_learns_what_the_law_allows_and_not_the_note(
        database: Database, scene: Scene) -> None:
    letter = build(database, scene.jobcenter)
    assert isinstance(letter, ReferralLetter)
    person = letter.person
    assert person.identity is not None and person.identity.original_name == "الحسن فاطمة"
    assert person.contact is not None and person.contact.street == "Büttger Straße 7"
    assert person.residence is not None and person.residence.document_number == "Y7K3M9"
    assert person.household is not None and [m.name for m in person.household] == [
        "Al-Hassan, Omar"]
    assert letter.concern_note is None  # the note always needs consent
    assert person.withheld == (DataCategory.CONCERN,)
    assert letter.basis.legal_basis == "§ 69 Abs. 1 Nr. 1 SGB X" and not letter.basis.consented
    assert (letter.sender.office.name, letter.staff_name) == ("Integration Point Neuss",
                                                              "Anna Becker")
    assert letter.recipient.name == "Jobcenter Neuss" and letter.concern == "benefits"


def test_the_auslaenderbehoerde_learns_only_what_the_consent_names(
        database: Database, scene: Scene) -> None:
    before = build(database, scene.residence)
    assert isinstance(before, ReferralLetter)
    assert before.person.identity is None and before.person.residence is None
    assert set(before.person.withheld) == set(DataCategory)
    with unit_of_work(database.sessions) as session:
        record_consent(session, scene.mother, agency_kind="auslaenderbehoerde",
                       directory_office_id=None, categories=["identity", "residence",
                                                             "concern"],
                       purpose="Verlängerung des Aufenthalts", given_on=date(2026, 11, 20),
                       actor=desk(SETTINGS), settings=SETTINGS)
    after = build(database, scene.residence)
    assert isinstance(after, ReferralLetter)
    assert after.person.identity is not None and after.person.residence is not None
    assert after.person.contact is None and after.person.household is None
    assert after.concern_note == "Duldung läuft ab"
    assert after.basis.consented == (DataCategory.IDENTITY, DataCategory.RESIDENCE,
                                     DataCategory.CONCERN)
    assert after.basis.consent_given_on == date(2026, 11, 20) and not after.basis.by_law


def test_a_consent_for_another_office_of_the_kind_does_not_count(
        database: Database, scene: Scene) -> None:
    with unit_of_work(database.sessions) as session:
        other = DirectoryOffice(code="abh-kreis", agency_kind="auslaenderbehoerde",
                                name="Kreis-Ausländerbehörde")
        session.add(other)
        session.flush()
        record_consent(session, scene.mother, agency_kind="auslaenderbehoerde",
                       directory_office_id=other.id, categories=["identity"],
                       purpose="Aufenthalt", actor=desk(SETTINGS), settings=SETTINGS)
    letter = build(database, scene.residence)
    assert isinstance(letter, ReferralLetter) and letter.person.identity is None


def test_the_consent_form_asks_for_what_the_law_does_not_allow(
        database: Database, scene: Scene) -> None:
    jobcenter = build(database, scene.jobcenter, LetterKind.CONSENT)
    assert isinstance(jobcenter, ConsentForm)
    assert jobcenter.categories == (DataCategory.CONCERN,)
    assert (jobcenter.person_name, jobcenter.by_guardian) == ("Al-Hassan, Fatima", False)
    school = build(database, scene.school, LetterKind.CONSENT)
    assert isinstance(school, ConsentForm)
    assert school.by_guardian and school.concerns == ("school",)  # Omar is 8
    assert school.categories == tuple(DataCategory)


def test_the_route_sheet_orders_the_household_s_stations(
        database: Database, scene: Scene) -> None:
    sheet = build(database, scene.school, LetterKind.ROUTE_SHEET)
    assert isinstance(sheet, RouteSheet)
    assert sheet.person_name == "Al-Hassan, Fatima" and sheet.reference == scene.jobcenter
    assert [s.agency_kind for s in sheet.stations] == [
        "auslaenderbehoerde", "jobcenter", "kommunales_integrationszentrum"]
    assert sheet.stations[2].persons == ("Omar Al-Hassan",)
    assert sheet.stations[1].documents == ("Pass", "Mietvertrag")


def test_a_referral_without_office_or_address_says_what_to_fix(
        database: Database, scene: Scene) -> None:
    with unit_of_work(database.sessions) as session:
        referral = find_referral(session, scene.residence)
        referral.directory_office_id = None
    with pytest.raises(FieldsValidationError, match="eine Stelle wählen"):
        build(database, scene.residence)
    with pytest.raises(FieldsValidationError, match="eine Stelle wählen"):
        build(database, scene.jobcenter, LetterKind.ROUTE_SHEET)
    with unit_of_work(database.sessions) as session:
        office = session.get_one(DirectoryOffice, scene.jobcenter_office)
        office.street = ""
    with pytest.raises(FieldsValidationError, match=r"Straße.*Verzeichniseintrag ergänzen"):
        build(database, scene.jobcenter)


def test_an_unknown_reference_is_not_found(database: Database, scene: Scene) -> None:
    with pytest.raises(NotFoundError, match="NE-1-2026-999999"):
        build(database, "NE-1-2026-999999-1")


def test_a_cancelled_referral_leaves_the_route_sheet(database: Database, scene: Scene) -> None:
    with unit_of_work(database.sessions) as session:
        referral = session.scalars(select(Referral).where(
            Referral.reference == scene.residence)).one()
        referral.status = "cancelled"
    sheet = build(database, scene.jobcenter, LetterKind.ROUTE_SHEET,
                  replace(ISSUE, copy=True))
    assert isinstance(sheet, RouteSheet) and sheet.copy
    assert [s.agency_kind for s in sheet.stations] == ["jobcenter",
                                                       "kommunales_integrationszentrum"]
