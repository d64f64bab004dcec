"""The visit form: concerns by field of action, a note, the interpreter, earlier visits.

A pure view: it holds what was typed as raw values (the keys of app.services.visit_input)
and shows messages next to the fields; the controller validates and saves. Keyboard: Tab and
Shift+Tab go through every input in the order they are seen, Space checks a concern, Tab
leaves the note (it does not type a tab character).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.i18n import _
from app.services.visits import VisitSummary
from ui.views.concern_boxes import ConcernBoxes
from ui.views.visit_form_parts import (
    error_label,
    lines_high,
    raw_concerns,
    stacked,
    text_of,
    visit_line,
)

NOTE_LINES = (2, 4)  # at least, at most: the earlier visits get the rest
RECENT_LINES = 2


class VisitForm(QWidget):
    changed = Signal()  # something was typed or checked (never by set_raw or clear)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._concern_notes: dict[str, str] = {}  # notes per concern, kept from set_raw
        self._visited_at: object = None  # a restored visit keeps its time
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._add_concerns(layout)
        self._add_note_and_interpreter(layout)
        self._add_recent(layout)
        self._chain_tab_order()

    # --- layout -----------------------------------------------------------------------------

    def _add_concerns(self, layout: QVBoxLayout) -> None:
        self.general_errors = error_label()
        self.concern_errors = error_label()
        self.concerns = ConcernBoxes()
        self.concerns.setAccessibleName(_("Anliegen"))
        self.concerns.toggled.connect(self._edited)
        for widget in (self.general_errors, self.concern_errors, self.concerns):
            layout.addWidget(widget)

    def _add_note_and_interpreter(self, layout: QVBoxLayout) -> None:
        """The note on the left, the interpreter beside it: the page stays within 640 px."""
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addLayout(self._note(), 2)
        row.addLayout(self._interpreter(), 1)
        layout.addLayout(row)

    def _note(self) -> QVBoxLayout:
        label = QLabel(_("&Notiz zum Besuch"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(_("Notiz zum Besuch"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(lines_high(self.note, NOTE_LINES[0]))
        self.note.setMaximumHeight(lines_high(self.note, NOTE_LINES[1]))
        self.note.textChanged.connect(self._edited)
        label.setBuddy(self.note)
        self.note_errors = error_label()
        return stacked(label, self.note, self.note_errors)

    def _interpreter(self) -> QVBoxLayout:
        self.interpreter = QCheckBox(_("&Dolmetscher eingesetzt"))
        self.interpreter.setAccessibleName(_("Dolmetscher eingesetzt"))
        language_label = QLabel(_("Dolmetsch&sprache"))
        self.language = QLineEdit()
        self.language.setAccessibleName(_("Dolmetschsprache"))
        self.language.setPlaceholderText(_("z. B. ar, fa-AF, uk"))
        self.language.setEnabled(False)
        language_label.setBuddy(self.language)
        self.interpreter.toggled.connect(self._interpreter_toggled)
        self.language.textChanged.connect(self._edited)
        self.interpreter_errors = error_label()
        column = stacked(self.interpreter, language_label, self.language,
                          self.interpreter_errors)
        column.insertSpacing(1, 4)
        return column

    def _add_recent(self, layout: QVBoxLayout) -> None:
        label = QLabel(_("&Frühere Besuche"))
        self.recent = QListWidget()
        self.recent.setAccessibleName(_("Frühere Besuche"))
        self.recent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent.setMinimumHeight(lines_high(self.recent, RECENT_LINES))
        self.no_recent = QLabel(_("Noch keine früheren Besuche."))
        label.setBuddy(self.recent)
        layout.addWidget(label)
        layout.addWidget(self.no_recent)
        layout.addWidget(self.recent, 1)
        self.set_recent(())

    def _chain_tab_order(self) -> None:
        chain = [*self.concerns.in_visual_order(), self.note, self.interpreter, self.language,
                 self.recent]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # --- what the controller uses -----------------------------------------------------------

    def first_input(self) -> QWidget:
        return self.concerns.first()

    def raw(self) -> dict[str, object]:
        """What is typed, with the keys of app.services.visit_input."""
        used = self.interpreter.isChecked()
        raw: dict[str, object] = {
            "concerns": [self._concern_raw(concern.value) for concern in self.concerns.checked()],
            "note": self.note.toPlainText(),
            "interpreter_used": used,
            "interpreter_language": self.language.text().strip() if used else "",
        }
        if self._visited_at:
            raw["visited_at"] = self._visited_at
        return raw

    def _concern_raw(self, code: str) -> object:
        note = self._concern_notes.get(code)
        return {"code": code, "note": note} if note else code

    def set_raw(self, raw: Mapping[str, object]) -> None:
        """Show raw values (a restored draft); emits no ``changed``."""
        self._quiet = True
        try:
            entries = raw.get("concerns")
            codes = raw_concerns(entries if isinstance(entries, list) else [])
            self._concern_notes = codes
            self.concerns.set_checked(codes)
            self.note.setPlainText(text_of(raw.get("note")))
            self.interpreter.setChecked(raw.get("interpreter_used") is True)
            self.language.setText(text_of(raw.get("interpreter_language")))
            self._visited_at = raw.get("visited_at") or None
        finally:
            self._quiet = False
        self.clear_errors()

    def clear(self) -> None:
        """An empty form for the next visit (the earlier visits stay until set_recent)."""
        self.set_raw({})

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """Each message next to its field, also told to screen readers; the focus goes to
        the first field concerned, in the order they are seen."""
        self.clear_errors()
        places = self._places()
        shown: dict[str, list[str]] = {}
        for error in errors:
            key = error.field.split("[", 1)[0]
            shown.setdefault(key if key in places else "", []).append(error.message)
        for key, messages in shown.items():
            label, widget = places.get(key, (self.general_errors, None))
            label.setText("\n".join([label.text(), *messages]).strip())
            label.show()
            if widget is not None:
                widget.setAccessibleDescription(label.text())
        first = next((places[key][1] for key in places if key in shown), None)
        if first is not None:
            first.setFocus()

    def clear_errors(self) -> None:
        self.general_errors.clear()
        self.general_errors.hide()
        for label, widget in self._places().values():
            label.clear()
            label.hide()
            widget.setAccessibleDescription("")

    def set_recent(self, visits: Sequence[VisitSummary]) -> None:
        """The person's earlier visits, newest first; read only."""
        self.recent.clear()
        for visit in visits:
            item = QListWidgetItem(visit_line(visit))
            item.setToolTip(visit.note)
            self.recent.addItem(item)
        self.recent.setVisible(bool(visits))
        self.no_recent.setVisible(not visits)

    # --- behaviour --------------------------------------------------------------------------

    def _interpreter_toggled(self, used: bool) -> None:
        self.language.setEnabled(used)
        self._edited()

    def _edited(self) -> None:
        if not self._quiet:
            self.changed.emit()

    def _places(self) -> dict[str, tuple[QLabel, QWidget]]:
        """Field key → where its message appears and which input it is about, in the order
        they are seen."""
        language = self.language if self.language.isEnabled() else self.interpreter
        return {"concerns": (self.concern_errors, self.concerns.first()),
                "note": (self.note_errors, self.note),
                "interpreter_used": (self.interpreter_errors, self.interpreter),
                "interpreter_language": (self.interpreter_errors, language)}
