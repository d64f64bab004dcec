"""Small helps while the person form is typed: hints that say what was understood (only the
year of a birth date, "syr" taken as Syrien), and what follows from a choice (the place from
the municipality, the typical document from the legal status) – never over typed text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit

from app.codes import STATUS_DOCUMENTS
from ui.views.person_form_choices import typical_document
from ui.views.person_form_inputs import (
    ChoiceBox,
    DateEdit,
    LanguagesEdit,
    LineEdit,
    TypedChoice,
    birth_date_hint,
)
from ui.views.person_form_sections import PersonFields


class TypingAids:
    def __init__(self, fields: PersonFields, loading: Callable[[], bool]) -> None:
        """``loading`` tells whether the form is being filled (then nothing follows)."""
        self.fields, self.loading = fields, loading
        for key in ("birth_date", "languages"):
            fields.widget(key, QLineEdit).textChanged.connect(lambda _text: self.show_hints())
        for key in ("nationality", "interpreter_language"):
            fields.widget(key, TypedChoice).editTextChanged.connect(
                lambda _text: self.show_hints())
        fields.widget("municipality", ChoiceBox).currentIndexChanged.connect(
            self._municipality_chosen)
        fields.widget("status", ChoiceBox).currentIndexChanged.connect(self._status_chosen)

    def show_hints(self) -> None:
        slots, widget = self.fields.slots, self.fields.widget
        slots["birth_date"].show_hint(birth_date_hint(widget("birth_date", DateEdit).text()))
        slots["languages"].show_hint(widget("languages", LanguagesEdit).names())
        for key in ("nationality", "interpreter_language"):
            slots[key].show_hint(widget(key, TypedChoice).understood())

    def _municipality_chosen(self) -> None:
        """Living in one of our municipalities: the place is that municipality, unless typed."""
        city = self.fields.widget("city", LineEdit)
        chosen = self.fields.widget("municipality", ChoiceBox).value()
        if not self.loading() and chosen and not city.text().strip():
            city.setText(str(chosen))

    def _status_chosen(self) -> None:
        """Suggest the status's typical document while none was typed."""
        document = self.fields.widget("status_document", TypedChoice)
        if self.loading() or document.value() not in ("", *STATUS_DOCUMENTS.values()):
            return
        status = self.fields.widget("status", ChoiceBox).value()
        document.set_value(typical_document(status))
