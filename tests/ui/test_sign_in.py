"""Signing in at start, with the keyboard: the dialog, its one message for every failure,
the lockout, Esc, the Windows account and the database without accounts."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.codes import Role
from app.config import load_settings, user_config_file
from app.db.engine import unit_of_work
from app.db.models import User
from app.security.passwords import hash_password
from app.services.database import Database
from tests.ui.conftest import site_settings, wait_for
from tests.ui.keyboard import focused, press, type_text
from tests.ui.records import mark_as_demo
from ui.controllers.sign_in import SignInController, sign_in_at_start
from ui.views.sign_in_dialog import SignInDialog
from ui.worker import DatabaseWorker

PASSWORD = "Fährte-2026"  # a test account's password
SAME_MESSAGE = "Anmeldung fehlgeschlagen: Benutzername oder Passwort stimmen nicht"


@pytest.fixture(scope="module")
def password_hash() -> str:
    return hash_password(PASSWORD)  # once: argon2 takes a moment


@pytest.fixture
def accounts(database: Database, password_hash: str) -> Database:
    with unit_of_work(database.sessions) as session:
        session.add_all([
            User(username="empfang", display_name="Emil Empfang", role=Role.FRONT_DESK.value,
                 password_hash=password_hash, windows_account="GV\\emil"),
            User(username="leitung", role=Role.SUPERVISOR.value, password_hash=password_hash)])
    return database


@pytest.fixture
def dialog(qtbot: QtBot, accounts: Database) -> Iterator[tuple[SignInDialog, SignInController]]:
    worker = DatabaseWorker(accounts.sessions)
    dialog = SignInDialog(office="GV", demo=False)
    controller = SignInController(worker, dialog, "GV-3")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.username.hasFocus())
    yield dialog, controller
    worker.shutdown()


def attempt(qtbot: QtBot, dialog: SignInDialog, username: str, password: str) -> None:
    """Name, Tab, password, Enter – and wait until the answer is shown."""
    dialog.username.setFocus()
    dialog.username.selectAll()
    type_text(username)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.password
    type_text(password)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled() or not dialog.isVisible(),
                    timeout=10_000)


def test_the_right_password_signs_in_with_the_role(
        qtbot: QtBot, dialog: tuple[SignInDialog, SignInController]) -> None:
    view, controller = dialog
    attempt(qtbot, view, "Empfang", PASSWORD)  # the name in any case
    assert view.result() == QDialog.DialogCode.Accepted
    assert controller.signed_in is not None
    assert controller.signed_in.username == "empfang"
    assert controller.signed_in.role is Role.FRONT_DESK
    assert controller.signed_in.workstation == "GV-3"


def test_wrong_password_and_unknown_user_read_the_same(
        qtbot: QtBot, dialog: tuple[SignInDialog, SignInController]) -> None:
    view, controller = dialog
    attempt(qtbot, view, "empfang", "falsch-falsch")
    wrong_password = view.error.text()
    assert view.isVisible() and view.error.isVisible()
    assert view.password.text() == "" and view.password.hasFocus()
    assert view.username.text() == "empfang"  # what was typed stays
    attempt(qtbot, view, "niemand", "falsch-falsch")
    assert view.error.text() == wrong_password
    assert wrong_password.startswith(SAME_MESSAGE)
    assert controller.signed_in is None


def test_five_failures_lock_the_account_even_for_the_right_password(
        qtbot: QtBot, dialog: tuple[SignInDialog, SignInController],
        accounts: Database) -> None:
    view, controller = dialog
    for _attempt in range(5):
        attempt(qtbot, view, "leitung", "daneben-daneben")
    attempt(qtbot, view, "leitung", PASSWORD)
    assert controller.signed_in is None
    assert view.error.text().startswith(SAME_MESSAGE)
    assert "Nach 5 Fehlversuchen" in view.error.text()
    with unit_of_work(accounts.sessions) as session:
        locked = session.scalars(select(User.locked_until)
                                 .where(User.username == "leitung")).one()
    assert locked is not None


def once_shown(qtbot: QtBot, action: Callable[[SignInDialog], None]) -> None:
    """Run ``action`` inside the start's modal dialog, once it has the keyboard."""
    def when_shown() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SignInDialog))
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SignInDialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.username.hasFocus)
        action(dialog)
    QTimer.singleShot(0, when_shown)


def test_esc_quits_without_signing_in(qtbot: QtBot, accounts: Database) -> None:
    once_shown(qtbot, lambda _dialog: press(qtbot, Qt.Key.Key_Escape))
    assert sign_in_at_start(site_settings(accounts), accounts) is None


def test_the_start_signs_in_with_the_keyboard(qtbot: QtBot, accounts: Database) -> None:
    def sign_in(_dialog: SignInDialog) -> None:
        type_text("leitung")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(PASSWORD)
        press(qtbot, Qt.Key.Key_Return)

    once_shown(qtbot, sign_in)
    start = sign_in_at_start(site_settings(accounts), accounts)
    assert start is not None and start.signed_in is not None
    assert start.signed_in.role is Role.SUPERVISOR


def test_a_database_without_accounts_opens_without_the_dialog(database: Database) -> None:
    start = sign_in_at_start(site_settings(database), database)
    assert start is not None and start.signed_in is None


def windows_user_emil(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "gv\\EMIL")


def test_the_windows_account_signs_in_without_the_dialog_when_the_file_says_so(
        monkeypatch: pytest.MonkeyPatch, accounts: Database) -> None:
    windows_user_emil(monkeypatch)
    user_config_file().parent.mkdir(parents=True, exist_ok=True)
    user_config_file().write_text("[accounts]\nwindows_sign_in = true\n", encoding="utf-8")
    settings = load_settings(database_url=accounts.settings.database_url)
    start = sign_in_at_start(settings, accounts)
    assert start is not None and start.signed_in is not None
    assert start.signed_in.username == "empfang"


def test_the_windows_sign_in_can_be_switched_on_in_the_environment(
        monkeypatch: pytest.MonkeyPatch, accounts: Database) -> None:
    windows_user_emil(monkeypatch)
    monkeypatch.setenv("LOTSE_WINDOWS_SIGN_IN", "1")
    start = sign_in_at_start(load_settings(database_url=accounts.settings.database_url),
                             accounts)
    assert start is not None and start.signed_in is not None
    assert start.signed_in.username == "empfang"


def test_without_the_setting_the_windows_user_still_has_to_sign_in(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, accounts: Database) -> None:
    windows_user_emil(monkeypatch)
    once_shown(qtbot, lambda _dialog: press(qtbot, Qt.Key.Key_Escape))
    settings = load_settings(database_url=accounts.settings.database_url)
    assert not settings.windows_sign_in
    assert sign_in_at_start(settings, accounts) is None  # the dialog came, Esc quit


def test_a_demo_database_names_the_demo_accounts(qtbot: QtBot, accounts: Database) -> None:
    mark_as_demo(accounts)
    shown: list[str] = []

    def look(dialog: SignInDialog) -> None:
        shown.append(dialog.demo_hint.text() if dialog.demo_hint.isVisible() else "")
        dialog.reject()

    once_shown(qtbot, look)
    sign_in_at_start(site_settings(accounts), accounts)
    assert shown == ["Demo: empfang / leitung / admin, Passwort demo"]


def test_the_main_window_names_who_signed_in(open_window: object, database: Database,
                                             qtbot: QtBot) -> None:
    with unit_of_work(database.sessions) as session:
        session.add(User(username="s.kaya", display_name="Selin Kaya",
                         role=Role.SUPERVISOR.value))
    window = open_window("s.kaya")  # type: ignore[operator]
    wait_for(qtbot, window.worker)
    assert window.status_bar.user.text() == "Benutzer: Selin Kaya (Teamleitung)"
