"""Entering what became of a referral: its reference (typed, or scanned from the letter's
QR code), the outcome and, for the endings without success, the reason.

A USB scanner types the code's text and Enter: Enter in the reference field moves on to
the outcome, so a scan never records anything by itself. Enter there records it; errors
appear under the field they are about, and nothing typed is cleared by a failure.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.codes import ReferralStatus
from app.errors import FieldError
from app.i18n import _
from app.services.referral_lifecycle import NEEDS_REASON, OUTCOMES

PROBLEM_STYLE = "color: #a4262c;"
WIDTH, HEIGHT = 560, 340


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.hide()
    return label


class _EnterMovesOn(QObject):
    """Enter after a scanned reference goes on to the outcome instead of recording (a
    dialog's line edit would otherwise press the default button)."""

    def __init__(self, field: QLineEdit, next_field: QWidget) -> None:
        super().__init__(field)
        self._next = next_field
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._next.setFocus()
            return True
        return False


class OutcomeDialog(QDialog):
    record_requested = Signal(str, str, str)  # reference text, status code, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rückmeldung erfassen"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(_("z. B. NE-2-2026-000417-3 oder QR-Code scannen"))
        self.status = QComboBox()
        for status in OUTCOMES:
            self.status.addItem(status.label, status.value)
        self.reason = QLineEdit()
        self.errors = {name: _problem_label() for name in ("reference", "status", "reason")}
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.message)
        layout.addWidget(self._buttons())
        self.record_button.setDefault(True)  # once inside the dialog, or QDialog forgets it
        _EnterMovesOn(self.reference, self.status)
        self.status.currentIndexChanged.connect(self._reason_needed)
        self._reason_needed()
        self.setMinimumSize(self.minimumSizeHint().expandedTo(QSize(WIDTH, HEIGHT)))

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        rows = ((_("&Aktenzeichen"), self.reference, "reference"),
                (_("&Ergebnis"), self.status, "status"),
                (_("&Begründung"), self.reason, "reason"))
        for text, field, name in rows:
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            form.addRow(label, field)
            form.addRow("", self.errors[name])
        return form

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = buttons.addButton(_("E&rfassen"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._requested)
        buttons.rejected.connect(self.reject)
        return buttons

    def _reason_needed(self) -> None:
        needed = ReferralStatus(self.chosen_status()) in NEEDS_REASON
        self.reason.setPlaceholderText(_("Pflicht bei diesem Ergebnis") if needed
                                       else _("freiwillig"))

    def _requested(self) -> None:
        if self.record_button.isEnabled():
            self.record_requested.emit(self.reference.text(), self.chosen_status(),
                                       self.reason.text())

    def chosen_status(self) -> str:
        return str(self.status.currentData())

    # --- what the dialog shows --------------------------------------------------------------

    def recorded(self, text: str) -> None:
        """Done: say so, and be ready for the next letter's code."""
        self.set_busy(False)
        self.clear_errors()
        self.show_message(text)
        self.reference.clear()
        self.reason.clear()
        self.reference.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.record_button.setEnabled(not busy)

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        """Each message under its field; the keyboard goes to the first one concerned."""
        self.clear_errors()
        fields = {"reference": self.reference, "status": self.status, "reason": self.reason}
        first: QWidget | None = None
        for error in errors:
            label = self.errors.get(error.field, self.errors["status"])
            label.setText(error.message)
            label.setAccessibleName(error.message)
            label.show()
            first = first or fields.get(error.field)
        if first is not None:
            first.setFocus()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.show_message("")

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.message.setVisible(bool(text))
