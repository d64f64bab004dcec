"""Routing in the visit screen: which concerns belong to whom, when to ask the engine, and
what the front desk decided.

The concerns are routed a moment after the last box was ticked (and at once on Ctrl+R), on
the background worker; an answer for concerns that have changed since is dropped. With the
whole household, the concern boxes show one member at a time and the concerns of each are
kept here; every member with concerns is routed in the same run.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.i18n import _
from app.security.permissions import Actor
from app.services.referral_decisions import Decision
from ui.controllers.failures import describe_failure
from ui.controllers.routing_operations import Chosen, RoutingOutcome, household_of, route
from ui.views.visit_page import VisitPage
from ui.worker import DatabaseWorker

DEBOUNCE_MS = 300  # ticking three boxes in a row asks once


def concern_codes(entries: Sequence[object]) -> list[str]:
    """Codes from raw concern entries (a code, or {"code", "note"})."""
    codes = [entry.get("code") if isinstance(entry, Mapping) else entry for entry in entries]
    return [code for code in codes if isinstance(code, str) and code]


class RoutingController(QObject):
    changed = Signal()  # a decision or the household choice changed: worth a draft
    answered = Signal()  # the routing asked for last has answered (or failed)

    def __init__(self, worker: DatabaseWorker, page: VisitPage,
                 reference_date: Callable[[], date], actor: Actor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page, self._reference_date = worker, page, reference_date
        self._actor = actor
        self._panel, self._household = page.recommendations, page.household
        self.person_id: uuid.UUID | None = None
        self._members: list[tuple[uuid.UUID, str]] = []
        self._concerns: dict[uuid.UUID, list[object]] = {}  # raw entries per person
        self._shown: uuid.UUID | None = None  # whose concerns the boxes show
        self._asked: Chosen | None = None  # the last routing asked for
        self._routed: Chosen | None = None  # what the panel answers (or failed for)
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.route_now)
        page.form.changed.connect(self._form_changed)
        page.route_requested.connect(self.route_now)
        self._household.whole_household_toggled.connect(lambda _whole: self._concerns_changed())
        self._household.member_chosen.connect(self._show_member)
        self._panel.changed.connect(self.changed)

    # --- a visit ----------------------------------------------------------------------------

    def start(self, person_id: uuid.UUID, *, draft: Mapping[str, Any] | None = None) -> None:
        """Routing for a new visit of this person, or for one restored from a draft (the
        form already shows the person's own concerns)."""
        draft = draft or {}
        self.person_id = self._shown = person_id
        self._concerns = {**_member_concerns(draft), person_id: self._form_concerns()}
        self._asked = self._routed = None
        self._generation += 1
        self._panel.forget()
        self._panel.set_states(draft.get("decisions") or [])
        self._household.set_members([])
        self.refresh_household(whole=draft.get("whole_household") is True)
        self._concerns_changed()

    def refresh_household(self, *, whole: bool | None = None) -> None:
        """Load the household again (a member may have been added since); the concerns
        chosen so far stay."""
        person_id = self.person_id
        if person_id is None:
            return
        keep = self._household.whole_household() if whole is None else whole
        self._worker.run(household_of(person_id),
                         lambda members: self._members_loaded(person_id, members, keep),
                         self._household_failed)

    def _members_loaded(self, person_id: uuid.UUID, members: list[tuple[uuid.UUID, str]],
                        whole: bool) -> None:
        if person_id != self.person_id:
            return
        self._members = members
        self._household.set_members(members)
        self._household.set_whole_household(whole)
        if self._shown in dict(members) and self._household.whole_household():
            self._household.show_member(self._shown)
        elif self._shown != person_id:
            self._show_member(person_id)  # the boxes go back to the person of the visit
        self._page.chain_tab_order()

    def _household_failed(self, error: BaseException) -> None:
        self._panel.show_problem(describe_failure(error, _("Haushalt laden")))

    # --- what is chosen ---------------------------------------------------------------------

    def chosen(self) -> Chosen:
        """Concern codes per person to route and save: the person of the visit, and with the
        whole household every member."""
        if self.person_id is None:
            return {}
        people = [self.person_id]
        if self._household.whole_household():
            people += [pid for pid, _name in self._members if pid != self.person_id]
        return {pid: concern_codes(self._concerns.get(pid, [])) for pid in people}

    def own_concerns(self) -> list[object]:
        """The raw concern entries of the person of the visit."""
        return list(self._concerns.get(self.person_id, [])) if self.person_id else []

    def member_concerns(self) -> dict[uuid.UUID, list[str]]:
        return {pid: codes for pid, codes in self.chosen().items() if pid != self.person_id}

    def decisions(self) -> list[Decision]:
        return self._panel.decisions()

    def is_current(self) -> bool:
        """The recommendations shown answer the concerns chosen now."""
        return not self._timer.isActive() and self._routed == self.chosen()

    def draft(self) -> dict[str, Any]:
        return {"whole_household": self._household.whole_household(),
                "members": {str(pid): list(entries) for pid, entries in self._concerns.items()
                            if pid != self.person_id},
                "decisions": self._panel.states()}

    def _form_concerns(self) -> list[object]:
        entries = self._page.form.raw().get("concerns")
        return list(entries) if isinstance(entries, list) else []

    def _form_changed(self) -> None:
        if self._shown is not None:
            self._concerns[self._shown] = self._form_concerns()
        if self.chosen() != self._asked:
            self._concerns_changed()

    def _show_member(self, person_id: uuid.UUID) -> None:
        """The boxes now show (and take) this member's concerns."""
        if self._shown is not None:
            self._concerns[self._shown] = self._form_concerns()
        self._shown = person_id
        self._page.form.concerns.set_checked(concern_codes(self._concerns.get(person_id, [])))

    # --- routing ----------------------------------------------------------------------------

    def _concerns_changed(self) -> None:
        chosen = self.chosen()
        if not any(chosen.values()):
            self._timer.stop()
            self._generation += 1
            self._asked = self._routed = chosen
            self._panel.show_idle()
            return
        self._panel.show_pending()
        self._timer.start()

    def route_now(self) -> None:
        self._timer.stop()
        chosen = self.chosen()
        if not any(chosen.values()):
            self._concerns_changed()
            return
        self._asked = chosen
        self._generation += 1
        generation = self._generation
        self._panel.show_pending()
        self._worker.run(route(chosen, self._reference_date(), self._actor),
                         lambda outcome: self._show(generation, outcome),
                         lambda error: self._failed(generation, error))

    def _show(self, generation: int, outcome: RoutingOutcome) -> None:
        if generation != self._generation or self.person_id is None:
            return  # the concerns changed meanwhile; a newer answer follows
        self._routed = outcome.chosen
        self._panel.show_routings(outcome.routings, outcome.offices,
                                  main_person=self.person_id)
        self._page.chain_tab_order()
        self.answered.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._routed = self._asked  # saving the visit is not blocked by a failed check
        self._panel.show_idle()  # no rows of concerns that may have changed since
        self._panel.show_problem(describe_failure(error, _("Zuständigkeit prüfen")))
        self.answered.emit()


def _member_concerns(draft: Mapping[str, Any]) -> dict[uuid.UUID, list[object]]:
    members = draft.get("members")
    found: dict[uuid.UUID, list[object]] = {}
    for key, entries in (members.items() if isinstance(members, Mapping) else ()):
        try:
            found[uuid.UUID(str(key))] = list(entries) if isinstance(entries, list) else []
        except ValueError:
            continue  # a damaged draft entry
    return found
