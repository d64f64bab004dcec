"""The start path stays light, and the start-up probe that ``python -m bench startup`` reads
works on a real start of the app."""

from __future__ import annotations

import getpass
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import User
from app.demo.load import load_demo
from app.services.database import open_database
from bench.startup import MARKER, READY_MARKER, app_environment

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", [
    # Needed only for a migration, a PostgreSQL connection, a letter or an export.
    "alembic", "psycopg", "reportlab", "openpyxl",
    # Needed for a password, a command, or an area after the first paint.
    "argon2", "app.commands", "ui.controllers.front_desk", "ui.controllers.letters_controller",
    "ui.controllers.directory_controller", "ui.views.approval_page",
    "ui.views.statistics_page", "ui.controllers.sync_controller", "QtPrintSupport"])
def test_starting_the_app_does_not_import(module: str) -> None:
    code = ("import sys, app.cli, ui.application, ui.main_window; "
            f"print(any(name.endswith({module!r}) for name in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=True)
    assert done.stdout.strip() == "False"


def test_the_start_up_probe_reports_the_interactive_main_window(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'start.sqlite3').as_posix()}"
    database = open_database(Settings(database_url=url))
    load_demo(database, persons=5, progress=False)
    with unit_of_work(database.sessions) as session:  # signs in as Windows does, no dialog
        session.execute(update(User).where(User.username == "empfang")
                        .values(windows_account=getpass.getuser()))
    database.close()
    environment = app_environment(tmp_path)
    environment.pop("PYTHONPYCACHEPREFIX")  # no need to compile everything again here
    done = subprocess.run([sys.executable, "-m", "app", "--database", url],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=environment, check=False)
    assert done.returncode == 0, done.stderr
    # The window first, the front desk built after it.
    assert [line.split()[0] for line in done.stdout.splitlines()] == [MARKER, READY_MARKER]
