"""Batch printing on both engines: approved originals in chunks, cancelled and resumed
without printing anything twice; a bad letter left out; the front desk refused."""

from __future__ import annotations

import io

import pytest
from pdfminer.high_level import extract_text
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import unit_of_work
from app.db.models import Referral
from app.security.permissions import RefusedActionError
from app.services.approval import approve
from app.services.batch_print import BatchResult, PrintedChunk, batch_print, waiting_originals
from app.services.database import Database
from app.services.referral_filters import ReferralFilter
from tests.db.referral_scene import (
    SETTINGS,
    Supervision,
    add_referral,
    add_supervision,
    audit,
    originals,
    status,
)


@pytest.fixture
def office(database: Database) -> Supervision:
    """Five approved referrals to the Jugendamt waiting for their originals."""
    office = add_supervision(database)
    with unit_of_work(database.sessions) as session:
        for number in range(4):
            add_referral(session, office.scene, "childcare_family", "jugendamt",
                         f"Jugendamt {number}")
    with unit_of_work(database.sessions) as session:
        for reference in approved_candidates(session):
            approve(session, reference, actor=office.boss)
    return office


def approved_candidates(session: Session) -> list[str]:
    return list(session.scalars(select(Referral.reference)
                                .where(Referral.agency_kind == "jugendamt")
                                .order_by(Referral.created_at, Referral.id)))


def run(database: Database, office: Supervision, *, stop_after: int | None = None,
        delivered: list[PrintedChunk] | None = None,
        chunk_size: int = 2) -> tuple[BatchResult, list[tuple[int, int]]]:
    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return stop_after is None or done < stop_after

    seen: list[tuple[int, int]] = []
    result = batch_print(database.sessions, actor=office.boss, settings=SETTINGS,
                         chunk_size=chunk_size, progress=progress,
                         deliver=None if delivered is None else delivered.append)
    return result, seen


def test_cancel_and_resume_print_each_original_exactly_once(
        database: Database, office: Supervision) -> None:
    first, seen = run(database, office, stop_after=2)
    assert first.cancelled and seen == [(2, 5)]
    assert len(first.references) == 2 and originals(database) == list(first.references)
    second, seen = run(database, office)
    assert not second.cancelled and seen == [(2, 3), (3, 3)]
    assert set(first.references).isdisjoint(second.references)
    assert sorted(originals(database)) == sorted(first.references + second.references)
    assert len(originals(database)) == 5
    third, seen = run(database, office)
    assert third.references == () and seen == [] and third.total == 0
    assert {status(database, ref)[0] for ref in originals(database)} == {"issued"}


def test_each_chunk_is_one_pdf_with_its_letters_and_its_hash_is_logged(
        database: Database, office: Supervision) -> None:
    delivered: list[PrintedChunk] = []
    _result, _seen = run(database, office, delivered=delivered, chunk_size=3)
    assert [len(chunk.references) for chunk in delivered] == [3, 2]
    text = extract_text(io.BytesIO(delivered[0].pdf))
    assert all(reference in text for reference in delivered[0].references)
    prints = [event for event in audit(database) if event.action == "print"]
    assert [event.details["sha256"] for event in prints] == [
        chunk.sha256 for chunk in delivered for _reference in chunk.references]
    assert {event.username for event in prints} == {"leitung"}


def test_a_failed_delivery_rolls_its_chunk_back_and_a_rerun_prints_it(
        database: Database, office: Supervision) -> None:
    def jammed(chunk: PrintedChunk) -> None:
        raise OSError("Papierstau")

    with pytest.raises(OSError):
        batch_print(database.sessions, actor=office.boss, settings=SETTINGS, deliver=jammed)
    assert originals(database) == []
    with database.sessions() as session:
        assert waiting_originals(session) == 5
    result, _seen = run(database, office)
    assert len(result.references) == 5


def test_a_letter_without_address_is_left_out_and_the_rest_print(
        database: Database, office: Supervision) -> None:
    with unit_of_work(database.sessions) as session:
        broken = session.scalars(select(Referral).where(Referral.status == "approved")
                                 .order_by(Referral.id)).first()
        assert broken is not None and broken.directory_office is not None
        broken.directory_office.street = ""
        reference = broken.reference
    result, _seen = run(database, office)
    assert [skipped.reference for skipped in result.skipped] == [reference]
    assert "Straße" in result.skipped[0].message
    assert len(result.references) == 4 and reference not in originals(database)
    assert status(database, reference)[0] == "approved"


def test_filters_choose_what_prints(database: Database, office: Supervision) -> None:
    result = batch_print(database.sessions, actor=office.boss, settings=SETTINGS,
                         where=ReferralFilter(office="GV"))
    assert result.references == () and result.total == 0


def test_the_front_desk_may_not_batch_print(database: Database, office: Supervision) -> None:
    with pytest.raises(RefusedActionError):
        batch_print(database.sessions, actor=office.desk, settings=SETTINGS)
    assert originals(database) == [] and audit(database)[-1].action == "refused"
