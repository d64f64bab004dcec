"""The supervision scene plus the mother registered a second time, at the Grevenbroich
branch (workstation GV-2), offline: another spelling, the same birth date and BAMF file
number, an e-mail address the first file lacks, a visit with a referral whose letter was
printed, and a consent."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Concern, DirectoryOffice, Person, Referral, Visit
from app.search import index_person
from app.services.consents import record_consent
from app.services.database import Database
from app.services.letters import issue_letter
from app.services.numbers import next_number
from app.services.person_input import validate
from app.services.persons import register_person
from tests.db.referral_scene import SETTINGS, Supervision, add_supervision

BRANCH = Settings(office="GV", workstation=2, user="b.yilmaz")


@dataclass(frozen=True)
class MergeScene:
    office: Supervision
    duplicate: uuid.UUID  # the mother's second file
    duplicate_reference: str  # its referral, printed

    @property
    def mother(self) -> uuid.UUID:
        return self.office.scene.mother


def add_merge_scene(database: Database) -> MergeScene:
    office = add_supervision(database)
    with unit_of_work(database.sessions) as session:
        for person in session.scalars(select(Person)):
            if person.id == office.scene.son:  # the scene gave both the same numbers
                person.document_number = person.bamf_file_number = ""
            index_person(session, person)
        duplicate = register_person(session, validate({
            "family_name": "Al-Hasan", "given_names": "Fatma", "birth_date": "1990-05-14",
            "bamf_file_number": "8123456-475", "email": "fatma.alhasan@example.org",
            "phone": "0176 5556677", "names": [{"family_name": "Alhasan",
                                                 "given_names": "Fatma"}]}),
            actor=office.desk, settings=BRANCH)
        reference = _visit_with_referral(session, duplicate, office)
    with unit_of_work(database.sessions) as session:
        issue_letter(session, reference, actor=office.desk, settings=SETTINGS, language="de")
        record_consent(session, duplicate.id, agency_kind="jobcenter",
                       directory_office_id=office.scene.jobcenter_office,
                       categories=["identity"], purpose="Antrag auf Bürgergeld",
                       actor=office.desk, settings=BRANCH)
    return MergeScene(office, duplicate.id, reference)


def _visit_with_referral(session: Session, person: Person, office: Supervision) -> str:
    visit = Visit(person_id=person.id, visited_at=datetime(2026, 11, 24, 10, tzinfo=UTC),
                  origin=BRANCH.origin)
    session.add(visit)
    session.flush()
    concern = Concern(visit_id=visit.id, person_id=person.id, code="benefits")
    session.add(concern)
    session.flush()
    target = session.get_one(DirectoryOffice, office.scene.jobcenter_office)
    reference = next_number(session, office="GV", workstation=2, person=False)
    session.add(Referral(reference=reference, person_id=person.id, visit_id=visit.id,
                         concern_id=concern.id, directory_office_id=target.id,
                         agency_kind=target.agency_kind, routing_reason="Zuständig laut Regel",
                         documents=["Pass"], language="de"))
    session.flush()
    return reference
