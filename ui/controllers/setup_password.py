"""The password at start, when the PostgreSQL server refuses the login: asked once per
attempt, kept in memory for this run, and put into the credential store once it worked –
never into a file."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from app.config import Settings
from app.credentials import (
    credential_name,
    login_needing_password,
    remember_for_session,
    store_available,
    store_password,
)
from app.errors import ConfigError, DatabaseError
from app.services.database import Database
from ui.controllers.setup_text import password_note

log = logging.getLogger(__name__)


def ask_password(user: str, host: str) -> str | None:
    """The typed password, or None after Cancel."""
    from ui.views.setup_password import PasswordDialog  # asked for rarely: not at every start

    dialog = PasswordDialog(credential_name(user, host), password_note(store_available()))
    waiting = QApplication.overrideCursor() is not None  # the start's wait cursor
    if waiting:
        QApplication.restoreOverrideCursor()
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        if waiting:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    password = dialog.password.text()
    dialog.deleteLater()
    return password if accepted else None


def open_with_password(settings: Settings, open_: Callable[[Settings], Database]) -> Database:
    """``open_(settings)``; while the server refuses a login without password, ask for it
    and try again. Cancel lets the refusal through (the start explains it)."""
    typed: tuple[str, str, str] | None = None  # user, host, password
    while True:
        try:
            database = open_(settings)
        except DatabaseError as error:
            login = login_needing_password(settings.database_url, error)
            password = ask_password(*login) if login is not None else None
            if login is None or password is None:
                raise
            remember_for_session(*login, password)
            typed = (*login, password)
            continue
        if typed is not None and store_available():
            _store(*typed)
        return database


def _store(user: str, host: str, password: str) -> None:
    try:
        store_password(user, host, password)
    except ConfigError as error:  # the run goes on with the password in memory
        log.warning("password not stored: %s", error)
