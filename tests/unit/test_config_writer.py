"""The setup wizard's writer changes only the values it sets: an administrator's comments and
keys it does not know stay, and the result reads back as the settings it meant."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.config import load_settings, user_config_file
from app.errors import ConfigError
from app.setup.choices import ServerAddress, SetupChoices, check_choices, needs_first_start
from app.setup.config_writer import update_toml, write_config

EXISTING = """\
# Lotse – written by IT, do not remove this line
[site]
mode = "local"   # changed by the wizard
office = "NE"

[future]
colour = "blue"  # a key this version does not know
"""


def test_existing_values_are_replaced_and_comments_and_unknown_keys_kept() -> None:
    text = update_toml(EXISTING, {("site", "mode"): "shared", ("site", "workstation"): 7,
                                  ("database", "url"): "postgresql://desk@db/lotse"})
    assert "# Lotse – written by IT, do not remove this line" in text
    assert 'colour = "blue"  # a key this version does not know' in text
    data = tomllib.loads(text)
    assert data["site"] == {"mode": "shared", "office": "NE", "workstation": 7}
    assert data["database"] == {"url": "postgresql://desk@db/lotse"}
    assert data["future"] == {"colour": "blue"}
    # the new key joins its section instead of a second [site] table
    assert text.count("[site]") == 1
    assert text.index("workstation = 7") < text.index("[future]")


def test_text_that_needs_escaping_reads_back_exactly() -> None:
    printer = 'Büro "Empfang" \\\\srv\\HP'
    data = tomllib.loads(update_toml("", {("print", "printer"): printer,
                                          ("accounts", "windows_sign_in"): True}))
    assert data == {"print": {"printer": printer}, "accounts": {"windows_sign_in": True}}


def test_written_file_is_what_the_settings_read(tmp_path: Path) -> None:
    path = tmp_path / "config" / "lotse.toml"
    write_config(path, {("site", "mode"): "branch", ("site", "office"): "GV",
                        ("site", "workstation"): 3, ("print", "printer"): "Empfang-HP"})
    settings = load_settings(config_file=path)
    assert (settings.mode, settings.office, settings.workstation, settings.printer) == (
        "branch", "GV", 3, "Empfang-HP")
    assert [p.name for p in path.parent.iterdir()] == ["lotse.toml"]  # no temporary left


def test_a_file_the_writer_cannot_update_safely_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "lotse.toml"
    tricky = '[site]\nnote = """\nmode = "x"\n"""\n'
    path.write_text(tricky, encoding="utf-8")
    with pytest.raises(ConfigError, match="nicht automatisch ergänzt"):
        write_config(path, {("site", "mode"): "local"})
    assert path.read_text(encoding="utf-8") == tricky


def test_the_wizard_comes_only_where_nothing_configures_the_workstation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert needs_first_start(load_settings())
    assert not needs_first_start(load_settings(database_url="sqlite:///x.sqlite3"))
    monkeypatch.setenv("LOTSE_DATABASE_URL", "postgresql://desk@db/lotse")
    assert not needs_first_start(load_settings())
    monkeypatch.delenv("LOTSE_DATABASE_URL")
    write_config(user_config_file(), {("site", "office"): "GV"})
    assert not needs_first_start(load_settings())


def test_the_choices_become_the_config_without_a_password() -> None:
    server = ServerAddress("db.kreis.local", 5433, "lotse", "desk")
    shared = SetupChoices("shared", "GV", 2, "Empfang-HP", server)
    assert shared.config_values() == {
        ("site", "mode"): "shared", ("site", "office"): "GV", ("site", "workstation"): 2,
        ("print", "printer"): "Empfang-HP",
        ("database", "url"): "postgresql://desk@db.kreis.local:5433/lotse"}
    assert server.url("geheim") == "postgresql://desk:geheim@db.kreis.local:5433/lotse"
    wrong = SetupChoices("branch", "G1", 2, server=ServerAddress(" ", user=""))
    assert [problem.field for problem in check_choices(wrong)] == [
        "office", "host", "user", "replica_file"]
    assert check_choices(wrong)[0].message == (
        "Dienststelle: erwartet wird ein Kürzel aus 2 bis 4 Buchstaben, z. B. NE")
