"""``lotse machine-config``, the command the MSI runs with the properties IT gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.config import load_settings, machine_config_file

DEPLOYED = """# deployed by IT – keep this comment
[database]
url = "postgresql://lotse@dbserver/lotse"

[referrals]
overdue_days = 14
"""


@pytest.fixture
def deployed() -> Path:
    path = machine_config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DEPLOYED, encoding="utf-8")
    return path


def test_the_given_properties_become_the_machine_settings() -> None:
    exit_code = main(["machine-config", "--mode", "shared", "--office", "GV",
                      "--workstation", "3", "--database-url", "postgresql://lotse@db/lotse",
                      "--windows-sign-in", "1"])
    assert exit_code == 0
    settings = load_settings(environ={})
    assert (settings.mode, settings.office, settings.workstation) == ("shared", "GV", 3)
    assert settings.database_url == "postgresql://lotse@db/lotse"
    assert settings.windows_sign_in is True


def test_properties_nobody_set_leave_an_existing_file_as_it_was(deployed: Path) -> None:
    # The MSI passes every property; those not given arrive as empty strings.
    assert main(["machine-config", "--mode", "", "--office", "", "--workstation", ""]) == 0
    assert deployed.read_text(encoding="utf-8") == DEPLOYED


def test_a_given_property_replaces_only_its_own_setting(deployed: Path) -> None:
    assert main(["machine-config", "--workstation", "7", "--mode", ""]) == 0
    text = deployed.read_text(encoding="utf-8")
    assert "# deployed by IT – keep this comment" in text
    settings = load_settings(environ={})
    assert (settings.workstation, settings.overdue_days) == (7, 14)
    assert settings.database_url == "postgresql://lotse@dbserver/lotse"


def test_a_wrong_value_names_the_field_and_changes_nothing(
        deployed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["machine-config", "--office", "GV", "--workstation", "1000"]) == 2
    assert "Arbeitsplatz „1000“ ist keine Zahl von 1 bis 999" in capsys.readouterr().err
    assert deployed.read_text(encoding="utf-8") == DEPLOYED

