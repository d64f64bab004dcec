"""Finding persons: candidates from the key index, ranked with rapidfuzz, each with why."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Select, and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from app.db.base import Base
from app.db.models import Person, PersonName, PersonSearchKey, Referral
from app.i18n import _
from app.search.keys import koelner, query_keys, skeleton, tokens, variants
from app.search.query import DateFilter, ParsedQuery, parse_query

CANDIDATES = 150  # the strongest key hits, ranked in Python with rapidfuzz
_KEYS = Base.metadata.tables[PersonSearchKey.__tablename__]


@dataclass(frozen=True)
class Match:
    person_id: uuid.UUID
    person_number: str
    family_name: str
    given_names: str
    birth_date: date | None
    birth_date_precision: str
    score: float
    reasons: tuple[str, ...]


def _token_hits(index: int, token: str) -> Select[Any]:
    """Key rows hit by one typed token, each weighed: the whole folded name 3, the same
    skeleton or sound 2, a prefix (the user is still typing) 1."""
    prefixes, exact = query_keys(token)
    conditions = [and_(_KEYS.c.key >= prefix, _KEYS.c.key < prefix + "\x7f")
                  for prefix in prefixes]
    if exact:
        conditions.append(_KEYS.c.key.in_(exact))
    strength = case((_KEYS.c.key.in_(prefixes), 3), (_KEYS.c.key.in_(exact or ["-"]), 2),
                    else_=1)
    return (select(_KEYS.c.person_id, literal(index).label("token"),
                   strength.label("strength"))
            .where(or_(*conditions) if conditions else literal(False)))


def _name_candidates(names: list[str]) -> Any:
    """Persons every typed token hits, with the summed strength of their hits."""
    matches = union_all(*[_token_hits(i, t) for i, t in enumerate(names)]).subquery()
    return (select(matches.c.person_id, func.sum(matches.c.strength).label("strength"))
            .group_by(matches.c.person_id)
            .having(func.count(func.distinct(matches.c.token)) == len(names))).subquery()


def _date_condition(birth: DateFilter) -> Any:
    """Typed dates also find people whose date is known less precisely (only the year, or a
    01.01. placeholder), since it may be the same person."""
    year_first, year_last = date(birth.first.year, 1, 1), date(birth.first.year, 12, 31)
    in_year = Person.birth_date.between(year_first, year_last)
    return or_(Person.birth_date.between(birth.first, birth.last),
               and_(in_year, Person.birth_date_precision == "year"),
               and_(in_year, Person.birth_date_precision == "month",
                    Person.birth_date.between(birth.first.replace(day=1), birth.last)),
               Person.birth_date == year_first)


_COLUMNS = (Person.id, Person.person_number, Person.family_name, Person.given_names,
            Person.birth_date, Person.birth_date_precision)


def _candidate_query(
    parsed: ParsedQuery,
) -> Select[uuid.UUID, str, str, str, date | None, str]:
    query = select(*_COLUMNS).where(Person.deleted_at.is_(None))
    if parsed.person_number:
        query = query.where(Person.person_number == parsed.person_number)
    if parsed.reference:
        query = query.where(Person.id.in_(
            select(Referral.person_id).where(Referral.reference == parsed.reference)))
    if parsed.bamf_file_number:
        query = query.where(Person.bamf_file_number == parsed.bamf_file_number)
    if parsed.names:
        # The strongest candidates first, so that the limit cuts the weakest ones.
        hits = _name_candidates(parsed.names)
        query = query.join(hits, hits.c.person_id == Person.id).order_by(
            hits.c.strength.desc())
    if parsed.birth:
        query = query.where(_date_condition(parsed.birth))
    return query.limit(CANDIDATES)


def _variant_names(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    names: dict[uuid.UUID, list[str]] = defaultdict(list)
    rows = session.execute(select(PersonName.person_id, PersonName.family_name,
                                  PersonName.given_names).where(PersonName.person_id.in_(ids)))
    for person_id, family, given in rows:
        names[person_id] += [family, given]
    return names


def _token_score(typed: str, written: str) -> tuple[float, str]:
    """How well one typed name token fits one written name token, and why. Sound-alike
    matches score by how close the spelling still is, so the nearer spelling ranks first."""
    best = (0.0, "")
    for form in variants(typed):
        for other in variants(written):
            if other.startswith(form):
                return 100.0, ""
            closeness = float(fuzz.ratio(form, other))
            if len(form) >= 3 and skeleton(form) == skeleton(other):
                candidate = (75.0 + closeness / 5, _("gleiche Konsonanten"))
            elif len(form) >= 3 and koelner(form) == koelner(other):
                candidate = (70.0 + closeness / 5, _("gleicher Klang (Kölner Phonetik)"))
            else:
                candidate = (closeness * 0.7, _("ähnliche Schreibung"))
            best = max(best, candidate, key=lambda pair: pair[0])
    return best


def _name_score(typed: list[str], written: list[str]) -> tuple[float, list[str]]:
    written_tokens = [t for text in written if text for t in tokens(text)]
    total, reasons = 0.0, []
    for token in typed:
        # The main name comes first in written_tokens and wins a tie over a variant.
        scored = [(*_token_score(token, w), w) for w in written_tokens]
        score, why, where = max(scored, default=(0.0, "", ""), key=lambda row: row[0])
        total += score
        if why:
            reasons.append(_("„{typed}“ ≈ „{written}“ ({why})").format(
                typed=token, written=where, why=why))
        elif where:
            reasons.append(_("Name „{written}“").format(written=where))
    return total / max(len(typed), 1), reasons


def _date_reason(person: Any, birth: DateFilter) -> tuple[float, str]:
    if person.birth_date is None:
        return 0.0, ""
    if birth.first <= person.birth_date <= birth.last and person.birth_date_precision == "day":
        return 0.0, _("Geburtsdatum passt ({date})").format(date=birth.describe())
    return -8.0, _("Geburtsdatum nur ungenau bekannt; passt zu {date}").format(
        date=birth.describe())


def _rank(session: Session, parsed: ParsedQuery, people: list[Any]) -> list[Match]:
    variants_by_person = _variant_names(session, [p.id for p in people])
    matches = []
    for person in people:
        written = [person.family_name, person.given_names, *variants_by_person[person.id]]
        score, reasons = _name_score(parsed.names, written) if parsed.names else (100.0, [])
        if parsed.birth:
            penalty, reason = _date_reason(person, parsed.birth)
            score, reasons = score + penalty, [*reasons, reason]
        for found, label in ((parsed.person_number, _("Personennummer")),
                             (parsed.reference, _("Aktenzeichen einer Überleitung")),
                             (parsed.bamf_file_number, _("BAMF-Aktenzeichen"))):
            if found:
                reasons.append(_("{what} {value}").format(what=label, value=found))
        matches.append(Match(person.id, person.person_number, person.family_name,
                             person.given_names, person.birth_date,
                             person.birth_date_precision, round(max(score, 0.0), 1),
                             tuple(r for r in reasons if r)))
    matches.sort(key=lambda m: (-m.score, m.family_name, m.given_names))
    return matches


def find_persons(session: Session, text: str, *, limit: int = 50,
                 offset: int = 0) -> list[Match]:
    """The persons that fit the search text, best first, each with the reasons it matched."""
    parsed = parse_query(text)
    if parsed.empty:
        return []
    people = list(session.execute(_candidate_query(parsed)))
    return _rank(session, parsed, people)[offset:offset + limit]
