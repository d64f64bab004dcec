"""The vocabulary of DOMAIN.md: codes used in code, data files and the CLI, with German labels.

Codes are stored as plain strings so that a change in the law (a new status, a new agency
kind) is a data change; these enums are the list the program knows and checks input against.
"""

from __future__ import annotations

from enum import StrEnum

from app.i18n import _


class LegalStatus(StrEnum):
    ASYLUM_SEEKER = "asylum_seeker"
    TOLERATED = "tolerated"
    PROTECTED = "protected"
    HUMANITARIAN_25_5 = "humanitarian_25_5"
    TEMPORARY_PROTECTION = "temporary_protection"
    EU_CITIZEN = "eu_citizen"
    OTHER_PERMIT = "other_permit"
    SETTLED = "settled"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return _(_LEGAL_STATUS_LABELS[self])


_LEGAL_STATUS_LABELS = {
    LegalStatus.ASYLUM_SEEKER: "Asylsuchende/r im Verfahren",
    LegalStatus.TOLERATED: "Geduldet",
    LegalStatus.PROTECTED: "Schutzberechtigt",
    LegalStatus.HUMANITARIAN_25_5: "Aufenthaltserlaubnis §25 Abs. 5",
    LegalStatus.TEMPORARY_PROTECTION: "Vorübergehender Schutz (§24)",
    LegalStatus.EU_CITIZEN: "Unionsbürger/in",
    LegalStatus.OTHER_PERMIT: "Sonstiger Aufenthaltstitel",
    LegalStatus.SETTLED: "Niederlassungserlaubnis / Daueraufenthalt-EU",
    LegalStatus.UNKNOWN: "Ungeklärt",
}

# The document a status typically comes with (DOMAIN.md section 2).
STATUS_DOCUMENTS = {
    LegalStatus.ASYLUM_SEEKER: "Aufenthaltsgestattung",
    LegalStatus.TOLERATED: "Duldung",
    LegalStatus.PROTECTED: "Aufenthaltserlaubnis §25 Abs. 1–3",
    LegalStatus.HUMANITARIAN_25_5: "Aufenthaltserlaubnis §25 Abs. 5",
    LegalStatus.TEMPORARY_PROTECTION: "Aufenthaltserlaubnis §24",
    LegalStatus.EU_CITIZEN: "Pass/Personalausweis",
    LegalStatus.OTHER_PERMIT: "Aufenthaltstitel",
    LegalStatus.SETTLED: "Niederlassungserlaubnis",
    LegalStatus.UNKNOWN: "",
}


class Concern(StrEnum):
    BENEFITS = "benefits"
    WORK = "work"
    TRAINING = "training"
    INTEGRATION_COURSE = "integration_course"
    JOB_LANGUAGE_COURSE = "job_language_course"
    RECOGNITION_VOCATIONAL = "recognition_vocational"
    RECOGNITION_SCHOOL = "recognition_school"
    SCHOOL = "school"
    CHILDCARE_FAMILY = "childcare_family"
    RESIDENCE = "residence"
    HOUSING = "housing"
    VOLUNTEERING = "volunteering"
    SOCIAL_PARTICIPATION = "social_participation"
    HEALTH = "health"

    @property
    def label(self) -> str:
        return _(_CONCERN_LABELS[self])


_CONCERN_LABELS = {
    Concern.BENEFITS: "Lebensunterhalt",
    Concern.WORK: "Arbeit/Vermittlung",
    Concern.TRAINING: "Ausbildung",
    Concern.INTEGRATION_COURSE: "Integrationskurs",
    Concern.JOB_LANGUAGE_COURSE: "Berufssprachkurs",
    Concern.RECOGNITION_VOCATIONAL: "Anerkennung Berufsabschluss",
    Concern.RECOGNITION_SCHOOL: "Anerkennung Schulabschluss",
    Concern.SCHOOL: "Schule",
    Concern.CHILDCARE_FAMILY: "Kita/Familie",
    Concern.RESIDENCE: "Aufenthalt",
    Concern.HOUSING: "Wohnen",
    Concern.VOLUNTEERING: "Ehrenamt",
    Concern.SOCIAL_PARTICIPATION: "Zusammenleben/Beratung",
    Concern.HEALTH: "Gesundheit",
}


class AgencyKind(StrEnum):
    JOBCENTER = "jobcenter"
    AGENTUR_FUER_ARBEIT = "agentur_fuer_arbeit"
    AUSLAENDERBEHOERDE = "auslaenderbehoerde"
    SOZIALAMT = "sozialamt"
    JUGENDAMT = "jugendamt"
    KOMMUNALES_INTEGRATIONSZENTRUM = "kommunales_integrationszentrum"
    INTEGRATION_COURSE_PROVIDER = "integration_course_provider"
    ANERKENNUNGSBERATUNG = "anerkennungsberatung"
    IHK = "ihk"
    HWK = "hwk"
    BEZIRKSREGIERUNG = "bezirksregierung"
    MIGRATIONSBERATUNG = "migrationsberatung"
    JUGENDMIGRATIONSDIENST = "jugendmigrationsdienst"
    WOHLFAHRTSVERBAND = "wohlfahrtsverband"
    FAMILIENKASSE = "familienkasse"
    SCHULAMT = "schulamt"

    @property
    def label(self) -> str:
        return _(_AGENCY_LABELS[self])


_AGENCY_LABELS = {
    AgencyKind.JOBCENTER: "Jobcenter",
    AgencyKind.AGENTUR_FUER_ARBEIT: "Agentur für Arbeit",
    AgencyKind.AUSLAENDERBEHOERDE: "Ausländerbehörde",
    AgencyKind.SOZIALAMT: "Sozialamt",
    AgencyKind.JUGENDAMT: "Jugendamt",
    AgencyKind.KOMMUNALES_INTEGRATIONSZENTRUM: "Kommunales Integrationszentrum",
    AgencyKind.INTEGRATION_COURSE_PROVIDER: "Integrationskursträger",
    AgencyKind.ANERKENNUNGSBERATUNG: "IQ Anerkennungsberatung",
    AgencyKind.IHK: "Industrie- und Handelskammer",
    AgencyKind.HWK: "Handwerkskammer",
    AgencyKind.BEZIRKSREGIERUNG: "Bezirksregierung",
    AgencyKind.MIGRATIONSBERATUNG: "Migrationsberatung für Erwachsene",
    AgencyKind.JUGENDMIGRATIONSDIENST: "Jugendmigrationsdienst",
    AgencyKind.WOHLFAHRTSVERBAND: "Wohlfahrtsverband",
    AgencyKind.FAMILIENKASSE: "Familienkasse",
    AgencyKind.SCHULAMT: "Schulamt",
}

# The eight municipalities of the demo district, spelled as in DOMAIN.md.
MUNICIPALITIES = (
    "Neuss",
    "Grevenbroich",
    "Dormagen",
    "Meerbusch",
    "Kaarst",
    "Korschenbroich",
    "Jüchen",
    "Rommerskirchen",
)


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    DIVERSE = "diverse"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return _({"female": "weiblich", "male": "männlich", "diverse": "divers",
                  "unknown": "unbekannt"}[self.value])


class DatePrecision(StrEnum):
    """How much of a birth date is known: 'year' means only the year is certain."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class ReferralStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    ISSUED = "issued"
    ARRIVED = "arrived"
    COMPLETED = "completed"
    NOT_REACHED = "not_reached"
    DECLINED = "declined"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _(_REFERRAL_STATUS_LABELS[self])


_REFERRAL_STATUS_LABELS = {
    ReferralStatus.DRAFT: "Entwurf",
    ReferralStatus.APPROVED: "Freigegeben",
    ReferralStatus.ISSUED: "Ausgehändigt",
    ReferralStatus.ARRIVED: "Angekommen",
    ReferralStatus.COMPLETED: "Erledigt",
    ReferralStatus.NOT_REACHED: "Nicht erreicht",
    ReferralStatus.DECLINED: "Abgelehnt",
    ReferralStatus.CANCELLED: "Storniert",
}


class Role(StrEnum):
    FRONT_DESK = "front_desk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _({"front_desk": "Empfang", "supervisor": "Teamleitung",
                  "admin": "Administration"}[self.value])


class HouseholdRole(StrEnum):
    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _({"head": "Haushaltsvorstand", "spouse": "Ehepartner/in", "child": "Kind",
                  "parent": "Elternteil", "sibling": "Geschwister",
                  "other": "Sonstige/r"}[self.value])


# Nationality: ISO 3166-1 alpha-3, plus the ICAO codes for stateless and unclear.
STATELESS = "XXA"
NATIONALITY_UNCLEAR = "XXX"
