"""The vocabulary of DOMAIN.md: codes used in code, data files and the CLI, with German labels.

Codes are stored as plain strings so that a change in the law (a new status, a new agency
kind) is a data change; these enums are the list the program knows and checks input against.
"""

from __future__ import annotations

from enum import StrEnum

from app.i18n import N_, _


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
    LegalStatus.ASYLUM_SEEKER: N_("Asylsuchende/r im Verfahren"),
    LegalStatus.TOLERATED: N_("Geduldet"),
    LegalStatus.PROTECTED: N_("Schutzberechtigt"),
    LegalStatus.HUMANITARIAN_25_5: N_("Aufenthaltserlaubnis §25 Abs. 5"),
    LegalStatus.TEMPORARY_PROTECTION: N_("Vorübergehender Schutz (§24)"),
    LegalStatus.EU_CITIZEN: N_("Unionsbürger/in"),
    LegalStatus.OTHER_PERMIT: N_("Sonstiger Aufenthaltstitel"),
    LegalStatus.SETTLED: N_("Niederlassungserlaubnis / Daueraufenthalt-EU"),
    LegalStatus.UNKNOWN: N_("Ungeklärt"),
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
    Concern.BENEFITS: N_("Lebensunterhalt"),
    Concern.WORK: N_("Arbeit/Vermittlung"),
    Concern.TRAINING: N_("Ausbildung"),
    Concern.INTEGRATION_COURSE: N_("Integrationskurs"),
    Concern.JOB_LANGUAGE_COURSE: N_("Berufssprachkurs"),
    Concern.RECOGNITION_VOCATIONAL: N_("Anerkennung Berufsabschluss"),
    Concern.RECOGNITION_SCHOOL: N_("Anerkennung Schulabschluss"),
    Concern.SCHOOL: N_("Schule"),
    Concern.CHILDCARE_FAMILY: N_("Kita/Familie"),
    Concern.RESIDENCE: N_("Aufenthalt"),
    Concern.HOUSING: N_("Wohnen"),
    Concern.VOLUNTEERING: N_("Ehrenamt"),
    Concern.SOCIAL_PARTICIPATION: N_("Zusammenleben/Beratung"),
    Concern.HEALTH: N_("Gesundheit"),
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
    # Added for the routing matrix: the asylum procedure (residence) and "own health insurer"
    # (health, for everyone outside the AsylbLG group).
    BAMF = "bamf"
    KRANKENKASSE = "krankenkasse"

    @property
    def label(self) -> str:
        return _(_AGENCY_LABELS[self])


_AGENCY_LABELS = {
    AgencyKind.JOBCENTER: N_("Jobcenter"),
    AgencyKind.AGENTUR_FUER_ARBEIT: N_("Agentur für Arbeit"),
    AgencyKind.AUSLAENDERBEHOERDE: N_("Ausländerbehörde"),
    AgencyKind.SOZIALAMT: N_("Sozialamt"),
    AgencyKind.JUGENDAMT: N_("Jugendamt"),
    AgencyKind.KOMMUNALES_INTEGRATIONSZENTRUM: N_("Kommunales Integrationszentrum"),
    AgencyKind.INTEGRATION_COURSE_PROVIDER: N_("Integrationskursträger"),
    AgencyKind.ANERKENNUNGSBERATUNG: N_("IQ Anerkennungsberatung"),
    AgencyKind.IHK: N_("Industrie- und Handelskammer"),
    AgencyKind.HWK: N_("Handwerkskammer"),
    AgencyKind.BEZIRKSREGIERUNG: N_("Bezirksregierung"),
    AgencyKind.MIGRATIONSBERATUNG: N_("Migrationsberatung für Erwachsene"),
    AgencyKind.JUGENDMIGRATIONSDIENST: N_("Jugendmigrationsdienst"),
    AgencyKind.WOHLFAHRTSVERBAND: N_("Wohlfahrtsverband"),
    AgencyKind.FAMILIENKASSE: N_("Familienkasse"),
    AgencyKind.SCHULAMT: N_("Schulamt"),
    AgencyKind.BAMF: N_("Bundesamt für Migration und Flüchtlinge"),
    AgencyKind.KRANKENKASSE: N_("Krankenkasse"),
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
        return _(
            {
                "female": N_("weiblich"),
                "male": N_("männlich"),
                "diverse": N_("divers"),
                "unknown": N_("unbekannt"),
            }[self.value]
        )


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
    REJECTED = "rejected"  # a supervisor refused the approval; the original never prints

    @property
    def label(self) -> str:
        return _(_REFERRAL_STATUS_LABELS[self])


_REFERRAL_STATUS_LABELS = {
    ReferralStatus.DRAFT: N_("Entwurf"),
    ReferralStatus.APPROVED: N_("Freigegeben"),
    ReferralStatus.ISSUED: N_("Ausgehändigt"),
    ReferralStatus.ARRIVED: N_("Angekommen"),
    ReferralStatus.COMPLETED: N_("Erledigt"),
    ReferralStatus.NOT_REACHED: N_("Nicht erreicht"),
    ReferralStatus.DECLINED: N_("Abgelehnt"),
    ReferralStatus.CANCELLED: N_("Storniert"),
    ReferralStatus.REJECTED: N_("Zurückgewiesen"),
}


class Role(StrEnum):
    FRONT_DESK = "front_desk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _(
            {
                "front_desk": N_("Empfang"),
                "supervisor": N_("Teamleitung"),
                "admin": N_("Administration"),
            }[self.value]
        )


class HouseholdRole(StrEnum):
    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(
            {
                "head": N_("Haushaltsvorstand"),
                "spouse": N_("Ehepartner/in"),
                "child": N_("Kind"),
                "parent": N_("Elternteil"),
                "sibling": N_("Geschwister"),
                "other": N_("Sonstige/r"),
            }[self.value]
        )


# Nationality: ISO 3166-1 alpha-2, plus two user-assigned codes of that standard for the
# cases every front desk meets; XK (Kosovo, user-assigned too) is known as a country.
STATELESS = "XX"  # staatenlos
NATIONALITY_UNCLEAR = "UN"  # ungeklärt

# Languages a letter can be written in (DOMAIN.md section 5): German plus the person-facing
# languages, as ISO 639 codes with a region where it matters (fa-AF is Dari).
LETTER_LANGUAGES = ("de", "ar", "fa", "fa-AF", "ps", "uk", "ru", "tr", "kmr", "ckb", "ti", "so",
                    "en")


class FieldOfAction(StrEnum):
    """Fields of action (Handlungsfelder, Deutscher Landkreistag) that group the concerns.

    The first six are the study's; benefits, residence and youth/family come on top at the
    counter (DOMAIN.md section 1), and health, which is none of them, stands on its own.
    """

    LANGUAGE = "language"
    WORK_AND_TRAINING = "work_and_training"
    SCHOOL_AND_EDUCATION = "school_and_education"
    HOUSING = "housing"
    VOLUNTEERING = "volunteering"
    LIVING_TOGETHER = "living_together"
    LIVELIHOOD = "livelihood"
    RESIDENCE = "residence"
    FAMILY_AND_YOUTH = "family_and_youth"
    HEALTH = "health"

    @property
    def label(self) -> str:
        return _(_FIELD_OF_ACTION_LABELS[self])


_FIELD_OF_ACTION_LABELS = {
    FieldOfAction.LANGUAGE: N_("Sprache"),
    FieldOfAction.WORK_AND_TRAINING: N_("Arbeit und Ausbildung"),
    FieldOfAction.SCHOOL_AND_EDUCATION: N_("Schule und Bildung"),
    FieldOfAction.HOUSING: N_("Wohnen"),
    FieldOfAction.VOLUNTEERING: N_("Ehrenamt"),
    FieldOfAction.LIVING_TOGETHER: N_("Gesellschaftliches Zusammenleben"),
    FieldOfAction.LIVELIHOOD: N_("Lebensunterhalt"),
    FieldOfAction.RESIDENCE: N_("Aufenthalt"),
    FieldOfAction.FAMILY_AND_YOUTH: N_("Familie und Jugend"),
    FieldOfAction.HEALTH: N_("Gesundheit"),
}

# Every concern in exactly one field of action, in the order the visit form shows them.
CONCERNS_BY_FIELD: dict[FieldOfAction, tuple[Concern, ...]] = {
    FieldOfAction.LANGUAGE: (Concern.INTEGRATION_COURSE, Concern.JOB_LANGUAGE_COURSE),
    FieldOfAction.WORK_AND_TRAINING: (Concern.WORK, Concern.TRAINING,
                                      Concern.RECOGNITION_VOCATIONAL),
    FieldOfAction.SCHOOL_AND_EDUCATION: (Concern.SCHOOL, Concern.RECOGNITION_SCHOOL),
    FieldOfAction.HOUSING: (Concern.HOUSING,),
    FieldOfAction.VOLUNTEERING: (Concern.VOLUNTEERING,),
    FieldOfAction.LIVING_TOGETHER: (Concern.SOCIAL_PARTICIPATION,),
    FieldOfAction.LIVELIHOOD: (Concern.BENEFITS,),
    FieldOfAction.RESIDENCE: (Concern.RESIDENCE,),
    FieldOfAction.FAMILY_AND_YOUTH: (Concern.CHILDCARE_FAMILY,),
    FieldOfAction.HEALTH: (Concern.HEALTH,),
}


def field_of_action(concern: Concern) -> FieldOfAction:
    """The field of action a concern belongs to."""
    return next(field for field, concerns in CONCERNS_BY_FIELD.items() if concern in concerns)
