"""The approval queue as a table: reference, date, person, agency kind, office, concern,
status, and why the referral needs a supervisor's approval.

The queue is a supervisor's working list (tens of rows, not thousands): the controller
loads it whole through the worker and hands it over; after an approval or a rejection the
changed row is replaced in place, so the selection stays where it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from app.i18n import _
from app.services.approval import QueueRow
from ui.models.columns import ColumnsModel, Index
from ui.models.referral_model import agency_label, concern_label, status_label


def _columns() -> list[tuple[str, Callable[[QueueRow], str]]]:
    return [
        (_("Aktenzeichen"), lambda r: r.reference),
        (_("Angelegt am"), lambda r: f"{r.created_at.astimezone():%d.%m.%Y}"),
        (_("Person"), lambda r: r.person_name),
        (_("Stellenart"), lambda r: agency_label(r.agency_kind)),
        (_("Stelle"), lambda r: r.office_name),
        (_("Anliegen"), lambda r: concern_label(r.concern)),
        (_("Status"), lambda r: status_label(r.status)),
        (_("Warum Freigabe"), lambda r: "; ".join(r.reasons)),
    ]


class ApprovalModel(ColumnsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_columns(), parent)
        self._rows: list[QueueRow] = []

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_status(self, reference: str, status: str) -> None:
        """Show a decision on a listed row without reloading the queue."""
        number = self.row_of(reference)
        if number is None:
            return
        old = self._rows[number]
        self._rows[number] = replace(old, status=status)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self._columns) - 1))

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, reference: str) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.reference == reference), None)

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    # --- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((row.reference, row.office_name, *row.reasons))
        return None
