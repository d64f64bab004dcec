"""Loading the demo district into a database: directory, our offices, synthetic people.

Loading is idempotent: every demo record has a fixed id, so a second run with the same
number of persons inserts nothing and a larger number adds exactly the difference (and
completes a household an earlier, smaller run cut short). Real data is never mixed with demo
data: a database that holds persons but is not marked as a demo database is refused.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session
from tqdm import tqdm

from app.codes import Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import (
    DEMO_SETTING,
    Concern,
    Household,
    Office,
    Person,
    PersonName,
    Setting,
    User,
    Visit,
    Workstation,
)
from app.demo.generate import (
    DEFAULT_SEED,
    DemoHousehold,
    DemoPerson,
    DemoVisit,
    generate_households,
)
from app.demo.load_referrals import ReferralTargets, add_referrals
from app.errors import LotseError
from app.i18n import _
from app.search import index_people
from app.security.passwords import hash_password
from app.services.database import Database
from app.services.directory import (
    ImportReport,
    default_directory_path,
    import_directory,
    read_directory,
)
from app.services.numbers import reserve_numbers

BATCH_SIZE = 500  # persons per transaction: large enough to be fast, small enough to resume


@dataclass
class DemoReport:
    directory: ImportReport
    persons_created: int = 0
    persons_existing: int = 0
    households_created: int = 0
    households_completed: int = 0
    households_existing: int = 0
    unaccompanied_created: int = 0
    visits_created: int = 0
    concerns_created: int = 0
    referrals_created: int = 0
    consents_created: int = 0

    def summary(self) -> str:
        return "\n".join((
            self.directory.summary(),
            _("Personen: {created} neu, {existing} vorhanden").format(
                created=self.persons_created, existing=self.persons_existing),
            _("Haushalte: {created} neu, {completed} ergänzt, {existing} vorhanden; "
              "{minors} unbegleitete Minderjährige neu").format(
                created=self.households_created, completed=self.households_completed,
                existing=self.households_existing, minors=self.unaccompanied_created),
            _("Vorsprachen: {visits} neu mit {concerns} Anliegen, {referrals} Überleitungen "
              "und {consents} Einwilligungen").format(
                visits=self.visits_created, concerns=self.concerns_created,
                referrals=self.referrals_created, consents=self.consents_created),
            _("Die Datenbank ist als Demo-Datenbank gekennzeichnet."),
            _("Demo-Benutzer: {users}, jeweils mit dem Passwort „{password}“.").format(
                users=", ".join(f"{name} ({role.label})" for name, _display, role in DEMO_USERS),
                password=DEMO_PASSWORD),
        ))


@dataclass
class _Site:
    """Where the demo is loaded: our offices and this workstation."""

    settings: Settings
    office_ids: dict[str, uuid.UUID]  # office code -> id
    office_by_municipality: dict[str, uuid.UUID]
    workstation_id: uuid.UUID
    targets: ReferralTargets = field(default_factory=ReferralTargets)

    @property
    def origin(self) -> str:
        return self.settings.origin

    def office_for(self, municipality: str) -> uuid.UUID:
        return self.office_by_municipality.get(municipality,
                                               self.office_ids[self.settings.office])


def load_demo(database: Database, *, persons: int, progress: bool,
              seed: int = DEFAULT_SEED) -> DemoReport:
    """Load the demo directory and ``persons`` synthetic persons (with their households and
    some visits) into ``database``; returns what was added."""
    directory = read_directory(default_directory_path())
    with unit_of_work(database.sessions) as session:
        _refuse_real_data(session)
        imported = import_directory(session, directory, origin=database.settings.origin)
        site = _prepare_site(session, database.settings)
        _add_demo_users(session, site)
        _mark_as_demo(session)
        session.flush()
        site.targets = ReferralTargets.read(session, author=DEMO_USERS[0][0])
    report = DemoReport(imported)
    households = generate_households(persons, seed)
    with tqdm(total=persons, unit=" " + _("Personen"), desc=_("Demo-Daten"), file=sys.stderr,
              disable=not progress) as bar:
        for batch in _batches(households, BATCH_SIZE):
            with unit_of_work(database.sessions) as session:
                _load_batch(session, batch, site, report)
            bar.update(sum(len(household.members) for household in batch))
    return report


def _refuse_real_data(session: Session) -> None:
    marker = session.get(Setting, DEMO_SETTING)
    if marker is not None and marker.value == "true":
        return
    if session.scalars(select(Person.id).limit(1)).first() is not None:
        raise LotseError(
            _("Die Datenbank enthält bereits Personen und ist keine Demo-Datenbank; "
              "Demo-Daten werden dort nicht geladen."), hint=_own_database_hint())
    if session.scalars(select(User.id).limit(1)).first() is not None:
        # Demo accounts have a password everybody knows: never in a real database.
        raise LotseError(
            _("Die Datenbank hat bereits Benutzerkonten und ist keine Demo-Datenbank; "
              "Demo-Konten mit bekanntem Passwort werden dort nicht angelegt."),
            hint=_own_database_hint())


def _own_database_hint() -> str:
    return _("Für die Demo eine eigene Datenbank angeben, z. B. "
             "--database sqlite:///lotse-demo.sqlite3.")


def _mark_as_demo(session: Session) -> None:
    marker = session.get(Setting, DEMO_SETTING)
    if marker is None:
        session.add(Setting(key=DEMO_SETTING, value="true"))
    else:
        marker.value = "true"


def _prepare_site(session: Session, settings: Settings) -> _Site:
    """Make sure this workstation's office and the workstation itself exist."""
    offices = {office.code: office for office in session.scalars(select(Office))}
    if settings.office not in offices:  # an office code the demo directory does not know
        offices[settings.office] = Office(code=settings.office,
                                          name=f"Demo-Dienststelle {settings.office}",
                                          origin=settings.origin)
        session.add(offices[settings.office])
        session.flush()
    office = offices[settings.office]
    workstation = session.scalars(select(Workstation).where(
        Workstation.office_id == office.id, Workstation.number == settings.workstation)).first()
    if workstation is None:
        workstation = Workstation(office_id=office.id, number=settings.workstation,
                                  name=f"Arbeitsplatz {settings.workstation}",
                                  mode=settings.mode, origin=settings.origin)
        session.add(workstation)
        session.flush()
    served = {name: o.id for o in offices.values() for name in o.municipalities}
    return _Site(settings, {code: o.id for code, o in offices.items()}, served, workstation.id)


# Demo accounts, one per role, all with the password DEMO_PASSWORD (shown on the sign-in of
# a demo database); the first one writes the demo referrals.
DEMO_USERS = (("empfang", "Empfang", Role.FRONT_DESK),
              ("leitung", "Teamleitung", Role.SUPERVISOR),
              ("admin", "Administration", Role.ADMIN))
DEMO_PASSWORD = "demo"


def _add_demo_users(session: Session, site: _Site) -> None:
    """The demo accounts, each added once; an existing account keeps its role and name and
    only gets the demo password if it has none (a demo database of an older Lotse)."""
    known = {user.username: user for user in session.scalars(select(User))}
    for username, display_name, role in DEMO_USERS:
        user = known.get(username)
        if user is None:
            session.add(User(username=username, display_name=display_name, role=role.value,
                             office_id=site.office_ids[site.settings.office],
                             password_hash=hash_password(DEMO_PASSWORD), origin=site.origin))
        elif not user.password_hash:
            user.password_hash = hash_password(DEMO_PASSWORD)


def _batches(households: Sequence[DemoHousehold], size: int) -> Iterator[list[DemoHousehold]]:
    """Whole households, about ``size`` persons per batch."""
    batch: list[DemoHousehold] = []
    persons = 0
    for household in households:
        batch.append(household)
        persons += len(household.members)
        if persons >= size:
            yield batch
            batch, persons = [], 0
    if batch:
        yield batch


def _load_batch(session: Session, households: Sequence[DemoHousehold], site: _Site,
                report: DemoReport) -> None:
    known_persons = _existing(session, Person.id, [p.id for h in households for p in h.members])
    known_households = _existing(session, Household.id, [h.id for h in households if h.id])
    new = [(h, p) for h in households for p in h.members if p.id not in known_persons]
    report.persons_existing += sum(len(h.members) for h in households) - len(new)
    settings = site.settings
    numbers = reserve_numbers(session, office=settings.office,
                              workstation=settings.workstation, person=True, count=len(new))
    for household in households:
        _count_household(household, known_households, known_persons, report)
        if household.id is not None and household.id not in known_households:
            session.add(Household(id=household.id, label=household.label, origin=site.origin))
    rows = []
    for (household, person), number in zip(new, numbers, strict=True):
        rows.append(_person_row(person, household, number, site))
        session.add(rows[-1])
        session.add_all(_visit_row(visit, person, site) for visit in person.visits)
        report.visits_created += len(person.visits)
        report.concerns_created += sum(len(visit.concerns) for visit in person.visits)
        report.unaccompanied_created += person.unaccompanied_minor
    report.persons_created += len(new)
    session.flush()
    referrals, consents = add_referrals(
        session, [(person, visit) for _h, person in new for visit in person.visits],
        site.targets, site.settings)
    report.referrals_created += referrals
    report.consents_created += consents
    index_people(session, rows)


def _existing(session: Session, column: InstrumentedAttribute[uuid.UUID],
              ids: list[uuid.UUID]) -> set[uuid.UUID]:
    if not ids:
        return set()
    return set(session.scalars(select(column).where(column.in_(ids))))


def _count_household(household: DemoHousehold, known_households: set[uuid.UUID],
                     known_persons: set[uuid.UUID], report: DemoReport) -> None:
    if household.id is None:
        return
    if household.id not in known_households:
        report.households_created += 1
    elif any(person.id not in known_persons for person in household.members):
        report.households_completed += 1
    else:
        report.households_existing += 1


def _person_row(person: DemoPerson, household: DemoHousehold, number: str,
                site: _Site) -> Person:
    return Person(
        id=person.id, person_number=number, family_name=person.family_name,
        given_names=person.given_names, birth_date=person.birth_date,
        birth_date_precision=person.birth_date_precision, birth_place=person.birth_place,
        sex=person.sex, nationality=person.nationality, languages=list(person.languages),
        letter_language=person.letter_language, interpreter_needed=person.interpreter_needed,
        interpreter_language=person.interpreter_language, street=person.street,
        postal_code=person.postal_code, city=person.city, municipality=person.municipality,
        phone=person.phone, email=person.email, legal_status=person.legal_status,
        status_document=person.status_document, document_number=person.document_number,
        document_valid_until=person.document_valid_until, permit_date=person.permit_date,
        bamf_file_number=person.bamf_file_number, azr_number=person.azr_number,
        employable=person.employable, unaccompanied_minor=person.unaccompanied_minor,
        household_id=household.id, household_role=person.household_role,
        office_id=site.office_for(person.municipality), note=person.note, origin=site.origin,
        names=[PersonName(id=name.id, position=position, kind=name.kind,
                          family_name=name.family_name, given_names=name.given_names,
                          script=name.script, origin=site.origin)
               for position, name in enumerate(person.names)],
    )


def _visit_row(visit: DemoVisit, person: DemoPerson, site: _Site) -> Visit:
    office_id = site.office_for(person.municipality)
    at_this_office = office_id == site.office_ids[site.settings.office]
    return Visit(
        id=visit.id, person_id=visit.person_id, office_id=office_id,
        workstation_id=site.workstation_id if at_this_office else None,
        visited_at=visit.visited_at, interpreter_used=visit.interpreter_used,
        interpreter_language=visit.interpreter_language, origin=site.origin,
        concerns=[Concern(id=concern.id, person_id=concern.person_id, code=concern.code,
                          note=concern.note, origin=site.origin)
                  for concern in visit.concerns],
    )
