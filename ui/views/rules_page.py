"""The rules area (administrators): try the rules on a case and see which rules fire and why,
the recommendations that result, the ruleset version in use and what no rule answers.

Left: the case and, below it, the ruleset (version, coverage). Right: the result and the
trace. Tab follows that order; Enter in the case checks it (Alt+P too).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.services.routing_trial import RulesOverview, Trial
from ui.views.recommendation_parts import wrapped
from ui.views.rules_case_form import RulesCaseForm
from ui.views.rules_results import (
    gap_list,
    result_browser,
    show_coverage,
    show_trace,
    trace_table,
    trial_html,
)
from ui.views.style import PAGE_MARGIN, heading, paragraph
from ui.views.visit_form_parts import ERROR_STYLE

LEFT_WIDTH = 340


class RulesPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-rules")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(8)
        layout.addWidget(heading(_("Regeln")))
        self.message = paragraph(_("Einen Fall eingeben und prüfen: welche Regeln greifen und "
                                   "warum, und welche Stellen daraus folgen."))
        layout.addWidget(self.message)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(self._left())
        columns.addLayout(self._right(), 1)
        layout.addLayout(columns, 1)
        self.setFocusProxy(self.form.first_input())
        QWidget.setTabOrder(self.form.check_button, self.gaps)
        QWidget.setTabOrder(self.gaps, self.result)
        QWidget.setTabOrder(self.result, self.trace)

    def _left(self) -> QWidget:
        box = QWidget()
        box.setFixedWidth(LEFT_WIDTH)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(heading(_("Fall"), level=2))
        self.form = RulesCaseForm()
        column.addWidget(self.form)
        column.addSpacing(12)
        column.addWidget(heading(_("Regelwerk"), level=2))
        self.version = wrapped(_("Regelwerk wird geladen …"))
        self.coverage = wrapped("", small=True)
        column.addWidget(self.version)
        column.addWidget(self.coverage)
        self.gaps = gap_list(_("Lücken in der Abdeckung"))
        column.addWidget(_buddy(_("Lücken in der &Abdeckung"), self.gaps))
        column.addWidget(self.gaps, 1)
        return box

    def _right(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(6)
        self.result = result_browser(_("Ergebnis"))
        column.addWidget(_buddy(_("E&rgebnis"), self.result, level=2))
        column.addWidget(self.result, 2)
        self.trace = trace_table(_("Welche Regeln greifen"))
        column.addWidget(_buddy(_("&Welche Regeln greifen"), self.trace, level=2))
        column.addWidget(self.trace, 3)
        return column

    # --- what the controller shows ----------------------------------------------------------

    def show_overview(self, overview: RulesOverview) -> None:
        self.version.setText(_("Version {version}, gültig ab {day}; {count} Regeln.").format(
            version=overview.version, day=overview.valid_from.strftime("%d.%m.%Y"),
            count=overview.rule_count))
        self.coverage.setText(show_coverage(self.gaps, overview.coverage))

    def show_trial(self, trial: Trial) -> None:
        self.form.clear_errors()
        self.result.setHtml(trial_html(trial))
        show_trace(self.trace, trial.trace)
        if trial.routing is None:
            self.show_message(trial.problem, problem=True)
            return
        fired = sum(entry.fired for entry in trial.trace)
        self.show_message(_("Geprüft nach Regelwerk {version}: {fired} von {rules} Regeln "
                            "greifen, {offices} Stellen folgen daraus.").format(
            version=trial.routing.ruleset_version, fired=fired, rules=len(trial.trace),
            offices=len(trial.routing.recommendations)))

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if problem else "")


def _buddy(text: str, widget: QWidget, *, level: int = 0) -> QLabel:
    label = heading(text, level=level) if level else QLabel(text)
    label.setBuddy(widget)
    return label
