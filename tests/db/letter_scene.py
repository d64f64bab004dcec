"""A small, realistic front-desk scene for the letter tests: a mother and her son, one visit
with three referrals to three offices, our office and the member of staff who made them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import (
    Concern,
    DirectoryOffice,
    Household,
    Office,
    Person,
    PersonName,
    Referral,
    User,
    Visit,
)
from app.services.numbers import next_number

SETTINGS = Settings(office="NE", workstation=1, user="a.becker")


@dataclass(frozen=True)
class Scene:
    mother: uuid.UUID
    son: uuid.UUID
    visit: uuid.UUID
    jobcenter: str  # references
    residence: str
    school: str
    jobcenter_office: uuid.UUID
    residence_office: uuid.UUID


def office(kind: str, name: str, street: str = "Markt 2", **values: str) -> DirectoryOffice:
    return DirectoryOffice(code=f"{kind}-{name.lower().replace(' ', '-')}", agency_kind=kind,
                           name=name, street=street, postal_code=values.get("postal_code",
                                                                            "41460"),
                           city=values.get("city", "Neuss"),
                           opening_hours=values.get("opening_hours", "Mo–Fr 8:00–12:00"),
                           documents=["Pass"])


def add_scene(session: Session) -> Scene:
    our = Office(code="NE", name="Integration Point Neuss", street="Karl-Arnold-Str. 20",
                 postal_code="41462", city="Neuss", phone="02131 1234")
    session.add(our)
    session.add(User(username="a.becker", display_name="Anna Becker", role="front_desk"))
    session.flush()
    household = Household(label="Familie Al-Hassan")
    session.add(household)
    session.flush()
    mother = _person(session, household.id, "Al-Hassan", "Fatima", date(1990, 5, 14), "head",
                     our.id)
    mother.names = [PersonName(kind="original", family_name="الحسن", given_names="فاطمة",
                               script="Arab")]
    son = _person(session, household.id, "Al-Hassan", "Omar", date(2018, 3, 2), "child",
                  our.id)
    offices = [office("jobcenter", "Jobcenter Neuss", "Karl-Arnold-Str. 20",
                      postal_code="41462"),
               office("auslaenderbehoerde", "Ausländerbehörde Neuss"),
               office("kommunales_integrationszentrum", "KI Rhein-Kreis Neuss",
                      "Oberstraße 91")]
    session.add_all(offices)
    visit = Visit(person_id=mother.id, office_id=our.id,
                  visited_at=datetime(2026, 11, 20, 9, tzinfo=UTC))
    session.add(visit)
    session.flush()
    references = [_referral(session, visit, person, code, note, target)
                  for person, code, note, target in (
                      (mother, "benefits", "Bescheid steht aus, Miete unbezahlt", offices[0]),
                      (mother, "residence", "Duldung läuft ab", offices[1]),
                      (son, "school", "", offices[2]))]
    return Scene(mother.id, son.id, visit.id, *references, offices[0].id, offices[1].id)


def _person(session: Session, household: uuid.UUID, family: str, given: str, born: date,
            role: str, office_id: uuid.UUID) -> Person:
    person = Person(person_number=next_number(session, office="NE", workstation=1,
                                              person=True),
                    family_name=family, given_names=given, birth_date=born,
                    languages=["ar", "de"], letter_language="ar", interpreter_needed=True,
                    interpreter_language="ar", street="Büttger Straße 7", postal_code="41460",
                    city="Neuss", municipality="Neuss", phone="0151 2345678",
                    legal_status="protected", status_document="Aufenthaltserlaubnis §25 Abs. 2",
                    document_number="Y7K3M9", bamf_file_number="8123456-475",
                    household_id=household, household_role=role, office_id=office_id)
    session.add(person)
    session.flush()
    return person


def _referral(session: Session, visit: Visit, person: Person, code: str, note: str,
              target: DirectoryOffice) -> str:
    concern = Concern(visit_id=visit.id, person_id=person.id, code=code, note=note)
    session.add(concern)
    session.flush()
    reference = next_number(session, office="NE", workstation=1, person=False)
    author = session.scalars(select(User).where(User.username == "a.becker")).one()
    session.add(Referral(reference=reference, person_id=person.id, visit_id=visit.id,
                         concern_id=concern.id, directory_office_id=target.id,
                         agency_kind=target.agency_kind, routing_reason="Zuständig laut Regel",
                         legal_basis="§ 7 SGB II", documents=["Pass", "Mietvertrag"],
                         language="ar", created_by=author.id))
    session.flush()
    return reference
