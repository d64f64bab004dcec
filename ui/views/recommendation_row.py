"""One recommendation in the visit screen: which office and why, and the front desk's
decision – accept (the default), drop, or replace with another office and a reason.

Keyboard: the decision is a list box (Ü, V, E or the arrow keys); choosing "Ersetzen" shows
the kind of office, the office and the reason right below, next in the Tab order. Inputs are
named "<concern>: <agency> – <column>" for screen readers, as the person form's rows are.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.codes import AgencyKind
from app.i18n import _
from app.routing import OfficeEntry, Recommendation
from app.services.referral_decisions import Decision, DecisionAction
from ui.views import recommendation_text as text
from ui.views.recommendation_parts import ElidingComboBox, caption, strong, wrapped
from ui.views.recommendation_states import RowKey, RowState
from ui.views.visit_form_parts import error_label


def actions() -> dict[DecisionAction, str]:
    """The choices, with different first letters so that one key picks each."""
    return {DecisionAction.ACCEPT: _("Übernehmen"), DecisionAction.DROP: _("Verwerfen"),
            DecisionAction.REPLACE: _("Ersetzen …")}


def columns() -> dict[str, str]:
    """The inputs of a row by their field key in app.services.referral_decisions."""
    return {"action": _("Entscheidung"), "agency_kind": _("Andere Stellenart"),
            "office": _("Andere Stelle"), "reason": _("Begründung des Ersatzes")}


CARD_STYLE = """
QFrame#recommendation { background: #fafafa; border: 1px solid #d9d9d9; border-radius: 4px; }
"""


class RecommendationRow(QFrame):
    changed = Signal()

    def __init__(self, person_id: uuid.UUID, concern: str, recommendation: Recommendation, *,
                 title: str, municipality: str,
                 offices: Mapping[str, Sequence[OfficeEntry]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id, self.concern, self.recommendation = person_id, concern, recommendation
        self.title, self._municipality, self._offices = title, municipality, offices
        self.setObjectName("recommendation")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 8)
        layout.setSpacing(2)
        layout.addLayout(self._head())
        layout.addWidget(wrapped(recommendation.reason))
        for line in (text.rule_line(recommendation),
                     text.documents_line(recommendation.documents)):
            layout.addWidget(wrapped(line, small=True))
        self.replacement = self._replacement()
        layout.addWidget(self.replacement)
        self.error = error_label()
        layout.addWidget(self.error)
        self.setToolTip(text.tooltip(recommendation, municipality))
        self._name_inputs()
        self._show_replacement()

    # --- layout -----------------------------------------------------------------------------

    def _head(self) -> QHBoxLayout:
        row = QHBoxLayout()
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(caption(text.role_text(self.recommendation.role)))
        self.office = strong(text.office_title(self.recommendation, self._municipality))
        column.addWidget(self.office)
        row.addLayout(column, 1)
        self.action = QComboBox()
        for action, label in actions().items():
            self.action.addItem(label, action.value)
        self.action.currentIndexChanged.connect(self._action_changed)
        row.addWidget(self.action, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _replacement(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setVerticalSpacing(2)
        self.kind = ElidingComboBox()
        for kind in sorted(AgencyKind, key=lambda k: k.label.casefold()):
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(self.recommendation.agency_kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.office_choice = ElidingComboBox()
        self.office_choice.setPlaceholderText(_("Stelle wählen"))
        self.office_choice.currentIndexChanged.connect(self.changed)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("Warum eine andere Stelle? (Pflicht)"))
        self.reason.textChanged.connect(self.changed)
        names = columns()
        for line, (key, widget) in enumerate((("agency_kind", self.kind),
                                              ("office", self.office_choice),
                                              ("reason", self.reason))):
            grid.addWidget(caption(names[key]), 2 * line, 0)
            grid.addWidget(widget, 2 * line + 1, 0)
        self._fill_offices()
        return box

    def _name_inputs(self) -> None:
        inputs = {"action": self.action, "agency_kind": self.kind,
                  "office": self.office_choice, "reason": self.reason}
        names = columns()
        for key, widget in inputs.items():
            widget.setAccessibleName(f"{self.title} – {names[key]}")
        self.action.setAccessibleDescription(
            text.full_text(self.recommendation, self._municipality))
        self.action.setToolTip(self.toolTip())

    # --- behaviour --------------------------------------------------------------------------

    def _action_changed(self) -> None:
        self._show_replacement()
        self.changed.emit()

    def _show_replacement(self) -> None:
        replacing = self.action.currentData() == DecisionAction.REPLACE
        self.replacement.setVisible(replacing)
        dropped = self.action.currentData() == DecisionAction.DROP
        self.office.setProperty("dropped", dropped)
        self.office.setStyleSheet("color: #6b6b6b; text-decoration: line-through;"
                                  if dropped else "")

    def _kind_changed(self) -> None:
        self._fill_offices()
        self.changed.emit()

    def _fill_offices(self) -> None:
        """Offices of the chosen kind, those serving the person's municipality first; the
        recommended office is not offered as its own replacement."""
        kind = self.kind.currentData()
        recommended = self.recommendation.office
        offices = [office for office in self._offices.get(kind, ())
                   if recommended is None or office.code != recommended.code]
        offices.sort(key=lambda office: (self._municipality not in office.municipalities,
                                         office.name.casefold()))
        self.office_choice.blockSignals(True)
        self.office_choice.clear()
        for office in offices:
            self.office_choice.addItem(text.office_name(office), office.code)
        self.office_choice.setCurrentIndex(-1)
        self.office_choice.blockSignals(False)

    # --- what the panel uses ----------------------------------------------------------------

    @property
    def key(self) -> RowKey:
        rec = self.recommendation
        return (self.person_id, self.concern, rec.role, rec.agency_kind, rec.rule_id)

    def state(self) -> RowState:
        """The decision with the replacement as typed – kept even while "Übernehmen" is
        chosen, so that switching back and forth loses nothing (the service reads the
        replacement only for "Ersetzen")."""
        return RowState(str(self.action.currentData()), str(self.kind.currentData() or ""),
                        str(self.office_choice.currentData() or ""), self.reason.text())

    def set_state(self, state: RowState) -> None:
        self.action.setCurrentIndex(max(0, self.action.findData(state.action)))
        if state.agency_kind:
            self.kind.setCurrentIndex(max(0, self.kind.findData(state.agency_kind)))
        self.office_choice.setCurrentIndex(self.office_choice.findData(state.office_code))
        self.reason.setText(state.reason)

    def decision(self) -> Decision:
        state = self.state()
        return Decision(self.person_id, self.concern, self.recommendation, state.action,
                        agency_kind=state.agency_kind, office_code=state.office_code,
                        reason=state.reason)

    def focus_chain(self) -> list[QWidget]:
        return [self.action, self.kind, self.office_choice, self.reason]

    def input_for(self, key: str) -> QWidget:
        return {"agency_kind": self.kind, "office": self.office_choice,
                "reason": self.reason}.get(key, self.action)

    def show_error(self, key: str, message: str) -> None:
        self.error.setText("\n".join(filter(None, [self.error.text(), message])))
        self.error.show()
        self.input_for(key).setAccessibleDescription(message)

    def clear_errors(self) -> None:
        self.error.clear()
        self.error.hide()
        for widget in self.focus_chain()[1:]:
            widget.setAccessibleDescription("")
