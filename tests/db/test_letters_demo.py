"""The demo database as the issue promises it: every agency kind and every letter language
has a referral whose letters – referral letter, consent form, route sheet – print."""

from __future__ import annotations

import io

import pytest
from pdfminer.high_level import extract_text
from sqlalchemy import select

from app.codes import LETTER_LANGUAGES, AgencyKind
from app.config import Settings
from app.db.models import Consent, Referral
from app.demo.load import load_demo
from app.letters.model import LetterKind
from app.services.database import Database
from app.services.letters import preview_letter
from tests.actors import desk

SETTINGS = Settings(office="NE", workstation=1, user="empfang")


@pytest.fixture
def demo(database: Database) -> Database:
    load_demo(database, persons=200, progress=False)
    return database


def one_per(referrals: list[Referral], key: str) -> dict[str, Referral]:
    chosen: dict[str, Referral] = {}
    for referral in sorted(referrals, key=lambda r: r.reference):
        chosen.setdefault(getattr(referral, key), referral)
    return chosen


def test_every_letter_of_the_demo_prints(demo: Database) -> None:
    with demo.sessions() as session:
        referrals = list(session.scalars(select(Referral)))
        for kind, referral in one_per(referrals, "agency_kind").items():
            letter = preview_letter(session, referral.reference, actor=desk(SETTINGS),
                                    settings=SETTINGS)
            assert referral.reference in extract_text(io.BytesIO(letter.pdf)), kind
        assert set(one_per(referrals, "agency_kind")) == set(AgencyKind)
        by_language = one_per(referrals, "language")
        assert set(by_language) == set(LETTER_LANGUAGES)
        for language, referral in by_language.items():
            for kind in LetterKind:
                letter = preview_letter(session, referral.reference, kind=kind,
                                        actor=desk(SETTINGS), settings=SETTINGS)
                assert letter.pdf.startswith(b"%PDF") and letter.language == language


def test_a_consented_demo_referral_shows_the_consented_data(demo: Database) -> None:
    with demo.sessions() as session:
        consent = session.scalars(select(Consent).where(
            Consent.agency_kind == "anerkennungsberatung")).first()
        assert consent is not None
        referral = session.scalars(select(Referral).where(
            Referral.person_id == consent.person_id,
            Referral.agency_kind == "anerkennungsberatung")).first()
        assert referral is not None
        letter = preview_letter(session, referral.reference, language="de", actor=desk(SETTINGS),
                                settings=SETTINGS)
    content = " ".join(extract_text(io.BytesIO(letter.pdf)).split())
    assert "keine Einwilligung" in content  # residence was not part of the consent
    assert "Mit Einwilligung" in content and "Anschrift und Kontakt" in content
