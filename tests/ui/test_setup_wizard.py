"""First start: with no configuration the setup wizard comes before anything else, driven by
keyboard; it writes the user config (the password only into the credential store) and the
start goes on. Cancel writes nothing; a machine-wide config deployed by IT skips it."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import text

import ui.application as application
import ui.printing as printing
from app import credentials
from app.config import Settings, load_settings, machine_config_file, user_config_file
from app.db.engine import build_engine
from app.setup.choices import needs_first_start
from tests.credential_store import (
    MemoryKeyring,
    credential_store,
    no_credential_store,
    password_role,
)
from tests.pgserver import PostgresServer
from tests.ui.keyboard import focused, named, press, tab_to, type_text
from ui.controllers import setup_controller
from ui.controllers.setup_controller import SetupController, run_first_start
from ui.main_window import MainWindow
from ui.views.setup_pages import SITE_PAGE
from ui.views.setup_password import PasswordDialog
from ui.views.setup_wizard import SetupWizard

ALT = Qt.KeyboardModifier.AltModifier
ROLE, PASSWORD = "lotse_wizard", "Schlüssel-42"
Steps = Callable[[QtBot, SetupWizard], None]
T = TypeVar("T")


@pytest.fixture
def quiet_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """start() without its process-wide side effects (as in test_application.py)."""
    monkeypatch.setattr(application, "install_qt_translations", lambda app, language: None)
    monkeypatch.setattr(application, "route_qt_messages", lambda: None)
    monkeypatch.setattr(application, "install_excepthook", lambda log_file: None)
    monkeypatch.setattr(application, "register_fonts", lambda app: [])


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with credential_store(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend
    credentials.forget_session_passwords()


def when_shown(qtbot: QtBot, steps: Callable[[QtBot, Any], None],
               kind: type[QDialog] = SetupWizard) -> list[BaseException]:
    """Run ``steps`` on the dialog once its modal loop runs; a failing step cancels the
    dialog (so the test ends) and is handed back to be raised."""
    failures: list[BaseException] = []

    def drive() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, kind):
            QTimer.singleShot(20, drive)
            return
        try:
            wizard.activateWindow()  # keys go to the wizard, not to a window a test left
            qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
            steps(qtbot, wizard)
        except BaseException as failure:  # re-raised by the test
            failures.append(failure)
            wizard.reject()

    QTimer.singleShot(0, drive)
    return failures


def driven(qtbot: QtBot, steps: Callable[[QtBot, Any], None], call: Callable[[], T],
           kind: type[QDialog] = SetupWizard) -> T:
    """``call()`` (which shows the dialog) while ``steps`` drive it; a failed step is raised
    rather than what the cancelled dialog led to."""
    failures = when_shown(qtbot, steps, kind)
    try:
        result = call()
    except BaseException:
        if failures:
            raise failures[0] from None
        raise
    if failures:
        raise failures[0]
    return result


def replace_text(qtbot: QtBot, wizard: SetupWizard, name: str, value: str) -> None:
    tab_to(qtbot, named(qtbot, wizard, name))
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(value)


def shown_result(wizard: SetupWizard) -> str:
    label = wizard.server_page.result
    return label.text() if label.isVisible() else ""


def local_at_gv_3(qtbot: QtBot, wizard: SetupWizard) -> None:
    assert wizard.mode_page.choices["local"].isChecked()
    press(qtbot, Qt.Key.Key_Return)  # Weiter: local needs no server
    qtbot.waitUntil(lambda: wizard.currentId() == SITE_PAGE)
    replace_text(qtbot, wizard, "Dienststelle", "gv")
    replace_text(qtbot, wizard, "Arbeitsplatz", "3")
    assert wizard.site_page.printer.currentText() == "Systemstandard"
    press(qtbot, Qt.Key.Key_F, ALT)  # Fertigstellen


def test_local_first_start_writes_the_user_config_and_opens_the_window(
        qtbot: QtBot, quiet_start: None, tmp_path: Path) -> None:
    settings = load_settings()
    assert needs_first_start(settings)
    window = driven(qtbot, local_at_gv_3,
                    lambda: application.start(settings, tmp_path / "lotse.log"))
    assert window is not None
    qtbot.addWidget(window)
    try:
        config = tomllib.loads(user_config_file().read_text(encoding="utf-8"))
        assert config["site"] == {"mode": "local", "office": "GV", "workstation": 3}
        assert config["print"] == {"printer": ""}
        assert "database" not in config  # local: the default file in the user data folder
        assert window.windowTitle() == "Lotse – GV"
        assert not needs_first_start(load_settings())  # the next start goes straight on
    finally:
        window.close()
        window.database.close()


def test_cancel_quits_and_writes_nothing(qtbot: QtBot, quiet_start: None,
                                         tmp_path: Path) -> None:
    def cancel(qtbot: QtBot, wizard: SetupWizard) -> None:
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == SITE_PAGE)
        press(qtbot, Qt.Key.Key_Escape)

    with pytest.raises(SystemExit) as ended:
        driven(qtbot, cancel, lambda: application.start(load_settings(), tmp_path / "lotse.log"))
    assert ended.value.code == 0
    assert not user_config_file().exists()
    assert not list((tmp_path / "data").glob("*.sqlite3"))  # no database made either
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_a_machine_wide_config_skips_the_wizard(
        qtbot: QtBot, quiet_start: None, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    machine = machine_config_file()
    machine.parent.mkdir(parents=True)
    url = f"sqlite:///{(tmp_path / 'it.sqlite3').as_posix()}"
    machine.write_text(f'[database]\nurl = "{url}"\n[site]\noffice = "GV"\n', encoding="utf-8")

    def no_wizard() -> None:
        raise AssertionError("the wizard must not appear when IT deployed a config")

    monkeypatch.setattr(setup_controller, "run_first_start", no_wizard)
    window = application.start(load_settings(), tmp_path / "lotse.log")
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.windowTitle() == "Lotse – GV"
        assert not user_config_file().exists()
    finally:
        window.close()
        window.database.close()


@pytest.mark.postgres
def test_shared_connection_is_tested_and_the_password_goes_to_the_keyring(
        qtbot: QtBot, pg_server: PostgresServer, pg_url: str,
        memory_keyring: MemoryKeyring) -> None:
    password_role(pg_server, ROLE, PASSWORD)
    database = pg_url.rsplit("/", 1)[1]

    def shared(qtbot: QtBot, wizard: SetupWizard) -> None:
        press(qtbot, Qt.Key.Key_G, ALT)  # Gemeinsam – PostgreSQL-Server
        qtbot.waitUntil(lambda: wizard.mode() == "shared")
        press(qtbot, Qt.Key.Key_W, ALT)  # Weiter
        qtbot.waitUntil(lambda: named(qtbot, wizard, "Server").isVisible())
        replace_text(qtbot, wizard, "Server", "127.0.0.1")
        replace_text(qtbot, wizard, "Port", str(pg_server.port))
        replace_text(qtbot, wizard, "Datenbank", database)
        replace_text(qtbot, wizard, "Benutzer", ROLE)
        replace_text(qtbot, wizard, "Passwort", "falsch")
        press(qtbot, Qt.Key.Key_T, ALT)  # Verbindung testen
        qtbot.waitUntil(lambda: "abgelehnt" in shown_result(wizard), timeout=10_000)
        assert "Benutzer oder Passwort falsch" in shown_result(wizard)
        replace_text(qtbot, wizard, "Passwort", PASSWORD)
        assert shown_result(wizard) == ""  # an old verdict does not stay next to new input
        press(qtbot, Qt.Key.Key_T, ALT)
        qtbot.waitUntil(lambda: "Verbindung hergestellt" in shown_result(wizard),
                        timeout=10_000)
        assert "leer" in shown_result(wizard)
        press(qtbot, Qt.Key.Key_W, ALT)
        qtbot.waitUntil(lambda: wizard.currentId() == SITE_PAGE)
        replace_text(qtbot, wizard, "Arbeitsplatz", "2")
        press(qtbot, Qt.Key.Key_F, ALT)

    written = driven(qtbot, shared, run_first_start)
    assert written == user_config_file()
    content = written.read_text(encoding="utf-8")
    assert PASSWORD not in content
    settings = load_settings()
    assert (settings.mode, settings.office, settings.workstation) == ("shared", "NE", 2)
    assert settings.database_url == (
        f"postgresql://{ROLE}@127.0.0.1:{pg_server.port}/{database}")
    assert memory_keyring.passwords == {("Lotse", f"{ROLE}@127.0.0.1"): PASSWORD}
    credentials.forget_session_passwords()  # the next start: only the keyring knows it
    engine = build_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT current_user")).scalar() == ROLE
    finally:
        engine.dispose()


def test_without_a_credential_store_the_wizard_says_it_keeps_no_password(
        qtbot: QtBot) -> None:
    with credential_store(no_credential_store()):
        wizard = SetupWizard()
        qtbot.addWidget(wizard)
        SetupController(wizard).worker.shutdown()
    assert "keinen Passwortspeicher" in wizard.server_page.store_note.text()
    assert "fragt beim Start" in wizard.server_page.store_note.text()


def test_every_input_is_named_by_its_label(qtbot: QtBot) -> None:
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    inputs = (QLineEdit, QSpinBox, QComboBox)
    for label in wizard.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            assert buddy.accessibleName() == label.text().replace("&", "")
    unnamed = [w for w in wizard.findChildren(QWidget)
               if isinstance(w, inputs) and not isinstance(w.parent(), QComboBox | QSpinBox)
               and not w.accessibleName()]
    assert not unnamed
    buttons = wizard.mode_page.choices.values()
    assert [b.accessibleName() for b in buttons] == [
        "Lokal – eine Datenbank auf diesem PC", "Gemeinsam – PostgreSQL-Server",
        "Zweigstelle – Offline-Kopie, die synchronisiert"]


def test_branch_server_page_tabs_in_visual_order(qtbot: QtBot) -> None:
    def tab_order(qtbot: QtBot, wizard: SetupWizard) -> None:
        press(qtbot, Qt.Key.Key_S, ALT)  # Zweigstelle
        qtbot.waitUntil(lambda: wizard.mode() == "branch")  # after the click's animation
        press(qtbot, Qt.Key.Key_Return)
        first = named(qtbot, wizard, "Server")
        tab_to(qtbot, first)
        seen = [focused().accessibleName()]
        for _step in range(6):
            press(qtbot, Qt.Key.Key_Tab)
            seen.append(focused().accessibleName() or focused().text())  # type: ignore[attr-defined]
        assert seen == ["Server", "Port", "Datenbank", "Benutzer", "Passwort",
                        "Datei der Offline-Kopie", "Verbindung &testen"]
        wizard.reject()

    assert driven(qtbot, tab_order, run_first_start) is None


@pytest.mark.postgres
def test_a_refused_login_asks_for_the_password_and_stores_what_worked(
        qtbot: QtBot, quiet_start: None, tmp_path: Path, pg_server: PostgresServer,
        pg_url: str, memory_keyring: MemoryKeyring) -> None:
    """A machine-wide config from IT names the server, but nobody has stored a password."""
    password_role(pg_server, ROLE, PASSWORD)
    url = pg_url.replace("postgresql://lotse@", f"postgresql://{ROLE}@")
    asked: list[str] = []

    def type_password(qtbot: QtBot, dialog: PasswordDialog) -> None:
        assert focused() is dialog.password
        asked.append(dialog.password.accessibleName())
        type_text(PASSWORD)
        press(qtbot, Qt.Key.Key_Return)

    settings = Settings(database_url=url, office="GV")
    window = driven(qtbot, type_password,
                    lambda: application.start(settings, tmp_path / "lotse.log"), PasswordDialog)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert asked == ["Passwort"]
        assert memory_keyring.passwords == {("Lotse", f"{ROLE}@127.0.0.1"): PASSWORD}
        assert not user_config_file().exists()
    finally:
        window.close()
        window.database.close()


def test_letters_go_to_the_configured_printer_when_it_exists(
        monkeypatch: pytest.MonkeyPatch) -> None:
    chosen: list[str] = []

    class RecordingPrinter(printing.QPrinter):
        def setPrinterName(self, name: str) -> None:
            chosen.append(name)
            super().setPrinterName(name)

    class Installed:  # this test machine has no printers; an office PC has these
        @staticmethod
        def availablePrinterNames() -> list[str]:
            return ["Empfang-HP", "Flur-Kopierer"]

    monkeypatch.setattr(printing, "QPrinter", RecordingPrinter)
    monkeypatch.setattr(printing, "QPrinterInfo", Installed)
    try:
        printing.use_default_printer("Flur-Kopierer")
        printing.new_printer()
        printing.use_default_printer("Abgebaut-2019")  # removed since: the system default
        printing.new_printer()
    finally:
        printing.use_default_printer("")
    assert chosen == ["Flur-Kopierer"]
