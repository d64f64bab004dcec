"""Routing stored persons: a :class:`~app.routing.Case` from a person and a concern, the
offices from the database's directory, and the recommendations for a visit's concerns or for
a whole household's at once.

The engine (:mod:`app.routing`) is pure; this module is where the database meets it. A birth
date of which only the year (or the month) is known gives a range of possible ages. The case
is routed with the youngest of them – in doubt a person counts as younger, so that what
protects minors and young people (Jugendamt, school, Jugendmigrationsdienst) is never
withheld from someone who may still be a minor – and the explanation says so. If the oldest
possible age would send the concern elsewhere, a note names those offices too, so that
nothing is excluded without a word.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Concern
from app.db.models import DirectoryOffice, Person
from app.i18n import _
from app.routing import (
    Case,
    CaseError,
    NotCoveredError,
    OfficeEntry,
    Recommendation,
    Routing,
    Ruleset,
    agency_label,
    load_ruleset,
    offices_from_directory,
    route_case,
)
from app.security.audit import PERSON
from app.security.permissions import Action, Actor, require
from app.services.ages import AgeRange, age_range
from app.services.persons import load_person


@dataclass(frozen=True)
class ConcernRouting:
    """The recommendations for one concern of one person, primary first."""

    person_id: uuid.UUID
    concern: str
    recommendations: tuple[Recommendation, ...]
    problem: str = ""  # German: why there are none (no rule answers, bad stored data)
    notes: tuple[str, ...] = ()  # German: what else could apply (an uncertain age)


@dataclass(frozen=True)
class PersonRouting:
    """One person's concerns as routed, with what the front desk should know about the case."""

    person_id: uuid.UUID
    name: str
    municipality: str
    age_note: str  # German; empty when the age is certain
    concerns: tuple[ConcernRouting, ...]
    ruleset_version: str


@cache
def current_ruleset() -> Ruleset:
    """The bundled ruleset, loaded and checked once per process (it is data shipped with the
    program; a changed file takes effect at the next start)."""
    return load_ruleset()


def directory_entries(session: Session) -> tuple[OfficeEntry, ...]:
    """The directory's offices as the engine sees them; retired (tombstoned) offices are left
    out, since nothing new may be sent there."""
    query = (select(DirectoryOffice).where(DirectoryOffice.deleted_at.is_(None))
             .order_by(DirectoryOffice.agency_kind, DirectoryOffice.name, DirectoryOffice.code))
    return offices_from_directory(session.scalars(query))


def case_for(person: Person, concern: str, on: date, *, oldest: bool = False) -> Case:
    """The case of a stored person for one concern on the reference date ``on``; the age is
    the youngest possible (``oldest``: the oldest possible) for a partly known birth date."""
    ages = person_ages(person, on)
    age = None if ages is None else (ages.oldest if oldest else ages.youngest)
    return Case(status=person.legal_status, age=age, municipality=person.municipality,
                concern=concern, employable=person.employable,
                unaccompanied_minor=person.unaccompanied_minor,
                permit_date=person.permit_date, reference_date=on)


def person_ages(person: Person, on: date) -> AgeRange | None:
    if person.birth_date is None:
        return None
    return age_range(person.birth_date, person.birth_date_precision, on)


def route_concerns(session: Session, person_id: uuid.UUID | str, concerns: Sequence[str], *,
                   actor: Actor, on: date | None = None, ruleset: Ruleset | None = None,
                   offices: Sequence[OfficeEntry] | None = None) -> PersonRouting:
    """Every concern of one stored person, routed on ``on`` (default today)."""
    person = load_person(session, person_id)
    require(session, actor, Action.ROUTE, entity_type=PERSON, entity_id=person.id)
    rules = ruleset or current_ruleset()
    known = directory_entries(session) if offices is None else tuple(offices)
    day = on or date.today()
    routed = tuple(_route_one(person, code, day, rules, known) for code in concerns)
    return PersonRouting(person.id, person.display_name, person.municipality,
                         age_note(person, day), routed, rules.version)


def route_household(session: Session, chosen: Mapping[uuid.UUID, Sequence[str]], *,
                    actor: Actor, on: date | None = None, ruleset: Ruleset | None = None,
                    offices: Sequence[OfficeEntry] | None = None,
                    ) -> tuple[PersonRouting, ...]:
    """Each member with the concerns chosen for them, in one go (one directory read), in the
    order given; members without concerns are left out."""
    known = directory_entries(session) if offices is None else tuple(offices)
    rules = ruleset or current_ruleset()
    return tuple(route_concerns(session, person_id, concerns, actor=actor, on=on, ruleset=rules,
                                offices=known)
                 for person_id, concerns in chosen.items() if concerns)


def _route_one(person: Person, concern: str, on: date, ruleset: Ruleset,
               offices: Sequence[OfficeEntry]) -> ConcernRouting:
    try:
        routing = route_case(case_for(person, concern, on), ruleset, offices)
    except (CaseError, NotCoveredError) as error:  # said for this concern only
        return ConcernRouting(person.id, concern, (), problem=error.message)
    return ConcernRouting(person.id, concern, routing.recommendations,
                          notes=_older_notes(person, concern, on, ruleset, offices, routing))


def _older_notes(person: Person, concern: str, on: date, ruleset: Ruleset,
                 offices: Sequence[OfficeEntry], routing: Routing) -> tuple[str, ...]:
    """A note if the oldest possible age would send the concern to other offices."""
    ages = person_ages(person, on)
    if ages is None or ages.certain:
        return ()
    try:
        older = route_case(case_for(person, concern, on, oldest=True), ruleset, offices)
    except (CaseError, NotCoveredError):
        return ()
    kinds = _kinds(older.recommendations)
    if kinds == _kinds(routing.recommendations):
        return ()
    return (_("Wäre die Person schon {age} Jahre alt, wären zuständig: {offices}.").format(
        age=ages.oldest, offices=", ".join(agency_label(kind) for kind in kinds)),)


def _kinds(recommendations: Sequence[Recommendation]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(rec.agency_kind for rec in recommendations))


def age_note(person: Person, on: date) -> str:
    """What the front desk should know about the age used (empty if it is certain)."""
    ages = person_ages(person, on)
    if ages is None:
        return _("Geburtsdatum unbekannt: Regeln mit Altersgrenzen werden ohne Alter geprüft.")
    if ages.certain:
        return ""
    return _("Geburtsdatum nur ungenau bekannt ({known}): {youngest} oder {oldest} Jahre alt; "
             "gerechnet wird mit {youngest} – im Zweifel das jüngere Alter, damit Hilfen für "
             "Minderjährige und junge Menschen nicht entfallen.").format(
        known=ages.known, youngest=ages.youngest, oldest=ages.oldest)


def concern_label(code: str) -> str:
    return Concern(code).label if code in set(Concern) else code


