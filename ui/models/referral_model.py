"""Referrals as a table for the letters area: reference, person, office, concern, language,
status and whether the letter was printed.

The controller loads the rows of one person, one visit or the newest referrals through the
worker and hands them over whole (a visit has a handful, a person a few dozen; the newest
list is bounded); after a print, :meth:`replace_rows` updates the rows that changed in place,
so the selection and the scroll position stay where they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QObject

from app.codes import AgencyKind, Concern, ReferralStatus
from app.i18n import _
from app.iso_codes import language_name
from app.services.letters import ReferralRow
from ui.models.columns import ReferenceRowsModel


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


class ReferralModel(ReferenceRowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_columns(), parent)

    def replace_rows(self, rows: Sequence[ReferralRow]) -> None:
        """Show the fresh state of rows already listed (printed, status); others are ignored."""
        fresh = {row.referral_id: row for row in rows}
        for number, old in enumerate(self._rows):
            if old.referral_id in fresh and fresh[old.referral_id] != old:
                self.replace_row(number, fresh[old.referral_id])

    def row_at(self, row: int) -> ReferralRow:
        return cast(ReferralRow, super().row_at(row))

    def rows(self) -> list[ReferralRow]:
        return super().rows()

    def tooltip(self, row: ReferralRow) -> str:
        return "\n".join(part for part in (row.reference, row.person_name, row.office_name,
                                           concern_label(row.concern)) if part)
