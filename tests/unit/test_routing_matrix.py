"""The routing matrix of DOMAIN.md section 3, row by row, with the bundled rules and the demo
district's directory: which office is responsible, which are named besides, and where."""

from __future__ import annotations

from datetime import date

import pytest

from app.codes import MUNICIPALITIES, Concern
from app.routing import (
    Case,
    OfficeEntry,
    Routing,
    Ruleset,
    load_ruleset,
    offices_from_directory,
    route_case,
)
from app.services.directory import default_directory_path, read_directory

ON = date(2026, 3, 1)  # a day on which neither 2026 change has taken effect


@pytest.fixture(scope="module")
def rules() -> Ruleset:
    return load_ruleset()


@pytest.fixture(scope="module")
def offices() -> tuple[OfficeEntry, ...]:
    return offices_from_directory(read_directory(default_directory_path()).offices)


def route(rules: Ruleset, offices: tuple[OfficeEntry, ...], concern: str, *,
          status: str = "protected", age: int | None = 30, municipality: str = "Neuss",
          employable: bool | None = None, unaccompanied: bool = False,
          permit: date | None = None, on: date = ON) -> Routing:
    return route_case(Case(status=status, age=age, municipality=municipality, concern=concern,
                           employable=employable, unaccompanied_minor=unaccompanied,
                           permit_date=permit, reference_date=on), rules, offices)


def kinds(routing: Routing) -> tuple[str, set[str]]:
    """The primary agency kind and the set of secondary ones."""
    primary, *others = routing.recommendations
    assert primary.role == "primary" and all(r.role == "secondary" for r in others)
    return primary.agency_kind, {r.agency_kind for r in others}


# (concern, case fields, primary kind, secondary kinds) – one line per cell of the matrix.
MATRIX = [
    # benefits: AsylbLG group → Sozialamt; SGB II group → Jobcenter; otherwise SGB XII
    ("benefits", {"status": "asylum_seeker"}, "sozialamt", {"auslaenderbehoerde"}),
    ("benefits", {"status": "tolerated"}, "sozialamt", {"auslaenderbehoerde"}),
    ("benefits", {"status": "humanitarian_25_5", "permit": date(2025, 9, 1)}, "sozialamt",
     {"auslaenderbehoerde"}),
    ("benefits", {"status": "humanitarian_25_5", "permit": date(2024, 1, 1)}, "jobcenter",
     {"auslaenderbehoerde"}),
    ("benefits", {"status": "protected", "employable": True}, "jobcenter",
     {"auslaenderbehoerde"}),
    ("benefits", {"status": "protected"}, "jobcenter", {"auslaenderbehoerde"}),
    ("benefits", {"status": "settled"}, "jobcenter", {"auslaenderbehoerde"}),
    ("benefits", {"status": "other_permit"}, "jobcenter", {"auslaenderbehoerde"}),
    ("benefits", {"status": "temporary_protection"}, "jobcenter", {"auslaenderbehoerde"}),
    ("benefits", {"status": "protected", "employable": False}, "sozialamt",
     {"auslaenderbehoerde"}),
    ("benefits", {"status": "protected", "age": 70}, "sozialamt", {"auslaenderbehoerde"}),
    ("benefits", {"status": "protected", "age": 10}, "jobcenter",
     {"sozialamt", "auslaenderbehoerde"}),
    ("benefits", {"status": "eu_citizen"}, "jobcenter", {"sozialamt"}),
    ("benefits", {"status": "unknown"}, "auslaenderbehoerde", {"sozialamt"}),
    # work: AsylbLG group → Agentur (+ Beschäftigungserlaubnis); SGB II group → Jobcenter
    ("work", {"status": "asylum_seeker"}, "agentur_fuer_arbeit", {"auslaenderbehoerde"}),
    ("work", {"status": "tolerated", "age": 20}, "agentur_fuer_arbeit",
     {"auslaenderbehoerde"}),
    ("work", {"status": "protected"}, "jobcenter", set()),
    ("work", {"status": "protected", "employable": False}, "agentur_fuer_arbeit", set()),
    ("work", {"status": "eu_citizen"}, "agentur_fuer_arbeit", set()),
    ("work", {"status": "unknown"}, "auslaenderbehoerde", {"agentur_fuer_arbeit"}),
    ("work", {"status": "protected", "age": 13}, "agentur_fuer_arbeit", set()),
    # training (under 25): Agentur or Jobcenter U25 by status; JMD 12–26, Jugendamt § 41
    ("training", {"status": "asylum_seeker", "age": 19}, "agentur_fuer_arbeit",
     {"jugendmigrationsdienst", "jugendamt"}),
    ("training", {"status": "protected", "age": 19}, "jobcenter",
     {"jugendmigrationsdienst", "jugendamt"}),
    ("training", {"status": "protected", "age": 23}, "jobcenter", {"jugendmigrationsdienst"}),
    ("training", {"status": "protected", "age": 40}, "jobcenter", set()),
    ("training", {"status": "eu_citizen", "age": 14}, "agentur_fuer_arbeit",
     {"jugendmigrationsdienst"}),
    # integration_course: course provider; Ausländerbehörde / Jobcenter; MBE or JMD
    ("integration_course", {"status": "protected"}, "integration_course_provider",
     {"auslaenderbehoerde", "jobcenter", "migrationsberatung"}),
    ("integration_course", {"status": "temporary_protection", "age": 20},
     "integration_course_provider", {"jobcenter", "jugendmigrationsdienst"}),
    ("integration_course", {"status": "asylum_seeker", "on": date(2025, 6, 1)},
     "integration_course_provider", {"migrationsberatung"}),
    ("integration_course", {"status": "asylum_seeker"}, "migrationsberatung", set()),
    ("integration_course", {"status": "tolerated", "age": 20}, "jugendmigrationsdienst",
     set()),
    ("integration_course", {"status": "unknown"}, "auslaenderbehoerde",
     {"migrationsberatung"}),
    ("integration_course", {"status": "protected", "age": 12},
     "kommunales_integrationszentrum", {"jugendmigrationsdienst"}),
    # job_language_course: Jobcenter (SGB II group) or Agentur für Arbeit
    ("job_language_course", {"status": "protected"}, "jobcenter", set()),
    ("job_language_course", {"status": "asylum_seeker"}, "agentur_fuer_arbeit", set()),
    ("job_language_course", {"status": "eu_citizen"}, "agentur_fuer_arbeit", set()),
    # recognition: IQ with IHK and HWK; Bezirksregierung Köln, Düsseldorf for Hochschulreife
    ("recognition_vocational", {}, "anerkennungsberatung", {"ihk", "hwk"}),
    ("recognition_school", {}, "bezirksregierung", {"bezirksregierung"}),
    # school (6–18): KI Seiteneinsteigerberatung with Schulamt
    ("school", {"age": 10}, "kommunales_integrationszentrum", {"schulamt"}),
    ("school", {"age": 18}, "kommunales_integrationszentrum", {"schulamt"}),
    ("school", {"age": 4}, "jugendamt", set()),
    ("school", {"age": 30}, "kommunales_integrationszentrum", set()),
    # childcare_family: Jugendamt, Familienkasse for Kindergeld
    ("childcare_family", {"status": "protected"}, "jugendamt", {"familienkasse"}),
    ("childcare_family", {"status": "asylum_seeker"}, "jugendamt", set()),
    # unaccompanied minor, any concern: Jugendamt with Ausländerbehörde
    ("benefits", {"status": "asylum_seeker", "age": 16, "unaccompanied": True}, "jugendamt",
     {"auslaenderbehoerde"}),
    ("school", {"status": "unknown", "age": None, "unaccompanied": True}, "jugendamt",
     {"auslaenderbehoerde"}),
    ("work", {"status": "tolerated", "age": 18, "unaccompanied": True},
     "agentur_fuer_arbeit", {"auslaenderbehoerde"}),
    # residence: Ausländerbehörde; BAMF for the asylum procedure
    ("residence", {"status": "protected"}, "auslaenderbehoerde", set()),
    ("residence", {"status": "asylum_seeker"}, "auslaenderbehoerde", {"bamf"}),
    # housing: Sozialamt or Jobcenter (KdU) by status; Ausländerbehörde for § 12a
    ("housing", {"status": "asylum_seeker"}, "sozialamt", {"auslaenderbehoerde"}),
    ("housing", {"status": "protected"}, "jobcenter", {"auslaenderbehoerde"}),
    ("housing", {"status": "settled"}, "jobcenter", set()),
    ("housing", {"status": "settled", "age": 80}, "sozialamt", set()),
    ("housing", {"status": "unknown"}, "sozialamt", set()),
    # volunteering, social_participation: KI; MBE (27+) or JMD (12–26); Wohlfahrtsverband
    ("volunteering", {"age": 30}, "kommunales_integrationszentrum",
     {"migrationsberatung", "wohlfahrtsverband"}),
    ("social_participation", {"age": 20}, "kommunales_integrationszentrum",
     {"jugendmigrationsdienst", "wohlfahrtsverband"}),
    ("social_participation", {"age": 8}, "kommunales_integrationszentrum",
     {"wohlfahrtsverband"}),
    # health: AsylbLG group → Sozialamt; others → own health insurer
    ("health", {"status": "asylum_seeker"}, "sozialamt", set()),
    ("health", {"status": "protected"}, "krankenkasse", set()),
    ("health", {"status": "unknown"}, "sozialamt", {"auslaenderbehoerde"}),
]


@pytest.mark.parametrize(("concern", "fields", "primary", "secondary"), MATRIX)
def test_matrix(rules: Ruleset, offices: tuple[OfficeEntry, ...], concern: str,
                fields: dict[str, object], primary: str, secondary: set[str]) -> None:
    routing = route(rules, offices, concern, **fields)  # type: ignore[arg-type]
    assert kinds(routing) == (primary, secondary)


def test_every_concern_is_in_the_matrix() -> None:
    assert {row[0] for row in MATRIX} == set(Concern)


def test_a_recommendation_explains_itself(rules: Ruleset,
                                          offices: tuple[OfficeEntry, ...]) -> None:
    routing = route(rules, offices, "benefits", status="asylum_seeker")
    primary = routing.recommendations[0]
    assert primary.agency_label == "Sozialamt"
    assert "Asylbewerberleistungsgesetz" in primary.reason
    assert "AsylbLG" in primary.legal_basis
    assert (primary.rule_id, primary.ruleset_version) == ("benefits.asylblg", rules.version)
    assert primary.office is not None and primary.office.code == "sozialamt-neuss"
    # the rule's documents first, then the office's, each once
    assert primary.documents[0] == "Bescheide über bisherige Leistungen, falls vorhanden"
    assert set(primary.office.documents) <= set(primary.documents)
    assert len(primary.documents) == len(set(primary.documents))


def test_recognition_of_school_certificates_names_both_district_governments(
        rules: Ruleset, offices: tuple[OfficeEntry, ...]) -> None:
    routing = route(rules, offices, "recognition_school")
    assert [(r.role, r.office and r.office.code) for r in routing.recommendations] == [
        ("primary", "bezirksregierung-koeln"), ("secondary", "bezirksregierung-duesseldorf")]


# --- the office responsible for the municipality ----------------------------------------

RESPONSIBLE = {
    "auslaenderbehoerde": {"Neuss": "auslaenderbehoerde-neuss",
                           "Dormagen": "auslaenderbehoerde-dormagen",
                           **{m: "auslaenderbehoerde-kreis" for m in (
                               "Kaarst", "Korschenbroich", "Meerbusch", "Jüchen",
                               "Rommerskirchen", "Grevenbroich")}},
    "jugendamt": {**{m: f"jugendamt-{m.lower()}" for m in (
        "Dormagen", "Grevenbroich", "Kaarst", "Meerbusch", "Neuss")},
        **{m: "jugendamt-kreis" for m in ("Korschenbroich", "Jüchen", "Rommerskirchen")}},
    "jobcenter": {**{m: "jobcenter-neuss" for m in (
        "Neuss", "Meerbusch", "Kaarst", "Korschenbroich")},
        **{m: "jobcenter-grevenbroich" for m in ("Grevenbroich", "Jüchen", "Rommerskirchen")},
        "Dormagen": "jobcenter-dormagen"},
    "sozialamt": {m: "sozialamt-" + m.lower().replace("ü", "ue") for m in MUNICIPALITIES},
}
# A concern whose primary office is of that kind.
PROBE = {"auslaenderbehoerde": ("residence", "protected"),
         "jugendamt": ("childcare_family", "protected"),
         "jobcenter": ("benefits", "protected"),
         "sozialamt": ("benefits", "asylum_seeker")}


@pytest.mark.parametrize(("kind", "municipality", "code"), [
    (kind, municipality, code) for kind, table in RESPONSIBLE.items()
    for municipality, code in table.items()])
def test_the_office_of_the_municipality(rules: Ruleset, offices: tuple[OfficeEntry, ...],
                                       kind: str, municipality: str, code: str) -> None:
    concern, status = PROBE[kind]
    primary = route(rules, offices, concern, status=status,
                    municipality=municipality).recommendations[0]
    assert primary.agency_kind == kind
    assert primary.office is not None and primary.office.code == code


def test_outside_the_district(rules: Ruleset, offices: tuple[OfficeEntry, ...]) -> None:
    """A district-wide office answers; a local one is named as missing, with the reason."""
    work = route(rules, offices, "work", status="asylum_seeker", municipality="")
    assert [r.office and r.office.code for r in work.recommendations] == [
        "agentur-moenchengladbach", None]
    assert "außerhalb des Kreises" in work.recommendations[1].reason
    benefits = route(rules, offices, "benefits", municipality="").recommendations[0]
    assert benefits.office is None and "Stelle dieser Art am Wohnort" in benefits.reason


def test_no_office_in_the_directory(rules: Ruleset) -> None:
    primary = route(rules, (), "residence").recommendations[0]
    assert primary.agency_kind == "auslaenderbehoerde" and primary.office is None
    assert primary.documents  # the rule's own documents remain


# --- rules with dates, on both sides of their cut-off -----------------------------------

@pytest.mark.parametrize(("permit", "on", "primary"), [
    (date(2025, 3, 31), date(2026, 7, 1), "jobcenter"),
    (date(2025, 4, 1), date(2026, 7, 1), "sozialamt"),
    (date(2025, 4, 1), date(2026, 6, 30), "jobcenter"),  # the change is not in force yet
    (date(2024, 5, 2), date(2026, 7, 1), "jobcenter"),
])
def test_temporary_protection_cut_off(rules: Ruleset, offices: tuple[OfficeEntry, ...],
                                      permit: date, on: date, primary: str) -> None:
    for concern in ("benefits", "housing"):
        routing = route(rules, offices, concern, status="temporary_protection",
                        permit=permit, on=on)
        assert kinds(routing)[0] == primary
    health = route(rules, offices, "health", status="temporary_protection", permit=permit,
                   on=on)
    assert kinds(health)[0] == {"jobcenter": "krankenkasse", "sozialamt": "sozialamt"}[primary]


def test_temporary_protection_without_a_permit_date_asks_for_it(
        rules: Ruleset, offices: tuple[OfficeEntry, ...]) -> None:
    before = route(rules, offices, "benefits", status="temporary_protection",
                   on=date(2026, 6, 30))
    after = route(rules, offices, "benefits", status="temporary_protection",
                  on=date(2026, 7, 1))
    assert kinds(before) == ("jobcenter", {"auslaenderbehoerde"})
    assert kinds(after) == ("jobcenter", {"auslaenderbehoerde", "sozialamt"})
    hint = after.recommendations[-1]
    assert hint.rule_id == "ukraine.permit_unknown.sozialamt" and "31.03.2025" in hint.reason


@pytest.mark.parametrize(("on", "rule_id", "word"), [
    (date(2026, 6, 30), "benefits.sgb2.buergergeld", "Bürgergeld"),
    (date(2026, 7, 1), "benefits.sgb2.grundsicherungsgeld", "Grundsicherungsgeld"),
])
def test_buergergeld_becomes_grundsicherungsgeld(rules: Ruleset,
                                                 offices: tuple[OfficeEntry, ...], on: date,
                                                 rule_id: str, word: str) -> None:
    primary = route(rules, offices, "benefits", on=on).recommendations[0]
    assert (primary.rule_id, primary.reason.split()[0]) == (rule_id, word)


@pytest.mark.parametrize(("on", "primary"), [
    (date(2025, 12, 31), "integration_course_provider"),
    (date(2026, 1, 1), "migrationsberatung"),
])
def test_integration_course_admissions_suspended_in_2026(
        rules: Ruleset, offices: tuple[OfficeEntry, ...], on: date, primary: str) -> None:
    assert kinds(route(rules, offices, "integration_course", status="tolerated",
                       on=on))[0] == primary


@pytest.mark.parametrize(("on", "primary"), [
    (date(2027, 12, 31), "sozialamt"),  # Regelaltersgrenze counted as reached at 66
    (date(2028, 1, 1), "jobcenter"),  # from 2028 at 67
])
def test_the_regelaltersgrenze_moves_to_67(rules: Ruleset, offices: tuple[OfficeEntry, ...],
                                           on: date, primary: str) -> None:
    assert kinds(route(rules, offices, "benefits", age=66, on=on))[0] == primary


@pytest.mark.parametrize(("permit", "primary"), [
    (date(2024, 9, 1), "jobcenter"),  # exactly 18 months before 01.03.2026
    (date(2024, 9, 2), "sozialamt"),
    (None, "sozialamt"),
])
def test_humanitarian_25_5_after_18_months(rules: Ruleset, offices: tuple[OfficeEntry, ...],
                                           permit: date | None, primary: str) -> None:
    routing = route(rules, offices, "benefits", status="humanitarian_25_5", permit=permit)
    assert kinds(routing)[0] == primary


# --- the trace for the "try it" screen ------------------------------------------------

def test_the_trace_says_which_rules_fired_and_why(rules: Ruleset,
                                                  offices: tuple[OfficeEntry, ...]) -> None:
    routing = route(rules, offices, "benefits", status="asylum_seeker", age=16,
                    unaccompanied=True)
    trace = {t.rule_id: t for t in routing.trace}
    assert set(trace) == {rule.id for rule in rules.rules_for("benefits")}
    assert trace["unaccompanied.jugendamt"].fired
    assert "unbegleitet minderjährig: ja" in trace["unaccompanied.jugendamt"].why
    overridden = trace["benefits.asylblg"]
    assert not overridden.fired and "übersteuert" in overridden.why
    assert "gilt erst ab 01.07.2026" in trace["benefits.sgb2.grundsicherungsgeld"].why
    assert "Status asylum_seeker: erwartet" in trace["benefits.status_unknown"].why
