"""The synchronisation state in the status bar of a branch workstation: a round at start,
after a local save and on F9, with the hub reachable or not; the open conflicts for a
supervisor; and nothing of it in the other modes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.codes import Role
from app.config import Settings, load_settings
from app.db.base import utcnow
from app.db.engine import unit_of_work
from app.db.models import Person
from app.errors import ConfigError
from app.services.database import Database, open_database
from app.sync.state import HUB_URL, write_value
from tests.sync.scene import Branch, Hub
from tests.ui.conftest import signed_in, wait_for
from tests.ui.keyboard import press
from tests.ui.screenshots import screenshot
from ui.main_window import MainWindow

UNREACHABLE = "postgresql://x@127.0.0.1:1/x"

Opener = Callable[[Database, Settings, Role], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Opener]:
    windows: list[MainWindow] = []

    def opener(database: Database, settings: Settings, role: Role) -> MainWindow:
        window = MainWindow(settings, database, signed_in(database, "leitung", role))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
        wait_for(qtbot, window.worker)
        windows.append(window)
        return window

    yield opener
    for window in windows:
        window.close()


def state(window: MainWindow) -> str:
    return window.status_bar.sync_status.state.text()


def settle(qtbot: QtBot, window: MainWindow, starts: str) -> None:
    """Until the latest round has ended with a state starting with ``starts``."""
    qtbot.waitUntil(lambda: state(window).startswith(starts), timeout=15_000)


def edit_phone(database: Database, person: object, phone: str, origin: str) -> None:
    with unit_of_work(database.sessions) as session:
        row = session.get_one(Person, person)
        row.phone, row.updated_at, row.origin = phone, utcnow(), origin


@pytest.mark.postgres
def test_a_reachable_hub_and_a_conflict_for_the_supervisor(
        qtbot: QtBot, hub: Hub, branch: Branch, open_window: Opener) -> None:
    window = open_window(branch.database, branch.settings, Role.SUPERVISOR)
    settle(qtbot, window, "Synchronisiert ")
    view = window.status_bar.sync_status
    assert view.state.accessibleName() == state(window)
    assert "gesendet" in view.state.toolTip()
    assert not view.conflicts.isVisible()
    edit_phone(branch.database, hub.scene.mother, "0170 111", "NE-7")
    edit_phone(hub.database, hub.scene.mother, "0170 999", "NE-1")
    window.navigation.list.setFocus()
    press(qtbot, Qt.Key.Key_F9)  # at once, not after the save's delay
    qtbot.waitUntil(lambda: view.conflicts.isVisible(), timeout=15_000)
    assert view.conflicts.text() == "1 Konflikt" == view.conflicts.accessibleName()
    assert "1 neue Konflikte" in view.state.toolTip()
    screenshot(window.status_bar, "sync-status.png")


@pytest.mark.postgres
def test_an_unreachable_hub_is_offline_and_a_save_waits(
        qtbot: QtBot, hub: Hub, branch: Branch, open_window: Opener) -> None:
    with unit_of_work(branch.database.sessions) as session:
        write_value(session.connection(), HUB_URL, UNREACHABLE)
    window = open_window(branch.database, branch.settings, Role.FRONT_DESK)
    settle(qtbot, window, "Offline seit ")
    edit_phone(branch.database, hub.scene.mother, "0170 111", "NE-7")  # a save: soon a round
    qtbot.waitUntil(lambda: "1 Änderung wartet" in state(window)
                    or "Änderungen warten" in state(window), timeout=15_000)
    assert window.status_bar.sync_status.state.styleSheet() == ""  # no alarm, no dialog
    assert not window.status_bar.sync_status.conflicts.isVisible()  # not for the front desk


def test_a_database_that_is_no_replica_is_refused(qtbot: QtBot, tmp_path: Path,
                                                  open_window: Opener) -> None:
    settings = Settings(database_url=f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}",
                        mode="branch", office="NE", workstation=7, user="leitung")
    database = open_database(settings)
    try:
        window = open_window(database, settings, Role.SUPERVISOR)
        settle(qtbot, window, "Sync abgelehnt: Diese Datenbank ist keine Zweigstellen-Kopie")
        window.close()
    finally:
        database.close()


def test_other_modes_show_nothing_of_it(qtbot: QtBot, tmp_path: Path,
                                        open_window: Opener) -> None:
    settings = Settings(database_url=f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}",
                        mode="shared", office="NE", workstation=2, user="leitung")
    database = open_database(settings)
    try:
        window = open_window(database, settings, Role.SUPERVISOR)
        assert window.sync is None
        assert window.status_bar.findChild(QLabel, "sync-state") is None
        window.close()
    finally:
        database.close()


@pytest.mark.parametrize("value", ["5", "0", "eine Minute", "100000"])
def test_the_interval_is_checked(value: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"sync\.interval_seconds") as raised:
        load_settings(environ={**os.environ, "LOTSE_SYNC_INTERVAL": value},
                      config_file=tmp_path / "none.toml")
    assert "von 10 bis 86400" in raised.value.message


def test_the_interval_is_read_from_the_file(tmp_path: Path) -> None:
    config = tmp_path / "lotse.toml"
    config.write_text("[sync]\ninterval_seconds = 300\n", encoding="utf-8")
    assert load_settings(config_file=config, environ={}).sync_interval == 300
    assert load_settings(config_file=tmp_path / "none.toml", environ={}).sync_interval == 60
