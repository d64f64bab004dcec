"""A main window on a real database, signed in without the dialog, and helpers to wait for
the background worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.codes import Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import User
from app.security.accounts import SignedIn, find_user
from app.services.database import Database
from ui.compat import keep_singletons_alive
from ui.garbage import collect_on_gui_thread
from ui.main_window import MainWindow
from ui.worker import DatabaseWorker

keep_singletons_alive()  # PySide6 6.12 on Python 3.11, see ui/compat.py


@pytest.fixture(scope="package", autouse=True)
def gui_thread_garbage(qapp: QApplication) -> Iterator[None]:
    """As the app does: cyclic garbage – the widgets of earlier tests among it – is
    collected on the GUI thread, never on a database worker (see ui/garbage.py)."""
    collector = collect_on_gui_thread(qapp)
    yield
    collector.stop()
    collector.setParent(None)
    collector.deleteLater()


def site_settings(database: Database) -> Settings:
    return Settings(database_url=database.settings.database_url, mode="shared", office="GV",
                    workstation=3, user="a.becker")


def signed_in(database: Database, username: str = "a.becker",
              role: Role = Role.FRONT_DESK) -> SignedIn:
    """Signed in as ``username`` – the account a test added, or a new one with ``role`` –
    without the dialog (and without argon2)."""
    with unit_of_work(database.sessions) as session:
        user = find_user(session, username)
        if user is None:
            user = User(username=username, role=role.value, origin="GV-3")
            session.add(user)
            session.flush()
        return SignedIn(user.id, user.username, Role(user.role), user.display_name, "GV-3")


def wait_for(qtbot: QtBot, worker: DatabaseWorker) -> None:
    """Until every operation asked for so far has called back (no sleeping)."""
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)


def _owned_by(active: QWidget | None, window: MainWindow) -> bool:
    """The window itself or one of its dialogs (the restore question at first show)."""
    while active is not None and active is not window:
        active = active.parentWidget()
    return active is window


@pytest.fixture
def open_window(qtbot: QtBot, database: Database) -> Iterator[Callable[[], MainWindow]]:
    """Opens the main window on the (already seeded) database when the test asks for it,
    signed in as a front-desk account unless the test names another one."""
    windows: list[MainWindow] = []

    def opener(username: str = "a.becker", role: Role = Role.FRONT_DESK) -> MainWindow:
        window = MainWindow(site_settings(database), database,
                            signed_in(database, username, role))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # keys go to this window, not to one a test left open
        qtbot.waitUntil(lambda: _owned_by(QApplication.activeWindow(), window))
        wait_for(qtbot, window.worker)
        windows.append(window)
        return window

    yield opener
    for window in windows:  # the worker stops before the database closes
        window.close()
