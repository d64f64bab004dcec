"""First start: the setup wizard's logic – test the connection on the background worker,
check each page, and save (password to the credential store, the rest to lotse.toml)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy.orm import sessionmaker

from app.config import data_dir
from app.credentials import store_available
from app.errors import FieldError, FieldsValidationError, LotseError
from app.i18n import _
from app.setup.choices import BRANCH, LOCAL, ServerAddress, SetupChoices, check_choices
from app.setup.connection import ConnectionReport, try_connection
from app.setup.save import save_setup
from ui.controllers.failures import describe_failure
from ui.controllers.setup_text import branch_init_hint, store_note
from ui.views.setup_pages import SERVER_PAGE, SITE_PAGE
from ui.views.setup_wizard import SetupWizard
from ui.worker import DatabaseWorker


class SetupController(QObject):
    def __init__(self, wizard: SetupWizard, *, config_path: Path | None = None) -> None:
        super().__init__(wizard)
        self.wizard, self.config_path = wizard, config_path
        self.saved_to: Path | None = None
        # No database yet: the one worker runs the test with a session bound to nothing.
        self.worker = DatabaseWorker(sessionmaker(), self)
        self._generation = 0  # a result for fields edited since is not shown
        self._wire()
        server = wizard.server_page
        server.store_note.setText(store_note(store_available()))
        server.replica_file.setText(str(data_dir() / "zweigstelle.sqlite3"))
        wizard.site_page.set_printers(QPrinterInfo.availablePrinterNames())
        wizard.check_page = self.check_page

    def _wire(self) -> None:
        server, site = self.wizard.server_page, self.wizard.site_page
        server.test_button.clicked.connect(self.test_connection)
        for field in (server.host, server.database, server.user, server.password):
            field.textEdited.connect(self._edited)
        server.port.valueChanged.connect(self._edited)
        site.office.currentTextChanged.connect(self._update_branch_hint)
        site.workstation.valueChanged.connect(self._update_branch_hint)
        self.wizard.currentIdChanged.connect(self._update_branch_hint)

    def choices(self) -> SetupChoices:
        """What the wizard shows now."""
        server, site, mode = self.wizard.server_page, self.wizard.site_page, self.wizard.mode()
        replica = Path(server.replica_file.text().strip()) if mode == BRANCH else None
        return SetupChoices(
            mode=mode, office=site.office.currentText().strip().upper(),
            workstation=site.workstation.value(), printer=site.printer_name(),
            server=None if mode == LOCAL else self.server(), replica_file=replica)

    def server(self) -> ServerAddress:
        page = self.wizard.server_page
        return ServerAddress(page.host.text().strip(), page.port.value(),
                             page.database.text().strip(), page.user.text().strip())

    # --- "Verbindung testen" --------------------------------------------------------------

    def test_connection(self) -> None:
        if not self._server_fields_fit():
            return
        server, page = self.server(), self.wizard.server_page
        password, hub = page.password.text(), self.wizard.mode() == BRANCH
        self._generation += 1
        generation = self._generation
        page.set_testing(True)
        page.show_result(True, _("Verbindung wird geprüft …"))
        self.worker.run(lambda _session: try_connection(server, password, hub=hub),
                        lambda report: self._tested(generation, report), self._failed)

    def _tested(self, generation: int, report: ConnectionReport) -> None:
        self.wizard.server_page.set_testing(False)
        if generation != self._generation:
            return
        self.wizard.server_page.show_result(report.ok, report.message, report.hint)
        if report.offices:
            self.wizard.site_page.set_offices(report.offices)

    def _failed(self, error: BaseException) -> None:
        self.wizard.server_page.set_testing(False)
        self.wizard.server_page.show_result(False, describe_failure(error, _("Verbindung testen")))

    def _edited(self) -> None:
        self._generation += 1
        self.wizard.server_page.show_result(True, "")

    # --- moving on and finishing -----------------------------------------------------------

    def check_page(self, page: int) -> bool:
        if page == SERVER_PAGE:
            return self._server_fields_fit()
        if page == SITE_PAGE:
            return self._save()
        return True

    def _server_fields_fit(self) -> bool:
        problems = [p for p in check_choices(self.choices()) if p.field != "office"]
        if problems:
            self.wizard.server_page.show_result(False, _problem_text(problems))
            self._field(problems[0].field).setFocus()
        return not problems

    def _save(self) -> bool:
        try:
            self.saved_to = save_setup(self.choices(), self.wizard.server_page.password.text(),
                                       path=self.config_path)
        except FieldsValidationError as error:
            self.wizard.site_page.show_problem(_problem_text(error.errors))
            self._field(error.errors[0].field).setFocus()
            return False
        except LotseError as error:
            self.wizard.site_page.show_problem(f"{error.message}\n{error.hint}".strip())
            return False
        return True

    def _field(self, key: str) -> QWidget:
        server = self.wizard.server_page
        fields: dict[str, QWidget] = {"host": server.host, "database": server.database,
                                      "user": server.user, "replica_file": server.replica_file}
        return fields.get(key, self.wizard.site_page.office)

    def _update_branch_hint(self) -> None:
        if self.wizard.mode() == BRANCH:
            self.wizard.site_page.show_branch_hint(*branch_init_hint(self.choices()))


def _problem_text(problems: tuple[FieldError, ...] | list[FieldError]) -> str:
    return "\n".join(problem.message for problem in problems)


def run_first_start(config_path: Path | None = None) -> Path | None:
    """Show the wizard until it is finished or cancelled; the config file it wrote, or None
    after Cancel (nothing written)."""
    wizard = SetupWizard()
    controller = SetupController(wizard, config_path=config_path)
    try:
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
    finally:
        controller.worker.shutdown()
        wizard.deleteLater()
    return controller.saved_to if accepted else None
