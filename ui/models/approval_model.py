"""The approval queue as a table: reference, date, person, agency kind, office, concern,
status, and why the referral needs a supervisor's approval.

The queue is a supervisor's working list (tens of rows, not thousands): the controller
loads it whole through the worker and hands it over; after an approval or a rejection the
changed row is replaced in place, so the selection stays where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import cast

from PySide6.QtCore import QObject

from app.i18n import _
from app.services.approval import QueueRow
from ui.models.columns import ReferenceRowsModel
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


class ApprovalModel(ReferenceRowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_columns(), parent)

    def replace_status(self, reference: str, status: str) -> None:
        """Show a decision on a listed row without reloading the queue."""
        number = self.row_of(reference)
        if number is not None:
            self.replace_row(number, replace(self._rows[number], status=status))

    def row_at(self, row: int) -> QueueRow:
        return cast(QueueRow, super().row_at(row))

    def rows(self) -> list[QueueRow]:
        return super().rows()

    def tooltip(self, row: QueueRow) -> str:
        return "\n".join((row.reference, row.office_name, *row.reasons))
