"""Asking for the reason of a rejection: required, because the front desk and the person
must learn why the letter does not go out."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.style import paragraph

PROBLEM_STYLE = "color: #a4262c;"


class RejectDialog(QDialog):
    """``reason()`` after ``accepted``; OK with an empty reason says what is missing."""

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Überleitung zurückweisen"))
        self.setMinimumSize(420, 240)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_("Überleitung {reference} zurückweisen: Ihr Original wird "
                                     "nicht gedruckt.").format(reference=reference)))
        label = QLabel(_("&Grund"))
        self.reason_field = QPlainTextEdit()
        self.reason_field.setTabChangesFocus(True)
        self.reason_field.setAccessibleName(_("Grund"))
        label.setBuddy(self.reason_field)
        self.error = paragraph()
        self.error.setStyleSheet(PROBLEM_STYLE)
        for widget in (label, self.reason_field, self.error):
            layout.addWidget(widget)
        layout.addWidget(self._buttons())

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.ok_button = QPushButton(_("&Zurückweisen"))
        self.ok_button.setDefault(True)
        box.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(QPushButton(_("Abbre&chen")), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        return box

    def reason(self) -> str:
        return self.reason_field.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason():
            self.error.setText(_("Grund: bitte angeben, warum die Überleitung zurückgewiesen "
                                 "wird."))
            self.reason_field.setFocus()
            return
        super().accept()
