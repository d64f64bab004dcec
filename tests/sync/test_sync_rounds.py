"""Sync rounds between a PostgreSQL hub and SQLite branch replicas, step by step: the
initial copy, changes both ways, the field merge, a conflict, tombstones, redelivery, and
the schema handshake."""

from __future__ import annotations

import pytest
from sqlalchemy import column, func, select, table, update

from app.db.engine import unit_of_work
from app.db.models import Person, PrintEvent, Referral
from app.services.letters import issue_letter
from app.services.outcomes import record_outcome
from app.services.person_input import validate
from app.services.persons import register_person, update_person
from app.sync.hub import SyncRefusedError
from app.sync.tables import CONFLICTS, OUTBOX
from tests.actors import desk
from tests.sync.scene import Branch, Hub, differences

pytestmark = pytest.mark.postgres


def test_the_initial_copy_equals_the_hub(hub: Hub, branch: Branch) -> None:
    assert differences(branch.database, hub.database) == []
    report = branch.sync(hub)
    assert (report.pushed, report.conflicts) == (0, [])
    assert differences(branch.database, hub.database) == []


def test_a_person_registered_offline_reaches_the_hub_and_back(hub: Hub, branch: Branch) -> None:
    with unit_of_work(branch.database.sessions) as session:
        person = register_person(session, validate({"family_name": "Haddad",
                                                    "given_names": "Rami"}),
                                 actor=desk(branch.settings), settings=branch.settings)
        number = person.person_number
    assert number.startswith("P-NE-7-")
    report = branch.sync(hub)
    assert report.pushed == 1
    with hub.database.sessions() as session:
        assert session.scalars(select(Person.person_number).where(
            Person.person_number == number)).one() == number
    assert differences(branch.database, hub.database) == []
    with branch.database.engine.connect() as connection:
        assert connection.execute(select(OUTBOX)).first() is None


def test_different_fields_merge_and_the_same_field_is_a_conflict(hub: Hub,
                                                                  branch: Branch) -> None:
    mother = hub.scene.mother
    with unit_of_work(branch.database.sessions) as session:
        update_person(session, mother, {"phone": "0170 111"}, actor=desk(branch.settings),
                      settings=branch.settings)
        update_person(session, mother, {"city": "Kaarst"}, actor=desk(branch.settings),
                      settings=branch.settings)
    hub_settings = hub.database.settings
    with unit_of_work(hub.database.sessions) as session:
        update_person(session, mother, {"phone": "0170 999"}, actor=desk(hub_settings),
                      settings=hub_settings)
        update_person(session, mother, {"email": "f@example.org"}, actor=desk(hub_settings),
                      settings=hub_settings)
    report = branch.sync(hub)
    assert [c["field"] for c in report.conflicts] == ["phone"]
    assert differences(branch.database, hub.database) == []
    with hub.database.sessions() as session:
        person = session.get_one(Person, mother)
        assert (person.city, person.email) == ("Kaarst", "f@example.org")
        kept = person.phone
        conflict = session.execute(select(CONFLICTS)).mappings().one()
    assert {conflict["hub_value"], conflict["replica_value"]} == {"0170 111", "0170 999"}
    assert conflict["kept_value"] == kept


def test_a_batch_delivered_twice_changes_nothing(hub: Hub, branch: Branch) -> None:
    with unit_of_work(branch.database.sessions) as session:
        update_person(session, hub.scene.son, {"phone": "0170 222"},
                      actor=desk(branch.settings), settings=branch.settings)

    def lose_the_acknowledgement(point: str) -> None:
        if point == "push:after_commit":
            raise ConnectionError("cut")

    with pytest.raises(ConnectionError):
        branch.sync(hub, fault=lose_the_acknowledgement)
    report = branch.sync(hub)
    assert (report.pushed, report.duplicates) == (0, 1)
    assert differences(branch.database, hub.database) == []


def test_a_tombstone_travels(hub: Hub, branch: Branch) -> None:
    with unit_of_work(hub.database.sessions) as session:
        session.get_one(Person, hub.scene.son).deleted_at = session.get_one(
            Person, hub.scene.son).created_at
    branch.sync(hub)
    with branch.database.sessions() as session:
        assert session.get_one(Person, hub.scene.son).deleted_at is not None


def test_another_schema_is_refused_and_nothing_moves(hub: Hub, branch: Branch) -> None:
    with unit_of_work(branch.database.sessions) as session:
        update_person(session, hub.scene.son, {"phone": "0170 333"},
                      actor=desk(branch.settings), settings=branch.settings)
    with branch.database.engine.begin() as connection:
        connection.execute(update(table("alembic_version", column("version_num")))
                           .values(version_num="0007"))
    with pytest.raises(SyncRefusedError, match="Schemastände"):
        branch.sync(hub)
    with branch.database.engine.connect() as connection:
        assert connection.execute(select(OUTBOX)).first() is not None


def test_a_letter_printed_and_an_outcome_recorded_offline_reach_the_hub(
        hub: Hub, branch: Branch) -> None:
    """Print events and status changes are append-only (no versions); they travel too."""
    actor = desk(branch.settings)
    with unit_of_work(branch.database.sessions) as session:
        issue_letter(session, hub.scene.jobcenter, actor=actor, settings=branch.settings)
    with unit_of_work(branch.database.sessions) as session:
        record_outcome(session, hub.scene.jobcenter, "arrived", actor=actor)
    report = branch.sync(hub)
    assert report.pushed >= 4  # the referral, its two status changes, the print event
    with hub.database.sessions() as session:
        referral = session.scalars(select(Referral).where(
            Referral.reference == hub.scene.jobcenter)).one()
        assert referral.status == "arrived"
        assert session.scalar(select(func.count()).select_from(PrintEvent).where(
            PrintEvent.referral_id == referral.id)) == 1
    assert differences(branch.database, hub.database) == []
