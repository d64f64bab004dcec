"""The consent form and the route sheet, in German and the person's language."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from app.letters import render_letter
from app.letters.model import DataCategory
from app.letters.texts import COMPLETE_LANGUAGES, Texts, german_label
from app.resources import resource_path
from tests.unit.letters import samples
from tests.unit.letters.pdftext import logical_text, page_texts

TITLES = {"en": "Declaration of consent", "ar": "إقرار بالموافقة", "fa": "رضایت‌نامه",
          "fa-AF": "رضایت‌نامه", "uk": "Заява про згоду", "tr": "Onay beyanı",
          "ru": "Заявление о согласии"}


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_consent_form_names_data_recipient_purpose_and_withdrawal(language):
    pdf = render_letter(samples.consent_form(language))
    pages, text = page_texts(pdf), logical_text(pdf)
    german = pages[0]
    for expected in ("Einwilligungserklärung", "Jobcenter Rhein-Kreis Neuss", "Lebensunterhalt",
                     "Wohnen", "widerrufen", "Art. 6 Abs. 1 lit. a", "§ 67b SGB X",
                     "Unterschrift der Person", "Ort, Datum"):
        assert expected in text
    assert "Name und Geburtsdatum" in german
    if language == "de":
        assert len(pages) == 1
        return
    t = Texts(language)
    assert TITLES[language] in text
    for category in DataCategory:
        assert t.category(category) in text


def test_consent_by_guardians_has_two_guardian_signatures():
    text = logical_text(render_letter(samples.consent_form("de", by_guardian=True)))
    assert "Unterschrift Sorgeberechtigte/r 1" in text
    assert "Unterschrift Sorgeberechtigte/r 2" in text
    assert "Unterschrift der Person" not in text


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_route_sheet_lists_stations_in_order_with_bilingual_headings(language):
    pdf = render_letter(samples.route_sheet(language))
    text = logical_text(pdf)
    positions = [text.index(f"{n}. {name}") for n, name in enumerate(
        ["Jobcenter Rhein-Kreis Neuss", "Kreis-Ausländerbehörde Rhein-Kreis Neuss",
         "Jugendamt der Stadt Neuss", "Kommunales Integrationszentrum Rhein-Kreis Neuss"], 1)]
    assert positions == sorted(positions)
    t = Texts(language)
    for heading in ("Laufzettel", "Anschrift", "Mitbringen"):
        assert heading in text and t(heading) in text
    assert "NE-2-2026-000419-8" in text
    assert "Lindenstraße 10" in text and t.document("biometrisches Passfoto") in text


def test_copy_mark_on_every_page_of_every_kind():
    for letter in (samples.consent_form("ar", copy=True), samples.route_sheet("fa", copy=True)):
        pages = page_texts(render_letter(letter))
        assert len(pages) >= 2
        assert all("ZWEITSCHRIFT" in page for page in pages)


def _marked_texts() -> list[str]:
    found = []
    for path in sorted(Path("app/letters").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "T_":
                found.append(ast.literal_eval(node.args[0]))
    return found


@pytest.mark.parametrize("language", [code for code in COMPLETE_LANGUAGES if code != "de"])
def test_catalogs_are_complete_with_the_same_fields(language):
    catalog = json.loads(resource_path("letters", "i18n", f"{language}.json").read_text("utf-8"))
    from app import codes
    wanted = _marked_texts() + [german_label(code.value) for code in
                                (*codes.AgencyKind, *codes.Concern)]
    for text in wanted:
        assert text in catalog, text
        assert set(re.findall(r"{\w+}", catalog[text])) == set(re.findall(r"{\w+}", text))
