"""Starting the desktop app: Qt, translations, fonts, the database, signing in, then the main
window."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

import app
from app.config import APP_NAME, Settings, load_settings
from app.errors import DatabaseError
from app.i18n import current_language
from app.resources import resource_path
from app.services.database import Database, open_database
from app.setup.choices import needs_first_start
from ui.compat import keep_singletons_alive
from ui.controllers.setup_password import open_with_password
from ui.controllers.sign_in import sign_in_at_start
from ui.crash import install_excepthook
from ui.garbage import collect_on_gui_thread
from ui.logs import configure_logging, route_qt_messages
from ui.main_window import MainWindow
from ui.views.dialogs import database_error_dialog

log = logging.getLogger(__name__)

ARABIC_FONT = "Noto Naskh Arabic"


def create_application() -> QApplication:
    """The QApplication (the existing one in tests), named for QSettings and the log, with
    cyclic garbage collected on its thread only (see ui/garbage.py)."""
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    collect_on_gui_thread(application)
    application.setApplicationName(APP_NAME)
    application.setOrganizationName(APP_NAME)
    application.setApplicationVersion(app.__version__)
    application.setWindowIcon(QIcon(str(resource_path("icons") / "lotse.png")))
    return application


def install_qt_translations(application: QApplication, language: str) -> QTranslator | None:
    """Qt's own texts (dialog buttons, "Strg" in shortcuts) in the UI language; German
    number and date formats."""
    QLocale.setDefault(QLocale(language))
    translator = QTranslator(application)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        if language != "en":  # Qt's source language needs no catalog
            log.warning("Qt translations for %s not found in %s", language, folder)
        return None
    application.installTranslator(translator)
    return translator


def register_fonts(application: QApplication) -> list[str]:
    """Make the bundled fonts available, with Noto Naskh Arabic as fallback for Arabic
    script, so that names in Arabic, Persian or Pashto render on every workstation."""
    families: list[str] = []
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font %s could not be registered", path)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id)
                     if f not in families]
    font = QFont(application.font())
    if ARABIC_FONT in families and ARABIC_FONT not in font.families():
        font.setFamilies([*(font.families() or [font.family()]), ARABIC_FONT])
        application.setFont(font)
    return families


def open_and_upgrade(settings: Settings) -> Database:
    return open_database(settings, upgrade_schema=True)


def open_configured_database(settings: Settings) -> Database | None:
    """Open and upgrade the database before the first window; None after telling the user
    why it cannot be used."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return open_with_password(settings, open_and_upgrade)
    except DatabaseError as error:
        log.error("database unusable: %s", error)
        QApplication.restoreOverrideCursor()
        database_error_dialog(error).exec()
        return None
    finally:
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


def configured_settings(settings: Settings) -> Settings:
    """The settings to start with. Where nothing configures this workstation yet (no
    machine-wide or user file), the setup wizard asks first and the user config it wrote is
    read; Cancel quits (SystemExit 0) and writes nothing."""
    if not needs_first_start(settings):
        return settings
    # Imported here: only a first start needs the wizard, every other start is faster.
    from ui.controllers.setup_controller import run_first_start

    written = run_first_start()
    if written is None:
        raise SystemExit(0)
    return load_settings(config_file=written)


def start(settings: Settings, log_file: Path) -> MainWindow | None:
    """Everything up to the event loop: Qt, its German texts, the fonts, the database
    (upgraded before the first window), signing in and the shown main window; None if the
    database cannot be used (the user has been told why). On a workstation without any
    configuration the setup wizard comes first. Cancelling it or closing the sign-in dialog
    quits (SystemExit 0)."""
    application = create_application()
    install_excepthook(str(log_file))  # from here on nothing fails without a word
    install_qt_translations(application, current_language())
    register_fonts(application)
    settings = configured_settings(settings)
    if settings.printer:  # Qt's printing module only when there is something to set
        from ui.printing import use_default_printer

        use_default_printer(settings.printer)
    database = open_configured_database(settings)
    if database is None:
        return None
    route_qt_messages()
    start_as = sign_in_at_start(settings, database)
    if start_as is None:  # Esc in the sign-in dialog: quit
        database.close()
        raise SystemExit(0)
    window = MainWindow(settings, database, start_as.signed_in)
    window.show()
    return window


def run(settings: Settings) -> int:
    """Run the desktop app until its window closes; the exit code for the shell."""
    keep_singletons_alive()  # first of all – see ui/compat.py
    window = start(settings, configure_logging())
    if window is None:
        return DatabaseError.exit_code
    # What the start built lives as long as the app: later collections need not scan it.
    gc.freeze()
    try:
        return QApplication.exec()
    finally:
        window.worker.shutdown()
        window.database.close()
