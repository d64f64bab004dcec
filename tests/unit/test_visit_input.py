"""The one validation layer for a visit: concerns, note, interpreter, time – and arbitrary
input that ends in a typed visit or in German messages per field, never in a crash."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.codes import Concern
from app.db.models import Visit
from app.services.visit_input import (
    LABELS,
    ConcernInput,
    VisitValidationError,
    as_raw,
    closest_concern,
    validate_visit,
)
from tests.unit.test_person_input import ANY_TEXT, ANY_VALUE

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
VALID = {"concerns": ["work", {"code": "housing", "note": "Wohnsitzauflage Neuss"}],
         "note": "Kommt mit Bescheid vom Jobcenter.\nTermin gewünscht.",
         "interpreter_used": True, "interpreter_language": "ar"}


def errors_of(raw: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(VisitValidationError) as raised:
        validate_visit(raw, now=NOW)
    return {error.field: error.message for error in raised.value.errors}


def test_a_visit_with_codes_and_a_concern_with_a_note() -> None:
    visit = validate_visit(VALID, now=NOW)
    assert visit.concerns == (ConcernInput("work"), ConcernInput("housing",
                                                                 "Wohnsitzauflage Neuss"))
    assert (visit.interpreter_used, visit.interpreter_language) == (True, "ar")
    assert visit.visited_at == NOW  # no time given: now
    assert visit.note.endswith("Termin gewünscht.")


def test_no_concern_is_refused_with_a_german_message() -> None:
    for concerns in (None, []):
        assert errors_of({"concerns": concerns}) == {
            "concerns": "Anliegen: mindestens ein Anliegen angeben"}
    assert "concerns" in errors_of({"note": "nur eine Notiz"})


def test_an_unknown_code_suggests_the_closest() -> None:
    message = errors_of({"concerns": ["work", "huosing"]})["concerns[1]"]
    assert message.startswith("Anliegen 2: „huosing“ ist kein Anliegen; erwartet wird")
    assert message.endswith("gemeint ist wohl „housing“ (Wohnen)")
    assert closest_concern("Integrationskurs") is Concern.INTEGRATION_COURSE
    assert closest_concern("vermittlung") is Concern.WORK  # a part of a German label
    assert closest_concern("xyz") is None


def test_codes_are_read_case_insensitively_and_duplicates_refused() -> None:
    assert validate_visit({"concerns": [" Work "]}, now=NOW).concerns == (ConcernInput("work"),)
    assert errors_of({"concerns": ["work", "WORK"]}) == {
        "concerns": "Anliegen: „work“ ist mehrfach angegeben; jedes Anliegen nur einmal"}


@pytest.mark.parametrize("entry", [42, None, ["work"], {"code": 1},
                                   {"code": "work", "priority": "high"}])
def test_an_entry_that_is_no_code_says_what_is_expected(entry: object) -> None:
    [(field, message)] = errors_of({"concerns": ["benefits", entry]}).items()
    assert field == "concerns[1]" and "code" in message


def test_an_interpreter_needs_a_language_and_a_language_needs_an_interpreter() -> None:
    assert errors_of({"concerns": ["work"], "interpreter_used": True}) == {
        "interpreter_language": "Dolmetschsprache: angeben, in welche Sprache gedolmetscht "
                                "wurde (z. B. ar, fa-AF)"}
    assert "interpreter_language" in errors_of({"concerns": ["work"],
                                                "interpreter_language": "fa-AF"})
    assert "interpreter_language" in errors_of({**VALID, "interpreter_language": "arabic"})
    assert validate_visit({**VALID, "interpreter_language": "fa-af"},
                          now=NOW).interpreter_language == "fa-AF"


def test_the_time_of_a_visit() -> None:
    at = validate_visit({**VALID, "visited_at": "2026-03-13T15:45:00+01:00"}, now=NOW)
    assert at.visited_at == datetime(2026, 3, 13, 14, 45, tzinfo=UTC)
    assert "Zukunft" in errors_of({**VALID, "visited_at": (NOW + timedelta(hours=1)).isoformat()})[
        "visited_at"]
    assert "2000" in errors_of({**VALID, "visited_at": "1999-12-31T10:00+00:00"})["visited_at"]
    assert errors_of({**VALID, "visited_at": "gestern"})["visited_at"].startswith(
        "Zeitpunkt des Besuchs: erwartet wird Datum und Uhrzeit")


def test_a_note_is_limited_and_unknown_keys_are_named() -> None:
    errors = errors_of({**VALID, "note": "x" * 4001, "concern": ["work"]})
    assert errors["note"] == ("Notiz: höchstens 4000 Zeichen erwartet, eingegeben wurden 4001")
    assert errors["concern"].endswith("gemeint ist wohl „concerns“")


def test_every_problem_is_reported_at_once() -> None:
    errors = errors_of({"concerns": ["wrk"], "note": "\x00", "interpreter_used": "vielleicht"})
    assert set(errors) == {"concerns[0]", "note", "interpreter_used"}


# --- arbitrary input ----------------------------------------------------------------------

PLAUSIBLE: dict[str, list[Any]] = {
    "concerns": [["work"], ["benefits", {"code": "health", "note": "Behandlungsschein"}],
                 list(Concern)],
    "note": ["", "Erste Zeile\nzweite", "ملاحظة"], "interpreter_used": [False, "ja", True],
    "interpreter_language": ["", "ar", "fa-AF", "uk"],
    "visited_at": [None, "", "2025-12-01T08:00", "2026-03-14"],
}
ANY_KEY = st.one_of(st.sampled_from(list(LABELS)), ANY_TEXT)
ANY_CONCERNS = st.lists(st.one_of(st.sampled_from(list(Concern)), ANY_TEXT,
                                  st.fixed_dictionaries({"code": ANY_VALUE, "note": ANY_VALUE})),
                        max_size=40)
ANY_VISIT = st.builds(
    lambda plausible, arbitrary: {**plausible, **arbitrary},
    st.fixed_dictionaries({}, optional={key: st.sampled_from(values)
                                        for key, values in PLAUSIBLE.items()}),
    st.dictionaries(ANY_KEY, st.one_of(ANY_VALUE, ANY_CONCERNS), max_size=3))


def check_outcome(raw: dict[str, Any]) -> None:
    try:
        visit = validate_visit(raw, now=NOW)
    except VisitValidationError as rejected:
        for error in rejected.errors:
            assert error.message.startswith(f"{error.label}: ")
            error.message.encode("utf-8")  # printable: no lone surrogates echoed
        return
    assert validate_visit(as_raw(visit), now=NOW) == visit  # read back unchanged
    assert 1 <= len(visit.concerns) == len({concern.code for concern in visit.concerns})
    assert len(visit.interpreter_language) <= Visit.__table__.c.interpreter_language.type.length


@settings(max_examples=300, deadline=None)
@given(ANY_VISIT)
def test_any_input_gives_a_visit_or_field_messages(raw: dict[str, Any]) -> None:
    check_outcome(raw)
