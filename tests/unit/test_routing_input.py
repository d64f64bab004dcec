"""Bad input is refused with the value and the allowed ones, never routed by a default; any
case built from the code lists is answered (or, with a partial ruleset, not covered)."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.codes import MUNICIPALITIES, Concern, LegalStatus
from app.routing import (
    Case,
    CaseError,
    NotCoveredError,
    OfficeEntry,
    Ruleset,
    case_from_text,
    default_rules_path,
    load_ruleset,
    offices_from_directory,
    route_case,
)
from app.services.directory import default_directory_path, read_directory

ON = date(2026, 3, 1)
RULES = load_ruleset()
OFFICES: tuple[OfficeEntry, ...] = offices_from_directory(
    read_directory(default_directory_path()).offices)


def refused(**fields: object) -> CaseError:
    values: dict[str, object] = {"status": "protected", "age": 30, "municipality": "Neuss",
                                 "concern": "benefits", "reference_date": ON, **fields}
    with pytest.raises(CaseError) as caught:
        route_case(Case(**values), RULES, OFFICES)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize(("fields", "field", "says"), [
    ({"status": "refugee"}, "status", ["„refugee“ ist unbekannt", "asylum_seeker",
                                       "temporary_protection"]),
    ({"status": "protectd"}, "status", ["Gemeint ist vielleicht „protected“"]),
    ({"concern": "money"}, "concern", ["„money“ ist unbekannt", "benefits", "health"]),
    ({"age": -1}, "age", ["„-1“ ist kein mögliches Alter", "0 bis 120"]),
    ({"age": 250}, "age", ["„250“"]),
    ({"municipality": "Juechen"}, "municipality", ["Gemeint ist vielleicht „Jüchen“",
                                                   "Rommerskirchen"]),
    ({"municipality": "neuss"}, "municipality", ["„Neuss“"]),
    ({"municipality": "Düsseldorf"}, "municipality", ["„Düsseldorf“ ist unbekannt",
                                                      "Außerhalb des Kreises: leer lassen"]),
    ({"reference_date": date(2024, 12, 31)}, "reference_date", [
        "31.12.2024 liegt vor dem Beginn des Regelwerks", "ab 01.01.2025"]),
    ({"permit_date": date(2026, 3, 2)}, "permit_date", ["02.03.2026 liegt nach dem Stichtag"]),
])
def test_bad_input_names_the_value_and_the_allowed_ones(fields: dict[str, object], field: str,
                                                        says: list[str]) -> None:
    error = refused(**fields)
    assert error.field == field and error.exit_code == 2
    for text in says:
        assert text in str(error)


def test_typed_values() -> None:
    case = case_from_text(status=" protected ", age="unbekannt", concern="work",
                          municipality="außerhalb", employable="ja", unaccompanied=True,
                          permit_date="31.03.2025", reference_date="2026-07-01")
    assert case == Case("protected", None, "", "work", True, True, date(2025, 3, 31),
                        date(2026, 7, 1))
    today = case_from_text(status="settled", age="40", concern="health", municipality="Kaarst",
                           employable="no", today=date(2027, 1, 5))
    assert (today.age, today.employable, today.reference_date) == (40, False, date(2027, 1, 5))


@pytest.mark.parametrize(("fields", "field", "says"), [
    ({"age": "dreißig"}, "age", "„dreißig“ ist keine Zahl"),
    ({"employable": "vielleicht"}, "employable", "ja, nein"),
    ({"permit_date": "31.02.2025"}, "permit_date", "„31.02.2025“ ist kein gültiges Datum"),
    ({"reference_date": "2026/07/01"}, "reference_date", "JJJJ-MM-TT oder TT.MM.JJJJ"),
])
def test_typed_values_that_do_not_fit(fields: dict[str, str], field: str, says: str) -> None:
    values = {"status": "protected", "age": "30", "concern": "work", "municipality": "Neuss",
              **fields}
    with pytest.raises(CaseError) as caught:
        case_from_text(**values)  # type: ignore[arg-type]
    assert caught.value.field == field and says in str(caught.value)


DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    on = draw(DAYS)
    permit = draw(st.none() | st.dates(min_value=date(2000, 1, 1), max_value=on))
    return Case(status=draw(st.sampled_from(list(LegalStatus))),
                age=draw(st.none() | st.integers(0, 120)),
                municipality=draw(st.sampled_from([*MUNICIPALITIES, ""])),
                concern=draw(st.sampled_from(list(Concern))),
                employable=draw(st.sampled_from([True, False, None])),
                unaccompanied_minor=draw(st.booleans()), permit_date=permit,
                reference_date=on)


@settings(max_examples=400, deadline=None)
@given(cases())
def test_every_case_from_the_code_lists_is_answered(case: Case) -> None:
    """The coverage report says the bundled rules answer everything; routing agrees."""
    routing = route_case(case, RULES, OFFICES)
    roles = [r.role for r in routing.recommendations]
    assert roles[0] == "primary" and roles == sorted(roles, key=lambda r: r != "primary")
    assert routing.ruleset_version == RULES.version
    for rec in routing.recommendations:
        assert rec.reason and rec.legal_basis and len(set(rec.documents)) == len(rec.documents)
        if rec.office is not None:
            assert rec.office.agency_kind == rec.agency_kind
            assert case.municipality in rec.office.municipalities or not case.municipality


@pytest.fixture(scope="module")
def partial_rules(tmp_path_factory: pytest.TempPathFactory) -> Ruleset:
    folder: Path = tmp_path_factory.mktemp("partial")
    for name in ("ruleset.yaml", "benefits.yaml", "education.yaml"):
        shutil.copy(default_rules_path() / name, folder)
    return load_ruleset(folder)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases())
def test_a_partial_ruleset_answers_or_says_not_covered(partial_rules: Ruleset,
                                                       case: Case) -> None:
    try:
        routing = route_case(case, partial_rules, OFFICES)
    except NotCoveredError as error:
        assert case.concern in str(error) and case.status in str(error)
    else:
        assert routing.recommendations[0].role == "primary"


def test_dates_keep_their_history() -> None:
    """The first day of the ruleset is accepted, the day before is not."""
    start = RULES.valid_from
    assert route_case(Case("protected", 30, "Neuss", "work", reference_date=start), RULES,
                      OFFICES).recommendations
    assert refused(reference_date=start - timedelta(days=1)).field == "reference_date"
