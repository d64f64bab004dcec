"""Opening, creating and saving one office of the directory in its editor.

What is typed stays in the editor until it is stored: a failed save (a typing error, a
change saved elsewhere meanwhile, a permission taken away, an unreachable database) leaves
every input as it was. Esc asks before typed input is dropped.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.config import Settings
from app.errors import LotseError
from app.i18n import _
from app.security.permissions import Actor
from app.services.directory_fields import OfficeValidationError
from ui.controllers import directory_operations as operations
from ui.controllers.directory_operations import LoadedOffice, SavedOffice
from ui.controllers.failures import describe_failure
from ui.views.directory_editor import DirectoryEditor
from ui.worker import DatabaseWorker


class DirectoryEditController(QObject):
    saved = Signal(object)  # SavedOffice, after every successful save
    closed = Signal()  # the editor was closed, saved or not

    def __init__(self, worker: DatabaseWorker, settings: Settings, actor: Actor,
                 parent_widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._settings, self._parent = worker, settings, parent_widget
        self._actor = actor
        self.editor: DirectoryEditor | None = None
        self.current: LoadedOffice | None = None
        self.cancel_box: QMessageBox | None = None
        self.may_edit = False
        self._baseline: dict[str, Any] = {}

    # --- opening ----------------------------------------------------------------------------

    def new_office(self) -> None:
        if not self.may_edit:
            return
        editor = self._open_editor()
        self.current = None
        editor.show_office(_("Neue Stelle"), {}, stored=False, read_only=False)
        editor.show_message(_("Pflicht sind Kürzel, Art, Name, Anschrift und mindestens eine "
                              "Kommune. Strg+S speichert, Esc bricht ab."))
        self._ready(editor)

    def open_office(self, office_id: uuid.UUID) -> None:
        editor = self._open_editor()
        self.current = None
        editor.show_office(_("Wird geladen …"), {}, stored=True, read_only=True)
        editor.show_message("")
        self._baseline = editor.raw()
        self._worker.run(operations.load(office_id), self._show, self._load_failed)

    def _open_editor(self) -> DirectoryEditor:
        if self.editor is None:
            self.editor = DirectoryEditor(self._parent)
            self.editor.save_requested.connect(self.save)
            self.editor.cancel_requested.connect(self.cancel)
            self.editor.finished.connect(lambda _result: self.closed.emit())
        self.editor.clear_errors()
        self.editor.open()
        return self.editor

    def _show(self, office: LoadedOffice) -> None:
        editor = self._editor()
        if not editor.isVisible():  # closed while loading
            return
        self.current = office
        editor.show_office(office.name, office.raw, stored=True, read_only=not self.may_edit)
        if self.may_edit:
            editor.show_message(_("Kürzel {code} (bleibt fest). Strg+S speichert, Esc bricht "
                                  "ab.").format(code=office.code))
        else:
            editor.show_message(_("Kürzel {code}. Nur die Fachadministration darf das "
                                  "Verzeichnis ändern; Esc schließt.").format(code=office.code))
        self._ready(editor)

    def _ready(self, editor: DirectoryEditor) -> None:
        self._baseline = editor.raw()
        editor.first_input().setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_failed(self, error: BaseException) -> None:
        editor = self._editor()
        self.current = None
        editor.show_office(_("Stelle nicht verfügbar"), {}, stored=True, read_only=True)
        editor.show_message(describe_failure(error, _("Stelle laden")), problem=True)
        self._baseline = editor.raw()

    # --- saving -----------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.editor is not None and self.editor.raw() != self._baseline

    def save(self) -> None:
        editor = self._editor()
        editor.clear_errors()
        current = self.current
        operation = operations.save(
            editor.raw(), actor=self._actor, settings=self._settings,
            office_id=current.office_id if current else None,
            version=current.version if current else None)
        editor.set_busy(True)
        editor.show_message(_("Wird gespeichert …"))
        self._worker.run(operation, self._after_save, self._failed)

    def _after_save(self, saved: SavedOffice) -> None:
        editor = self._editor()
        editor.set_busy(False)
        self.current, self._baseline = saved.office, editor.raw()
        editor.close_now()
        self.saved.emit(saved)

    def _failed(self, error: BaseException) -> None:
        editor = self._editor()
        editor.set_busy(False)
        if isinstance(error, OfficeValidationError):
            marked = editor.show_errors(error.errors)
            editor.show_message(_("Nicht gespeichert: {count} Angabe(n) bitte prüfen – siehe "
                                  "die markierten Felder.").format(count=len(error.errors)),
                                problem=True)
            if marked:
                marked[0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(error, LotseError):  # a conflict, a permission taken away, …
            editor.show_message(f"{error.message} {error.hint}".strip(), problem=True)
        else:
            editor.show_message(describe_failure(error, _("Speichern")), problem=True)

    # --- leaving ----------------------------------------------------------------------------

    def cancel(self) -> None:
        editor = self._editor()
        if not self.dirty:
            editor.close_now()
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Lotse – Abbrechen"),
                          _("Die Eingaben verwerfen?"), parent=editor)
        box.setInformativeText(_("Was seit dem Öffnen eingegeben wurde, geht verloren."))
        discard = box.addButton(_("&Verwerfen"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("&Weiter bearbeiten"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        typing_in = QApplication.focusWidget() or editor.first_input()
        box.finished.connect(lambda _result: self._cancelled(box.clickedButton() is discard,
                                                             typing_in))
        self.cancel_box = box
        box.open()
        box.activateWindow()  # keys go to the question, not the editor behind

    def _cancelled(self, discard: bool, typing_in: QWidget) -> None:
        editor = self._editor()
        if discard:
            editor.close_now()
        else:  # the keyboard goes back to where the user was typing
            editor.activateWindow()
            typing_in.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _editor(self) -> DirectoryEditor:
        assert self.editor is not None
        return self.editor
