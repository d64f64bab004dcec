"""Referrals as a table for the letters area: reference, person, office, concern, language,
status and whether the letter was printed.

The controller loads the rows of one person, one visit or the newest referrals through the
worker and hands them over whole (a visit has a handful, a person a few dozen; the newest
list is bounded); after a print, :meth:`replace_rows` updates the rows that changed in place,
so the selection and the scroll position stay where they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from app.codes import AgencyKind, Concern, ReferralStatus
from app.i18n import _
from app.iso_codes import language_name
from app.services.letters import ReferralRow
from ui.models.columns import ColumnsModel, Index


def agency_label(code: str) -> str:
    try:
        return AgencyKind(code).label
    except ValueError:  # a code newer than this program
        return code


def concern_label(code: str) -> str:
    try:
        return Concern(code).label
    except ValueError:
        return code


def status_label(code: str) -> str:
    try:
        return ReferralStatus(code).label
    except ValueError:
        return code


def _columns() -> list[tuple[str, Callable[[ReferralRow], str]]]:
    return [
        (_("Aktenzeichen"), lambda r: r.reference),
        (_("Person"), lambda r: r.person_name),
        (_("Stelle"), lambda r: agency_label(r.agency_kind)),
        (_("Anliegen"), lambda r: concern_label(r.concern)),
        (_("Sprache"), lambda r: language_name(r.language)),
        (_("Status"), lambda r: status_label(r.status)),
        (_("Gedruckt"), lambda r: _("ja") if r.printed else _("nein")),
    ]


class ReferralModel(ColumnsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_columns(), parent)
        self._rows: list[ReferralRow] = []

    def set_rows(self, rows: Sequence[ReferralRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_rows(self, rows: Sequence[ReferralRow]) -> None:
        """Show the fresh state of rows already listed (printed, status); others are ignored."""
        fresh = {row.referral_id: row for row in rows}
        for number, old in enumerate(self._rows):
            if old.referral_id in fresh and fresh[old.referral_id] != old:
                self._rows[number] = fresh[old.referral_id]
                self.dataChanged.emit(self.index(number, 0),
                                      self.index(number, len(self._columns) - 1))

    def row_at(self, row: int) -> ReferralRow:
        return self._rows[row]

    def row_of(self, reference: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.reference == reference:
                return number
        return None

    def rows(self) -> list[ReferralRow]:
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
            return "\n".join(part for part in (row.reference, row.person_name, row.office_name,
                                               concern_label(row.concern)) if part)
        return None
