"""``lotse [--user NAME] audit verify [--json]``: check the audit log's hash chain.

Exit code 0: the chain is intact. Exit code 1: a link is broken – the first one is named
(its ``seq`` and id, and whether entries are missing, the link to the predecessor is wrong
or the entry itself was changed). The database is not upgraded: an older schema is reported
(exit code 4) rather than changed by a check.

Checking is supervision (VERIFY_AUDIT): once the database has accounts, the command signs in
as ``--user`` (the sign-in is on the record, like every other) and a refused role exits
with code 4. A database without accounts is checked without signing in.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from app.config import Settings
from app.i18n import _

if TYPE_CHECKING:  # the services are imported when a command runs: `lotse` starts fast
    from app.security.audit_verify import ChainReport
    from app.services.database import Database

EXIT_BROKEN = 1


def add_audit_commands(commands: Any) -> None:
    """Register ``audit verify`` on the top-level subparsers."""
    audit = commands.add_parser("audit", help=_("Audit-Protokoll prüfen"))
    actions = audit.add_subparsers(dest="audit_command", metavar=_("AKTION"), required=True)
    verify = actions.add_parser(
        "verify", help=_("Hash-Kette des Audit-Protokolls prüfen; nennt das erste "
                         "gebrochene Glied (Exit-Code 1)"))
    verify.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))


def audit_verify(args: argparse.Namespace, settings: Settings) -> int:
    from app.services.database import open_database

    database = open_database(settings, upgrade_schema=False)
    try:
        report = _checked_chain(database, args, settings)
    finally:
        database.close()
    print(json.dumps(_document(report)) if args.json else _text(report))
    return 0 if report.intact else EXIT_BROKEN


def _checked_chain(database: Database, args: argparse.Namespace,
                   settings: Settings) -> ChainReport:
    """The chain's report, once the ``--user`` may check it (if the database has users)."""
    from app.security.accounts import has_users
    from app.security.audit_verify import check_audit_log, verify_chain
    from app.user_commands import cli_actor

    with database.sessions() as session:
        accounts = has_users(session)
    with database.sessions() as session:
        if accounts:  # signs in on its own connection, before this session reads
            return check_audit_log(session, actor=cli_actor(args, settings, session))
        return verify_chain(session)


def _document(report: ChainReport) -> dict[str, object]:
    broken = report.broken
    return {
        "intact": report.intact, "checked": report.checked,
        "head_seq": report.head_seq, "head_hash": report.head_hash,
        "broken": None if broken is None else {
            "seq": broken.seq, "id": str(broken.id), "problem": broken.problem.value,
            "expected_seq": broken.expected_seq, "message": broken.message()},
    }


def _text(report: ChainReport) -> str:
    if report.broken is None:
        return _("Audit-Protokoll intakt: {count} Einträge geprüft, letzter Eintrag {seq}, "
                 "Hash {hash}.").format(count=report.checked, seq=report.head_seq,
                                        hash=report.head_hash or "–")
    return _("Audit-Protokoll GEBROCHEN nach {count} intakten Einträgen.\n{message}").format(
        count=report.checked, message=report.broken.message())
