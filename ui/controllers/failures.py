"""What a user reads when a background operation fails."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from app.errors import LotseError
from app.i18n import _

log = logging.getLogger(__name__)


def describe_failure(error: BaseException, what: str) -> str:
    """A German sentence naming what could not be done and why; the details go to the log.

    Errors that are not about the database are programming errors: they are raised again so
    that the crash dialog shows them.
    """
    if isinstance(error, LotseError):
        return f"{error.message} {error.hint}".strip()
    if isinstance(error, SQLAlchemyError):
        log.error("%s", what, exc_info=error)
        return _("{what}: Die Datenbank antwortet nicht wie erwartet. Eingaben bleiben "
                 "erhalten; bitte später erneut versuchen oder die IT-Betreuung fragen.").format(
            what=what)
    raise error
