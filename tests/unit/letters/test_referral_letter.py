"""The referral letter as a person at the counter and the receiving office would see it."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from app.letters import check_letter, render_letter, render_letters
from app.letters.model import DataCategory, PostalAddress
from app.letters.texts import COMPLETE_LANGUAGES, Texts
from tests.unit.letters import samples
from tests.unit.letters.pdftext import logical_text, page_texts, pdf_lines, qr_codes

# The first heading of the person's part, in reading order, per language.
WHERE = {"de": "Wohin?", "en": "Where?", "ar": "إلى أين؟", "fa": "کجا؟", "fa-AF": "کجا؟",
         "uk": "Куди?", "tr": "Nereye?", "ru": "Куда?"}


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_each_language_prints_office_part_in_german_and_person_part_translated(language):
    letter = samples.referral(language)
    text = logical_text(render_letter(letter))
    assert "Überleitung: Lebensunterhalt – Unser Zeichen NE-2-2026-000417-3" in text
    assert "Jobcenter Rhein-Kreis Neuss" in text
    assert letter.person.identity.family_name.upper() in text
    assert WHERE[language] in text
    t = Texts(language)
    assert t.document("Mietvertrag") in text  # documents in the person's language
    assert t.concern("benefits") in text


def test_arabic_names_print_in_arabic_script_in_the_german_part():
    text = logical_text(render_letter(samples.referral("ar")))
    assert "محمد الحسن" in text
    assert "فاطمة الحسن" in text  # household member


def test_address_block_lies_inside_the_din_5008_address_field():
    long = PostalAddress(
        name="Kommunales Integrationszentrum und Koordinierungsstelle für Zuwanderung, "
             "Integration und Teilhabe des Rhein-Kreises Neuss mit sehr langem Namen",
        department="Abteilung für Seiteneinsteigerberatung, Schulplatzvergabe und "
                   "Elternarbeit in mehreren Sprachen – Außenstelle Grevenbroich-Süd",
        street="Wilhelm-Heinrich-Friedrich-Ludwig-von-Hohenzollern-Straße 123a, Hinterhaus",
        postal_code="41515", city="Grevenbroich-Neukirchen-Hülchrath")
    for recipient in (samples.JOBCENTER, long):
        pdf = render_letter(samples.referral("de", recipient=recipient))
        block = [line for line in pdf_lines(pdf) if line.page == 1 and 45 <= line.top <= 95
                 and line.x0 < 110]
        assert block, "nothing printed in the address field"
        for line in block:
            assert line.x0 >= 20 and line.x1 <= 105, line
            assert line.top >= 45 and line.bottom <= 90, line
        texts = [line.text for line in block]
        assert "41460 Neuss" in texts or any("41515" in t for t in texts)
        assert any(t.startswith(recipient.street[:20]) for t in texts)


def test_qr_code_decodes_to_the_reference():
    pdf = render_letter(samples.referral("de"))
    codes = [code for page in range(len(page_texts(pdf))) for code in qr_codes(pdf, page)]
    assert codes == [samples.REFERENCE]


def test_long_letter_runs_over_pages_with_numbers_and_copy_mark_on_every_page():
    documents = tuple(f"Nachweis Nummer {n} über etwas Wichtiges" for n in range(1, 31))
    pdf = render_letter(samples.referral("ar", documents=documents, copy=True))
    pages = page_texts(pdf)
    german = [p for p in pages if "Überleitung:" in p or "Seite" in p]
    assert "Seite 1 von 2" in pages[0] and "Seite 2 von 2" in pages[1]
    assert len(german) >= 2
    for page in pages:
        assert "ZWEITSCHRIFT" in page


def test_original_has_no_copy_mark_and_one_page_office_part_has_no_number():
    pages = page_texts(render_letter(samples.referral("de")))
    assert not any("ZWEITSCHRIFT" in page or "Zweitschrift" in page for page in pages)


def test_multi_line_arabic_paragraph_reads_top_down():
    note = ("هذه فقرة طويلة جدا تبدأ بالكلمة الأولى وتستمر عبر عدة أسطر حتى تصل إلى "
            "الكلمة الأخيرة في النهاية ") * 3
    letter = samples.referral("ar", appointment=None, recipient=dataclasses.replace(
        samples.JOBCENTER, opening_hours=""), documents=(note.strip(),))
    found = pdf_lines(render_letter(letter))
    lines = [line for line in found if line.page == found[-1].page]  # the person's page
    lines = [line for line in lines if "فقرة" in line.logical or "الأخيرة" in line.logical]
    assert len(lines) >= 3
    first = next(line for line in lines if "تبدأ بالكلمة الأولى" in line.logical)
    last = max(lines, key=lambda line: line.top)
    assert first.top < last.top
    assert "النهاية" in last.logical
    assert first.x1 == pytest.approx(max(line.x1 for line in lines), abs=0.5)  # right-aligned


def test_unknown_language_falls_back_to_german_and_logs(caplog):
    with caplog.at_level(logging.WARNING, logger="lotse.letters"):
        text = logical_text(render_letter(samples.referral("so")))
    assert "Wohin?" in text and "Was bringen Sie mit?" in text
    assert any("'so'" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(("phone", "expected"), [
    ("0211 123456", "Bitte vorher telefonisch einen Termin vereinbaren: 0211 123456"),
    ("", "Öffnungszeiten nicht bekannt"),
])
def test_office_without_opening_hours(phone, expected):
    office = dataclasses.replace(samples.NO_HOURS, phone=phone)
    letter = samples.referral("en", recipient=office, appointment=None)
    text = logical_text(render_letter(letter))
    assert expected in text
    assert ("Please call first to make an appointment" if phone else "Please ask us") in text


def test_opening_hours_are_translated_by_weekday():
    letter = samples.referral("en", appointment=None)
    text = " ".join(" ".join(page_texts(render_letter(letter))).split())  # lines may wrap
    assert "Monday–Friday 8:00–12:30, Thursday 14:00–17:00" in text


def test_withheld_data_is_named_not_printed():
    person = samples.person("ar", contact=None, withheld=(DataCategory.CONTACT,))
    text = logical_text(render_letter(samples.referral("ar", person=person, concern_note=None)))
    assert "Anschrift und Kontakt" in text and "nicht übermittelt – keine Einwilligung" in text
    assert "Am Obertor 12" not in text
    assert "Familie seit Februar" not in text


def test_same_letter_gives_the_same_bytes():
    letter = samples.referral("fa")
    assert render_letter(letter) == render_letter(letter)
    assert render_letter(letter) != render_letter(dataclasses.replace(letter, staff_name="X"))


def test_check_letter_names_the_fields():
    recipient = dataclasses.replace(samples.JOBCENTER, street="", city="")
    letter = samples.referral("de", recipient=recipient, reference="")
    fields = {error.field for error in check_letter(letter)}
    assert fields == {"reference", "recipient.street", "recipient.city"}


def test_character_without_glyph_is_an_error_naming_the_field():
    person = samples.person("de", identity=dataclasses.replace(
        samples.PERSONS["de"][0], original_name="王小明"))
    errors = check_letter(samples.referral("de", person=person))
    assert [e.field for e in errors] == ["person.identity.original_name"]
    assert "U+738B" in errors[0].expected


def test_tigrinya_name_prints_in_ethiopic():
    person = samples.person("de", identity=dataclasses.replace(
        samples.PERSONS["de"][0], original_name="ሰላም ተስፋይ"))
    assert check_letter(samples.referral("de", person=person)) == []
    assert "ሰላም ተስፋይ" in logical_text(render_letter(samples.referral("de", person=person)))


def test_render_raises_before_producing_anything():
    from app.letters import LetterError
    with pytest.raises(LetterError) as raised:
        render_letter(samples.referral("de", recipient=dataclasses.replace(
            samples.JOBCENTER, postal_code="")))
    assert raised.value.errors[0].field == "recipient.city"
    assert "Postleitzahl" in str(raised.value)


def test_many_letters_into_one_pdf_each_with_its_own_numbering(tmp_path):
    letters = [samples.referral(lang) for lang in ("de", "ar")] + [
        samples.consent_form("uk"), samples.route_sheet("tr")]
    with open(tmp_path / "batch.pdf", "wb") as out:
        pages = render_letters(letters, out)
    pdf = (tmp_path / "batch.pdf").read_bytes()
    texts = page_texts(pdf)
    assert pages == len(texts)
    single = sum(len(page_texts(render_letter(letter))) for letter in letters)
    assert pages == single
