"""A supervisor resolves a synchronisation conflict – keep, take the other value, or combine
both texts – on the hub (PostgreSQL) or on the branch (SQLite); the record's new value and
the conflict's closing both reach the other database with the next round."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import main
from app.codes import Role
from app.db.base import utcnow
from app.db.engine import unit_of_work
from app.db.models import AuditEvent, Person
from app.errors import ValidationError
from app.security.permissions import RefusedActionError
from app.services.database import Database
from app.sync.conflict_exchange import synchronise
from app.sync.conflicts import (
    ConflictResolutionError,
    Resolution,
    open_conflict_count,
    resolve_conflict,
    review_conflicts,
)
from app.sync.tables import CONFLICTS
from tests.actors import cli_account, desk
from tests.sync.scene import Branch, Hub, differences

pytestmark = pytest.mark.postgres


def _write(database: Database, person: uuid.UUID, field: str, value: Any,
           origin: str) -> None:
    with unit_of_work(database.sessions) as session:
        row = session.get_one(Person, person)
        setattr(row, field, value)
        row.updated_at, row.origin = utcnow(), origin


def _conflict(hub: Hub, branch: Branch, field: str, branch_value: Any,
              hub_value: Any) -> uuid.UUID:
    """Both sides change ``field`` of the mother; the hub's later change is kept."""
    mother = hub.scene.mother
    _write(branch.database, mother, field, branch_value, branch.settings.origin)
    _write(hub.database, mother, field, hub_value, "NE-1")
    [conflict] = synchronise(branch.database.engine, hub.database.engine).conflicts
    return uuid.UUID(conflict["id"])


def _supervisor(database: Database) -> Any:
    return desk(database.settings, Role.SUPERVISOR)


def _resolve(database: Database, conflict: uuid.UUID, choice: Resolution,
             value: str | None = None) -> None:
    with unit_of_work(database.sessions) as session:
        resolve_conflict(session, conflict, choice, value, actor=_supervisor(database))


def _person(database: Database, person: uuid.UUID) -> Person:
    with database.sessions() as session:
        return session.get_one(Person, person)


def _open(database: Database) -> list[Any]:
    with database.engine.connect() as connection:
        return list(connection.scalars(select(CONFLICTS.c.id).where(
            CONFLICTS.c.resolved_at.is_(None))))


def test_the_review_names_person_field_values_and_workstations(hub: Hub,
                                                                branch: Branch) -> None:
    _conflict(hub, branch, "phone", "0170 111", "0170 999")
    with branch.database.sessions() as session:
        [view] = review_conflicts(session, actor=_supervisor(branch.database))
        assert open_conflict_count(session, actor=_supervisor(branch.database)) == 1
    assert view.record.startswith("Person Al-Hassan, Fatima (P-NE-1-")
    assert (view.field, view.kept, view.other) == ("Telefon", "0170 999", "0170 111")
    assert (view.kept_by, view.other_by) == ("NE-1", "NE-7")
    assert "Zentrale" in view.rule


def test_taking_the_other_value_on_the_hub_reaches_the_branch(hub: Hub,
                                                               branch: Branch) -> None:
    conflict = _conflict(hub, branch, "phone", "0170 111", "0170 999")
    version = _person(hub.database, hub.scene.mother).version
    _resolve(hub.database, conflict, Resolution.OTHER)
    person = _person(hub.database, hub.scene.mother)
    assert (person.phone, person.version) == ("0170 111", version + 1)
    assert _open(hub.database) == []
    report = synchronise(branch.database.engine, hub.database.engine)
    assert report.resolutions == 1
    assert _person(branch.database, hub.scene.mother).phone == "0170 111"
    assert _open(branch.database) == []
    assert differences(branch.database, hub.database) == []


def test_a_resolution_on_the_branch_closes_the_conflict_on_the_hub(hub: Hub,
                                                                   branch: Branch) -> None:
    conflict = _conflict(hub, branch, "phone", "0170 111", "0170 999")
    _resolve(branch.database, conflict, Resolution.KEEP)
    assert _open(hub.database) == [conflict]
    synchronise(branch.database.engine, hub.database.engine)
    assert _open(hub.database) == []
    with hub.database.engine.connect() as connection:
        closed = connection.execute(select(CONFLICTS)).mappings().one()
    assert (closed["resolution"], closed["resolved_by"]) == ("keep", "a.becker")
    assert _person(hub.database, hub.scene.mother).phone == "0170 999"


def test_combining_writes_the_supervisors_text_everywhere(hub: Hub, branch: Branch) -> None:
    conflict = _conflict(hub, branch, "note", "Kommt dienstags", "Braucht Arabisch")
    with branch.database.sessions() as session:
        [view] = review_conflicts(session, actor=_supervisor(branch.database))
    assert view.combinable and view.combined == "Braucht Arabisch\nKommt dienstags"
    _resolve(branch.database, conflict, Resolution.COMBINE,
             "Braucht Arabisch; kommt dienstags")
    synchronise(branch.database.engine, hub.database.engine)
    assert _person(hub.database, hub.scene.mother).note == "Braucht Arabisch; kommt dienstags"
    assert _open(hub.database) == [] and _open(branch.database) == []
    with branch.database.sessions() as session:  # in the person's trail where it was made
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.entity_id == hub.scene.mother).order_by(AuditEvent.seq.desc())).first()
    assert event is not None and event.action == "resolve_conflict"
    assert event.details == {"fields": ["note"], "resolution": "combine"}


def test_a_field_changed_since_is_not_overwritten(hub: Hub, branch: Branch) -> None:
    conflict = _conflict(hub, branch, "phone", "0170 111", "0170 999")
    _write(hub.database, hub.scene.mother, "phone", "0211 555", "NE-2")
    with pytest.raises(ConflictResolutionError, match="inzwischen geändert"):
        _resolve(hub.database, conflict, Resolution.OTHER)
    assert _person(hub.database, hub.scene.mother).phone == "0211 555"
    assert _open(hub.database) == [conflict]


def test_only_text_fields_combine_and_only_once(hub: Hub, branch: Branch) -> None:
    conflict = _conflict(hub, branch, "nationality", "SY", "IQ")
    with pytest.raises(ValidationError, match="Staatsangehörigkeit: ist kein Textfeld"):
        _resolve(hub.database, conflict, Resolution.COMBINE, "SY/IQ")
    _resolve(hub.database, conflict, Resolution.KEEP)
    with pytest.raises(ConflictResolutionError, match="schon geklärt"):
        _resolve(hub.database, conflict, Resolution.OTHER)
    assert _person(hub.database, hub.scene.mother).nationality == "IQ"


def test_the_front_desk_may_not_resolve(hub: Hub, branch: Branch) -> None:
    conflict = _conflict(hub, branch, "phone", "0170 111", "0170 999")
    with pytest.raises(RefusedActionError), unit_of_work(branch.database.sessions) as session:
        resolve_conflict(session, conflict, Resolution.OTHER, actor=desk(branch.settings))
    assert _open(branch.database) == [conflict]
    assert _person(branch.database, hub.scene.mother).phone == "0170 999"


def test_lotse_conflicts_resolve(hub: Hub, branch: Branch, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    conflict = _conflict(hub, branch, "note", "Kommt dienstags", "Braucht Arabisch")
    options = cli_account(branch.database, monkeypatch, "leitung", Role.SUPERVISOR)
    lotse = ["--database", branch.settings.database_url, *options, "conflicts", "resolve"]
    assert main([*lotse, "kein-konflikt", "--keep"]) == 2
    assert "Kennung eines Konflikts" in capsys.readouterr().err
    assert main([*lotse, str(conflict), "--combine", "Arabisch, dienstags"]) == 0
    assert "Geklärt: Person Al-Hassan, Fatima" in capsys.readouterr().out
    assert main([*lotse, str(conflict), "--other"]) == 4
    assert "schon geklärt (von leitung)" in capsys.readouterr().err
    assert _person(branch.database, hub.scene.mother).note == "Arabisch, dienstags"
