"""The person form as the front desk uses it: keyboard only, errors next to their fields,
Arabic names right-to-left, a family registered in one go – and raw values that the one
validation layer reads back unchanged."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.db.engine import unit_of_work
from app.errors import FieldError
from app.services.database import open_database
from app.services.households import HouseholdMember, register_household
from app.services.partial_dates import PartialDate
from app.services.person_input import (
    LABELS,
    PersonValidationError,
    as_raw,
    validate,
)
from tests.actors import desk
from tests.ui.keyboard import focused, press, type_text
from ui.views.navigation import WIDTH as NAVIGATION_WIDTH
from ui.views.person_form import PersonForm
from ui.views.person_form_inputs import NameEdit
from ui.views.style import PAGE_MARGIN

SYRIAN = {
    "family_name": "Al-Hassan", "given_names": "Mohammed",
    "names": [{"family_name": "الحسن", "given_names": "محمد", "kind": "original"},
              {"family_name": "Alhasan", "given_names": "Muhammad", "kind": "variant"}],
    "birth_date": "1988-03-14", "birth_place": "Aleppo", "sex": "m", "nationality": "SY",
    "languages": ["ar", "kmr"], "interpreter_needed": True, "interpreter_language": "ar",
    "letter_language": "ar", "street": "Further Straße 12a", "postcode": "41462",
    "city": "Neuss", "municipality": "Neuss", "phone": "0151 23456789",
    "email": "m.alhassan@example.org", "status": "protected",
    "status_document": "Aufenthaltserlaubnis §25 Abs. 1–3", "document_number": "Y0AB12345",
    "document_valid_until": "2027-05-31", "permit_date": "2024-06-01",
    "bamf_file_number": "7654321-475", "azr_number": "123456789012", "employable": True,
    "unaccompanied_minor": False, "household_id": str(uuid.uuid4()),
    "household_role": "head", "note": "Kommt mit der Familie.\nTermin am Vormittag.",
}
TAB_ORDER = [
    "Familienname", "Vorname(n)", "Namensvariante 1 – Familienname",
    "Namensvariante 1 – Vorname(n)", "Namensvariante 1 – Art", "Entfernen",
    "Schreibweise hinzufügen", "Geburtsdatum", "Geburtsort", "Geschlecht",
    "Staatsangehörigkeit", "Sprachen", "Dolmetscher nötig", "Dolmetschsprache",
    "Briefsprache", "Straße und Hausnummer", "Postleitzahl", "Ort", "Kommune", "Telefon",
    "E-Mail", "Aufenthaltsstatus", "Aufenthaltsdokument", "Dokumentnummer", "Gültig bis",
    "Erteilt am", "BAMF-Aktenzeichen", "AZR-Nummer", "Erwerbsfähig",
    "Unbegleitet minderjährig", "Mitglieder des Haushalts", "Rolle im Haushalt",
    "Haushaltsmitglied 2 – Familienname", "Haushaltsmitglied 2 – Vorname(n)",
    "Haushaltsmitglied 2 – Geburtsdatum", "Haushaltsmitglied 2 – Geschlecht",
    "Haushaltsmitglied 2 – Rolle im Haushalt", "Entfernen", "Haushaltsmitglied hinzufügen",
    "Notiz",
]
INPUTS = (QLineEdit, QComboBox, QCheckBox, QPlainTextEdit, QTableWidget)


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[PersonForm]:
    """The form in a window of the size of the person page at 1024 × 640."""
    widget = PersonForm()
    width = 1024 - NAVIGATION_WIDTH - 2 * PAGE_MARGIN
    widget.setMinimumSize(width, 460)  # a fixed lower bound: no size hints to the window system
    widget.resize(width, 460)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget


def type_into(widget: QWidget, text: str) -> None:
    """Focus the input and type, key by key."""
    widget.setFocus()
    type_text(text)


def field(form: PersonForm, key: str) -> Any:
    return form.fields.slots[key].widget


def name_of(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    assert isinstance(widget, QAbstractButton)
    return widget.text().replace("&", "")


# --- raw values -------------------------------------------------------------------------------


def test_what_is_shown_reads_back_as_the_same_person(form: PersonForm) -> None:
    person = validate(SYRIAN)
    form.set_raw(as_raw(person))
    assert validate(form.raw()) == person
    assert list(form.raw()) == list(LABELS)
    assert field(form, "birth_date").text() == "14.03.1988"  # stored ISO, shown German
    assert field(form, "nationality").currentText() == "Syrien (SY)"
    assert field(form, "status").currentText() == "Schutzberechtigt"
    assert [row.value()["family_name"] for row in form.fields.variants.rows] == [
        "الحسن", "Alhasan"]


def test_a_draft_comes_back_as_it_was_typed(form: PersonForm) -> None:
    draft = {**as_raw(validate(SYRIAN)), "birth_date": "31.02.19", "postcode": "4146",
             "nationality": "Syrein", "languages": ["ar", "xyz"]}
    members = [{"family_name": "Al-Hassan", "given_names": "Fatima", "birth_date": "1991",
                "sex": "female", "household_role": "spouse"}]
    form.set_raw(draft, members)
    raw = form.raw()
    assert {key: raw[key] for key in ("birth_date", "postcode", "nationality", "languages")} \
        == {"birth_date": "31.02.19", "postcode": "4146", "nationality": "Syrein",
            "languages": ["ar", "xyz"]}
    assert [(m["given_names"], m["birth_date"]) for m in form.members_raw()] == [
        ("Fatima", "1991")]


def test_an_empty_form_is_an_unknown_person(form: PersonForm) -> None:
    form.set_raw(SYRIAN)
    form.clear()
    raw = form.raw()
    with pytest.raises(PersonValidationError) as raised:
        validate(raw)
    assert [error.field for error in raised.value.errors] == ["family_name"]
    person = validate({**raw, "family_name": "Müller"})
    assert (person.nationality, person.sex, person.status, person.letter_language) == (
        "UN", "unknown", "unknown", "de")
    assert form.members_raw() == []


def test_countries_and_languages_are_typed_by_name_or_code(form: PersonForm) -> None:
    nationality, hint = field(form, "nationality"), form.fields.slots["nationality"].hint
    type_into(nationality, "syr")
    assert hint.text() == "gemeint: Syrien (SY)"
    type_into(field(form, "languages"), "Arabisch, fa-af kurd Pasch xy")
    type_into(field(form, "interpreter_language"), "AR")
    assert nationality.currentText() == "Syrien (SY)"  # shown as meant on leaving it
    raw = form.raw()
    assert (raw["nationality"], raw["languages"], raw["interpreter_language"]) == (
        "SY", ["ar", "fa-AF", "ku", "ps", "xy"], "ar")
    assert form.fields.slots["languages"].hint.text() == (
        "Arabisch, Dari, Kurdisch, Paschtu, „xy“ unbekannt")
    nationality.setEditText("")
    type_into(nationality, "de")  # a code is never taken for a name that begins with it
    assert (nationality.currentText(), form.raw()["nationality"]) == ("de", "DE")
    nationality.setEditText("guin")
    assert form.raw()["nationality"] == "guin"  # several fit: left to the validation
    assert hint.text() == "passt zu: Guinea (GN); Guinea-Bissau (GW)"


def test_the_birth_date_says_how_much_of_it_is_known(form: PersonForm) -> None:
    born, hint = field(form, "birth_date"), form.fields.slots["birth_date"].hint
    for typed, said in (("1990", "nur Jahr bekannt"), ("03.1990", "nur Monat und Jahr bekannt"),
                        ("1990-03-14", "Tag, Monat und Jahr bekannt")):
        born.clear()
        type_into(born, typed)
        assert hint.text() == said
        assert born.accessibleDescription() == said
    born.clear()
    type_into(born, "31.02.1990")
    assert "dieses Datum gibt es nicht" in hint.text()


def test_choosing_a_municipality_and_a_status_fills_what_follows(form: PersonForm) -> None:
    field(form, "municipality").setCurrentText("Jüchen")
    field(form, "status").setCurrentText("Geduldet")
    assert (field(form, "city").text(), field(form, "status_document").currentText()) == (
        "Jüchen", "Duldung")
    field(form, "city").setText("Hochneukirch")
    field(form, "municipality").setCurrentText("Neuss")
    assert field(form, "city").text() == "Hochneukirch"  # typed text is never replaced


# --- household ----------------------------------------------------------------------------------


def test_new_members_take_over_the_address_and_their_family_name(
        form: PersonForm, qtbot: QtBot) -> None:
    form.set_raw({key: SYRIAN[key] for key in (
        "family_name", "street", "postcode", "city", "municipality", "nationality",
        "languages", "status", "status_document")})
    members = form.fields.members
    members.add_button.click()
    assert focused() is members.rows[0].cells["family_name"]
    press(qtbot, Qt.Key.Key_Tab)
    type_into(focused(), "Fatima")
    members.rows[0].cells["household_role"].setCurrentText("Ehepartner/in")
    members.add_button.click()  # a row left empty is no one
    [fatima] = form.members_raw()
    assert {key: fatima[key] for key in ("family_name", "given_names", "household_role",
                                         "street", "postcode", "municipality", "nationality",
                                         "languages", "status")} == {
        "family_name": "Al-Hassan", "given_names": "Fatima", "household_role": "spouse",
        "street": "Further Straße 12a", "postcode": "41462", "municipality": "Neuss",
        "nationality": "SY", "languages": ["ar", "kmr"], "status": "protected"}
    assert validate({**fatima, "household_id": str(uuid.uuid4())}).city == "Neuss"
    field(form, "family_name").setText("Al-Hasan")
    assert form.members_raw()[0]["family_name"] == "Al-Hasan"  # followed the correction


def test_a_member_with_a_name_of_her_own_keeps_it(form: PersonForm) -> None:
    form.set_raw({"family_name": "Al-Hassan"})
    row = form.fields.members.add_row()
    type_into(row.cells["family_name"], "Khalil")  # replaces the selected prefill
    type_into(row.cells["given_names"], "Fatima")
    field(form, "family_name").setText("Al-Hasan")
    assert form.members_raw()[0]["family_name"] == "Khalil"


def test_stored_household_members_are_listed(form: PersonForm) -> None:
    members = [HouseholdMember(uuid.uuid4(), "P-NE-2-2026-000001-4", "Al-Hassan", "Mohammed",
                               PartialDate(date(1988, 3, 14)), "head"),
               HouseholdMember(uuid.uuid4(), "P-NE-2-2026-000002-2", "Al-Hassan", "Fatima",
                               PartialDate(date(1991, 1, 1), "year"), "spouse")]
    form.set_household(members)
    table = form.fields.household
    cells = [[table.item(row, column).text() for column in range(3)] for row in range(2)]
    assert cells == [["Al-Hassan, Mohammed", "14.03.1988", "Haushaltsvorstand"],
                     ["Al-Hassan, Fatima", "1991", "Ehepartner/in"]]
    assert table.isVisible() and not form.fields.no_household.isVisible()
    form.set_household(members, person_id=members[0].person_id)  # Mohammed's own file
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [
        "Al-Hassan, Fatima"]
    form.clear()
    assert not table.isVisible() and form.fields.no_household.isVisible()


# --- errors ------------------------------------------------------------------------------------


def family_errors(tmp_path: Path, form: PersonForm) -> list[FieldError]:
    """What registering the typed family reports (real service, real database)."""
    database = open_database(Settings(database_url=f"sqlite:///{tmp_path / 'l.sqlite3'}",
                                      user="test"))
    try:
        with pytest.raises(PersonValidationError) as raised, \
                unit_of_work(database.sessions) as session:
            site = Settings(office="NE", workstation=2, user="test")
            register_household(session, [form.raw(), *form.members_raw()], actor=desk(site),
                               settings=site)
    finally:
        database.close()
    return list(raised.value.errors)


def test_errors_land_under_their_fields_and_the_first_gets_the_focus(
        form: PersonForm, tmp_path: Path) -> None:
    form.set_raw({**SYRIAN, "household_id": "", "postcode": "4146", "email": "m@",
                  "names": [{"family_name": "الحسن😀", "given_names": "محمد"}]}, [
        {"family_name": "Al-Hassan", "given_names": "Fatima", "birth_date": "1991"},
        {"family_name": "Al-Hassan", "given_names": "Omar", "birth_date": "31.11.2015"},
        {"family_name": "Al-Hassan", "given_names": "Lina", "household_role": "head"}])
    errors = family_errors(tmp_path, form)
    assert {error.field for error in errors} >= {
        "members[0].postcode", "members[0].email", "members[0].names[0].family_name",
        "members[2].birth_date", "members[3].household_role"}
    form.show_errors(errors)
    slots, rows = form.fields.slots, form.fields.members.rows
    assert slots["postcode"].error.text() == "erwartet werden fünf Ziffern (z. B. 41460)"
    assert slots["postcode"].error.isVisible() and slots["email"].error.isVisible()
    assert slots["postcode"].frame.property("invalid") is True
    assert not slots["street"].error.isVisible()
    variant = form.fields.variants.rows[0]
    assert variant.error.isVisible() and "Familienname:" in variant.error.text()
    assert rows[1].error.text().startswith("Geburtsdatum: dieses Datum gibt es nicht")
    assert rows[1].frames["birth_date"].property("invalid") is True
    assert rows[2].error.text().startswith("Rolle im Haushalt: nur ein Haushaltsmitglied")
    assert not rows[0].error.isVisible()
    assert "Postleitzahl" not in rows[0].error.text()  # shown once, at the main person
    first = variant.cells["family_name"]  # the first marked input in the form's order
    assert focused() is first
    assert not first.visibleRegion().isEmpty()


def test_new_errors_replace_the_old_and_unknown_keys_show_above(form: PersonForm) -> None:
    form.set_raw(SYRIAN)
    form.show_errors([FieldError("postcode", "Postleitzahl", "fünf Ziffern")])
    form.show_errors([FieldError("nickname", "Unbekanntes Feld", "gibt es nicht"),
                      FieldError("permit_date", "Erteilt am", "liegt vor dem Geburtsdatum")])
    slots = form.fields.slots
    assert not slots["postcode"].error.isVisible()
    assert slots["postcode"].frame.property("invalid") is False
    assert form.general_error.text() == "Unbekanntes Feld: gibt es nicht"
    assert focused() is field(form, "permit_date")
    assert not field(form, "permit_date").visibleRegion().isEmpty()
    form.clear_errors()
    assert not form.general_error.isVisible() and not slots["permit_date"].error.isVisible()


# --- keyboard, names, order --------------------------------------------------------------------


def test_every_input_is_named_by_its_visible_label(form: PersonForm) -> None:
    form.set_raw(SYRIAN, [{"given_names": "Fatima"}])
    labels = {label.buddy(): label.text() for label in form.findChildren(QLabel)
              if label.buddy() is not None}
    headings = {label.text() for label in form.findChildren(QLabel) if label.isVisible()}
    inputs = [widget for widget in form.findChildren(QWidget)
              if isinstance(widget, INPUTS) and not isinstance(widget.parent(), QComboBox)]
    assert len(inputs) == len(form.fields.slots) + 2 * 3 + 5 + 1  # variants, a member, list
    for widget in inputs:
        name = widget.accessibleName()
        if widget in labels:
            assert name == labels[widget]
        elif isinstance(widget, QCheckBox):
            assert name == widget.text()
        else:  # a cell of a row: "<row> – <column heading>"
            row, column = name.split(" – ")
            assert column in headings and row.split()[0] in (
                "Namensvariante", "Haushaltsmitglied"), name
    assert field(form, "nationality").lineEdit().accessibleName() == "Staatsangehörigkeit"
    cell = form.fields.members.rows[0].cells["given_names"]
    assert cell.accessibleName() == "Haushaltsmitglied 2 – Vorname(n)"


def test_tab_visits_everything_in_visual_order_and_scrolls_along(
        form: PersonForm, qtbot: QtBot) -> None:
    form.set_raw(SYRIAN, [{"given_names": "Fatima"}])
    form.set_household([HouseholdMember(uuid.uuid4(), "P-NE-2-2026-000001-4", "Al-Hassan",
                                        "Mohammed", None, "head")])
    form.fields.variants.rows[1].remove.click()
    form.first_input().setFocus()
    visited: list[QWidget] = []
    for _step in TAB_ORDER:
        current = focused()
        assert not current.visibleRegion().isEmpty(), name_of(current)  # scrolled to
        visited.append(current)
        press(qtbot, Qt.Key.Key_Tab)
    assert [name_of(widget) for widget in visited] == TAB_ORDER
    content = form.scroll_area.widget()
    places = [widget.mapTo(content, QPoint(0, widget.height() // 2)) for widget in visited]
    for before, after in itertools.pairwise(places):  # down, or right on a line
        assert after.y() > before.y() or (abs(after.y() - before.y()) < 8
                                           and after.x() > before.x())


def test_rows_are_added_and_removed_by_keyboard(form: PersonForm, qtbot: QtBot) -> None:
    form.first_input().setFocus()
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # Schreib&weise hinzufügen
    variants = form.fields.variants
    qtbot.waitUntil(lambda: len(variants.rows) == 1)  # after the button's short animation
    assert focused() is variants.rows[0].cells["family_name"]
    type_into(focused(), "Alhasan")
    press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    assert variants.rows == [] and focused() is variants.add_button
    members = form.fields.members
    for count in (1, 2):
        press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # &Haushaltsmitglied
        qtbot.waitUntil(lambda count=count: len(members.rows) == count)
    members.rows[0].remove.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert len(members.rows) == 1
    assert focused() is members.rows[0].cells["family_name"]
    assert members.rows[0].cells["given_names"].accessibleName() == (
        "Haushaltsmitglied 2 – Vorname(n)")  # numbered again


def test_arabic_names_are_written_right_to_left(form: PersonForm) -> None:
    family = field(form, "family_name")
    type_into(family, "محمد")
    assert family.text() == "محمد"
    assert family.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QStyle.visualAlignment(family.layoutDirection(), family.alignment()) & \
        Qt.AlignmentFlag.AlignRight
    family.clear()
    type_into(family, "Mohammed")
    assert family.layoutDirection() == Qt.LayoutDirection.LeftToRight
    row = form.fields.members.add_row()
    type_into(row.cells["given_names"], "فاطمة")
    assert isinstance(row.cells["given_names"], NameEdit)
    assert row.cells["given_names"].layoutDirection() == Qt.LayoutDirection.RightToLeft
    variant = form.fields.variants.add_row()
    type_into(variant.cells["family_name"], "الحسن")
    assert variant.cells["family_name"].layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert variant.value()["kind"] == "original"  # own script, found by itself


def test_typing_tells_the_controller_and_loading_does_not(
        form: PersonForm, qtbot: QtBot) -> None:
    edits: list[None] = []
    form.changed.connect(lambda: edits.append(None))
    form.set_raw(SYRIAN, [{"given_names": "Fatima"}])
    form.set_household([])
    form.clear()
    assert edits == []
    type_into(field(form, "street"), "ß")
    assert len(edits) == 1
    qtbot.mouseClick(field(form, "unaccompanied_minor"), Qt.MouseButton.LeftButton)
    form.fields.members.add_button.click()
    assert len(edits) == 3


def test_the_wheel_scrolls_the_form_not_the_choice_passed_over(form: PersonForm) -> None:
    status = field(form, "status")
    form.set_raw(SYRIAN)
    form.first_input().setFocus()
    down = QWheelEvent(QPointF(5, 5), QPointF(status.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                       QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                       Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(status, down)
    assert status.currentText() == "Schutzberechtigt"
    status.setFocus()
    QApplication.sendEvent(status, down)
    assert status.currentText() != "Schutzberechtigt"  # chosen on purpose


def test_the_form_fits_the_smallest_window(form: PersonForm) -> None:
    form.set_raw(SYRIAN, [{"given_names": "Fatima"}, {"given_names": "Omar"}])
    form.fields.members.add_row()
    assert not form.scroll_area.horizontalScrollBar().isVisible()
    assert form.scroll_area.verticalScrollBar().isVisible()  # long forms scroll
