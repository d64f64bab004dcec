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
