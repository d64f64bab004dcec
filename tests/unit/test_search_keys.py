"""Search keys: the spellings of one name meet, different names stay apart."""

from __future__ import annotations

import pytest

from app.search.keys import fold, name_keys, skeleton
from app.search.query import parse_date, parse_query

SAME_NAME = [
    ["Mohammed", "Muhammad", "Mohamad", "Mohamed", "محمد", "Мухаммад"],
    ["Al-Hassan", "Alhasan", "Hasan", "Hassan", "الحسن"],
    ["Yusuf", "Youssef", "Yousef", "يوسف"],
    ["Oleksandr", "Olexandr", "Олександр"],
    ["Meier", "Mayer", "Maier"],
    ["Hüseyin", "Huseyin"],
]


@pytest.mark.parametrize("spellings", SAME_NAME, ids=lambda s: s[0])
def test_spellings_of_one_name_share_a_key(spellings: list[str]) -> None:
    first = name_keys([spellings[0]]) - {k for k in name_keys([spellings[0]]) if k[0] == "f"}
    for other in spellings[1:]:
        assert first & name_keys([other]), f"{spellings[0]} and {other} share no key"


def test_different_names_do_not_share_a_sound_key() -> None:
    assert not (name_keys(["Fatima"]) & name_keys(["Oleksandr"]))
    assert skeleton(fold("Omar")) != skeleton(fold("Amina"))


def test_folding_transliterates_every_script() -> None:
    assert fold("Hüseyin") == "huseyin"
    assert fold("محمد") == "mhmd"
    assert fold("Олександр") == "oleksandr"
    assert fold("🙂") == ""


@pytest.mark.parametrize(("typed", "first", "last", "precision"), [
    ("1990", "1990-01-01", "1990-12-31", "year"),
    ("03.1990", "1990-03-01", "1990-03-31", "month"),
    ("1990-03", "1990-03-01", "1990-03-31", "month"),
    ("12.03.1990", "1990-03-12", "1990-03-12", "day"),
    ("1990-03-12", "1990-03-12", "1990-03-12", "day"),
])
def test_partial_dates(typed: str, first: str, last: str, precision: str) -> None:
    parsed = parse_date(typed)
    assert parsed is not None
    assert (str(parsed.first), str(parsed.last), parsed.precision) == (first, last, precision)


def test_impossible_dates_are_names_not_errors() -> None:
    assert parse_date("31.02.1990") is None
    assert parse_date("13.1990") is None
    assert parse_query("🙂 ,,, ").empty


def test_query_sorts_out_names_dates_and_numbers() -> None:
    parsed = parse_query("Hasan Amina 1990 8123456-475")
    assert parsed.names == ["Hasan", "Amina"]
    assert parsed.birth is not None and parsed.birth.precision == "year"
    assert parsed.bamf_file_number == "8123456-475"
