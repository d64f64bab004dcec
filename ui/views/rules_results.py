"""What the rules screen shows about a tried case: the recommendations with their reasons,
and for every rule of the concern whether it fired and why; and the coverage of the ruleset.
Read-only views that the keyboard can reach and scroll."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
)

from app.codes import Concern, LegalStatus
from app.i18n import _
from app.routing import Case, CoverageReport, Recommendation, RuleTrace
from app.services.routing_trial import Trial
from ui.views import recommendation_text as text

TRACE_COLUMNS = 3


def result_browser(name: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setAccessibleName(name)
    browser.setOpenLinks(False)
    browser.setTabChangesFocus(True)
    return browser


def trace_table(name: str) -> QTableWidget:
    table = QTableWidget(0, TRACE_COLUMNS)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels([_("Regel"), _("Greift"), _("Warum")])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
    table.setWordWrap(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    # Wrapped reasons need new heights whenever their column's width changes (a scroll bar).
    header.sectionResized.connect(lambda *_args: table.resizeRowsToContents())
    return table


def gap_list(name: str) -> QListWidget:
    gaps = QListWidget()
    gaps.setAccessibleName(name)
    gaps.setWordWrap(True)
    return gaps


def show_trace(table: QTableWidget, trace: Sequence[RuleTrace]) -> None:
    """Every rule of the concern: those that fired first and in bold, then the others, each
    group in the ruleset's order."""
    table.setRowCount(len(trace))
    for row, entry in enumerate(sorted(trace, key=lambda entry: not entry.fired)):
        cells = [entry.rule_id, _("ja") if entry.fired else _("nein"), entry.why]
        for column, value in enumerate(cells):
            item = QTableWidgetItem(value)
            if entry.fired:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            item.setToolTip(value)
            table.setItem(row, column, item)
    _fit_rule_column(table)
    table.resizeRowsToContents()


def _fit_rule_column(table: QTableWidget) -> None:
    """The rule ids in full where there is room; never more than a third of the table, so
    that the reasons stay readable on a small screen."""
    table.resizeColumnToContents(0)
    table.setColumnWidth(0, min(table.columnWidth(0), table.viewport().width() // 3))


def show_coverage(gaps: QListWidget, report: CoverageReport) -> str:
    """The gaps, one per line; returns the summary line."""
    gaps.clear()
    lines = report.lines()
    gaps.addItems(lines[1:] or [_("Keine Lücken: jede Kombination hat eine zuständige Stelle.")])
    return lines[0]


def trial_html(trial: Trial) -> str:
    parts = [f"<p>{html.escape(case_line(trial.case))}<br><i>{html.escape(_source(trial))}"
             "</i></p>"]
    if trial.routing is None:
        parts.append(f"<p><b>{html.escape(trial.problem)}</b></p>")
        return "".join(parts)
    parts += [_recommendation_html(rec, trial.case.municipality)
              for rec in trial.routing.recommendations]
    return "".join(parts)


def _recommendation_html(recommendation: Recommendation, municipality: str) -> str:
    head = f"{text.role_text(recommendation.role)}: {recommendation.agency_label}"
    office = recommendation.office
    lines = [text.office_title(recommendation, municipality), office.address if office else "",
             recommendation.reason,
             text.rule_line(recommendation), text.documents_line(recommendation.documents)]
    body = "<br>".join(html.escape(line) for line in lines if line)
    return f"<p><b>{html.escape(head)}</b><br>{body}</p>"


def case_line(case: Case) -> str:
    age = _("Alter unbekannt") if case.age is None else _("{age} Jahre").format(age=case.age)
    employable = {True: _("erwerbsfähig"), False: _("nicht erwerbsfähig"),
                  None: _("Erwerbsfähigkeit unbekannt")}[case.employable]
    parts = [LegalStatus(case.status).label, age,
             case.municipality or _("außerhalb des Kreises"), Concern(case.concern).label,
             employable]
    if case.unaccompanied_minor:
        parts.append(_("unbegleitet minderjährig"))
    if case.permit_date:
        parts.append(_("erste Erlaubnis {day}").format(day=case.permit_date.strftime(
            "%d.%m.%Y")))
    parts.append(_("Stichtag {day}").format(day=case.reference_date.strftime("%d.%m.%Y")))
    return _("Fall: {parts}").format(parts=", ".join(parts))


def _source(trial: Trial) -> str:
    if trial.offices_from_database:
        return _("Stellen aus dem Verzeichnis der Datenbank.")
    return _("Die Datenbank hat kein Verzeichnis: Stellen aus der mitgelieferten "
             "Verzeichnisdatei.")
