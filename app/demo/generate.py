"""Synthetic, deterministic households for the demo district.

Household ``i`` is a pure function of ``(seed, i)``: it draws from its own
``random.Random(f"{seed}-{i}")``, so a demo of 200 persons is the beginning of a demo of
500, and a second load recognises every record by its id. Nothing here touches a database.

The people are made up but look like the front desk's real ones: several transliterations of
one name, names in Arabic or Cyrillic script, dates of birth known only to the year or
recorded as "01.01.YYYY", people without a family name, every legal status with its
document, and families whose members differ in status or spelling.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple, TypeVar

from app.codes import (
    LETTER_LANGUAGES,
    MUNICIPALITIES,
    NATIONALITY_UNCLEAR,
    STATELESS,
    DatePrecision,
    HouseholdRole,
    LegalStatus,
    Sex,
)
from app.codes import Concern as C
from app.demo.names import (
    GERMAN_BIRTH_PLACES,
    MUNICIPALITY_WEIGHTS,
    ORIGINS,
    ORIGINS_BY_KEY,
    STREETS,
    UNACCOMPANIED_ORIGINS,
    NameForms,
    Origin,
)
from app.demo.papers import REFERENCE_DATE, status_papers
from app.demo.referrals import DemoReferral, referrals_for, tour_concerns, tour_language

DEFAULT_SEED = 2026
# Stored data, not user interface text: German like every demo record.
UNACCOMPANIED_NOTE = "Unbegleitet eingereist; Vormundschaft beim Jugendamt"
_UUID_VERSION_7 = 0x7 << 76
_UUID_VARIANT_RFC = 0x2 << 62

T = TypeVar("T")


@dataclass(frozen=True)
class DemoName:
    id: uuid.UUID
    kind: str  # variant | original
    script: str  # ISO 15924
    family_name: str
    given_names: str


@dataclass(frozen=True)
class DemoConcern:
    id: uuid.UUID
    person_id: uuid.UUID
    code: str
    note: str


@dataclass(frozen=True)
class DemoVisit:
    id: uuid.UUID
    person_id: uuid.UUID
    visited_at: datetime
    interpreter_used: bool
    interpreter_language: str
    concerns: tuple[DemoConcern, ...]
    referrals: tuple[DemoReferral, ...] = ()


@dataclass(frozen=True)
class DemoPerson:
    """A person as it becomes a ``Person`` row; ``visits`` are the visits that can be
    stored once this person is (they may concern members listed before)."""

    id: uuid.UUID
    family_name: str
    given_names: str
    birth_date: date
    birth_date_precision: str
    birth_place: str
    sex: str
    nationality: str
    languages: tuple[str, ...]
    letter_language: str
    interpreter_needed: bool
    interpreter_language: str
    street: str
    postal_code: str
    city: str
    municipality: str
    phone: str
    email: str
    legal_status: str
    status_document: str
    document_number: str
    document_valid_until: date | None
    permit_date: date | None
    bamf_file_number: str
    azr_number: str
    employable: bool | None
    unaccompanied_minor: bool
    household_role: str
    note: str
    names: tuple[DemoName, ...]
    visits: tuple[DemoVisit, ...] = ()

    @property
    def age(self) -> int:
        """Age in whole years on the reference date."""
        born = self.birth_date
        had_birthday = (REFERENCE_DATE.month, REFERENCE_DATE.day) >= (born.month, born.day)
        return REFERENCE_DATE.year - born.year - (0 if had_birthday else 1)


@dataclass(frozen=True)
class DemoHousehold:
    """A household (``id`` None: an unaccompanied minor, who lives in no household)."""

    index: int
    id: uuid.UUID | None
    label: str
    members: tuple[DemoPerson, ...]


def generate_households(count_persons: int, seed: int = DEFAULT_SEED) -> list[DemoHousehold]:
    """Households holding exactly ``count_persons`` persons; the last one may be cut short
    and is completed by a larger count."""
    households: list[DemoHousehold] = []
    remaining = count_persons
    while remaining > 0:
        household = generate_household(len(households), seed)
        if len(household.members) > remaining:
            household = replace(household, members=household.members[:remaining])
        households.append(household)
        remaining -= len(household.members)
    return households


def generate_household(index: int, seed: int = DEFAULT_SEED) -> DemoHousehold:
    rng = random.Random(f"{seed}-{index}")
    home = _home(rng, _plan(rng, index))
    members = [_person(rng, home, position, *member)
               for position, member in enumerate(_composition(rng, home))]
    members = _with_visits(rng, home, members)
    members = _with_letters(random.Random(f"{seed}-{index}-letters"), index, home, members)
    if home.plan.unaccompanied:
        return DemoHousehold(index, None, "", tuple(members))
    return DemoHousehold(index, _uuid7(rng, home.registered_at),
                         _label(members[0], len(members)), tuple(members))


# --- who, from where, living where ----------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    origin: Origin
    status: LegalStatus
    nationality: str
    municipality: str
    unaccompanied: bool


# The first households show every status, nationality case and the unaccompanied minor, so
# that even a small demo contains all of them; later ones are drawn by weight.
_SHOWCASE: tuple[tuple[str, LegalStatus, str, bool], ...] = (
    ("ukraine", LegalStatus.TEMPORARY_PROTECTION, "", False),
    ("syria_arab", LegalStatus.PROTECTED, "", False),
    ("afghanistan_dari", LegalStatus.ASYLUM_SEEKER, "", False),
    ("iraq_kurdish", LegalStatus.TOLERATED, "", False),
    ("syria_arab", LegalStatus.HUMANITARIAN_25_5, STATELESS, False),
    ("romania", LegalStatus.EU_CITIZEN, "", False),
    ("kosovo", LegalStatus.OTHER_PERMIT, "", False),
    ("iran", LegalStatus.SETTLED, "", False),
    ("somalia", LegalStatus.UNKNOWN, NATIONALITY_UNCLEAR, False),
    ("afghanistan_pashto", LegalStatus.ASYLUM_SEEKER, "", True),
    ("ukraine", LegalStatus.TEMPORARY_PROTECTION, "", False),
    ("eritrea", LegalStatus.PROTECTED, "", False),
)


def _plan(rng: random.Random, index: int) -> _Plan:
    if index < len(_SHOWCASE):
        key, status, nationality, unaccompanied = _SHOWCASE[index]
        origin = ORIGINS_BY_KEY[key]
    else:
        unaccompanied = rng.random() < 0.04
        if unaccompanied:
            origin = ORIGINS_BY_KEY[rng.choice(UNACCOMPANIED_ORIGINS)]
            status = _weighted(rng, ((LegalStatus.ASYLUM_SEEKER, 6), (LegalStatus.UNKNOWN, 3),
                                     (LegalStatus.TOLERATED, 1)))
        else:
            origin = _weighted(rng, ((origin, origin.weight) for origin in ORIGINS))
            status = _weighted(rng, origin.statuses)
        nationality = ""
    municipality = (MUNICIPALITIES[index] if index < len(MUNICIPALITIES)
                    else _weighted(rng, MUNICIPALITY_WEIGHTS.items()))
    return _Plan(origin, status, nationality or _weighted(rng, origin.nationalities),
                 municipality, unaccompanied)


@dataclass(frozen=True)
class _Home:
    """What the members of a household share."""

    plan: _Plan
    arrival: date
    registered_at: datetime
    street: str
    postal_code: str
    family: NameForms | None
    family_spelling: int  # the transliteration most members' papers use
    bamf_base: int


def _home(rng: random.Random, plan: _Plan) -> _Home:
    arrival = _arrival(rng, plan.origin, plan.status)
    registered = min(arrival + timedelta(days=rng.randrange(60)), REFERENCE_DATE)
    street, postal_code = rng.choice(STREETS[plan.municipality])
    number = f"{rng.randint(1, 140)}{rng.choice(('', '', '', '', 'a', 'b'))}"
    family = None
    if rng.random() >= plan.origin.without_family_name:
        family = rng.choice(plan.origin.family)
    spelling = _spelled(rng, [family] if family else [])
    return _Home(plan, arrival, _office_time(rng, registered), f"{street} {number}",
                 postal_code, family, spelling[0] if spelling else 0,
                 rng.randrange(5_000_000, 9_900_000))


def _arrival(rng: random.Random, origin: Origin, status: LegalStatus) -> date:
    first, last = origin.arrival
    if status is LegalStatus.ASYLUM_SEEKER:
        first = max(first, 2023)  # a procedure still open
    elif status is LegalStatus.SETTLED:
        last = min(last, 2019)  # a Niederlassungserlaubnis takes years
    first = min(first, last)
    start = date(first, 3, 1) if first == 2022 else date(first, 1, 1)
    end = min(date(last, 12, 31), REFERENCE_DATE - timedelta(days=30))
    # More people arrived early than late: skew towards the start.
    return start + timedelta(days=int((end - start).days * rng.random() ** 2))


_Member = tuple[str, str, int]  # household role, sex, age in years


def _composition(rng: random.Random, home: _Home) -> list[_Member]:
    if home.plan.unaccompanied:
        return [("", _sex(rng, 0.15), rng.randint(14, 17))]
    size = _weighted(rng, ((1, 35), (2, 12), (3, 13), (4, 15), (5, 12), (6, 7), (7, 4),
                           (8, 2)))
    ukrainian = home.plan.origin.key == "ukraine"
    head_sex = _sex(rng, (0.65 if ukrainian else 0.2) if size > 1 else 0.25)
    head_age = _head_age(rng, size)
    members: list[_Member] = [(HouseholdRole.HEAD.value, head_sex, head_age)]
    # Ukrainian men of military age mostly stayed; their wives came with the children.
    husband_stayed = ukrainian and head_sex == Sex.FEMALE
    if size > 1 and rng.random() < (0.3 if husband_stayed else 0.85):
        members.append(_spouse(rng, head_sex, head_age))
    members += _relatives(rng, size - len(members), members)
    return members


def _head_age(rng: random.Random, size: int) -> int:
    if size == 1:
        return 62 + rng.randrange(20) if rng.random() < 0.05 else 18 + int(40 * rng.random() ** 2)
    return 22 + int(40 * rng.random() ** 1.5)


def _spouse(rng: random.Random, head_sex: str, head_age: int) -> _Member:
    opposite = {Sex.MALE.value: Sex.FEMALE.value, Sex.FEMALE.value: Sex.MALE.value}
    sex = opposite.get(head_sex) or _sex(rng, 0.5)
    offset = rng.randint(-9, 3) if sex == Sex.FEMALE else rng.randint(-3, 9)
    return (HouseholdRole.SPOUSE.value, sex, max(18, head_age + offset))


def _relatives(rng: random.Random, count: int, adults: Sequence[_Member]) -> list[_Member]:
    youngest_parent = min(age for _, _, age in adults)
    oldest_child = min(youngest_parent - 17, 25)
    head_age = adults[0][2]
    children: list[_Member] = []
    others: list[_Member] = []
    for _ in range(count):
        draw = rng.random()
        if draw < 0.1 and head_age >= 28:
            others.append((HouseholdRole.PARENT.value, _sex(rng, 0.6),
                           min(92, head_age + rng.randint(20, 32))))
        elif draw < 0.16 or oldest_child < 0:
            others.append((HouseholdRole.SIBLING.value, _sex(rng, 0.5),
                           max(14, head_age + rng.randint(-10, 10))))
        elif draw < 0.18:
            others.append((HouseholdRole.OTHER.value, _sex(rng, 0.5), rng.randint(8, 40)))
        else:
            children.append((HouseholdRole.CHILD.value, _sex(rng, 0.49),
                             rng.randint(0, oldest_child)))
    children.sort(key=lambda member: -member[2])
    return [*children, *others]


def _sex(rng: random.Random, female_share: float) -> str:
    draw = rng.random()
    if draw < 0.003:
        return Sex.DIVERSE.value
    if draw < 0.008:
        return Sex.UNKNOWN.value
    return (Sex.FEMALE if rng.random() < female_share else Sex.MALE).value


# --- one person -----------------------------------------------------------------------------


def _person(rng: random.Random, home: _Home, position: int, role: str, sex: str,
            age: int) -> DemoPerson:
    plan, origin = home.plan, home.plan.origin
    female = sex == Sex.FEMALE or (sex not in (Sex.MALE, Sex.FEMALE) and rng.random() < 0.5)
    born = _raw_birth_date(rng, age)
    born_here = born > home.arrival
    birth_date, precision = _birth_date(rng, born, origin, born_here)
    status = _member_status(rng, plan.status, role, born_here)
    spoken = _languages(rng, origin, age, born_here, (REFERENCE_DATE - home.arrival).days // 365)
    interpreter = _interpreter(rng, spoken, age)
    person_id = _uuid7(rng, home.registered_at + timedelta(milliseconds=position))
    naming = _naming(rng, home, role, female)
    papers = status_papers(rng, status, nationality=home.plan.nationality,
                           bamf_number=home.bamf_base + position,
                           entered=max(home.arrival, born), age=age)
    return DemoPerson(
        id=person_id, family_name=naming.family_name, given_names=naming.given_names,
        birth_date=birth_date, birth_date_precision=precision,
        birth_place=_birth_place(rng, origin, born_here), sex=sex, nationality=plan.nationality,
        languages=tuple(spoken), letter_language=_letter_language(rng, spoken, age),
        interpreter_needed=bool(interpreter), interpreter_language=interpreter,
        street=home.street, postal_code=home.postal_code, city=plan.municipality,
        municipality=plan.municipality, phone=_phone(rng, age),
        email=_email(rng, age, naming.given_names, naming.family_name),
        **papers._asdict(), employable=_employable(rng, age),
        unaccompanied_minor=plan.unaccompanied, household_role=role,
        note=UNACCOMPANIED_NOTE if plan.unaccompanied else "", names=naming.others,
    )


def _member_status(rng: random.Random, status: LegalStatus, role: str,
                   born_here: bool) -> LegalStatus:
    # Family reunification: the spouse of a recognised refugee often holds a family permit.
    if role == HouseholdRole.SPOUSE and status in (LegalStatus.PROTECTED, LegalStatus.SETTLED):
        return LegalStatus.OTHER_PERMIT if rng.random() < 0.2 else status
    if born_here and status is LegalStatus.SETTLED:
        return LegalStatus.OTHER_PERMIT
    return status


def _raw_birth_date(rng: random.Random, age: int) -> date:
    latest = date(REFERENCE_DATE.year - age, REFERENCE_DATE.month, REFERENCE_DATE.day)
    return latest - timedelta(days=rng.randrange(365))


def _birth_date(rng: random.Random, born: date, origin: Origin,
                born_here: bool) -> tuple[date, str]:
    """What the papers say: children born here have exact dates; the others sometimes only
    a year, a month, or the "01.01." an office filled in when the day was unknown."""
    if born_here:
        return born, DatePrecision.DAY.value
    draw = rng.random()
    if draw < origin.placeholder_birth_dates:
        return date(born.year, 1, 1), DatePrecision.DAY.value
    draw -= origin.placeholder_birth_dates
    if draw < 0.04:
        return date(born.year, born.month, 1), DatePrecision.MONTH.value
    if draw < 0.10:
        return date(born.year, 1, 1), DatePrecision.YEAR.value
    return born, DatePrecision.DAY.value


def _birth_place(rng: random.Random, origin: Origin, born_here: bool) -> str:
    if born_here:
        return rng.choice(GERMAN_BIRTH_PLACES)
    return "" if rng.random() < 0.05 else rng.choice(origin.birth_places)


# --- names ----------------------------------------------------------------------------------


class _Naming(NamedTuple):
    family_name: str
    given_names: str
    others: tuple[DemoName, ...]  # other transliterations, the original script


def _naming(rng: random.Random, home: _Home, role: str, female: bool) -> _Naming:
    origin = home.plan.origin
    given_forms = _given_forms(rng, origin, female, without_family=home.family is None)
    family_forms = _family_forms(rng, home, role, female)
    given, family = _spelled(rng, given_forms), _spelled(rng, family_forms)
    if family and rng.random() < 0.9:  # the odd member's papers spell the name differently
        family = [min(home.family_spelling, len(family_forms[0].latin) - 1)]
    others = _other_names(rng, origin, home.registered_at, given_forms, given, family_forms,
                          family)
    return _Naming(_join(family_forms, family), _join(given_forms, given), others)


def _given_forms(rng: random.Random, origin: Origin, female: bool, *,
                 without_family: bool) -> list[NameForms]:
    pool = origin.female if female else origin.male
    count = _weighted(rng, ((1, 4), (2, 6), (3, 1)) if without_family
                      else ((1, 14), (2, 5), (3, 1)))
    return rng.sample(pool, min(count, len(pool)))


def _family_forms(rng: random.Random, home: _Home, role: str,
                  female: bool) -> list[NameForms]:
    if home.family is None:
        return []
    origin = home.plan.origin
    own_name = role == HouseholdRole.OTHER or (
        origin.spouse_keeps_name and female
        and role in (HouseholdRole.SPOUSE, HouseholdRole.PARENT))
    family = rng.choice(origin.family) if own_name else home.family
    return [family.for_sex(female)]


def _spelled(rng: random.Random, forms: Sequence[NameForms]) -> list[int]:
    """Which transliteration each part uses: mostly the common one."""
    return [0 if rng.random() < 0.55 else rng.randrange(len(form.latin)) for form in forms]


def _join(forms: Sequence[NameForms], spelling: Sequence[int]) -> str:
    return " ".join(form.latin[index] for form, index in zip(forms, spelling, strict=True))


def _other_names(rng: random.Random, origin: Origin, at: datetime,
                 given_forms: Sequence[NameForms], given: Sequence[int],
                 family_forms: Sequence[NameForms], family: Sequence[int]) -> tuple[DemoName, ...]:
    main = (_join(family_forms, family), _join(given_forms, given))
    found: list[DemoName] = []
    if rng.random() < 0.4:
        other = (_join(family_forms, _respelled(rng, family_forms, family)),
                 _join(given_forms, _respelled(rng, given_forms, given)))
        if other != main:
            found.append(DemoName(_uuid7(rng, at), "variant", "Latn", *other))
    parts = [*given_forms, *family_forms]
    if rng.random() < 0.6 and all(form.original for form in parts):
        original = (" ".join(form.original for form in family_forms),
                    " ".join(form.original for form in given_forms))
        if original != main:
            found.append(DemoName(_uuid7(rng, at), "original", origin.script, *original))
    return tuple(found)


def _respelled(rng: random.Random, forms: Sequence[NameForms],
               spelling: Sequence[int]) -> list[int]:
    return [rng.choice([i for i in range(len(form.latin)) if i != current] or [current])
            for form, current in zip(forms, spelling, strict=True)]


def _label(head: DemoPerson, size: int) -> str:
    if head.family_name and size > 1:
        return f"Familie {head.family_name}"
    return f"Haushalt {head.given_names} {head.family_name}".strip()


# --- languages, contact, work ---------------------------------------------------------------


def _languages(rng: random.Random, origin: Origin, age: int, born_here: bool,
               years_here: int) -> list[str]:
    spoken = [code for code, share in origin.languages if share >= 1 or rng.random() < share]
    if age < 4:
        return spoken[:1]
    if (born_here or rng.random() < min(0.85, years_here * 0.12)) and "de" not in spoken:
        spoken.append("de")
    return spoken


def _letter_language(rng: random.Random, spoken: Sequence[str], age: int) -> str:
    if "de" in spoken and age >= 16 and rng.random() < 0.5:
        return "de"
    return next((code for code in spoken if code in LETTER_LANGUAGES), "de")


def _interpreter(rng: random.Random, spoken: Sequence[str], age: int) -> str:
    """The interpreter language, or "" when none is needed (children come with parents)."""
    if age < 16 or "de" in spoken or spoken[0] == "en":
        return ""
    return spoken[0] if rng.random() < (0.5 if "en" in spoken else 0.9) else ""


def _employable(rng: random.Random, age: int) -> bool | None:
    if age < 15:
        return None
    if age < 18:  # usually still at school; assessed when it matters
        return True if rng.random() < 0.5 else None
    if age >= 67:
        return False if rng.random() < 0.8 else None
    return _weighted(rng, ((True, 75), (False, 8), (None, 17)))


def _phone(rng: random.Random, age: int) -> str:
    if age < 16 or rng.random() < 0.4:
        return ""
    prefix = rng.choice(("151", "152", "157", "160", "162", "163", "170", "172", "176", "178"))
    return f"0{prefix} {rng.randrange(1_000_000, 99_999_999)}"


def _email(rng: random.Random, age: int, given: str, family: str) -> str:
    if age < 16 or rng.random() < 0.85:
        return ""
    local = ".".join(_ascii(part) for part in (given.split(" ")[0], family) if part)
    return f"{local}{rng.randrange(1, 99)}@example.org"  # reserved domain: never delivered


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


# --- visits ---------------------------------------------------------------------------------

_ASYLBLG = (LegalStatus.ASYLUM_SEEKER, LegalStatus.TOLERATED, LegalStatus.HUMANITARIAN_25_5)
_ADULT_CONCERNS = {
    "asylblg": (C.BENEFITS, C.RESIDENCE, C.HOUSING, C.HEALTH, C.WORK, C.INTEGRATION_COURSE,
                C.SOCIAL_PARTICIPATION),
    "sgb2": (C.BENEFITS, C.WORK, C.INTEGRATION_COURSE, C.JOB_LANGUAGE_COURSE,
             C.RECOGNITION_VOCATIONAL, C.RECOGNITION_SCHOOL, C.HOUSING, C.VOLUNTEERING),
    "eu": (C.WORK, C.BENEFITS, C.INTEGRATION_COURSE, C.RECOGNITION_VOCATIONAL, C.HOUSING),
    "unknown": (C.RESIDENCE, C.BENEFITS, C.HEALTH, C.HOUSING),
    "young": (C.TRAINING, C.RECOGNITION_SCHOOL, C.WORK, C.INTEGRATION_COURSE),
    "senior": (C.HEALTH, C.BENEFITS, C.SOCIAL_PARTICIPATION, C.VOLUNTEERING),
    "minor": (C.SCHOOL, C.TRAINING, C.RESIDENCE, C.HEALTH),
}
_NOTES = {
    C.BENEFITS: "Antrag gestellt, Bescheid steht aus", C.WORK: "Sucht Arbeit als Elektriker",
    C.TRAINING: "Interesse an einer Ausbildung im Handwerk",
    C.INTEGRATION_COURSE: "Berechtigungsschein liegt vor",
    C.JOB_LANGUAGE_COURSE: "B1 bestanden, möchte Berufssprachkurs B2",
    C.RECOGNITION_VOCATIONAL: "Abschluss als Krankenpfleger im Herkunftsland",
    C.RECOGNITION_SCHOOL: "Abiturzeugnis aus dem Herkunftsland",
    C.SCHOOL: "Schulplatz gesucht", C.CHILDCARE_FAMILY: "Kita-Platz gesucht",
    C.RESIDENCE: "Aufenthaltsdokument läuft bald ab", C.HOUSING: "Sucht eine Wohnung",
    C.VOLUNTEERING: "Möchte sich ehrenamtlich engagieren",
    C.SOCIAL_PARTICIPATION: "Sucht Beratung und Kontakte", C.HEALTH: "Braucht einen Arzttermin",
}


def _with_visits(rng: random.Random, home: _Home,
                 members: list[DemoPerson]) -> list[DemoPerson]:
    """Give about a third of the households one or two visits of their first member, with
    concerns of the members who came along; each visit is stored with the last member it
    names, so that a household cut short never points at a person not stored yet."""
    if rng.random() >= 0.3:
        return members
    owned: dict[int, list[DemoVisit]] = {}
    for _ in range(1 if rng.random() < 0.8 else 2):
        visit, owner = _visit(rng, home, members)
        owned.setdefault(owner, []).append(visit)
    return [replace(person, visits=tuple(owned.get(position, ())))
            for position, person in enumerate(members)]


def _visit(rng: random.Random, home: _Home,
           members: Sequence[DemoPerson]) -> tuple[DemoVisit, int]:
    visitor = members[0]
    span = max(1, (REFERENCE_DATE - home.registered_at.date()).days)
    at = _office_time(rng, home.registered_at.date() + timedelta(days=rng.randrange(span)))
    codes = rng.sample(_concern_choices(visitor, home.plan.status), rng.randint(1, 2))
    wanted = [(0, code) for code in codes]
    for position, member in enumerate(members[1:], start=1):
        if member.age < 18 and rng.random() < 0.35:
            wanted.append((position, C.CHILDCARE_FAMILY if member.age < 6 else C.SCHOOL))
    return _visit_of(rng, members, at, wanted), max(position for position, _ in wanted)


def _visit_of(rng: random.Random, members: Sequence[DemoPerson], at: datetime,
              wanted: Sequence[tuple[int, C]]) -> DemoVisit:
    """A visit of the first member with the concerns (member position, code) wanted."""
    visitor = members[0]
    concerns = tuple(
        DemoConcern(_uuid7(rng, at), members[position].id, code.value,
                    _NOTES[code] if rng.random() < 0.5 else "")
        for position, code in wanted)
    return DemoVisit(_uuid7(rng, at), visitor.id, at, visitor.interpreter_needed,
                     visitor.interpreter_language, concerns)


def _with_letters(rng: random.Random, index: int, home: _Home,
                  members: list[DemoPerson]) -> list[DemoPerson]:
    """The household's tour visit (see app.demo.referrals), stored with the last member it
    names, and a referral for every concern of every visit."""
    wanted = tour_concerns(index, members)
    tour = None
    if wanted:
        members[0] = replace(members[0], letter_language=tour_language(index, members[0]))
        day = max(home.registered_at.date(), REFERENCE_DATE - timedelta(days=rng.randint(1, 20)))
        tour = _visit_of(rng, members, _office_time(rng, day), wanted)
        owner = max(position for position, _ in wanted)
        members[owner] = replace(members[owner], visits=(*members[owner].visits, tour))
    status, adult = home.plan.status, bool(members) and members[0].age >= 15
    languages = {person.id: person.letter_language for person in members}
    return [replace(person, visits=tuple(
        replace(visit, referrals=referrals_for(rng, _uuid7, visit, index, status, languages,
                                               tour=visit is tour, may_consent=adult))
        for visit in person.visits)) for person in members]


def _concern_choices(person: DemoPerson, status: LegalStatus) -> tuple[C, ...]:
    if person.age < 18:
        return _ADULT_CONCERNS["minor"]
    if person.age >= 67:
        return _ADULT_CONCERNS["senior"]
    if person.age <= 25 and person.legal_status != LegalStatus.UNKNOWN:
        return _ADULT_CONCERNS["young"]
    if status in _ASYLBLG:
        return _ADULT_CONCERNS["asylblg"]
    if status is LegalStatus.EU_CITIZEN:
        return _ADULT_CONCERNS["eu"]
    return _ADULT_CONCERNS["unknown" if status is LegalStatus.UNKNOWN else "sgb2"]


# --- helpers --------------------------------------------------------------------------------


def _office_time(rng: random.Random, day: date) -> datetime:
    """A moment during opening hours (stored in UTC; 7–14 UTC is 8–15 or 9–16 in Neuss)."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    minute = rng.randrange(7 * 60, 14 * 60)
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=UTC)


def _uuid7(rng: random.Random, at: datetime) -> uuid.UUID:
    """A UUIDv7 whose time part is ``at`` and whose random part comes from ``rng``, so the
    same household always yields the same ids."""
    millis = int(at.timestamp() * 1000) & ((1 << 48) - 1)
    value = (millis << 80) | rng.getrandbits(80)
    value = (value & ~(0xF << 76)) | _UUID_VERSION_7
    value = (value & ~(0x3 << 62)) | _UUID_VARIANT_RFC
    return uuid.UUID(int=value)


def _weighted(rng: random.Random, pairs: Iterable[tuple[T, int]]) -> T:
    listed = list(pairs)
    return rng.choices([value for value, _ in listed], [weight for _, weight in listed])[0]
