"""The role matrix, action by action: who may do what (issue 6).

The expectation is written out here, not derived from app.security.permissions, so that a
change of the matrix in the code fails until this table agrees. Refusals need the audit
log and are proven on both engines in tests/db/test_accounts.py.
"""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.codes import Role
from app.security.permissions import Action, Actor, allowed, allowed_actions, require

F, S, A = Role.FRONT_DESK, Role.SUPERVISOR, Role.ADMIN
COUNTER = {F, S, A}
SUPERVISION = {S, A}
ADMINISTRATION = {A}

EXPECTED: dict[str, set[Role]] = {
    "search": COUNTER,
    "view_person": COUNTER,
    "register_person": COUNTER,
    "change_person": COUNTER,
    "record_visit": COUNTER,
    "route": COUNTER,
    "create_referral": COUNTER,
    "list_referrals": COUNTER,
    "cancel_referral": COUNTER,
    "preview_letter": COUNTER,
    "print_original": COUNTER,
    "print_copy": COUNTER,
    "record_consent": COUNTER,
    "record_outcome": COUNTER,
    "approve_referral": SUPERVISION,
    "reject_referral": SUPERVISION,
    "batch_print": SUPERVISION,
    "view_statistics": SUPERVISION,
    "export": SUPERVISION,
    "view_audit_trail": SUPERVISION,
    "verify_audit": SUPERVISION,
    "merge_persons": SUPERVISION,
    "review_conflicts": SUPERVISION,
    "edit_directory": ADMINISTRATION,
    "manage_users": ADMINISTRATION,
}

CASES = [(role, action) for action in Action for role in Role]


def test_the_table_names_every_action() -> None:
    assert set(EXPECTED) == {action.value for action in Action}


@pytest.mark.parametrize(("role", "action"), CASES, ids=[f"{r}-{a}" for r, a in CASES])
def test_role_and_action(role: Role, action: Action) -> None:
    assert allowed(role, action) == (role in EXPECTED[action.value])
    assert (action in allowed_actions(role)) == (role in EXPECTED[action.value])


@pytest.mark.parametrize(("role", "action"),
                         [(r, a) for r, a in CASES if r in EXPECTED[a.value]],
                         ids=[f"{r}-{a}" for r, a in CASES if r in EXPECTED[a.value]])
def test_an_allowed_action_passes_without_touching_the_database(role: Role,
                                                                action: Action) -> None:
    with Session() as unbound:  # any query would raise: no engine behind it
        require(unbound, Actor(None, "x", role, "NE-1"), action)


def test_each_role_may_do_what_the_one_below_may() -> None:
    assert allowed_actions(F) < allowed_actions(S) < allowed_actions(A)


def test_every_action_has_a_german_label() -> None:
    labels = [action.label for action in Action]
    assert len(set(labels)) == len(labels)
    assert Action.APPROVE_REFERRAL.label == "Überleitung freigeben"
