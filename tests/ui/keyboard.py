"""Driving the window with the keyboard only, as the front desk does.

Every key goes to the widget that has the focus, so a test fails if the focus is not where
a user would expect it. Text is sent character by character as key events with their text:
``qtbot.keyClicks`` cannot send non-ASCII text in PySide6 6.12 (ü, ß, Arabic).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

MAX_TABS = 150


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                              character)
            QApplication.sendEvent(focused(), event)


def has_focus(widget: QWidget) -> bool:
    current = QApplication.focusWidget()
    return current is not None and (current is widget or widget.isAncestorOf(current))


def tab_to(qtbot: QtBot, widget: QWidget) -> None:
    """Press Tab until ``widget`` has the focus, as a user moving through a form."""
    for _step in range(MAX_TABS):
        if has_focus(widget):
            return
        press(qtbot, Qt.Key.Key_Tab)
    current = QApplication.focusWidget()
    raise AssertionError(
        f"Tab never reaches {widget.accessibleName()!r} (visible: {widget.isVisible()}, "
        f"enabled: {widget.isEnabled()}); the focus is on "
        f"{type(current).__name__} {current.accessibleName() if current else ''!r}")


def named(qtbot: QtBot, parent: QWidget, name: str) -> QWidget:
    """The visible input a screen reader announces as ``name``; waits for it a moment, since
    a button pressed by its Alt shortcut clicks after a short animation."""
    def found() -> list[QWidget]:
        return [widget for widget in parent.findChildren(QWidget)
                if widget.accessibleName() == name and widget.isVisibleTo(parent)
                and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                and not isinstance(widget.parent(), QComboBox)]  # an editable combo's line

    qtbot.waitUntil(lambda: len(found()) == 1, timeout=3_000)
    return found()[0]


def fill(qtbot: QtBot, parent: QWidget, name: str, text: str) -> None:
    """Tab to the input named ``name`` and type ``text`` into it."""
    tab_to(qtbot, named(qtbot, parent, name))
    type_text(text)
