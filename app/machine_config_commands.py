"""``lotse machine-config``: set values in the machine-wide configuration file
(``%PROGRAMDATA%\\Lotse\\lotse.toml``, app/config.py), as the MSI does with the properties
IT gives it (installer/lotse.wxs runs this command after installing the files).

Only the options given with a value are written; an empty value (an MSI property nobody set)
leaves that setting alone, and everything else in an existing file – other settings,
comments – stays. Each value is checked as the program checks it when it reads the file,
before anything is written: a wrong value makes the command (and so the installation) fail
with the field named, and the file stays as it was.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.config import Settings, machine_config_file
from app.errors import ConfigError
from app.i18n import _

# option → (Settings field, TOML section, TOML key), in the order of the file's sections
OPTIONS = {
    "database_url": ("database_url", "database", "url"),
    "mode": ("mode", "site", "mode"),
    "office": ("office", "site", "office"),
    "workstation": ("workstation", "site", "workstation"),
    "language": ("language", "ui", "language"),
    "windows_sign_in": ("windows_sign_in", "accounts", "windows_sign_in"),
}


def add_machine_config_commands(commands: Any) -> None:
    command = commands.add_parser(
        "machine-config", help=_("Werte in die rechnerweite Konfiguration schreiben "
                                 "(für die Installation; leere Werte bleiben unverändert)"))
    command.add_argument("--database-url", metavar="URL", help=_("Datenbankadresse"))
    command.add_argument("--mode", metavar="local|shared|branch", help=_("Betriebsart"))
    command.add_argument("--office", metavar=_("KÜRZEL"), help=_("Dienststellenkürzel"))
    command.add_argument("--workstation", metavar="N", help=_("Arbeitsplatznummer 1–999"))
    command.add_argument("--language", metavar=_("CODE"), help=_("Sprache der Oberfläche"))
    command.add_argument("--windows-sign-in", metavar="true|false",
                         help=_("als Windows-Benutzer ohne Dialog anmelden"))


def machine_config(args: argparse.Namespace, settings: Settings) -> int:
    from app.setup.config_writer import write_config

    path = machine_config_file()
    given = {option: getattr(args, option) for option in OPTIONS
             if (getattr(args, option) or "").strip()}
    if not given:
        print(_("Keine Werte angegeben; {path} bleibt unverändert.").format(path=path))
        return 0
    checked = Settings().with_values(
        {OPTIONS[option][0]: value.strip() for option, value in given.items()}, str(path))
    values = {(section, key): getattr(checked, name)
              for option in given for name, section, key in [OPTIONS[option]]}
    try:
        write_config(path, values)
    except OSError as exc:
        raise ConfigError(_("{path} kann nicht geschrieben werden: {error}").format(
            path=path, error=exc.strerror),
            hint=_("Als Administrator ausführen (die Installation tut das).")) from exc
    print(_("{path}: {keys} gesetzt.").format(
        path=path, keys=", ".join(f"{section}.{key}" for section, key in values)))
    return 0
