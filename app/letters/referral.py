"""The referral letter to the receiving office (German, DIN 5008 form B)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from app.letters.markup import labelled, para
from app.letters.model import DataCategory, PostalAddress, ReferralLetter, TransferBasis
from app.letters.page import InfoLine
from app.letters.person_block import CATEGORY_NAMES, WITHHELD, facts_table, full_name, person_rows
from app.letters.signature import ClosingBlock
from app.letters.styles import BODY_STYLE, BODY_WIDTH, HEADING, LIST_ITEM, SUBJECT
from app.letters.texts import german_agency, german_concern


def info_lines(letter: ReferralLetter) -> list[InfoLine]:
    office = letter.sender.office
    lines = [InfoLine("Ihr Zeichen", letter.reference), InfoLine("Unser Zeichen", letter.reference),
             InfoLine("Ansprechpartner/in", letter.staff_name)]
    lines += [InfoLine(label, value) for label, value in (("Telefon", office.phone),
                                                         ("E-Mail", office.email)) if value]
    return [*lines, InfoLine("Datum", f"{letter.issued_on:%d.%m.%Y}")]


def person_name(letter: ReferralLetter) -> str:
    identity = letter.person.identity
    if identity is None:
        return "die Person, die Ihnen dieses Schreiben vorlegt"
    return full_name(identity.family_name, identity.given_names)


def referral_flowables(letter: ReferralLetter) -> list[Flowable]:
    concern = german_concern(letter.concern)
    story: list[Flowable] = [
        para(f"Überleitung: {concern} – Unser Zeichen {letter.reference}", SUBJECT),
        para("Sehr geehrte Damen und Herren,", BODY_STYLE),
        para(f"wir leiten {person_name(letter)} mit dem folgenden Anliegen an Sie "
             f"({german_agency(letter.agency_kind)}) weiter und bitten Sie, sich der Sache "
             "anzunehmen.", BODY_STYLE),
        *_concern_section(letter),
        para("Person", HEADING), facts_table(person_rows(letter.person)),
        *_when_section(letter.recipient, letter),
        *documents_section(letter.documents),
        KeepTogether([para("Datenübermittlung", HEADING),
                      para(consent_statement(letter.basis), BODY_STYLE),
                      signature_block(letter)]),
    ]
    return story


def _concern_section(letter: ReferralLetter) -> list[Flowable]:
    note = letter.concern_note
    shown = (f"{CATEGORY_NAMES[DataCategory.CONCERN]}: {WITHHELD}" if note is None
             else note)
    story: list[Flowable] = [para("Anliegen", HEADING),
                             para(german_concern(letter.concern), BODY_STYLE)]
    if shown:
        story.append(para(shown, BODY_STYLE))
    story += [para("Warum Ihre Stelle", HEADING), para(letter.reason or "–", BODY_STYLE)]
    if letter.legal_basis:
        story.append(labelled("Rechtsgrundlage:", letter.legal_basis, BODY_STYLE))
    return story


def _when_section(office: PostalAddress, letter: ReferralLetter) -> list[Flowable]:
    if letter.appointment is not None:
        text = f"{letter.appointment:%d.%m.%Y} um {letter.appointment:%H:%M} Uhr"
        if letter.appointment_note:
            text += f" – {letter.appointment_note}"
        return [para("Termin", HEADING), para(text, BODY_STYLE)]
    return [para("Ohne Termin – Öffnungszeiten", HEADING),
            para(german_hours_text(office), BODY_STYLE)]


def german_hours_text(office: PostalAddress) -> str:
    if office.opening_hours:
        return office.opening_hours
    if office.phone:
        return f"Bitte vorher telefonisch einen Termin vereinbaren: {office.phone}"
    return "Öffnungszeiten nicht bekannt – bitte vorher einen Termin vereinbaren."


def documents_section(documents: tuple[str, ...]) -> list[Flowable]:
    if not documents:
        return []
    return [para("Bitte mitbringen", HEADING),
            *(para(name, LIST_ITEM, marker="•") for name in documents)]


def consent_statement(basis: TransferBasis) -> str:
    parts = []
    if basis.consented:
        names = ", ".join(CATEGORY_NAMES[c] for c in basis.consented)
        given_on = f" am {basis.consent_given_on:%d.%m.%Y}" if basis.consent_given_on else ""
        who = "von der/dem Sorgeberechtigten" if basis.consent_given_by == "guardian" else \
            "von der Person"
        parts.append(f"Mit Einwilligung ({who}{given_on} schriftlich erteilt, Art. 6 Abs. 1 "
                     f"lit. a, Art. 9 Abs. 2 lit. a DSGVO, § 67b SGB X) übermittelt: {names}.")
    if basis.by_law:
        names = ", ".join(CATEGORY_NAMES[c] for c in basis.by_law)
        law = basis.legal_basis or "gesetzlicher Grundlage"
        parts.append(f"Ohne Einwilligung auf Grund von {law} übermittelt: {names}.")
    if not parts:
        parts.append("Es werden keine personenbezogenen Daten über das Anliegen hinaus "
                     "übermittelt.")
    return " ".join(parts)


def signature_block(letter: ReferralLetter) -> Flowable:
    """Signature lines for the person and the staff member, the QR code at the right."""
    return ClosingBlock(["Unterschrift der Person", f"{letter.staff_name}, Integration Point"],
                        letter.reference, BODY_WIDTH)
