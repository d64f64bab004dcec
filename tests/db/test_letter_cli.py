"""``lotse letter`` and ``lotse referral list`` on both engines, through ``app.cli.main``:
a PDF written whole or not at all, the print recorded, the exit codes of the conventions."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.codes import LETTER_LANGUAGES
from app.db.engine import unit_of_work
from app.db.models import PrintEvent
from app.services.database import Database
from app.services.letter_parts import find_referral
from tests.actors import cli_account
from tests.db.letter_scene import Scene, add_scene


@pytest.fixture
def scene(database: Database) -> Scene:
    with unit_of_work(database.sessions) as session:
        return add_scene(session)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the letters go (the SQLite file lives in tmp_path)."""
    path = tmp_path / "letters"
    path.mkdir()
    return path


def lotse(database: Database, *args: str) -> int:
    return main(["--database", database.settings.database_url, "--user", "a.becker", *args])


@pytest.fixture(autouse=True)
def _signed_in(database: Database, scene: Scene, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands act as the scene's front desk account a.becker."""
    cli_account(database, monkeypatch)


def logged(database: Database) -> list[tuple[str, bool, str, str]]:
    with database.sessions() as session:
        return [(e.letter_kind, e.copy, e.channel, e.pdf_sha256) for e in session.scalars(
            select(PrintEvent).order_by(PrintEvent.printed_at))]


def test_a_letter_is_written_and_logged(database: Database, scene: Scene, folder: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = folder / "brief.pdf"
    assert lotse(database, "letter", scene.jobcenter, "--out", str(out)) == 0
    line = capsys.readouterr().out
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert scene.jobcenter in line and "Original" in line and digest in line
    assert logged(database) == [("referral", False, "pdf", digest)]
    assert lotse(database, "letter", scene.jobcenter, "--out", str(out), "--kind",
                 "route-sheet", "--language", "uk") == 0
    assert lotse(database, "letter", scene.jobcenter, "--out", str(out)) == 0
    assert "Zweitschrift" in capsys.readouterr().out.splitlines()[-1]
    assert [entry[:2] for entry in logged(database)] == [
        ("referral", False), ("route-sheet", False), ("referral", True)]
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]  # no temporary left


def test_problems_leave_no_file_and_no_log(database: Database, scene: Scene, folder: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = folder / "brief.pdf"
    assert lotse(database, "letter", "NE-1-2026-777777-1", "--out", str(out)) == 3
    assert "777777" in capsys.readouterr().err
    assert lotse(database, "letter", scene.jobcenter, "--out", str(out),
                 "--language", "klingon") == 2
    [error] = json.loads(capsys.readouterr().err)["errors"]
    assert error["message"].startswith("--language") and all(
        code in error["message"] for code in LETTER_LANGUAGES)
    assert lotse(database, "letter", scene.jobcenter, "--out",
                 str(folder / "missing" / "brief.pdf")) == 2
    assert "--out" in capsys.readouterr().err
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(PrintEvent)) == 0
    assert list(folder.iterdir()) == []


def test_an_existing_file_is_kept_when_the_letter_cannot_be_made(
        database: Database, scene: Scene, folder: Path) -> None:
    out = folder / "brief.pdf"
    out.write_bytes(b"the letter of yesterday")
    with unit_of_work(database.sessions) as session:
        find_referral(session, scene.jobcenter).directory_office_id = None
    assert lotse(database, "letter", scene.jobcenter, "--out", str(out)) == 2
    assert out.read_bytes() == b"the letter of yesterday"
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]


def test_referral_list_as_json(database: Database, scene: Scene,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse(database, "referral", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["reference"] for r in rows] == [scene.school, scene.residence, scene.jobcenter]
    assert {r["agency_kind"] for r in rows} == {"jobcenter", "auslaenderbehoerde",
                                                "kommunales_integrationszentrum"}
    assert rows[0]["person_id"] == str(scene.son) and rows[0]["language"] == "ar"
    assert rows[0]["status"] == "draft" and rows[0]["office"] == "KI Rhein-Kreis Neuss"
    assert lotse(database, "referral", "list", "--person", str(scene.son), "--json") == 0
    assert [r["reference"] for r in json.loads(capsys.readouterr().out)] == [scene.school]
    assert lotse(database, "referral", "list", "--person", "P-NE-1-2026-999999-9") == 3
