"""Screenshots of the first-start wizard for the documentation:

    python -m ui.views.setup_screenshots docs/screenshots

writes ``setup-mode.png``, ``setup-server.png`` (shared mode, a refused login explained),
``setup-branch.png`` (the hub and the replica file), ``setup-site.png`` (office,
workstation, printer, with the ``branch init`` hint) and ``setup-password.png`` (the
question at start where no password is stored). Nothing is written or connected.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from ui.application import create_application, install_qt_translations, register_fonts
from ui.compat import keep_singletons_alive


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def take_all(folder: Path) -> None:
    from ui.controllers.setup_controller import SetupController
    from ui.controllers.setup_text import password_note
    from ui.views.setup_password import PasswordDialog
    from ui.views.setup_wizard import SetupWizard

    wizard = SetupWizard()
    controller = SetupController(wizard)
    wizard.show()
    save(wizard, folder / "setup-mode.png")
    wizard.mode_page.choices["shared"].setChecked(True)
    wizard.next()
    page = wizard.server_page
    page.host.setText("dbserver.kreis.local")
    page.user.setText("lotse_counter")
    page.password.setText("falsch")
    page.show_result(False, "Keine Verbindung zur Datenbank postgresql://lotse_counter@"
                            "dbserver.kreis.local:5432/lotse: Anmeldung am Datenbankserver "
                            "abgelehnt (Benutzer oder Passwort falsch).")
    save(wizard, folder / "setup-server.png")
    wizard.back()
    wizard.mode_page.choices["branch"].setChecked(True)
    wizard.next()
    page.replica_file.setText("C:/ProgramData/Lotse/zweigstelle.sqlite3")
    page.show_result(True, "Verbindung hergestellt. Die Datenbank ist auf dem Stand dieses "
                           "Programms.")
    save(wizard, folder / "setup-branch.png")
    wizard.next()
    wizard.site_page.set_offices(("GV", "NE"))
    wizard.site_page.workstation.setValue(7)
    save(wizard, folder / "setup-site.png")
    controller.worker.shutdown()
    dialog = PasswordDialog("lotse_counter@dbserver.kreis.local", password_note(False))
    dialog.show()
    save(dialog, folder / "setup-password.png")


def main(argv: Sequence[str] | None = None) -> int:
    keep_singletons_alive()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = create_application()
    register_fonts(application)
    install_qt_translations(application, "de")
    take_all(args.folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
