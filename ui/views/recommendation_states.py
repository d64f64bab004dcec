"""What the front desk chose per recommendation, kept apart from the widgets: it survives a
new routing run (rows are matched by person, concern, role, agency kind and rule) and goes
into the visit's draft as plain values."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from app.services.referral_decisions import DecisionAction

RowKey = tuple[uuid.UUID, str, str, str, str]  # person, concern, role, agency kind, rule
_KEYS = ("person_id", "concern", "role", "agency_kind", "rule_id")
_CHOSEN = ("action", "agency_kind", "office_code", "reason")


@dataclass(frozen=True)
class RowState:
    """What the front desk chose for one recommendation."""

    action: str = DecisionAction.ACCEPT
    agency_kind: str = ""
    office_code: str = ""
    reason: str = ""


def state_entries(states: Mapping[RowKey, RowState]) -> list[dict[str, str]]:
    """The states as JSON-ready entries for a draft."""
    return [{**dict(zip(_KEYS, map(str, key), strict=True)),
             **{f"chosen_{name}": value for name, value in asdict(state).items()}}
            for key, state in states.items()]


def read_states(entries: Sequence[Mapping[str, object]]) -> dict[RowKey, RowState]:
    """The states of a draft; a damaged entry is left out (that decision starts afresh)."""
    states: dict[RowKey, RowState] = {}
    for entry in entries:
        try:
            person = uuid.UUID(str(entry["person_id"]))
            concern, role, kind, rule = (str(entry[name]) for name in _KEYS[1:])
        except (KeyError, ValueError, TypeError):
            continue
        chosen = (str(entry.get(f"chosen_{name}", "")) for name in _CHOSEN)
        states[(person, concern, role, kind, rule)] = RowState(*chosen)
    return states


def decision_field(field: str) -> tuple[int | None, str]:
    """``decisions[3].reason`` → (3, "reason"); (None, "") for any other field."""
    if not field.startswith("decisions["):
        return None, ""
    index, _sep, key = field.removeprefix("decisions[").partition("].")
    return (int(index), key) if index.isdigit() else (None, "")
