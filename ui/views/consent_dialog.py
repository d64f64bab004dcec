"""Recording a consent (Einwilligung) for one recipient: which data, for what, given by whom
and when.

The form follows the paper the person signs: the data categories as checkboxes with what
each contains, the purpose (prefilled from the concern), the person or their guardian (with
the guardian's name), the date. Problems appear under the field they concern; what was
entered stays. Ctrl+S or the default button saves, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.i18n import _
from app.letters.model import DataCategory
from ui.views.style import heading, paragraph

ERROR_STYLE = "color: #a4262c;"
DIALOG_SIZE = (560, 620)


def category_texts() -> dict[DataCategory, tuple[str, str]]:
    """Each category's label and what it contains, as the consent form names them."""
    return {
        DataCategory.IDENTITY: (_("Name und Geburtsdatum"),
                                _("Name, Name in Originalschrift, Geburtsdatum")),
        DataCategory.CONTACT: (_("Anschrift und Kontakt"),
                               _("Anschrift, Telefon, E-Mail")),
        DataCategory.RESIDENCE: (_("Aufenthalt"),
                                 _("Aufenthaltsstatus, Dokument und Nummer, BAMF- und "
                                   "AZR-Nummer")),
        DataCategory.LANGUAGE: (_("Sprachen"), _("Gesprochene Sprachen, Dolmetschsprache")),
        DataCategory.HOUSEHOLD: (_("Haushalt"), _("Die Mitglieder des Haushalts und ihre "
                                                   "Beziehung")),
        DataCategory.CONCERN: (_("Notiz zum Anliegen"),
                               _("Was der Empfang zum Anliegen notiert hat")),
    }


class _Field(QWidget):
    """An input with its label above and its error message below."""

    def __init__(self, label: str, field: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.label = QLabel(label)
        self.label.setBuddy(field)
        field.setAccessibleName(label)
        self.error = _error_label()
        layout.addWidget(self.label)
        layout.addWidget(field)
        layout.addWidget(self.error)


class _DateField(QDateEdit):
    """A date typed as 27.11.2026; Tab leaves the field instead of visiting day, month and
    year one after another."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class ConsentDialog(QDialog):
    save_requested = Signal()

    def __init__(self, recipient: str, person: str, purpose: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Einwilligung erfassen"))
        self.setMinimumSize(*DIALOG_SIZE)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Einwilligung für {recipient}").format(recipient=recipient),
                                 level=2))
        layout.addWidget(paragraph(_("Von {person}. Nur die angekreuzten Daten dürfen an "
                                     "diese Stelle gehen.").format(person=person)))
        layout.addWidget(self._categories())
        self.purpose = QLineEdit(purpose)
        self.given_by = QComboBox()
        self.given_by.addItem(_("der Person selbst"), "person")
        self.given_by.addItem(_("den Sorgeberechtigten"), "guardian")
        self.guardian_name = QLineEdit()
        self.given_on = _DateField(QDate.currentDate())
        self.given_on.setDisplayFormat("dd.MM.yyyy")
        self.given_on.setCalendarPopup(False)  # typed; a popup would take the keyboard
        self.fields = {"purpose": _Field(_("Zweck"), self.purpose),
                       "given_by": _Field(_("Erteilt von"), self.given_by),
                       "guardian_name": _Field(_("Name der Sorgeberechtigten"),
                                               self.guardian_name),
                       "given_on": _Field(_("Erteilt am"), self.given_on)}
        for field in self.fields.values():
            layout.addWidget(field)
        self.message = _error_label()
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(self._buttons())
        self.given_by.currentIndexChanged.connect(self._giver_changed)
        self._giver_changed()
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save_requested)

    def _categories(self) -> QGroupBox:
        self.category_box = QGroupBox(_("Daten"))
        column = QVBoxLayout(self.category_box)
        self.categories: dict[DataCategory, QCheckBox] = {}
        for category, (label, contains) in category_texts().items():
            box = QCheckBox(label)
            box.setToolTip(contains)
            box.setAccessibleName(label)
            box.setAccessibleDescription(contains)
            self.categories[category] = box
            column.addWidget(box)
            hint = QLabel(contains)
            hint.setIndent(24)
            hint.setStyleSheet("color: palette(placeholder-text);")
            column.addWidget(hint)
        self.category_error = _error_label()
        column.addWidget(self.category_error)
        return self.category_box

    def _buttons(self) -> QHBoxLayout:
        self.cancel_button = QPushButton(_("Abbrechen"))
        self.cancel_button.setToolTip(_("Abbrechen (Esc)"))
        self.save_button = QPushButton(_("Einwilligung speichern"))
        self.save_button.setToolTip(_("Einwilligung speichern (Strg+S)"))
        self.save_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    def _giver_changed(self) -> None:
        self.guardian_name.setEnabled(self.given_by.currentData() == "guardian")

    # --- what was entered -----------------------------------------------------------------

    def chosen_categories(self) -> tuple[str, ...]:
        return tuple(c.value for c, box in self.categories.items() if box.isChecked())

    def choose_categories(self, categories: Sequence[DataCategory]) -> None:
        for category, box in self.categories.items():
            box.setChecked(category in categories)

    def chosen_giver(self) -> str:
        return str(self.given_by.currentData())

    def chosen_day(self) -> date:
        day = self.given_on.date()
        return date(day.year(), day.month(), day.day())

    # --- problems -------------------------------------------------------------------------

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """Each problem under its field, those without a field of their own at the bottom;
        the keyboard goes to the first input concerned."""
        self.clear_errors()
        rest = []
        for error in errors:
            label = self._error_label_for(error.field)
            if label is None:
                rest.append(error.message)
            else:
                label.setText(error.message)
                label.show()
        self.show_message("\n".join(rest))
        concerned = [self._input_for(error.field) for error in errors]
        first = next((widget for widget in concerned if widget is not None), None)
        if first is not None:
            first.setFocus()

    def _input_for(self, field: str) -> QWidget | None:
        if field == "categories":
            return next(iter(self.categories.values()))
        found = self.fields.get(field)
        return found.label.buddy() if found is not None else None

    def _error_label_for(self, field: str) -> QLabel | None:
        if field == "categories":
            return self.category_error
        found = self.fields.get(field)
        return found.error if found is not None else None

    def clear_errors(self) -> None:
        for label in [self.category_error, *(f.error for f in self.fields.values())]:
            label.clear()
            label.hide()
        self.show_message("")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
