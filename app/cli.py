"""The ``lotse`` command: with no arguments it opens the desktop app, otherwise it runs a
subcommand headless through the same services the app uses.

Opening the app is the common case and should be fast: the commands' modules (and what they
import) are loaded only when the command line names a command or asks for help.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

import app
from app.config import Settings, load_settings
from app.errors import LotseError
from app.i18n import _, set_language


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """The options before any command; ``lotse`` with only these opens the app."""
    parser.add_argument("--version", action="version", version=f"Lotse {app.__version__}")
    parser.add_argument("--database", metavar="URL",
                        help=_("Datenbankadresse (sqlite:///DATEI oder postgresql://…)"))
    parser.add_argument("--config", metavar="DATEI", type=Path,
                        help=_("Benutzerkonfiguration statt der Standarddatei"))
    parser.add_argument("--user", metavar=_("NAME"), default=None,
                        help=_("als dieser Lotse-Benutzer handeln; Passwort aus "
                               "LOTSE_PASSWORD oder Eingabe"))


# What the window needs at start from the domain, imported before Qt: once PySide6 is loaded,
# its import hook (shiboken's feature support) runs for every import statement, which makes
# importing SQLAlchemy and the models after it about a tenth of a second slower.
GUI_START_MODULES = ("app.services.database", "app.security.accounts", "app.services.overview",
                     "app.setup.choices", "app.credentials", "app.drafts",
                     "sqlalchemy.dialects.sqlite")


def run_gui(settings: Settings) -> int:
    # No cycle collection while the start allocates its hundreds of thousands of objects
    # (SQLAlchemy's and the models' above all); from QApplication on, the app collects on
    # the GUI thread (ui/garbage.py), and what the start built is frozen (ui/application.py).
    gc.disable()
    for name in GUI_START_MODULES:
        importlib.import_module(name)
    # The one place the domain reaches the user interface: the composition root resolves the
    # GUI entry by name, so that nothing in app/ depends on ui/ (or Qt) at import time.
    gui = importlib.import_module("ui.application")
    result: int = gui.run(settings)
    return result


def _app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when the command line opens the app; None when it names a command,
    asks for help or is wrong (the full parser then answers)."""
    if any(argument in ("-h", "--help") for argument in argv):
        return None
    parser = argparse.ArgumentParser(prog="lotse", add_help=False, exit_on_error=False)
    add_global_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _app_arguments(arguments)
    if args is None:
        from app.commands import run_command

        return run_command(arguments)
    try:
        settings = load_settings(config_file=args.config, database_url=args.database)
        set_language(settings.language)
        return run_gui(settings)
    except LotseError as exc:
        print(f"lotse: {exc}", file=sys.stderr)
        return exc.exit_code
