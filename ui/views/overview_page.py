"""The start page: how much is in the database, and which database it is."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.overview import OverviewCounts
from ui.views.status_bar import DEMO_STYLE
from ui.views.style import PAGE_MARGIN, heading, paragraph, scaled_font

PENDING = "…"


class CountCard(QFrame):
    """A number with its caption, e.g. "17 / Personen"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(136)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.value = QLabel(PENDING)
        self.value.setFont(scaled_font(self.value, 2.0, bold=True))
        self.value.setAccessibleName(caption)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def show_value(self, value: int | None) -> None:
        self.value.setText(PENDING if value is None else QLocale().toString(value))


class OverviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-overview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(12)
        layout.addWidget(heading(_("Übersicht")))
        self.demo_notice = QLabel(_("Demo-Datenbank: Alle Personen und Vorgänge hier sind "
                                    "erfunden. Keine echten Daten eintragen."))
        self.demo_notice.setStyleSheet(DEMO_STYLE)
        self.demo_notice.setWordWrap(True)
        self.demo_notice.hide()
        layout.addWidget(self.demo_notice)
        layout.addWidget(heading(_("In der Datenbank"), level=2))
        layout.addLayout(self._build_cards())
        self.problem = paragraph()
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addSpacing(12)
        layout.addWidget(heading(_("Arbeitsplatz und Datenbank"), level=2))
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.facts.setHorizontalSpacing(24)
        layout.addLayout(self.facts)
        layout.addStretch(1)

    def _build_cards(self) -> QGridLayout:
        self.persons = CountCard(_("Personen"))
        self.households = CountCard(_("Haushalte"))
        self.visits = CountCard(_("Besuche"))
        self.open_referrals = CountCard(_("Offene Überleitungen"))
        self.directory_offices = CountCard(_("Stellen im Verzeichnis"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, card in enumerate(self._cards()):
            grid.addWidget(card, 0, column)
        grid.setColumnStretch(len(self._cards()), 1)
        return grid

    def _cards(self) -> tuple[CountCard, ...]:
        return (self.persons, self.households, self.visits, self.open_referrals,
                self.directory_offices)

    def show_loading(self) -> None:
        for card in self._cards():
            card.show_value(None)

    def show_counts(self, counts: OverviewCounts) -> None:
        self.problem.hide()
        self.persons.show_value(counts.persons)
        self.households.show_value(counts.households)
        self.visits.show_value(counts.visits)
        self.open_referrals.show_value(counts.open_referrals)
        self.directory_offices.show_value(counts.directory_offices)
        self.demo_notice.setVisible(counts.is_demo)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def show_facts(self, facts: list[tuple[str, str]]) -> None:
        """Rows of (label, value); values can be selected and copied."""
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for name, value in facts:
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(name)
            self.facts.addRow(QLabel(name), text)
