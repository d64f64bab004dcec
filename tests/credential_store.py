"""Test helpers for passwords: a credential store in memory (the real user's keyring is
never touched) and a PostgreSQL role that really needs its password."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import create_engine, text

from tests.pgserver import PostgresServer


class MemoryKeyring(KeyringBackend):
    """Keeps passwords in a dict, like the Windows Credential Manager keeps them on disk."""

    priority = 1  # type: ignore[assignment]  # keyring declares it as a class property

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@contextmanager
def credential_store(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """Use ``backend`` as the OS credential store while the block runs."""
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


def no_credential_store() -> KeyringBackend:
    """What keyring finds on a Linux server without Secret Service."""
    return fail.Keyring()


def password_role(server: PostgresServer, role: str, password: str) -> None:
    """A login role on the test server that must give its password (the server trusts
    every other role): a pg_hba line for it alone, in front of the trust lines."""
    hba = server.folder / "data" / "pg_hba.conf"
    line = f"host all {role} 127.0.0.1/32 scram-sha-256\n"
    content = hba.read_text()
    if line not in content:
        with hba.open("w") as file:  # rewritten in place: owner and mode stay
            file.write(line + content)
    admin = create_engine(server.admin_url.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                    {"r": role}).scalar()
        verb = "ALTER" if exists else "CREATE"
        connection.execute(text(f"{verb} ROLE {role} LOGIN SUPERUSER PASSWORD '{password}'"))
        connection.execute(text("SELECT pg_reload_conf()"))
    admin.dispose()
