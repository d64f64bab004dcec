"""Ages from birth dates known to the day, the month or only the year."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.ages import age_range, whole_years


@pytest.mark.parametrize(("born", "on", "years"), [
    (date(1988, 3, 14), date(2026, 3, 13), 37),
    (date(1988, 3, 14), date(2026, 3, 14), 38),  # the birthday itself counts
    (date(2008, 2, 29), date(2026, 2, 28), 17),
    (date(2008, 2, 29), date(2026, 3, 1), 18),  # no 29 February in 2026
    (date(2026, 3, 1), date(2026, 3, 1), 0),
])
def test_whole_years(born: date, on: date, years: int) -> None:
    assert whole_years(born, on) == years


@pytest.mark.parametrize(("born", "precision", "on", "expected"), [
    (date(1988, 3, 14), "day", date(2026, 6, 1), (38, 38, "14.03.1988")),
    (date(2008, 1, 1), "year", date(2026, 3, 2), (17, 18, "2008")),
    (date(2008, 1, 1), "year", date(2026, 12, 31), (18, 18, "2008")),  # every day of 2008 passed
    (date(2008, 5, 1), "month", date(2026, 5, 15), (17, 18, "05.2008")),
    (date(2008, 5, 1), "month", date(2026, 6, 1), (18, 18, "05.2008")),
    (date(2026, 1, 1), "year", date(2026, 3, 2), (0, 0, "2026")),  # born later this year: 0
])
def test_a_partly_known_birth_date_gives_a_range(born: date, precision: str, on: date,
                                                 expected: tuple[int, int, str]) -> None:
    ages = age_range(born, precision, on)
    assert (ages.youngest, ages.oldest, ages.known) == expected
    assert ages.certain == (expected[0] == expected[1])
