"""The print log on both engines: who printed (with or without a user row), where, through
which channel, original or copy – and a print log written before revision 0004 survives the
upgrade."""

from __future__ import annotations

import uuid
from dataclasses import replace

from alembic import command
from sqlalchemy import select, text

from app.config import Settings
from app.db.engine import SQLITE_APPLICATION_ID, build_engine, unit_of_work
from app.db.models import Office, PrintEvent, Workstation
from app.db.schema import alembic_config
from app.letters.model import LetterKind
from app.services.database import Database, open_database
from app.services.print_log import (
    LetterSubject,
    Printed,
    original_print,
    print_events,
    record_print,
)
from tests.actors import desk
from tests.db.letter_scene import SETTINGS, add_scene


def printed(copy: bool = False, channel: str = "print") -> Printed:
    return Printed("ab" * 32, "test-1", channel, "uk", copy)


def test_a_windows_account_without_user_row_is_still_named(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        scene = add_scene(session)
        office = session.scalars(select(Office)).one()
        session.add(Workstation(office_id=office.id, number=1))
        session.flush()
        referral_id = session.scalars(text("SELECT id FROM referrals LIMIT 1")).one()
        subject = LetterSubject(LetterKind.REFERRAL, uuid.UUID(str(referral_id)))
        stranger = replace(SETTINGS, user="DOMAIN\\m.mueller")
        record_print(session, subject, printed(channel="pdf"), actor=desk(stranger),
                     settings=stranger)
    with database.sessions() as session:
        [event] = print_events(session, subject.referral_id)
        assert (event.user_id, event.username, event.channel) == (None, "DOMAIN\\m.mueller",
                                                                 "pdf")
        assert event.workstation_id is not None and event.origin == "NE-1"
        assert scene.jobcenter  # the scene's referral is the one logged


def test_the_first_print_per_kind_is_the_original(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        add_scene(session)
        ids = [uuid.UUID(str(i)) for i in session.scalars(text("SELECT id FROM referrals"))]
        visit = uuid.UUID(str(session.scalars(text("SELECT id FROM visits")).one()))
        letter = LetterSubject(LetterKind.REFERRAL, ids[0])
        sheet = LetterSubject(LetterKind.ROUTE_SHEET, ids[0], visit)
        assert original_print(session, letter) is None
        first = record_print(session, letter, printed(), actor=desk(SETTINGS), settings=SETTINGS)
        record_print(session, letter, printed(copy=True), actor=desk(SETTINGS), settings=SETTINGS)
        assert original_print(session, letter) is first
        assert original_print(session, LetterSubject(LetterKind.CONSENT, ids[0])) is None
        assert original_print(session, LetterSubject(LetterKind.REFERRAL, ids[1])) is None
        sheet_print = record_print(session, sheet, printed(), actor=desk(SETTINGS),
                                   settings=SETTINGS)
        other_referral_same_visit = LetterSubject(LetterKind.ROUTE_SHEET, ids[1], visit)
        assert original_print(session, other_referral_same_visit) is sheet_print


def test_print_events_from_before_0004_survive_the_upgrade(database_url: str) -> None:
    engine = build_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
        if engine.dialect.name == "sqlite":  # as the 0003 release marked its files
            connection.exec_driver_sql(f"PRAGMA application_id={SQLITE_APPLICATION_ID}")
        connection.execute(text(
            "INSERT INTO print_events (id, letter_kind, copy, printed_at, template_version, "
            "pdf_sha256, origin) VALUES (:id, 'referral', false, '2026-01-02 10:00:00', "
            "'1', :sha, 'NE-1')"), {"id": uuid.uuid4().hex if engine.dialect.name == "sqlite"
                                    else str(uuid.uuid4()), "sha": "c" * 64})
    engine.dispose()
    database = open_database(Settings(database_url=database_url))
    with database.sessions() as session:
        event = session.scalars(select(PrintEvent)).one()
        assert (event.username, event.channel, event.language) == ("", "print", "de")
    database.close()
