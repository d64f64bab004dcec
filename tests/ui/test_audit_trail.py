"""A supervisor opens a person's file and sees who looked at it, changed it or was refused,
in German, in the audit trail."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.codes import Role
from app.db.engine import unit_of_work
from app.security.audit_trail import person_audit_trail
from app.security.permissions import Actor, RefusedActionError
from app.services.database import Database
from app.services.persons import update_person
from tests.db.letter_scene import Scene
from tests.ui.conftest import site_settings, wait_for
from tests.ui.keyboard import press
from tests.ui.letter_desk import settle, store_scene
from ui.main_window import MainWindow
from ui.views.audit_trail_dialog import AuditTrailDialog

Opener = Callable[..., MainWindow]
ALT = Qt.KeyboardModifier.AltModifier


def open_file(qtbot: QtBot, window: MainWindow, scene: Scene) -> None:
    window.front_desk.open_person(scene.mother)
    qtbot.waitUntil(lambda: window.front_desk.person.current is not None, timeout=10_000)
    settle(qtbot, window)


def open_file_and_trail(qtbot: QtBot, window: MainWindow, scene: Scene) -> AuditTrailDialog:
    open_file(qtbot, window, scene)
    press(qtbot, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: window.front_desk.person.audit_trail.dialog is not None)
    dialog = window.front_desk.person.audit_trail.dialog
    assert dialog is not None
    wait_for(qtbot, window.worker)
    return dialog


def column(dialog: AuditTrailDialog, number: int) -> list[str]:
    table = dialog.table
    return [table.item(row, number).text() for row in range(table.rowCount())]


def test_the_trail_lists_the_view_of_the_person_just_opened(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    scene = store_scene(database)
    window = open_window("s.kaya", Role.SUPERVISOR)
    dialog = open_file_and_trail(qtbot, window, scene)
    dialog.grab().save("/tmp/shots6/audit-trail.png")
    assert dialog.isVisible()
    assert dialog.table.rowCount() >= 1
    assert column(dialog, 3)[0] == "Akte angesehen"  # newest first
    assert column(dialog, 1)[0] == "s.kaya"
    assert column(dialog, 2)[0] == "GV-3"
    assert column(dialog, 4)[0].startswith("Personennummer: P-")
    assert column(dialog, 3).count("Akte angesehen") == 1  # one view, one entry
    assert dialog.table.hasFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_front_desk_has_no_trail_button(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    scene = store_scene(database)
    window = open_window()
    open_file(qtbot, window, scene)
    assert not window.front_desk.person_page.audit_button.isVisible()
    press(qtbot, Qt.Key.Key_P, ALT)
    qtbot.wait(50)  # what a shortcut would have done by now
    assert window.front_desk.person.audit_trail.dialog is None


def test_the_trail_names_changes_and_refusals_in_german(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    scene = store_scene(database)
    desk = Actor(None, "a.becker", Role.FRONT_DESK, "GV-1")
    with unit_of_work(database.sessions) as session:
        update_person(session, scene.mother, {"phone": "0151 1234567", "street": "Markt 1"},
                      actor=desk, settings=site_settings(database))
    with pytest.raises(RefusedActionError), database.sessions() as session:
        person_audit_trail(session, scene.mother, actor=desk)
    dialog = open_file_and_trail(qtbot, open_window("s.kaya", Role.SUPERVISOR), scene)
    dialog.grab().save("/tmp/shots6/audit-trail-details.png")
    assert column(dialog, 3)[:3] == ["Akte angesehen", "Verweigert", "Geändert"]
    assert column(dialog, 4)[1] == "Aktion: Protokoll einer Person ansehen; Rolle: Empfang"
    assert "Geänderte Felder: Straße und Hausnummer, Telefon" in column(dialog, 4)[2]
    assert "0151" not in column(dialog, 4)[2]  # which fields, never their values
