"""Signing in at start, before the main window.

A database without any account (a fresh local install) opens without signing in, as it did
before accounts existed; the main window says so. When Windows sign-in is configured (the
setting ``windows_sign_in``) the Windows user is tried first and the dialog only appears if
that account is not known. The password check runs on the worker: argon2 takes a noticeable
moment.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.engine import unit_of_work
from app.errors import LotseError
from app.i18n import _
from app.security.accounts import SignedIn, SignInError, has_users, sign_in, sign_in_windows
from app.services.database import Database
from app.services.overview import is_demo_database
from ui.controllers.failures import describe_failure
from ui.views.sign_in_dialog import SignInDialog
from ui.worker import DatabaseWorker


@dataclass(frozen=True)
class Accounts:
    """What the start needs to know before asking anyone to sign in."""

    exist: bool
    demo: bool


@dataclass(frozen=True)
class Start:
    """Who works with the main window; None before any account exists."""

    signed_in: SignedIn | None


def accounts(session: Session) -> Accounts:
    return Accounts(has_users(session), is_demo_database(session))


def password_sign_in(username: str, password: str, workstation: str) -> Any:
    def operation(session: Session) -> SignedIn:
        return sign_in(session, username, password, workstation=workstation)
    return operation


def try_windows_sign_in(database: Database, workstation: str) -> SignedIn | None:
    """The Windows user's account, or None (the failure is on the audit record)."""
    try:
        with unit_of_work(database.sessions) as session:
            return sign_in_windows(session, getpass.getuser(), workstation=workstation)
    except SignInError:
        return None


class SignInController(QObject):
    """Runs the dialog's attempts on the worker and keeps who signed in."""

    def __init__(self, worker: DatabaseWorker, dialog: SignInDialog, workstation: str) -> None:
        super().__init__(dialog)
        self._worker, self._dialog, self._workstation = worker, dialog, workstation
        self.signed_in: SignedIn | None = None
        dialog.sign_in_requested.connect(self.sign_in)

    def sign_in(self, username: str, password: str) -> None:
        self._dialog.set_busy(True)
        self._dialog.show_error("")
        self._worker.run(password_sign_in(username, password, self._workstation),
                         self._succeeded, self._failed)

    def _succeeded(self, signed_in: SignedIn) -> None:
        self.signed_in = signed_in
        self._dialog.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, LotseError):  # SignInError: the same text for every reason
            self._dialog.failed(f"{error.message} {error.hint}".strip())
        else:
            self._dialog.failed(describe_failure(error, _("Anmelden")))


def sign_in_at_start(settings: Settings, database: Database) -> Start | None:
    """Who works with this window; None if the user closed the dialog (quit)."""
    with unit_of_work(database.sessions) as session:
        known = accounts(session)
    if not known.exist:
        return Start(None)
    if settings.windows_sign_in:
        signed_in = try_windows_sign_in(database, settings.origin)
        if signed_in is not None:
            return Start(signed_in)
    return _ask(settings, database, known)


def _ask(settings: Settings, database: Database, known: Accounts) -> Start | None:
    worker = DatabaseWorker(database.sessions)
    try:
        dialog = SignInDialog(office=settings.office, demo=known.demo)
        controller = SignInController(worker, dialog, settings.origin)
        if dialog.exec() != QDialog.DialogCode.Accepted or controller.signed_in is None:
            return None
        return Start(controller.signed_in)
    finally:
        worker.shutdown()
