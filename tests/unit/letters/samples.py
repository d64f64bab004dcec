"""Letters for tests, screenshots and the benchmark: a Syrian family (محمد الحسن), a
Ukrainian woman in Cyrillic, Afghan, Iranian, Turkish, English- and Russian-speaking persons.

Every function returns plain values from app.letters.model; keyword arguments replace
fields, so a test changes only what it is about.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from app.letters.model import (
    BirthDate,
    ConsentForm,
    Contact,
    DataCategory,
    HouseholdMember,
    Identity,
    Languages,
    Letterhead,
    PersonData,
    PostalAddress,
    ReferralLetter,
    Residence,
    RouteSheet,
    RouteStation,
    TransferBasis,
)

ISSUED_ON = date(2026, 3, 12)
REFERENCE = "NE-2-2026-000417-3"

INTEGRATION_POINT = PostalAddress(
    name="Integration Point Rhein-Kreis Neuss", department="Empfang / Erstberatung",
    street="Karl-Arnold-Str. 20", postal_code="41460", city="Neuss", phone="02131 9263-100",
    email="integrationpoint@neuss.example", website="www.ip-neuss.example",
    opening_hours="Mo–Fr 8:00–12:30, Do 14:00–17:00")
SENDER = Letterhead(INTEGRATION_POINT)

JOBCENTER = PostalAddress(
    name="Jobcenter Rhein-Kreis Neuss", department="Geschäftsstelle Neuss",
    street="Karl-Arnold-Str. 20", postal_code="41460", city="Neuss", phone="02131 9263-0",
    email="jobcenter-rhein-kreis-neuss@jobcenter-ge.example",
    opening_hours="Mo–Fr 8:00–12:30, Do 14:00–17:00")
AUSLAENDERBEHOERDE = PostalAddress(
    name="Kreis-Ausländerbehörde Rhein-Kreis Neuss", street="Lindenstraße 10",
    postal_code="41515", city="Grevenbroich", phone="02181 601-0",
    opening_hours="Mo, Di, Do 8:00–12:00, Do 14:00–17:00 – nur mit Termin")
JUGENDAMT = PostalAddress(
    name="Jugendamt der Stadt Neuss", street="Michaelstraße 50", postal_code="41460",
    city="Neuss", phone="02131 90-5101", opening_hours="Mo–Do 8:30–15:30, Fr 8:30–12:00")
KI = PostalAddress(
    name="Kommunales Integrationszentrum Rhein-Kreis Neuss", street="Oberstraße 91",
    postal_code="41460", city="Neuss", phone="02131 928-7500")
NO_HOURS = PostalAddress(name="IQ Anerkennungsberatung Düsseldorf", street="Kölner Str. 1",
                         postal_code="40211", city="Düsseldorf", phone="0211 123456")
NO_HOURS_NO_PHONE = dataclasses.replace(NO_HOURS, phone="")

AL_HASSAN = Identity("Al-Hassan", "Mohammed", "محمد الحسن", BirthDate(date(1985, 1, 1), "year"))
AL_HASSAN_HOUSEHOLD = (
    HouseholdMember("Fatima Al-Hassan (فاطمة الحسن)", "spouse", BirthDate(date(1988, 5, 3))),
    HouseholdMember("Omar Al-Hassan (عمر الحسن)", "child", BirthDate(date(2012, 9, 1))),
    HouseholdMember("Lina Al-Hassan (لينا الحسن)", "child", BirthDate(date(2019, 2, 14))),
)

# One person per letter language: (identity, letter language, spoken languages).
PERSONS: dict[str, tuple[Identity, tuple[str, ...]]] = {
    "de": (Identity("Schmidt", "Anna", "", BirthDate(date(1990, 6, 1))), ("de",)),
    "en": (Identity("Okafor", "Grace", "", BirthDate(date(1993, 7, 21))), ("en",)),
    "ar": (AL_HASSAN, ("ar",)),
    "fa": (Identity("Rezaei", "Maryam", "مریم رضایی", BirthDate(date(1991, 3, 21))), ("fa",)),
    "fa-AF": (Identity("Ahmadi", "Gul Ahmad", "گل احمد احمدی",
                       BirthDate(date(1979, 1, 1), "year")), ("fa", "ps")),
    "uk": (Identity("Kovalenko", "Olena", "Олена Коваленко", BirthDate(date(1987, 11, 2))),
           ("uk", "ru")),
    "tr": (Identity("Yılmaz", "Ayşe", "", BirthDate(date(1996, 4, 9))), ("tr", "ku")),
    "ru": (Identity("Ivanov", "Sergej", "Сергей Иванов", BirthDate(date(1975, 8, 30), "month")),
           ("ru",)),
}
LANGUAGES = tuple(PERSONS)
# Somali has no letter catalog yet: the person's part prints in German.
PERSONS["so"] = (Identity("Warsame", "Hodan", "", BirthDate(date(2001, 1, 1), "year")), ("so",))


def person(language: str = "ar", **changes: Any) -> PersonData:
    identity, spoken = PERSONS[language]
    data = PersonData(
        identity=identity,
        contact=Contact("Am Obertor 12", "41460", "Neuss", "0176 12345678",
                        "m.alhassan@example.org" if language == "ar" else ""),
        residence=Residence("protected", "Aufenthaltserlaubnis §25 Abs. 2", "Y12345678",
                            date(2027, 5, 31), "8123456-475", "AZR-0012345678"),
        languages=Languages(spoken, "" if language in ("de", "en") else spoken[0]),
        household=AL_HASSAN_HOUSEHOLD if language == "ar" else (),
    )
    return dataclasses.replace(data, **changes)


def referral(language: str = "ar", **changes: Any) -> ReferralLetter:
    letter = ReferralLetter(
        reference=REFERENCE, issued_on=ISSUED_ON, sender=SENDER, staff_name="Petra Schneider",
        recipient=JOBCENTER, agency_kind="jobcenter", concern="benefits",
        concern_note="Familie seit Februar in Neuss, bisher keine Leistungen beantragt.",
        reason="Schutzberechtigte erhalten Bürgergeld vom Jobcenter (SGB II).",
        legal_basis="§ 7 SGB II", person=person(language),
        basis=TransferBasis(consented=(DataCategory.CONTACT, DataCategory.LANGUAGE,
                                       DataCategory.HOUSEHOLD, DataCategory.CONCERN),
                            consent_given_on=ISSUED_ON,
                            by_law=(DataCategory.IDENTITY, DataCategory.RESIDENCE),
                            legal_basis="§ 69 Abs. 1 Nr. 1 SGB X"),
        language=language, appointment=datetime(2026, 3, 19, 9, 30),
        appointment_note="Eingangszone, Erdgeschoss",
        documents=("Pass oder Passersatz", "Aufenthaltstitel", "Mietvertrag",
                   "Kontoauszüge der letzten drei Monate", "Geburtsurkunden der Kinder"))
    return dataclasses.replace(letter, **changes)


def consent_form(language: str = "ar", **changes: Any) -> ConsentForm:
    identity, _ = PERSONS[language]
    form = ConsentForm(
        reference=REFERENCE, issued_on=ISSUED_ON, sender=SENDER, staff_name="Petra Schneider",
        recipient=JOBCENTER, agency_kind="jobcenter", concerns=("benefits", "housing"),
        person_name=f"{identity.given_names} {identity.family_name}",
        original_name=identity.original_name, birth_date=identity.birth_date,
        language=language)
    return dataclasses.replace(form, **changes)


def route_sheet(language: str = "ar", **changes: Any) -> RouteSheet:
    stations = (
        RouteStation(JOBCENTER, "jobcenter", (REFERENCE, "NE-2-2026-000418-1"),
                     ("Mohammed Al-Hassan", "Fatima Al-Hassan"), ("benefits", "housing"),
                     datetime(2026, 3, 19, 9, 30), "Eingangszone",
                     ("Pass oder Passersatz", "Mietvertrag")),
        RouteStation(AUSLAENDERBEHOERDE, "auslaenderbehoerde", ("NE-2-2026-000419-8",),
                     ("Mohammed Al-Hassan",), ("residence",),
                     documents=("aktuelles Aufenthaltsdokument", "biometrisches Passfoto")),
        RouteStation(JUGENDAMT, "jugendamt", ("NE-2-2026-000420-5",),
                     ("Omar Al-Hassan (عمر الحسن)", "Lina Al-Hassan"), ("childcare_family",),
                     documents=("Geburtsurkunden der Kinder",)),
        RouteStation(KI, "kommunales_integrationszentrum", ("NE-2-2026-000421-2",),
                     ("Omar Al-Hassan",), ("school",),
                     documents=("letzte Schulzeugnisse", "Impfnachweis (Masern) für Schulkinder")),
    )
    sheet = RouteSheet(reference=REFERENCE, issued_on=ISSUED_ON, sender=SENDER,
                       staff_name="Petra Schneider",
                       person_name="Mohammed Al-Hassan (محمد الحسن)", stations=stations,
                       language=language)
    return dataclasses.replace(sheet, **changes)
