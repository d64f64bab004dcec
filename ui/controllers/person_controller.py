"""The person area: open, register and change a person; the duplicate check; autosave.

What is typed is kept in an autosaved draft until it is stored; a failed save (a typing
error, a conflict, an unreachable database) leaves the form exactly as it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.config import Settings
from app.drafts import Draft, DraftStore
from app.errors import ConflictError
from app.i18n import _
from app.security.permissions import Action, Actor, allowed
from app.services.person_input import PersonValidationError
from ui.autosave import Autosaver
from ui.controllers.audit_trail import AuditTrailController, viewed_person
from ui.controllers.conflict import ConflictController
from ui.controllers.failures import describe_failure
from ui.controllers.person_operations import (
    LoadedPerson,
    SaveOutcome,
    display_name,
    save_changes,
    save_new,
)
from ui.controllers.sign_in_roles import unsigned_actor
from ui.views.duplicate_dialog import DuplicateDialog
from ui.views.person_page import PersonPage
from ui.worker import DatabaseWorker

DRAFT_KIND = "person"


class PersonController(QObject):
    saved = Signal(object)  # LoadedPerson, after every successful save
    closed = Signal()  # the user is done with the form (cancelled or chose another person)

    def __init__(self, worker: DatabaseWorker, page: PersonPage, settings: Settings,
                 drafts: DraftStore, parent: QObject | None = None, *,
                 actor: Actor | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page, self._settings = worker, page, settings
        self._actor = actor or unsigned_actor(settings)
        self.current: LoadedPerson | None = None
        self.dirty = False
        self.duplicate_dialog: DuplicateDialog | None = None
        self._check_duplicates = True
        self.cancel_box: QMessageBox | None = None
        self._autosaver = Autosaver(drafts, DRAFT_KIND, self._draft_key, self._draft_payload,
                                    self._draft_title, parent=self)
        page.form.changed.connect(self._edited)
        page.save_requested.connect(self.save)
        page.cancel_requested.connect(self.cancel)
        self.audit_trail = AuditTrailController(worker, self)
        self.conflicts = ConflictController(worker, page, self)
        self.conflicts.merged.connect(self._save_merged)
        self.conflicts.failed.connect(self._failed)

    def enable_audit_trail(self, actor: Actor) -> None:
        """Offer the person's audit trail to the roles that may see it."""
        if allowed(actor.role, Action.VIEW_AUDIT_TRAIL):
            self._page.show_audit_trail_button()
            self._page.audit_trail_requested.connect(self.show_audit_trail)

    def show_audit_trail(self) -> None:
        if self.current is not None:
            self.audit_trail.show(self.current.person_id, self.current.name, self._page,
                                  self._actor)

    # --- what the form shows ----------------------------------------------------------------

    def new_person(self) -> None:
        self._autosaver.flush()
        self.current, self.dirty = None, False
        self._page.form.clear()
        self._page.show_title(_("Neue Person"), stored=False)
        self._page.show_message(_("Pflicht ist nur ein Name. Was nicht bekannt ist, bleibt "
                                  "leer. Strg+S speichert, Esc bricht ab."))
        self._page.form.first_input().setFocus()

    def open_person(self, person_id: uuid.UUID, then: Callable[[], None] | None = None) -> None:
        self._autosaver.flush()
        self._page.show_message(_("Wird geladen …"))

        def show(person: LoadedPerson) -> None:
            self._show(person)
            if then is not None:
                then()

        self._worker.run(viewed_person(person_id, self._actor), show, self._failed)

    def restore(self, draft: Draft) -> None:
        """Show an autosaved draft again, as it was when it was saved."""
        payload = draft.payload
        self.current = _restored_person(payload)
        self._page.form.set_raw(_mapping(payload.get("raw")), _members(payload.get("members")))
        self.dirty = True
        title = self.current.name if self.current else _("Neue Person")
        self._page.show_title(title, stored=self.current is not None)
        self._page.show_message(_("Wiederhergestellt: ungespeicherte Eingaben vom {when}. "
                                  "Prüfen und mit Strg+S speichern.").format(
            when=draft.saved_at.astimezone().strftime("%d.%m.%Y %H:%M")))
        self._page.form.first_input().setFocus()

    def _show(self, person: LoadedPerson) -> None:
        self.current, self.dirty = person, False
        self._page.form.set_raw(person.raw)
        self._page.form.set_household(person.household, person_id=person.person_id)
        self._page.show_title(person.name, stored=True)
        self._page.show_message(_("Personennummer {number}").format(
            number=person.person_number))
        self._page.form.first_input().setFocus()

    def _edited(self) -> None:
        self.dirty = True
        self._autosaver.schedule()

    # --- saving -----------------------------------------------------------------------------

    def save(self, *, check_duplicates: bool = True) -> None:
        form = self._page.form
        form.clear_errors()
        raw, members = form.raw(), form.members_raw()
        self._autosaver.flush()
        if self.current is None:
            operation = save_new(raw, members, actor=self._actor, settings=self._settings,
                                 check_duplicates=check_duplicates)
        else:
            operation = save_changes(self.current.person_id, self.current.version, raw,
                                     members, actor=self._actor, settings=self._settings)
        self._page.set_busy(True)
        self._page.show_message(_("Wird gespeichert …"))
        self._check_duplicates = check_duplicates
        # A retry (F5, after the connection was lost) saves what is typed by then, once.
        self._worker.run(operation, self._after_save, self._failed, retry=self._save_again)

    def _save_again(self) -> None:
        if self.dirty:  # not if it was saved by hand meanwhile
            self.save(check_duplicates=self._check_duplicates)

    def _after_save(self, outcome: SaveOutcome) -> None:
        self._page.set_busy(False)
        if outcome.saved is None:
            self._ask_about_duplicates(outcome)
            return
        self._autosaver.discard()
        self._show(outcome.saved)
        self._page.show_message(_("Gespeichert: {name}, Personennummer {number}.").format(
            name=outcome.saved.name, number=outcome.saved.person_number))
        self.saved.emit(outcome.saved)

    def _ask_about_duplicates(self, outcome: SaveOutcome) -> None:
        self._page.show_message(_("Vielleicht schon erfasst – bitte prüfen."))
        dialog = DuplicateDialog(outcome.duplicates, self._page)
        dialog.same_person_chosen.connect(self._open_instead)
        dialog.new_person_chosen.connect(lambda: self.save(check_duplicates=False))
        dialog.rejected.connect(lambda: self._page.show_message(
            _("Nicht gespeichert. Die Eingaben sind noch da.")))
        dialog.finished.connect(lambda _result: focus_back(self._page.form.first_input()))
        self.duplicate_dialog = dialog
        dialog.open()
        dialog.activateWindow()  # keys go to the question, not the form behind

    def _open_instead(self, person_id: uuid.UUID) -> None:
        """The person was already on file: drop what was typed, show the stored file."""
        self._autosaver.discard()
        self.open_person(person_id)

    def _failed(self, error: BaseException) -> None:
        self._page.set_busy(False)
        if isinstance(error, PersonValidationError):
            self._page.form.show_errors(error.errors)
            self._page.show_message(_("Nicht gespeichert: {count} Angabe(n) bitte prüfen – "
                                      "siehe die markierten Felder.").format(
                count=len(error.errors)), problem=True)
        elif isinstance(error, ConflictError) and self.current is not None:
            self._page.show_message(error.message + " " + _(
                "Bitte die beiden Fassungen vergleichen."), problem=True)
            self.conflicts.resolve(self.current, self._actor)
        else:
            self._page.show_message(describe_failure(error, _("Speichern")), problem=True)

    def _save_merged(self, stored: LoadedPerson) -> None:
        """The form holds the merge: save it on top of the stored version, which is also
        the base should another save come first again."""
        self.current, self.dirty = stored, True
        self.save()

    # --- leaving ----------------------------------------------------------------------------

    def cancel(self) -> None:
        if not self.dirty:
            self.closed.emit()
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Lotse – Abbrechen"),
                          _("Die Eingaben verwerfen?"), parent=self._page)
        box.setInformativeText(_("Was seit dem letzten Speichern eingegeben wurde, geht "
                                 "verloren."))
        discard = box.addButton(_("&Verwerfen"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("&Weiter bearbeiten"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        typing_in = QApplication.focusWidget() or self._page.form.first_input()
        box.finished.connect(lambda _result: focus_back(typing_in))
        box.finished.connect(lambda _result: self._cancelled(box.clickedButton() is discard))
        self.cancel_box = box
        box.open()
        box.activateWindow()  # keys go to the question, not the form behind

    def _cancelled(self, discard: bool) -> None:
        if discard:
            self._autosaver.discard()
            self.dirty = False
            self.closed.emit()

    def keep_draft(self) -> None:
        self._autosaver.flush()

    # --- the draft --------------------------------------------------------------------------

    def _draft_key(self) -> str:
        return str(self.current.person_id) if self.current else "new"

    def _draft_payload(self) -> dict[str, Any]:
        current = self.current
        return {"raw": self._page.form.raw(), "members": self._page.form.members_raw(),
                "person": None if current is None else {
                    "id": str(current.person_id), "number": current.person_number,
                    "version": current.version, "name": current.name}}

    def _draft_title(self) -> str:
        raw = self._page.form.raw()
        name = display_name(raw.get("family_name"), raw.get("given_names")) or "–"
        if self.current is None:
            return _("Neue Person: {name}").format(name=name)
        return _("Person {number}: {name}").format(number=self.current.person_number,
                                                   name=name)


def focus_back(widget: QWidget) -> None:
    """After a question: the keyboard goes back to where the user was typing."""
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def _mapping(value: object) -> dict[str, object]:
    return dict(value) if isinstance(value, dict) else {}


def _members(value: object) -> list[dict[str, object]]:
    return [dict(item) for item in value if isinstance(item, dict)] if isinstance(
        value, list) else []


def _restored_person(payload: dict[str, Any]) -> LoadedPerson | None:
    person = payload.get("person")
    if not isinstance(person, dict):
        return None
    return LoadedPerson(uuid.UUID(str(person["id"])), str(person["number"]),
                        int(person["version"]), str(person["name"]), {})
