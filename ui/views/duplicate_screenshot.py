"""The screenshots of the duplicates tab and its merge dialog for the documentation:

    python -m ui.views.duplicate_screenshot docs/screenshots/duplicates.png

The demo district (3,000 persons) is loaded into a temporary SQLite file; among its
synthetic persons some are on file twice in other spellings, as after two branch offices
registered them. A supervisor opens "Dubletten"; the second image (``…-merge.png``) is the
comparison of the first pair. Nothing is merged.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.codes import Role
from app.config import Settings
from app.demo.load import load_demo
from app.security.permissions import Actor
from app.services.database import open_database
from ui.application import create_application, register_fonts
from ui.compat import keep_singletons_alive
from ui.views.approval_page import ApprovalArea
from ui.worker import DatabaseWorker

PERSONS = 3000
SUPERVISOR = Actor(None, "leitung", Role.SUPERVISOR, "NE-1")


def _settle(until: Callable[[], bool], seconds: float = 30.0) -> None:
    """Let Qt work until ``until`` holds (the worker's callbacks arrive as events)."""
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def _grab(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.views.duplicate_screenshot")
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_singletons_alive()
    application = create_application()
    register_fonts(application)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder, 'demo.sqlite3').as_posix()}"
        database = open_database(Settings(database_url=url))
        load_demo(database, persons=PERSONS, progress=False)
        worker = DatabaseWorker(database.sessions)
        area = ApprovalArea(worker, Settings(database_url=url), lambda: SUPERVISOR)
        area.resize(1280, 800)
        area.show()
        area.tabs.setCurrentWidget(area.duplicates)
        _settle(lambda: area.duplicates.model.rowCount() > 0 and not worker.busy)
        area.duplicates.table.setFocus()
        _grab(area, args.output)
        area.duplicates.merge_requested.emit()
        dialog = area.duplicate_controller.dialog
        assert dialog is not None
        dialog.resize(860, 640)
        _settle(lambda: dialog.merge_button.isEnabled() and not worker.busy)
        _grab(dialog, args.output.with_name(f"{args.output.stem}-merge.png"))
        dialog.reject()
        worker.shutdown()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
