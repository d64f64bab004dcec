"""The directory area: loads the table (ids first, rows batch by batch), says who may change
the directory, and hands opening, saving, retiring, export and import to their helpers.

Editing is offered to the roles that may change the directory (app/services/directory_access);
without an ``actor`` the program's user acts as the front desk, and the area is read-only.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.orm import Session

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from app.services.directory_access import DirectoryAccess, directory_access
from app.services.directory_list import DirectoryListRow, directory_list_ids, directory_list_rows
from ui.controllers import directory_operations as operations
from ui.controllers.directory_edit_controller import DirectoryEditController
from ui.controllers.directory_operations import LoadedOffice, SavedOffice
from ui.controllers.directory_transfer import DirectoryTransfer
from ui.controllers.failures import describe_failure
from ui.controllers.sign_in_roles import unsigned_actor
from ui.models.directory_model import DirectoryOfficeModel
from ui.views.directory_page import DirectoryPage
from ui.worker import DatabaseWorker

COLUMN_WIDTHS = [330, 190, 250, 130]  # the last column takes the rest


class DirectoryController(QObject):
    def __init__(self, worker: DatabaseWorker, page: DirectoryPage,
                 parent: QObject | None = None, *, settings: Settings | None = None,
                 actor: Actor | None = None) -> None:
        super().__init__(parent)
        settings = settings or Settings()
        self._worker, self._page, self._settings = worker, page, settings
        self._actor = actor = actor or unsigned_actor(settings)
        self.model = DirectoryOfficeModel(self)
        self.model.rows_wanted.connect(self._load_rows)
        page.set_model(self.model)
        page.set_column_widths(COLUMN_WIDTHS)
        self.editing = DirectoryEditController(worker, settings, actor, page, self)
        self.editing.saved.connect(self._saved)
        self.editing.closed.connect(self._focus_table)
        self.transfer = DirectoryTransfer(worker, settings, actor, page, self)
        self.transfer.imported.connect(self.refresh)
        self.retire_box: QMessageBox | None = None
        self._select_when_loaded: uuid.UUID | None = None
        self._loaded = False
        self._connect(page)

    def _connect(self, page: DirectoryPage) -> None:
        page.open_requested.connect(lambda row: self.editing.open_office(self.model.row(row).id))
        page.new_requested.connect(self.editing.new_office)
        page.retire_requested.connect(self.ask_to_retire)
        page.export_requested.connect(self.transfer.export)
        page.import_requested.connect(self.transfer.import_file)

    def load_once(self) -> None:
        """Load when the page is first shown; later visits keep the table as it was."""
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        self._page.show_loading()
        self._show_access(directory_access(self._actor))
        self._worker.run(directory_list_ids, self._show_ids, self._show_failure)

    # --- who may change it ------------------------------------------------------------------

    def _show_access(self, access: DirectoryAccess) -> None:
        self.editing.may_edit = access.may_edit
        if access.may_edit:
            text = _("Sie dürfen das Verzeichnis ändern: Strg+N legt eine Stelle an, Eingabe "
                     "öffnet die markierte zum Bearbeiten.")
        else:
            text = _("Nur ansehen. {reason}").format(reason=access.reason)
        self._page.show_access(access.may_edit, text)

    # --- the table --------------------------------------------------------------------------

    def _show_ids(self, ids: list[uuid.UUID]) -> None:
        self.model.set_ids(ids)
        self._page.show_count(len(ids))
        if self.model.canFetchMore(QModelIndex()):  # the first batch; the view asks for more
            self.model.fetchMore(QModelIndex())

    def _load_rows(self, ids: list[uuid.UUID]) -> None:
        def rows(session: Session) -> list[DirectoryListRow]:
            return directory_list_rows(session, ids)

        def failed(error: BaseException) -> None:
            self.model.fetch_failed(ids)
            self._show_failure(error)

        self._worker.run(rows, lambda loaded: self._add_rows(ids, loaded), failed)

    def _add_rows(self, ids: list[uuid.UUID], rows: list[DirectoryListRow]) -> None:
        self.model.add_rows(ids, rows)
        wanted = self._select_when_loaded
        if wanted is not None and self.model.row_of(wanted) is not None:
            self._select_when_loaded = None
            self._page.select_row(self.model.row_of(wanted) or 0)

    def _show_failure(self, error: BaseException) -> None:
        self._page.show_problem(describe_failure(error, _("Verzeichnis laden")))

    # --- after a change ---------------------------------------------------------------------

    def _saved(self, saved: SavedOffice) -> None:
        self._page.show_notice(_("Gespeichert: {name}.").format(name=saved.office.name))
        if saved.created or not self.model.replace_row(saved.row):
            self._select_when_loaded = saved.row.id
            self.refresh()

    def ask_to_retire(self, row: int) -> None:
        office = self.model.row(row)
        box = QMessageBox(QMessageBox.Icon.Question, _("Lotse – Stelle außer Dienst stellen"),
                          _("„{name}“ außer Dienst stellen?").format(name=office.full_name),
                          parent=self._page)
        box.setInformativeText(_("Die Stelle wird für neue Überleitungen nicht mehr angeboten. "
                                 "Frühere Überleitungen behalten sie; ein Import kann sie "
                                 "zurückholen."))
        retire = box.addButton(_("&Außer Dienst stellen"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Abbre&chen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        box.finished.connect(lambda _result: self._retire_if(box.clickedButton() is retire,
                                                             office.id))
        self.retire_box = box
        box.open()

    def _focus_table(self) -> None:
        """After a dialog: the keyboard is back in the list."""
        self._page.window().activateWindow()
        self._page.table.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _retire_if(self, confirmed: bool, office_id: uuid.UUID) -> None:
        self._focus_table()
        if not confirmed:
            return
        self._worker.run(operations.retire(office_id, actor=self._actor,
                                           settings=self._settings), self._retired,
                         lambda error: self._page.show_notice(
                             describe_failure(error, _("Außer Dienst stellen")), problem=True))

    def _retired(self, office: LoadedOffice) -> None:
        self.model.remove_office(office.office_id)
        self._page.show_count(self.model.total())
        self._page.show_notice(_("Außer Dienst gestellt: {name}. Frühere Überleitungen "
                                 "behalten die Stelle.").format(name=office.name))
