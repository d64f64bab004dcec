"""The transition table of a referral's lifecycle, rule by rule (no database)."""

from __future__ import annotations

import itertools

import pytest

from app.codes import ReferralStatus
from app.services.referral_lifecycle import (
    NEEDS_REASON,
    TRANSITIONS,
    TransitionError,
    check_transition,
)

S = ReferralStatus
ALLOWED = [(old, new) for old, targets in TRANSITIONS.items() for new in targets]
FORBIDDEN = [(old, new) for old in S for new in S if new not in TRANSITIONS[old]]


def test_the_way_a_referral_should_go_is_allowed_step_by_step() -> None:
    path = [S.DRAFT, S.APPROVED, S.ISSUED, S.ARRIVED, S.COMPLETED]
    for old, new in itertools.pairwise(path):
        assert check_transition(old, new) == ""


@pytest.mark.parametrize(("old", "new"), ALLOWED, ids=lambda s: s.value)
def test_each_allowed_transition_passes_with_a_reason(old: S, new: S) -> None:
    assert check_transition(old, new, "  Termin verpasst ") == "Termin verpasst"


@pytest.mark.parametrize(("old", "new"), FORBIDDEN, ids=lambda s: s.value)
def test_each_other_transition_is_refused_naming_the_status(old: S, new: S) -> None:
    with pytest.raises(TransitionError) as raised:
        check_transition(old, new, "weil")
    assert raised.value.errors[0].field == "status"
    assert new.label in raised.value.message and old.label in raised.value.message


@pytest.mark.parametrize("new", sorted(NEEDS_REASON), ids=str)
def test_endings_need_a_reason(new: S) -> None:
    old = next(old for old, targets in TRANSITIONS.items() if new in targets)
    with pytest.raises(TransitionError, match="Begründung") as raised:
        check_transition(old, new, "   ")
    assert raised.value.errors[0].field == "reason"


def test_the_good_way_needs_no_reason() -> None:
    assert {S.APPROVED, S.ISSUED, S.ARRIVED, S.COMPLETED}.isdisjoint(NEEDS_REASON)
    assert check_transition(S.ISSUED, S.ARRIVED, "") == ""


def test_final_statuses_say_that_nothing_can_follow() -> None:
    for final in (S.COMPLETED, S.DECLINED, S.CANCELLED, S.REJECTED):
        with pytest.raises(TransitionError, match="endgültig"):
            check_transition(final, S.ISSUED)


def test_a_person_who_turns_up_after_all_can_still_arrive() -> None:
    assert check_transition(S.NOT_REACHED, S.ARRIVED) == ""


def test_unknown_codes_and_overlong_reasons_are_field_errors() -> None:
    with pytest.raises(TransitionError, match="kein Status") as raised:
        check_transition(S.ISSUED, "lost")
    assert raised.value.errors[0].field == "status"
    with pytest.raises(TransitionError, match="höchstens 1000") as raised:
        check_transition(S.ISSUED, S.DECLINED, "x" * 1001)
    assert raised.value.errors[0].field == "reason"
