"""Values that read left to right inside the right-to-left part for the person: a phone
number, the reference and an office name must come out whole and in the right order."""

from __future__ import annotations

import pytest

from app.letters import render_letter
from app.letters.texts import Texts
from tests.unit.letters import samples
from tests.unit.letters.pdftext import pdf_lines


def person_part_sentences(language: str) -> list[str]:
    """The lines of the person's part that hold Arabic script, in reading order."""
    lines = pdf_lines(render_letter(samples.referral(language)))
    last = lines[-1].page
    return [line.logical for line in lines if line.page == last and line.logical != line.text]


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_numbers_and_names_inside_rtl_sentences_keep_their_order(language):
    sentences = person_part_sentences(language)
    t = Texts(language)
    phone = t("Telefon: {phone}", phone="02131 9263-0").replace("\u202a", "").replace(
        "\u202c", "").replace("\u200f", "")
    assert phone in sentences
    assert any(samples.REFERENCE in line and line.index(samples.REFERENCE) > 0
               for line in sentences)
    helped = next(line for line in sentences if "02131 9263-100" in line)
    office = helped.index("Integration Point Rhein-Kreis Neuss")
    assert office < helped.index("02131 9263-100")  # first the office, then its phone


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_latin_lines_in_the_rtl_part_are_right_aligned_in_their_own_order(language):
    lines = pdf_lines(render_letter(samples.referral(language)))
    part = [line for line in lines if line.page == lines[-1].page]
    street = next(line for line in part if line.text == "Karl-Arnold-Str. 20")
    title = max(line.x1 for line in part if line.top > 35)
    assert street.x1 == pytest.approx(title, abs=0.5)
