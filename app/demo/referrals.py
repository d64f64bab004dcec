"""Referrals and consents for the demo visits, so that every letter can be tried at once.

Every concern of a demo visit is referred to the agency kind that is usually responsible.
On top, the first households take a "letter tour": household ``i`` comes once more with a
concern for the ``i``-th agency kind, so a demo of 200 persons holds a referral to every
agency kind, with the letter languages spread over the visitors who speak them, some
recorded consents and household visits with several referrals (a route sheet). Like the
rest of the generator it is a pure function of seed and household index; it draws from its
own random stream, so the people themselves stay exactly as they were.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from app.codes import AgencyKind as K
from app.codes import Concern as C
from app.codes import LegalStatus

if TYPE_CHECKING:
    from app.demo.generate import DemoConcern, DemoPerson, DemoVisit

# Stored data, not user interface text: German like every demo record.
DEMO_REASON = "Zuständig nach Anliegen, Aufenthaltsstatus und Wohnort (Demo-Daten)"
DEMO_PURPOSE = "Bearbeitung des Anliegens bei der genannten Stelle (Demo-Daten)"
# DataCategory codes (app.letters.model), written out: the demo loads without the renderer.
CONSENT_CATEGORIES = ("identity", "contact", "language", "concern")


@dataclass(frozen=True)
class DemoConsent:
    id: uuid.UUID
    person_id: uuid.UUID
    agency_kind: str
    categories: tuple[str, ...]
    purpose: str
    given_at: datetime


@dataclass(frozen=True)
class DemoReferral:
    """A referral of one concern; the loader picks the office of ``agency_kind``."""

    id: uuid.UUID
    concern_id: uuid.UUID
    person_id: uuid.UUID
    agency_kind: str
    status: str
    language: str  # the referred person's letter language
    appointment_at: datetime | None = None
    consent: DemoConsent | None = None


# Household index -> the agency kind and concern of its tour visit (DOMAIN.md's matrix).
LETTER_TOUR: tuple[tuple[K, C], ...] = (
    (K.FAMILIENKASSE, C.CHILDCARE_FAMILY), (K.JOBCENTER, C.BENEFITS),
    (K.SOZIALAMT, C.BENEFITS), (K.AUSLAENDERBEHOERDE, C.RESIDENCE),
    (K.JUGENDAMT, C.CHILDCARE_FAMILY), (K.AGENTUR_FUER_ARBEIT, C.WORK),
    (K.JUGENDMIGRATIONSDIENST, C.SOCIAL_PARTICIPATION),
    (K.ANERKENNUNGSBERATUNG, C.RECOGNITION_VOCATIONAL), (K.BAMF, C.RESIDENCE),
    (K.SCHULAMT, C.SCHOOL), (K.INTEGRATION_COURSE_PROVIDER, C.INTEGRATION_COURSE),
    (K.KOMMUNALES_INTEGRATIONSZENTRUM, C.VOLUNTEERING),
    (K.MIGRATIONSBERATUNG, C.SOCIAL_PARTICIPATION), (K.IHK, C.RECOGNITION_VOCATIONAL),
    (K.WOHLFAHRTSVERBAND, C.SOCIAL_PARTICIPATION), (K.BEZIRKSREGIERUNG, C.RECOGNITION_SCHOOL),
    (K.KRANKENKASSE, C.HEALTH), (K.HWK, C.RECOGNITION_VOCATIONAL),
)
# Tour visitors whose letters go out in another language they speak, so that every letter
# language has a letter to try (the others keep the language they chose).
TOUR_LANGUAGES = {7: "fa", 8: "so", 10: "ru", 14: "en"}

_ASYLBLG = (LegalStatus.ASYLUM_SEEKER, LegalStatus.TOLERATED, LegalStatus.HUMANITARIAN_25_5)
_BY_CONCERN: dict[str, tuple[K, K]] = {  # AsylbLG group, everyone else
    C.BENEFITS: (K.SOZIALAMT, K.JOBCENTER), C.WORK: (K.AGENTUR_FUER_ARBEIT, K.JOBCENTER),
    C.TRAINING: (K.AGENTUR_FUER_ARBEIT, K.AGENTUR_FUER_ARBEIT),
    C.INTEGRATION_COURSE: (K.INTEGRATION_COURSE_PROVIDER, K.INTEGRATION_COURSE_PROVIDER),
    C.JOB_LANGUAGE_COURSE: (K.AGENTUR_FUER_ARBEIT, K.JOBCENTER),
    C.RECOGNITION_VOCATIONAL: (K.ANERKENNUNGSBERATUNG, K.ANERKENNUNGSBERATUNG),
    C.RECOGNITION_SCHOOL: (K.BEZIRKSREGIERUNG, K.BEZIRKSREGIERUNG),
    C.SCHOOL: (K.KOMMUNALES_INTEGRATIONSZENTRUM, K.KOMMUNALES_INTEGRATIONSZENTRUM),
    C.CHILDCARE_FAMILY: (K.JUGENDAMT, K.JUGENDAMT),
    C.RESIDENCE: (K.AUSLAENDERBEHOERDE, K.AUSLAENDERBEHOERDE),
    C.HOUSING: (K.SOZIALAMT, K.JOBCENTER),
    C.VOLUNTEERING: (K.KOMMUNALES_INTEGRATIONSZENTRUM, K.KOMMUNALES_INTEGRATIONSZENTRUM),
    C.SOCIAL_PARTICIPATION: (K.MIGRATIONSBERATUNG, K.MIGRATIONSBERATUNG),
    C.HEALTH: (K.SOZIALAMT, K.KRANKENKASSE),
}

Uuid7 = Callable[[random.Random, datetime], uuid.UUID]


def tour_concerns(index: int, members: Sequence[DemoPerson]) -> list[tuple[int, C]]:
    """The concerns of household ``index``'s tour visit as (member position, concern): the
    tour's concern for the first member, school or childcare for up to two children (a
    household visit with several referrals: a route sheet). Empty after the tour."""
    if index >= len(LETTER_TOUR) or not members:
        return []
    children = [pos for pos, member in enumerate(members[1:], start=1) if member.age < 18]
    return [(0, LETTER_TOUR[index][1]),
            *((pos, C.CHILDCARE_FAMILY if members[pos].age < 6 else C.SCHOOL)
              for pos in children[:2])]


def tour_language(index: int, visitor: DemoPerson) -> str:
    """The tour visitor's letter language: another one they speak, or their own."""
    language = TOUR_LANGUAGES.get(index, visitor.letter_language)
    return language if language in visitor.languages else visitor.letter_language


def referrals_for(rng: random.Random, uuid7: Uuid7, visit: DemoVisit, index: int,
                  status: LegalStatus, languages: Mapping[uuid.UUID, str], *, tour: bool,
                  may_consent: bool) -> tuple[DemoReferral, ...]:
    """One referral per concern of the visit; the tour visit's first concern goes to the
    tour's agency kind, with the visitor's consent at every other tour stop (if they are old
    enough to give it themselves)."""
    return tuple(replace(_referral(
        rng, uuid7, visit, concern, status,
        LETTER_TOUR[index][0] if tour and position == 0 else None,
        consent=tour and position == 0 and may_consent and index % 2 == 1),
        language=languages.get(concern.person_id, "de"))
        for position, concern in enumerate(visit.concerns))


def _referral(rng: random.Random, uuid7: Uuid7, visit: DemoVisit, concern: DemoConcern,
              status: LegalStatus, kind: K | None, *, consent: bool) -> DemoReferral:
    asylblg = status in _ASYLBLG
    agency = kind or _BY_CONCERN[concern.code][0 if asylblg else 1]
    appointment = None
    if rng.random() < 0.3:  # a fixed appointment a few working days later, 9:00–11:30 local
        day = visit.visited_at + timedelta(days=rng.randint(2, 10))
        day -= timedelta(days=max(0, day.weekday() - 4))
        appointment = day.replace(hour=8 + rng.randrange(3), minute=rng.choice((0, 30)))
    granted = None
    if consent:
        granted = DemoConsent(uuid7(rng, visit.visited_at), concern.person_id, agency.value,
                              CONSENT_CATEGORIES,
                              DEMO_PURPOSE, visit.visited_at)
    return DemoReferral(uuid7(rng, visit.visited_at), concern.id, concern.person_id,
                        agency.value, rng.choice(("draft", "draft", "approved")), "de",
                        appointment, granted)
