"""The `lotse` command headless: schema commands and messages for a bad database URL."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.db.schema import head_revision
from tests.pgserver import PostgresServer

ROOT = Path(__file__).resolve().parents[2]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_db_upgrade_then_status(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", database_url, "db", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "empty"
    assert main(["--database", database_url, "db", "upgrade"]) == 0
    assert head_revision() in capsys.readouterr().out
    assert main(["--database", database_url, "db", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["state"], status["revision"]) == ("current", head_revision())


def test_database_from_environment(sqlite_url: str, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LOTSE_DATABASE_URL", sqlite_url)
    assert main(["db", "upgrade"]) == 0
    assert sqlite_url in capsys.readouterr().out


def test_unreachable_server_names_url_cause_and_fix(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://lotse:geheim@127.0.0.1:{_closed_port()}/lotse"
    assert main(["--database", url, "db", "upgrade"]) == 4
    err = capsys.readouterr().err
    assert "geheim" not in err
    assert f"postgresql+psycopg://lotse:***@127.0.0.1:{url.split(':')[3]}" in err
    assert "antwortet nicht" in err and "Server läuft" in err


def test_unknown_scheme_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", "mysql://x@y/z", "db", "upgrade"]) == 4
    assert "SQLite oder PostgreSQL" in capsys.readouterr().err
    assert main(["--database", "no url at all", "db", "upgrade"]) == 4
    assert "ungültig" in capsys.readouterr().err


def test_missing_folder_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Lotse creates missing folders for its own files; a path below a *file* cannot work.
    blocker = tmp_path / "file"
    blocker.write_text("x")
    url = f"sqlite:///{(blocker / 'x.db').as_posix()}"
    assert main(["--database", url, "db", "upgrade"]) == 4
    err = capsys.readouterr().err
    assert "Keine Verbindung" in err and "kann nicht angelegt werden" in err


@pytest.mark.postgres
def test_missing_postgres_database_is_explained(pg_server: PostgresServer,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", pg_server.url("nicht_da"), "db", "upgrade"]) == 4
    assert "existiert auf dem Server nicht" in capsys.readouterr().err


def test_console_entry_point_and_module_agree(sqlite_url: str) -> None:
    env = {**os.environ, "LOTSE_DATABASE_URL": sqlite_url}
    lotse = Path(sys.executable).parent / ("lotse.exe" if os.name == "nt" else "lotse")
    for command in ([str(lotse)], [sys.executable, "-m", "app"]):
        done = subprocess.run([*command, "--version"], capture_output=True, text=True,
                              env=env, cwd=ROOT, check=True)
        assert done.stdout.startswith("Lotse ")
        done = subprocess.run([*command, "db", "status", "--json"], capture_output=True,
                              text=True, env=env, cwd=ROOT, check=True)
        assert json.loads(done.stdout)["state"] == "empty"
