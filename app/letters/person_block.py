"""The person as the receiving office may learn about them (German, office part).

Only what :class:`PersonData` carries is printed; a withheld category is named instead, so
the office knows the gap is deliberate and not an oversight.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.iso_codes import language_name
from app.letters.blocks import Row, Rows, Text
from app.letters.model import BirthDate, DataCategory, PersonData
from app.letters.styles import BODY_WIDTH, CELL, CELL_LABEL
from app.letters.texts import RELATIONSHIPS, german_status

WITHHELD = "nicht übermittelt – keine Einwilligung"
CATEGORY_NAMES = {
    DataCategory.IDENTITY: "Name und Geburtsdatum",
    DataCategory.CONTACT: "Anschrift und Kontakt",
    DataCategory.RESIDENCE: "Aufenthalt und Dokumente",
    DataCategory.LANGUAGE: "Sprachen",
    DataCategory.HOUSEHOLD: "Haushalt",
    DataCategory.CONCERN: "Notiz zum Anliegen",
}


def birth_date_text(birth: BirthDate | None) -> str:
    if birth is None:
        return "unbekannt"
    if birth.precision == "year":
        return f"{birth.value.year} (nur das Jahr bekannt)"
    if birth.precision == "month":
        return f"{birth.value:%m.%Y} (Tag unbekannt)"
    return f"{birth.value:%d.%m.%Y}"


def full_name(family_name: str, given_names: str) -> str:
    return " ".join(part for part in (given_names, family_name.upper()) if part) or "–"


def person_rows(person: PersonData) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if person.identity is not None:
        identity = person.identity
        rows.append(("Name", full_name(identity.family_name, identity.given_names)))
        if identity.original_name:
            rows.append(("Name in Originalschrift", identity.original_name))
        rows.append(("Geburtsdatum", birth_date_text(identity.birth_date)))
    if person.contact is not None:
        rows.extend(_contact_rows(person))
    if person.residence is not None:
        rows.extend(_residence_rows(person))
    if person.languages is not None:
        rows.extend(_language_rows(person))
    if person.household is not None:
        rows.extend(_household_rows(person))
    rows.extend((CATEGORY_NAMES[c], WITHHELD) for c in person.withheld
                if c is not DataCategory.CONCERN)
    return rows


def _contact_rows(person: PersonData) -> list[tuple[str, str]]:
    contact = person.contact
    assert contact is not None
    city = " ".join(p for p in (contact.postal_code, contact.city) if p)
    rows = [("Anschrift", ", ".join(p for p in (contact.street, city) if p) or "–")]
    rows += [(label, value) for label, value in (("Telefon", contact.phone),
                                                 ("E-Mail", contact.email)) if value]
    return rows


def _residence_rows(person: PersonData) -> list[tuple[str, str]]:
    residence = person.residence
    assert residence is not None
    document = " Nr. ".join(p for p in (residence.status_document, residence.document_number)
                            if p)
    if residence.document_valid_until and document:
        document += f", gültig bis {residence.document_valid_until:%d.%m.%Y}"
    rows = [("Aufenthaltsstatus", german_status(residence.legal_status)),
            ("Dokument", document), ("BAMF-Aktenzeichen", residence.bamf_file_number),
            ("AZR-Nummer", residence.azr_number)]
    return [(label, value) for label, value in rows if value]


def _language_rows(person: PersonData) -> list[tuple[str, str]]:
    languages = person.languages
    assert languages is not None
    spoken = ", ".join(language_name(code) for code in languages.spoken) or "–"
    interpreter = (f"ja, {language_name(languages.interpreter_language)}"
                   if languages.interpreter_language else "nein")
    return [("Sprachen", spoken), ("Dolmetschbedarf", interpreter)]


def _household_rows(person: PersonData) -> list[tuple[str, str]]:
    members = person.household or ()
    lines = [f"{m.name} ({RELATIONSHIPS.get(m.relationship, m.relationship)}"
             + (f", geb. {birth_date_text(m.birth_date)})" if m.birth_date else ")")
             for m in members]
    return [("Haushalt", "; ".join(lines) or "keine weiteren Personen")]


LABEL = CELL_LABEL
PAIR_GAP = 5 * mm


def facts_table(rows: list[tuple[str, str]], label_width: float = 32,
                pairs: bool = True) -> Flowable:
    """Label and value side by side; two short facts share a line when ``pairs``."""
    label = label_width * mm
    half = (BODY_WIDTH - PAIR_GAP) / 2
    short = half - label
    laid: list[Row] = []
    pending: list[tuple[str, str]] = []
    for fact in rows:
        if pairs and _fits(fact[1], short):
            pending.append(fact)
            if len(pending) == 2:
                laid.append(_pair_row(pending, label, short))
                pending = []
            continue
        laid += [_pair_row(pending, label, short)] if pending else []
        pending = []
        laid.append(Row([_label(fact[0]), _value(fact[1])], [label, BODY_WIDTH - label]))
    laid += [_pair_row(pending, label, short)] if pending else []
    return Rows(laid)


def _fits(value: str, width: float) -> bool:
    return len(Text(value, CELL).lines(width)) == 1


def _label(text: str) -> list[Text]:
    return [Text(text, CELL_LABEL)]


def _value(text: str) -> list[Text]:
    return [Text(text, CELL)]


def _pair_row(facts: list[tuple[str, str]], label: float, short: float) -> Row:
    cells: list[list[Text]] = []
    for name, value in facts:
        cells += [_label(name), _value(value)]
    return Row(cells, [label, short + PAIR_GAP, label, short][:len(cells)])
