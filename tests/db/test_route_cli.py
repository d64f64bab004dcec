"""``lotse route`` and ``lotse rules check`` on both engines: the JSON of the issue, the
offices of the configured database (or the bundled file when it has none), exit code 2 for
bad input naming the value, 3 for a case no rule covers."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.db.engine import unit_of_work
from app.db.models import DirectoryOffice
from app.routing import default_rules_path
from app.services.database import Database

CASE = ["--status", "protected", "--age", "30", "--concern", "benefits",
        "--municipality", "Kaarst", "--date", "2026-07-01"]


def route(url: str, *args: str) -> int:
    return main(["--database", url, "route", *args])


def output(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def add_office(database: Database, code: str, kind: str, name: str,
               municipalities: list[str], *, deleted: bool = False) -> None:
    with unit_of_work(database.sessions) as session:
        session.add(DirectoryOffice(
            code=code, agency_kind=kind, name=name, street="Teststraße 1",
            postal_code="41564", city="Kaarst", municipalities=municipalities,
            documents=["Testnachweis"],
            deleted_at=datetime(2026, 1, 1, tzinfo=UTC) if deleted else None))


def test_the_json_of_the_issue_from_the_bundled_directory(
        database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    """The database has no offices yet: the bundled directory file answers."""
    assert route(database.settings.database_url, *CASE, "--json") == 0
    document = output(capsys)
    assert document["ruleset_version"] == "2026-11-27"
    assert document["offices_source"] == "file"
    primary, papers = document["recommendations"]
    assert {"role", "agency_kind", "office", "reason", "legal_basis", "rule_id",
            "documents"} <= set(primary)
    assert (primary["role"], primary["agency_kind"], primary["rule_id"]) == (
        "primary", "jobcenter", "benefits.sgb2.grundsicherungsgeld")
    assert primary["office"]["name"] == "Jobcenter Rhein-Kreis Neuss"
    assert primary["office"]["address"] == "Karl-Arnold-Str. 20, 41462 Neuss"
    assert primary["reason"].startswith("Grundsicherungsgeld")
    assert (papers["role"], papers["office"]["code"]) == ("secondary",
                                                          "auslaenderbehoerde-kreis")


def test_offices_come_from_the_database_when_it_has_some(
        database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    add_office(database, "jobcenter-kaarst-test", "jobcenter", "Jobcenter Testamt", ["Kaarst"])
    add_office(database, "jobcenter-kaarst-alt", "jobcenter", "Aufgelöst", ["Kaarst"],
               deleted=True)
    assert route(database.settings.database_url, *CASE, "--json") == 0
    document = output(capsys)
    assert document["offices_source"] == "database"
    primary, papers = document["recommendations"]
    assert primary["office"]["name"] == "Jobcenter Testamt"  # not the retired one
    assert primary["office"]["address"] == "Teststraße 1, 41564 Kaarst"
    assert primary["documents"][-1] == "Testnachweis"
    assert papers["office"] is None  # this database lists no Ausländerbehörde


def test_readable_text_says_where_the_offices_come_from(
        database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert route(database.settings.database_url, *CASE, "--employable", "no") == 0
    text = capsys.readouterr().out
    assert "Stellen aus der mitgelieferten Verzeichnisdatei" in text
    assert "Fall: Schutzberechtigt, 30 Jahre, Kaarst – Anliegen: Lebensunterhalt" in text
    assert "Zuständig: Sozialamt – Stadt Kaarst" in text
    assert "Regel: benefits.sgb12.not_employable" in text
    assert text.index("Zuständig:") < text.index("Außerdem: Ausländerbehörde")


def test_no_database_is_created_for_a_question(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'none.sqlite3').as_posix()}"
    assert route(url, *CASE, "--json") == 0
    assert output(capsys)["offices_source"] == "file"
    assert not (tmp_path / "none.sqlite3").exists()


@pytest.mark.parametrize(("change", "says"), [
    (["--status", "refugee"], ["status: „refugee“ ist unbekannt", "asylum_seeker"]),
    (["--concern", "geld"], ["concern: „geld“ ist unbekannt", "benefits"]),
    (["--age", "-4"], ["age: „-4“ ist kein mögliches Alter", "0 bis 120"]),
    (["--age", "200"], ["„200“"]),
    (["--age", "alt"], ["„alt“ ist keine Zahl"]),
    (["--municipality", "Juchen"], ["„Juchen“ ist unbekannt", "Gemeint ist vielleicht „Jüchen“"]),
    (["--date", "2024-12-31"], ["liegt vor dem Beginn des Regelwerks", "ab 01.01.2025"]),
    (["--permit-date", "2027-01-01"], ["liegt nach dem Stichtag"]),
    (["--employable", "vielleicht"], ["ja, nein"]),
])
def test_bad_input_exits_2_naming_the_value(database: Database,
                                            capsys: pytest.CaptureFixture[str],
                                            change: list[str], says: list[str]) -> None:
    args = list(CASE)
    index = args.index(change[0]) if change[0] in args else len(args)
    args[index:index + 2] = change
    assert route(database.settings.database_url, *args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    for text in says:
        assert text in captured.err


def test_a_case_no_rule_covers_exits_3(database: Database, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(default_rules_path() / "ruleset.yaml", tmp_path)
    shutil.copy(default_rules_path() / "education.yaml", tmp_path)
    assert route(database.settings.database_url, *CASE, "--rules", str(tmp_path)) == 3
    error = capsys.readouterr().err
    assert "Keine Regel beantwortet diesen Fall: Anliegen benefits, Status protected" in error


def test_rules_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["rules", "check"]) == 0
    text = capsys.readouterr().out
    assert "Regelwerk 2026-11-27" in text and "keine Widersprüche" in text
    assert "1638 von 1638 Kombinationen" in text
    assert main(["rules", "check", "--json"]) == 0
    assert output(capsys)["gaps"] == []
    shutil.copy(default_rules_path() / "ruleset.yaml", tmp_path)
    (tmp_path / "bad.yaml").write_text(
        "format: lotse-routing/1\nrules:\n  - id: x.y\n    concerns: work\n"
        "    valid_from: 2025-01-01\n    role: primary\n    agency_kind: arbeitsamt\n"
        "    reason: r\n    legal_basis: l\n", encoding="utf-8")
    assert main(["rules", "check", "--rules", str(tmp_path)]) == 2
    assert "bad.yaml, Regel x.y, Feld agency_kind: „arbeitsamt“ ist unbekannt" in \
        capsys.readouterr().err
