"""Realistic records from the demo district (DOMAIN.md) for UI tests and screenshots."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.db.engine import unit_of_work
from app.db.models import DEMO_SETTING, DirectoryOffice, Household, Person, Referral, Setting, Visit
from app.services.database import Database

KREIS = ["Neuss", "Grevenbroich", "Dormagen", "Meerbusch", "Kaarst", "Korschenbroich",
         "Jüchen", "Rommerskirchen"]

OFFICES = [
    ("jc-neuss", "jobcenter", "Jobcenter Rhein-Kreis Neuss – Geschäftsstelle Neuss",
     "Karl-Arnold-Str. 20", "41462", "Neuss", ["Neuss", "Meerbusch", "Kaarst", "Korschenbroich"]),
    ("jc-grevenbroich", "jobcenter", "Jobcenter Rhein-Kreis Neuss – Geschäftsstelle Grevenbroich",
     "Lindenstraße 16", "41515", "Grevenbroich", ["Grevenbroich", "Jüchen", "Rommerskirchen"]),
    ("aa-mg", "agentur_fuer_arbeit", "Agentur für Arbeit Mönchengladbach",
     "Lürriper Straße 56", "41065", "Mönchengladbach", KREIS),
    ("abh-kreis", "auslaenderbehoerde", "Ausländerbehörde des Rhein-Kreises Neuss",
     "Lindenstraße 10", "41515", "Grevenbroich",
     ["Kaarst", "Korschenbroich", "Meerbusch", "Jüchen", "Rommerskirchen", "Grevenbroich"]),
    ("abh-neuss", "auslaenderbehoerde", "Ausländerbehörde der Stadt Neuss",
     "Michaelstraße 50", "41460", "Neuss", ["Neuss"]),
    ("ki-kreis", "kommunales_integrationszentrum",
     "Kommunales Integrationszentrum Rhein-Kreis Neuss",
     "Oberstraße 91", "41460", "Neuss", KREIS),
    ("soz-dormagen", "sozialamt", "Sozialamt der Stadt Dormagen",
     "Paul-Wierich-Platz 2", "41539", "Dormagen", ["Dormagen"]),
    ("ja-kreis", "jugendamt", "Kreisjugendamt Rhein-Kreis Neuss",
     "Oberstraße 91", "41460", "Neuss", ["Korschenbroich", "Jüchen", "Rommerskirchen"]),
]

PERSONS = [
    ("Al-Hassan", "Mohammed", date(1988, 3, 14), "SY", "protected"),
    ("Al-Hassan", "Fatima", date(1991, 7, 2), "SY", "protected"),
    ("Kovalenko", "Olena", date(1979, 1, 1), "UA", "temporary_protection"),
    ("Ahmadi", "Zahra", date(2001, 11, 23), "AF", "asylum_seeker"),
    ("حسن", "محمد", date(1995, 5, 5), "IQ", "tolerated"),
]


def add_directory_offices(database: Database, count: int | None = None) -> int:
    """Adds the district's offices (or ``count`` numbered copies of them); returns how many."""
    chosen = OFFICES if count is None else [
        (f"{OFFICES[i % len(OFFICES)][0]}-{i}", *OFFICES[i % len(OFFICES)][1:])
        for i in range(count)
    ]
    with unit_of_work(database.sessions) as session:
        for code, kind, name, street, postal_code, city, municipalities in chosen:
            session.add(DirectoryOffice(code=code, agency_kind=kind, name=name, street=street,
                                        postal_code=postal_code, city=city,
                                        municipalities=municipalities))
    return len(chosen)


def add_persons(database: Database) -> int:
    """A household of two, three single persons, a visit each and some referrals."""
    with unit_of_work(database.sessions) as session:
        household = Household(label="Al-Hassan")
        session.add(household)
        for number, (family, given, born, nationality, status) in enumerate(PERSONS, start=1):
            person = Person(person_number=f"P-NE-1-2026-{number:06d}-0", family_name=family,
                            given_names=given, birth_date=born, nationality=nationality,
                            legal_status=status, municipality="Neuss",
                            household=household if family == "Al-Hassan" else None)
            session.add(person)
            session.flush()
            visit = Visit(person_id=person.id, visited_at=datetime(2026, 3, number, tzinfo=UTC))
            session.add(visit)
            session.flush()
            status_code = "draft" if number % 2 else "completed"
            session.add(Referral(reference=f"NE-1-2026-{number:06d}-0", person_id=person.id,
                                 visit_id=visit.id, agency_kind="jobcenter",
                                 status=status_code))
    return len(PERSONS)


def mark_as_demo(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        session.merge(Setting(key=DEMO_SETTING, value="true"))
