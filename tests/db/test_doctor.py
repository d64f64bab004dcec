"""``lotse doctor`` against real databases: a fresh demo passes; a wrong address, a missing
database and an older or newer schema are named with their fix."""

from __future__ import annotations

import json
import socket

import pytest
from alembic import command
from sqlalchemy import text

from app.cli import main
from app.db.engine import build_engine
from app.db.schema import alembic_config, head_revision
from app.doctor import DOCTOR_FAILED


def doctor(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, dict[str, str]]]:
    code = main(["--database", url, "doctor", "--json"])
    checks = json.loads(capsys.readouterr().out)["checks"]
    return code, {check["check"]: check for check in checks}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_fresh_demo_setup_passes(database_url: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", database_url, "demo", "--persons", "5"]) == 0
    capsys.readouterr()
    code, checks = doctor(database_url, capsys)
    assert code == 0
    assert [checks[key]["level"] for key in ("config", "database", "schema")] == ["ok"] * 3
    assert head_revision() in checks["schema"]["message"]
    assert main(["--database", database_url, "doctor"]) == 0
    assert "Ergebnis:" in capsys.readouterr().out


def test_an_unreachable_server_is_named_with_the_fix(
        capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://lotse:geheim@127.0.0.1:{closed_port()}/lotse"
    code, checks = doctor(url, capsys)
    assert code == DOCTOR_FAILED
    assert checks["database"]["level"] == "error"
    assert "antwortet nicht" in checks["database"]["message"]
    assert "geheim" not in checks["database"]["message"]
    assert checks["database"]["fix"]
    assert "schema" not in checks  # nothing to read there


@pytest.mark.postgres
def test_a_wrong_database_name_is_named_with_the_fix(
        pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = pg_url.rsplit("/", 1)[0] + "/gibt_es_nicht"
    code, checks = doctor(wrong, capsys)
    assert code == DOCTOR_FAILED
    assert checks["database"]["level"] == "error"
    assert "gibt_es_nicht" in checks["database"]["message"]
    assert "existiert auf dem Server nicht" in checks["database"]["message"]
    assert checks["database"]["fix"].startswith("Datenbanknamen prüfen")


def test_an_older_schema_asks_for_lotse_db_upgrade(
        database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", database_url, "db", "upgrade"]) == 0
    capsys.readouterr()
    engine = build_engine(database_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007")
    engine.dispose()
    code, checks = doctor(database_url, capsys)
    assert code == 0  # Lotse upgrades it itself at the next start
    assert checks["schema"]["level"] == "warning"
    assert "0007" in checks["schema"]["message"]
    assert "lotse db upgrade" in checks["schema"]["fix"]


def test_a_newer_schema_needs_a_newer_program(
        database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", database_url, "db", "upgrade"]) == 0
    capsys.readouterr()
    engine = build_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    code, checks = doctor(database_url, capsys)
    assert code == DOCTOR_FAILED
    assert "9999" in checks["schema"]["message"]
    assert "neueste Version" in checks["schema"]["fix"]
