"""The front desk's flow across four areas: reception (search), person, visit, letters.

Ctrl+F searches from anywhere, F2 registers a new person from anywhere, Enter on a match
opens the person, "Besuch erfassen" goes on to the visit, "Schreiben" (Alt+S) to the
person's letters. A saved visit with referrals lands in the letters of that visit; Esc
there goes back to where the front desk came from. At the first start after a crash the
unsaved input is offered back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.config import Settings
from app.drafts import Draft, DraftStore
from app.security.permissions import Actor
from ui.controllers.letters_controller import LettersController
from ui.controllers.person_controller import DRAFT_KIND as PERSON_DRAFT
from ui.controllers.person_controller import PersonController
from ui.controllers.person_operations import LoadedPerson
from ui.controllers.reception_controller import ReceptionController
from ui.controllers.sign_in_roles import unsigned_actor
from ui.controllers.visit_controller import VisitController
from ui.views.letters_page import LettersPage
from ui.views.person_page import PersonPage
from ui.views.restore_dialog import RestoreDialog
from ui.views.search_page import SearchPage
from ui.views.visit_page import VisitPage
from ui.worker import DatabaseWorker


class FrontDesk(QObject):
    def __init__(self, worker: DatabaseWorker, settings: Settings, drafts: DraftStore,
                 go_to: Callable[[str], None], parent: QObject | None = None, *,
                 actor: Actor | None = None) -> None:
        super().__init__(parent)
        actor = actor or unsigned_actor(settings)
        self._go_to, self._drafts = go_to, drafts
        self.search_page, self.person_page, self.visit_page = (
            SearchPage(), PersonPage(), VisitPage())
        self.reception = ReceptionController(worker, self.search_page, self.open_person,
                                             self.new_person, self, actor=actor)
        self.person = PersonController(worker, self.person_page, settings, drafts, self,
                                       actor=actor)
        self.visit = VisitController(worker, self.visit_page, settings, drafts, self,
                                     actor=actor)
        self.letters_page = LettersPage()
        self.letters = LettersController(worker, self.letters_page, settings, parent=self,
                                         actor=actor)
        self.restore_dialog: RestoreDialog | None = None
        self._back_from_letters = "reception"
        self.person.closed.connect(self.search)
        self.person_page.visit_requested.connect(self.record_visit)
        self.person_page.letters_requested.connect(self.person_letters)
        self.visit.closed.connect(lambda: self._go_to("person"))
        self.visit.referrals_saved.connect(self.visit_letters)
        self.letters.closed.connect(self._leave_letters)

    def pages(self) -> dict[str, QWidget]:
        return {"reception": self.search_page, "person": self.person_page,
                "visit": self.visit_page, "letters": self.letters_page}

    def search(self) -> None:
        self._go_to("reception")
        self.search_page.focus_search()

    def new_person(self) -> None:
        self.person.new_person()
        self._go_to("person")
        self.person_page.form.first_input().setFocus()

    def open_person(self, person_id: uuid.UUID) -> None:
        self._go_to("person")
        self.person.open_person(person_id)

    def record_visit(self) -> None:
        current: LoadedPerson | None = self.person.current
        if current is None:
            return
        self.visit.set_person(current.person_id, current.name)
        self._go_to("visit")
        self.visit_page.form.first_input().setFocus()

    def person_letters(self) -> None:
        current: LoadedPerson | None = self.person.current
        if current is None:
            return
        self.letters.show_person(current.person_id, current.name)
        self._open_letters("person")

    def visit_letters(self, visit_id: uuid.UUID) -> None:
        self.letters.show_visit(visit_id, self.visit.person_name)
        self._open_letters("visit")

    def show_letters(self) -> None:
        """The letters area reached by Ctrl+5: the newest referrals, unless a person's or a
        visit's are listed already."""
        if not self.letters.asked:
            self.letters.show_newest()

    def _open_letters(self, came_from: str) -> None:
        self._back_from_letters = came_from
        self._go_to("letters")
        self.letters_page.table.setFocus()

    def _leave_letters(self) -> None:
        self._go_to(self._back_from_letters)
        page = self.pages()[self._back_from_letters]
        page.setFocus()

    def keep_drafts(self) -> None:
        self.person.keep_draft()
        self.visit.keep_draft()

    def shutdown(self) -> None:
        """At closing: a letter being printed is finished, then the printing thread ends."""
        self.letters.printing.queue.shutdown()

    # --- unsaved input from last time --------------------------------------------------------

    def offer_restore(self, parent: QWidget) -> None:
        drafts = self._drafts.load_all()
        if not drafts:
            return
        dialog = RestoreDialog(drafts, parent)
        dialog.restore_chosen.connect(self._restore)
        dialog.discard_chosen.connect(lambda draft: self._drafts.discard(draft.kind, draft.key))
        self.restore_dialog = dialog
        dialog.open()
        dialog.activateWindow()  # keys go to the question, not the form behind

    def _restore(self, draft: Draft) -> None:
        if draft.kind == PERSON_DRAFT:
            self.person.restore(draft)
            self._go_to("person")
            self.person_page.form.first_input().setFocus()
        else:
            self.visit.restore(draft)
            self._go_to("visit")
            self.visit_page.form.first_input().setFocus()
