"""Three branch replicas and the hub under random work (issue 7).

Hypothesis draws a sequence of steps: persons registered, fields edited and persons deleted
(tombstones) on any replica or directly on the hub, and sync rounds in which the connection
is cut at a random point of push or pull – a cut after the hub committed loses the
acknowledgement, so the batch is delivered twice. At the end every replica syncs until quiet.

Then:
- every replica holds exactly the hub's data;
- no acknowledged write is lost: each value a side wrote and handed over is the final value,
  or in the hub's log as a later-overwritten state, or on a conflict record;
- no person number is used twice;
- two sides that changed the same field from the same value to different ones left a
  conflict record.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.config import Settings
from app.db.base import utcnow
from app.db.engine import unit_of_work
from app.db.models import Person
from app.services.database import Database
from app.services.person_input import validate
from app.services.persons import register_person, update_person
from app.sync.tables import CONFLICTS, LOG
from tests.actors import desk
from tests.pgserver import PostgresServer
from tests.sync.scene import Branch, Hub, differences, fresh_hub_url, open_branch, open_hub

pytestmark = pytest.mark.postgres

SIDES = 4  # 0: the hub (a counter in the main office), 1–3: branch replicas
FIELDS = ("phone", "city", "email", "note")
CUTS = (None, None, "push:before_commit", "push:after_commit", "pull:after_fetch",
        "pull:before_commit")

step = st.one_of(
    st.tuples(st.just("register"), st.integers(0, SIDES - 1)),
    st.tuples(st.just("edit"), st.integers(0, SIDES - 1), st.integers(0, 20),
              st.sampled_from(FIELDS)),
    st.tuples(st.just("delete"), st.integers(0, SIDES - 1), st.integers(0, 20)),
    st.tuples(st.just("sync"), st.integers(1, SIDES - 1), st.sampled_from(CUTS)),
)


class Cut(ConnectionError):
    """The network went away at this point."""


@dataclass(frozen=True)
class Write:
    side: int
    person: uuid.UUID
    field: str
    before: Any  # the value this side had when it wrote
    value: str


@dataclass
class World:
    hub: Hub
    branches: list[Branch]
    persons: list[uuid.UUID] = field(default_factory=list)
    pending: dict[int, list[Write]] = field(default_factory=dict)  # written, not yet handed over
    acknowledged: list[Write] = field(default_factory=list)
    counter: int = 0

    def database(self, side: int) -> Database:
        return self.hub.database if side == 0 else self.branches[side - 1].database

    def settings(self, side: int) -> Settings:
        return self.hub.database.settings if side == 0 else self.branches[side - 1].settings

    def unique(self, name: str) -> str:
        """A value never written before, valid for the field."""
        self.counter += 1
        letters = "".join(chr(ord("a") + int(digit)) for digit in str(self.counter))
        return {"phone": f"02131 {self.counter}", "email": f"p{self.counter}@example.org",
                "note": f"Notiz {self.counter}"}.get(name, f"{name}{letters}".title())

    def wrote(self, write: Write) -> None:
        if write.side == 0:  # committed on the hub: handed over at once
            self.acknowledged.append(write)
        else:  # an earlier value of the same field, not yet handed over, is overwritten here
            self.pending[write.side] = [
                earlier for earlier in self.pending.get(write.side, [])
                if (earlier.person, earlier.field) != (write.person, write.field)] + [write]


@contextmanager
def world(server: PostgresServer, folder: Path) -> Iterator[World]:
    with fresh_hub_url(server) as url:
        hub = open_hub(url)
        branches = [open_branch(hub, folder, workstation) for workstation in (7, 8, 9)]
        try:
            yield World(hub, branches, [hub.scene.mother, hub.scene.son])
        finally:
            for database in (hub.database, *(branch.database for branch in branches)):
                database.close()


def run(world: World, action: tuple[Any, ...]) -> None:
    kind, side = action[0], action[1]
    if kind == "register":
        register(world, side)
    elif kind == "edit":
        edit(world, side, world.persons[action[2] % len(world.persons)], action[3])
    elif kind == "delete":
        delete(world, side, world.persons[action[2] % len(world.persons)])
    else:
        sync(world, side, action[2])


def register(world: World, side: int) -> None:
    with unit_of_work(world.database(side).sessions) as session:
        person = register_person(session, validate({"family_name": world.unique("Name"),
                                                    "given_names": "Test"}),
                                 actor=desk(world.settings(side)),
                                 settings=world.settings(side))
        world.persons.append(person.id)


def edit(world: World, side: int, person_id: uuid.UUID, name: str) -> None:
    value = world.unique(name)
    with unit_of_work(world.database(side).sessions) as session:
        person = session.get(Person, person_id)
        if person is None or person.is_deleted:
            return  # this side does not have the person (yet), or it is gone here
        before = getattr(person, name)
        update_person(session, person_id, {name: value}, actor=desk(world.settings(side)),
                      settings=world.settings(side))
    world.wrote(Write(side, person_id, name, before, value))


def delete(world: World, side: int, person_id: uuid.UUID) -> None:
    with unit_of_work(world.database(side).sessions) as session:
        person = session.get(Person, person_id)
        if person is not None and not person.is_deleted:
            person.deleted_at = utcnow()


def sync(world: World, side: int, cut: str | None) -> None:
    def fault(point: str) -> None:
        if point == cut:
            raise Cut(point)

    try:
        world.branches[side - 1].sync(world.hub, fault=fault)
    except Cut:
        return  # nothing is acknowledged; the next round repeats what is needed
    world.acknowledged += world.pending.pop(side, [])


def settle(world: World) -> None:
    """Every replica syncs without cuts until nothing moves any more."""
    for _round in range(3):
        for side in range(1, SIDES):
            sync(world, side, None)


def hub_history(world: World) -> set[tuple[str, str, Any]]:
    """(row id, field, value) of every person state the hub ever logged or recorded in a
    conflict."""
    seen: set[tuple[str, str, Any]] = set()
    with world.hub.database.engine.connect() as connection:
        for entry in connection.execute(select(LOG).where(LOG.c.table_name == "persons")):
            seen |= {(str(entry.row_id), name, entry.data.get(name)) for name in FIELDS}
        for conflict in connection.execute(select(CONFLICTS)):
            seen |= {(str(conflict.row_id), conflict.field, conflict.hub_value),
                     (str(conflict.row_id), conflict.field, conflict.replica_value)}
    return seen


def conflicts(world: World) -> set[tuple[str, str]]:
    with world.hub.database.engine.connect() as connection:
        return {(str(row.row_id), row.field) for row in connection.execute(select(CONFLICTS))}


@settings(max_examples=8, deadline=None, derandomize=False,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=10, max_size=40))
def test_replicas_converge_and_nothing_acknowledged_is_lost(
        pg_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory,
        steps: list[tuple[Any, ...]]) -> None:
    with world(pg_server, tmp_path_factory.mktemp("replicas")) as here:
        for action in steps:
            run(here, action)
        settle(here)
        for branch in here.branches:
            assert differences(branch.database, here.hub.database) == []
        with here.hub.database.sessions() as session:
            numbers = list(session.scalars(select(Person.person_number)))
        assert len(numbers) == len(set(numbers))
        history = hub_history(here)
        for write in here.acknowledged:
            assert (str(write.person), write.field, write.value) in history, write
        recorded = conflicts(here)
        for one in here.acknowledged:
            for other in here.acknowledged:
                if (one.side != other.side and one.person == other.person
                        and one.field == other.field and one.before == other.before
                        and one.value != other.value):
                    assert (str(one.person), one.field) in recorded, (one, other)
