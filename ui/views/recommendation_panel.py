"""The recommendations of a visit: for each person and concern the offices the rules name,
each with the front desk's decision. A pure view: the controller hands in what the engine
said and reads the decisions back; what was chosen survives a new routing run for the rows
that come again (same person, concern, role, agency kind and rule)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.i18n import _
from app.routing import OfficeEntry, Recommendation
from app.services.referral_decisions import Decision
from app.services.routing_cases import ConcernRouting, PersonRouting, concern_label
from ui.views.recommendation_parts import FittingScrollArea, strong, wrapped
from ui.views.recommendation_row import RecommendationRow
from ui.views.recommendation_states import (
    RowKey,
    RowState,
    decision_field,
    read_states,
    state_entries,
)
from ui.views.recommendation_text import role_text
from ui.views.style import heading
from ui.views.visit_form_parts import ERROR_STYLE


class RecommendationPanel(QWidget):
    changed = Signal()  # a decision was changed by the user
    route_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RecommendationRow] = []
        self._states: dict[RowKey, RowState] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._header())
        self.status = wrapped("")
        layout.addWidget(self.status)
        self.content = QWidget()
        self.lines = QVBoxLayout(self.content)
        self.lines.setContentsMargins(0, 0, 8, 0)  # room for the scroll bar
        self.lines.setSpacing(6)
        self.lines.addStretch(1)
        self.scroller = FittingScrollArea(self.content)
        layout.addWidget(self.scroller, 1)
        self.show_idle()

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(heading(_("Zuständigkeit"), level=2))
        row.addStretch(1)
        self.route_button = QPushButton(_("Zuständigkeit &prüfen"))
        self.route_button.setToolTip(_("Für die angekreuzten Anliegen die zuständigen Stellen "
                                       "ermitteln (Strg+R)"))
        self.route_button.clicked.connect(self.route_requested)
        row.addWidget(self.route_button)
        return row

    # --- states -----------------------------------------------------------------------------

    def show_idle(self) -> None:
        self._clear_rows()
        self._status(_("Anliegen ankreuzen – die zuständigen Stellen erscheinen hier, mit "
                       "Begründung, Rechtsgrundlage und den Unterlagen zum Mitbringen."))

    def show_pending(self) -> None:
        self._status(_("Zuständigkeit wird geprüft …"))

    def show_saved(self, references: Sequence[str]) -> None:
        """After saving: which referrals were created (the next visit starts empty)."""
        if not references:
            self._status(_("Gespeichert, ohne Überleitungen."))
        elif len(references) == 1:
            self._status(_("Gespeichert: 1 Überleitung als Entwurf ({reference}).").format(
                reference=references[0]))
        else:
            self._status(_("Gespeichert: {count} Überleitungen als Entwurf ({references}).")
                         .format(count=len(references), references=", ".join(references)))

    def show_problem(self, message: str) -> None:
        self._status(message, problem=True)

    def show_routings(self, routings: Sequence[PersonRouting], offices: Sequence[OfficeEntry],
                      *, main_person: uuid.UUID) -> None:
        """The recommendations; decisions already made for the same rows are kept."""
        focused = self._focused_key()
        self._remember()
        self._clear_rows()
        by_kind: dict[str, list[OfficeEntry]] = defaultdict(list)
        for office in offices:
            by_kind[office.agency_kind].append(office)
        several = len(routings) > 1 or any(r.person_id != main_person for r in routings)
        for routing in routings:
            self._add_person(routing, by_kind, named=several)
        self._status(self._summary(routings))
        self._restore_focus(focused)

    # --- building ---------------------------------------------------------------------------

    def _add_person(self, routing: PersonRouting, offices: Mapping[str, Sequence[OfficeEntry]],
                    *, named: bool) -> None:
        if named:
            self._add(heading(routing.name, level=2))
        if routing.age_note:
            self._add(wrapped(routing.age_note, small=True))
        for concern in routing.concerns:
            self._add(strong(concern_label(concern.concern)))
            for note in (*concern.notes, concern.problem):
                if note:
                    self._add(wrapped(note, small=True))
            prefix = f"{routing.name.split(', ')[-1]}, " if named else ""
            for recommendation in concern.recommendations:
                self._add_row(concern, recommendation, prefix, routing.municipality, offices)

    def _add_row(self, concern: ConcernRouting, recommendation: Recommendation, prefix: str,
                 municipality: str, offices: Mapping[str, Sequence[OfficeEntry]]) -> None:
        title = f"{prefix}{concern_label(concern.concern)}: {recommendation.agency_label}"
        if any(row.title == title for row in self.rows):  # the same kind twice: by role
            title = f"{title} ({role_text(recommendation.role)})"
        row = RecommendationRow(concern.person_id, concern.concern, recommendation,
                                title=title, municipality=municipality, offices=offices)
        state = self._states.get(row.key)
        if state is not None:
            row.set_state(state)
        row.changed.connect(self._row_changed)
        self.rows.append(row)
        self._add(row, indent=True)

    def _add(self, widget: QWidget, *, indent: bool = False) -> None:
        if indent:
            box = QWidget()
            line = QHBoxLayout(box)
            line.setContentsMargins(12, 0, 0, 2)
            line.addWidget(widget)
            widget = box
        self.lines.insertWidget(self.lines.count() - 1, widget)
        # A layout shows a new child only at the next turn of the event loop; until then
        # Tab passes over its inputs and the focus cannot go back into its row.
        if self.content.isVisible():
            widget.show()

    def _clear_rows(self) -> None:
        self.rows = []
        while self.lines.count() > 1:
            item = self.lines.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _summary(self, routings: Sequence[PersonRouting]) -> str:
        if not self.rows:
            return _("Für diese Anliegen nennen die Regeln keine Stelle.")
        version = next((r.ruleset_version for r in routings), "")
        return _("{count} Vorschläge nach Regelwerk {version}. Übernehmen, verwerfen oder "
                 "ersetzen; Strg+S speichert den Besuch mit den Überleitungen.").format(
            count=len(self.rows), version=version)

    def _status(self, message: str, *, problem: bool = False) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(ERROR_STYLE if problem else "")

    # --- decisions --------------------------------------------------------------------------

    def decisions(self) -> list[Decision]:
        """One decision per row, in the order shown (the field keys count in this order)."""
        return [row.decision() for row in self.rows]

    def states(self) -> list[dict[str, str]]:
        """The decisions made so far as plain values, for a draft."""
        self._remember()
        return state_entries(self._states)

    def set_states(self, states: Sequence[Mapping[str, object]]) -> None:
        """Decisions from a draft; applied to the rows as they come."""
        self._states = read_states(states)

    def forget(self) -> None:
        """A new visit: no rows, no decisions."""
        self._states.clear()
        self.show_idle()

    def show_errors(self, errors: Sequence[FieldError]) -> QWidget | None:
        """Each message under its row; returns the first input concerned, for the focus."""
        self.clear_errors()
        first: QWidget | None = None
        for error in errors:
            index, key = decision_field(error.field)
            if index is None or index >= len(self.rows):
                continue
            row = self.rows[index]
            row.show_error(key, error.message)
            first = first or row.input_for(key)
        return first

    def clear_errors(self) -> None:
        for row in self.rows:
            row.clear_errors()

    def focus_chain(self) -> list[QWidget]:
        return [self.route_button, *(w for row in self.rows for w in row.focus_chain())]

    def _remember(self) -> None:
        for row in self.rows:
            self._states[row.key] = row.state()

    def _row_changed(self) -> None:
        self._remember()
        self.changed.emit()

    def _focused_key(self) -> tuple[RowKey, int] | None:
        focused = QApplication.focusWidget()
        for row in self.rows:
            chain = row.focus_chain()
            if focused in chain:
                return row.key, chain.index(focused)
        return None

    def _restore_focus(self, focused: tuple[RowKey, int] | None) -> None:
        if focused is None:
            return
        key, position = focused
        row = next((row for row in self.rows if row.key == key), None)
        target = row.focus_chain()[position] if row is not None else self.route_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

