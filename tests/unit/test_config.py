"""Configuration layers: defaults, machine file, user file, environment, command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import (
    default_database_url,
    load_settings,
    machine_config_file,
    user_config_file,
)
from app.errors import ConfigError


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_default_is_an_sqlite_file_in_the_user_data_dir(tmp_path: Path) -> None:
    settings = load_settings(environ={})
    assert settings.database_url == default_database_url()
    assert settings.database_url.startswith("sqlite:///")
    assert str(tmp_path / "data") in settings.database_url
    assert settings.mode == "local"


def test_last_layer_wins() -> None:
    _write(machine_config_file(), '[database]\nurl = "sqlite:///machine.db"\n'
                                  '[site]\noffice = "GV"\nworkstation = 3\nmode = "shared"\n')
    assert load_settings(environ={}).database_url == "sqlite:///machine.db"
    _write(user_config_file(), '[database]\nurl = "sqlite:///user.db"\n')
    settings = load_settings(environ={})
    assert (settings.database_url, settings.office, settings.workstation, settings.mode) == (
        "sqlite:///user.db", "GV", 3, "shared")
    env = {"LOTSE_DATABASE_URL": "sqlite:///env.db", "LOTSE_WORKSTATION": "7"}
    assert load_settings(environ=env).database_url == "sqlite:///env.db"
    assert load_settings(environ=env).workstation == 7
    final = load_settings(environ=env, database_url="sqlite:///cli.db")
    assert final.database_url == "sqlite:///cli.db"
    assert final.sources[-1] == "--database"


def test_invalid_values_name_the_source_and_the_expectation() -> None:
    _write(user_config_file(), '[site]\nmode = "cloud"\n')
    with pytest.raises(ConfigError) as raised:
        load_settings(environ={})
    assert str(user_config_file()) in raised.value.message
    assert "local, shared oder branch" in raised.value.hint
    user_config_file().unlink()
    with pytest.raises(ConfigError, match="keine Zahl von 1 bis 999"):
        load_settings(environ={"LOTSE_WORKSTATION": "zwei"})
    with pytest.raises(ConfigError, match="2 bis 4 Buchstaben"):
        load_settings(environ={"LOTSE_OFFICE": "N3"})


def test_broken_toml_names_the_file() -> None:
    _write(user_config_file(), "[database\nurl = ")
    with pytest.raises(ConfigError, match="kein gültiges TOML"):
        load_settings(environ={})


def test_supervision_settings_come_from_their_toml_sections(tmp_path: Path) -> None:
    defaults = load_settings(environ={})
    assert (defaults.windows_sign_in, defaults.approval_rules, defaults.overdue_days) == (
        False, None, 21)
    rules = tmp_path / "regeln" / "freigabe.yaml"
    _write(machine_config_file(), f'[accounts]\nwindows_sign_in = true\n'
                                  f'[referrals]\napproval_rules = "{rules.as_posix()}"\n')
    _write(user_config_file(), "[referrals]\noverdue_days = 30\n")
    settings = load_settings(environ={})
    assert (settings.windows_sign_in, settings.approval_rules, settings.overdue_days) == (
        True, rules, 30)


def test_the_environment_overrides_the_files_for_the_supervision_settings() -> None:
    _write(user_config_file(), "[accounts]\nwindows_sign_in = true\n"
                               "[referrals]\noverdue_days = 30\n")
    settings = load_settings(environ={"LOTSE_WINDOWS_SIGN_IN": "nein",
                                      "LOTSE_OVERDUE_DAYS": " 14 ",
                                      "LOTSE_APPROVAL_RULES": "~/freigabe.yaml"})
    assert settings.windows_sign_in is False
    assert settings.overdue_days == 14
    assert settings.approval_rules == Path.home() / "freigabe.yaml"
    assert load_settings(environ={"LOTSE_WINDOWS_SIGN_IN": "1"}).windows_sign_in is True


@pytest.mark.parametrize("days", ["0", "-3", "drei", "2.5", "²"])
def test_overdue_days_must_be_a_whole_number_from_one(days: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings(environ={"LOTSE_OVERDUE_DAYS": days})
    assert raised.value.message.startswith("Umgebung:")
    assert "overdue_days" in raised.value.message
    assert "ganze Zahl ab 1" in raised.value.message


@pytest.mark.parametrize("toml", ["overdue_days = 0", "overdue_days = true",
                                  "overdue_days = 21.5", 'overdue_days = "viele"'])
def test_overdue_days_in_a_file_name_the_file(toml: str) -> None:
    _write(user_config_file(), f"[referrals]\n{toml}\n")
    with pytest.raises(ConfigError, match="ganze Zahl ab 1") as raised:
        load_settings(environ={})
    assert str(user_config_file()) in raised.value.message


def test_other_supervision_values_are_refused_with_what_is_expected() -> None:
    with pytest.raises(ConfigError, match=r"windows_sign_in.*true oder false"):
        load_settings(environ={"LOTSE_WINDOWS_SIGN_IN": "vielleicht"})
    _write(user_config_file(), "[referrals]\napproval_rules = 7\n")
    with pytest.raises(ConfigError, match=r"approval_rules.*Pfad einer YAML-Datei"):
        load_settings(environ={})
