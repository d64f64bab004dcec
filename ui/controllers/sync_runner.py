"""Sync rounds on a thread of their own: a round talks to the hub for seconds (or waits for
an unreachable one), so it must hold up neither the GUI thread nor the database worker's
queue. The round writes the SQLite replica next to the worker; WAL and the busy timeout of
app/db/engine.py let the two writers take turns. Nothing here touches a widget: the outcome
goes back to the GUI thread through a queued signal."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, Signal, Slot
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.db.engine import build_engine
from app.errors import LotseError
from app.i18n import _
from app.security.permissions import Action, Actor, allowed
from app.services.database import Database
from app.sync.conflict_exchange import synchronise
from app.sync.conflicts import open_conflict_count
from app.sync.replica import hub_url
from app.sync.report import SyncReport
from app.sync.state import pending_changes
from ui.controllers.failures import is_connection_failure
from ui.controllers.sync_text import RoundKind, RoundOutcome

log = logging.getLogger(__name__)


class SyncRunner(QObject):
    """Lives on the sync thread; ``run_round`` runs one round and emits its outcome."""

    finished = Signal(object)  # RoundOutcome

    def __init__(self, database: Database, actor: Actor) -> None:
        super().__init__()
        self._database, self._actor = database, actor
        self._hub: Engine | None = None

    @Slot()
    def run_round(self) -> None:
        self.finished.emit(self._round())

    def _round(self) -> RoundOutcome:
        local = self._database.engine
        try:
            report = synchronise(local, self._hub_engine(local))
        except Exception as error:  # a round's failure is a state, never a crash
            return self._outcome(*self._failure(error))
        return self._outcome(RoundKind.DONE, report=report)

    def _hub_engine(self, local: Engine) -> Engine:
        if self._hub is None:  # one engine (and its pool) for all rounds
            self._hub = build_engine(hub_url(local))
        return self._hub

    def _failure(self, error: Exception) -> tuple[RoundKind, str]:
        if is_connection_failure(error):
            log.info("sync: hub not reachable (%s)", error)
            return RoundKind.OFFLINE, ""
        if isinstance(error, LotseError):
            log.warning("sync refused: %s", error)
            return RoundKind.REFUSED, error.message
        log.error("sync round failed", exc_info=error)
        return RoundKind.FAILED, _("Die Runde ist fehlgeschlagen; Einzelheiten im Protokoll.")

    def _outcome(self, kind: RoundKind, message: str = "",
                 report: SyncReport | None = None) -> RoundOutcome:
        pending, conflicts = self._counts()
        return RoundOutcome(kind, datetime.now().astimezone(), report, message, pending,
                            conflicts)

    def _counts(self) -> tuple[int, int | None]:
        """Changes waiting here, and open conflicts for a role that reviews them."""
        try:
            with self._database.sessions() as session:
                conflicts = (open_conflict_count(session, actor=self._actor)
                             if allowed(self._actor.role, Action.REVIEW_CONFLICTS) else None)
                return pending_changes(session.connection()), conflicts
        except SQLAlchemyError as error:  # the replica busy or gone: the state says enough
            log.warning("sync: could not count waiting changes (%s)", error)
            return 0, None

    def close(self) -> None:
        if self._hub is not None:
            self._hub.dispose()
