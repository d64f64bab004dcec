"""What the setup wizard asks, checked by the same rules as the configuration files, and
turned into the user's lotse.toml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from app.config import Settings, default_database_url, machine_config_file, user_config_file
from app.config_values import CHECKS
from app.errors import ConfigError, FieldError
from app.i18n import _
from app.setup.config_writer import TomlValue

LOCAL, SHARED, BRANCH = "local", "shared", "branch"


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL server as the wizard asks for it; the password is kept apart."""

    host: str
    port: int = 5432
    database: str = "lotse"
    user: str = ""

    def url(self, password: str | None = None) -> str:
        url = URL.create("postgresql", username=self.user, password=password or None,
                         host=self.host, port=self.port, database=self.database)
        return url.render_as_string(hide_password=False)


@dataclass(frozen=True)
class SetupChoices:
    mode: str
    office: str
    workstation: int
    printer: str = ""
    server: ServerAddress | None = None  # shared: the database; branch: the hub
    replica_file: Path | None = None  # branch only

    def database_url(self) -> str:
        if self.mode == SHARED and self.server is not None:
            return self.server.url()
        if self.mode == BRANCH and self.replica_file is not None:
            return f"sqlite:///{self.replica_file.as_posix()}"
        return default_database_url()

    def config_values(self) -> dict[tuple[str, str], TomlValue]:
        values: dict[tuple[str, str], TomlValue] = {
            ("site", "mode"): self.mode, ("site", "office"): self.office,
            ("site", "workstation"): self.workstation, ("print", "printer"): self.printer}
        if self.mode != LOCAL:  # local keeps the default file in the user's data folder
            values[("database", "url")] = self.database_url()
        return values


def needs_first_start(settings: Settings) -> bool:
    """True when nothing configures this workstation yet: no machine-wide or user file, no
    database named in the environment or on the command line."""
    configured = settings.sources or settings.database_url not in ("", default_database_url())
    return not configured and not (machine_config_file().is_file()
                                   or user_config_file().is_file())


def check_choices(choices: SetupChoices) -> list[FieldError]:
    """Every field that does not fit, in German, all at once."""
    problems = _office_problems(choices.office)
    if choices.mode != LOCAL and choices.server is not None:
        problems += _server_problems(choices.server)
    if choices.mode == BRANCH and not (choices.replica_file and choices.replica_file.name):
        problems.append(FieldError(
            "replica_file", _("Datei der Offline-Kopie"),
            _("erwartet wird ein Dateipfad, z. B. C:/Lotse/zweigstelle.sqlite3")))
    return problems


def _office_problems(office: str) -> list[FieldError]:
    try:
        CHECKS["office"](office, _("Dienststelle"))
    except ConfigError:
        return [FieldError("office", _("Dienststelle"),
                           _("erwartet wird ein Kürzel aus 2 bis 4 Buchstaben, z. B. NE"))]
    return []


def _server_problems(server: ServerAddress) -> list[FieldError]:
    required = (
        ("host", _("Server"), server.host,
         _("erwartet wird der Name oder die Adresse des Servers")),
        ("database", _("Datenbank"), server.database, _("erwartet wird der Name der Datenbank")),
        ("user", _("Benutzer"), server.user,
         _("erwartet wird der Benutzername am Datenbankserver")))
    return [FieldError(key, label, expected) for key, label, value, expected in required
            if not value.strip()]
