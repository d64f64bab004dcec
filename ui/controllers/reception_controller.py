"""Searching as the user types, off the GUI thread.

Each pause in typing (a short debounce) starts a search; while one runs, only the newest text
waits, so a fast typist does not queue a search per keystroke. Pages of an older text are
dropped by the model.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, QObject, QTimer
from sqlalchemy.orm import Session

from app.i18n import _
from app.search import Match
from app.security.permissions import Actor
from app.services.person_search import search_persons
from ui.controllers.failures import describe_failure
from ui.models.search_model import SearchResultsModel
from ui.views.search_page import SearchPage
from ui.worker import DatabaseWorker

DEBOUNCE_MS = 150


class ReceptionController(QObject):
    def __init__(self, worker: DatabaseWorker, page: SearchPage,
                 open_person: Callable[[uuid.UUID], None], new_person: Callable[[], None],
                 parent: QObject | None = None, *, actor: Actor) -> None:
        super().__init__(parent)
        self._worker, self._page, self._actor = worker, page, actor
        self.model = SearchResultsModel(self)
        self.model.page_wanted.connect(self._load_page)
        page.set_model(self.model)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_now)
        self._running = False
        page.text_edited.connect(lambda _text: self._timer.start())
        page.open_requested.connect(lambda row: open_person(self.model.person_id(row)))
        page.new_person_requested.connect(new_person)

    @property
    def searching(self) -> bool:
        """A search is waiting or running (tests wait for this to end)."""
        return self._timer.isActive() or self._running or self.model.is_loading()

    def search(self, text: str) -> None:
        """Search for ``text`` now, as if typed (after a save, to show the new person)."""
        self._page.field.setText(text)
        self._search_now(again=True)

    def _search_now(self, *, again: bool = False) -> None:
        text = self._page.field.text()
        if text == self.model.text and not again:
            return
        if self._running:  # asked again when the running search has answered
            return
        self.model.start(text)
        if not text.strip():
            self._page.show_status(_("Namen, Geburtsdatum oder Aktenzeichen eingeben."))
            return
        self._page.show_status(_("Suche läuft …"))
        self.model.fetchMore(QModelIndex())

    def _load_page(self, generation: int, text: str, offset: int) -> None:
        size = self.model.page_size

        def page(session: Session) -> list[Match]:
            return search_persons(session, text, actor=self._actor, limit=size, offset=offset)

        def failed(error: BaseException) -> None:
            self._running = False
            self.model.page_failed(generation)
            self._page.show_status(describe_failure(error, _("Suchen")))

        self._running = True
        self._worker.run(page, lambda found: self._show_page(generation, found), failed)

    def _show_page(self, generation: int, matches: list[Match]) -> None:
        self._running = False
        if self.model.add_page(generation, matches):
            self._show_count()
        if self._page.field.text() != self.model.text:  # typed on while this ran
            self._search_now()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self._page.show_status(_("Keine Person gefunden. Mit F2 nehmen Sie eine neue "
                                     "Person auf."))
        elif count == 1:
            self._page.show_status(_("1 Person gefunden. Enter öffnet sie."))
        else:
            more = _(" (weitere beim Blättern)") if self.model.canFetchMore(QModelIndex()) else ""
            self._page.show_status(_("{count} Personen gefunden, die beste zuerst{more}. "
                                     "Enter öffnet die gewählte.").format(
                count=QLocale().toString(count), more=more))
