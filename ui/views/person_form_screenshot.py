"""The screenshot of the person form for the documentation, rendered offscreen:

    python -m ui.views.person_form_screenshot docs/screenshots/person-form.png

A Syrian family at the counter – the main person with the name in Arabic script, three more
members, one known only by the birth year – and the error the validation layer reports for
an impossible birth date, shown where the front desk sees it. Nothing is saved anywhere.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from app.config import Settings
from app.db.engine import unit_of_work
from app.errors import FieldError
from app.i18n import _
from app.services.database import open_database
from app.services.households import register_household
from app.services.person_input import PersonValidationError
from ui.application import create_application, register_fonts
from ui.compat import keep_singletons_alive
from ui.controllers.sign_in_roles import unsigned_actor
from ui.views.person_page import PersonPage

WIDTH = 1024
MAIN = {
    "family_name": "Al-Hassan", "given_names": "Mohammed",
    "names": [{"family_name": "الحسن", "given_names": "محمد", "kind": "original"}],
    "birth_date": "14.03.1988", "birth_place": "Aleppo", "sex": "male", "nationality": "SY",
    "languages": ["ar", "kmr"], "interpreter_needed": True, "interpreter_language": "ar",
    "letter_language": "ar", "street": "Further Straße 12a", "postcode": "41462",
    "city": "Neuss", "municipality": "Neuss", "phone": "0151 23456789",
    "status": "protected", "status_document": "Aufenthaltserlaubnis §25 Abs. 1–3",
    "document_number": "Y0AB12345", "document_valid_until": "31.05.2027",
    "permit_date": "01.06.2024", "bamf_file_number": "7654321-475", "employable": True,
    "household_role": "head", "note": "Kommt mit Ehefrau und zwei Kindern; Termin gern "
                                      "vormittags.",
}
MEMBERS = [
    {"family_name": "Al-Hassan", "given_names": "Fatima", "birth_date": "1991",
     "sex": "female", "household_role": "spouse"},
    {"family_name": "Al-Hassan", "given_names": "Yusuf", "birth_date": "20.05.2015",
     "sex": "male", "household_role": "child"},
    {"family_name": "Al-Hassan", "given_names": "Lina", "birth_date": "31.11.2019",
     "sex": "female", "household_role": "child"},
]


def family_errors(raws: Sequence[dict[str, object]]) -> tuple[FieldError, ...]:
    """What registering the family reports; a throwaway database, nothing is kept."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Settings(database_url=f"sqlite:///{folder}/shot.sqlite3",
                                          user="screenshot"))
        try:
            with unit_of_work(database.sessions) as session:
                settings = Settings(office="NE", workstation=2, user="screenshot")
                register_household(session, raws, actor=unsigned_actor(settings),
                                   settings=settings)
        except PersonValidationError as invalid:
            return invalid.errors
        finally:
            database.close()
    raise SystemExit("the family was valid: the screenshot is meant to show an error")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.views.person_form_screenshot")
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_singletons_alive()
    application = create_application()
    register_fonts(application)
    page = PersonPage()
    page.setMinimumSize(WIDTH, 600)
    page.show()
    page.form.set_raw(MAIN, MEMBERS)
    errors = family_errors([page.form.raw(), *page.form.members_raw()])
    QApplication.processEvents()
    page.form.show_errors(errors)
    page.show_message(_("Nicht gespeichert: {count} Angabe(n) bitte prüfen – siehe die "
                        "markierten Felder.").format(count=len(errors)), problem=True)
    _show_all(page.form.scroll_area, page)
    if not page.grab().save(str(args.output)):
        raise SystemExit(f"could not write {args.output}")
    print(args.output)
    return 0


def _show_all(scroll_area: QScrollArea, page: QWidget) -> None:
    """As tall as the whole form, so that the picture needs no scrolling."""
    content = scroll_area.widget()
    assert content is not None
    QApplication.processEvents()
    height = page.height() + content.sizeHint().height() - scroll_area.viewport().height()
    page.setMinimumSize(WIDTH, height)
    page.resize(WIDTH, height)
    for _round in range(5):
        QApplication.processEvents()
    scroll_area.verticalScrollBar().setValue(0)


if __name__ == "__main__":
    raise SystemExit(main())
