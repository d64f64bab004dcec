"""Where a validation error of the person form shows: under its field, in its row, or – for a
key the form has no input for – above the form.

Keys are those of app.services.person_input and app.services.households: ``birth_date``,
``names[1].family_name`` (a name variant), ``members[2].birth_date`` (a household member; the
main person is member 0, the rows of new members are members 1, 2, … in the order
PersonForm.members_raw gives them)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from app.errors import FieldError
from app.services.person_input import LABELS, label
from ui.views.person_form_row import EditorRow
from ui.views.person_form_rows import RowList
from ui.views.person_form_sections import PersonFields

_INDEXED = re.compile(r"^(names|members)\[([0-9]+)\](?:\.(.+))?$")
# What new household members take over from the main person (PersonForm.members_raw).
INHERITED = ("street", "postcode", "city", "municipality", "nationality", "languages",
             "letter_language", "status", "status_document")


class ErrorPlacer:
    def __init__(self, fields: PersonFields, general: QLabel) -> None:
        self.fields, self.general = fields, general
        self._lines: list[str] = []

    def place(self, errors: Sequence[FieldError]) -> list[QWidget]:
        """Show every error; the inputs concerned (to focus the first of them)."""
        marked = [self._place(error, error.field) for error in errors]
        return [widget for widget in marked if widget is not None]

    def message_of(self, widget: QWidget) -> QWidget | None:
        """The line where the error of an input is shown."""
        for slot in self.fields.slots.values():
            if slot.widget is widget:
                return slot.error
        for rows in (self.fields.variants, self.fields.members):
            if widget is rows.add_button:
                return rows.error
            for row in rows.rows:
                if widget in row.cells.values():
                    return row.notes
        return None

    def clear(self) -> None:
        for slot in self.fields.slots.values():
            slot.clear_error()
        for rows in (self.fields.variants, self.fields.members):
            rows.error.hide()
            for row in rows.rows:
                row.clear_errors()
        self._lines.clear()
        self.general.hide()

    def _place(self, error: FieldError, key: str) -> QWidget | None:
        slot = self.fields.slots.get(key)
        if slot is not None:
            slot.show_error(error.expected)
            return slot.widget
        if key == "names":
            return self._below(self.fields.variants, error.expected)
        indexed = _INDEXED.match(key)
        if indexed is None:
            return self._above(error.message)
        number, rest = int(indexed[2]), indexed[3] or ""
        if indexed[1] == "names":
            return self._in_row(self.fields.variants, number, rest, error)
        if number == 0:  # the main person
            return self._place(error, rest) if rest else self._above(error.message)
        column = re.split(r"[.\[]", rest)[0]
        if column in INHERITED and column in self.fields.slots \
                and self.fields.slots[column].error.text():
            return None  # shown once, at the main person's field it was copied from
        return self._in_row(self.fields.members, number - 1, rest, error)

    def _in_row(self, rows: RowList, index: int, rest: str, error: FieldError) -> QWidget | None:
        filled = rows.filled_rows()
        if index >= len(filled):
            return self._above(error.message)
        row, column = filled[index], re.split(r"[.\[]", rest)[0]
        text = (f"{rows.headers.get(column) or label(column)}: {error.expected}"
                if column in LABELS or column in rows.headers else error.expected)
        row.show_error(column, text)
        return _cell(row, column)

    def _below(self, rows: RowList, text: str) -> QWidget:
        rows.error.setText(text)
        rows.error.show()
        return rows.add_button

    def _above(self, text: str) -> QWidget | None:
        """Above the form: no input to mark."""
        self._lines.append(text)
        self.general.setText("\n".join(self._lines))
        self.general.show()
        return None


def _cell(row: EditorRow, column: str) -> QWidget:
    return row.cells.get(column) or next(iter(row.cells.values()))
