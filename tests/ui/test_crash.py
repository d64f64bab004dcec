"""An unexpected error: the German dialog with the log's path and "Details kopieren", the
details IT needs on the clipboard, and the app still running afterwards."""

from __future__ import annotations

import faulthandler
import platform
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QThread, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import app
from app.errors import LotseError
from tests.ui.screenshots import screenshot
from ui import crash
from ui.application import install_qt_translations
from ui.views.dialogs import CrashDialog


class Shown:
    """What the dialogs showed, and on which thread, instead of blocking the test."""

    def __init__(self) -> None:
        self.details: list[str] = []
        self.on_gui_thread: list[bool] = []
        self.problems: list[str] = []


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Shown]:
    record = Shown()

    class RecordingCrashDialog(CrashDialog):
        def exec(self) -> int:
            record.details.append(self.details.toPlainText())
            record.on_gui_thread.append(QThread.currentThread() is QApplication.instance().thread())
            return 0

    class RecordingProblem:
        def __init__(self, error: LotseError) -> None:
            self.error = error

        def exec(self) -> int:
            record.problems.append(self.error.message)
            return 0

    monkeypatch.setattr(crash, "CrashDialog", RecordingCrashDialog)
    monkeypatch.setattr(crash, "problem_dialog", RecordingProblem)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install_excepthook(str(tmp_path / "lotse.log"))
    yield record
    faulthandler.enable(sys.__stderr__)  # as pytest had it


def boom() -> None:
    raise ValueError("Kaputt beim Sortieren")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_details_and_the_app_goes_on(
        qtbot: QtBot, shown: Shown, tmp_path: Path) -> None:
    carried_on: list[bool] = []
    QTimer.singleShot(0, boom)
    QTimer.singleShot(10, lambda: carried_on.append(True))
    qtbot.waitUntil(lambda: bool(carried_on) and bool(shown.details))
    details = shown.details[0]
    assert details.startswith(f"Lotse {app.__version__} – unerwarteter Fehler")
    assert "Fehler: ValueError: Kaputt beim Sortieren" in details
    assert f"System: {platform.platform()}" in details
    assert f"Protokolldatei: {tmp_path / 'lotse.log'}" in details
    assert "Traceback (most recent call last)" in details and "in boom" in details
    assert (tmp_path / crash.FAULTS_NAME).is_file()  # a hard crash would leave its stack there


@pytest.mark.qt_no_exception_capture
def test_an_error_on_another_thread_is_shown_on_the_gui_thread(
        qtbot: QtBot, shown: Shown) -> None:
    worker = threading.Thread(target=boom)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown.details))
    assert shown.on_gui_thread == [True]
    assert "Fehler: ValueError: Kaputt beim Sortieren" in shown.details[0]


@pytest.mark.qt_no_exception_capture
def test_an_error_with_a_message_for_people_shows_that_message(
        qtbot: QtBot, shown: Shown) -> None:
    def refuse() -> None:
        raise LotseError("Die Vorlage fehlt.", hint="Lotse neu installieren.")
    QTimer.singleShot(0, refuse)
    qtbot.waitUntil(lambda: bool(shown.problems))
    assert shown.problems == ["Die Vorlage fehlt."] and shown.details == []


@pytest.fixture
def german_qt(qapp: QApplication) -> Iterator[None]:
    """Qt's own button texts in German, as the app has them (for the screenshot)."""
    locale = QLocale()
    translator = install_qt_translations(qapp, "de")
    yield
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_details_kopieren_copies_version_platform_log_and_traceback(
        qtbot: QtBot, german_qt: None) -> None:
    try:
        boom()
    except ValueError as error:
        details = crash.crash_details(ValueError, error, error.__traceback__,
                                      r"C:\Users\empfang\AppData\Local\Lotse\Logs\lotse.log")
    dialog = CrashDialog(details, r"C:\Users\empfang\AppData\Local\Lotse\Logs\lotse.log")
    qtbot.addWidget(dialog)
    dialog.setMinimumSize(640, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.copy_button.text() == "Details &kopieren"
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == details
    for part in (f"Lotse {app.__version__}", "Python", "System:", "Protokolldatei: C:\\Users",
                 "ValueError: Kaputt beim Sortieren", "Traceback"):
        assert part in copied
    screenshot(dialog, "crash.png")
