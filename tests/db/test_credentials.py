"""The database password lives in the OS credential store: the engine asks it at connect
time when the URL has none, and the password never reaches a URL shown to people."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app import credentials
from app.db.engine import build_engine, mask
from app.errors import ConfigError
from tests.credential_store import (
    MemoryKeyring,
    credential_store,
    no_credential_store,
    password_role,
)
from tests.pgserver import PostgresServer

pytestmark = pytest.mark.postgres

ROLE, PASSWORD = "lotse_desk", "Geheim-2026!"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with credential_store(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend
    credentials.forget_session_passwords()


@pytest.fixture
def desk_url(pg_server: PostgresServer, pg_url: str) -> str:
    """The test database, reached as a role whose password the server checks."""
    password_role(pg_server, ROLE, PASSWORD)
    return pg_url.replace("postgresql://lotse@", f"postgresql://{ROLE}@")


def _connects(url: str) -> bool:
    engine = build_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT current_user")).scalar() == ROLE
    except OperationalError as error:
        assert "password" in str(error)
        return False
    finally:
        engine.dispose()


def test_engine_takes_the_password_from_the_credential_store(
        memory_keyring: MemoryKeyring, desk_url: str) -> None:
    assert not _connects(desk_url)
    credentials.store_password(ROLE, "127.0.0.1", PASSWORD)
    assert memory_keyring.passwords == {("Lotse", f"{ROLE}@127.0.0.1"): PASSWORD}
    assert _connects(desk_url)
    assert PASSWORD not in mask(build_engine(desk_url).url)


def test_a_wrong_stored_password_is_refused_by_the_server(
        memory_keyring: MemoryKeyring, desk_url: str) -> None:
    credentials.store_password(ROLE, "127.0.0.1", "falsch")
    assert not _connects(desk_url)


def test_without_a_store_a_typed_password_lives_in_memory_only(desk_url: str) -> None:
    with credential_store(no_credential_store()):
        assert not credentials.store_available()
        with pytest.raises(ConfigError, match="keinen Passwortspeicher"):
            credentials.store_password(ROLE, "127.0.0.1", PASSWORD)
        credentials.remember_for_session(ROLE, "127.0.0.1", PASSWORD)
        try:
            assert _connects(desk_url)
        finally:
            credentials.forget_session_passwords()
        assert not _connects(desk_url)
