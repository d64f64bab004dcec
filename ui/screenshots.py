"""Screenshots of the main window for the documentation, rendered offscreen.

    python -m ui.screenshots docs/screenshots --database sqlite:///demo.sqlite3

writes ``main-window.png`` (the start page), ``reception.png`` (a search as typed at the
counter), ``person.png`` (the best match opened), ``visit.png`` (a visit with two concerns),
``letters.png`` (a referral in Arabic with its letter previewed) and ``directory.png`` (the
agency directory), each 1280 × 800. The database is upgraded if
needed, otherwise only read: nothing is saved.
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
from app.services.letters import ReferralRow, referral_rows
from ui.application import create_application, install_qt_translations, register_fonts
from ui.compat import keep_singletons_alive
from ui.main_window import DEFAULT_SIZE, MainWindow

TIMEOUT_MS = 30_000
PDF_PAINT_MS = 1_500  # QPdfView renders its pages on a thread of its own


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


SEARCH = "muhamad alhasan"


def take(window: MainWindow, area: str, path: Path) -> None:
    window.go_to(window.area_row(area))
    settle(window)
    save(window, path)


def save(window: MainWindow, path: Path) -> None:
    if not window.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def front_desk_shots(window: MainWindow, outdir: Path) -> None:
    """Search, open the best match, start a visit – as at the counter."""
    desk = window.front_desk
    desk.search()
    desk.reception.search(SEARCH)
    settle(window)
    desk.search_page.select_first()
    save(window, outdir / "reception.png")
    if desk.reception.model.rowCount() == 0:
        raise SystemExit(f"no match for {SEARCH!r}: take the screenshots on the demo database")
    desk.open_person(desk.reception.model.person_id(0))
    settle(window)
    save(window, outdir / "person.png")
    desk.record_visit()
    settle(window)
    desk.visit_page.form.set_raw({"concerns": ["integration_course", "housing"],
                                  "note": "Sucht eine größere Wohnung; Kurs ab Januar möglich.",
                                  "interpreter_used": True, "interpreter_language": "ar"})
    save(window, outdir / "visit.png")


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def letters_shot(window: MainWindow, outdir: Path) -> None:
    """The letters of a person writing in Arabic, her referral previewed."""
    found: list[ReferralRow] = []
    actor = window.actor
    window.worker.run(lambda session: referral_rows(session, actor=actor, limit=500),
                      found.extend)
    settle(window)
    arabic = next((row for row in found if row.language == "ar"), None)
    if arabic is None:
        raise SystemExit("no referral in Arabic: take the screenshots on the demo database")
    letters = window.front_desk.letters
    letters.show_person(arabic.person_id, arabic.person_name)
    window.go_to(window.area_row("letters"))
    settle(window)
    letters.select_reference(arabic.reference)
    settle(window)
    wait(PDF_PAINT_MS)
    save(window, outdir / "letters.png")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--database", required=True, metavar="URL")
    parser.add_argument("--user", default="empfang", help="user name in the status bar")
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
        front_desk_shots(window, args.outdir)
        letters_shot(window, args.outdir)
        take(window, "directory", args.outdir / "directory.png")
    finally:
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
