"""The visit form: what is checked and typed comes back as raw values the service accepts,
the keyboard reaches everything in the order it is seen, messages appear next to the field,
and every input is named for screen readers as it is labelled."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.codes import CONCERNS_BY_FIELD, Concern, FieldOfAction
from app.errors import FieldError
from app.services.visit_input import VisitValidationError, as_raw, validate_visit
from app.services.visits import VisitSummary
from ui.views.concern_boxes import COLUMNS
from ui.views.visit_form import VisitForm

# What the visit page around the form takes at 1024 × 640 (status bar, page margins, heading,
# message line, buttons), measured offscreen; the form must fit into the rest.
PAGE_CHROME = 24 + 153
RAW = {"concerns": ["integration_course", {"code": "housing", "note": "Wohnsitzauflage"},
                    "health"],
       "note": "Bescheid vom Jobcenter mitgebracht.\nTermin bei der Ausländerbehörde.",
       "interpreter_used": True, "interpreter_language": "fa-AF"}


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[VisitForm]:
    form = VisitForm()
    form.setMinimumSize(820, 560)  # fixed: the offscreen platform cannot follow size hints
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    yield form


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          ) -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    now = QApplication.focusWidget()
    assert now is not None
    return now


def test_raw_values_round_trip_through_the_service(qtbot: QtBot, form: VisitForm) -> None:
    visit = validate_visit(RAW)
    with qtbot.assertNotEmitted(form.changed):
        form.set_raw(as_raw(visit))
    assert validate_visit(form.raw()) == visit  # the time and the concern's note come back
    assert [box.text() for box in form.concerns.checkboxes.values() if box.isChecked()] == [
        "Integrationskurs", "Wohnen", "Gesundheit"]
    assert form.language.isEnabled() and form.language.text() == "fa-AF"


def test_an_empty_form_and_clear(qtbot: QtBot, form: VisitForm) -> None:
    assert form.raw() == {"concerns": [], "note": "", "interpreter_used": False,
                          "interpreter_language": ""}
    form.set_raw(RAW)
    with qtbot.assertNotEmitted(form.changed):
        form.clear()
    assert form.raw()["concerns"] == [] and not form.language.isEnabled()


def test_a_concern_is_checked_with_tab_and_space(qtbot: QtBot, form: VisitForm) -> None:
    form.first_input().setFocus()
    with qtbot.waitSignal(form.changed):
        press(qtbot, Qt.Key.Key_Space)
    second = press(qtbot, Qt.Key.Key_Tab)
    assert second is form.concerns.checkboxes[Concern.JOB_LANGUAGE_COURSE]
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Space)  # and off again
    assert form.raw()["concerns"] == ["integration_course"]
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is form.first_input()


def test_the_language_is_asked_for_only_with_an_interpreter(qtbot: QtBot,
                                                            form: VisitForm) -> None:
    form.set_recent([earlier_visit()])
    form.interpreter.setFocus()
    assert not form.language.isEnabled()
    assert press(qtbot, Qt.Key.Key_Tab) is form.recent  # a disabled field is skipped
    form.interpreter.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert press(qtbot, Qt.Key.Key_Tab) is form.language
    qtbot.keyClicks(form.language, "ar")
    assert form.raw()["interpreter_language"] == "ar"
    form.interpreter.setChecked(False)
    assert form.raw()["interpreter_language"] == ""  # kept in the field, not sent
    assert form.language.text() == "ar"


def test_the_note_takes_tab_as_leaving_not_as_text(qtbot: QtBot, form: VisitForm) -> None:
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Termin am Montag")
    assert press(qtbot, Qt.Key.Key_Tab) is form.interpreter
    assert form.raw()["note"] == "Termin am Montag"


def test_errors_appear_next_to_the_field_and_the_focus_goes_there(
        qtbot: QtBot, form: VisitForm) -> None:
    form.note.setFocus()
    with pytest.raises(VisitValidationError) as raised:
        validate_visit(form.raw())
    form.show_errors(raised.value.errors)
    assert form.concern_errors.isVisible()
    assert "mindestens ein Anliegen" in form.concern_errors.text()
    assert form.concern_errors.geometry().bottom() < form.concerns.geometry().top()
    assert QApplication.focusWidget() is form.first_input()
    assert "mindestens ein Anliegen" in form.first_input().accessibleDescription()
    form.set_raw({"concerns": ["work"], "interpreter_used": True})
    with pytest.raises(VisitValidationError) as raised:
        validate_visit(form.raw())
    form.show_errors(raised.value.errors)
    assert not form.concern_errors.isVisible()
    assert form.interpreter_errors.text().startswith("Dolmetschsprache: angeben")
    assert QApplication.focusWidget() is form.language
    assert form.first_input().accessibleDescription() == ""


def test_a_message_without_a_field_of_its_own_is_shown_above(form: VisitForm) -> None:
    form.show_errors([FieldError("visited_at", "Zeitpunkt des Besuchs", "liegt in der Zukunft")])
    assert form.general_errors.isVisible()
    assert form.general_errors.text() == "Zeitpunkt des Besuchs: liegt in der Zukunft"
    form.clear_errors()
    assert not form.general_errors.isVisible()


def test_every_input_is_named_as_it_is_labelled(form: VisitForm) -> None:
    for concern, box in form.concerns.checkboxes.items():
        assert box.accessibleName() == box.text() == concern.label
    for field in FieldOfAction:
        assert form.concerns.groups[field].accessibleName() == field.label
        assert form.concerns.groups[field].title() == field.label
    buddies = {label.buddy(): label.text().replace("&", "")
               for label in form.findChildren(QLabel) if label.buddy() is not None}
    for widget in (form.note, form.language, form.recent):
        assert widget.accessibleName() == buddies[widget]
    assert form.interpreter.accessibleName() == form.interpreter.text().replace("&", "")


def test_the_fields_of_action_are_laid_out_in_three_columns(form: VisitForm) -> None:
    assert sorted(field for column in COLUMNS for field in column) == sorted(FieldOfAction)
    left = [form.concerns.groups[column[0]].x() for column in COLUMNS]
    assert left == sorted(left) and len(set(left)) == 3
    for column in COLUMNS:
        tops = [form.concerns.groups[field].y() for field in column]
        assert tops == sorted(tops)


def position(widget: QWidget, form: VisitForm) -> QPoint:
    return widget.mapTo(form, QPoint(0, 0))


def test_tab_goes_through_everything_in_the_order_it_is_seen(qtbot: QtBot,
                                                             form: VisitForm) -> None:
    form.set_raw({"interpreter_used": True})  # the language field takes part
    form.set_recent([earlier_visit()])
    form.first_input().setFocus()
    chain = [form.first_input()]
    while len(chain) < 30 and (after := press(qtbot, Qt.Key.Key_Tab)) is not chain[0]:
        chain.append(after)
    expected = [*(form.concerns.checkboxes[concern] for column in COLUMNS for field in column
                  for concern in CONCERNS_BY_FIELD[field]),
                form.note, form.interpreter, form.language, form.recent]
    assert chain == expected
    for before, after in itertools.pairwise(chain):
        a, b = position(before, form), position(after, form)
        assert b.y() > a.y() or b.x() > a.x(), (before.accessibleName(), after.accessibleName())
    assert sum(isinstance(widget, QCheckBox) for widget in chain) == len(Concern) + 1


def earlier_visit(days: int = 3, note: str = "Duldung verlängert") -> VisitSummary:
    return VisitSummary(uuid.uuid4(), datetime.now(UTC) - timedelta(days=days),
                        ("Lebensunterhalt", "Aufenthalt"), note, True, "ar")


def test_earlier_visits_are_listed_read_only(form: VisitForm) -> None:
    assert not form.recent.isVisible() and form.no_recent.isVisible()
    form.set_recent([earlier_visit(3), earlier_visit(40, "")])
    assert form.recent.isVisible() and form.recent.count() == 2
    first = form.recent.item(0).text()
    assert first.endswith("Lebensunterhalt, Aufenthalt – Dolmetscher: ar – Duldung verlängert")
    day = (datetime.now(UTC) - timedelta(days=3)).astimezone().strftime("%d.%m.%Y")
    assert first.startswith(day)
    assert form.recent.editTriggers() == form.recent.EditTrigger.NoEditTriggers
    assert not form.recent.item(0).flags() & Qt.ItemFlag.ItemIsEditable
    form.clear()
    assert form.recent.count() == 2  # they belong to the person, not to the new visit


def test_the_form_fits_the_smallest_window_even_with_every_message(form: VisitForm) -> None:
    form.set_recent([earlier_visit(), earlier_visit()])
    with pytest.raises(VisitValidationError) as raised:
        validate_visit({"concerns": [], "note": "x" * 4001, "interpreter_used": True})
    form.show_errors(raised.value.errors)
    assert len(raised.value.errors) == 3
    assert form.minimumSizeHint().height() <= 640 - PAGE_CHROME
    assert form.findChildren(QGroupBox)  # not a scroll area: everything is on screen
