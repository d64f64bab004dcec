"""Starting the app: the database is opened (and upgraded) before the first window; a
database that cannot be used is explained in a dialog; Qt speaks German; fonts are there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import ui.application as application
from app.config import Settings
from app.db.schema import SchemaState, inspect_schema
from app.errors import DatabaseError, LotseError
from app.services.database import open_database
from ui import crash
from ui.main_window import MainWindow
from ui.views.dialogs import CrashDialog, database_error_dialog


@pytest.fixture
def damaged_file(tmp_path: Path) -> Path:
    path = tmp_path / "lotse.sqlite3"
    path.write_bytes(b"\x00\xffgarbage, not a database\x13\x37" * 200)
    return path


@pytest.fixture
def quiet_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """run() without its process-wide side effects (log handlers, excepthook, Qt's message
    handler, German Qt texts), which would outlive the test."""
    monkeypatch.setattr(application, "configure_logging", lambda: tmp_path / "lotse.log")
    monkeypatch.setattr(application, "install_qt_translations", lambda app, language: None)
    monkeypatch.setattr(application, "route_qt_messages", lambda: None)
    monkeypatch.setattr(application, "install_excepthook", lambda log_file: None)
    monkeypatch.setattr(application, "register_fonts", lambda app: [])


def test_damaged_database_is_explained_with_message_and_hint(
        qtbot: QtBot, damaged_file: Path) -> None:
    with pytest.raises(DatabaseError) as raised:
        open_database(Settings(database_url=f"sqlite:///{damaged_file}"))
    box = database_error_dialog(raised.value)
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.text() == raised.value.message
    assert "keine SQLite-Datenbank" in box.text()
    assert str(damaged_file) in box.text()
    assert box.informativeText() == raised.value.hint
    assert "Sicherung" in box.informativeText()


def test_run_shows_the_database_error_and_exits_with_4(
        qtbot: QtBot, quiet_start: None, damaged_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = damaged_file.read_bytes()
    shown: list[QMessageBox] = []

    def dialog(error: LotseError) -> QMessageBox:
        box = database_error_dialog(error)
        qtbot.addWidget(box)
        box.exec = lambda: 0  # type: ignore[method-assign]  # no modal loop in a test
        shown.append(box)
        return box

    monkeypatch.setattr(application, "database_error_dialog", dialog)
    code = application.run(Settings(database_url=f"sqlite:///{damaged_file}"))
    assert code == 4
    [box] = shown
    assert "keine SQLite-Datenbank" in box.text()
    assert damaged_file.read_bytes() == before
    assert not [w for w in QApplication.topLevelWidgets()  # closed ones of other tests aside
                if isinstance(w, MainWindow) and w.isVisible()]
    assert QApplication.overrideCursor() is None


def test_start_upgrades_the_schema_before_the_window_opens(
        qtbot: QtBot, quiet_start: None, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    window = application.start(Settings(database_url=url, office="NE"), tmp_path / "lotse.log")
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        assert window.windowTitle() == "Lotse – NE"
        assert inspect_schema(url).state is SchemaState.CURRENT
    finally:
        window.close()
        window.database.close()


@pytest.fixture
def german_qt(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    translator = application.install_qt_translations(qapp, "de")
    yield
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_qt_speaks_german(german_qt: None) -> None:
    assert QKeySequence("Ctrl+8").toString(QKeySequence.SequenceFormat.NativeText) == "Strg+8"
    assert QLocale().toString(12345) == "12.345"


def test_bundled_fonts_are_registered_with_arabic_as_fallback(qapp: QApplication) -> None:
    font = qapp.font()
    try:
        families = application.register_fonts(qapp)
        assert {"DejaVu Sans", "Noto Naskh Arabic"} <= set(families)
        assert "Noto Naskh Arabic" in qapp.font().families()
    finally:
        qapp.setFont(font)


def test_crash_dialog_copies_its_details(qtbot: QtBot) -> None:
    dialog = CrashDialog("Traceback …\nValueError: kaputt", "/tmp/lotse.log")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback …\nValueError: kaputt"
    assert dialog.details.accessibleName() == "Details"


def test_unhandled_errors_are_logged_and_shown(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    shown: list[str] = []

    class RecordingCrashDialog(CrashDialog):
        def exec(self) -> int:
            shown.append(self.details.toPlainText())
            return 0

    monkeypatch.setattr(crash, "CrashDialog", RecordingCrashDialog)
    try:
        raise ValueError("kaputt")
    except ValueError as error:
        crash.show_unhandled(ValueError, error, error.__traceback__)
    assert "ValueError: kaputt" in shown[0]
    assert "Unbehandelter Fehler" in caplog.text
