"""``lotse letter REFERENCE --out FILE.pdf`` and ``lotse referral list`` (the other
``referral`` actions are in app/referral_commands.py).

``letter`` issues a letter as the app's "save as PDF" does: it is recorded in the print log
(channel ``pdf``; the first one is the original, every later one a Zweitschrift) and the
PDF is written atomically – to a temporary file that replaces FILE only once the print is
committed, so an error leaves neither a file nor a log entry. It prints one line: reference,
kind, original or Zweitschrift, SHA-256, file. An unknown reference gives exit code 3; a
letter that cannot be right (no office, an incomplete address, an unknown language) exit
code 2 with the field's message, as JSON on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.codes import LETTER_LANGUAGES
from app.config import Settings
from app.errors import FieldsValidationError, NotFoundError
from app.i18n import _
from app.person_commands import RejectedInput
from app.referral_commands import add_referral_actions

if TYPE_CHECKING:  # the services are imported when a command runs: `lotse` starts fast
    from app.services.letters import ReferralRow, RenderedLetter

KINDS = ("referral", "consent", "route-sheet")


def add_letter_commands(commands: Any) -> None:
    """Register ``letter`` and ``referral list`` on the top-level subparsers."""
    letter = commands.add_parser(
        "letter", help=_("Einen Brief als PDF ausstellen (wird im Druckprotokoll vermerkt)"))
    letter.add_argument("reference", metavar=_("AKTENZEICHEN"),
                        help=_("Aktenzeichen der Überleitung"))
    letter.add_argument("--out", required=True, type=Path, metavar=_("DATEI"),
                        help=_("Zieldatei (PDF)"))
    letter.add_argument("--kind", choices=KINDS, default="referral",
                        help=_("Überleitung, Einwilligungserklärung oder Laufzettel"))
    letter.add_argument("--language", default=None, metavar=_("CODE"),
                        help=_("Sprache des Teils für die Person: {codes}").format(
                            codes=", ".join(LETTER_LANGUAGES)))
    referral = commands.add_parser("referral", help=_("Überleitungen auflisten, anlegen, "
                                                      "freigeben und abschließen"))
    actions = referral.add_subparsers(dest="referral_command", metavar=_("AKTION"),
                                      required=True)
    listing = actions.add_parser("list", help=_("Überleitungen, neueste zuerst"))
    listing.add_argument("--person", default=None, metavar="ID",
                         help=_("nur die Überleitungen dieser Person (Kennung oder "
                                "Personennummer)"))
    listing.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))
    add_referral_actions(actions)


def letter(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.engine import unit_of_work
    from app.letters.model import LetterKind
    from app.services.database import open_database
    from app.services.letters import issue_letter
    from app.user_commands import cli_actor

    _check_language(args.language)
    database = open_database(settings, upgrade_schema=True)
    try:
        with atomic_file(args.out) as temporary, unit_of_work(database.sessions) as session:
            actor = cli_actor(args, settings, session)
            issued = issue_letter(session, args.reference, kind=LetterKind(args.kind),
                                  language=args.language, actor=actor, settings=settings,
                                  channel="pdf")
            temporary.write_bytes(issued.pdf)
    except NotFoundError as exc:
        raise RejectedInput([_entry("reference", str(exc))], exit_code=exc.exit_code) from exc
    except FieldsValidationError as exc:
        raise RejectedInput([_entry(e.field, e.message) for e in exc.errors]) from exc
    finally:
        database.close()
    print(_summary(issued, args.out))
    return 0


def _check_language(code: str | None) -> None:
    if code is not None and code not in LETTER_LANGUAGES:
        raise RejectedInput([_entry("language", _(
            "--language: „{code}“ ist keine Briefsprache; erwartet wird einer der Codes "
            "{codes}").format(code=code, codes=", ".join(LETTER_LANGUAGES)))])


@contextlib.contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """A temporary file beside ``target`` that replaces it when the block succeeds and is
    removed when it fails."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                        dir=target.parent)
    except OSError as exc:
        raise RejectedInput([_entry("out", _(
            "--out: in {folder} kann keine Datei angelegt werden ({error}); erwartet wird ein "
            "vorhandener, beschreibbarer Ordner").format(folder=target.parent,
                                                         error=exc.strerror))]) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _summary(issued: RenderedLetter, path: Path) -> str:
    mark = _("Zweitschrift") if issued.copy else _("Original")
    return f"{issued.reference}  {issued.kind.value}  {mark}  sha256:{issued.sha256}  {path}"


def referral_list(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.database import open_database
    from app.services.letters import referral_rows
    from app.services.persons import load_person
    from app.user_commands import cli_actor

    database = open_database(settings, upgrade_schema=True)
    try:
        with database.sessions() as session:
            actor = cli_actor(args, settings, session)
            person_id = None if args.person is None else load_person(
                session, person_key(args.person)).id
            rows = referral_rows(session, actor=actor, person_id=person_id)
    except NotFoundError as exc:
        raise RejectedInput([_entry("person", str(exc))], exit_code=exc.exit_code) from exc
    finally:
        database.close()
    print(json.dumps([_listed(row) for row in rows], ensure_ascii=False) if args.json
          else "\n".join(_line(row) for row in rows) or _("Keine Überleitungen."))
    return 0


def person_key(text: str) -> uuid.UUID | str:
    try:
        return uuid.UUID(text)
    except ValueError:
        return text


def _listed(row: ReferralRow) -> dict[str, Any]:
    return {"reference": row.reference, "agency_kind": row.agency_kind,
            "person_id": str(row.person_id), "language": row.language, "status": row.status,
            "office": row.office_name, "concern": row.concern,
            "created_at": row.created_at.isoformat(), "printed": row.printed}


def _line(row: ReferralRow) -> str:
    return (f"{row.reference}  {row.status:<11} {row.agency_kind:<30} {row.language:<5} "
            f"{row.person_name}  ({row.office_name or '–'})")


def _entry(field: str | None, message: str) -> dict[str, Any]:
    return {"field": field, "message": message}
