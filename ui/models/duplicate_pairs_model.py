"""Likely duplicate pairs as a table: both records side by side, then why they may be one
person. Each record's cell holds its name, birth date, nationality, person number, where and
when it was registered and how much history it has, one line each, so the two can be
compared at a glance; the list is a supervisor's working list, loaded whole by the worker."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QObject, Qt

from app.i18n import _
from app.iso_codes import country_name
from app.services.person_merge import DuplicatePair, PairSide
from app.services.person_merge_plan import value_text
from ui.models.columns import Index, ReferenceRowsModel


def side_text(side: PairSide) -> str:
    """One record in four lines."""
    name = ", ".join(part for part in (side.family_name, side.given_names) if part)
    born = value_text("birth_date", side.birth_date) if side.birth_date else _("unbekannt")
    return "\n".join((
        name,
        _("geb. {born} · {nationality}").format(born=born,
                                                nationality=country_name(side.nationality)),
        _("{number} · {origin}, erfasst am {day}").format(
            number=side.person_number, origin=side.origin,
            day=f"{side.registered_at.astimezone():%d.%m.%Y}"),
        _("{visits} Besuch(e), {referrals} Überleitung(en)").format(
            visits=side.visits, referrals=side.referrals)))


def _columns() -> list[tuple[str, Any]]:
    return [(_("Akte 1 (älter)"), lambda pair: side_text(pair.first)),
            (_("Akte 2"), lambda pair: side_text(pair.second)),
            (_("Warum dieselbe Person?"), lambda pair: "\n".join(pair.reasons))]


class DuplicatePairsModel(ReferenceRowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_columns(), parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop  # lines side by side
        return super().data(index, role)

    def row_at(self, row: int) -> DuplicatePair:
        return cast(DuplicatePair, super().row_at(row))

    def tooltip(self, row: DuplicatePair) -> str:
        return _("{first} und {second}").format(first=row.first.person_number,
                                               second=row.second.person_number)
