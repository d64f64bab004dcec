"""Keys and readable numbers."""

from __future__ import annotations

import itertools

from app.ids import ReadableNumber, check_digit, new_id, parse_number


def test_new_ids_are_uuid7_and_sortable_by_creation() -> None:
    ids = [new_id() for _ in range(200)]
    assert all(i.version == 7 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_readable_number_round_trip() -> None:
    number = ReadableNumber(office="NE", workstation=2, year=2026, counter=417)
    text = str(number)
    assert text.startswith("NE-2-2026-000417-")
    assert parse_number(text) == number
    assert parse_number(f"  {text.lower()} ") == number  # typed in lower case with spaces


def test_person_numbers_are_told_apart_from_referral_references() -> None:
    person = ReadableNumber(office="GV", workstation=1, year=2026, counter=17, person=True)
    assert str(person).startswith("P-GV-1-2026-000017-")
    parsed = parse_number(str(person))
    assert parsed is not None and parsed.person


def test_every_single_mistyped_digit_is_caught() -> None:
    text = str(ReadableNumber(office="NE", workstation=2, year=2026, counter=417))
    for position, char in enumerate(text):
        if not char.isdigit():
            continue
        for wrong in "0123456789":
            if wrong != char:
                typo = text[:position] + wrong + text[position + 1:]
                assert parse_number(typo) is None, typo


def test_most_swapped_neighbouring_digits_are_caught() -> None:
    caught = total = 0
    for counter in range(1, 2000, 7):
        body = ReadableNumber(office="NE", workstation=2, year=2026, counter=counter).body
        digits = body.rsplit("-", 1)[1]
        for i, (a, b) in enumerate(itertools.pairwise(digits)):
            if a == b:
                continue
            swapped = digits[:i] + b + a + digits[i + 2:]
            total += 1
            caught += check_digit(body) != check_digit(body.rsplit("-", 1)[0] + "-" + swapped)
    assert caught / total > 0.9


def test_malformed_numbers_are_rejected() -> None:
    for text in ("", "NE-2026", "XX-1-2026-00001-1", "NE-2-26-000417-3", "NE-a-2026-000417-3"):
        assert parse_number(text) is None
