"""The filters a supervisor sets over referrals – our office, a date range, an agency kind and
(for the approval queue) a status – shared by the approval and the statistics areas.

Dates are typed (TT.MM.JJJJ, empty for open): a date field that cannot be empty would force
a range on every list. A date that cannot be read is named with what is expected, and the
typed text stays.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.codes import AgencyKind, ReferralStatus
from app.i18n import _
from app.services.referral_filters import ReferralFilter

DATE_FORMAT = "%d.%m.%Y"
ANY = ""


class FilterError(ValueError):
    """A filter that cannot be read; the message names the field and what is expected."""


def _labelled(row: QHBoxLayout, text: str, widget: QWidget) -> None:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(text.replace("&", ""))
    row.addWidget(label)
    row.addWidget(widget)


def _date_field() -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(_("TT.MM.JJJJ"))
    field.setMaximumWidth(110)
    return field


def status_choices() -> list[tuple[str, str | None]]:
    """(label, status) for the approval queue; None lists every status."""
    return [(_("Wartet auf Freigabe"), ReferralStatus.DRAFT.value),
            (ReferralStatus.APPROVED.label, ReferralStatus.APPROVED.value),
            (ReferralStatus.REJECTED.label, ReferralStatus.REJECTED.value),
            (ReferralStatus.ISSUED.label, ReferralStatus.ISSUED.value),
            (_("(alle)"), None)]


class ReferralFilterBar(QWidget):
    """Office, from, to, agency kind (and status): ``changed`` when one is set."""

    changed = Signal()

    def __init__(self, *, with_status: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.office = QLineEdit()
        self.office.setPlaceholderText(_("alle, z. B. NE"))
        self.office.setMaximumWidth(110)
        self.since, self.until = _date_field(), _date_field()
        self.agency_kind = QComboBox()
        self.agency_kind.addItem(_("(alle)"), ANY)
        for kind in sorted(AgencyKind, key=lambda k: k.label):
            self.agency_kind.addItem(kind.label, kind.value)
        self.status: QComboBox | None = QComboBox() if with_status else None
        self._lay_out(row)
        self._connect()

    def _lay_out(self, row: QHBoxLayout) -> None:
        _labelled(row, _("Bü&ro"), self.office)
        _labelled(row, _("&Von"), self.since)
        _labelled(row, _("B&is"), self.until)
        _labelled(row, _("S&tellenart"), self.agency_kind)
        if self.status is not None:
            for text, value in status_choices():
                self.status.addItem(text, value)
            _labelled(row, _("St&atus"), self.status)
        row.addStretch(1)

    def _connect(self) -> None:
        for field in (self.office, self.since, self.until):
            field.editingFinished.connect(self._edited)
        self.agency_kind.currentIndexChanged.connect(self.changed)
        if self.status is not None:
            self.status.currentIndexChanged.connect(self.changed)
        self._last = self._texts()

    def _texts(self) -> tuple[str, str, str]:
        return self.office.text(), self.since.text(), self.until.text()

    def _edited(self) -> None:
        # editingFinished comes on Enter and on leaving the field: ask again only on a change
        if self._texts() != self._last:
            self._last = self._texts()
            self.changed.emit()

    def current(self) -> ReferralFilter:
        """The filters as set; FilterError naming the field that cannot be read."""
        since = _read_date(self.since.text(), _("Von"))
        until = _read_date(self.until.text(), _("Bis"))
        if since and until and since > until:
            raise FilterError(_("Bis: erwartet wird ein Tag nach „Von“ oder derselbe."))
        status = self.status.currentData() if self.status is not None else None
        return ReferralFilter(self.office.text().strip().upper() or None, since, until,
                              self.agency_kind.currentData() or None, status)


def _read_date(text: str, field: str) -> date | None:
    if not text.strip():
        return None
    try:
        return datetime.strptime(text.strip(), DATE_FORMAT).date()
    except ValueError:
        raise FilterError(_("{field}: „{text}“ ist kein Datum; erwartet wird TT.MM.JJJJ, "
                            "z. B. 01.03.2026.").format(field=field, text=text)) from None
