"""The fields of action group the concerns: every concern in exactly one field."""

from __future__ import annotations

from collections import Counter

import pytest

from app.codes import CONCERNS_BY_FIELD, Concern, FieldOfAction, field_of_action
from app.i18n import set_language


def test_every_concern_is_in_exactly_one_field() -> None:
    placed = Counter(concern for concerns in CONCERNS_BY_FIELD.values() for concern in concerns)
    assert set(placed) == set(Concern)
    assert [concern for concern, count in placed.items() if count > 1] == []


def test_every_field_has_concerns_and_a_place_in_the_mapping() -> None:
    assert list(CONCERNS_BY_FIELD) == list(FieldOfAction)
    assert all(CONCERNS_BY_FIELD[field] for field in FieldOfAction)


def test_the_six_fields_of_the_study_come_first_with_their_german_names() -> None:
    labels = [field.label for field in FieldOfAction]
    assert labels[:6] == ["Sprache", "Arbeit und Ausbildung", "Schule und Bildung", "Wohnen",
                          "Ehrenamt", "Gesellschaftliches Zusammenleben"]
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize(("concern", "field"), [
    (Concern.INTEGRATION_COURSE, FieldOfAction.LANGUAGE),
    (Concern.RECOGNITION_VOCATIONAL, FieldOfAction.WORK_AND_TRAINING),
    (Concern.RECOGNITION_SCHOOL, FieldOfAction.SCHOOL_AND_EDUCATION),
    (Concern.BENEFITS, FieldOfAction.LIVELIHOOD),
    (Concern.CHILDCARE_FAMILY, FieldOfAction.FAMILY_AND_YOUTH),
])
def test_a_concern_knows_its_field(concern: Concern, field: FieldOfAction) -> None:
    assert field_of_action(concern) is field


def test_field_labels_are_translated() -> None:
    set_language("en")
    try:
        assert FieldOfAction.WORK_AND_TRAINING.label == "Work and training"
        assert Concern.JOB_LANGUAGE_COURSE.label == "Job-related language course"
    finally:
        set_language("de")
