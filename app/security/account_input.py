"""What a new account needs: a user name, a known role, a password long enough, and
optionally a display name and the Windows account it may sign in as.

Every problem names its field and what is expected, in German; all are reported at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.codes import Role
from app.errors import FieldError, FieldsValidationError
from app.i18n import N_, _
from app.services.text_checks import normalize_text, printable, text_problem

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024  # argon2 takes any length; this only bounds the work per attempt
MAX_DISPLAY_NAME = 200
# Lower case, as typed at sign-in in any case: "a.becker", "empfang", "t_schulz-2".
USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,63}")
# DOMAIN\name or name; the characters Windows refuses in account names are refused here too.
WINDOWS_ACCOUNT = re.compile(r"(?:[A-Za-z0-9._-]{1,64}\\)?[^\\/\[\]:;|=,+*?<>\"@\x00-\x1f]{1,104}")

# The spellings the CLI accepts (frontdesk) and the stored codes (front_desk).
_ROLE_SPELLINGS = {"frontdesk": Role.FRONT_DESK, "front-desk": Role.FRONT_DESK,
                   **{role.value: role for role in Role}}

_LABELS = {
    "username": N_("Benutzername"), "role": N_("Rolle"), "password": N_("Passwort"),
    "display_name": N_("Anzeigename"), "windows_account": N_("Windows-Konto"),
}


@dataclass(frozen=True)
class AccountInput:
    """A new account's checked values (the password still in plain text, to be hashed)."""

    username: str
    role: Role
    display_name: str
    password: str | None
    windows_account: str | None


def field_error(field: str, expected: str) -> FieldError:
    return FieldError(field, _(_LABELS[field]), expected)


def normalize_username(text: str) -> str:
    """How a user name is stored and looked up: trimmed, lower case."""
    return text.strip().lower()


def parse_role(text: str | Role) -> Role | None:
    return _ROLE_SPELLINGS.get(str(text).strip().lower())


def validate_account(username: str, role: str | Role, *, display_name: str = "",
                     password: str | None = None,
                     windows_account: str | None = None) -> AccountInput:
    """The checked account, or FieldsValidationError naming every field that does not fit."""
    name, shown = normalize_username(username), normalize_text(display_name)
    windows = windows_account.strip() if windows_account else None
    errors = [error for error in (
        _username_error(name), _role_error(role), _password_error(password, windows),
        _display_name_error(shown), _windows_error(windows)) if error is not None]
    if errors:
        raise FieldsValidationError(errors)
    known_role = parse_role(role)
    assert known_role is not None  # checked above
    return AccountInput(name, known_role, shown, password, windows)


def _username_error(name: str) -> FieldError | None:
    if USERNAME.fullmatch(name):
        return None
    return field_error("username", _(
        "„{name}“ passt nicht; erwartet werden 2 bis 64 Zeichen: Kleinbuchstaben a–z, "
        "Ziffern, Punkt, Unterstrich oder Bindestrich, am Anfang ein Buchstabe "
        "(z. B. a.becker)").format(name=printable(name[:70])))


def _role_error(role: str | Role) -> FieldError | None:
    if parse_role(role) is not None:
        return None
    return field_error("role", _("„{role}“ ist unbekannt; erwartet wird frontdesk, "
                                 "supervisor oder admin").format(role=printable(str(role)[:40])))


def _password_error(password: str | None, windows: str | None) -> FieldError | None:
    if password is None:
        return None if windows else field_error("password", _(
            "fehlt; erwartet wird ein Passwort (oder ein Windows-Konto für die Anmeldung)"))
    if len(password) < MIN_PASSWORD_LENGTH:
        return field_error("password", _("zu kurz; erwartet werden mindestens {n} Zeichen")
                           .format(n=MIN_PASSWORD_LENGTH))
    if len(password) > MAX_PASSWORD_LENGTH:
        return field_error("password", _("zu lang; erwartet werden höchstens {n} Zeichen")
                           .format(n=MAX_PASSWORD_LENGTH))
    return None


def _display_name_error(shown: str) -> FieldError | None:
    if len(shown) > MAX_DISPLAY_NAME:
        return field_error("display_name", _("zu lang; erwartet werden höchstens {n} Zeichen")
                           .format(n=MAX_DISPLAY_NAME))
    problem = text_problem(shown)
    return field_error("display_name", problem) if problem else None


def _windows_error(windows: str | None) -> FieldError | None:
    if windows is None or WINDOWS_ACCOUNT.fullmatch(windows):
        return None
    return field_error("windows_account", _(
        "„{account}“ passt nicht; erwartet wird DOMÄNE\\Name oder Name, ohne die Zeichen "
        "/ [ ] : ; | = , + * ? < > \" @").format(account=printable(windows[:70])))
