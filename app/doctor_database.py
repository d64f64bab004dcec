"""``lotse doctor``: the configuration, whether the database answers, and its schema."""

from __future__ import annotations

from app.config import Settings, load_settings, machine_config_file, user_config_file
from app.db.connect import check_connection
from app.db.engine import build_engine, mask, parse_url, sqlite_path
from app.db.schema import SchemaState, SchemaStatus, inspect_schema
from app.doctor import DoctorOptions, Finding, Level, error, ok, warning
from app.errors import ConfigError, DatabaseError
from app.i18n import _

# The doctor waits less than the app (5 s): a report should come back quickly.
REACH_TIMEOUT_S = 3


def database_findings(options: DoctorOptions) -> tuple[list[Finding], Settings | None]:
    """Configuration, reachability and schema; the settings if the configuration loads."""
    configuration, settings = configuration_finding(options)
    if settings is None:
        return [configuration], None
    reach = reach_finding(settings.database_url)
    if reach.level is Level.ERROR:  # the schema cannot be read either
        return [configuration, reach], settings
    return [configuration, reach, schema_finding(settings.database_url)], settings


def configuration_finding(options: DoctorOptions) -> tuple[Finding, Settings | None]:
    title = _("Konfiguration")
    try:
        settings = load_settings(config_file=options.config_file,
                                 database_url=options.database_url)
    except ConfigError as exc:
        return error("config", title, exc.message, exc.hint or _(
            "Den genannten Wert in der genannten Datei oder Umgebungsvariable korrigieren.")), None
    return ok("config", title, _sources(settings, options)), settings


def _sources(settings: Settings, options: DoctorOptions) -> str:
    files = [str(path) for path in (machine_config_file(),
                                    options.config_file or user_config_file())]
    read = ", ".join(settings.sources) or _("nur Standardwerte (keine Datei unter {files})").format(
        files=" / ".join(files))
    return _("gelesen aus {read}; Modus {mode}, Dienststelle {office}, Arbeitsplatz "
             "{workstation}").format(read=read, mode=settings.mode, office=settings.office,
                                     workstation=settings.workstation)


def reach_finding(url: str) -> Finding:
    """A server is asked (briefly); an SQLite file is only looked for here, the schema check
    opens it read-only."""
    title = _("Datenbank")
    try:
        path = sqlite_path(parse_url(url))
        if path is None:
            _ask_server(url)
    except DatabaseError as exc:
        return error("database", title, exc.message, exc.hint)
    if path is None:
        return ok("database", title, _("{url} antwortet").format(url=mask(url)))
    if not path.exists():
        return ok("database", title, _("Die Datei {path} gibt es noch nicht; Lotse legt sie "
                                       "beim ersten Start an.").format(path=path))
    return ok("database", title, _("SQLite-Datei {path}").format(path=path))


def _ask_server(url: str) -> None:
    engine = build_engine(url, connect_args={"connect_timeout": REACH_TIMEOUT_S})
    try:
        check_connection(engine)
    finally:
        engine.dispose()


def schema_finding(url: str) -> Finding:
    title = _("Schemastand")
    try:
        status = inspect_schema(url)
    except DatabaseError as exc:  # damaged, foreign, locked
        return error("schema", title, exc.message, exc.hint)
    return _schema_state(status, title)


def _schema_state(status: SchemaStatus, title: str) -> Finding:
    if status.state is SchemaState.CURRENT:
        return ok("schema", title, _("{revision}, der Stand dieses Programms").format(
            revision=status.revision))
    if status.state is SchemaState.EMPTY:
        return warning("schema", title, _("Die Datenbank ist noch leer."), _(
            "Lotse einmal starten oder „lotse db upgrade“ ausführen (für eine Demo: "
            "„lotse demo“)."))
    if status.state is SchemaState.BEHIND:
        return warning("schema", title, _(
            "{revision} ist älter als der Stand dieses Programms ({head}).").format(
            revision=status.revision, head=status.head), _(
            "„lotse db upgrade“ ausführen (Lotse tut es sonst beim nächsten Start, bevor "
            "das Fenster erscheint)."))
    return error("schema", title, _(
        "{revision}{by} ist neuer als dieses Lotse kennt (bis {head}).").format(
        revision=status.revision, head=status.head,
        by=_(" (geschrieben von Lotse {v})").format(v=status.written_by)
        if status.written_by else ""), _(
        "Lotse auf diesem Arbeitsplatz auf die neueste Version aktualisieren."))
