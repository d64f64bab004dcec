"""Batch printing: the approved originals not printed yet, chunk by chunk, each chunk one PDF.

Each chunk is one unit of work: its referrals are locked, their letters rendered into one PDF
(:func:`app.letters.render_letters`), handed to ``deliver`` (the printer, a file), logged as
printed originals and marked issued – and committed together. So whatever is logged was
produced and handed over, and a second run (after a cancel, a crash or at another
workstation at the same time) finds only what no chunk has logged: nothing prints twice.
``progress(done, total)`` is told after each chunk; returning False stops before the next.

A letter that cannot be right (an office without address, …) is left out with its message
and stays approved; the others print.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from io import BytesIO

from sqlalchemy import Select, exists, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.codes import ReferralStatus
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import PrintEvent, Referral
from app.errors import FieldsValidationError, NotFoundError
from app.letters.model import LetterKind, ReferralLetter
from app.security.permissions import Action, Actor, require
from app.services.letter_builders import Issue, referral_letter
from app.services.letter_parts import letter_language
from app.services.print_log import LetterSubject, Printed, record_print
from app.services.referral_filters import ReferralFilter, filtered
from app.services.referral_lifecycle import ChangedBy, change_status

DEFAULT_CHUNK = 25
EVERYTHING = ReferralFilter()
Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True)
class PrintedChunk:
    pdf: bytes
    sha256: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    reference: str
    message: str  # German: what to fix


@dataclass(frozen=True)
class BatchResult:
    chunks: tuple[PrintedChunk, ...]
    skipped: tuple[Skipped, ...]
    total: int  # waiting when the run started
    cancelled: bool

    @property
    def references(self) -> tuple[str, ...]:
        return tuple(reference for chunk in self.chunks for reference in chunk.references)


@dataclass
class _Run:
    actor: Actor
    settings: Settings
    where: ReferralFilter
    chunk_size: int
    left_out: set[uuid.UUID]


def waiting_originals(session: Session, where: ReferralFilter = EVERYTHING) -> int:
    """How many approved referrals (within the filters) wait for their original."""
    query = _waiting(where).with_only_columns(func.count()).order_by(None)
    return int(session.execute(query).scalar_one())


def batch_print(sessions: sessionmaker[Session], *, actor: Actor, settings: Settings,
                where: ReferralFilter = EVERYTHING, chunk_size: int = DEFAULT_CHUNK,
                progress: Progress | None = None,
                deliver: Callable[[PrintedChunk], None] | None = None) -> BatchResult:
    """Print the waiting originals chunk by chunk (see the module's doc); RefusedActionError
    for a role that may not print in batches. An error in ``deliver`` rolls its chunk back
    and stops the run; the chunks before stay printed."""
    with unit_of_work(sessions) as session:
        require(session, actor, Action.BATCH_PRINT)
        total = waiting_originals(session, where)
    run = _Run(actor, replace(settings, user=actor.username), where, max(1, chunk_size), set())
    chunks: list[PrintedChunk] = []
    skipped: list[Skipped] = []
    while True:
        with unit_of_work(sessions) as session:
            chunk, passed = _next_chunk(session, run)
            if chunk is not None and deliver is not None:
                deliver(chunk)
        if chunk is None and not passed:
            return BatchResult(tuple(chunks), tuple(skipped), total, cancelled=False)
        chunks += [chunk] if chunk is not None else []
        skipped += passed
        done = len(skipped) + sum(len(c.references) for c in chunks)
        if progress is not None and progress(done, total) is False:
            return BatchResult(tuple(chunks), tuple(skipped), total, cancelled=True)


def _next_chunk(session: Session, run: _Run) -> tuple[PrintedChunk | None, list[Skipped]]:
    referrals = _lock_next(session, run)
    letters, skipped = _letters(session, referrals, run.settings)
    run.left_out |= {r.id for r in referrals if r.reference in {s.reference for s in skipped}}
    if not letters:
        return None, skipped
    chunk = _render(letters)
    for referral, letter in letters:
        _log(session, referral, letter, chunk, run)
    return chunk, skipped


def _waiting(where: ReferralFilter) -> Select[Referral]:
    printed = exists().where(PrintEvent.referral_id == Referral.id,
                             PrintEvent.letter_kind == LetterKind.REFERRAL.value)
    approved = replace(where, status=ReferralStatus.APPROVED.value)
    return filtered(select(Referral), approved).where(~printed).order_by(Referral.created_at,
                                                                          Referral.id)


def _lock_next(session: Session, run: _Run) -> list[Referral]:
    """The next chunk, locked against a second batch running at the same time."""
    query = _waiting(run.where).limit(run.chunk_size)
    if run.left_out:
        query = query.where(Referral.id.not_in(run.left_out))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    else:  # SQLite: take the one writer lock before reading, so the read stays true
        session.execute(text("UPDATE referrals SET status = status WHERE 0"))
    return list(session.scalars(query))


def _letters(session: Session, referrals: Sequence[Referral], settings: Settings,
             ) -> tuple[list[tuple[Referral, ReferralLetter]], list[Skipped]]:
    from app.letters.check import raise_if_invalid

    letters, skipped = [], []
    for referral in referrals:
        try:
            issue = Issue(letter_language(None, referral), date.today(), copy=False)
            letter = referral_letter(session, referral, issue, settings)
            raise_if_invalid(letter)
        except (FieldsValidationError, NotFoundError) as problem:
            skipped.append(Skipped(referral.reference, problem.message))
            continue
        letters.append((referral, letter))
    return letters, skipped


def _render(letters: Sequence[tuple[Referral, ReferralLetter]]) -> PrintedChunk:
    from app.letters import render_letters  # reportlab loads on first use

    out = BytesIO()
    render_letters([letter for _referral, letter in letters], out)
    pdf = out.getvalue()
    return PrintedChunk(pdf, hashlib.sha256(pdf).hexdigest(),
                        tuple(referral.reference for referral, _letter in letters))


def _log(session: Session, referral: Referral, letter: ReferralLetter, chunk: PrintedChunk,
         run: _Run) -> None:
    from app.letters import TEMPLATE_VERSION

    record_print(session, LetterSubject(LetterKind.REFERRAL, referral.id),
                 Printed(chunk.sha256, TEMPLATE_VERSION, "print", letter.language, False),
                 actor=run.actor, settings=run.settings)
    change_status(session, referral, ReferralStatus.ISSUED.value,
                  by=ChangedBy.of(run.actor))
