"""The letters area: which referrals are listed, which letter is previewed, print and save.

Every preview is rendered by the worker. Moving through the table asks for one preview per
row; only the answer to the newest question is shown (each question is a generation), so
quick arrow keys never leave an older letter on screen.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QObject, Signal
from PySide6.QtWidgets import QHeaderView

from app.config import Settings
from app.errors import FieldsValidationError, LotseError
from app.i18n import _
from app.letters.model import LetterKind
from app.security.permissions import Action, Actor, allowed
from app.services.letters import ReferralRow, RenderedLetter
from ui.controllers.consent_controller import ConsentController
from ui.controllers.failures import describe_failure
from ui.controllers.letter_operations import (
    Issued,
    LetterChoice,
    LetterScope,
    load_rows,
    preview,
)
from ui.controllers.letter_printing import LetterPrinting
from ui.controllers.outcome import OutcomeController
from ui.controllers.sign_in_roles import unsigned_actor
from ui.models.referral_model import ReferralModel
from ui.printing import LetterDialogs, PrintFailedError, SystemDialogs
from ui.views.letters_page import LettersPage
from ui.worker import DatabaseWorker

PERSON_COLUMN = 1  # hidden when the list is one person's


class LettersController(QObject):
    closed = Signal()  # Esc: back to where the front desk came from

    def __init__(self, worker: DatabaseWorker, page: LettersPage, settings: Settings,
                 dialogs: LetterDialogs | None = None, parent: QObject | None = None, *,
                 actor: Actor | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page, self._settings = worker, page, settings
        self._actor = actor = actor or unsigned_actor(settings)
        self.model = ReferralModel(self)
        page.table.setModel(self.model)
        page.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.scope = LetterScope()
        self.asked = False  # whether any list was asked for yet
        self.letter: RenderedLetter | None = None  # the letter previewed now
        self._generation = 0
        self._select_next: str | None = None
        self.outcomes: OutcomeController | None = None  # enable_outcomes
        self.printing = LetterPrinting(worker, page, settings, actor, dialogs or SystemDialogs(),
                                       self)
        self.consent = ConsentController(worker, page, settings, actor, self)
        self._connect()
        self._update_actions()

    def enable_outcomes(self, actor: Actor) -> None:
        """Offer outcome entry to the roles that may record outcomes."""
        if not allowed(actor.role, Action.RECORD_OUTCOME):
            return
        outcomes = OutcomeController(self._worker, actor, self)
        self.outcomes = outcomes
        self._page.show_outcome_button()
        self._page.outcome_requested.connect(lambda: outcomes.open(self._page))
        outcomes.recorded.connect(lambda _reference: self.refresh() if self.asked else None)

    def _connect(self) -> None:
        page = self._page
        page.table.selectionModel().selectionChanged.connect(self._row_changed)
        page.preview_requested.connect(self.preview_current)
        page.kind.currentIndexChanged.connect(self.preview_current)
        page.language.currentIndexChanged.connect(self.preview_current)
        page.print_requested.connect(self.print_current)
        page.save_requested.connect(self.save_current)
        page.consent_requested.connect(self.record_consent)
        page.back_requested.connect(self.closed)
        self.printing.issued.connect(self._issued)
        self.printing.finished.connect(self._update_actions)
        self.consent.recorded.connect(self._consent_recorded)

    # --- which referrals ------------------------------------------------------------------

    def show_person(self, person_id: uuid.UUID, name: str) -> None:
        self._show(LetterScope(person_id=person_id),
                   _("Überleitungen von {name}").format(name=name))

    def show_visit(self, visit_id: uuid.UUID, name: str) -> None:
        """The referrals of a visit just saved; with several, the route sheet comes first."""
        self._show(LetterScope(visit_id=visit_id),
                   _("Überleitungen des Besuchs von {name}").format(name=name), route=True)

    def show_newest(self) -> None:
        self._show(LetterScope(), _("Neueste Überleitungen"))

    def refresh(self) -> None:
        """Load the listed referrals again, keeping the chosen one."""
        row = self.current_row()
        self._select_next = row.reference if row is not None else None
        self._worker.run(load_rows(self.scope, self._actor), self._rows_loaded, self._list_failed)

    def _show(self, scope: LetterScope, title: str, *, route: bool = False) -> None:
        self.scope, self._select_next, self.asked = scope, None, True
        self._page.show_scope(title)
        self._page.show_message(_("Wird geladen …"))
        self._page.choose(kind=LetterKind.REFERRAL)
        self.model.set_rows([])
        self._page.table.setColumnHidden(PERSON_COLUMN, scope.person_id is not None)
        self._worker.run(load_rows(scope, self._actor),
                         lambda rows: self._rows_loaded(rows, route=route), self._list_failed)

    def _rows_loaded(self, rows: Sequence[ReferralRow], *, route: bool = False) -> None:
        self.model.set_rows(rows)
        self._page.show_message("" if rows else _("Hier gibt es noch keine Überleitungen. Sie "
                                                  "entstehen, wenn ein Besuch mit Anliegen "
                                                  "gespeichert wird (Strg+4)."))
        if route and len(rows) > 1:
            self._page.choose(kind=LetterKind.ROUTE_SHEET)
        wanted = self.model.row_of(self._select_next) if self._select_next else None
        self._select(wanted if wanted is not None else 0)

    def _select(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.letter = None
            self._page.preview.show_notice(_("Keine Überleitung gewählt."))
            self._update_actions()
            return
        self._page.table.selectRow(row)

    def select_reference(self, reference: str) -> bool:
        """Choose the listed referral with this reference; False if it is not listed."""
        row = self.model.row_of(reference)
        if row is not None:
            self._page.table.selectRow(row)
        return row is not None

    def current_row(self) -> ReferralRow | None:
        rows = self._page.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _row_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self.current_row()
        if row is not None:
            self._page.choose(language=row.language)  # the person's letter language
        self.preview_current()

    # --- the preview ----------------------------------------------------------------------

    def choice(self) -> LetterChoice | None:
        row = self.current_row()
        if row is None:
            return None
        return LetterChoice(row.reference, self._page.chosen_kind(),
                            self._page.chosen_language())

    def preview_current(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        self._generation += 1
        generation = self._generation
        self.letter = None
        self._page.preview.show_waiting()
        self._update_actions()
        self._worker.run(preview(choice, self._settings, self._actor),
                         lambda letter: self._previewed(generation, letter),
                         lambda error: self._preview_failed(generation, error))

    def _previewed(self, generation: int, letter: RenderedLetter) -> None:
        if generation != self._generation:
            return  # an older question; a newer preview is on its way
        try:
            self._page.preview.show_pdf(letter.pdf)
        except PrintFailedError as error:
            self._page.preview.show_notice(str(error), problem=True)
            return
        self.letter = letter
        self._update_actions()

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        # A programming error goes on to the crash dialog; the pane must not keep waiting.
        self._page.preview.show_notice(f"{_('Vorschau erstellen')}: {type(error).__name__}",
                                       problem=True)
        self._update_actions()
        self._page.preview.show_notice(problem_text(error), problem=True)

    # --- print, save, consent -------------------------------------------------------------

    def print_current(self) -> None:
        choice = self.choice()
        if choice is not None and self.letter is not None:
            self._page.set_actions_enabled(letter=False, consent=False)
            self.printing.print_letter(choice, self.scope)

    def save_current(self) -> None:
        choice = self.choice()
        if choice is not None and self.letter is not None:
            self._page.set_actions_enabled(letter=False, consent=False)
            self.printing.save_pdf(choice, self.scope)

    def record_consent(self) -> None:
        row = self.current_row()
        if row is not None:
            self.consent.ask(row)

    def _issued(self, issued: Issued) -> None:
        self.model.replace_rows(issued.rows)
        self.preview_current()  # a second print would be a Zweitschrift: the preview says so

    def _consent_recorded(self) -> None:
        self._page.show_message(_("Einwilligung gespeichert. Das Schreiben zeigt jetzt die "
                                  "Daten, in die eingewilligt wurde."))
        self.preview_current()

    def _update_actions(self) -> None:
        idle = not self.printing.busy
        self._page.set_actions_enabled(letter=idle and self.letter is not None,
                                       consent=self.current_row() is not None)

    def _list_failed(self, error: BaseException) -> None:
        self._page.show_message(describe_failure(error, _("Überleitungen laden")), problem=True)


def problem_text(error: BaseException) -> str:
    """Why there is no letter, and what to do about it, in German."""
    if isinstance(error, FieldsValidationError):
        problems = "\n".join(f"• {problem.message}" for problem in error.errors)
        return _("Dieses Schreiben kann so nicht erstellt werden:\n{problems}\n\nBitte die "
                 "fehlenden Angaben ergänzen – bei der Person (Strg+3) oder bei der Stelle im "
                 "Verzeichnis (Strg+8) – und das Schreiben dann erneut wählen. Drucken ist "
                 "bis dahin nicht möglich.").format(problems=problems)
    if isinstance(error, LotseError):
        return f"{error.message}\n\n{error.hint}".strip()
    return describe_failure(error, _("Vorschau erstellen"))
