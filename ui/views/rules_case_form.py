"""The case the administrator tries the rules on: status, age, municipality, concern,
employable, unaccompanied, first permit and reference date – each labelled, each with its
message line, in the order Tab visits them. Enter anywhere in it asks for the check."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.codes import MUNICIPALITIES, Concern, LegalStatus
from app.errors import FieldError
from app.i18n import _
from ui.views.recommendation_parts import ElidingComboBox
from ui.views.visit_form_parts import error_label

DEFAULTS = {"status": "protected", "age": "34", "municipality": "Neuss",
            "concern": "benefits", "employable": "ja"}


class RulesCaseForm(QWidget):
    check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()
        self.check_button = QPushButton(_("&Prüfen"))
        self.check_button.setToolTip(_("Die Regeln auf diesen Fall anwenden (Eingabe)"))
        self.check_button.clicked.connect(self.check_requested)
        self.grid.addWidget(self.check_button, self.grid.rowCount(), 1,
                            Qt.AlignmentFlag.AlignLeft)
        for keys in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.check_requested)
        chain = [*self.inputs.values(), self.check_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.reset()

    def _build(self) -> None:
        self._add("status", _("Aufenthalts&status"), _combo(
            [(s.value, f"{s.label} ({s.value})") for s in LegalStatus]), _("Aufenthaltsstatus"))
        self._add("age", _("A&lter"), _line(_("Jahre; leer = unbekannt")), _("Alter"))
        self._add("municipality", _("&Gemeinde"), _combo(
            [(name, name) for name in MUNICIPALITIES]
            + [("", _("außerhalb des Kreises / unbekannt"))]), _("Gemeinde"))
        self._add("concern", _("A&nliegen"), _combo(
            [(c.value, f"{c.label} ({c.value})") for c in Concern]), _("Anliegen"))
        self._add("employable", _("&Erwerbsfähig"), _combo(
            [("", _("unbekannt")), ("ja", _("ja")), ("nein", _("nein"))]), _("Erwerbsfähig"))
        unaccompanied = QCheckBox(_("&Unbegleitet minderjährig"))
        unaccompanied.setAccessibleName(_("Unbegleitet minderjährig"))
        self._place("unaccompanied_minor", None, unaccompanied)
        self._add("permit_date", _("Erste Erlaubnis a&m"), _line(_("TT.MM.JJJJ; leer = "
                                                                    "unbekannt")),
                  _("Erste Erlaubnis am"))
        self._add("reference_date", _("S&tichtag"), _line(_("TT.MM.JJJJ")), _("Stichtag"))

    def _add(self, key: str, text: str, widget: QWidget, name: str) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(name)
        self._place(key, label, widget)

    def _place(self, key: str, label: QLabel | None, widget: QWidget) -> None:
        row = self.grid.rowCount()
        if label is not None:
            self.grid.addWidget(label, row, 0)
        self.grid.addWidget(widget, row, 1)
        self.errors[key] = error_label()
        self.grid.addWidget(self.errors[key], row + 1, 1)
        self.inputs[key] = widget

    # --- values -----------------------------------------------------------------------------

    def raw(self) -> dict[str, str | bool]:
        raw: dict[str, str | bool] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                raw[key] = str(widget.currentData())
            elif isinstance(widget, QLineEdit):
                raw[key] = widget.text().strip()
            elif isinstance(widget, QCheckBox):
                raw[key] = widget.isChecked()
        return raw

    def reset(self, today: date | None = None) -> None:
        """A typical case: an employable protected adult in Neuss asking about benefits."""
        for key, value in DEFAULTS.items():
            widget = self.inputs[key]
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(value)
        day = today or date.today()
        self._line_edit("reference_date").setText(day.strftime("%d.%m.%Y"))

    def _line_edit(self, key: str) -> QLineEdit:
        widget = self.inputs[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def first_input(self) -> QWidget:
        return self.inputs["status"]

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        self.clear_errors()
        for error in errors:
            key = error.field if error.field in self.errors else "reference_date"
            self.errors[key].setText(error.expected)
            self.errors[key].show()
            self.inputs[key].setAccessibleDescription(error.expected)
        if errors:
            first = errors[0].field
            self.inputs.get(first, self.check_button).setFocus()

    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            label.hide()
            self.inputs[key].setAccessibleDescription("")


def _combo(items: Sequence[tuple[str, str]]) -> QComboBox:
    combo = ElidingComboBox()
    for value, text in items:
        combo.addItem(text, value)
    return combo


def _line(placeholder: str) -> QLineEdit:
    line = QLineEdit()
    line.setPlaceholderText(placeholder)
    return line
