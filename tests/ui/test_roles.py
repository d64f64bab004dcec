"""The navigation shows what the signed-in role may use; shortcuts to the rest do nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.codes import Role
from ui.main_window import MainWindow

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_front_desk_sees_no_approval_or_statistics(
        qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    titles = window.navigation.visible_titles()
    assert "Freigabe" not in titles and "Statistik" not in titles
    assert "Verwaltung" not in titles
    assert titles[:5] == ["Übersicht", "Empfang", "Person", "Besuch & Anliegen", "Schreiben"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.navigation.list, Qt.Key.Key_6, CTRL)
    qtbot.keyClick(window.navigation.list, Qt.Key.Key_7, CTRL)
    assert window.current_area().key == "overview"
    qtbot.keyClick(window.navigation.list, Qt.Key.Key_5, CTRL)
    assert window.current_area().key == "letters"
    assert not window.front_desk.person_page.audit_button.isVisible()


def test_arrow_keys_skip_the_areas_left_out(qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    window.go_to(window.area_row("letters"))
    window.navigation.list.setFocus()
    qtbot.keyClick(window.navigation.list, Qt.Key.Key_Down)
    assert window.current_area().key == "directory"


def test_a_supervisor_sees_approval_and_statistics(qtbot: QtBot, open_window: Opener) -> None:
    window = open_window("s.kaya", Role.SUPERVISOR)
    titles = window.navigation.visible_titles()
    assert "Freigabe" in titles and "Statistik" in titles
    assert "Verwaltung" not in titles
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.navigation.list, Qt.Key.Key_6, CTRL)
    assert window.current_area().key == "approval"
    assert window.status_bar.user.text() == "Benutzer: s.kaya (Teamleitung)"
