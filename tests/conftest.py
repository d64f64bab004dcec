"""Fixtures: real SQLite files always, a real throwaway PostgreSQL server when installed."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import create_engine, text

from app.config import Settings
from app.services.database import Database, open_database
from tests.pgserver import PostgresServer, find_bindir, start_server
from tests.sync.scene import Branch, Hub, open_branch, open_hub

REQUIRE_POSTGRES = os.environ.get("CI") == "true" or os.environ.get("LOTSE_REQUIRE_POSTGRES")
_counter = itertools.count(1)


def pytest_report_header(config: pytest.Config) -> str:
    bindir = find_bindir()
    if bindir is None:
        return ("PostgreSQL: NOT INSTALLED – the tests run on SQLite only; every test marked "
                "'postgres' is skipped. Install PostgreSQL (Debian: postgresql) to cover both.")
    return f"PostgreSQL: {bindir} – tests run on SQLite and on a throwaway PostgreSQL server"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True, scope="session")
def _no_credential_store() -> None:
    """Database passwords are never looked up in the real user's keyring (a test that
    needs a store sets one of its own, tests/credential_store.py)."""
    keyring.set_keyring(fail.Keyring())


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read or write the real user's configuration or data."""
    for name in list(os.environ):
        if name.startswith("LOTSE_") and name not in ("LOTSE_PG_BINDIR",
                                                      "LOTSE_REQUIRE_POSTGRES"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("LOTSE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOTSE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LOTSE_MACHINE_CONFIG_DIR", str(tmp_path / "machine"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = start_server()
    if server is None:
        if REQUIRE_POSTGRES:
            pytest.fail("PostgreSQL is required here (CI) but its binaries were not found")
        pytest.skip("PostgreSQL is not installed: this test needs a real server")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = f"lotse_test_{next(_counter)}"
    admin = create_engine(pg_server.admin_url.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield pg_server.url(name)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'lotse.sqlite3').as_posix()}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Runs the test once on an SQLite file and once on PostgreSQL."""
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An upgraded, empty Lotse database on each engine."""
    db = open_database(Settings(database_url=database_url, user="test"))
    yield db
    db.close()


@pytest.fixture
def hub(pg_url: str) -> Iterator[Hub]:
    """A hub with the letter scene on a throwaway PostgreSQL database."""
    hub = open_hub(pg_url)
    yield hub
    hub.database.close()


@pytest.fixture
def branch(hub: Hub, tmp_path: Path) -> Iterator[Branch]:
    """A branch replica of the hub (workstation 7) in an SQLite file."""
    branch = open_branch(hub, tmp_path, 7)
    yield branch
    branch.database.close()
