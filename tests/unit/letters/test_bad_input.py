"""Input a front desk really meets: no address, names and addresses far longer than a line,
a person part in a language without texts. Each gives a correct letter – nothing beyond the
page, nothing lost – or a clear error before anything is produced."""

from __future__ import annotations

import dataclasses

import pytest

from app.letters import render_letter
from app.letters.model import Contact, Identity, Letter, PostalAddress
from tests.unit.letters import samples
from tests.unit.letters.pdftext import Line, page_texts, pdf_lines

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
LONG_FAMILY = "Al-Hassan-Abdulrahman-Mohammed-Khaled-Ibrahim-Youssef-Mahmoud-Hamdan"
LONG_GIVEN = "Mohammed Abdulrahman Khaled Ibrahim Youssef Mahmoud Saleh Hussein"
LONG_STREET = ("Gemeinschaftsunterkunft für Geflüchtete im ehemaligen Bundeswehrgelände, "
               "Haus 14, Etage 3, Zimmer 312, bei Familie Abdelrahman-Schneider")
LONG_OFFICE = PostalAddress(
    name="Zentrale Ausländerbehörde und Servicestelle für Einbürgerung, Aufenthalt und "
         "Beschäftigungserlaubnisse des Rhein-Kreises Neuss mit sehr langem Namen",
    street="Wilhelm-Heinrich-Friedrich-Ludwig-von-Hohenzollern-Straße 123a, Hinterhaus",
    postal_code="41515", city="Grevenbroich-Neukirchen-Hülchrath",
    opening_hours="Mo–Fr 8:00–12:30, Do 14:00–17:00", phone="02181 601-0")


def long_person() -> samples.PersonData:
    identity = Identity(LONG_FAMILY, LONG_GIVEN, "محمد عبد الرحمن خالد إبراهيم يوسف الحسن")
    return samples.person("ar", identity=identity,
                          contact=Contact(LONG_STREET, "41515", "Grevenbroich", "", ""))


def inside_the_page(lines: list[Line]) -> None:
    for line in lines:
        assert line.x0 >= 0 and line.x1 <= PAGE_WIDTH_MM - 10, line
        assert line.top >= 0 and line.bottom <= PAGE_HEIGHT_MM - 5, line


def long_letters() -> list[Letter]:
    person = long_person()
    return [
        samples.referral("ar", person=person, recipient=LONG_OFFICE),
        samples.referral("de", person=person, recipient=LONG_OFFICE),
        samples.consent_form("fa", person_name=f"{LONG_GIVEN} {LONG_FAMILY}",
                             recipient=LONG_OFFICE),
        samples.route_sheet("uk", person_name=f"{LONG_GIVEN} {LONG_FAMILY}"),
    ]


@pytest.mark.parametrize("letter", long_letters(), ids=["referral-ar", "referral-de",
                                                         "consent-fa", "route-sheet-uk"])
def test_long_names_and_addresses_wrap_and_stay_on_the_page(letter: Letter) -> None:
    lines = pdf_lines(render_letter(letter))
    inside_the_page(lines)
    text = " ".join(line.text for line in lines)
    assert "Abdulrahman" in text  # wrapped, not dropped


def test_a_long_street_is_printed_whole_in_the_person_block() -> None:
    pdf = render_letter(samples.referral("de", person=long_person()))
    german = " ".join(page_texts(pdf)[0].split())
    assert "Zimmer 312" in german and "Abdelrahman-Schneider" in german


def test_a_person_without_any_address_gets_a_correct_letter() -> None:
    person = samples.person("de", contact=Contact())
    pdf = render_letter(samples.referral("de", person=person))
    lines = pdf_lines(pdf)
    inside_the_page(lines)
    german = page_texts(pdf)[0]
    assert "Anna SCHMIDT" in german or "SCHMIDT" in german
    assert "NE-2-2026-000417-3" in german


def test_a_person_without_identity_is_named_as_withheld() -> None:
    person = dataclasses.replace(samples.person("de"), identity=None,
                                 withheld=(samples.DataCategory.IDENTITY,))
    german = page_texts(render_letter(samples.referral("de", person=person)))[0]
    assert "SCHMIDT" not in german
    assert "nicht übermittelt" in german


def test_the_return_line_keeps_street_and_city_for_the_post() -> None:
    for name in ("Integration Point Rhein-Kreis Neuss",
                 "Integration Point Rhein-Kreis Neuss – Gemeinsame Anlaufstelle von "
                 "Jobcenter, Agentur für Arbeit und Kreisverwaltung"):
        sender = dataclasses.replace(samples.SENDER, office=dataclasses.replace(
            samples.INTEGRATION_POINT, name=name))
        lines = pdf_lines(render_letter(samples.referral("de", sender=sender)))
        returns = [line for line in lines if line.page == 1 and 45 <= line.top <= 63
                   and "Karl-Arnold-Str. 20" in line.text]
        assert returns and all(line.x1 <= 105 for line in returns), returns
        assert returns[0].text.endswith("Karl-Arnold-Str. 20, 41460 Neuss")
