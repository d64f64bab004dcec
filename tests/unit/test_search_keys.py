"""Search keys: the spellings of one name meet, different names stay apart."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- birth dates, the look-up steps, one slip ----------------------------------------------


def test_a_date_known_only_to_the_year_fits_every_typed_date_of_that_year() -> None:
    from datetime import date

    from app.search.keys import date_keys
    from app.search.terms import date_group

    def fits(stored: tuple[date, str], typed: str) -> bool:
        birth = parse_date(typed)
        assert birth is not None
        return bool(date_keys(*stored) & {key.text for key in date_group(birth)})

    exact, year_only = (date(1990, 3, 12), "day"), (date(1990, 1, 1), "year")
    placeholder, month_only = (date(1990, 1, 1), "day"), (date(1990, 3, 1), "month")
    for typed in ("1990", "03.1990", "12.03.1990"):
        assert fits(exact, typed) and fits(year_only, typed) and fits(placeholder, typed)
        assert fits(month_only, typed)
    assert not fits(exact, "13.03.1990") and not fits(exact, "04.1990")
    assert not fits(month_only, "04.1990") and not fits(year_only, "1991")


def test_the_look_up_widens_step_by_step() -> None:
    from app.search.terms import Step, expression, fts5_query, tsquery

    parsed = parse_query("Mohamed Al-Has 1990")
    written, sounds, slip = (expression(parsed, step, shortest=1) for step in Step)
    assert fts5_query(written) == "(fmohamed) AND (falhas* OR fhas*) AND (y1990)"
    assert "smd" in fts5_query(sounds) and "fmohamed*" in fts5_query(sounds)
    assert "rdem*" in fts5_query(slip) and "fmoh*" in fts5_query(slip)  # halves
    assert tsquery(written) == "(fmohamed) & (falhas:* | fhas:*) & (y1990)"


@pytest.mark.parametrize(("typed", "stored"), [
    ("Mohanmed", "Mohammed"), ("Mohammde", "Mohammed"), ("Kovalemko", "Kovalenko"),
    ("Hassam", "Hassan"), ("Ibarhim", "Ibrahim"), ("Rai", "Rami"), ("Yusf", "Yusuf"),
])
def test_one_slip_leaves_a_half_that_the_index_finds(typed: str, stored: str) -> None:
    from app.search.rank import one_slip
    from app.search.terms import Step, token_group

    stored_keys = name_keys([stored])
    group = token_group(typed, Step.ONE_SLIP, last=True, shortest=1)
    assert any(any(k.startswith(key.text) if key.prefix else k == key.text
                   for k in stored_keys) for key in group), f"{typed} misses {stored}"
    assert one_slip(typed, stored)


def test_two_slips_are_not_one() -> None:
    from app.search.rank import one_slip

    assert not one_slip("Schmidt", "Schneider")
    assert not one_slip("Mohammed", "Mahmoud")


def _pool_names() -> list[str]:
    from app.demo.names import ORIGINS

    return sorted({latin for origin in ORIGINS
                   for forms in (*origin.male, *origin.female, *origin.family)
                   for latin in forms.latin if len(latin) >= 4 and " " not in latin})


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(_pool_names()), at=st.integers(min_value=0, max_value=40),
       how=st.sampled_from(["drop", "add", "replace", "swap"]),
       letter=st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
def test_any_single_slip_in_a_demo_name_is_still_found(name: str, at: int, how: str,
                                                       letter: str) -> None:
    from app.search.terms import Step, token_group

    at %= len(name) - 1
    typed = {"drop": name[:at] + name[at + 1:], "add": name[:at] + letter + name[at:],
             "replace": name[:at] + letter + name[at + 1:],
             "swap": name[:at] + name[at + 1] + name[at] + name[at + 2:]}[how]
    stored = name_keys([name])
    group = token_group(typed, Step.ONE_SLIP, last=False, shortest=1)
    assert any(any(k.startswith(key.text) if key.prefix else k == key.text for k in stored)
               for key in group), f"{typed!r} does not reach {name!r}"


def test_a_date_known_as_precisely_as_typed_costs_nothing() -> None:
    from datetime import date

    from app.search.rank import date_fit

    year_only = (date(1987, 1, 1), "year")
    for typed, cost in (("1987", 0.0), ("03.1987", -8.0), ("12.03.1987", -8.0)):
        birth = parse_date(typed)
        assert birth is not None
        assert date_fit(*year_only, birth)[0] == cost, typed
