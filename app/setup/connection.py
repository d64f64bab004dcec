""""Verbindung testen": can this workstation use the PostgreSQL server the wizard names?

Read-only, through the same schema inspection the start uses (app/db/schema.py), so the
wizard says exactly what the start would say – unreachable host, login refused, no such
database, a schema older or newer than this program – before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.db.engine import build_engine
from app.db.schema import SchemaState, SchemaStatus, inspect_schema
from app.errors import DatabaseError
from app.i18n import _
from app.setup.choices import ServerAddress


@dataclass(frozen=True)
class ConnectionReport:
    ok: bool
    message: str
    hint: str = ""
    offices: tuple[str, ...] = ()  # the office codes the database knows, for the choice


def try_connection(server: ServerAddress, password: str, *, hub: bool = False) -> ConnectionReport:
    """Connect once (giving up after the engine's connect timeout) and judge the schema;
    ``hub`` is the branch office's central server, which must already hold Lotse."""
    url = server.url(password)
    try:
        status = inspect_schema(url)
    except DatabaseError as error:
        return ConnectionReport(False, error.message, error.hint)
    report = _judge(status, hub)
    if report.ok and status.state is not SchemaState.EMPTY:
        return ConnectionReport(True, report.message, report.hint, _office_codes(url))
    return report


def _judge(status: SchemaStatus, hub: bool) -> ConnectionReport:
    if status.state is SchemaState.NEWER:
        return ConnectionReport(
            False, _("Verbunden, aber die Datenbank hat den Schemastand {revision} eines neueren "
                     "Lotse; dieses Programm kennt nur Stände bis {head}.").format(
                revision=status.revision, head=status.head),
            _("Lotse auf diesem Arbeitsplatz auf die neueste Version aktualisieren."))
    if status.state is SchemaState.EMPTY:
        if hub:
            return ConnectionReport(False, _("Verbunden, aber auf dem Zentralserver ist noch "
                                             "keine Lotse-Datenbank eingerichtet."),
                                    _("Zuerst „lotse db upgrade“ für den Zentralserver ausführen."))
        return ConnectionReport(True, _("Verbindung hergestellt. Die Datenbank ist leer; Lotse "
                                        "legt sie beim ersten Start an."))
    if status.state is SchemaState.BEHIND:
        return ConnectionReport(True, _("Verbindung hergestellt. Die Datenbank hat einen älteren "
                                        "Schemastand ({revision}); Lotse aktualisiert ihn beim "
                                        "Start.").format(revision=status.revision))
    return ConnectionReport(True, _("Verbindung hergestellt. Die Datenbank ist auf dem Stand "
                                    "dieses Programms."))


def _office_codes(url: str) -> tuple[str, ...]:
    """Our offices as the database lists them; none if it cannot say (not an error here)."""
    engine = build_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT code FROM offices ORDER BY code"))
            return tuple(str(code) for code in rows.scalars())
    except SQLAlchemyError:
        return ()
    finally:
        engine.dispose()
