"""The audit chain on both engines: each entry hashes its predecessor, appends from two
workstations at once still form one unbroken line, and an append waits for the one before
it to end (commit or roll back) instead of building on the same predecessor."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from app.db.engine import unit_of_work
from app.db.models import AuditEvent
from app.security.audit import AuditAction, record
from app.security.audit_verify import verify_chain
from app.services.database import Database


def append(database: Database, action: AuditAction = AuditAction.SIGN_IN, *,
           username: str = "empfang", **details: object) -> AuditEvent:
    with unit_of_work(database.sessions) as session:
        return record(session, action, username=username, workstation="NE-1",
                      details=details)


def chain(database: Database) -> list[AuditEvent]:
    with database.sessions() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def test_each_entry_builds_on_its_predecessor(database: Database) -> None:
    person = uuid.uuid4()
    append(database, username="empfang")
    with unit_of_work(database.sessions) as session:
        record(session, AuditAction.VIEW_PERSON, username="leitung", workstation="NE-2",
               entity_type="person", entity_id=person,
               details={"when": "2026-12-01", "id": person, "Straße": "Mühlweg"})
    first, second = chain(database)
    assert (first.seq, first.previous_hash) == (1, None)
    assert (second.seq, second.previous_hash) == (2, first.entry_hash)
    assert second.entry_hash not in (None, first.entry_hash)
    assert second.details == {"when": "2026-12-01", "id": str(person), "Straße": "Mühlweg"}
    with database.sessions() as session:
        report = verify_chain(session)
    assert report.intact and report.checked == 2
    assert (report.head_seq, report.head_hash) == (2, second.entry_hash.hex())


def test_a_rolled_back_action_leaves_no_entry_and_no_gap(database: Database) -> None:
    append(database)
    try:
        with unit_of_work(database.sessions) as session:
            record(session, AuditAction.REGISTER_PERSON, username="empfang")
            raise RuntimeError("the registration failed after the audit entry")
    except RuntimeError:
        pass
    append(database)
    assert [event.seq for event in chain(database)] == [1, 2]
    with database.sessions() as session:
        assert verify_chain(session).intact


def test_an_append_waits_for_the_open_one(database: Database) -> None:
    done = threading.Event()

    def second_workstation() -> int:
        event = append(database, username="zweiter")
        done.set()
        return event.seq

    with ThreadPoolExecutor(1) as pool:
        with unit_of_work(database.sessions) as session:
            record(session, AuditAction.SIGN_IN, username="erster")
            waiting = pool.submit(second_workstation)
            assert not done.wait(0.5)  # blocked by the first, still open transaction
        assert waiting.result(timeout=15) == 2
    assert [event.username for event in chain(database)] == ["erster", "zweiter"]


def test_concurrent_workstations_form_one_unbroken_chain(database: Database) -> None:
    start = threading.Barrier(4)

    def workstation(number: int) -> None:
        start.wait()
        for entry in range(15):
            append(database, username=f"platz{number}", entry=entry)

    with ThreadPoolExecutor(4) as pool:
        for future in [pool.submit(workstation, number) for number in range(4)]:
            future.result(timeout=120)
    events = chain(database)
    assert [event.seq for event in events] == list(range(1, 61))
    assert len({event.username for event in events}) == 4
    with database.sessions() as session:
        report = verify_chain(session, batch_size=7)  # several batches
    assert report.intact and report.checked == 60
