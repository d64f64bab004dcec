"""What a user reads when a background operation fails, and which failures mean that the
database cannot be reached at all (the one place that decides it)."""

from __future__ import annotations

import logging
import sqlite3
import sys

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.errors import LotseError
from app.i18n import _

log = logging.getLogger(__name__)

# SQLSTATE classes of PostgreSQL that mean the connection is gone or not yet possible:
# 08 connection exception, 57P01-57P03 the server shutting down, crashed or starting up.
_CONNECTION_STATES = ("08", "57P01", "57P02", "57P03")
# SQLite has no states; a file that cannot be opened (network drive gone, folder removed)
# is the one "cannot reach it". "database is locked" is not: it clears up by itself.
_SQLITE_UNREACHABLE = ("unable to open database file", "disk i/o error")


def is_connection_failure(error: BaseException) -> bool:
    """True if ``error`` means the database could not be reached (so retrying later with
    the same input can work), not that the input or the program was wrong."""
    if isinstance(error, DBAPIError):
        return error.connection_invalidated or _driver_unreachable(error.orig)
    return _driver_unreachable(error)


def _driver_unreachable(error: BaseException | None) -> bool:
    # psycopg is imported with the first PostgreSQL connection (a third of a second at start
    # otherwise): without it loaded, no error can be one of its kind.
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(error, psycopg.OperationalError):
        # no state: failed before an answer
        return error.sqlstate is None or error.sqlstate.startswith(_CONNECTION_STATES)
    if isinstance(error, sqlite3.OperationalError):
        return any(text in str(error).lower() for text in _SQLITE_UNREACHABLE)
    return False


def describe_failure(error: BaseException, what: str) -> str:
    """A German sentence naming what could not be done and why; the details go to the log.

    Errors that are not about the database are programming errors: they are raised again so
    that the crash dialog shows them.
    """
    if isinstance(error, LotseError):
        return f"{error.message} {error.hint}".strip()
    if is_connection_failure(error):
        log.warning("%s: no connection to the database (%s)", what, error)
        return _("{what}: Keine Verbindung zur Datenbank. Ihre Eingaben bleiben erhalten; "
                 "mit F5 erneut versuchen.").format(what=what)
    if isinstance(error, SQLAlchemyError):
        log.error("%s", what, exc_info=error)
        return _("{what}: Die Datenbank antwortet nicht wie erwartet. Eingaben bleiben "
                 "erhalten; bitte später erneut versuchen oder die IT-Betreuung fragen.").format(
            what=what)
    raise error
