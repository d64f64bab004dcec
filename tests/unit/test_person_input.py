"""The one validation layer for person data: each field, the rules across fields, and
arbitrary input that must end in a typed person or in messages per field – never a crash."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.codes import MUNICIPALITIES
from app.db.models import Person, PersonName
from app.iso_codes import country_name, language_name, normalize_language
from app.services.partial_dates import PartialDate
from app.services.person_input import (
    LABELS,
    NameVariant,
    PersonInput,
    PersonValidationError,
    as_raw,
    validate,
)

VALID = {
    "family_name": "Al-Hassan", "given_names": "Mohammed", "birth_date": "1990-03",
    "sex": "m", "nationality": "SY", "languages": ["ar", "en"], "street": "Further Straße 12a",
    "postcode": "41462", "municipality": "Neuss", "status": "protected",
    "status_document": "Aufenthaltserlaubnis §25 Abs. 2", "employable": True,
    "unaccompanied_minor": False,
}


def errors_of(raw: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(PersonValidationError) as raised:
        validate(raw)
    return {error.field: error.message for error in raised.value.errors}


def test_the_keys_of_issue_3_give_a_typed_person() -> None:
    person = validate(VALID)
    assert person.birth_date == PartialDate(date(1990, 3, 1), "month")
    assert (person.sex, person.nationality, person.languages) == ("male", "SY", ("ar", "en"))
    assert (person.municipality, person.city, person.status) == ("Neuss", "Neuss", "protected")
    assert person.employable is True and person.unaccompanied_minor is False


@pytest.mark.parametrize("family, given", [
    ("الحسن", "محمد"),  # Arabic
    ("Коваленко", "Олена"),  # Cyrillic
    ("Yılmaz", "Hüseyin Çağlar"),  # Latin with diacritics
    ("Şêxo", "Bêrîvan"),  # Kurmanji
    ("احمدی", "نجیب\u200cالله"),  # Dari with a zero-width non-joiner
    ("ገብረማርያም", "ሰላም"),  # Ethiopic
    ("O'Brien-Smith", "Mary Ann"),
    ("", "Gul Ahmad"),  # no family name, as in Afghanistan
    ("Haddad", ""),
])
def test_names_in_any_script_are_accepted(family: str, given: str) -> None:
    person = validate({"family_name": family, "given_names": given})
    assert (person.family_name, person.given_names) == (family, given)


def test_names_are_trimmed_and_normalised() -> None:
    person = validate({"family_name": "  Al-Hassan  ", "given_names": "Ｍｏｈａｍｍｅｄ   Ali"})
    assert (person.family_name, person.given_names) == ("Al-Hassan", "Mohammed Ali")


@pytest.mark.parametrize("name, expected", [
    ("Ali😀", "Emoji"),
    ("Ali\x07", "Steuerzeichen U+0007"),
    ("Ali\u202e", "Steuerzeichen U+202E"),  # right-to-left override: spoofing
    ("Ali3", "Ziffer „3“"),
    ("Ivanоv", "Kyrillisch, Lateinisch"),  # a Cyrillic о in a Latin name
    ("Mohammed محمد", "als Namensvariante erfassen"),
    ("A" * 201, "höchstens 200 Zeichen"),
    ("--", "keinen Buchstaben"),
])
def test_bad_names_are_refused_with_the_reason(name: str, expected: str) -> None:
    message = errors_of({"family_name": name, "given_names": "Ali"})["family_name"]
    assert message.startswith("Familienname: ") and expected in message


def test_a_name_of_200_characters_fits() -> None:
    assert validate({"given_names": "A" * 200}).given_names == "A" * 200


def test_a_person_needs_a_family_name_or_given_names() -> None:
    message = errors_of({"family_name": " ", "given_names": ""})["family_name"]
    assert "Familienname oder Vorname(n)" in message


@pytest.mark.parametrize("typed, value, precision", [
    ("1990", date(1990, 1, 1), "year"),
    ("1990-03", date(1990, 3, 1), "month"),
    ("1990-03-14", date(1990, 3, 14), "day"),
    ("14.03.1990", date(1990, 3, 14), "day"),
    ("03.1990", date(1990, 3, 1), "month"),
    (1990, date(1990, 1, 1), "year"),
    ("1900", date(1900, 1, 1), "year"),
])
def test_birth_dates_with_their_precision(typed: object, value: date, precision: str) -> None:
    assert validate({**VALID, "birth_date": typed}).birth_date == PartialDate(value, precision)


def test_unknown_birth_date_is_empty() -> None:
    assert validate({**VALID, "birth_date": ""}).birth_date is None


@pytest.mark.parametrize("typed, expected", [
    ("1990-13", "gibt es nicht"),
    ("1990-02-30", "gibt es nicht"),
    ("1899", "außerhalb von 1900"),
    ((date.today() + timedelta(days=1)).isoformat(), "Zukunft"),
    (str(date.today().year + 1), "Zukunft"),
    ("März 1990", "erwartet wird JJJJ, JJJJ-MM oder JJJJ-MM-TT (z. B. 1990 oder 1990-03)"),
    ("١٩٩٠", "erwartet wird JJJJ"),  # Arabic-Indic digits are not read as a year
])
def test_bad_birth_dates_say_what_is_expected(typed: str, expected: str) -> None:
    message = errors_of({**VALID, "birth_date": typed})["birth_date"]
    assert message.startswith("Geburtsdatum: ") and expected in message


@pytest.mark.parametrize("typed, stored", [
    ("f", "female"), ("W", "female"), ("m", "male"), ("d", "diverse"), ("u", "unknown"),
    ("", "unknown"), ("female", "female"),
])
def test_sex_codes(typed: str, stored: str) -> None:
    assert validate({**VALID, "sex": typed}).sex == stored


def test_unknown_sex_code_lists_the_codes() -> None:
    assert "f (weiblich), m (männlich), d (divers) oder u (unbekannt)" in errors_of(
        {**VALID, "sex": "x"})["sex"]


@pytest.mark.parametrize("typed, stored", [
    ("SY", "SY"), ("ua", "UA"), ("XX", "XX"), ("UN", "UN"), ("XK", "XK"), ("", "UN"),
])
def test_nationality_is_alpha_2_with_stateless_and_unclear(typed: str, stored: str) -> None:
    assert validate({**VALID, "nationality": typed}).nationality == stored


def test_alpha_3_nationality_is_refused_with_the_alpha_2_code() -> None:
    message = errors_of({**VALID, "nationality": "SYR"})["nationality"]
    assert "XX für staatenlos" in message and "für SYR also SY" in message
    assert "ISO 3166-1 Alpha-2" in errors_of({**VALID, "nationality": "QQ"})["nationality"]


def test_languages_are_iso_639_with_regions() -> None:
    person = validate({**VALID, "languages": ["FA-af", "ps", "ara", "kmr", "ps"]})
    assert person.languages == ("fa-AF", "ps", "ar", "kmr")
    assert validate({**VALID, "languages": "ar, en"}).languages == ("ar", "en")
    assert "„xx“ ist kein Sprachcode" in errors_of({**VALID, "languages": ["ar", "xx"]})[
        "languages"]
    assert "kein Sprachcode" in errors_of({**VALID, "languages": ["fa-QQ"]})["languages"]


def test_interpreter_needs_a_language_and_letters_a_supported_one() -> None:
    person = validate({**VALID, "interpreter_needed": True, "interpreter_language": "fa-AF"})
    assert (person.interpreter_needed, person.interpreter_language) == (True, "fa-AF")
    assert "in welcher Sprache" in errors_of({**VALID, "interpreter_needed": "ja"})[
        "interpreter_language"]
    assert validate({**VALID, "letter_language": "uk"}).letter_language == "uk"
    assert "Briefe gibt es in diesen Sprachen" in errors_of(
        {**VALID, "letter_language": "fr"})["letter_language"]


@pytest.mark.parametrize("typed", ["Jüchen", "juechen", "JUCHEN", " Neuss "])
def test_municipalities_in_any_spelling(typed: str) -> None:
    assert validate({**VALID, "municipality": typed}).municipality in MUNICIPALITIES


def test_a_place_outside_the_district_is_not_a_municipality() -> None:
    message = errors_of({**VALID, "municipality": "Köln"})["municipality"]
    assert all(name in message for name in MUNICIPALITIES) and "außerhalb" in message
    person = validate({**VALID, "municipality": "", "city": "Köln"})
    assert (person.municipality, person.city) == ("", "Köln")


@pytest.mark.parametrize("key, typed, expected", [
    ("postcode", "4146", "fünf Ziffern"),
    ("postcode", 41462, "erwartet wird ein Text"),
    ("phone", "call me", "Telefonnummer"),
    ("phone", "12", "Telefonnummer"),
    ("email", "name@", "E-Mail-Adresse"),
    ("email", "a b@example.org", "E-Mail-Adresse"),
    ("status", "refugee", "asylum_seeker, tolerated"),
    ("document_number", "C01X00T47#", "Buchstaben A–Z und Ziffern"),
    ("bamf_file_number", "475-5123456", "5123456-475"),
    ("azr_number", "12345", "zwölf Ziffern"),
    ("document_valid_until", "2027-03", "JJJJ-MM-TT"),
    ("permit_date", (date.today() + timedelta(days=2)).isoformat(), "Zukunft"),
    ("employable", "vielleicht", "ja, nein oder unbekannt"),
    ("unaccompanied_minor", "unbekannt", "ja oder nein"),
    ("household_id", "household-1", "UUID"),
    ("household_role", "cousin", "head, spouse, child"),
    ("street", "Hauptstraße 5 🏠", "Emoji"),
    ("street", "Hauptstraße\n5", "Steuerzeichen U+000A"),
    ("note", "x" * 4001, "höchstens 4000 Zeichen"),
    ("languages", [1], "erwartet wird ein Text"),
])
def test_each_field_says_what_it_expects(key: str, typed: object, expected: str) -> None:
    message = errors_of({**VALID, key: typed})[key]
    assert expected in message, message


@pytest.mark.parametrize("key, typed, stored", [
    ("phone", " +49 2131 123456 ", "+49 2131 123456"),
    ("email", "fatima.alhassan@example.org", "fatima.alhassan@example.org"),
    ("document_number", "c01x00t47", "C01X00T47"),
    ("bamf_file_number", "5123456-475", "5123456-475"),
    ("azr_number", "123456789012", "123456789012"),
    ("document_valid_until", "04.03.2027", date(2027, 3, 4)),
    ("employable", None, None),
    ("employable", "nein", False),
    ("unaccompanied_minor", "ja", True),
    ("note", "Erste Zeile\r\nzweite Zeile 🙂", "Erste Zeile\nzweite Zeile 🙂"),
])
def test_each_field_reads_its_value(key: str, typed: object, stored: object) -> None:
    assert getattr(validate({**VALID, key: typed}), key) == stored


def test_name_variants_get_their_script_and_kind() -> None:
    person = validate({**VALID, "names": [
        {"family_name": "الحسن", "given_names": "محمد"},
        {"family_name": "Alhasan", "given_names": "Muhammad"},
        {"family_name": "Hasan", "given_names": "", "kind": "former"},
    ]})
    assert person.names == (NameVariant("الحسن", "محمد", "original", "Arab"),
                            NameVariant("Alhasan", "Muhammad", "variant", "Latn"),
                            NameVariant("Hasan", "", "former", "Latn"))


def test_bad_name_variants_are_named_by_position() -> None:
    found = errors_of({**VALID, "names": [{"family_name": "Ali1"}, "Ali",
                                          {"given_names": "Ali", "spelling": "x"}]})
    assert "Namensvariante 1: enthält die Ziffer" in found["names[0].family_name"]
    assert "Namensvariante 2: erwartet wird ein Objekt" in found["names[1]"]
    assert "unbekanntes Feld" in found["names[2].spelling"]


def test_unknown_keys_are_errors_with_a_suggestion() -> None:
    found = errors_of({**VALID, "postal_code": "41462", "x\x00": 1})
    assert "gemeint ist wohl „postcode“" in found["postal_code"]
    assert "xU+0000" in found  # echoed visibly, never as a raw control character


def test_all_errors_are_reported_at_once() -> None:
    found = errors_of({"family_name": "", "given_names": "", "birth_date": "1990-13",
                       "postcode": "1"})
    assert set(found) == {"family_name", "birth_date", "postcode"}


def test_household_role_needs_a_household() -> None:
    assert "braucht einen Haushalt" in errors_of({**VALID, "household_role": "child"})[
        "household_role"]
    household = uuid.uuid4()
    person = validate({**VALID, "household_id": str(household), "household_role": "child"})
    assert (person.household_id, person.household_role) == (household, "child")


def test_a_base_keeps_the_fields_not_given() -> None:
    base = validate(VALID)
    changed = validate({"phone": "0151 2345678"}, base=base)
    assert changed.family_name == "Al-Hassan" and changed.phone == "0151 2345678"


def test_country_and_language_names_in_german() -> None:
    assert [country_name(code) for code in ("SY", "AF", "TR", "XX", "UN", "XK")] == [
        "Syrien", "Afghanistan", "Türkei", "staatenlos", "ungeklärt", "Kosovo"]
    assert country_name("SY", "en") == "Syria" and country_name("XX", "en") == "stateless"
    assert [language_name(code) for code in ("ar", "fa-AF", "kmr", "uk")] == [
        "Arabisch", "Dari", "Nordkurdisch", "Ukrainisch"]
    assert normalize_language("deu") == "de" and normalize_language("qqq") == ""


# --- arbitrary input ----------------------------------------------------------------------

NASTY_TEXTS = ["", " ", "A" * 10_000, "\x00", "\x1b[31m", "\ud800", "\u202eevil", "😀" * 3,
               "👨‍👩‍👧", "Ivanоv", "محمد Mohammed", "Олександр", "ﷺ", "ß" * 50, "ﬀ" * 50,
               "१९९०", "1990-02-29", "0000", "\t", "\n\n", "null", "NaN", "-1"]
ANY_TEXT = st.one_of(st.text(max_size=300), st.sampled_from(NASTY_TEXTS),
                     st.text(alphabet=st.characters(codec="utf-8"), max_size=50))
ANY_VALUE = st.one_of(ANY_TEXT, st.none(), st.booleans(), st.integers(), st.floats(),
                      st.lists(ANY_TEXT, max_size=4),
                      st.lists(st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=3), max_size=3),
                      st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=2))
# Values each field accepts, so that accepted persons are explored as well as refusals.
PLAUSIBLE: dict[str, list[Any]] = {
    "family_name": ["", "Al-Hassan", "الحسن", "Коваленко"], "given_names": ["Ali", "Олена"],
    "names": [[], None, [{"family_name": "الحسن"}, {"given_names": "Muhammad"}]],
    "birth_date": ["1990", "1990-03", "14.03.1990", ""], "birth_place": ["Aleppo", ""],
    "sex": ["f", "m", "d", "u"], "nationality": ["SY", "xx", "UN", ""],
    "languages": [["ar", "fa-AF"], "uk, ru", []], "interpreter_needed": [False],
    "interpreter_language": ["", "ar"], "letter_language": ["", "uk", "fa-AF"],
    "street": ["Hauptstraße 5"], "postcode": ["41462", ""], "city": ["Köln", ""],
    "municipality": ["Neuss", "juechen", ""], "phone": ["0151 2345678", ""],
    "email": ["a@example.org", ""], "status": ["tolerated", ""],
    "status_document": ["Duldung (§60c)"], "document_number": ["c01x00t47", ""],
    "document_valid_until": ["2027-03-04", None], "permit_date": ["2024-01-31", None],
    "bamf_file_number": ["5123456-475"], "azr_number": ["123456789012"],
    "employable": [None, True, "nein"], "unaccompanied_minor": [True, "nein"],
    "household_id": [None, ""], "household_role": [""], "note": ["Erste Zeile\nzweite"],
}
ANY_KEY = st.one_of(st.sampled_from([*LABELS, "legal_status", "postal_code"]), ANY_TEXT)
ANY_PERSON = st.builds(
    lambda plausible, arbitrary: {**VALID, **plausible, **arbitrary},
    st.fixed_dictionaries({}, optional={key: st.sampled_from(values)
                                        for key, values in PLAUSIBLE.items()}),
    st.dictionaries(ANY_KEY, ANY_VALUE, max_size=3))


def column_length(key: str) -> int | None:
    column = Person.__table__.c.get({"postcode": "postal_code", "status": "legal_status"}.get(
        key, key))
    return getattr(getattr(column, "type", None), "length", None)


def assert_fits_the_columns(person: PersonInput) -> None:
    for key in LABELS:
        value, length = getattr(person, key), column_length(key)
        if isinstance(value, str) and length:
            assert len(value) <= length, key
    for name in person.names:
        assert max(len(name.family_name), len(name.given_names)) <= 200
        assert len(name.script) <= PersonName.__table__.c.script.type.length


def check_outcome(raw: dict[str, Any]) -> PersonInput | None:
    """The property every caller relies on: a typed person, or messages per field."""
    try:
        person = validate(raw)
    except PersonValidationError as rejected:
        assert rejected.errors
        for error in rejected.errors:
            assert isinstance(error.field, str) and error.message.startswith(f"{error.label}: ")
            error.message.encode("utf-8")  # printable: no lone surrogates echoed
        return None
    assert validate(as_raw(person)) == person  # what is stored reads back unchanged
    assert_fits_the_columns(person)
    return person


@settings(max_examples=300, deadline=None)
@given(ANY_PERSON)
def test_any_input_gives_a_person_or_field_messages(raw: dict[str, Any]) -> None:
    check_outcome(raw)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(LABELS)), ANY_TEXT)
def test_any_text_in_any_field(key: str, text: str) -> None:
    check_outcome({**VALID, key: text})
