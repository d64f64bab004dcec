"""``lotse visit add PERSON``: one visit from a JSON object, through the same validation and
service as the visit form.

The object has the keys of app.services.visit_input (``concerns``, ``note``,
``interpreter_used``, ``interpreter_language``, ``visited_at``); it is read from
``--json-file FILE``, a file named after the person, or stdin (``-``, the default). Success
prints ``{"id": "…"}``. Input that does not fit is reported on stderr as
``{"errors": [{"field": "concerns", "message": "Anliegen: …"}]}`` with exit code 2, and
nothing is written; an unknown person gives exit code 3.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from app.codes import Concern
from app.config import Settings
from app.errors import NotFoundError
from app.i18n import _
from app.person_commands import RejectedInput, read_json

if TYPE_CHECKING:  # the services are imported when a command runs: `lotse` starts fast
    from app.services.visit_input import VisitInput, VisitValidationError


def add_visit_commands(commands: Any) -> None:
    """Register ``visit add`` on the top-level subparsers."""
    visit = commands.add_parser("visit", help=_("Besuche mit Anliegen erfassen (JSON)"))
    actions = visit.add_subparsers(dest="visit_command", metavar=_("AKTION"), required=True)
    add = actions.add_parser(
        "add", help=_("Einen Besuch aus einem JSON-Objekt erfassen; gibt die Kennung des "
                      "Besuchs aus"),
        epilog=_("Schlüssel: concerns (Liste von Codes, mindestens einer), note, "
                 "interpreter_used, interpreter_language, visited_at. Anliegen-Codes: "
                 "{codes}.").format(codes=", ".join(Concern)))
    add.add_argument("person", metavar=_("PERSON"),
                     help=_("Kennung (UUID) oder Personennummer"))
    add.add_argument("file", nargs="?", default=None, metavar=_("DATEI"),
                     help=_("JSON-Datei; ohne Angabe oder „-“ die Standardeingabe"))
    add.add_argument("--json-file", dest="json_file", default=None, metavar=_("DATEI"),
                     help=_("JSON-Datei, wie DATEI"))


def visit_add(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.engine import unit_of_work
    from app.services.database import open_database
    from app.services.visits import record_visit
    from app.user_commands import cli_actor

    data = _validated(read_json(_source(args)))
    database = open_database(settings, upgrade_schema=True)
    try:
        with unit_of_work(database.sessions) as session:
            actor = cli_actor(args, settings, session)
            visit = record_visit(session, args.person, data, actor=actor, settings=settings)
    except NotFoundError as exc:
        raise RejectedInput([_entry("person", str(exc))], exit_code=exc.exit_code) from exc
    finally:
        database.close()
    print(json.dumps({"id": str(visit.id)}))
    return 0


def _source(args: argparse.Namespace) -> str:
    if args.file is not None and args.json_file is not None:
        raise RejectedInput([_entry(None, _("Die Eingabe entweder als DATEI oder mit "
                                            "--json-file angeben, nicht beides."))])
    return str(args.json_file or args.file or "-")


def _validated(document: object) -> VisitInput:
    from app.services.visit_input import VisitValidationError, validate_visit

    if not isinstance(document, dict):
        raise RejectedInput([_entry(None, _("erwartet wird ein JSON-Objekt mit den Feldern "
                                            "eines Besuchs (concerns, note, …)"))])
    try:
        return validate_visit(document)
    except VisitValidationError as exc:
        raise RejectedInput(_entries(exc)) from exc


def _entries(error: VisitValidationError) -> list[dict[str, Any]]:
    return [_entry(field.field, field.message) for field in error.errors]


def _entry(field: str | None, message: str) -> dict[str, Any]:
    return {"field": field, "message": message}
