"""The one place that builds database engines, with messages people can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from app.credentials import stored_password
from app.errors import DatabaseError
from app.i18n import _

# "LOTS" – marks an SQLite file as a Lotse database (PRAGMA application_id).
SQLITE_APPLICATION_ID = 0x4C4F5453


CONNECT_TIMEOUT_S = 5  # seconds to reach a PostgreSQL server before giving up


def parse_url(text: str) -> URL:
    """Parse a database URL; ``postgresql://`` means psycopg 3."""
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise DatabaseError(
            _("Die Datenbankadresse „{url}“ ist ungültig.").format(url=text),
            hint=_("Erwartet wird z. B. sqlite:///C:/Lotse/lotse.sqlite3 oder "
                   "postgresql://benutzer@server/lotse."),
        ) from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(
            _("Die Datenbankadresse {url} nennt „{backend}“; Lotse arbeitet mit SQLite "
              "oder PostgreSQL.").format(url=mask(url), backend=url.get_backend_name()),
        )
    return url


def mask(url: URL | str) -> str:
    """The URL with its password hidden, for messages and the status bar."""
    parsed = make_url(url) if isinstance(url, str) else url
    return parsed.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The file behind an SQLite URL, None for in-memory databases."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any, *, wal: bool = False) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that DDL
    # (schema migrations) is transactional too: a failed upgrade leaves nothing half-done.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    if wal:  # readers never block the writer; persistent, so only for files Lotse owns
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def build_engine(url_text: str, *, read_only: bool = False, **kwargs: Any) -> Engine:
    """An engine for SQLite or PostgreSQL. ``read_only`` opens an SQLite file without
    any chance of modifying it (used to inspect a file before it is trusted)."""
    url = parse_url(url_text)
    path = sqlite_path(url)
    if path is not None:
        if read_only:
            url = url.set(database=f"file:{path.as_posix()}?mode=ro", query={"uri": "true"})
        else:
            _ensure_folder(path, url)
    if url.get_backend_name() == "postgresql":  # a dropped network must not hang a counter
        kwargs.setdefault("connect_args", {"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        engine = create_engine(url, **kwargs)
    except NoSuchModuleError as exc:
        raise DatabaseError(
            _("Für {url} fehlt der Datenbanktreiber.").format(url=mask(url)),
            hint=_("Lotse neu installieren (psycopg wird für PostgreSQL gebraucht)."),
        ) from exc
    if url.get_backend_name() == "postgresql":
        event.listen(engine, "do_connect", _password_from_store)
    if url.get_backend_name() == "sqlite":
        wal = path is not None and not read_only
        event.listen(engine, "connect", partial(_on_sqlite_connect, wal=wal))
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _password_from_store(_dialect: Any, _record: Any, _args: Any,
                         params: dict[str, Any]) -> None:
    # Asked at connect time, not when the engine is built: a password stored after start
    # (the setup wizard, a prompt) is used by the next connection without a new engine.
    if params.get("password") or not params.get("user"):
        return
    password = stored_password(str(params["user"]), str(params.get("host") or "localhost"))
    if password is not None:
        params["password"] = password


def _ensure_folder(path: Path, url: URL) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            _("Keine Verbindung zur Datenbank {url}: der Ordner {folder} kann nicht angelegt "
              "werden ({error}).").format(url=mask(url), folder=path.parent, error=exc.strerror),
            hint=_("Pfad in der Datenbankadresse prüfen; der Ordner muss beschreibbar sein."),
        ) from exc


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for one unit of work each; objects stay usable after commit (for the UI)."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back on any error."""
    with factory() as session, session.begin():
        yield session
