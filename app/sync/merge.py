"""The field merge of one row against the replica's base, decided the same way everywhere.

A field the replica did not change keeps the hub's value. A field only the replica changed
takes the replica's value. A field both changed to different values is a conflict: the
later change (``updated_at``) wins, on a tie the larger workstation name – deterministic, so
every replica ends with the same value – and the conflict is recorded for a supervisor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import _

# Written by every save: they follow the side whose fields were taken, never a conflict.
BOOKKEEPING = frozenset({"id", "updated_at", "origin", "created_at"})
_MISSING = object()


@dataclass(frozen=True)
class FieldConflict:
    field: str
    hub_value: Any
    replica_value: Any
    kept_value: Any
    rule: str
    hub_origin: str = ""


@dataclass
class Merged:
    values: dict[str, Any] = field(default_factory=dict)  # the fields to write on the hub
    conflicts: list[FieldConflict] = field(default_factory=list)


def merge_row(hub: dict[str, Any], mine: dict[str, Any],
              base: dict[str, Any] | None) -> Merged:
    """What to write on the hub for the replica's row ``mine`` (JSON values), given the
    hub's current row and the replica's base (None: the replica made the row)."""
    merged = Merged()
    replica_later = _later(mine, hub)
    for name, value in mine.items():
        if name in BOOKKEEPING:
            continue
        was = hub.get(name) if base is None else base.get(name, _MISSING)
        theirs = hub.get(name)
        if value in (was, theirs):
            continue  # the replica did not change it, or both agree
        if theirs == was or was is _MISSING:
            merged.values[name] = value
            continue
        kept = value if replica_later else theirs
        merged.conflicts.append(FieldConflict(name, theirs, value, kept, _rule(replica_later),
                                              hub.get("origin") or ""))
        if replica_later:
            merged.values[name] = value
    if merged.values:
        merged.values["updated_at"] = max(mine.get("updated_at") or "",
                                          hub.get("updated_at") or "")
        merged.values["origin"] = mine.get("origin", "")
    return merged


def _later(mine: dict[str, Any], hub: dict[str, Any]) -> bool:
    """Whether the replica's change counts as the later one (ties: the workstation name)."""
    ours = (mine.get("updated_at") or "", mine.get("origin") or "")
    theirs = (hub.get("updated_at") or "", hub.get("origin") or "")
    return ours > theirs


def _rule(replica_later: bool) -> str:
    if replica_later:
        return _("beide Seiten geändert; die spätere Änderung (Zweigstelle) gilt")
    return _("beide Seiten geändert; die spätere Änderung (Zentrale) gilt")
