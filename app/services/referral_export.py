"""Export of referrals for supervisors: CSV (UTF-8 with BOM, semicolons – what a German Excel
opens without asking) or XLSX, one row per referral under the current filters.

The rows are :class:`~app.services.referral_stats.ReferralFact`: no names, no birth dates,
no addresses – nothing that identifies a person. Exporting needs the EXPORT permission and
is put on the audit record with the filters and the number of rows.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.codes import AgencyKind, Concern, ReferralStatus
from app.errors import ValidationError
from app.i18n import N_, _
from app.security.audit import AuditAction, record
from app.security.permissions import Action, Actor, require
from app.services.referral_filters import ReferralFilter
from app.services.referral_stats import EVERYTHING, ReferralFact, referral_facts

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as XlsxCell

FORMATS = ("csv", "xlsx")
ENTITY = "referrals"  # audit entity_type of an export: many referrals, no one person
_HEADERS = (N_("Aktenzeichen"), N_("Angelegt am"), N_("Büro"), N_("Stelle"),
            N_("Stellenart"), N_("Anliegen"), N_("Kommune"), N_("Status"), N_("Ergebnis am"),
            N_("Tage bis Ergebnis"))
# A cell starting like a formula would be run by Excel (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | date | None


def export_format(path: Path) -> str:
    """``csv`` or ``xlsx`` from the file name; ValidationError naming the field otherwise."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValidationError("--out", _("„{name}“: erwartet wird eine Datei mit der Endung "
                                         ".xlsx oder .csv").format(name=path.name))
    return suffix


def export_referrals(session: Session, path: Path, *, actor: Actor,
                     where: ReferralFilter = EVERYTHING, file_format: str | None = None) -> int:
    """Write the rows to ``path`` (format from ``file_format``, else from the file name) and
    audit the export in the caller's transaction; returns the number of rows."""
    kind = file_format or export_format(path)
    require(session, actor, Action.EXPORT, entity_type=ENTITY)
    facts = referral_facts(session, where)
    (_write_xlsx if kind == "xlsx" else _write_csv)(path, facts)
    record(session, AuditAction.EXPORT, username=actor.username, user_id=actor.user_id,
           workstation=actor.workstation, entity_type=ENTITY,
           details={"format": kind, "rows": len(facts), "filters": where.details()})
    return len(facts)


def headers() -> list[str]:
    return [_(header) for header in _HEADERS]


def cells(fact: ReferralFact) -> list[Cell]:
    """One row as cells: German labels for the codes, real dates and numbers."""
    return [fact.reference, fact.created_on, fact.office, fact.recipient,
            _label(AgencyKind, fact.agency_kind), _label(Concern, fact.concern),
            fact.municipality, _label(ReferralStatus, fact.status), fact.outcome_on,
            fact.days_to_outcome]


def _write_csv(path: Path, facts: list[ReferralFact]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers())
        writer.writerows([_csv_text(cell) for cell in cells(fact)] for fact in facts)


def _write_xlsx(path: Path, facts: list[ReferralFact]) -> None:
    from openpyxl import Workbook  # loads on first use: `lotse` starts fast
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Überleitungen"))
    sheet.append(headers())
    for fact in facts:
        sheet.append([_xlsx_cell(WriteOnlyCell(sheet, value=_excel(value)))
                      for value in cells(fact)])
    book.save(path)


def _excel(value: Cell) -> str | int | datetime | None:
    """Dates as Excel dates (openpyxl writes a datetime; the format hides the time)."""
    if isinstance(value, date):
        return datetime.combine(value, time())
    return _safe(value) if isinstance(value, str) else value


def _xlsx_cell(cell: XlsxCell) -> XlsxCell:
    if isinstance(cell.value, datetime):
        cell.number_format = "DD.MM.YYYY"  # what a German Excel shows
    return cell


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return _safe(value) if isinstance(value, str) else str(value)


def _safe(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _label(codes: type[AgencyKind] | type[Concern] | type[ReferralStatus], code: str) -> str:
    return codes(code).label if code in {member.value for member in codes} else code

