"""The visit area: record one visit of the chosen person with its concerns."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from app.config import Settings
from app.drafts import Draft, DraftStore
from app.errors import FieldsValidationError
from app.i18n import _
from app.services.visit_input import validate_visit
from app.services.visits import recent_visits, record_visit
from ui.autosave import Autosaver
from ui.controllers.failures import describe_failure
from ui.views.visit_page import VisitPage
from ui.worker import DatabaseWorker

DRAFT_KIND = "visit"


class VisitController(QObject):
    saved = Signal()
    closed = Signal()

    def __init__(self, worker: DatabaseWorker, page: VisitPage, settings: Settings,
                 drafts: DraftStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page, self._settings = worker, page, settings
        self.person_id: uuid.UUID | None = None
        self.person_name = ""
        self._autosaver = Autosaver(drafts, DRAFT_KIND, self._draft_key, self._draft_payload,
                                    self._draft_title, parent=self)
        self._started: datetime | None = None  # the first change: when the visit took place
        page.form.changed.connect(self._edited)
        page.save_requested.connect(self.save)
        page.cancel_requested.connect(self.cancel)
        page.show_person(None)

    def set_person(self, person_id: uuid.UUID, name: str) -> None:
        """A new visit of this person (an unsaved one of another person stays a draft)."""
        if person_id != self.person_id:
            self._autosaver.flush()
            self.person_id, self.person_name = person_id, name
            self._started = None
            self._page.form.clear()
            self._page.show_message(_("Anliegen ankreuzen (Leertaste), Notiz, Dolmetscher. "
                                      "Strg+S speichert."))
        self._page.show_person(name)
        self._load_recent()

    def restore(self, draft: Draft) -> None:
        payload = draft.payload
        self.person_id = uuid.UUID(str(payload["person_id"]))
        self.person_name = str(payload.get("person_name", ""))
        self._page.show_person(self.person_name)
        raw = payload.get("raw")
        self._page.form.set_raw(raw if isinstance(raw, dict) else {})
        self._page.show_message(_("Wiederhergestellt: ungespeicherter Besuch. Prüfen und mit "
                                  "Strg+S speichern."))
        self._load_recent()

    def save(self) -> None:
        person_id, raw = self.person_id, self._page.form.raw()
        if person_id is None:
            return
        self._autosaver.flush()

        def operation(session: Session) -> None:
            record_visit(session, person_id, validate_visit(raw), settings=self._settings)

        self._page.set_busy(True)
        self._worker.run(operation, lambda _none: self._after_save(), self._failed)

    def _edited(self) -> None:
        if self._started is None:
            self._started = datetime.now(UTC)
        self._autosaver.schedule()

    def _after_save(self) -> None:
        self._page.set_busy(False)
        self._autosaver.discard()
        self._started = None
        self._page.form.clear()
        self._page.show_message(_("Besuch gespeichert."))
        self._load_recent()
        self.saved.emit()

    def _failed(self, error: BaseException) -> None:
        self._page.set_busy(False)
        if isinstance(error, FieldsValidationError):
            self._page.form.show_errors(error.errors)
            self._page.show_message(_("Nicht gespeichert – siehe die markierten Angaben."),
                                    problem=True)
        else:
            self._page.show_message(describe_failure(error, _("Besuch speichern")),
                                    problem=True)

    def cancel(self) -> None:
        self._autosaver.discard()
        self._started = None
        self._page.form.clear()
        self.closed.emit()

    def _load_recent(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return

        def operation(session: Session) -> Any:
            return recent_visits(session, person_id)

        self._worker.run(operation, self._page.form.set_recent, self._failed)

    def keep_draft(self) -> None:
        self._autosaver.flush()

    def _draft_key(self) -> str:
        return str(self.person_id)

    def _draft_payload(self) -> dict[str, Any]:
        """Restored the next day, the visit keeps the time it took place."""
        raw = self._page.form.raw()
        if self._started is not None and not raw.get("visited_at"):
            raw["visited_at"] = self._started.isoformat()
        return {"person_id": str(self.person_id), "person_name": self.person_name, "raw": raw}

    def _draft_title(self) -> str:
        return _("Besuch von {name}").format(name=self.person_name)
