"""The three-way merge of two saves of one person: only real differences are offered, each
with the side that changed it, and a field changed on both sides waits for a choice."""

from __future__ import annotations

import pytest

from app.services.person_input import PersonInput, as_raw
from app.services.person_merge_fields import (
    Side,
    UnchosenFieldsError,
    canonical,
    merge_notes,
    merged,
    three_way,
)

BASE = {**as_raw(PersonInput(family_name="Haidari", given_names="Zahra",
                             nationality="AF", languages=("fa-AF",))),
        "birth_date": "2001-11-23"}


def by_key(base: dict[str, object], mine: dict[str, object],
           theirs: dict[str, object]) -> dict[str, Side | None]:
    return {choice.key: choice.default for choice in three_way(base, mine, theirs)}


def test_the_same_value_written_differently_is_no_difference() -> None:
    typed = {**BASE, "birth_date": "23.11.2001", "languages": "fa-AF", "sex": "u",
             "nationality": "af", "phone": "  "}
    assert three_way(BASE, typed, BASE) == []
    assert canonical("birth_date", "23.11.2001") == canonical("birth_date", "2001-11-23")


def test_each_side_keeps_what_only_it_changed_and_both_changed_needs_a_choice() -> None:
    mine = {**BASE, "phone": "0176 5550000", "note": "Termin Jobcenter"}
    theirs = {**BASE, "street": "Markt 1", "note": "Sprachkurs ab Mai"}
    assert by_key(BASE, mine, theirs) == {"street": Side.THEIRS, "phone": Side.MINE,
                                          "note": None}


def test_the_choices_come_in_the_order_of_the_form_with_their_labels() -> None:
    mine = {**BASE, "note": "a", "family_name": "Heidari"}
    theirs = {**BASE, "note": "b"}
    choices = three_way(BASE, mine, theirs)
    assert [(c.key, c.label, c.both_changed) for c in choices] == [
        ("family_name", "Familienname", False), ("note", "Notiz", True)]


def test_both_changing_a_field_to_the_same_value_is_no_conflict() -> None:
    same = {**BASE, "phone": "0176 5550000"}
    assert three_way(BASE, same, dict(same)) == []


def test_a_typing_error_still_counts_as_a_change_of_mine() -> None:
    mine = {**BASE, "birth_date": "31.02.2001"}
    assert by_key(BASE, mine, BASE) == {"birth_date": Side.MINE}


def test_without_the_loaded_version_every_difference_needs_a_choice() -> None:
    mine = {**BASE, "phone": "0176 5550000"}
    assert by_key({}, mine, BASE) == {"phone": None}


def test_the_merge_takes_the_chosen_sides_and_the_stored_household() -> None:
    mine = {**BASE, "phone": "0176 5550000", "note": "a", "household_id": ""}
    theirs = {**BASE, "street": "Markt 1", "note": "b",
              "household_id": "0190a1b2-0000-7000-8000-000000000001"}
    choices = three_way(BASE, mine, theirs)
    with pytest.raises(UnchosenFieldsError) as raised:
        merged(mine, theirs, choices, {})
    assert raised.value.keys == ["note"]
    result = merged(mine, theirs, choices, {"note": Side.THEIRS, "street": Side.MINE})
    assert (result["phone"], result["street"], result["note"], result["household_id"]) == (
        "0176 5550000", "", "b", theirs["household_id"])
    assert merged(mine, theirs, choices, {"note": Side.MINE})["street"] == "Markt 1"


def test_name_variants_are_one_choice_and_the_dialog_says_so() -> None:
    mine = {**BASE, "names": [{"family_name": "حیدری", "given_names": "زهرا"}]}
    theirs = {**BASE, "names": [{"family_name": "Heydari", "given_names": "Sahra"}]}
    choices = three_way(BASE, mine, theirs)
    assert [(c.key, c.default) for c in choices] == [("names", None)]
    notes = merge_notes(mine, theirs, choices, new_members=False)
    assert len(notes) == 1 and "Namensvarianten" in notes[0]
    assert any("Haushalt" in note for note in merge_notes(mine, mine, [], new_members=True))
