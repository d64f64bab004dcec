"""Open synchronisation conflicts as a table: the record in words, the field, the value kept
and the other one, why, when and on which workstations. A supervisor's working list, loaded
whole by the worker (conflicts are few)."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QObject

from app.i18n import _
from app.sync.conflicts import ConflictView
from ui.models.columns import ReferenceRowsModel


def workstations_text(row: ConflictView) -> str:
    return _("{kept} (behalten), {other}").format(kept=row.kept_by, other=row.other_by)


def _columns() -> list[tuple[str, Any]]:
    return [(_("Datensatz"), lambda row: row.record),
            (_("Feld"), lambda row: row.field),
            (_("Behalten"), lambda row: row.kept),
            (_("Anderer Wert"), lambda row: row.other),
            (_("Arbeitsplätze"), workstations_text),
            (_("Erkannt"), lambda row: f"{row.detected_at.astimezone():%d.%m.%Y %H:%M}"),
            (_("Warum behalten"), lambda row: row.rule)]


class ConflictModel(ReferenceRowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_columns(), parent)

    def row_at(self, row: int) -> ConflictView:
        return cast(ConflictView, super().row_at(row))

    def tooltip(self, row: ConflictView) -> str:
        return _("{field} von {record}: behalten „{kept}“, anders „{other}“").format(
            field=row.field, record=row.record, kept=row.kept, other=row.other)
