"""Papers for the demo persons: the document that goes with each legal status, its number
and validity, the date the permit was first issued, BAMF file and AZR numbers."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import NamedTuple

from app.codes import STATUS_DOCUMENTS, LegalStatus
from app.demo.names import NATIONALITY_KEYS

# "Today" in the demo world: ages and document validity count from here, so that the data
# do not change with the day they are generated.
REFERENCE_DATE = date(2026, 11, 1)
TEMPORARY_PROTECTION_CUTOFF = date(2025, 3, 31)
SECTION_24_VALID_UNTIL = date(2027, 3, 4)  # EU temporary protection as extended

_EAT_LETTERS = "CFGHJKLMNPRTVWXYZ"  # letters used on German ID cards and eAT
_NEEDS_BAMF = {LegalStatus.ASYLUM_SEEKER: 1.0, LegalStatus.TOLERATED: 1.0,
               LegalStatus.PROTECTED: 1.0, LegalStatus.HUMANITARIAN_25_5: 0.7,
               LegalStatus.SETTLED: 0.5, LegalStatus.OTHER_PERMIT: 0.15}


class Papers(NamedTuple):
    legal_status: str
    status_document: str
    document_number: str
    document_valid_until: date | None
    permit_date: date | None
    bamf_file_number: str
    azr_number: str


def status_papers(rng: random.Random, status: LegalStatus, *, nationality: str,
                  bamf_number: int, entered: date, age: int) -> Papers:
    """The papers that go with a legal status; ``bamf_number`` is the numeric part of the BAMF
    file number (family members get neighbouring ones, as when they applied together)."""
    document, number, valid_until, permit = _status_document(rng, status, entered, age)
    bamf = ""
    if rng.random() < _NEEDS_BAMF.get(status, 0.0):
        bamf = f"{bamf_number}-{NATIONALITY_KEYS.get(nationality, '998')}"
    has_azr = status not in (LegalStatus.UNKNOWN, LegalStatus.EU_CITIZEN) or rng.random() < 0.5
    azr = str(rng.randrange(10**11, 10**12)) if has_azr else ""
    return Papers(status.value, document, number, valid_until, permit, bamf, azr)


def _status_document(rng: random.Random, status: LegalStatus, entered: date,
                     age: int) -> tuple[str, str, date | None, date | None]:
    """Document, number, valid until, first issued."""
    document = STATUS_DOCUMENTS[status]
    if status is LegalStatus.UNKNOWN:
        return document, "", None, None
    if status is LegalStatus.EU_CITIZEN:
        passport = str(rng.randrange(10**8, 10**9))
        return document, passport, _days(rng, REFERENCE_DATE, 90, 3000), None
    if status is LegalStatus.ASYLUM_SEEKER:
        if (REFERENCE_DATE - entered).days < 120 and rng.random() < 0.5:
            document = "Ankunftsnachweis"
        return (document, _paper_number(rng), _days(rng, REFERENCE_DATE, -20, 180),
                _issued(rng, entered, 3, 40))
    if status is LegalStatus.TOLERATED:
        if 16 <= age <= 35 and rng.random() < 0.2:
            document = rng.choice(("Duldung (§60c)", "Duldung (§60d)"))
        return (document, _paper_number(rng), _days(rng, REFERENCE_DATE, -15, 180),
                _issued(rng, max(entered, REFERENCE_DATE - timedelta(days=400)), 0, 380))
    if status is LegalStatus.TEMPORARY_PROTECTION:
        permit = _issued(rng, entered, 5, 90)
        if rng.random() < 0.2:
            return ("Fiktionsbescheinigung", _paper_number(rng),
                    _days(rng, REFERENCE_DATE, -10, 120), permit)
        return document, _eat_number(rng), SECTION_24_VALID_UNTIL, permit
    return _residence_permit(rng, status, document, entered)


def _residence_permit(rng: random.Random, status: LegalStatus, document: str,
                      entered: date) -> tuple[str, str, date | None, date | None]:
    after, validity = {
        LegalStatus.PROTECTED: ((120, 700), (365, 3 * 365)),
        LegalStatus.HUMANITARIAN_25_5: ((365, 1500), (180, 900)),
        LegalStatus.OTHER_PERMIT: ((30, 900), (365, 1095)),
        LegalStatus.SETTLED: ((5 * 365, 7 * 365), (10 * 365, 10 * 365)),
    }[status]
    permit = _issued(rng, entered, *after)
    valid_until = _days(rng, permit, *validity)
    # Most permits are renewed when they run out; a few have lapsed.
    while valid_until < REFERENCE_DATE and rng.random() < 0.9:
        valid_until = _days(rng, valid_until, *validity)
    return document, _eat_number(rng), valid_until, permit


def _issued(rng: random.Random, start: date, low: int, high: int) -> date:
    """An issue date after ``start`` that lies in the past of the demo world."""
    return min(_days(rng, start, low, high), REFERENCE_DATE - timedelta(days=1))


def _days(rng: random.Random, start: date, low: int, high: int) -> date:
    return start + timedelta(days=rng.randint(low, high))


def _eat_number(rng: random.Random) -> str:
    alphabet = "0123456789" + _EAT_LETTERS
    return rng.choice(_EAT_LETTERS) + "".join(rng.choice(alphabet) for _ in range(8))


def _paper_number(rng: random.Random) -> str:
    return f"{rng.choice('ADGN')}{rng.randrange(10**7, 10**8)}"
