"""Screenshots of the main window for the documentation, rendered offscreen.

    python -m ui.screenshots docs/screenshots --database sqlite:///demo.sqlite3

writes ``main-window.png`` (the start page) and ``directory.png`` (the agency directory),
each 1280 × 800. The database is upgraded if needed, otherwise only read.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.config import load_settings
from app.i18n import set_language
from app.services.database import open_database
from ui.application import create_application, install_qt_translations, register_fonts
from ui.compat import keep_singletons_alive
from ui.main_window import DEFAULT_SIZE, MainWindow

TIMEOUT_MS = 30_000


def settle(window: MainWindow) -> None:
    """Wait until the worker has delivered everything the window asked for."""
    for _round in range(20):  # loaded rows can make the view ask for the next batch
        QApplication.processEvents()
        if not window.worker.busy:
            return
        loop = QEventLoop()
        window.worker.idle.connect(loop.quit)
        QTimer.singleShot(TIMEOUT_MS, loop.quit)
        loop.exec()
        window.worker.idle.disconnect(loop.quit)


def take(window: MainWindow, area: str, path: Path) -> None:
    window.go_to(window.area_row(area))
    settle(window)
    if not window.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--database", required=True, metavar="URL")
    parser.add_argument("--user", default="a.becker", help="user name in the status bar")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_singletons_alive()
    settings = replace(load_settings(database_url=args.database), user=args.user)
    set_language(settings.language)
    application = create_application()
    install_qt_translations(application, settings.language)
    register_fonts(application)
    database = open_database(settings, upgrade_schema=True)
    window = MainWindow(settings, database)
    window.resize(*DEFAULT_SIZE)
    window.show()
    args.outdir.mkdir(parents=True, exist_ok=True)
    try:
        take(window, "overview", args.outdir / "main-window.png")
        take(window, "directory", args.outdir / "directory.png")
    finally:
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
