"""``verify_chain`` finds what an attacker with database rights does after dropping the
append-only triggers: an edited entry, a deleted one, a rewritten entry with a fresh hash."""

from __future__ import annotations

import json

from sqlalchemy import select, text

from app.db.engine import unit_of_work
from app.db.models import AuditEvent
from app.security.audit import AuditAction, EntryFields, entry_hash, record
from app.security.audit_verify import ChainReport, Problem, verify_chain
from app.services.database import Database


def log(database: Database, count: int) -> list[AuditEvent]:
    with unit_of_work(database.sessions) as session:
        return [record(session, AuditAction.VIEW_PERSON, username=f"nutzer{n}",
                       workstation="NE-1", details={"n": n}) for n in range(count)]


def drop_triggers(database: Database) -> None:
    """As an attacker with rights on the database would, before touching the log."""
    names = (["audit_events_no_update", "audit_events_no_delete"]
             if database.engine.dialect.name == "sqlite" else ["audit_events_append_only"])
    on_table = "" if database.engine.dialect.name == "sqlite" else " ON audit_events"
    with database.engine.begin() as connection:
        for name in names:
            connection.execute(text(f"DROP TRIGGER {name}{on_table}"))


def tamper(database: Database, statement: str, **values: object) -> None:
    drop_triggers(database)
    with database.engine.begin() as connection:
        connection.execute(text(statement), values)


def verify(database: Database) -> ChainReport:
    with database.sessions() as session:
        return verify_chain(session, batch_size=2)


def test_an_empty_log_is_intact(database: Database) -> None:
    report = verify(database)
    assert (report.intact, report.checked, report.head_seq, report.head_hash) == (True, 0, 0,
                                                                                  "")


def test_an_edited_entry_is_named(database: Database) -> None:
    events = log(database, 5)
    tamper(database, "UPDATE audit_events SET details = :details WHERE seq = 3",
           details=json.dumps({"n": 99}))
    report = verify(database)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.id, report.broken.problem) == (
        3, events[2].id, Problem.ENTRY_HASH)
    assert report.checked == 2
    assert "Eintrag 3" in report.broken.message() and "geändert" in report.broken.message()


def test_a_deleted_entry_leaves_a_named_gap(database: Database) -> None:
    events = log(database, 5)
    tamper(database, "DELETE FROM audit_events WHERE seq = 3")
    broken = verify(database).broken
    assert broken is not None
    assert (broken.seq, broken.id, broken.problem, broken.expected_seq) == (
        4, events[3].id, Problem.GAP, 3)
    assert "die Einträge 3 bis 3 fehlen" in broken.message()


def test_deleting_the_first_entries_is_found(database: Database) -> None:
    log(database, 4)
    tamper(database, "DELETE FROM audit_events WHERE seq <= 2")
    broken = verify(database).broken
    assert broken is not None and (broken.seq, broken.expected_seq) == (3, 1)


def test_a_rewritten_entry_with_a_fresh_hash_breaks_the_next_link(database: Database) -> None:
    """Whoever knows the algorithm can rehash one entry, but not its successor's link."""
    log(database, 4)
    with database.sessions() as session:
        second = session.scalars(select(AuditEvent).where(AuditEvent.seq == 2)).one()
        fields = EntryFields(second.seq, second.id, second.occurred_at, second.user_id,
                             "jemand_anders", second.workstation, second.action,
                             second.entity_type, second.entity_id, second.details)
    forged = entry_hash(second.previous_hash, fields)
    tamper(database, "UPDATE audit_events SET username = 'jemand_anders', entry_hash = :hash "
                     "WHERE seq = 2", hash=forged)
    broken = verify(database).broken
    assert broken is not None and (broken.seq, broken.problem) == (3, Problem.PREVIOUS_HASH)
