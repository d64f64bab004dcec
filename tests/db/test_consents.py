"""Recording, listing and withdrawing consents: every field named when it does not fit,
nothing written then, and a withdrawn consent no longer opens a letter."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.db.engine import unit_of_work
from app.db.models import Consent
from app.errors import FieldsValidationError, NotFoundError
from app.letters.model import LetterKind, ReferralLetter
from app.services.consents import consent_rows, record_consent, withdraw_consent
from app.services.database import Database
from app.services.letter_builders import Issue, build_letter
from app.services.letter_parts import find_referral
from tests.actors import desk
from tests.db.letter_scene import SETTINGS, Scene, add_scene


@pytest.fixture
def scene(database: Database) -> Scene:
    with unit_of_work(database.sessions) as session:
        return add_scene(session)


def consent(database: Database, person: object, **values: object) -> None:
    arguments: dict[str, object] = {"agency_kind": "auslaenderbehoerde",
                                    "directory_office_id": None,
                                    "categories": ["identity"], "purpose": "Aufenthalt"}
    with unit_of_work(database.sessions) as session:
        record_consent(session, person, **{**arguments, **values},  # type: ignore[arg-type]
                       actor=desk(SETTINGS), settings=SETTINGS)


def stored(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(Consent)) or 0


@pytest.mark.parametrize(("values", "field", "text"), [
    ({"categories": []}, "categories", "mindestens eine"),
    ({"categories": ["identity", "shoe_size"]}, "categories", "bekannte Datenarten"),
    ({"purpose": "  "}, "purpose", "Zweck"),
    ({"given_by": "neighbour"}, "given_by", "person oder guardian"),
    ({"given_by": "guardian"}, "guardian_name", "Sorgeberechtigte"),
    ({"agency_kind": "finanzamt"}, "agency_kind", "Stellenart"),
    ({"given_on": date.today() + timedelta(days=1)}, "given_on", "nicht in der Zukunft"),
])
def test_what_does_not_fit_is_named_and_nothing_is_written(
        database: Database, scene: Scene, values: dict[str, object], field: str,
        text: str) -> None:
    with pytest.raises(FieldsValidationError) as raised:
        consent(database, scene.mother, **values)
    assert [e.field for e in raised.value.errors] == [field]
    assert text in raised.value.message
    assert stored(database) == 0


def test_an_office_of_another_kind_is_refused(database: Database, scene: Scene) -> None:
    with pytest.raises(FieldsValidationError, match="Stelle dieser Stellenart"):
        consent(database, scene.mother, directory_office_id=scene.jobcenter_office)


def test_a_child_under_15_needs_the_guardians(database: Database, scene: Scene) -> None:
    with pytest.raises(FieldsValidationError, match="jünger als 15"):
        consent(database, scene.son, agency_kind="kommunales_integrationszentrum")
    consent(database, scene.son, agency_kind="kommunales_integrationszentrum",
            given_by="guardian", guardian_name="Fatima Al-Hassan")
    with database.sessions() as session:
        row = consent_rows(session, scene.son)[0]
    assert (row.given_by, row.guardian_name, row.office_name) == (
        "guardian", "Fatima Al-Hassan", "")


def test_rows_newest_first_and_a_withdrawal_closes_the_letter(
        database: Database, scene: Scene) -> None:
    consent(database, scene.mother, given_on=date(2026, 1, 5), categories=["contact"])
    consent(database, scene.mother, directory_office_id=scene.residence_office,
            categories=["residence", "identity"], given_on=date(2026, 11, 2))
    with database.sessions() as session:
        rows = consent_rows(session, scene.mother)
    assert [r.given_on for r in rows] == [date(2026, 11, 2), date(2026, 1, 5)]
    assert rows[0].categories == ("identity", "residence")
    assert rows[0].office_name == "Ausländerbehörde Neuss"
    assert residence_letter(database, scene).person.residence is not None
    with unit_of_work(database.sessions) as session:
        withdraw_consent(session, rows[0].consent_id, actor=desk(SETTINGS), settings=SETTINGS)
    with database.sessions() as session:
        assert consent_rows(session, scene.mother)[0].withdrawn_on == date.today()
    letter = residence_letter(database, scene)
    assert letter.person.residence is None and letter.person.contact is not None


def residence_letter(database: Database, scene: Scene) -> ReferralLetter:
    with database.sessions() as session:
        letter = build_letter(session, find_referral(session, scene.residence),
                              LetterKind.REFERRAL, Issue("de", date.today(), False),
                              settings=SETTINGS)
    assert isinstance(letter, ReferralLetter)
    return letter


def test_unknown_consent_and_person_are_not_found(database: Database, scene: Scene) -> None:
    with unit_of_work(database.sessions) as session, pytest.raises(NotFoundError):
        withdraw_consent(session, uuid.uuid4(), actor=desk(SETTINGS), settings=SETTINGS)
    with pytest.raises(NotFoundError):
        consent(database, uuid.uuid4())
