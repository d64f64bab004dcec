"""The GUI part of ``lotse selftest`` (app/selftest_commands.py): Qt starts offscreen with the
bundled fonts and Qt's German texts, the main window opens on the demo database signed in
without a dialog and settles, and Qt's PDF module reads and renders the letter the domain
rendered. In a frozen bundle this proves that the Qt plugins, fonts and translations were
packed, not only the Python code."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QSize, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from app.config import Settings
from app.i18n import _, current_language
from app.security.accounts import SignedIn
from app.selftest_commands import SelftestError
from app.services.database import Database
from ui.application import create_application, install_qt_translations, register_fonts
from ui.compat import keep_singletons_alive
from ui.main_window import MainWindow

REQUIRED_FONTS = ("DejaVu Sans", "Noto Naskh Arabic")
SETTLE_MS = 30_000  # the first queries of a cold start on a slow build machine


def check_main_window(settings: Settings, database: Database, signed_in: SignedIn,
                      letter_file: Path) -> str:
    """What was checked, one line; SelftestError names the first thing that is broken."""
    keep_singletons_alive()  # first of all – see ui/compat.py
    # No window may appear on a workstation, and a build machine may have no screen at all.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = create_application()
    fonts = _check_fonts_and_texts(application)
    title = _check_window(settings, database, signed_in)
    pages = _check_letter(letter_file)
    return _("Fenster „{title}“, Schriften {fonts}, Brief mit QtPdf gelesen ({pages} Seiten)"
             ).format(title=title, fonts=", ".join(fonts), pages=pages)


def _check_fonts_and_texts(application: QApplication) -> list[str]:
    families = register_fonts(application)
    missing = [family for family in REQUIRED_FONTS if family not in families]
    if missing:
        raise SelftestError(_("Schriften fehlen: {fonts} (erwartet in resources/fonts)").format(
            fonts=", ".join(missing)))
    language = current_language()
    if language != "en" and install_qt_translations(application, language) is None:
        raise SelftestError(_("Qts Übersetzung „qtbase_{language}“ fehlt.").format(
            language=language))
    return sorted(families)


def _check_window(settings: Settings, database: Database, signed_in: SignedIn) -> str:
    window = MainWindow(settings, database, signed_in)
    try:
        window.show()
        _wait_until_idle(window)
        if window.grab().isNull():
            raise SelftestError(_("Das Hauptfenster lässt sich nicht zeichnen."))
        name = signed_in.display_name or signed_in.username
        if name not in window.status_bar.user.text():
            raise SelftestError(_("Die Statusleiste nennt nicht den angemeldeten Benutzer "
                                  "„{user}“.").format(user=name))
        return window.windowTitle()
    finally:
        window.close()  # stops the worker before the database closes
        window.deleteLater()


def _wait_until_idle(window: MainWindow) -> None:
    """Until the window's first queries have called back; an event loop, not sleeping."""
    loop, deadline, poll = QEventLoop(), QDeadlineTimer(SETTLE_MS), QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if not window.worker.busy or deadline.hasExpired()
                         else None)
    poll.start()
    loop.exec()
    poll.stop()
    if window.worker.busy:
        raise SelftestError(_("Das Hauptfenster hat nach {seconds} s noch nicht geladen."
                              ).format(seconds=SETTLE_MS // 1000))


def _check_letter(letter_file: Path) -> int:
    document = QPdfDocument()
    try:
        if document.load(str(letter_file)) != QPdfDocument.Error.None_:
            raise SelftestError(_("QtPdf kann den Brief {path} nicht lesen.").format(
                path=letter_file))
        if document.render(0, QSize(210, 297)).isNull():
            raise SelftestError(_("QtPdf kann die erste Seite des Briefs nicht zeichnen."))
        pages: int = document.pageCount()
        return pages
    finally:
        document.close()
