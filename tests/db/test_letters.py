"""Letters from the database end to end, on both engines: what the PDF says, what the print
log records, original and Zweitschrift, and what a recipient must not read."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import pytest
from pdfminer.high_level import extract_text
from sqlalchemy import select

from app.db.engine import unit_of_work
from app.db.models import PrintEvent, Referral
from app.errors import FieldsValidationError, NotFoundError
from app.letters.model import LetterKind
from app.services.consents import record_consent
from app.services.database import Database
from app.services.letters import RenderedLetter, issue_letter, preview_letter, referral_rows
from tests.actors import DESK, account, desk
from tests.db.letter_scene import SETTINGS, Scene, add_scene


@pytest.fixture
def scene(database: Database) -> Scene:
    with unit_of_work(database.sessions) as session:
        return add_scene(session)


def text(letter: RenderedLetter) -> str:
    return " ".join(extract_text(io.BytesIO(letter.pdf)).split())


def issue(database: Database, reference: str, kind: LetterKind = LetterKind.REFERRAL,
          **options: str) -> RenderedLetter:
    with unit_of_work(database.sessions) as session:
        return issue_letter(session, reference, kind=kind, actor=account(session, "a.becker"),
                            settings=SETTINGS,
                            **options)


def events(database: Database) -> list[PrintEvent]:
    with database.sessions() as session:
        return list(session.scalars(select(PrintEvent).order_by(PrintEvent.printed_at)))


def status(database: Database, reference: str) -> str:
    with database.sessions() as session:
        return session.scalars(select(Referral.status).where(
            Referral.reference == reference)).one()


def test_an_issued_letter_is_logged_with_the_hash_of_its_bytes(
        database: Database, scene: Scene) -> None:
    letter = issue(database, scene.jobcenter, channel="pdf")
    assert letter.pdf.startswith(b"%PDF") and not letter.copy
    assert letter.sha256 == hashlib.sha256(letter.pdf).hexdigest()
    [event] = events(database)
    assert (event.pdf_sha256, event.copy, event.channel, event.letter_kind) == (
        letter.sha256, False, "pdf", "referral")
    assert (event.username, event.language, event.template_version) == (
        "a.becker", "ar", letter.template_version)
    assert event.user_id is not None and event.workstation_id is None  # no workstation row
    content = text(letter)
    assert scene.jobcenter in content and "Jobcenter Neuss" in content
    assert "Büttger Straße 7" in content and "Y7K3M9" in content  # § 69 SGB X
    assert "Miete unbezahlt" not in content  # the note needs consent
    assert status(database, scene.jobcenter) == "issued"


def test_a_reprint_is_a_zweitschrift_with_the_original_date(
        database: Database, scene: Scene) -> None:
    first = issue(database, scene.jobcenter)
    with unit_of_work(database.sessions) as session:  # printed "yesterday"
        event = session.scalars(select(PrintEvent)).one()
        event.printed_at = event.printed_at.replace(year=2026, month=11, day=20, hour=10)
    second = issue(database, scene.jobcenter)
    assert second.copy and "Zweitschrift".upper() in text(second).upper()
    assert "ZWEITSCHRIFT" not in text(first).upper()
    assert "20.11.2026" in text(second)
    assert [e.copy for e in events(database)] == [False, True]
    assert events(database)[1].pdf_sha256 == second.sha256 != first.sha256


def test_a_preview_records_nothing_and_is_byte_identical(
        database: Database, scene: Scene) -> None:
    with database.sessions() as session:
        one = preview_letter(session, scene.jobcenter, actor=desk(SETTINGS), settings=SETTINGS)
        two = preview_letter(session, scene.jobcenter, actor=desk(SETTINGS), settings=SETTINGS)
    assert one.pdf == two.pdf and events(database) == []
    assert status(database, scene.jobcenter) == "draft"
    assert issue(database, scene.jobcenter).pdf == one.pdf  # what was previewed is printed


def test_withheld_data_does_not_reach_the_auslaenderbehoerde(
        database: Database, scene: Scene) -> None:
    before = text(issue(database, scene.residence, language="de"))
    for secret in ("Büttger Straße", "Y7K3M9", "8123456-475", "Duldung läuft ab", "Fatima"):
        assert secret not in before, secret
    with unit_of_work(database.sessions) as session:
        record_consent(session, scene.mother, agency_kind="auslaenderbehoerde",
                       directory_office_id=scene.residence_office,
                       categories=["identity", "residence", "concern"],
                       purpose="Verlängerung", given_on=date(2026, 11, 20),
                       actor=desk(SETTINGS), settings=SETTINGS)
    after = text(issue(database, scene.residence, language="de"))
    assert "Fatima" in after and "Y7K3M9" in after and "Duldung läuft ab" in after
    assert "Büttger Straße" not in after  # contact was not part of the consent


def test_each_kind_prints_and_is_logged_on_its_own(database: Database, scene: Scene) -> None:
    consent = issue(database, scene.school, LetterKind.CONSENT, language="de")
    sheet = issue(database, scene.school, LetterKind.ROUTE_SHEET, language="de")
    again = issue(database, scene.residence, LetterKind.ROUTE_SHEET, language="de")
    assert not consent.copy and not sheet.copy and again.copy  # one route sheet per visit
    assert "Einwilligung" in text(consent) and "KI Rhein-Kreis Neuss" in text(consent)
    route = text(sheet)
    order = [route.index(name) for name in ("Ausländerbehörde Neuss", "Jobcenter Neuss",
                                            "KI Rhein-Kreis Neuss")]
    assert order == sorted(order)
    assert [(e.letter_kind, e.copy) for e in events(database)] == [
        ("consent", False), ("route-sheet", False), ("route-sheet", True)]
    assert {e.visit_id for e in events(database)[1:]} == {scene.visit}
    assert status(database, scene.school) == "draft"  # only the referral letter issues


def test_bad_requests_fail_before_anything_is_logged(database: Database, scene: Scene) -> None:
    with pytest.raises(NotFoundError):
        issue(database, "NE-1-2026-424242-0")
    with pytest.raises(FieldsValidationError, match="Briefsprache"):
        issue(database, scene.jobcenter, language="xx")
    with unit_of_work(database.sessions) as session:
        session.scalars(select(Referral).where(
            Referral.reference == scene.jobcenter)).one().directory_office_id = None
    with pytest.raises(FieldsValidationError, match="Stelle wählen"):
        issue(database, scene.jobcenter)
    assert events(database) == [] and status(database, scene.jobcenter) == "draft"


def test_referral_rows_newest_first_with_printed_mark(database: Database, scene: Scene) -> None:
    issue(database, scene.residence)
    with database.sessions() as session:
        rows = referral_rows(session, person_id=scene.mother, actor=DESK)
        assert [r.reference for r in referral_rows(session, visit_id=scene.visit, actor=DESK)] == [
            scene.school, scene.residence, scene.jobcenter]
        assert len(referral_rows(session, limit=1, actor=DESK)) == 1
    assert [(r.reference, r.printed, r.status) for r in rows] == [
        (scene.residence, True, "issued"), (scene.jobcenter, False, "draft")]
    assert rows[0].office_name == "Ausländerbehörde Neuss" and rows[0].concern == "residence"
    assert rows[0].person_name == "Al-Hassan, Fatima"
