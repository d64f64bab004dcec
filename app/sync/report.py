"""What one sync round moved, for the status bar, ``lotse sync`` and the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import _


@dataclass
class SyncReport:
    pushed: int = 0  # changes of this replica the hub applied
    duplicates: int = 0  # changes the hub had applied before (a repeated delivery)
    pulled: int = 0  # entries of the hub's log applied here
    skipped: int = 0  # entries for persons this branch does not serve
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    resolutions: int = 0  # conflicts closed here or on the hub as the other side resolved

    def document(self) -> dict[str, Any]:
        moved = {"pushed": self.pushed, "duplicates": self.duplicates, "pulled": self.pulled,
                 "skipped": self.skipped, "conflicts": self.conflicts}
        return moved | ({"resolutions": self.resolutions} if self.resolutions else {})

    def summary(self) -> str:
        return _("Synchronisiert: {pushed} Änderung(en) gesendet, {pulled} empfangen, "
                 "{conflicts} Konflikt(e).").format(pushed=self.pushed, pulled=self.pulled,
                                                   conflicts=len(self.conflicts)) + (
            _(" {count} Konfliktklärung(en) abgeglichen.").format(count=self.resolutions)
            if self.resolutions else "")


def conflict_document(row: Any) -> dict[str, Any]:
    """One recorded conflict as JSON (``lotse sync --json``, ``lotse conflicts list``)."""
    return {"id": str(row["id"]), "table": row["table_name"], "row_id": str(row["row_id"]),
            "field": row["field"], "hub_value": row["hub_value"],
            "replica_value": row["replica_value"], "kept_value": row["kept_value"],
            "hub_origin": row["hub_origin"], "replica_origin": row["replica_origin"],
            "rule": row["rule"], "detected_at": row["detected_at"].isoformat()}
