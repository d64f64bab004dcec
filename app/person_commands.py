"""``lotse person add`` and ``lotse person update``: JSON in, JSON out, through the same
validation and services as the person form.

Input that does not fit is reported on stderr as one JSON document,
``{"errors": [{"index": 0, "field": "birth_date", "message": "Geburtsdatum: …"}]}``
(``index`` only for ``add``: the position in the list), with exit code 2; nothing is
written then – every object of a batch is validated before the first one is saved, and the
batch is saved in one transaction. An unknown person in ``update`` gives exit code 3.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.config import Settings
from app.errors import LotseError, NotFoundError
from app.i18n import _

if TYPE_CHECKING:  # the services are imported when a command runs: `lotse` starts fast
    from app.services.person_input import PersonInput, PersonValidationError

ErrorEntry = dict[str, Any]


class RejectedInput(LotseError):
    """Input the command refuses; ``errors`` go to stderr as a JSON document."""

    def __init__(self, errors: list[ErrorEntry], *, exit_code: int = 2) -> None:
        super().__init__("\n".join(str(entry["message"]) for entry in errors))
        self.errors = errors
        self.exit_code = exit_code

    def document(self) -> str:
        return json.dumps({"errors": self.errors})


def add_person_commands(commands: Any) -> None:
    """Register ``person add`` and ``person update`` on the top-level subparsers."""
    person = commands.add_parser("person", help=_("Personen anlegen und ändern (JSON)"))
    actions = person.add_subparsers(dest="person_command", metavar=_("AKTION"), required=True)
    add = actions.add_parser("add", help=_("Personen aus JSON anlegen: ein Objekt oder eine "
                                           "Liste; gibt Kennung und Personennummer aus"))
    add.add_argument("file", nargs="?", default="-", metavar=_("DATEI"),
                     help=_("JSON-Datei; ohne Angabe oder „-“ die Standardeingabe"))
    update = actions.add_parser("update", help=_("Felder einer Person ändern: ein JSON-Objekt "
                                                 "mit den zu ändernden Feldern"))
    update.add_argument("id", metavar="ID", help=_("Kennung (UUID) oder Personennummer"))
    update.add_argument("file", nargs="?", default="-", metavar=_("DATEI"),
                        help=_("JSON-Datei; ohne Angabe oder „-“ die Standardeingabe"))
    find = actions.add_parser("find", help=_("Personen suchen: Namen in jeder Schreibweise, "
                                             "Geburtsdatum, Personennummer, Aktenzeichen"))
    find.add_argument("query", metavar=_("SUCHE"), help=_("Suchtext wie im Suchfeld"))
    find.add_argument("--limit", type=int, default=20, help=_("höchstens so viele Treffer"))
    find.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))


def person_add(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.engine import unit_of_work
    from app.services.database import open_database
    from app.services.person_input import PersonValidationError
    from app.services.persons import register_person
    from app.user_commands import cli_actor

    batch = _validated_batch(read_json(args.file))
    database = open_database(settings, upgrade_schema=True)
    with unit_of_work(database.sessions) as session:
        actor = cli_actor(args, settings, session)
        created = []
        for index, data in enumerate(batch):
            try:
                created.append(register_person(session, data, actor=actor,
                                               settings=settings))
            except PersonValidationError as exc:  # raised on: the transaction rolls back
                raise RejectedInput(_entries(exc, index)) from exc
    print(json.dumps([{"id": str(p.id), "person_number": p.person_number} for p in created]))
    return 0


def person_find(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.database import open_database
    from app.services.person_search import search_persons
    from app.user_commands import cli_actor

    if not 1 <= args.limit <= 1000:
        raise LotseError(_("--limit: erwartet wird eine Zahl von 1 bis 1000."))
    database = open_database(settings, upgrade_schema=True)
    with database.sessions() as session:
        actor = cli_actor(args, settings, session)
        matches = search_persons(session, args.query, actor=actor, limit=args.limit)
    if args.json:
        print(json.dumps([{"id": str(m.person_id), "person_number": m.person_number,
                           "family_name": m.family_name, "given_names": m.given_names,
                           "birth_date": _partial(m.birth_date, m.birth_date_precision),
                           "score": m.score, "reasons": list(m.reasons)}
                          for m in matches], ensure_ascii=True))
        return 0
    for m in matches:
        born = _partial(m.birth_date, m.birth_date_precision) or "–"
        print(f"{m.score:5.1f}  {m.person_number}  {m.family_name}, {m.given_names}  {born}"
              f"  ({'; '.join(m.reasons)})")
    if not matches:
        print(_("Keine Treffer."))
    return 0


def _partial(born: date | None, precision: str) -> str | None:
    """A birth date as known: ``1990``, ``1990-03`` or ``1990-03-12``."""
    from app.services.partial_dates import PartialDate

    return None if born is None else str(PartialDate(born, precision))


def person_update(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.engine import unit_of_work
    from app.services.database import open_database
    from app.services.person_input import PersonValidationError
    from app.services.persons import update_person
    from app.user_commands import cli_actor

    changes = read_json(args.file)
    if not isinstance(changes, dict):
        raise RejectedInput([_entry(None, _("erwartet wird ein JSON-Objekt mit den zu "
                                            "ändernden Feldern"))])
    database = open_database(settings, upgrade_schema=True)
    try:
        with unit_of_work(database.sessions) as session:
            actor = cli_actor(args, settings, session)
            person = update_person(session, args.id, changes, actor=actor, settings=settings)
    except PersonValidationError as exc:
        raise RejectedInput(_entries(exc)) from exc
    except NotFoundError as exc:
        raise RejectedInput([_entry("id", str(exc))], exit_code=exc.exit_code) from exc
    print(json.dumps({"id": str(person.id), "person_number": person.person_number,
                      "version": person.version}))
    return 0


def read_json(file: str) -> object:
    """The JSON document in ``file`` (UTF-8, with or without BOM), or on stdin for ``-``."""
    try:
        text = _read_stdin() if file == "-" else Path(file).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise RejectedInput([_entry(None, _("Die Datei {file} kann nicht gelesen werden: "
                                            "{error}").format(file=file, error=exc.strerror))]
                            ) from exc
    except UnicodeDecodeError:
        raise RejectedInput([_entry(None, _("Die Eingabe ist kein UTF-8-Text."))]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RejectedInput([_entry(None, _("Die Eingabe ist kein gültiges JSON: {error} "
                                            "(Zeile {line}, Spalte {column})").format(
            error=exc.msg, line=exc.lineno, column=exc.colno))]) from None


def _read_stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)
    return stream.read().decode("utf-8-sig") if stream is not None else sys.stdin.read()


def _validated_batch(document: object) -> list[PersonInput]:
    """Every object validated; all errors of all objects at once, or the typed batch."""
    from app.services.person_input import PersonValidationError, validate

    items = document if isinstance(document, list) else [document]
    batch: list[PersonInput] = []
    errors: list[ErrorEntry] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append({"index": index, **_entry(None, _(
                "erwartet wird ein JSON-Objekt mit den Feldern einer Person"))})
            continue
        try:
            batch.append(validate(item))
        except PersonValidationError as exc:
            errors += _entries(exc, index)
    if errors:
        raise RejectedInput(errors)
    return batch


def _entries(error: PersonValidationError, index: int | None = None) -> list[ErrorEntry]:
    entries = [_entry(field.field, field.message) for field in error.errors]
    return entries if index is None else [{"index": index, **entry} for entry in entries]


def _entry(field: str | None, message: str) -> ErrorEntry:
    return {"field": field, "message": message}
