"""The database side of routing in the visit screen, as operations for the background
worker: plain data in, plain data out, no widgets."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.routing import OfficeEntry
from app.security.permissions import Actor
from app.services.households import household_members
from app.services.persons import load_person
from app.services.routing_cases import PersonRouting, directory_entries, route_household

Chosen = dict[uuid.UUID, list[str]]  # concern codes per person, the person of the visit first


@dataclass(frozen=True)
class RoutingOutcome:
    chosen: Chosen  # what was routed
    routings: tuple[PersonRouting, ...]
    offices: tuple[OfficeEntry, ...]  # the live directory, for replacements


def route(chosen: Mapping[uuid.UUID, Sequence[str]], on: date,
          actor: Actor) -> Callable[[Session], RoutingOutcome]:
    snapshot = {person_id: list(codes) for person_id, codes in chosen.items()}

    def operation(session: Session) -> RoutingOutcome:
        offices = directory_entries(session)
        return RoutingOutcome(snapshot, route_household(session, snapshot, actor=actor, on=on,
                                                        offices=offices), offices)
    return operation


def household_of(person_id: uuid.UUID) -> Callable[[Session], list[tuple[uuid.UUID, str]]]:
    """The person of the visit first, then the other members of the household (if any)."""
    def operation(session: Session) -> list[tuple[uuid.UUID, str]]:
        person = load_person(session, person_id)
        members = [(person.id, person.display_name)]
        if person.household_id is not None:
            members += [(member.person_id, _name(member.family_name, member.given_names))
                        for member in household_members(session, person.household_id)
                        if member.person_id != person.id]
        return members
    return operation


def _name(family_name: str, given_names: str) -> str:
    return ", ".join(part for part in (family_name, given_names) if part)
