"""Schema checks and upgrades, the same for SQLite and PostgreSQL.

Before Lotse writes to a database it looks at it read-only: an SQLite file that is damaged
or belongs to another program, and any database whose schema is newer than this program,
is refused with a message and left exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError

import app
from app.db.connect import explain_connection_error
from app.db.engine import SQLITE_APPLICATION_ID, build_engine, mask, parse_url, sqlite_path
from app.db.models import PROGRAM_VERSION_SETTING, SCHEMA_REVISION_SETTING, Setting
from app.db.revisions import head, history
from app.errors import DatabaseError
from app.i18n import _

if TYPE_CHECKING:  # Alembic is imported only to migrate (see app/db/revisions.py)
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"


class SchemaState(StrEnum):
    EMPTY = "empty"  # no tables yet: Lotse may create its schema
    BEHIND = "behind"  # a Lotse schema older than this program: upgrade
    CURRENT = "current"
    NEWER = "newer"  # written by a newer Lotse: refuse


@dataclass(frozen=True)
class SchemaStatus:
    url: str
    state: SchemaState
    revision: str | None
    head: str
    written_by: str = ""


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return head()


def known_revisions() -> set[str]:
    return set(history())


def _check_sqlite_file(path: Path, url: str) -> bool:
    """True if the file exists with content; refuses files that are not SQLite at all."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(
            _("Die Datei {path} ist keine SQLite-Datenbank (beschädigt oder eine fremde Datei). "
              "Lotse hat sie nicht verändert.").format(path=path),
            hint=_("Andere Datei wählen (--database oder LOTSE_DATABASE_URL) oder die Datei "
                   "aus der Sicherung wiederherstellen."),
        )
    return True


def _read_state(connection: Connection, url: str) -> SchemaStatus:
    tables = set(inspect(connection).get_table_names())
    head = head_revision()
    if connection.dialect.name == "sqlite" and tables:
        app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
        if app_id != SQLITE_APPLICATION_ID:
            raise _foreign(url)
    if not tables:
        return SchemaStatus(url, SchemaState.EMPTY, None, head)
    if "alembic_version" not in tables or "settings" not in tables:
        raise _foreign(url)
    revision = stored_revision(connection)
    written_by = connection.execute(
        select(Setting.value).where(Setting.key == PROGRAM_VERSION_SETTING)
    ).scalar_one_or_none() or ""
    if revision == head:
        state = SchemaState.CURRENT
    elif revision in known_revisions():
        state = SchemaState.BEHIND
    else:
        state = SchemaState.NEWER
    return SchemaStatus(url, state, revision, head, written_by)


def stored_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, as Alembic's MigrationContext reads it, but
    without importing Alembic; several rows (never written by Lotse) read as one unknown."""
    stored = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return None if not stored else stored[0] if len(stored) == 1 else ",".join(sorted(stored))


def _foreign(url: str) -> DatabaseError:
    return DatabaseError(
        _("Die Datenbank {url} gehört nicht zu Lotse (sie enthält fremde Tabellen). "
          "Lotse hat sie nicht verändert.").format(url=url),
        hint=_("Eine leere Datenbank oder eine Lotse-Datenbank angeben."),
    )


def _too_new(status: SchemaStatus) -> DatabaseError:
    return DatabaseError(
        _("Die Datenbank {url} hat den Schemastand {revision}{by}; dieses Lotse {version} "
          "kennt nur Stände bis {head}. Lotse hat die Datenbank nicht verändert.").format(
            url=status.url,
            revision=status.revision,
            by=_(" (geschrieben von Lotse {v})").format(v=status.written_by)
            if status.written_by else "",
            version=app.__version__,
            head=status.head,
        ),
        hint=_("Lotse auf diesem Arbeitsplatz auf die neueste Version aktualisieren."),
    )


def inspect_schema(url_text: str) -> SchemaStatus:
    """Look at a database without changing it and say what state its schema is in."""
    url = parse_url(url_text)
    shown = mask(url)
    path = sqlite_path(url)
    if path is not None and not _check_sqlite_file(path, shown):
        return SchemaStatus(shown, SchemaState.EMPTY, None, head_revision())
    engine = build_engine(url_text, read_only=True)
    try:
        with engine.connect() as connection:
            return _read_state(connection, shown)
    except OperationalError as exc:
        raise explain_connection_error(exc, url) from exc
    except SQLAlchemyDatabaseError as exc:  # "file is not a database", "malformed", …
        raise DatabaseError(
            _("Die Datenbank {url} ist beschädigt oder nicht lesbar ({error}). "
              "Lotse hat sie nicht verändert.").format(url=shown, error=exc.orig),
            hint=_("Die Datei aus der Sicherung wiederherstellen."),
        ) from exc
    finally:
        engine.dispose()


def upgrade(engine: Engine, status: SchemaStatus | None = None) -> SchemaStatus:
    """Bring the schema to this program's head; refuses a database that is newer or foreign.

    ``status`` is a fresh :func:`inspect_schema` result if the caller has one. The whole
    upgrade is one transaction on both engines: it completes or changes nothing.
    """
    shown = mask(engine.url)
    status = status or inspect_schema(engine.url.render_as_string(hide_password=False))
    if status.state is SchemaState.NEWER:
        raise _too_new(status)
    if status.state is SchemaState.CURRENT:
        return status
    from alembic import command

    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            _record_program(connection)
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql(f"PRAGMA application_id={SQLITE_APPLICATION_ID}")
    except OperationalError as exc:
        raise explain_connection_error(exc, engine.url) from exc
    return SchemaStatus(shown, SchemaState.CURRENT, head_revision(), head_revision(),
                        app.__version__)


def _record_program(connection: Connection) -> None:
    for key, value in ((PROGRAM_VERSION_SETTING, app.__version__),
                       (SCHEMA_REVISION_SETTING, head_revision())):
        connection.execute(text("DELETE FROM settings WHERE key = :k"), {"k": key})
        connection.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                           {"k": key, "v": value})


def require_current(engine: Engine, status: SchemaStatus | None = None) -> SchemaStatus:
    """For commands that must not migrate: the schema has to be exactly this program's."""
    status = status or inspect_schema(engine.url.render_as_string(hide_password=False))
    if status.state is SchemaState.NEWER:
        raise _too_new(status)
    if status.state is not SchemaState.CURRENT:
        raise DatabaseError(
            _("Die Datenbank {url} ist noch nicht auf dem Stand dieses Programms.").format(
                url=status.url),
            hint=_("„lotse db upgrade“ ausführen."),
        )
    return status
