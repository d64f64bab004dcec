"""``lotse directory export [FILE]`` and ``lotse directory import FILE``: the agency directory
as a ``lotse-directory/1`` file (docs/directory-format.md), through the same services as the
directory area of the app.

Export writes every office (retired ones marked) to FILE, or to stdout without FILE or with
``-``; anyone may export. Import is for administrators (exit 4 otherwise): offices are
matched by code, created or updated, never deleted, and the counts are printed. A file with
problems is refused as a whole – every problem on its own line on stderr, exit code 2 – and
nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.config import Settings
from app.i18n import _


def add_directory_commands(commands: Any) -> None:
    """Register ``directory export`` and ``directory import`` on the top-level subparsers."""
    directory = commands.add_parser("directory", help=_("Verzeichnis der Stellen exportieren "
                                                        "und importieren"))
    actions = directory.add_subparsers(dest="directory_command", metavar=_("AKTION"),
                                       required=True)
    export = actions.add_parser(
        "export", help=_("Das Verzeichnis als Datei im Format lotse-directory/1 schreiben"))
    export.add_argument("file", nargs="?", default="-", metavar=_("DATEI"),
                        help=_("Zieldatei; ohne Angabe oder „-“ die Standardausgabe"))
    export.add_argument("--format", choices=("lotse", "hsds"), default="lotse",
                        help=_("lotse (YAML, wieder importierbar, Standard) oder hsds "
                               "(Open Referral HSDS 3.0, JSON)"))
    imported = actions.add_parser(
        "import", help=_("Stellen aus einer Verzeichnisdatei übernehmen (nur "
                         "Fachadministration); nichts wird gelöscht"))
    imported.add_argument("file", type=Path, metavar=_("DATEI"),
                          help=_("Verzeichnisdatei im Format lotse-directory/1"))


def directory_export(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.engine import unit_of_work
    from app.services.database import open_database
    from app.services.directory_export import export_directory, write_whole
    from app.services.directory_hsds import export_hsds

    database = open_database(settings, upgrade_schema=True)
    try:
        with unit_of_work(database.sessions) as session:
            text = export_hsds(session) if args.format == "hsds" else export_directory(session)
    finally:
        database.close()
    if args.file == "-":
        sys.stdout.write(text)
    else:
        write_whole(Path(args.file), text)
    return 0


def directory_import(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.engine import unit_of_work
    from app.services.database import open_database
    from app.services.directory import DirectoryError
    from app.services.directory_edit import import_directory_file
    from app.user_commands import cli_actor

    database = open_database(settings, upgrade_schema=True)
    try:
        with unit_of_work(database.sessions) as session:
            actor = cli_actor(args, settings, session)
            report = import_directory_file(session, args.file, actor=actor, settings=settings)
    except DirectoryError as invalid:
        for line in invalid.lines:
            print(f"lotse: {line}", file=sys.stderr)
        return invalid.exit_code
    finally:
        database.close()
    print(report.summary())
    return 0
