"""What the status bar says about synchronisation, in German: the state of the latest round,
the open conflicts and, as a tooltip, what the latest round moved. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.i18n import _
from app.sync.report import SyncReport


class RoundKind(StrEnum):
    DONE = "done"
    OFFLINE = "offline"  # the hub could not be reached: normal life of a branch office
    REFUSED = "refused"  # the hub or this database refused (schema, no replica)
    FAILED = "failed"  # anything else; the details are in the log


@dataclass(frozen=True)
class RoundOutcome:
    """One round as the runner reports it to the GUI thread."""

    kind: RoundKind
    finished_at: datetime  # local time
    report: SyncReport | None = None
    message: str = ""  # German, for a refusal or failure
    pending: int = 0  # changes made here that wait for the hub
    conflicts: int | None = None  # open conflicts here; None: the role does not review them


def clock(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def running_text() -> str:
    return _("Synchronisiere …")


def state_text(outcome: RoundOutcome, offline_since: datetime | None) -> str:
    if outcome.kind is RoundKind.DONE:
        return _("Synchronisiert {time}").format(time=clock(outcome.finished_at))
    if outcome.kind is RoundKind.OFFLINE:
        since = clock(offline_since or outcome.finished_at)
        if not outcome.pending:
            return _("Offline seit {time}").format(time=since)
        return _("Offline seit {time} – {waiting}").format(
            time=since, waiting=waiting_text(outcome.pending))
    if outcome.kind is RoundKind.REFUSED:
        return _("Sync abgelehnt: {message}").format(message=outcome.message)
    return _("Sync-Fehler: {message}").format(message=outcome.message)


def waiting_text(pending: int) -> str:
    if pending == 1:
        return _("1 Änderung wartet")
    return _("{count} Änderungen warten").format(count=pending)


def conflicts_text(count: int) -> str:
    if count == 1:
        return _("1 Konflikt")
    return _("{count} Konflikte").format(count=count) if count else ""


def report_text(outcome: RoundOutcome) -> str:
    """The tooltip: what the latest round moved, or why it did not."""
    report, at = outcome.report, clock(outcome.finished_at)
    if report is None:
        return _("Letzter Versuch {time}: nichts übertragen. {waiting}").format(
            time=at, waiting=waiting_text(outcome.pending)).strip()
    return _("Letzte Runde {time}: {pushed} gesendet, {pulled} empfangen, {skipped} "
             "übersprungen, {conflicts} neue Konflikte.").format(
        time=at, pushed=report.pushed, pulled=report.pulled, skipped=report.skipped,
        conflicts=len(report.conflicts))
