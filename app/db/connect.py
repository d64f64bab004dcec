"""Turning a failed connection into a message that names the URL, the cause and the fix."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from app.db.engine import mask, sqlite_path
from app.errors import DatabaseError
from app.i18n import N_, _

# Fragments of driver messages (psycopg, libpq, sqlite3) and what they mean for the user.
_CAUSES: list[tuple[tuple[str, ...], str, str]] = [
    (
        (
            "connection refused",
            "could not connect",
            "connection timed out",
            "timeout expired",
            "no route to host",
            "network is unreachable",
        ),
        N_("Der Datenbankserver antwortet nicht."),
        N_(
            "Prüfen, ob der PostgreSQL-Server läuft und Host und Port stimmen; ggf. die "
            "IT-Betreuung fragen. Eingaben bleiben erhalten."
        ),
    ),
    (
        (
            "could not translate host name",
            "name or service not known",
            "nodename nor servname",
            "temporary failure in name resolution",
        ),
        N_("Der Servername ist unbekannt."),
        N_("Den Servernamen in der Datenbankadresse prüfen (Tippfehler?)."),
    ),
    (
        (
            "password authentication failed",
            "no password supplied",
            "authentication failed",
            "role",
            "peer authentication failed",
        ),
        N_("Anmeldung am Datenbankserver abgelehnt (Benutzer oder Passwort falsch)."),
        N_(
            "Benutzernamen in der Adresse und das Passwort in der Anmeldeinformationsverwaltung "
            "bzw. in der PostgreSQL-Passwortdatei prüfen."
        ),
    ),
    (
        ("does not exist",),
        N_("Die Datenbank existiert auf dem Server nicht."),
        N_(
            "Datenbanknamen prüfen oder die Datenbank anlegen lassen (siehe README, "
            "PostgreSQL einrichten)."
        ),
    ),
    (
        ("unable to open database file",),
        N_("Die Datenbankdatei kann nicht geöffnet werden."),
        N_("Prüfen, ob der Ordner existiert und beschreibbar ist."),
    ),
    (
        ("database is locked",),
        N_("Die Datenbankdatei ist von einem anderen Programm gesperrt."),
        N_("Andere Lotse-Fenster schließen; SQLite-Dateien nie auf einem Netzlaufwerk öffnen."),
    ),
    (
        ("readonly database", "read-only"),
        N_("Die Datenbankdatei ist schreibgeschützt."),
        N_("Schreibrechte für die Datei und ihren Ordner prüfen."),
    ),
]


def explain_connection_error(exc: OperationalError, url: URL | str) -> DatabaseError:
    """A DatabaseError naming the masked URL, the likely cause and the fix."""
    detail = str(exc.orig or exc).strip().lower()
    for fragments, cause, fix in _CAUSES:
        if any(fragment in detail for fragment in fragments):
            return DatabaseError(
                _("Keine Verbindung zur Datenbank {url}: {cause}").format(
                    url=mask(url), cause=_(cause)
                ),
                hint=_(fix),
            )
    return DatabaseError(
        _("Keine Verbindung zur Datenbank {url}: {detail}").format(
            url=mask(url), detail=str(exc.orig or exc).strip().splitlines()[0]
        ),
        hint=_("Datenbankadresse prüfen (--database, LOTSE_DATABASE_URL oder lotse.toml)."),
    )


def check_connection(engine: Engine) -> None:
    """Raise a DatabaseError with cause and fix if the database cannot be reached."""
    path = sqlite_path(engine.url)
    if path is not None and not path.parent.exists():
        raise DatabaseError(
            _("Keine Verbindung zur Datenbank {url}: der Ordner {folder} existiert nicht.").format(
                url=mask(engine.url), folder=path.parent
            ),
            hint=_("Pfad in der Datenbankadresse prüfen."),
        )
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise explain_connection_error(exc, engine.url) from exc
