"""The data model: who we are, whom we serve, what they need, where we send them.

Codes (legal status, concern, agency kind, …) are plain strings checked against
:mod:`app.codes` in the services, so that a change in the law is a change of data.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.codes import NATIONALITY_UNCLEAR
from app.db.base import Base, Keyed, Replicated, utcnow

# --- our own organisation -------------------------------------------------------------------


class Office(Replicated, Base):
    """An Integration Point office of our own (main office or branch) – the letter sender."""

    __tablename__ = "offices"

    code: Mapped[str] = mapped_column(String(4), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    opening_hours: Mapped[str] = mapped_column(Text, default="")
    # Municipalities this office serves (names as in DOMAIN.md).
    municipalities: Mapped[list[str]] = mapped_column(default=list)

    workstations: Mapped[list[Workstation]] = relationship(back_populates="office")


class Workstation(Replicated, Base):
    """A counter PC. Its number is part of every readable number it hands out."""

    __tablename__ = "workstations"
    __table_args__ = (UniqueConstraint("office_id", "number"),)

    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100), default="")
    mode: Mapped[str] = mapped_column(String(10), default="local")
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)

    office: Mapped[Office] = relationship(back_populates="workstations")


class User(Replicated, Base):
    """A Lotse account: front desk, supervisor or administrator."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offices.id"), default=None)
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    windows_account: Mapped[str | None] = mapped_column(String(200), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)


# --- the people we serve --------------------------------------------------------------------


class Household(Replicated, Base):
    """People who live and are usually seen together; their concerns can be routed at once."""

    __tablename__ = "households"

    label: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list[Person]] = relationship(back_populates="household")


class Person(Replicated, Base):
    """A refugee or migrant at the counter.

    Dates of birth are often partly unknown: ``birth_date`` holds what is known, with
    ``birth_date_precision`` saying whether day, month or only the year is certain (unknown
    parts are stored as 1). ``permit_date`` is the date the current permit or
    Fiktionsbescheinigung was first issued; some rules depend on it.
    """

    __tablename__ = "persons"

    person_number: Mapped[str] = mapped_column(String(40), unique=True)
    family_name: Mapped[str] = mapped_column(String(200), default="")
    given_names: Mapped[str] = mapped_column(String(200), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    birth_date_precision: Mapped[str] = mapped_column(String(5), default="day")
    birth_place: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[str] = mapped_column(String(10), default="unknown")
    nationality: Mapped[str] = mapped_column(String(3), default=NATIONALITY_UNCLEAR)
    languages: Mapped[list[str]] = mapped_column(default=list)
    letter_language: Mapped[str] = mapped_column(String(10), default="de")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_language: Mapped[str] = mapped_column(String(10), default="")

    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    municipality: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    legal_status: Mapped[str] = mapped_column(String(30), default="unknown")
    status_document: Mapped[str] = mapped_column(String(100), default="")
    document_number: Mapped[str] = mapped_column(String(50), default="")
    document_valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    permit_date: Mapped[date | None] = mapped_column(Date, default=None)
    bamf_file_number: Mapped[str] = mapped_column(String(30), default="")
    azr_number: Mapped[str] = mapped_column(String(30), default="")

    employable: Mapped[bool | None] = mapped_column(Boolean, default=None)
    unaccompanied_minor: Mapped[bool] = mapped_column(Boolean, default=False)
    household_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("households.id"), default=None, index=True
    )
    household_role: Mapped[str] = mapped_column(String(10), default="")
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offices.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    # A duplicate merged into another person: a tombstone that names the person kept, so
    # that its number and its audit entries lead there (app/services/person_merge.py).
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("persons.id"), default=None, index=True)

    household: Mapped[Household | None] = relationship(back_populates="members")
    names: Mapped[list[PersonName]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonName.position"
    )
    visits: Mapped[list[Visit]] = relationship(back_populates="person")

    __table_args__ = (
        Index("ix_persons_family_name_given_names", "family_name", "given_names"),
        Index("ix_persons_birth_date", "birth_date"),
        Index("ix_persons_bamf_file_number", "bamf_file_number"),
    )

    @property
    def display_name(self) -> str:
        return ", ".join(part for part in (self.family_name, self.given_names) if part)


class PersonName(Replicated, Base):
    """Another way to write a person's name: a transliteration, an earlier name, the original
    script (Arabic, Cyrillic, …). Search looks at all of them."""

    __tablename__ = "person_names"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="variant")  # variant|original|former
    family_name: Mapped[str] = mapped_column(String(200), default="")
    given_names: Mapped[str] = mapped_column(String(200), default="")
    script: Mapped[str] = mapped_column(String(4), default="Latn")  # ISO 15924

    person: Mapped[Person] = relationship(back_populates="names")


class PersonSearchKey(Base):
    """The search keys of one person (see app/search/keys.py) as one space-separated text,
    with the other spellings of the names for the ranking. Derived data: rewritten from the
    person on every save, never synchronised, so it is neither keyed nor versioned. Each
    engine indexes ``keys`` with its own full-text index (migration 0003): SQLite FTS5 with
    ``row`` as the rowid, PostgreSQL a GIN index over ``to_tsvector('simple', keys)``."""

    __tablename__ = "person_search_keys"

    row: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), unique=True
    )
    keys: Mapped[str] = mapped_column(Text, default="")
    names: Mapped[str] = mapped_column(Text, default="")


# --- visits, concerns, referrals ------------------------------------------------------------


class Visit(Replicated, Base):
    """One appearance of a person at the counter."""

    __tablename__ = "visits"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offices.id"), default=None)
    workstation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("workstations.id"), default=None
    )
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    visited_at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    interpreter_used: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_language: Mapped[str] = mapped_column(String(10), default="")

    person: Mapped[Person] = relationship(back_populates="visits")
    concerns: Mapped[list[Concern]] = relationship(back_populates="visit")


class Concern(Replicated, Base):
    """What a person needs help with, as a code from DOMAIN.md (``benefits``, ``work``, …)."""

    __tablename__ = "concerns"

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="concerns")
    referrals: Mapped[list[Referral]] = relationship(back_populates="concern")


class Referral(Replicated, Base):
    """A referral of one concern to one office, with the explanation of why that office.

    Lifecycle: draft → approved → issued → arrived → completed, or not_reached / declined /
    cancelled with a reason.
    """

    __tablename__ = "referrals"

    reference: Mapped[str] = mapped_column(String(40), unique=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visits.id"), default=None)
    concern_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("concerns.id"), default=None, index=True
    )
    directory_office_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("directory_offices.id"), default=None
    )
    agency_kind: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(10), default="primary")  # primary|secondary
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_changed_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id"), default=None
    )
    # Why this office: the routing engine's explanation, kept as it was when decided.
    routing_reason: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(String(300), default="")
    rule_id: Mapped[str] = mapped_column(String(100), default="")
    ruleset_version: Mapped[str] = mapped_column(String(40), default="")
    replacement_reason: Mapped[str] = mapped_column(Text, default="")
    appointment_at: Mapped[datetime | None] = mapped_column(default=None)
    appointment_note: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[list[str]] = mapped_column(default=list)
    language: Mapped[str] = mapped_column(String(10), default="de")
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)

    concern: Mapped[Concern | None] = relationship(back_populates="referrals")
    directory_office: Mapped[DirectoryOffice | None] = relationship()


# --- the offices we refer to ----------------------------------------------------------------


class DirectoryOffice(Replicated, Base):
    """An office in the agency directory: where a concern can be sent."""

    __tablename__ = "directory_offices"

    code: Mapped[str] = mapped_column(String(80), unique=True)
    agency_kind: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    opening_hours: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[list[str]] = mapped_column(default=list)
    municipalities: Mapped[list[str]] = mapped_column(default=list)
    documents: Mapped[list[str]] = mapped_column(default=list)
    note: Mapped[str] = mapped_column(Text, default="")

    @property
    def address(self) -> str:
        return ", ".join(p for p in (self.street, f"{self.postal_code} {self.city}".strip()) if p)


# --- consent, printing, audit ---------------------------------------------------------------


class Consent(Replicated, Base):
    """A written consent (Einwilligung) to share named data with one recipient for a purpose."""

    __tablename__ = "consents"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    agency_kind: Mapped[str] = mapped_column(String(40))
    directory_office_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("directory_offices.id"), default=None
    )
    data_categories: Mapped[list[str]] = mapped_column(default=list)
    purpose: Mapped[str] = mapped_column(Text, default="")
    given_at: Mapped[datetime] = mapped_column(default=utcnow)
    given_by: Mapped[str] = mapped_column(String(20), default="person")  # person|guardian
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    withdrawn_at: Mapped[datetime | None] = mapped_column(default=None)
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)


class PrintEvent(Keyed, Base):
    """One printed or saved letter: who, when, what, original or copy, and the PDF's hash."""

    __tablename__ = "print_events"

    referral_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("referrals.id"), default=None, index=True
    )
    visit_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("visits.id"), default=None, index=True
    )
    letter_kind: Mapped[str] = mapped_column(String(20))  # referral|consent|route-sheet
    copy: Mapped[bool] = mapped_column(Boolean, default=False)
    printed_at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    # Always the account name, also when it has no row in ``users`` (a Windows sign-in).
    username: Mapped[str] = mapped_column(String(100), default="")
    channel: Mapped[str] = mapped_column(String(10), default="print")  # print|pdf
    language: Mapped[str] = mapped_column(String(10), default="de")
    workstation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("workstations.id"), default=None
    )
    template_version: Mapped[str] = mapped_column(String(20), default="")
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(40), default="")


class AuditEvent(Keyed, Base):
    """An append-only audit entry; each entry's hash covers its predecessor's hash."""

    __tablename__ = "audit_events"

    # The chain's order: assigned as last + 1 under a lock (see app.security.audit); a gap
    # is a deleted entry. Not time – clocks of two workstations disagree.
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    username: Mapped[str] = mapped_column(String(100), default="")
    workstation: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[uuid.UUID | None] = mapped_column(default=None, index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    previous_hash: Mapped[bytes | None] = mapped_column(LargeBinary(32), default=None)
    entry_hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class NumberCounter(Base):
    """The last counter handed out per scope (``REF:NE-2-2026``); no server needed."""

    __tablename__ = "number_counters"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


# Keys of the settings table.
DEMO_SETTING = "lotse.demo"  # "true": filled with invented demo data
PROGRAM_VERSION_SETTING = "lotse.program_version"  # the Lotse that last upgraded the schema
SCHEMA_REVISION_SETTING = "lotse.schema_revision"


class Setting(Base):
    """Small facts about this database: demo marker, replica identity, …"""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


# --- supervision: the referral's lifecycle --------------------------------------------------


class ReferralStatusChange(Keyed, Base):
    """One step of a referral's lifecycle: from which status to which, why, who and when.

    Appended, never edited: the referral row holds the current status, these rows hold how it
    got there (see app/services/referral_lifecycle.py)."""

    __tablename__ = "referral_status_changes"

    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referrals.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    # Always the account name, also when it has no row in ``users`` (a Windows sign-in).
    username: Mapped[str] = mapped_column(String(100), default="")
    workstation: Mapped[str] = mapped_column(String(40), default="")


from app.db import sync_models  # noqa: E402,F401 – the synchronisation tables
