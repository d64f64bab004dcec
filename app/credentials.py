"""Database passwords in the operating system's credential store, never in a TOML file.

The store is reached through keyring (Windows Credential Manager on Windows, the Secret
Service on a Linux desktop) under the service "Lotse" and the name ``user@host``. Where no
store is usable (a Linux server without Secret Service), a password typed at start is kept
in this process's memory only.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from app.errors import ConfigError
from app.i18n import _

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "Lotse"

log = logging.getLogger(__name__)

# Typed at start where no credential store exists; gone when the program ends.
_in_memory: dict[str, str] = {}


def credential_name(user: str, host: str) -> str:
    """How the password of ``user`` on the server ``host`` is filed in the store."""
    return f"{user}@{host}"


def _backend() -> KeyringBackend:
    # Imported on first use: finding the backend takes about half a second, which a local
    # (SQLite) workstation never needs to pay at start.
    import keyring

    return keyring.get_keyring()


def store_available() -> bool:
    """True if keyring found a real credential store on this machine."""
    from keyring.backends import fail, null

    return not isinstance(_backend(), fail.Keyring | null.Keyring)


def store_password(user: str, host: str, password: str) -> None:
    """Keep the password in the credential store; ConfigError if there is none."""
    if not store_available():
        raise ConfigError(
            _("Auf diesem Rechner gibt es keinen Passwortspeicher (Anmeldeinformations"
              "verwaltung); das Passwort wird nicht gespeichert."),
            hint=_("Lotse fragt beim Start nach dem Passwort."))
    from keyring.errors import KeyringError

    try:
        _backend().set_password(SERVICE, credential_name(user, host), password)
    except KeyringError as exc:
        raise ConfigError(
            _("Das Passwort konnte nicht im Passwortspeicher abgelegt werden: {error}").format(
                error=exc),
            hint=_("Lotse fragt beim Start nach dem Passwort.")) from exc


def remember_for_session(user: str, host: str, password: str) -> None:
    """Keep a typed password in memory until the program ends (no store available)."""
    _in_memory[credential_name(user, host)] = password


def forget_session_passwords() -> None:
    _in_memory.clear()


def stored_password(user: str, host: str) -> str | None:
    """The password for ``user@host``: typed this session, else from the store; None if
    neither has one (psycopg then tries the PostgreSQL password file)."""
    name = credential_name(user, host)
    if name in _in_memory:
        return _in_memory[name]
    if not store_available():
        return None
    from keyring.errors import KeyringError

    try:
        return _backend().get_password(SERVICE, name)
    except KeyringError as exc:  # a locked or broken store is not a reason to stop
        log.warning("credential store unusable for %s: %s", name, exc)
        return None


_LOGIN_REFUSED = ("password authentication failed", "no password supplied")


def login_needing_password(url_text: str, error: BaseException) -> tuple[str, str] | None:
    """(user, host) when ``error`` is a PostgreSQL server refusing a URL that names a user
    but no password – the case where asking for the password can help; else None."""
    url = make_url(url_text)
    if url.get_backend_name() != "postgresql" or url.password or not url.username:
        return None
    cause: BaseException | None = error
    while cause is not None:
        if any(text in str(cause).lower() for text in _LOGIN_REFUSED):
            return url.username, url.host or "localhost"
        cause = cause.__cause__
    return None
