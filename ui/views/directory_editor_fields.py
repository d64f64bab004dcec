"""The inputs of the office editor in two columns: where the office is and how it is reached
on the left (labels beside the inputs), what it is responsible for and what to bring on the
right (labels above the taller inputs).

A view only: it shows raw values (app.services.directory_edit.office_raw) and gives back
what was typed, for the one validation layer (app.services.directory_fields) to read; the
errors that come back are shown under their fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.codes import MUNICIPALITIES, AgencyKind
from app.errors import FieldError
from app.i18n import _
from app.services.directory_fields import label
from ui.views import person_form_choices as choices
from ui.views.person_form_inputs import ChoiceBox, LanguagesEdit, LineEdit, NoteEdit
from ui.views.person_form_parts import FieldSlot, FormGrid, watch

INPUT_WIDTH = 270
NARROW = 100
LEFT = ("code", "agency_kind", "name", "department", "street", "postal_code", "city",
        "phone", "email", "website", "opening_hours", "languages")
RIGHT = ("municipalities", "documents", "note")
BOXES_PER_ROW = 3


class MunicipalityBoxes(QWidget):
    """The district's municipalities as check boxes, three to a row. The order a stored
    office lists them in is kept; newly ticked ones follow in the order of DOMAIN.md."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(16)
        self.boxes = {name: QCheckBox(name) for name in MUNICIPALITIES}
        for position, box in enumerate(self.boxes.values()):
            box.setAccessibleName(box.text())
            grid.addWidget(box, position // BOXES_PER_ROW, position % BOXES_PER_ROW)
        self._listed: list[str] = []

    def value(self) -> list[str]:
        ticked = [name for name, box in self.boxes.items() if box.isChecked()]
        kept = [name for name in self._listed if name in ticked]
        return kept + [name for name in ticked if name not in kept]

    def set_value(self, value: object) -> None:
        self._listed = [str(name) for name in value] if isinstance(value, list) else []
        for name, box in self.boxes.items():
            box.setChecked(name in self._listed)


class DocumentsEdit(NoteEdit):
    """What to bring, one document per line."""

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: object) -> None:
        lines = value if isinstance(value, list) else [] if value is None else [str(value)]
        self.setPlainText("\n".join(str(line) for line in lines))


def _kinds() -> list[tuple[str, str]]:
    return [(_("– bitte wählen –"), ""), *((kind.label, kind.value) for kind in AgencyKind)]


class OfficeFields(QWidget):
    """Every field of an office, each with its label, frame and error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots: dict[str, FieldSlot] = {}
        self.municipalities = MunicipalityBoxes()
        self.languages = LanguagesEdit(choices.languages())
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(40)
        grid = FormGrid()
        for key in LEFT:
            grid.field(self._slot(key))
        grid.setRowStretch(grid.rowCount(), 1)
        columns.addLayout(grid)
        columns.addLayout(self._stacked(RIGHT), 1)
        self.languages.textChanged.connect(self._name_languages)

    def _stacked(self, keys: Sequence[str]) -> QVBoxLayout:
        """Tall inputs with their label above, as wide as the column."""
        column = QVBoxLayout()
        column.setSpacing(4)
        for key in keys:
            slot = self._slot(key)
            slot.widget.setMinimumWidth(0)
            if slot.label is not None:
                column.addWidget(slot.label)
            column.addWidget(slot.frame)
            column.addWidget(slot.error)
            column.addSpacing(10)
        column.addStretch(1)
        return column

    def _slot(self, key: str) -> FieldSlot:
        widget = self._input(key)
        width = NARROW if key == "postal_code" else INPUT_WIDTH
        slot = FieldSlot(key, label(key), widget, width=width)
        self.slots[key] = slot
        return slot

    def _input(self, key: str) -> QWidget:
        if key == "agency_kind":
            return ChoiceBox(_kinds())
        if key == "languages":
            self.languages.setPlaceholderText(_("z. B. de, en, ar"))
            return self.languages
        if key == "municipalities":
            return self.municipalities
        if key in ("documents", "note"):
            edit = DocumentsEdit() if key == "documents" else NoteEdit()
            edit.setFixedHeight(124 if key == "documents" else 104)
            return edit
        line = LineEdit()
        line.setPlaceholderText(_placeholders().get(key, ""))
        return line

    def _name_languages(self) -> None:
        """The languages by name, for a second look (a hint beside would not fit)."""
        self.languages.setToolTip(self.languages.names())

    # --- values -----------------------------------------------------------------------------

    def raw(self) -> dict[str, Any]:
        return {key: slot.input.value() for key, slot in self.slots.items()}

    def set_raw(self, raw: Mapping[str, object]) -> None:
        for key, slot in self.slots.items():
            value = raw.get(key)
            slot.input.set_value("" if value is None else value)  # "" is "– bitte wählen –"
            if isinstance(slot.widget, QLineEdit):
                slot.widget.setCursorPosition(0)  # a long text shows its beginning

    def watch(self, callback: Any) -> None:
        for slot in self.slots.values():
            widgets = (list(self.municipalities.boxes.values())
                       if slot.widget is self.municipalities else [slot.widget])
            for widget in widgets:
                watch(widget, callback)

    def focus_chain(self) -> list[QWidget]:
        """The inputs in the order Tab visits them: down the left column, then the right."""
        chain: list[QWidget] = []
        for key in (*LEFT, *RIGHT):
            widget = self.slots[key].widget
            chain += (list(self.municipalities.boxes.values())
                      if widget is self.municipalities else [widget])
        return chain

    def fix_code(self, fixed: bool) -> None:
        """A stored office keeps its code; a new one gets one typed."""
        code = self.slots["code"].widget
        assert isinstance(code, QLineEdit)
        code.setReadOnly(fixed)
        code.setToolTip(_("Das Kürzel bleibt fest, seit die Stelle angelegt wurde.") if fixed
                        else _("Kleinbuchstaben, Ziffern und Bindestriche, z. B. vhs-kaarst; "
                               "später nicht mehr änderbar"))

    def set_read_only(self, read_only: bool) -> None:
        for slot in self.slots.values():
            if isinstance(slot.widget, QLineEdit | QPlainTextEdit):
                slot.widget.setReadOnly(read_only)
            else:
                slot.widget.setEnabled(not read_only)

    # --- errors -----------------------------------------------------------------------------

    def show_errors(self, errors: Sequence[FieldError]) -> tuple[list[QWidget], list[str]]:
        """Each error under its field; the inputs concerned, and the messages of keys that
        have no input (to be shown above the form)."""
        marked: list[QWidget] = []
        elsewhere: list[str] = []
        for error in errors:
            slot = self.slots.get(error.field)
            if slot is None:
                elsewhere.append(error.message)
                continue
            slot.show_error(error.expected)
            marked.append(self._focus_target(slot.widget))
        return marked, elsewhere

    def _focus_target(self, widget: QWidget) -> QWidget:
        if widget is self.municipalities:
            return next(iter(self.municipalities.boxes.values()))
        return widget

    def clear_errors(self) -> None:
        for slot in self.slots.values():
            slot.clear_error()


def _placeholders() -> dict[str, str]:
    return {
        "code": _("z. B. vhs-kaarst"),
        "name": _("z. B. Jobcenter Rhein-Kreis Neuss"),
        "department": _("z. B. Geschäftsstelle Neuss"),
        "postal_code": "41460",
        "phone": _("z. B. 02131 9244-0"),
        "email": _("z. B. info@stelle.de"),
        "website": "https://",
        "opening_hours": _("z. B. Mo–Fr 8:00–12:30"),
    }
