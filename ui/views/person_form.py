"""The person form: everything the front desk records about a person and the family that
came along, grouped in sections, in one scrolling column that works by keyboard alone.

A view only: it shows raw values (as app.services.person_input.as_raw gives them, or as an
autosaved draft holds them) and gives back what was typed, as raw values that the one
validation layer reads. Loading, checking and saving are the controller's, through the
background worker; the errors it gets back are shown here, next to their fields.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.services.households import HouseholdMember
from app.services.person_input import LABELS, PersonInput, as_raw
from ui.views.person_form_aids import TypingAids
from ui.views.person_form_errors import INHERITED, ErrorPlacer
from ui.views.person_form_inputs import NameEdit
from ui.views.person_form_parts import STYLE_SHEET, FormGrid, small_label, watch
from ui.views.person_form_sections import PersonFields

CONTENT_WIDTH = 900  # wider lines only make the eye travel further
# An empty form: the defaults of the validation layer, nationality left to be typed.
EMPTY: dict[str, Any] = {**as_raw(PersonInput()), "nationality": "", "household_id": ""}


class PersonForm(QWidget):
    changed = Signal()  # any edit by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person-form")
        self.setStyleSheet(STYLE_SHEET)
        self._quiet = self._watching = False
        self._household_id: object = ""
        self.general_error = small_label("fieldError")
        self.general_error.hide()
        grid = FormGrid()
        self.fields = PersonFields(grid)
        self.errors = ErrorPlacer(self.fields, self.general_error)
        self.scroll_area = self._scrolling(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self._follow_edits()
        self.aids = TypingAids(self.fields, lambda: self._quiet)
        self.fields.household.hide()
        self.set_raw({})
        self._apply_tab_order()

    def _scrolling(self, grid: FormGrid) -> QScrollArea:
        content = QWidget()
        content.setObjectName("person-form-content")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 12, 12)
        column.addWidget(self.general_error)
        inner = QWidget()
        inner.setMaximumWidth(CONTENT_WIDTH)
        inner.setLayout(grid)
        column.addWidget(inner)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _follow_edits(self) -> None:
        fields = self.fields
        for slot in fields.slots.values():
            watch(slot.widget, self._edited)
        for rows in (fields.variants, fields.members):
            rows.changed.connect(self._edited)
            rows.rows_changed.connect(self._apply_tab_order)
        fields.widget("family_name", NameEdit).textChanged.connect(
            fields.members.follow_family_name)

    # --- the API the controller uses ------------------------------------------------------------

    def raw(self) -> dict[str, object]:
        """The main person as typed, keys as in person_input.LABELS."""
        found = {key: slot.input.value() for key, slot in self.fields.slots.items()}
        found["names"] = self.fields.variants.values()
        found["household_id"] = self._household_id
        return {key: found[key] for key in LABELS}

    def members_raw(self) -> list[dict[str, object]]:
        """The new household members (empty rows left out), each a whole person: what was
        typed in its row, the rest taken over from the main person."""
        main = self.raw()
        shared = {key: main[key] for key in (*INHERITED, "household_id")}
        return [{**EMPTY, **shared, **row} for row in self.fields.members.values()]

    def set_raw(self, raw: Mapping[str, object],
                members: Sequence[Mapping[str, object]] = ()) -> None:
        """Show a person (and new members not saved yet); emits no ``changed``."""
        with self._quietly():
            values = {**EMPTY, **raw}
            for key, slot in self.fields.slots.items():
                slot.input.set_value(values[key])
            names = values["names"] if isinstance(values["names"], list) else []
            self.fields.variants.set_rows([name for name in names if isinstance(name, Mapping)])
            self._household_id = values["household_id"] or ""
            self.fields.members.set_rows([row for row in members if isinstance(row, Mapping)])
            self.clear_errors()
        self.aids.show_hints()

    def set_household(self, members: Sequence[HouseholdMember], *,
                      person_id: uuid.UUID | None = None) -> None:
        """The stored members of the person's household, read only (none: no household
        yet). With ``person_id``, the person shown in the form is left out of the list."""
        self.fields.household.show_members(
            [member for member in members if member.person_id != person_id])
        self.fields.household.setVisible(bool(members))
        self.fields.no_household.setVisible(not members)

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """Each message under its field, the field framed red; the first one in the form's
        order gets the focus and is scrolled into view."""
        self.clear_errors()
        marked = self.errors.place(errors)
        chain = self.fields.chain()
        marked.sort(key=lambda widget: chain.index(widget) if widget in chain else len(chain))
        if marked:
            # the messages just shown take their room first, then the field is scrolled to
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self._reveal(self.errors.message_of(marked[0]))
            marked[0].setFocus(Qt.FocusReason.OtherFocusReason)
            self._reveal(marked[0])
        elif self.general_error.isVisibleTo(self):
            self.scroll_area.ensureWidgetVisible(self.general_error)

    def clear_errors(self) -> None:
        self.errors.clear()

    def first_input(self) -> QWidget:
        return self.fields.widget("family_name", NameEdit)

    def clear(self) -> None:
        """An empty form for a new person."""
        self.set_raw({})
        self.set_household([])
        self.scroll_area.verticalScrollBar().setValue(0)

    # --- behaviour ----------------------------------------------------------------------------

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def _edited(self) -> None:
        if not self._quiet:
            self.changed.emit()

    def _apply_tab_order(self) -> None:
        chain = self.fields.chain()
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._reveal(QApplication.focusWidget())

    def _reveal(self, widget: QWidget | None) -> None:
        content = self.scroll_area.widget()
        if widget is not None and content is not None and content.isAncestorOf(widget):
            self.scroll_area.ensureWidgetVisible(widget, 24, 48)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch_focus(True)

    def hideEvent(self, event: QHideEvent) -> None:
        self._watch_focus(False)
        super().hideEvent(event)

    def _watch_focus(self, watch_it: bool) -> None:
        """A field that gets the focus (by Tab, a shortcut or a click) is scrolled into view;
        the application's signal is only followed while the form is shown."""
        if watch_it == self._watching:
            return
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        if watch_it:
            application.focusChanged.connect(self._focus_moved)
        else:
            application.focusChanged.disconnect(self._focus_moved)
        self._watching = watch_it

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._reveal(new)
