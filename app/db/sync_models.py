"""The tables of synchronisation (issue 7): the hub's change log, the replica's outbox and
base, and the conflicts a supervisor reviews. Every database has them (one schema); which
ones fill depends on the database's part: the PostgreSQL hub writes ``sync_log``, a branch
replica writes ``sync_outbox`` and keeps ``sync_base``.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, utcnow

# BIGINT on PostgreSQL (the log grows without end), INTEGER on SQLite: only an INTEGER
# PRIMARY KEY is SQLite's autoincrementing rowid.
SEQ = BigInteger().with_variant(Integer(), "sqlite")


class SyncLogEntry(Base):
    """One change as the hub stores it: the whole row after the change.

    ``txid`` is the PostgreSQL transaction that wrote it. A reader delivers entries only
    below the oldest transaction still running (``pg_snapshot_xmin``), in (txid, seq) order,
    so an entry committed late by a long transaction is never skipped: while that transaction
    runs, the cursor cannot pass it."""

    __tablename__ = "sync_log"

    seq: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=True)
    txid: Mapped[int] = mapped_column(BigInteger, default=0)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID] = mapped_column()
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(String(40), default="")  # the workstation that wrote
    written_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The row's version on the hub after this change. Versions of one row count up in the
    # order its writers committed (the row is locked while written); txids need not, so a
    # replica applies an entry only if it is newer than the version it holds.
    row_version: Mapped[int | None] = mapped_column(default=None)

    __table_args__ = (Index("ix_sync_log_txid_seq", "txid", "seq"),)


class SyncReceived(Base):
    """A replica's change the hub has applied: a batch delivered twice changes nothing."""

    __tablename__ = "sync_received"

    change_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncOutboxEntry(Base):
    """A change written on a replica and not yet acknowledged by the hub."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=True)
    change_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID] = mapped_column()
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    written_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncBase(Base):
    """The row as the replica last exchanged it with the hub: the base of the field merge."""

    __tablename__ = "sync_base"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    hub_version: Mapped[int | None] = mapped_column(default=None)  # None: not known yet


class SyncConflict(Base):
    """A field both sides changed: what each side had, what was kept and why; a supervisor
    reviews it (keep, take the other, combine)."""

    __tablename__ = "sync_conflicts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID] = mapped_column()
    field: Mapped[str] = mapped_column(String(60))
    hub_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    replica_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    hub_origin: Mapped[str] = mapped_column(String(40), default="")
    replica_origin: Mapped[str] = mapped_column(String(40), default="")
    rule: Mapped[str] = mapped_column(Text, default="")  # German: why this value was kept
    change_id: Mapped[uuid.UUID] = mapped_column()
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str] = mapped_column(String(100), default="")
    resolution: Mapped[str] = mapped_column(String(20), default="")  # keep | other | combine

    __table_args__ = (Index("ix_sync_conflicts_open", "resolved_at"),)
