"""The overdue referrals as a table: reference, person, office, issued on, days waiting and
status, longest waiting first (the service's order).

Like the approval queue it is a supervisor's working list, loaded whole through the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QObject, Qt

from app.i18n import _
from app.services.outcomes import OverdueRow
from ui.models.columns import Index, ReferenceRowsModel
from ui.models.referral_model import agency_label, status_label

DAYS_COLUMN = 4


def _columns() -> list[tuple[str, Callable[[OverdueRow], str]]]:
    return [
        (_("Aktenzeichen"), lambda r: r.reference),
        (_("Person"), lambda r: r.person_name),
        (_("Stelle"), lambda r: r.office_name or agency_label(r.agency_kind)),
        (_("Ausgehändigt am"), lambda r: f"{r.issued_at.astimezone():%d.%m.%Y}"),
        (_("Tage ohne Rückmeldung"), lambda r: str(r.days_waiting)),
        (_("Status"), lambda r: status_label(r.status)),
    ]


class OverdueModel(ReferenceRowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_columns(), parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == DAYS_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # a number
        return super().data(index, role)

    def row_at(self, row: int) -> OverdueRow:
        return cast(OverdueRow, super().row_at(row))

    def rows(self) -> list[OverdueRow]:
        return super().rows()

    def tooltip(self, row: OverdueRow) -> str:
        return "\n".join((row.reference, agency_label(row.agency_kind), row.office_name))
