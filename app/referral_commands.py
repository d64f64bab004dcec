"""``lotse referral create|approve|reject|outcome|overdue`` and ``lotse export referrals``.

They act as a Lotse user (global ``--user NAME``, password from ``LOTSE_PASSWORD`` or a
prompt) and pass the same permission checks as the app: a refused action exits with code 4
and is on the audit record. Input that does not fit exits with code 2 and a JSON error per
field on stderr, an unknown person or reference with code 3; nothing is written then.
"""

from __future__ import annotations

import argparse
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.config import Settings
from app.errors import FieldsValidationError, NotFoundError
from app.i18n import _
from app.person_commands import RejectedInput

if TYPE_CHECKING:  # the services are imported when a command runs: `lotse` starts fast
    from sqlalchemy.orm import Session

    from app.security.permissions import Actor

OUTCOME_CODES = ("arrived", "completed", "not_reached", "declined", "cancelled")
Handler = Callable[[argparse.Namespace, Settings], int]


def add_referral_actions(actions: Any) -> None:
    """Register create, approve, reject, outcome and overdue on ``referral``'s subparsers."""
    create = actions.add_parser("create", help=_("Ein Anliegen einer Person zuweisen und die "
                                                 "Überleitungen anlegen"))
    create.add_argument("--person", required=True, metavar="ID",
                        help=_("Kennung (UUID) oder Personennummer"))
    create.add_argument("--concern", required=True, metavar=_("CODE"),
                        help=_("Anliegen, z. B. benefits, work, school"))
    create.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))
    approve = actions.add_parser("approve", help=_("Eine Überleitung freigeben (Teamleitung)"))
    approve.add_argument("reference", metavar=_("AKTENZEICHEN"))
    reject = actions.add_parser("reject", help=_("Eine Überleitung zurückweisen (Teamleitung)"))
    reject.add_argument("reference", metavar=_("AKTENZEICHEN"))
    reject.add_argument("--reason", required=True, metavar=_("TEXT"), help=_("Begründung"))
    outcome = actions.add_parser("outcome", help=_("Das Ergebnis einer Überleitung erfassen"))
    outcome.add_argument("reference", metavar=_("AKTENZEICHEN"),
                         help=_("Aktenzeichen, getippt oder vom QR-Code gescannt"))
    outcome.add_argument("--status", required=True, metavar="|".join(OUTCOME_CODES),
                         help=_("Ergebnis; not_reached, declined und cancelled mit --reason"))
    outcome.add_argument("--reason", default="", metavar=_("TEXT"), help=_("Begründung"))
    overdue = actions.add_parser("overdue", help=_("Ausgehändigte Überleitungen ohne "
                                                   "Ergebnis nach N Tagen"))
    overdue.add_argument("--days", type=_days, default=None, metavar="N",
                         help=_("Tage ohne Ergebnis (Standard: Einstellung overdue_days, "
                                "sonst 21)"))
    overdue.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))


def add_export_commands(commands: Any) -> None:
    """Register ``export referrals`` on the top-level subparsers."""
    export = commands.add_parser("export", help=_("Überleitungen exportieren (Teamleitung)"))
    actions = export.add_subparsers(dest="export_command", metavar=_("AKTION"), required=True)
    referrals = actions.add_parser(
        "referrals", help=_("Überleitungen ohne Personendaten als XLSX oder CSV"))
    referrals.add_argument("--from", dest="since", type=_day, default=None, metavar="JJJJ-MM-TT",
                           help=_("angelegt ab diesem Tag"))
    referrals.add_argument("--to", dest="until", type=_day, default=None, metavar="JJJJ-MM-TT",
                           help=_("angelegt bis zu diesem Tag (einschließlich)"))
    referrals.add_argument("--office", default=None, metavar=_("CODE"),
                           help=_("nur dieses Büro, z. B. NE"))
    referrals.add_argument("--agency-kind", dest="agency_kind", default=None,
                           metavar=_("CODE"), help=_("nur diese Stellenart"))
    referrals.add_argument("--out", required=True, type=Path, metavar=_("DATEI"),
                           help=_("Zieldatei, .xlsx oder .csv"))


def referral_create(args: argparse.Namespace, settings: Settings) -> int:
    from app.letter_commands import person_key
    from app.services.referral_create import create_referrals

    with _acting(args, settings) as (session, actor):
        created = create_referrals(session, person_key(args.person), args.concern,
                                   actor=actor, settings=settings)
    if args.json:
        print(json.dumps([{**asdict(item), "approval": list(item.approval)} for item in created],
                         ensure_ascii=False))
    else:
        print("\n".join(f"{item.reference}  {item.agency_kind}  {item.status}"
                        for item in created))
    return 0


def referral_approve(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.approval import approve

    with _acting(args, settings) as (session, actor):
        approve(session, args.reference, actor=actor)
    print(_("Überleitung {reference} freigegeben.").format(reference=args.reference.strip()))
    return 0


def referral_reject(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.approval import reject

    with _acting(args, settings) as (session, actor):
        reject(session, args.reference, args.reason, actor=actor)
    print(_("Überleitung {reference} zurückgewiesen.").format(reference=args.reference.strip()))
    return 0


def referral_outcome(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.outcomes import record_outcome

    with _acting(args, settings) as (session, actor):
        step = record_outcome(session, args.reference, args.status, args.reason, actor=actor)
        reference = _reference_of(session, step.referral_id)
    print(f"{reference}  {step.from_status} → {step.to_status}")
    return 0


def referral_overdue(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.outcomes import overdue

    with _acting(args, settings) as (session, actor):  # signs in first
        rows = overdue(session, actor=actor, settings=settings, days=args.days)
    if args.json:
        print(json.dumps([{"reference": r.reference, "person_id": str(r.person_id),
                           "agency_kind": r.agency_kind, "office": r.office_name,
                           "issued_at": r.issued_at.isoformat(), "days": r.days_waiting}
                          for r in rows], ensure_ascii=False))
    else:
        print("\n".join(f"{r.reference}  {r.days_waiting:>4} {_('Tage')}  {r.agency_kind:<30} "
                        f"{r.person_name}" for r in rows) or _("Nichts überfällig."))
    return 0


def export_referrals(args: argparse.Namespace, settings: Settings) -> int:
    from app.letter_commands import atomic_file
    from app.services.referral_export import export_format
    from app.services.referral_export import export_referrals as export
    from app.services.referral_filters import ReferralFilter

    file_format = export_format(args.out)
    where = ReferralFilter(office=args.office, since=args.since, until=args.until,
                           agency_kind=args.agency_kind)
    with atomic_file(args.out) as temporary, _acting(args, settings) as (session, actor):
        count = export(session, temporary, actor=actor, where=where, file_format=file_format)
    print(_("{count} Überleitungen nach {path} exportiert.").format(count=count, path=args.out))
    return 0


REFERRAL_HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("referral", "create"): referral_create,
    ("referral", "approve"): referral_approve,
    ("referral", "reject"): referral_reject,
    ("referral", "outcome"): referral_outcome,
    ("referral", "overdue"): referral_overdue,
    ("export", "referrals"): export_referrals,
}


@contextmanager
def _acting(args: argparse.Namespace, settings: Settings) -> Iterator[tuple[Session, Actor]]:
    """One unit of work as the ``--user`` (signed in first); field errors become the JSON
    document on stderr (exit 2), an unknown record exit 3."""
    from app.db.engine import unit_of_work
    from app.services.database import open_database
    from app.user_commands import cli_actor

    database = open_database(settings, upgrade_schema=True)
    try:
        with unit_of_work(database.sessions) as session:
            yield session, cli_actor(args, settings, session)
    except FieldsValidationError as exc:
        raise RejectedInput([_entry(e.field, e.message) for e in exc.errors]) from exc
    except NotFoundError as exc:
        raise RejectedInput([_entry(None, str(exc))], exit_code=exc.exit_code) from exc
    finally:
        database.close()


def _reference_of(session: Session, referral_id: uuid.UUID) -> str:
    from app.db.models import Referral

    return session.get_one(Referral, referral_id).reference


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("„{text}“ ist kein Datum; erwartet wird JJJJ-MM-TT").format(text=text)) from exc


def _days(text: str) -> int:
    # 0 lists everything issued before today
    if not text.strip().isdecimal():
        raise argparse.ArgumentTypeError(
            _("„{text}“ ist keine Anzahl von Tagen; erwartet wird eine ganze Zahl ab 0").format(
                text=text))
    return int(text)


def _entry(field: str | None, message: str) -> dict[str, Any]:
    return {"field": field, "message": message}

