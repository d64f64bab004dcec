"""Before a new person is saved: who is likely already registered, and why.

A person registered twice gets two files, two sets of referrals and letters that contradict
each other, so the front desk is shown the likely duplicates and decides. Likely means: the
same identity document, BAMF or AZR number; or a similar name (in any spelling the search
understands) with a birth date that can be the same – a date known only to the year fits
every day of that year. A similar name alone counts only when one of the two birth dates is
unknown.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.codes import DatePrecision
from app.db.models import Person
from app.i18n import _
from app.search import find_persons
from app.search.find import Match
from app.security.permissions import Action, Actor, require
from app.services.partial_dates import PartialDate
from app.services.person_input import PersonInput

SIMILAR_NAME = 85.0  # the search's score from which a name counts as the same name written
NAME_CANDIDATES = 30
LIMIT = 10


@dataclass(frozen=True)
class Duplicate:
    """A stored person who may be the one being registered."""

    person_id: uuid.UUID
    person_number: str
    family_name: str
    given_names: str
    birth_date: PartialDate | None
    reasons: tuple[str, ...]
    strong: bool  # an identifying number is the same, not only name and birth date


def find_duplicates(session: Session, data: PersonInput, *, actor: Actor, limit: int = LIMIT,
                    exclude: uuid.UUID | None = None) -> list[Duplicate]:
    """Stored persons who may be ``data``, those sharing a number first."""
    require(session, actor, Action.SEARCH)
    found: dict[uuid.UUID, Duplicate] = {}
    for duplicate in [*_same_numbers(session, data), *_similar_names(session, data)]:
        if duplicate.person_id != exclude and duplicate.person_id not in found:
            found[duplicate.person_id] = duplicate
    ranked = sorted(found.values(), key=lambda d: (not d.strong, d.family_name, d.given_names))
    return ranked[:limit]


# --- the same identifying number ----------------------------------------------------------


def _number_checks(data: PersonInput) -> list[tuple[InstrumentedAttribute[str], str, str]]:
    return [(Person.document_number, data.document_number, _("gleiche Dokumentnummer {value}")),
            (Person.bamf_file_number, data.bamf_file_number,
             _("gleiches BAMF-Aktenzeichen {value}")),
            (Person.azr_number, data.azr_number, _("gleiche AZR-Nummer {value}"))]


def _same_numbers(session: Session, data: PersonInput) -> list[Duplicate]:
    checks = [(column, value, reason) for column, value, reason in _number_checks(data) if value]
    if not checks:
        return []
    query = select(Person).where(Person.deleted_at.is_(None),
                                 or_(*[column == value for column, value, _r in checks]))
    duplicates = []
    for person in session.scalars(query.limit(LIMIT)):
        reasons = tuple(reason.format(value=value) for column, value, reason in checks
                        if getattr(person, column.key) == value)
        duplicates.append(Duplicate(person.id, person.person_number, person.family_name,
                                    person.given_names, _birth(person.birth_date,
                                                               person.birth_date_precision),
                                    reasons, strong=True))
    return duplicates


# --- a similar name and a birth date that fits --------------------------------------------


def _name_queries(data: PersonInput) -> list[str]:
    """Each spelling alone, and with the birth date: among many namesakes (a common name in
    a large database) the one born that day is then not crowded out of the candidates."""
    names = [f"{data.family_name} {data.given_names}".strip()]
    names += [f"{v.family_name} {v.given_names}".strip() for v in data.names]
    names = [name for name in names if name]
    born = f" {data.birth_date}" if data.birth_date else ""
    return list(dict.fromkeys([*(name + born for name in names if born), *names]))


def _similar_names(session: Session, data: PersonInput) -> list[Duplicate]:
    duplicates = []
    for query in _name_queries(data):
        for match in find_persons(session, query, limit=NAME_CANDIDATES):
            reason = birth_reason(data.birth_date, _birth(match.birth_date,
                                                           match.birth_date_precision))
            if match.score >= SIMILAR_NAME and reason:
                duplicates.append(_from_match(match, reason))
    return duplicates


def _from_match(match: Match, reason: str) -> Duplicate:
    name_reasons = [r for r in match.reasons if r]
    return Duplicate(match.person_id, match.person_number, match.family_name,
                     match.given_names, _birth(match.birth_date, match.birth_date_precision),
                     (reason, *name_reasons), strong=False)


def birth_reason(typed: PartialDate | None, stored: PartialDate | None) -> str:
    """Why the two birth dates may belong to one person, or "" if they cannot."""
    if typed is None or stored is None:
        return _("ähnlicher Name; ein Geburtsdatum ist nicht bekannt")
    if not _may_be_same_day(typed, stored):
        return ""
    if typed == stored:
        return _("gleiches Geburtsdatum und ähnlicher Name")
    return _("Geburtsdatum kann dasselbe sein ({typed} / {stored}) und ähnlicher Name").format(
        typed=typed, stored=stored)


def _may_be_same_day(first: PartialDate, second: PartialDate) -> bool:
    coarser = max(_level(first), _level(second))
    return _cut(first.value, coarser) == _cut(second.value, coarser)


def _level(born: PartialDate) -> int:
    return {DatePrecision.DAY.value: 0, DatePrecision.MONTH.value: 1}.get(born.precision, 2)


def _cut(day: date, level: int) -> tuple[int, ...]:
    return (day.year, day.month, day.day)[:3 - level]


def _birth(value: date | None, precision: str) -> PartialDate | None:
    return PartialDate(value, precision) if value else None
