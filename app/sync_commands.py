"""``lotse branch init``, ``lotse sync``, ``lotse conflicts list`` and ``lotse conflicts
resolve`` (issue 7).

``branch init`` and ``sync`` move data between databases of the same organisation; they
need the database credentials, not a Lotse account, so a scheduled task can run them.
``conflicts list`` and ``resolve`` show and write the values both sides wrote, personal
data, so they sign in (``--user``) and are a supervisor's action.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.config import Settings
from app.i18n import _


def add_sync_commands(commands: Any) -> None:
    branch = commands.add_parser("branch", help=_("Zweigstellen-Kopie einrichten"))
    actions = branch.add_subparsers(dest="branch_command", metavar=_("AKTION"), required=True)
    init = actions.add_parser(
        "init", help=_("Eine leere SQLite-Datei (--database) als Zweigstellen-Kopie der "
                       "Zentrale füllen und den Arbeitsplatz dort anmelden"))
    init.add_argument("--hub", required=True, metavar="POSTGRES_URL",
                      help=_("Adresse der zentralen PostgreSQL-Datenbank"))
    init.add_argument("--office", required=True, metavar=_("KÜRZEL"),
                      help=_("Dienststelle der Zweigstelle, z. B. NE"))
    init.add_argument("--workstation", required=True, metavar=_("NR"),
                      help=_("Arbeitsplatznummer, in der Dienststelle einmalig (1–999)"))
    init.add_argument("--serve", default="", metavar=_("KÜRZEL,…"),
                      help=_("Dienststellen, deren Personen die Kopie enthält (Standard: "
                             "die eigene)"))
    sync = commands.add_parser("sync", help=_("Eine Synchronisationsrunde mit der Zentrale"))
    sync.add_argument("--json", action="store_true", help=_("Ergebnis als JSON"))
    conflicts = commands.add_parser("conflicts", help=_("Synchronisationskonflikte"))
    listing = conflicts.add_subparsers(dest="conflicts_command", metavar=_("AKTION"),
                                       required=True)
    show = listing.add_parser("list", help=_("Ungeklärte Konflikte auflisten"))
    show.add_argument("--json", action="store_true", help=_("als JSON"))
    _add_resolve(listing)


def _add_resolve(listing: Any) -> None:
    resolve = listing.add_parser("resolve", help=_("Einen Konflikt klären"))
    resolve.add_argument("conflict_id", metavar="ID", help=_("Kennung des Konflikts "
                                                              "(aus conflicts list --json)"))
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", action="store_true",
                        help=_("den bei der Synchronisation behaltenen Wert lassen"))
    choice.add_argument("--other", action="store_true", help=_("den anderen Wert übernehmen"))
    choice.add_argument("--combine", metavar=_("TEXT"),
                        help=_("diesen aus beiden Werten zusammengeführten Text schreiben"))


def branch_init(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.database import open_database
    from app.sync.branch import init_branch

    workstation = _workstation(args.workstation)
    served = tuple(code.strip().upper() for code in args.serve.split(",") if code.strip())
    replica = open_database(settings, upgrade_schema=True)
    hub = open_database(Settings(database_url=args.hub), upgrade_schema=False)
    try:
        copy = init_branch(replica.engine, hub.engine, args.hub, office=args.office.upper(),
                           workstation=workstation, served=served)
    finally:
        replica.close()
        hub.close()
    rows = sum(copy.rows.values())
    print(_("Zweigstellen-Kopie angelegt: {rows} Datensätze. In lotse.toml dieses Arbeitsplatzes: "
            "mode = \"branch\", office = \"{office}\", workstation = {number}.").format(
        rows=rows, office=copy.office, number=copy.workstation))
    return 0


def sync_once(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.database import open_database
    from app.sync.conflict_exchange import synchronise
    from app.sync.replica import hub_url

    replica = open_database(settings, upgrade_schema=False)
    try:
        hub = open_database(Settings(database_url=hub_url(replica.engine)),
                            upgrade_schema=False)
        try:
            report = synchronise(replica.engine, hub.engine)
        finally:
            hub.close()
    finally:
        replica.close()
    print(json.dumps(report.document(), ensure_ascii=False) if args.json
          else report.summary())
    return 0


def conflicts_list(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.database import open_database
    from app.sync.conflicts import open_conflicts
    from app.user_commands import cli_actor

    database = open_database(settings, upgrade_schema=False)
    try:
        with database.sessions() as session:
            rows = open_conflicts(session, actor=cli_actor(args, settings, session))
    finally:
        database.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['detected_at'][:16]}  {row['table']} {row['row_id']}  {row['field']}: "
                  f"{row['hub_value']!r} / {row['replica_value']!r} → {row['kept_value']!r}")
        if not rows:
            print(_("Keine ungeklärten Konflikte."), file=sys.stdout)
    return 0


def conflicts_resolve(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.engine import unit_of_work
    from app.services.database import open_database
    from app.sync.conflicts import Resolution, resolve_conflict
    from app.user_commands import cli_actor

    conflict_id = _conflict_id(args.conflict_id)
    choice = (Resolution.KEEP if args.keep else Resolution.OTHER if args.other
              else Resolution.COMBINE)
    database = open_database(settings, upgrade_schema=False)
    try:
        with unit_of_work(database.sessions) as session:
            actor = cli_actor(args, settings, session)
            view = resolve_conflict(session, conflict_id, choice, args.combine, actor=actor)
    finally:
        database.close()
    print(_("Geklärt: {record}, {field}.").format(record=view.record, field=view.field))
    return 0


def _conflict_id(text: str) -> Any:
    import uuid

    from app.errors import ValidationError

    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ValidationError("ID", _("erwartet wird die Kennung eines Konflikts, wie "
                                      "conflicts list --json sie nennt")) from None


def _workstation(text: str) -> int:
    from app.errors import ValidationError

    number = text.rsplit("-", 1)[-1]
    if not number.isdigit() or not 1 <= int(number) <= 999:
        raise ValidationError(_("Arbeitsplatz"), _("erwartet wird eine Nummer von 1 bis 999, "
                                                  "z. B. 7 oder NE-7"))
    return int(number)


SYNC_HANDLERS = {
    ("branch", "init"): branch_init,
    ("sync", None): sync_once,
    ("conflicts", "list"): conflicts_list,
    ("conflicts", "resolve"): conflicts_resolve,
}
