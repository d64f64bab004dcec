"""A main window on a real database, and helpers to wait for the background worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.services.database import Database
from ui.compat import keep_singletons_alive
from ui.main_window import MainWindow
from ui.worker import DatabaseWorker

keep_singletons_alive()  # PySide6 6.12 on Python 3.11, see ui/compat.py


def site_settings(database: Database) -> Settings:
    return Settings(database_url=database.settings.database_url, mode="shared", office="GV",
                    workstation=3, user="a.becker")


def wait_for(qtbot: QtBot, worker: DatabaseWorker) -> None:
    """Until every operation asked for so far has called back (no sleeping)."""
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)


@pytest.fixture
def open_window(qtbot: QtBot, database: Database) -> Iterator[Callable[[], MainWindow]]:
    """Opens the main window on the (already seeded) database when the test asks for it."""
    windows: list[MainWindow] = []

    def opener() -> MainWindow:
        window = MainWindow(site_settings(database), database)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        wait_for(qtbot, window.worker)
        windows.append(window)
        return window

    yield opener
    for window in windows:  # the worker stops before the database closes
        window.close()
