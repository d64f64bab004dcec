"""``lotse user add NAME --role …`` and the global ``--user NAME`` of commands that act as a
Lotse user.

Passwords are never command-line arguments (they would stay in the shell history and the
process list). The acting user's password comes from ``LOTSE_PASSWORD`` or a prompt. The
new account's password comes from ``LOTSE_NEW_PASSWORD``, else – when nobody signs in,
as for the first administrator – from ``LOTSE_PASSWORD``, else from a prompt, typed twice.
A failed sign-in and a refused action exit with code 4.
"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import TYPE_CHECKING, Any

from app.config import Settings
from app.errors import LotseError, ValidationError
from app.i18n import _

if TYPE_CHECKING:  # the services are imported when a command runs: `lotse` starts fast
    from sqlalchemy.orm import Session

    from app.security.permissions import Actor

PASSWORD_VARIABLE = "LOTSE_PASSWORD"
NEW_PASSWORD_VARIABLE = "LOTSE_NEW_PASSWORD"


class SignInRequiredError(LotseError):
    """The command acts as a Lotse user, but none was named or no password could be read."""

    exit_code = 4


def add_user_commands(commands: Any) -> None:
    """Register ``user add`` on the top-level subparsers."""
    user = commands.add_parser("user", help=_("Lotse-Benutzer verwalten"))
    actions = user.add_subparsers(dest="user_command", metavar=_("AKTION"), required=True)
    add = actions.add_parser(
        "add", help=_("Einen Benutzer anlegen (nur Administration; der erste Benutzer einer "
                      "Datenbank ohne Anmeldung, mit der Rolle admin)"),
        epilog=_("Das Passwort des neuen Benutzers kommt aus LOTSE_NEW_PASSWORD, ohne --user "
                 "auch aus LOTSE_PASSWORD, sonst aus einer Eingabe (zweimal)."))
    add.add_argument("name", metavar=_("NAME"), help=_("Benutzername, z. B. a.becker"))
    add.add_argument("--role", required=True, metavar="frontdesk|supervisor|admin",
                     help=_("Rolle: frontdesk (Empfang), supervisor (Teamleitung) oder "
                            "admin (Administration)"))
    add.add_argument("--display-name", dest="display_name", default="", metavar=_("TEXT"),
                     help=_("Anzeigename, z. B. Anna Becker"))
    add.add_argument("--windows-account", dest="windows_account", default=None,
                     metavar="DOMÄNE\\NAME",
                     help=_("Windows-Konto, als das sich der Benutzer anmelden darf"))


def user_add(args: argparse.Namespace, settings: Settings) -> int:
    from app.db.engine import unit_of_work
    from app.security.accounts import add_user, has_users
    from app.services.database import open_database

    database = open_database(settings, upgrade_schema=True)
    try:
        with unit_of_work(database.sessions) as session:
            first = not has_users(session)
        with unit_of_work(database.sessions) as session:
            actor = None if first else cli_actor(args, settings, session)
            user = add_user(session, args.name, role=args.role, display_name=args.display_name,
                            password=new_password(acting=actor is not None),
                            windows_account=args.windows_account, actor=actor,
                            workstation=settings.origin)
    finally:
        database.close()
    print(_("Benutzer „{name}“ mit der Rolle {role} angelegt.").format(
        name=user.username, role=_role_label(user.role)))
    return 0


def cli_actor(args: argparse.Namespace, settings: Settings, session: Session) -> Actor:
    """Sign in the ``--user`` of the command line; call it first in the unit of work.

    The sign-in is committed on its own (the command's unit of work may still roll back),
    so it must come before the command's session reads or writes anything."""
    from sqlalchemy.orm import Session

    from app.security.accounts import sign_in

    name = getattr(args, "user", None)
    if not name:
        raise SignInRequiredError(
            _("Dieser Befehl handelt als Lotse-Benutzer: --user NAME angeben."),
            hint=_("Das Passwort kommt aus LOTSE_PASSWORD oder wird abgefragt."))
    password = acting_password(name)
    with Session(bind=session.get_bind()) as own, own.begin():
        return sign_in(own, name, password, workstation=settings.origin).actor


def acting_password(name: str) -> str:
    """The password of the user named with ``--user``."""
    if PASSWORD_VARIABLE in os.environ:
        return os.environ[PASSWORD_VARIABLE]
    return _prompt(_("Passwort für {name}: ").format(name=name))


def new_password(*, acting: bool) -> str:
    """The new account's password; typed twice when prompted."""
    if NEW_PASSWORD_VARIABLE in os.environ:
        return os.environ[NEW_PASSWORD_VARIABLE]
    if not acting and PASSWORD_VARIABLE in os.environ:
        return os.environ[PASSWORD_VARIABLE]
    password = _prompt(_("Passwort des neuen Benutzers: "))
    if _prompt(_("Passwort wiederholen: ")) != password:
        raise ValidationError(_("Passwort"), _("die beiden Eingaben stimmen nicht überein; "
                                               "bitte noch einmal"))
    return password


def _prompt(text: str) -> str:
    try:
        return getpass.getpass(text)
    except (EOFError, KeyboardInterrupt) as exc:
        raise SignInRequiredError(
            _("Kein Passwort eingegeben."),
            hint=_("Passwort in LOTSE_PASSWORD setzen oder im Terminal eingeben.")) from exc


def _role_label(code: str) -> str:
    from app.codes import Role

    return Role(code).label
