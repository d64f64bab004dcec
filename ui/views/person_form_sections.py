"""The inputs of the person form, section by section, in the order they are seen and visited
with Tab: Name, Geburt, Herkunft und Sprache, Anschrift und Kontakt, Aufenthalt, Haushalt,
Sonstiges (the note). Labels are those of app.services.person_input.LABELS."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.services.person_input import label
from ui.views import person_form_choices as choices
from ui.views.person_form_household import HouseholdList, NewMembersEditor
from ui.views.person_form_inputs import (
    CheckBox,
    ChoiceBox,
    DateEdit,
    LanguagesEdit,
    LineEdit,
    NameEdit,
    NoteEdit,
    TypedChoice,
)
from ui.views.person_form_names import NameVariantsEditor
from ui.views.person_form_parts import NARROW, FieldSlot, FormGrid, name_input, small_label
from ui.views.person_form_rows import RowList
from ui.views.style import scaled_font

Part = FieldSlot | RowList | QWidget
W = TypeVar("W", bound=QWidget)


class PersonFields:
    """Every input of the form by its key, and the order Tab visits them in."""

    def __init__(self, grid: FormGrid) -> None:
        self.grid = grid
        self.slots: dict[str, FieldSlot] = {}
        self.parts: list[Part] = []
        self.variants = NameVariantsEditor()
        self.household = HouseholdList()
        self.no_household = small_label("fieldHint")
        self.members = NewMembersEditor()
        self.sections: list[QLabel] = []
        for build in (self._name, self._birth, self._origin, self._address, self._residence,
                      self._household, self._other):
            build()

    def widget(self, key: str, kind: type[W]) -> W:
        """The input of a field, as the kind of input it is."""
        widget = self.slots[key].widget
        assert isinstance(widget, kind)
        return widget

    def chain(self) -> list[QWidget]:
        """The inputs and buttons in visual order (hidden ones included)."""
        found: list[QWidget] = []
        for part in self.parts:
            if isinstance(part, FieldSlot):
                found.append(part.widget)
            elif isinstance(part, RowList):
                found += part.focus_chain()
            else:
                found.append(part)
        return found

    def _field(self, key: str, widget: QWidget, **options: object) -> FieldSlot:
        slot = FieldSlot(key, label(key), widget, **options)  # type: ignore[arg-type]
        self.slots[key] = slot
        self.parts.append(slot)
        self.grid.field(slot)
        return slot

    def _section(self, text: str) -> None:
        self.sections.append(self.grid.section(text))

    def _name(self) -> None:
        self._section(_("Name"))
        self._field("family_name", NameEdit())
        self._field("given_names", NameEdit())
        variants = QLabel(label("names"))
        variants.setBuddy(self.variants.add_button)
        self.grid.block(variants, self.variants)
        self.parts.append(self.variants)

    def _birth(self) -> None:
        self._section(_("Geburt"))
        born = DateEdit()
        born.setPlaceholderText(_("TT.MM.JJJJ oder JJJJ"))
        self._field("birth_date", born, width=NARROW, hint=True)
        self._field("birth_place", LineEdit())
        self._field("sex", ChoiceBox(choices.sexes()), width=NARROW)

    def _origin(self) -> None:
        self._section(_("Herkunft und Sprache"))
        nationality = TypedChoice(choices.countries())
        nationality.setPlaceholderText(_("Land oder Code, z. B. Syrien oder SY"))
        self._field("nationality", nationality, hint=True)
        languages = LanguagesEdit(choices.languages())
        languages.setPlaceholderText(_("Sprachen oder Codes, z. B. Arabisch, en"))
        self._field("languages", languages, hint=True)
        self._field("interpreter_needed", CheckBox(label("interpreter_needed")))
        interpreter = TypedChoice(choices.languages())
        interpreter.setPlaceholderText(_("Sprache oder Code, z. B. Arabisch oder ar"))
        self._field("interpreter_language", interpreter, hint=True)
        self._field("letter_language", ChoiceBox(choices.letter_languages()))

    def _address(self) -> None:
        self._section(_("Anschrift und Kontakt"))
        self._field("street", LineEdit())
        self._field("postcode", LineEdit(), width=NARROW)
        self._field("city", LineEdit())
        self._field("municipality", ChoiceBox(choices.municipalities()))
        self._field("phone", LineEdit())
        self._field("email", LineEdit())

    def _residence(self) -> None:
        self._section(_("Aufenthalt"))
        self._field("status", ChoiceBox(choices.legal_statuses()))
        self._field("status_document", TypedChoice(choices.status_documents()))
        self._field("document_number", LineEdit())
        for key in ("document_valid_until", "permit_date"):
            date = DateEdit()
            date.setPlaceholderText(_("TT.MM.JJJJ"))
            self._field(key, date, width=NARROW)
        self._field("bamf_file_number", LineEdit())
        self._field("azr_number", LineEdit())
        self._field("employable", ChoiceBox(choices.employable()), width=NARROW)
        self._field("unaccompanied_minor", CheckBox(label("unaccompanied_minor")))

    def _household(self) -> None:
        self._section(_("Haushalt"))
        members = QLabel(_("Mitglieder des Haushalts"))
        members.setBuddy(self.household)
        name_input(self.household, members.text())
        self.no_household.setText(_("Noch kein Haushalt gespeichert. Weitere Mitglieder "
                                    "unten erfassen – der Haushalt entsteht beim Speichern."))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.household)
        layout.addWidget(self.no_household)
        self.grid.block(members, box)
        self.parts.append(self.household)
        self._field("household_role", ChoiceBox(choices.household_roles()), width=NARROW)
        more = QLabel(_("Weitere Haushaltsmitglieder erfassen"))
        more.setFont(scaled_font(more, 1.0, bold=True))
        self.grid.block(None, more)
        self.grid.block(None, self.members)
        self.parts.append(self.members)

    def _other(self) -> None:
        self._section(_("Sonstiges"))
        note = NoteEdit()
        note.setFixedHeight(88)
        self._field("note", note)
