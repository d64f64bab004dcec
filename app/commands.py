"""The subcommands of ``lotse``: the parser and a handler for each, run headless through
the same services the app uses (``app.cli`` imports this only when a command is given)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from app.audit_commands import add_audit_commands, audit_verify
from app.cli import add_global_options, run_gui
from app.config import Settings, load_settings
from app.directory_commands import add_directory_commands, directory_export, directory_import
from app.doctor import add_doctor_command, doctor_command
from app.errors import LotseError
from app.i18n import _, set_language
from app.letter_commands import add_letter_commands, letter, referral_list
from app.machine_config_commands import add_machine_config_commands, machine_config
from app.person_commands import (
    RejectedInput,
    add_person_commands,
    person_add,
    person_find,
    person_update,
)
from app.referral_commands import REFERRAL_HANDLERS, add_export_commands
from app.route_commands import add_route_commands, route, rules_check
from app.selftest_commands import add_selftest_commands, selftest
from app.sync_commands import SYNC_HANDLERS, add_sync_commands
from app.user_commands import add_user_commands, user_add
from app.visit_commands import add_visit_commands, visit_add

Handler = Callable[[argparse.Namespace, Settings], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lotse",
        description=_("Lotse – Empfang und Überleitung für Integration Points. "
                      "Ohne Befehl startet die Anwendung."),
    )
    add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar=_("BEFEHL"))

    db = commands.add_parser("db", help=_("Datenbankschema prüfen und aktualisieren"))
    db_commands = db.add_subparsers(dest="db_command", metavar=_("AKTION"), required=True)
    db_commands.add_parser("upgrade", help=_("Schema auf den Stand dieses Programms bringen"))
    status = db_commands.add_parser("status", help=_("Schemastand anzeigen, ohne zu ändern"))
    status.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))

    demo = commands.add_parser("demo", help=_("Demo-Kreis und synthetische Personen laden"))
    demo.add_argument("--persons", type=int, default=200, metavar="N",
                      help=_("Anzahl synthetischer Personen (Standard: 200)"))
    add_person_commands(commands)
    add_visit_commands(commands)
    add_route_commands(commands)
    add_directory_commands(commands)
    add_letter_commands(commands)
    add_audit_commands(commands)
    add_user_commands(commands)
    add_export_commands(commands)
    add_sync_commands(commands)
    add_doctor_command(commands)
    add_selftest_commands(commands)
    add_machine_config_commands(commands)
    return parser


def _db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.database import open_database

    database = open_database(settings, upgrade_schema=True)
    print(_("Datenbank {url} ist auf Schemastand {revision}.").format(
        url=database.display_url, revision=database.status.revision))
    return 0


def _db_status(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.schema import inspect_schema

    status = inspect_schema(settings.database_url)
    if args.json:
        print(json.dumps({"url": status.url, "state": status.state.value,
                          "revision": status.revision, "head": status.head,
                          "written_by": status.written_by}))
    else:
        print(_("Datenbank: {url}\nZustand:   {state}\nStand:     {revision}\n"
                "Programm:  {head}").format(url=status.url, state=status.state.value,
                                            revision=status.revision or "–", head=status.head))
    return 0


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from app.demo.load import load_demo
    from app.services.database import open_database

    if args.persons < 0:
        raise LotseError(_("--persons: erwartet wird eine Zahl ab 0."))
    database = open_database(settings, upgrade_schema=True)
    report = load_demo(database, persons=args.persons, progress=sys.stderr.isatty())
    print(report.summary())
    return 0


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("db", "upgrade"): _db_upgrade,
    ("db", "status"): _db_status,
    ("demo", None): _demo,
    ("person", "add"): person_add,
    ("person", "update"): person_update,
    ("person", "find"): person_find,
    ("visit", "add"): visit_add,
    ("route", None): route,
    ("rules", "check"): rules_check,
    ("directory", "export"): directory_export,
    ("directory", "import"): directory_import,
    ("letter", None): letter,
    ("referral", "list"): referral_list,
    ("audit", "verify"): audit_verify,
    ("user", "add"): user_add,
    **REFERRAL_HANDLERS,
    **SYNC_HANDLERS,
    ("selftest", None): selftest,
    ("machine-config", None): machine_config,
}


def run_command(argv: Sequence[str]) -> int:
    """Parse the whole command line and run its command (without one: the desktop app)."""
    args = build_parser().parse_args(argv)
    if args.command == "doctor":  # reports a broken configuration instead of stopping at it
        return doctor_command(args)
    try:
        settings = load_settings(config_file=args.config, database_url=args.database)
        set_language(settings.language)
        if args.command is None:
            return run_gui(settings)
        handler = HANDLERS[(args.command, getattr(args, f"{args.command}_command", None))]
        return handler(args, settings)
    except RejectedInput as exc:
        print(exc.document(), file=sys.stderr)
        return exc.exit_code
    except LotseError as exc:
        print(f"lotse: {exc}", file=sys.stderr)
        return exc.exit_code
