"""The demo generator: deterministic, prefix-stable, and as messy as the real front desk."""

from __future__ import annotations

import re

import pytest

from app.codes import (
    LETTER_LANGUAGES,
    MUNICIPALITIES,
    NATIONALITY_UNCLEAR,
    STATELESS,
    STATUS_DOCUMENTS,
    AgencyKind,
    LegalStatus,
)
from app.demo.generate import (
    DemoHousehold,
    DemoPerson,
    generate_household,
    generate_households,
)
from app.demo.papers import TEMPORARY_PROTECTION_CUTOFF
from app.services.partial_dates import PartialDate
from app.services.person_input import validate

POSTAL_CODES = {
    "Neuss": range(41460, 41473), "Grevenbroich": range(41515, 41518),
    "Dormagen": range(41539, 41543), "Meerbusch": range(40667, 40671),
    "Kaarst": range(41564, 41565), "Korschenbroich": range(41352, 41353),
    "Jüchen": range(41363, 41364), "Rommerskirchen": range(41569, 41570),
}
BAMF_FILE_NUMBER = re.compile(r"^\d{7}-\d{3}$")
ASYLUM_STATUSES = {LegalStatus.ASYLUM_SEEKER, LegalStatus.TOLERATED, LegalStatus.PROTECTED}


def persons_of(households: list[DemoHousehold]) -> list[DemoPerson]:
    return [person for household in households for person in household.members]


@pytest.fixture(scope="module")
def demo200() -> list[DemoPerson]:
    return persons_of(generate_households(200))


@pytest.fixture(scope="module")
def demo1000() -> list[DemoPerson]:
    return persons_of(generate_households(1000))


def test_same_seed_gives_the_same_people() -> None:
    assert generate_households(150) == generate_households(150)
    assert generate_households(150, seed=7) != generate_households(150)


@pytest.mark.parametrize("count", [0, 1, 7, 200])
def test_exactly_the_requested_number_of_persons(count: int) -> None:
    assert len(persons_of(generate_households(count))) == count


def test_a_small_demo_is_the_beginning_of_a_larger_one() -> None:
    small, large = persons_of(generate_households(200)), persons_of(generate_households(500))
    assert small == large[:200]


def test_a_household_depends_only_on_its_index() -> None:
    assert generate_household(37) == generate_household(37)
    assert generate_households(2000)[37] == generate_household(37)


def test_ids_are_unique_uuid7(demo1000: list[DemoPerson]) -> None:
    ids = [p.id for p in demo1000] + [n.id for p in demo1000 for n in p.names]
    ids += [v.id for p in demo1000 for v in p.visits]
    ids += [c.id for p in demo1000 for v in p.visits for c in v.concerns]
    assert len(ids) == len(set(ids))
    assert {i.version for i in ids} == {7}
    assert all(i.variant == "specified in RFC 4122" for i in ids)


def test_every_status_and_municipality_in_200(demo200: list[DemoPerson]) -> None:
    assert {p.legal_status for p in demo200} == set(LegalStatus)
    assert {p.municipality for p in demo200} == set(MUNICIPALITIES)
    assert {STATELESS, NATIONALITY_UNCLEAR, "UA", "SY", "AF"} <= {p.nationality for p in demo200}


def test_addresses_have_the_postal_code_of_their_municipality(
        demo1000: list[DemoPerson]) -> None:
    for person in demo1000:
        assert int(person.postal_code) in POSTAL_CODES[person.municipality], person
        assert person.city == person.municipality
        assert re.match(r"^\D+ \d+[ab]?$", person.street), person.street


def test_documents_fit_the_status(demo1000: list[DemoPerson]) -> None:
    alternatives = {"Ankunftsnachweis", "Fiktionsbescheinigung", "Duldung (§60c)",
                    "Duldung (§60d)"}
    for person in demo1000:
        status = LegalStatus(person.legal_status)
        assert person.status_document in {STATUS_DOCUMENTS[status], *alternatives}, person
        if status is LegalStatus.UNKNOWN:
            assert not person.document_number and person.document_valid_until is None
        else:
            assert person.document_number and person.document_valid_until
        if status in ASYLUM_STATUSES:
            assert BAMF_FILE_NUMBER.match(person.bamf_file_number), person.bamf_file_number
        if status in (LegalStatus.TEMPORARY_PROTECTION, LegalStatus.EU_CITIZEN):
            assert person.bamf_file_number == ""
        if person.azr_number:
            assert re.match(r"^\d{12}$", person.azr_number)


def test_temporary_protection_both_before_and_after_the_cutoff(
        demo200: list[DemoPerson]) -> None:
    dates = [p.permit_date for p in demo200
             if p.legal_status == LegalStatus.TEMPORARY_PROTECTION]
    assert all(dates)
    assert any(d <= TEMPORARY_PROTECTION_CUTOFF for d in dates if d)
    assert any(d > TEMPORARY_PROTECTION_CUTOFF for d in dates if d)


def test_names_come_in_several_spellings_and_scripts(demo200: list[DemoPerson]) -> None:
    names = [name for person in demo200 for name in person.names]
    assert {(n.kind, n.script) for n in names} >= {("variant", "Latn"), ("original", "Arab"),
                                                   ("original", "Cyrl")}
    arabic = [n for n in names if n.script == "Arab"]
    assert all(re.search(r"[\u0600-\u06FF]", n.given_names) for n in arabic)
    assert any(p.family_name == "" for p in demo200)
    assert any(" " in p.given_names for p in demo200)  # several given names


def test_one_name_in_several_transliterations(demo1000: list[DemoPerson]) -> None:
    words: set[str] = set()
    for person in demo1000:
        for given in (person.given_names, *(name.given_names for name in person.names)):
            words.update(given.split())
    assert len({"Mohammed", "Muhammad", "Mohamad", "Mohamed"} & words) >= 3
    assert len({"Oleksandr", "Aleksandr", "Olexandr"} & words) >= 2


def test_birth_dates_are_as_uncertain_as_in_real_life(demo200: list[DemoPerson]) -> None:
    precisions = {p.birth_date_precision for p in demo200}
    assert precisions == {"day", "month", "year"}
    for person in demo200:
        if person.birth_date_precision == "year":
            assert (person.birth_date.month, person.birth_date.day) == (1, 1)
        if person.birth_date_precision == "month":
            assert person.birth_date.day == 1
    placeholders = [p for p in demo200 if p.birth_date_precision == "day"
                    and (p.birth_date.month, p.birth_date.day) == (1, 1)]
    assert len(placeholders) >= 3  # "01.01.YYYY" as offices fill it in


def test_ages_from_babies_to_the_elderly(demo1000: list[DemoPerson]) -> None:
    ages = [p.age for p in demo1000]
    assert min(ages) == 0
    assert max(ages) >= 70
    assert any(p.age < 18 for p in demo1000)


def test_households_and_unaccompanied_minors() -> None:
    households = generate_households(1000)
    families = [h for h in households if h.id is not None]
    assert {len(h.members) for h in families[:-1]} <= set(range(1, 9))
    assert max(len(h.members) for h in families) >= 6
    for household in families:
        assert household.members[0].household_role == "head"
        assert household.label
        head = household.members[0]
        for child in household.members:
            if child.household_role == "child" and head.family_name:
                assert child.family_name, household.label
    minors = [p for h in households if h.id is None for p in h.members]
    assert minors
    assert all(p.unaccompanied_minor and 14 <= p.age <= 17 and p.household_role == ""
               for p in minors)
    relations = {p.household_role for h in families for p in h.members}
    assert relations >= {"head", "spouse", "child", "parent", "sibling"}


def test_visits_only_name_members_stored_before_them() -> None:
    for household in generate_households(1000):
        seen: set[object] = set()
        for person in household.members:
            seen.add(person.id)
            for visit in person.visits:
                assert visit.person_id in seen
                assert visit.concerns
                assert {c.person_id for c in visit.concerns} <= seen


def test_languages_and_interpreters(demo200: list[DemoPerson]) -> None:
    for person in demo200:
        assert person.languages
        if person.interpreter_needed:
            assert person.interpreter_language in person.languages
            assert "de" not in person.languages
    assert any(p.interpreter_needed for p in demo200)
    assert {"ar", "uk"} <= {p.letter_language for p in demo200}
    assert {True, False, None} == {p.employable for p in demo200}


def test_every_demo_person_passes_the_person_form(demo1000: list[DemoPerson]) -> None:
    """Demo data can be opened and saved in the form without a single correction."""
    for person in demo1000:
        validate({
            "family_name": person.family_name, "given_names": person.given_names,
            "birth_date": str(PartialDate(person.birth_date, person.birth_date_precision)),
            "birth_place": person.birth_place, "sex": person.sex,
            "nationality": person.nationality, "languages": list(person.languages),
            "letter_language": person.letter_language,
            "interpreter_needed": person.interpreter_needed,
            "interpreter_language": person.interpreter_language, "street": person.street,
            "postcode": person.postal_code, "city": person.city,
            "municipality": person.municipality, "phone": person.phone, "email": person.email,
            "status": person.legal_status, "status_document": person.status_document,
            "document_number": person.document_number,
            "document_valid_until": str(person.document_valid_until or ""),
            "permit_date": str(person.permit_date or ""),
            "bamf_file_number": person.bamf_file_number, "azr_number": person.azr_number,
            "employable": person.employable, "unaccompanied_minor": person.unaccompanied_minor,
            "household_id": None if person.unaccompanied_minor else str(person.id),
            "household_role": person.household_role, "note": person.note,
            "names": [{"family_name": name.family_name, "given_names": name.given_names,
                       "kind": name.kind} for name in person.names],
        })


def test_referrals_to_every_agency_kind_in_every_letter_language(
        demo200: list[DemoPerson]) -> None:
    visits = [visit for person in demo200 for visit in person.visits]
    referrals = [r for visit in visits for r in visit.referrals]
    assert {r.agency_kind for r in referrals} == set(AgencyKind)
    assert {p.letter_language for p in demo200} == set(LETTER_LANGUAGES)
    languages = {p.id: p.letter_language for p in demo200}
    for visit in visits:  # one referral per concern, in the concerned person's language
        assert [(r.concern_id, r.person_id) for r in visit.referrals] == [
            (c.id, c.person_id) for c in visit.concerns]
        assert all(r.language == languages[r.person_id] for r in visit.referrals)
    consenting = {r.consent.person_id for r in referrals if r.consent}
    assert consenting and all(p.age >= 15 for p in demo200 if p.id in consenting)
    assert any(len({r.person_id for r in v.referrals}) > 1 for v in visits)  # route sheet
    ids = [r.id for r in referrals] + [r.consent.id for r in referrals if r.consent]
    assert len(ids) == len(set(ids)) and {i.version for i in ids} == {7}


def test_tour_visitors_write_in_a_language_they_speak(demo200: list[DemoPerson]) -> None:
    assert all(p.letter_language in (*p.languages, "de") for p in demo200)
