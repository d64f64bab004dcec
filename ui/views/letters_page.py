"""The letters area ("Schreiben"): the referrals on the left, the chosen letter on the right.

Left, whose referrals these are and the table; right, which letter (Überleitungsschreiben,
Einwilligungserklärung, Laufzettel) in which language, the preview, and what to do with it.
Enter on a row previews it, Ctrl+P prints, Ctrl+Shift+S saves as PDF, Alt+N records a consent,
Ctrl+E (or Alt+R) records what became of a referral, Esc goes back to where the front desk
came from.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.codes import LETTER_LANGUAGES
from app.i18n import _
from app.iso_codes import language_name
from app.letters.model import LetterKind
from ui.views.letter_preview import LetterPreview
from ui.views.person_page import page_shortcut
from ui.views.style import PAGE_MARGIN, heading, paragraph

LIST_WIDTH = 470


def kind_labels() -> dict[LetterKind, str]:
    return {LetterKind.REFERRAL: _("Überleitungsschreiben"),
            LetterKind.CONSENT: _("Einwilligungserklärung"),
            LetterKind.ROUTE_SHEET: _("Laufzettel")}


def labelled(text: str, widget: QWidget) -> QHBoxLayout:
    """A label with its input; the input is announced by the label's text."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(text.replace("&", ""))
    row = QHBoxLayout()
    row.addWidget(label)
    row.addWidget(widget, 1)
    return row


class _EnterKey(QObject):
    """Enter on a table row asks for its preview (a table would only move down)."""

    def __init__(self, page: LettersPage) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._page.preview_requested.emit()
            return True
        return False


class LettersPage(QWidget):
    preview_requested = Signal()
    print_requested = Signal()
    save_requested = Signal()
    consent_requested = Signal()
    outcome_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-letters")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(8)
        self.title = heading(_("Schreiben"))
        self.message = paragraph()
        self.message.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list())
        splitter.addWidget(self._letter())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_WIDTH, 1000])
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._shortcuts()
        self.setFocusProxy(self.table)
        self.chain_tab_order()

    def _list(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 8, 0)
        self.scope = heading(_("Neueste Überleitungen"), level=2)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.installEventFilter(_EnterKey(self))
        self.scope.setBuddy(self.table)
        self.table.setAccessibleName(self.scope.text())
        column.addWidget(self.scope)
        column.addWidget(self.table, 1)
        return box

    def _letter(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(8, 0, 0, 0)
        self.kind = QComboBox()
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        self.language = QComboBox()
        for code in LETTER_LANGUAGES:
            self.language.addItem(language_name(code), code)
        choices = QHBoxLayout()
        choices.addLayout(labelled(_("Art des Schreibens"), self.kind), 1)
        choices.addSpacing(16)
        choices.addLayout(labelled(_("Sprache"), self.language), 1)
        self.preview = LetterPreview()
        column.addLayout(choices)
        column.addWidget(self.preview, 1)
        column.addLayout(self._buttons())
        return box

    def _buttons(self) -> QHBoxLayout:
        self.consent_button = QPushButton(_("Einwilligu&ng erfassen …"))
        self.consent_button.setToolTip(_("Die Einwilligung der Person für diese Stelle "
                                         "erfassen (Alt+N)"))
        self.outcome_button = QPushButton(_("&Rückmeldung erfassen …"))
        self.outcome_button.setToolTip(_("Eintragen, was aus einer Überleitung geworden ist: "
                                         "Aktenzeichen tippen oder QR-Code scannen (Strg+E)"))
        self.outcome_button.hide()  # for the roles that may (show_outcome_button)
        self.outcome_button.clicked.connect(self._outcome_if_shown)
        self.save_button = QPushButton(_("Als PDF speichern …"))
        self.save_button.setToolTip(_("Das Schreiben als PDF-Datei speichern; wird "
                                      "protokolliert (Strg+Umschalt+S)"))
        self.print_button = QPushButton(_("Drucken …"))
        self.print_button.setToolTip(_("Das Schreiben drucken; wird protokolliert (Strg+P)"))
        self.consent_button.clicked.connect(self.consent_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.print_button.clicked.connect(self.print_requested)
        row = QHBoxLayout()
        row.addWidget(self.consent_button)
        row.addWidget(self.outcome_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        return row

    def _shortcuts(self) -> None:
        page_shortcut(self, QKeySequence.StandardKey.Print).activated.connect(
            self._print_if_enabled)
        page_shortcut(self, "Ctrl+Shift+S").activated.connect(self._save_if_enabled)
        page_shortcut(self, "Esc").activated.connect(self.back_requested)
        page_shortcut(self, "Ctrl+E").activated.connect(self._outcome_if_shown)

    def show_outcome_button(self) -> None:
        self.outcome_button.show()

    def _outcome_if_shown(self) -> None:
        if self.outcome_button.isVisible():
            self.outcome_requested.emit()

    def _print_if_enabled(self) -> None:
        if self.print_button.isEnabled():
            self.print_requested.emit()

    def _save_if_enabled(self) -> None:
        if self.save_button.isEnabled():
            self.save_requested.emit()

    def chain_tab_order(self) -> None:
        """List, letter choice, language, preview, then the buttons left to right."""
        chain = [self.table, self.kind, self.language, self.preview.view,
                 self.consent_button, self.outcome_button, self.save_button, self.print_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # --- what the page shows ----------------------------------------------------------------

    def show_scope(self, title: str) -> None:
        self.scope.setText(title)
        self.table.setAccessibleName(title)

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a4262c;" if problem else "")
        self.message.setVisible(bool(text))

    def chosen_kind(self) -> LetterKind:
        return LetterKind(self.kind.currentData())

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def choose(self, kind: LetterKind | None = None, language: str | None = None) -> None:
        """Set the choices without asking for a preview (the caller asks once)."""
        for combo, value in ((self.kind, kind), (self.language, language)):
            if value is not None and combo.findData(value) >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)

    def set_actions_enabled(self, *, letter: bool, consent: bool) -> None:
        self.print_button.setEnabled(letter)
        self.save_button.setEnabled(letter)
        self.consent_button.setEnabled(consent)
