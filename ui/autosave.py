"""Autosave for a form: a draft about a second after the last change, at once on flush().

The controller connects the form's ``changed`` to :meth:`Autosaver.schedule`, calls
:meth:`flush` before it replaces or leaves the form, and :meth:`discard` once the form was
saved to the database (or deliberately thrown away). Writing a draft is a small local file
(see app.drafts), quick enough for the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer, Signal

from app.drafts import DraftStore

DELAY_MS = 1000
log = logging.getLogger(__name__)


class Autosaver(QObject):
    saved = Signal()
    failed = Signal(str)  # the reason; the form keeps its input, the next change tries again

    def __init__(self, store: DraftStore, kind: str, key: Callable[[], str],
                 payload: Callable[[], Mapping[str, object]], title: Callable[[], str], *,
                 delay_ms: int = DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._kind = store, kind
        self._key, self._payload, self._title = key, payload, title
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save)

    @property
    def pending(self) -> bool:
        """A change that is not in the draft yet."""
        return self._timer.isActive()

    def schedule(self) -> None:
        """A change: save when the typing pauses (each change restarts the wait)."""
        self._timer.start()

    def flush(self) -> None:
        """Save a pending change now (before the form is replaced, on closing)."""
        if self._timer.isActive():
            self._timer.stop()
            self._save()

    def discard(self) -> None:
        """The form was saved or thrown away: its draft is not needed any more. Call it
        while the key still names that form (a new person's draft is under "new")."""
        self._timer.stop()
        try:
            self._store.discard(self._kind, self._key())
        except OSError as exc:  # left behind, it is offered once more: no harm done
            log.warning("discarding the %s draft failed: %s", self._kind, exc)

    def _save(self) -> None:
        key = self._key()
        try:
            self._store.save(self._kind, key, self._payload(), title=self._title())
        except (OSError, TypeError, ValueError) as exc:  # a full disk must not end the session
            log.warning("autosave of %s %s failed: %s", self._kind, key, exc)
            self.failed.emit(str(exc))
            return
        self.saved.emit()
