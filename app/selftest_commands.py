"""``lotse selftest``: does this installation work? The smoke test of a frozen bundle, run by
CI before an installer is built and by IT on a freshly installed workstation.

It loads the demo district into a database of its own in a temporary folder (or into the
demo database ``--database`` names; a real database is refused by the demo loader), signs in
as the demo front-desk account, renders a referral letter to PDF, then opens the main window
offscreen and reads the letter back with Qt's PDF module (ui/selftest.py). Each step prints
one line; the first failure prints what failed and the exit code is 1.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import app
from app.config import Settings
from app.errors import LotseError
from app.i18n import _

if TYPE_CHECKING:  # imported when the command runs: `lotse` starts fast
    from app.security.accounts import SignedIn
    from app.services.database import Database

DEMO_PERSONS = 20  # enough households for referrals, quick to load
DEMO_FRONT_DESK = "empfang"
_PAGE = re.compile(rb"/Type\s*/Page\b")  # a page object; "/Pages" is the page tree

Step = tuple[str, Callable[[], str]]


class SelftestError(LotseError):
    """A check found the installation broken; the message says what was expected."""

    exit_code = 1


def add_selftest_commands(commands: Any) -> None:
    commands.add_parser(
        "selftest", help=_("Installation prüfen: Demo-Datenbank, Anmeldung, Brief als PDF, "
                           "Hauptfenster (unsichtbar); Exit-Code 0, wenn alles funktioniert"))


def selftest(args: argparse.Namespace, settings: Settings) -> int:
    with tempfile.TemporaryDirectory(prefix="lotse-selftest-",
                                     ignore_cleanup_errors=True) as folder, \
            _data_dir(Path(folder)):
        check = Selftest(_selftest_settings(args, settings, Path(folder)), Path(folder))
        try:
            return run_steps(check.steps())
        finally:
            check.close()


def _selftest_settings(args: argparse.Namespace, settings: Settings, work: Path) -> Settings:
    """A local demo site; without --database a database file in the temporary folder."""
    if args.database:
        return replace(settings, mode="local")
    url = f"sqlite:///{(work / 'selftest.sqlite3').as_posix()}"
    return replace(settings, database_url=url, mode="local")


@contextlib.contextmanager
def _data_dir(folder: Path) -> Iterator[None]:
    # Autosaved drafts live in the data dir: the selftest must neither read a user's drafts
    # (a restore question would wait for an answer) nor leave its own behind.
    before = os.environ.get("LOTSE_DATA_DIR")
    os.environ["LOTSE_DATA_DIR"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            del os.environ["LOTSE_DATA_DIR"]
        else:
            os.environ["LOTSE_DATA_DIR"] = before


def run_steps(steps: Sequence[Step]) -> int:
    """Run the steps in order, one line each; stop at the first failure (exit code 1)."""
    print(_("Selbsttest Lotse {version}").format(version=app.__version__), flush=True)
    for name, step in steps:
        try:
            detail = step()
        except Exception as exc:  # a selftest reports every failure, whatever it is
            print(f"  {_('FEHLER')}  {name}: {_describe(exc)}", flush=True)
            if not isinstance(exc, LotseError):  # unexpected: where it happened helps
                traceback.print_exc(file=sys.stderr)
            print(_("Selbsttest fehlgeschlagen."), flush=True)
            return 1
        print(f"  ok      {name}: {detail}", flush=True)
    print(_("Selbsttest bestanden."), flush=True)
    return 0


def _describe(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, LotseError) else f"{type(exc).__name__}: {exc}"


def count_pages(pdf: bytes) -> int:
    """Pages of a PDF; SelftestError if the bytes are no PDF."""
    if not pdf.startswith(b"%PDF-"):
        raise SelftestError(_("Der Brief ist kein PDF (erwartet: Beginn mit „%PDF-“)."))
    return len(_PAGE.findall(pdf))


class Selftest:
    """The steps, in order; each one builds on what the one before opened."""

    def __init__(self, settings: Settings, work: Path) -> None:
        self.settings, self.work = settings, work
        self.database: Database | None = None
        self.signed_in: SignedIn | None = None
        self.letter_file = work / "selftest-letter.pdf"

    def steps(self) -> list[Step]:
        return [(_("Datenbank"), self.open_demo_database),
                (_("Anmeldung"), self.sign_in),
                (_("Brief"), self.render_letter),
                (_("Hauptfenster"), self.open_main_window)]

    def open_demo_database(self) -> str:
        from app.demo.load import load_demo
        from app.services.database import open_database

        self.database = open_database(self.settings, upgrade_schema=True)
        report = load_demo(self.database, persons=DEMO_PERSONS, progress=False)
        return _("{url}, Schemastand {revision}, {persons} Demo-Personen").format(
            url=self.database.display_url, revision=self.database.status.revision,
            persons=report.persons_created + report.persons_existing)

    def sign_in(self) -> str:
        from app.db.engine import unit_of_work
        from app.demo.load import DEMO_PASSWORD
        from app.security.accounts import sign_in

        with unit_of_work(self._database().sessions) as session:
            self.signed_in = sign_in(session, DEMO_FRONT_DESK, DEMO_PASSWORD,
                                     workstation=self.settings.origin)
        return f"{self.signed_in.username} ({self.signed_in.role.label})"

    def render_letter(self) -> str:
        from app.services.letters import preview_letter, referral_rows

        with self._database().sessions() as session:
            actor = self._signed_in().actor
            rows = referral_rows(session, actor=actor, limit=1)
            if not rows:
                raise SelftestError(_("Die Demo-Datenbank hat keine Überleitung."))
            letter = preview_letter(session, rows[0].reference, actor=actor,
                                    settings=self.settings)
        pages = count_pages(letter.pdf)
        if pages < 1:
            raise SelftestError(_("Das PDF des Briefs hat keine Seite."))
        self.letter_file.write_bytes(letter.pdf)
        return _("Überleitung {reference} als PDF, {pages} Seiten").format(
            reference=letter.reference, pages=pages)

    def open_main_window(self) -> str:
        # The composition root resolves the GUI by name (as app/cli.py does): app/ never
        # imports Qt.
        gui = importlib.import_module("ui.selftest")
        detail: str = gui.check_main_window(self.settings, self._database(),
                                            self._signed_in(), self.letter_file)
        return detail

    def close(self) -> None:
        if self.database is not None:  # before the folder goes: Windows keeps open files
            self.database.close()

    def _database(self) -> Database:
        if self.database is None:
            raise SelftestError(_("Die Datenbank ist nicht geöffnet."))
        return self.database

    def _signed_in(self) -> SignedIn:
        if self.signed_in is None:
            raise SelftestError(_("Niemand ist angemeldet."))
        return self.signed_in
