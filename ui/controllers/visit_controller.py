"""The visit area: record one visit of the chosen person with its concerns, the household
members' concerns, and the referrals the front desk accepted or chose instead.

Ctrl+S saves everything in one unit of work. If the recommendations shown do not answer the
concerns ticked now (routing is still on its way), the save waits for the answer and then
goes ahead with the decisions as they stand – accept is the default.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import Referral
from app.drafts import Draft, DraftStore
from app.errors import FieldError, FieldsValidationError
from app.i18n import _
from app.security.permissions import Actor
from app.services.referrals import record_visit_with_referrals
from app.services.visits import recent_visits
from ui.autosave import Autosaver
from ui.controllers.failures import describe_failure
from ui.controllers.routing_controller import RoutingController
from ui.controllers.sign_in_roles import unsigned_actor
from ui.views.visit_page import VisitPage
from ui.worker import DatabaseWorker

DRAFT_KIND = "visit"


class VisitController(QObject):
    saved = Signal()
    referrals_saved = Signal(object)  # the visit's id, when the saved visit has referrals
    closed = Signal()

    def __init__(self, worker: DatabaseWorker, page: VisitPage, settings: Settings,
                 drafts: DraftStore, parent: QObject | None = None, *,
                 actor: Actor | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page, self._settings = worker, page, settings
        self._actor = actor or unsigned_actor(settings)
        self.person_id: uuid.UUID | None = None
        self.person_name = ""
        self._autosaver = Autosaver(drafts, DRAFT_KIND, self._draft_key, self._draft_payload,
                                    self._draft_title, parent=self)
        self._started: datetime | None = None  # the first change: when the visit took place
        self._save_when_routed = False
        self.routing = RoutingController(worker, page, self.reference_date, self._actor, self)
        page.form.changed.connect(self._edited)
        self.routing.changed.connect(self._edited)
        self.routing.answered.connect(self._routing_answered)
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
            self.routing.start(person_id)
            self._page.show_message(_("Anliegen ankreuzen (Leertaste) – die zuständigen Stellen "
                                      "erscheinen daneben. Strg+S speichert."))
        else:
            self.routing.refresh_household()
        self._page.show_person(name)
        self._load_recent()

    def restore(self, draft: Draft) -> None:
        payload = draft.payload
        self.person_id = uuid.UUID(str(payload["person_id"]))
        self.person_name = str(payload.get("person_name", ""))
        self._page.show_person(self.person_name)
        raw = payload.get("raw")
        self._page.form.set_raw(raw if isinstance(raw, dict) else {})
        routing = payload.get("routing")
        self.routing.start(self.person_id, draft=routing if isinstance(routing, dict) else None)
        self._page.show_message(_("Wiederhergestellt: ungespeicherter Besuch. Prüfen und mit "
                                  "Strg+S speichern."))
        self._load_recent()

    def reference_date(self) -> date:
        """The day the rules are applied for: the day of the visit."""
        visited = self._page.form.raw().get("visited_at")
        if isinstance(visited, str):
            try:
                return datetime.fromisoformat(visited).astimezone().date()
            except ValueError:
                pass
        return date.today()

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        if self.person_id is None:
            return
        if not self.routing.is_current():
            self._save_when_routed = True  # the answer is on its way; save right after
            self.routing.route_now()
            return
        self._save_when_routed = False
        person_id = self.person_id
        raw = {**self._page.form.raw(), "concerns": self.routing.own_concerns()}
        members, decisions = self.routing.member_concerns(), self.routing.decisions()
        self._autosaver.flush()

        def operation(session: Session) -> tuple[uuid.UUID, list[str]]:
            visit = record_visit_with_referrals(session, person_id, raw, decisions,
                                                actor=self._actor, settings=self._settings,
                                                members=members)
            return visit.id, list(session.scalars(select(Referral.reference)
                                                  .where(Referral.visit_id == visit.id)))

        self._page.set_busy(True)
        self._worker.run(operation, self._after_save, self._failed)

    def _routing_answered(self) -> None:
        if self._save_when_routed:
            self.save()

    def _edited(self) -> None:
        if self._started is None:
            self._started = datetime.now(UTC)
        self._autosaver.schedule()

    def _after_save(self, saved: tuple[uuid.UUID, list[str]]) -> None:
        visit_id, references = saved
        self._page.set_busy(False)
        self._autosaver.discard()
        self._started = None
        self._page.form.clear()
        if self.person_id is not None:
            self.routing.start(self.person_id)
        self._page.show_message(_("Besuch gespeichert."))
        self._page.recommendations.show_saved(sorted(references))
        self._load_recent()
        self.saved.emit()
        if references:  # the letters for them are next
            self.referrals_saved.emit(visit_id)

    def _failed(self, error: BaseException) -> None:
        self._page.set_busy(False)
        self._save_when_routed = False
        if isinstance(error, FieldsValidationError):
            self._show_errors(error.errors)
            self._page.show_message(_("Nicht gespeichert – siehe die markierten Angaben."),
                                    problem=True)
        else:
            self._page.show_message(describe_failure(error, _("Besuch speichern")),
                                    problem=True)

    def _show_errors(self, errors: Sequence[FieldError]) -> None:
        """The visit's messages in the form, the decisions' under their recommendation; the
        focus goes to the first input concerned, the form's first."""
        ours = [error for error in errors if error.field.startswith("decisions[")]
        theirs = [error for error in errors if error not in ours]
        first = self._page.recommendations.show_errors(ours)
        self._page.form.show_errors(theirs)
        if not theirs and first is not None:
            first.setFocus()

    def cancel(self) -> None:
        self._autosaver.discard()
        self._started = None
        self._page.form.clear()
        if self.person_id is not None:
            self.routing.start(self.person_id)
        self.closed.emit()

    def _load_recent(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return

        def operation(session: Session) -> Any:
            return recent_visits(session, person_id)

        self._worker.run(operation, self._page.form.set_recent, self._failed)

    # --- drafts -----------------------------------------------------------------------------

    def keep_draft(self) -> None:
        self._autosaver.flush()

    def _draft_key(self) -> str:
        return str(self.person_id)

    def _draft_payload(self) -> dict[str, Any]:
        """Restored the next day, the visit keeps the time it took place and the decisions."""
        raw = {**self._page.form.raw(), "concerns": self.routing.own_concerns()}
        if self._started is not None and not raw.get("visited_at"):
            raw["visited_at"] = self._started.isoformat()
        return {"person_id": str(self.person_id), "person_name": self.person_name, "raw": raw,
                "routing": self.routing.draft()}

    def _draft_title(self) -> str:
        return _("Besuch von {name}").format(name=self.person_name)
