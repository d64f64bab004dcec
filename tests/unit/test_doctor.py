"""``lotse doctor`` without a database server: configuration, fonts, printers, folders, and
the report's forms (German text, JSON, exit code)."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from app.cli import main
from app.doctor import DOCTOR_FAILED, DoctorOptions, Finding, Level, examine
from app.resources import resource_path


def findings_of(options: DoctorOptions) -> dict[str, Finding]:
    return {finding.check: finding for finding in examine(options)}


@pytest.fixture
def sqlite_file(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'lotse.sqlite3').as_posix()}"


@pytest.fixture
def printers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in ``lpstat`` first on PATH; the test writes the printers it lists."""
    folder = tmp_path / "bin"
    folder.mkdir()
    listing = tmp_path / "printers.txt"
    listing.write_text("", encoding="utf-8")
    script = folder / "lpstat"
    script.write_text(f"#!/bin/sh\ncat {listing}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")
    return listing


def test_a_wrong_setting_is_named_with_its_file_and_the_rest_still_checked(
        tmp_path: Path, sqlite_file: str) -> None:
    config = tmp_path / "lotse.toml"
    config.write_text('[site]\nworkstation = "zwei"\n', encoding="utf-8")
    found = findings_of(DoctorOptions(config_file=config, database_url=sqlite_file))
    assert found["config"].level is Level.ERROR
    assert found["config"].message.startswith(f"{config}: Arbeitsplatz „zwei“ ist keine Zahl")
    assert found["config"].fix
    assert found["fonts"].level is Level.OK  # checks that need no settings still ran


def test_a_missing_font_is_named_with_the_fix(tmp_path: Path, sqlite_file: str) -> None:
    fonts = tmp_path / "fonts"
    shutil.copytree(resource_path("fonts"), fonts)
    (fonts / "NotoNaskhArabic-Regular.ttf").unlink()
    found = findings_of(DoctorOptions(database_url=sqlite_file, fonts=fonts))
    assert found["fonts"].level is Level.ERROR
    assert "NotoNaskhArabic-Regular.ttf" in found["fonts"].message
    assert "neu installieren" in found["fonts"].fix
    assert found["arabic_font"].level is Level.ERROR


def test_a_font_file_without_arabic_letters_is_refused(tmp_path: Path, sqlite_file: str) -> None:
    fonts = tmp_path / "fonts"
    shutil.copytree(resource_path("fonts"), fonts)
    shutil.copy(fonts / "NotoSansEthiopic-Regular.ttf", fonts / "NotoNaskhArabic-Regular.ttf")
    found = findings_of(DoctorOptions(database_url=sqlite_file, fonts=fonts))
    assert found["fonts"].level is Level.OK
    assert found["arabic_font"].level is Level.ERROR
    assert "keine arabischen Zeichen" in found["arabic_font"].message


def test_a_missing_licence_file_is_a_warning(tmp_path: Path, sqlite_file: str) -> None:
    fonts = tmp_path / "fonts"
    shutil.copytree(resource_path("fonts"), fonts)
    (fonts / "LICENSE-Noto.txt").unlink()
    found = findings_of(DoctorOptions(database_url=sqlite_file, fonts=fonts))
    assert found["fonts"].level is Level.WARNING
    assert "LICENSE-Noto.txt" in found["fonts"].message


def test_an_unwritable_data_folder_fails_with_the_fix(
        tmp_path: Path, sqlite_file: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # A file where the folder should be: no one can write there, root included.
    blocker = tmp_path / "blocked"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LOTSE_DATA_DIR", str(blocker / "Lotse"))
    assert main(["--database", sqlite_file, "doctor"]) == DOCTOR_FAILED
    out = capsys.readouterr().out
    assert f"FEHLER   Schreibrechte Benutzerdaten: In {blocker / 'Lotse'} kann Lotse nicht" in out
    assert "Behebung: Dem Windows-Benutzer Schreibrechte" in out
    assert "Ergebnis: 3 Fehler" in out  # data, and the logs and drafts below it


def test_no_printer_is_a_warning_with_a_fix(printers: Path, sqlite_file: str) -> None:
    found = findings_of(DoctorOptions(database_url=sqlite_file))
    assert found["printers"].level is Level.WARNING
    assert found["printers"].message == "Kein Drucker eingerichtet."
    assert "Als PDF speichern" in found["printers"].fix


def test_the_configured_printer_must_exist(
        printers: Path, tmp_path: Path, sqlite_file: str) -> None:
    printers.write_text("Empfang-Laser\nFlur-Kopierer\n", encoding="utf-8")
    assert findings_of(DoctorOptions(database_url=sqlite_file))["printers"].message == (
        "Empfang-Laser, Flur-Kopierer")
    config = tmp_path / "lotse.toml"
    config.write_text('[print]\nprinter = "Büro-Drucker"\n', encoding="utf-8")
    found = findings_of(DoctorOptions(config_file=config, database_url=sqlite_file))
    assert found["printers"].level is Level.WARNING
    assert "„Büro-Drucker“ ist nicht eingerichtet" in found["printers"].message
    assert "[print] printer" in found["printers"].fix


def test_json_report_for_scripts(printers: Path, sqlite_file: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    printers.write_text("Empfang-Laser\n", encoding="utf-8")
    assert main(["--database", sqlite_file, "doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["exit_code"] == 0
    levels = {check["check"]: check["level"] for check in report["checks"]}
    assert levels["schema"] == "warning"  # the file does not exist yet: it is empty
    assert {levels[key] for key in ("config", "database", "fonts", "printers",
                                    "write:data", "write:logs", "write:drafts")} == {"ok"}
    assert not Path(sqlite_file.removeprefix("sqlite:///")).exists()  # doctor created nothing
