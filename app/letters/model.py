"""What a letter says, as plain values: the input of the renderers in :mod:`app.letters`.

The services build these from the database (``app/services/letters.py``) and decide there
what may be printed: a part of the person's data that neither the recorded consent nor the
law allows for this recipient arrives here as ``None`` and is named in ``withheld``. The
renderers never see ORM objects and never decide about data protection; they turn these
values into PDF bytes, in German for the office and in the person's language for the person.

Codes (agency kind, concern, legal status, data category, relationship, languages) stay
codes here; the renderers turn them into text in the language of each part of the letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class LetterKind(StrEnum):
    REFERRAL = "referral"
    CONSENT = "consent"
    ROUTE_SHEET = "route-sheet"


class DataCategory(StrEnum):
    """The parts of a person's data a letter can carry; consent and law name these."""

    IDENTITY = "identity"  # name, name in the original script, date of birth
    CONTACT = "contact"  # address, phone, e-mail
    RESIDENCE = "residence"  # legal status, status document and number, BAMF and AZR numbers
    LANGUAGE = "language"  # languages spoken, interpreter language
    HOUSEHOLD = "household"  # the household members and their relationship
    CONCERN = "concern"  # the front desk's note on the concern (beyond its code)


@dataclass(frozen=True)
class PostalAddress:
    """An office as a letter names it: the sender's letterhead or a recipient."""

    name: str
    department: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""  # free text as in the directory ("Mo–Fr 8:00–12:30, Do 14:00–17:00")


@dataclass(frozen=True)
class Letterhead:
    """The sending Integration Point: its address and an optional logo (PNG bytes)."""

    office: PostalAddress
    logo_png: bytes | None = None


@dataclass(frozen=True)
class BirthDate:
    """A date of birth with the precision that is known (``day``, ``month`` or ``year``)."""

    value: date
    precision: str = "day"


@dataclass(frozen=True)
class Identity:
    family_name: str
    given_names: str
    original_name: str = ""  # the name in its own script (Arabic, Cyrillic, …), if recorded
    birth_date: BirthDate | None = None


@dataclass(frozen=True)
class Contact:
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Residence:
    legal_status: str  # LegalStatus code
    status_document: str = ""
    document_number: str = ""
    document_valid_until: date | None = None
    bamf_file_number: str = ""
    azr_number: str = ""


@dataclass(frozen=True)
class Languages:
    spoken: tuple[str, ...] = ()  # ISO 639 codes
    interpreter_language: str = ""  # ISO 639 code, "" when no interpreter is needed


@dataclass(frozen=True)
class HouseholdMember:
    name: str
    relationship: str  # HouseholdRole code
    birth_date: BirthDate | None = None


@dataclass(frozen=True)
class PersonData:
    """The person as far as this recipient may learn about them.

    ``None`` means the part is withheld (no consent, no legal basis); the category is then
    listed in ``withheld`` and the letter says so instead of printing it.
    """

    identity: Identity | None
    contact: Contact | None = None
    residence: Residence | None = None
    languages: Languages | None = None
    household: tuple[HouseholdMember, ...] | None = None
    withheld: tuple[DataCategory, ...] = ()


@dataclass(frozen=True)
class TransferBasis:
    """Why the printed data may go to this recipient – the letter's consent statement."""

    consented: tuple[DataCategory, ...] = ()  # covered by a recorded consent …
    consent_given_on: date | None = None  # … given on this day …
    consent_given_by: str = "person"  # … by the person or their guardian ("guardian")
    by_law: tuple[DataCategory, ...] = ()  # allowed without consent …
    legal_basis: str = ""  # … under this law ("§ 69 Abs. 1 Nr. 1 SGB X")


@dataclass(frozen=True)
class ReferralLetter:
    """A referral of one concern to one office (DOMAIN.md section 4)."""

    reference: str  # readable number with check digit; also in the QR code
    issued_on: date
    sender: Letterhead
    staff_name: str
    recipient: PostalAddress
    agency_kind: str  # AgencyKind code
    concern: str  # Concern code
    concern_note: str | None  # the front desk's note; None when withheld, "" when none
    reason: str  # why this office (routing explanation, German)
    legal_basis: str
    person: PersonData
    basis: TransferBasis
    language: str = "de"  # the person's letter language (LETTER_LANGUAGES)
    appointment: datetime | None = None
    appointment_note: str = ""
    documents: tuple[str, ...] = ()  # what to bring (German, as in the directory)
    copy: bool = False  # a reprint: "Zweitschrift" on every page


@dataclass(frozen=True)
class ConsentForm:
    """An Einwilligungserklärung for one recipient: the data, the recipient, the purpose, the
    right to withdraw – in German and the person's language, to be signed."""

    reference: str  # the referral this consent is asked for
    issued_on: date
    sender: Letterhead
    staff_name: str
    recipient: PostalAddress
    agency_kind: str
    concerns: tuple[str, ...]  # Concern codes: the purpose
    person_name: str
    original_name: str = ""
    birth_date: BirthDate | None = None
    categories: tuple[DataCategory, ...] = tuple(DataCategory)  # the data asked for
    by_guardian: bool = False  # under 15: the guardians sign
    language: str = "de"
    copy: bool = False


@dataclass(frozen=True)
class RouteStation:
    """One office on the route sheet, with everyone of the household who goes there."""

    recipient: PostalAddress
    agency_kind: str
    references: tuple[str, ...]
    persons: tuple[str, ...]  # names of the household members this station is for
    concerns: tuple[str, ...]  # Concern codes
    appointment: datetime | None = None
    appointment_note: str = ""
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class RouteSheet:
    """A Laufzettel for one visit: the stations in the order to visit them."""

    reference: str  # the first referral's reference, for the way back
    issued_on: date
    sender: Letterhead
    staff_name: str
    person_name: str
    stations: tuple[RouteStation, ...] = field(default_factory=tuple)
    language: str = "de"
    copy: bool = False


Letter = ReferralLetter | ConsentForm | RouteSheet
